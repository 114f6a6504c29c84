package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

type annotateOptions struct {
	input  inputFlags
	actors actorFlags
	out    string
	resume bool
}

func newAnnotateCmd(e *env) *cobra.Command {
	var o annotateOptions
	cmd := &cobra.Command{
		Use:   "annotate INPUT... [-o FILE.jsonl]",
		Short: "Write the annotated corpus: tokens with offsets, sentences, tags and stems",
		Long: `Annotate reads the inputs (files, directories, or - for standard input) and
writes one JSON object a line per document: its metadata and text, its
sentences, its tokens as [start, end, tag, stem] with byte offsets into
the text, and the actors it mentions. Documents come out in input order whatever the number of workers.

Writing to FILE, it keeps a checkpoint of the documents done beside it
(.FILE.standpoint-resume.jsonl): after an interruption, the same command with
--resume skips them and ends with the file an uninterrupted run writes.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return annotate(cmd, e, &o, args)
		},
	}
	o.input.register(cmd.Flags())
	o.actors.register(cmd.Flags())
	cmd.Flags().StringVarP(&o.out, "output", "o", "-", "write to `FILE` (- for standard output)")
	cmd.Flags().BoolVar(&o.resume, "resume", false, "continue the interrupted run of the same command line that wrote to -o FILE, skipping the documents it finished")
	return cmd
}

func annotate(cmd *cobra.Command, e *env, o *annotateOptions, inputs []string) error {
	models, err := loadModels(&o.actors, nil)
	if err != nil {
		return err
	}
	if o.resume && o.out == "-" {
		return errors.New("--resume needs -o FILE, which the interrupted run wrote")
	}
	b := &batch[*corpus.Annotated]{env: e, flags: &o.input, inputs: inputs}
	lines := &annotatedLines{enc: corpus.NewAnnotatedEncoder()}
	w := e.stdout
	var file *output.AtomicFile
	if o.out != "-" {
		b.outDir = filepath.Dir(o.out)
		// A run that writes to a device or a pipe cannot be resumed.
		if info, err := os.Stat(o.out); errors.Is(err, fs.ErrNotExist) || err == nil && info.Mode().IsRegular() {
			key, err := runKey(cmd, inputs, o.actors.files)
			if err != nil {
				return err
			}
			if b.ckpt, err = openCheckpoint(checkpointBeside(o.out), key, o.resume, o.input.maxDocBytes, annotatedCodec(lines), e.stderr); err != nil {
				return err
			}
			defer b.ckpt.close()
		} else if o.resume {
			return fmt.Errorf("--resume: %s is not a file, so no run to it can be resumed", o.out)
		}
		if file, err = output.CreateAtomic(o.out); err != nil {
			return err
		}
		defer file.Abort()
		w = file
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	newWorker, release := annotators(models, o.input.workers)
	b.release = release
	err = b.run(cmd.Context(), newWorker, func(ad *corpus.Annotated) error {
		line, err := lines.next(ad)
		if err != nil {
			return err
		}
		_, err = bw.Write(line)
		return err
	})
	if err != nil {
		return b.stopped(err)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return err
		}
	}
	return b.complete("annotated")
}

// annotatedLines encodes each annotated document once, for the output and
// the checkpoint alone: both write the same line, the checkpoint right
// after the output. A document's line was most of the work of annotate.
type annotatedLines struct {
	enc  *corpus.AnnotatedEncoder
	line []byte
	last *corpus.Annotated // whose line is line, until the checkpoint takes it
}

// next returns the line of a, for the output.
func (l *annotatedLines) next(a *corpus.Annotated) ([]byte, error) {
	line, err := l.enc.Append(l.line[:0], a)
	l.line, l.last = line, a
	if err != nil {
		l.last = nil
	}
	return line, err
}

// take returns the line of a, for the checkpoint: the one next made, if
// a's. It is taken once, since a goes back to the pool after, to be filled
// with another document.
func (l *annotatedLines) take(a *corpus.Annotated) ([]byte, error) {
	if a == l.last {
		l.last = nil
		return l.line, nil
	}
	return l.enc.Append(nil, a)
}
