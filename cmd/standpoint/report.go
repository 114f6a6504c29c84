package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/aggregate"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
	"github.com/standpoint/standpoint/report"
)

type reportOptions struct {
	input       inputFlags
	actors      actorFlags
	stance      stanceFlags
	out         string
	by          string
	top         int
	maxEvidence int
	title       string
	texts       []string
}

func newReportCmd(e *env) *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report DIR [--texts INPUT]... | report INPUT... -o FILE.html",
		Short: "Write an HTML page that shows who takes which stance, toward whom, and over time",
		Long: `Report writes one HTML page that shows:

  - each actor's stance profile: its mentions by stance, negated ones hatched
  - each actor's mean cooperation score per bucket of --by
  - an actor-by-actor matrix of the stances aimed at other actors, by kind:
    demand, reject, propose, support
  - every mention with its sentence, the actor and the cue marked, and a
    link to its document, in a table to search and sort

The page is self-contained: its style, script and data are embedded, and it
loads nothing from the network.

Given a directory that analyze wrote (one holding mentions.jsonl), report
reads its mentions and summary. --texts reads the documents again (files,
directories or - as analyze reads them) to show each mention's whole
sentence and each document's title and URL; without it the table shows the
evidence alone. The page goes to DIR/report.html unless -o names a file.

Given inputs instead (files, directories, or - for standard input), report
analyses them as analyze does, with the same options, and -o is required.
The options of the analysis (--actors, --lexicon, --speaker...) apply to
inputs only: an analysis directory is shown as it was analysed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(cmd, e, &o, args)
		},
	}
	o.input.register(cmd.Flags())
	o.actors.register(cmd.Flags())
	o.stance.register(cmd.Flags())
	f := cmd.Flags()
	f.StringVarP(&o.out, "output", "o", "", "write the page to `FILE` (default: DIR/report.html for an analysis directory)")
	f.StringVar(&o.by, "by", "", "bucket the time charts by `BUCKET`: day, week, month, quarter, year or source (default: as the summary was, else month)")
	f.IntVar(&o.top, "top", report.DefaultTop, "show the `N` actors with the most mentions in the charts, and N on each side of the matrix")
	f.IntVar(&o.maxEvidence, "max-evidence", 0, "list only the first `N` mentions in the evidence table (0 for all)")
	f.StringVar(&o.title, "title", report.DefaultTitle, "the page's `TITLE`")
	f.StringArrayVar(&o.texts, "texts", nil, "with an analysis directory, read the documents from `INPUT` to show whole sentences (repeatable)")
	return cmd
}

func runReport(cmd *cobra.Command, e *env, o *reportOptions, args []string) error {
	if len(args) == 1 && report.IsDir(args[0]) {
		return reportFromDir(cmd.Context(), e, o, args[0])
	}
	switch {
	case o.out == "":
		return errors.New("give the page to write with -o (it goes to DIR/report.html only for a directory analyze wrote)")
	case len(o.texts) > 0:
		return errors.New("--texts goes with a directory analyze wrote; the inputs themselves are the texts here")
	}
	return reportFromInputs(cmd, e, o, args)
}

func (o *reportOptions) builder(by string) (*report.Builder, error) {
	if o.by != "" {
		by = o.by
	}
	if by == "" {
		by = aggregate.ByMonth
	}
	return report.NewBuilder(report.Options{Title: o.title, By: by, Top: o.top, MaxEvidence: o.maxEvidence})
}

// reportFromInputs analyses the inputs and writes their page.
func reportFromInputs(cmd *cobra.Command, e *env, o *reportOptions, inputs []string) error {
	rb, err := o.builder("")
	if err != nil {
		return err
	}
	models, err := loadModels(&o.actors, &o.stance)
	if err != nil {
		return err
	}
	b := &batch[*corpus.Annotated]{env: e, flags: &o.input, inputs: inputs, outDir: filepath.Dir(o.out)}
	newWorker := func() func(corpus.Document) (*corpus.Annotated, error) {
		a := analysis.NewAnnotator(models)
		return func(d corpus.Document) (*corpus.Annotated, error) { return a.Annotate(d), nil }
	}
	err = b.run(cmd.Context(), newWorker, func(ad *corpus.Annotated) error {
		ms := output.MentionsOf(ad)
		evs := make([]report.Evidence, len(ms))
		for i, m := range ms {
			ctx, start := report.Context(ad.Text, ad.Sentences, m)
			evs[i] = report.Evidence{Mention: m, Context: ctx, ContextStart: start}
		}
		rb.Add(report.DocumentOf(ad.Document), evs)
		return nil
	})
	if err != nil {
		return err
	}
	if err := writePage(o.out, rb.Data(report.Totals{Documents: b.docs, Failed: len(b.errors)})); err != nil {
		return err
	}
	return b.finish("analyzed")
}

// reportFromDir writes the page of the analysis in dir.
func reportFromDir(ctx context.Context, e *env, o *reportOptions, dir string) error {
	out := o.out
	if out == "" {
		out = filepath.Join(dir, "report.html")
	}
	d, err := report.ReadDir(dir)
	if err != nil {
		return err
	}
	rb, err := o.builder(d.By)
	if err != nil {
		return err
	}
	if len(o.texts) > 0 {
		if err := addTexts(ctx, e, o, d); err != nil {
			return err
		}
	}
	d.AddTo(rb)
	if err := writePage(out, rb.Data(d.Totals)); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "standpoint: wrote %s\n", out)
	return nil
}

// addTexts reads the documents of --texts into d. A record that cannot be
// read is reported and skipped.
func addTexts(ctx context.Context, e *env, o *reportOptions, d *report.Dir) error {
	opts, err := o.input.options(e)
	if err != nil {
		return err
	}
	failed := 0
	err = d.AddTexts(corpus.Read(ctx, o.texts, opts), func(err error) {
		if failed < maxListedErrors {
			fmt.Fprintf(e.stderr, "standpoint: %v\n", err)
		}
		failed++
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > maxListedErrors {
		fmt.Fprintf(e.stderr, "standpoint: %d more records of the texts could not be read\n", failed-maxListedErrors)
	}
	if n := d.WithoutText(); n > 0 {
		fmt.Fprintf(e.stderr, "standpoint: %d documents of the mentions are not in the texts; their evidence is shown without its sentence\n", n)
	}
	return nil
}

// writePage writes the page of d to path, replacing it only when complete.
func writePage(path string, d *report.Data) error {
	return writeAtomic(path, func(f *os.File) error {
		bw := bufio.NewWriterSize(f, 256<<10)
		if err := report.Write(bw, d); err != nil {
			return err
		}
		return bw.Flush()
	})
}
