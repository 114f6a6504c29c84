package main

import (
	"bufio"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

type annotateOptions struct {
	input  inputFlags
	actors actorFlags
	out    string
}

func newAnnotateCmd(e *env) *cobra.Command {
	var o annotateOptions
	cmd := &cobra.Command{
		Use:   "annotate INPUT... [-o FILE.jsonl]",
		Short: "Write the annotated corpus: tokens with offsets, sentences, tags and stems",
		Long: `Annotate reads the inputs (files, directories, or - for standard input) and
writes one JSON object a line per document: its metadata and text, its
sentences, its tokens as [start, end, tag, stem] with byte offsets into
the text, and the actors it mentions. Documents come out in input order whatever the number of workers.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return annotate(cmd, e, &o, args)
		},
	}
	o.input.register(cmd.Flags())
	o.actors.register(cmd.Flags())
	cmd.Flags().StringVarP(&o.out, "output", "o", "-", "write to `FILE` (- for standard output)")
	return cmd
}

func annotate(cmd *cobra.Command, e *env, o *annotateOptions, inputs []string) error {
	models, err := loadModels(&o.actors, nil)
	if err != nil {
		return err
	}
	b := &batch[*corpus.Annotated]{env: e, flags: &o.input, inputs: inputs}
	w := e.stdout
	var file *output.AtomicFile
	if o.out != "-" {
		b.outDir = filepath.Dir(o.out)
		if file, err = output.CreateAtomic(o.out); err != nil {
			return err
		}
		defer file.Abort()
		w = file
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := corpus.NewAnnotatedWriter(bw)
	newWorker := func() func(corpus.Document) (*corpus.Annotated, error) {
		a := analysis.NewAnnotator(models)
		return func(d corpus.Document) (*corpus.Annotated, error) { return a.Annotate(d), nil }
	}
	err = b.run(cmd.Context(), newWorker, func(ad *corpus.Annotated) error {
		return enc.Write(ad)
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return err
		}
	}
	return b.finish("annotated")
}
