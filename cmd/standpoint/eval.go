package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/standpoint/standpoint/analysis/evaluate"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

type evalOptions struct {
	input   inputFlags
	gold    []string
	texts   []string
	verbose bool
	asJSON  bool
}

func newEvalCmd(e *env) *cobra.Command {
	var o evalOptions
	cmd := &cobra.Command{
		Use:   "eval --gold GOLD.jsonl --texts INPUT [--texts INPUT]... [-v] MENTIONS.jsonl",
		Short: "Score stance mentions against gold ones: precision, recall and F1, overall and per stance",
		Long: `Eval matches the stance mentions of MENTIONS.jsonl (- for standard input), as
analyze writes them, to the items of the gold files, and prints precision,
recall and F1, overall and per stance.

A gold file holds one JSON object a line: "doc", "actor", "stance" (a
category, or a list of categories any of which is right), "quote" (an exact
substring occurring once in the document) or "start" and "end" (byte
offsets), and "required" (true when absent). --texts reads the documents
(files, directories, JSON Lines or CSV, as analyze does) to place each quote;
only the documents the gold names are kept. A record of the texts that
cannot be read is reported and skipped.

A mention matches a gold item when it concerns the same document, its
evidence span overlaps the item's span, its actor is the item's and its
stance one of the item's. Each item matches at most one mention and each
mention at most one item, chosen to match the most required items, then the
most optional ones. Precision is the share of mentions that matched a
required item, leaving out those that match optional items; recall is the
share of required items matched. Per stance, a mention counts for its stance,
and a required item for the stance of the mention it matched or, when missed,
for its first stance. Mentions of documents without gold items are ignored,
so that the mentions of a whole corpus can be scored against gold for a few
of its documents.

The exit code is 0 whatever the scores, 1 when a file cannot be read.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEval(cmd.Context(), e, &o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.gold, "gold", nil, "read gold items from `FILE` (repeatable)")
	f.StringArrayVar(&o.texts, "texts", nil, "read the documents from `INPUT`: a file, a directory, or - for standard input (repeatable)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "also list each miss and each false positive")
	f.BoolVar(&o.asJSON, "json", false, "print the report as JSON")
	// Of the input options, those that say how to read the texts: eval
	// processes no documents and writes no list of failures.
	in := pflag.NewFlagSet("input", pflag.ContinueOnError)
	o.input.register(in)
	in.VisitAll(func(fl *pflag.Flag) {
		if fl.Name != "jobs" && fl.Name != "errors" {
			f.AddFlag(fl)
		}
	})
	return cmd
}

func runEval(ctx context.Context, e *env, o *evalOptions, mentionsPath string) error {
	switch {
	case len(o.gold) == 0:
		return errors.New("give the gold items with --gold")
	case len(o.texts) == 0:
		return errors.New("give the documents with --texts")
	case mentionsPath == "-" && slices.Contains(o.texts, "-"):
		return errors.New("the mentions and the texts cannot both come from standard input")
	}
	opts, err := o.input.options(e)
	if err != nil {
		return err
	}
	var items []evaluate.GoldItem
	for _, path := range o.gold {
		more, err := readGoldFile(path)
		if err != nil {
			return err
		}
		items = append(items, more...)
	}
	texts, err := readGoldTexts(ctx, e, o.texts, opts, items)
	if err != nil {
		return err
	}
	if err := evaluate.Locate(items, texts); err != nil {
		return err
	}
	preds, others, err := readPredictions(e, mentionsPath, texts)
	if err != nil {
		return err
	}
	rep := evaluate.Evaluate(items, preds)
	// readPredictions kept only the mentions of gold documents.
	rep.OtherDocs += others
	if o.asJSON {
		return writeJSON(e.stdout, rep)
	}
	return printReport(e.stdout, rep, texts, o.verbose)
}

// readGoldFile reads the gold items of the file at path, which must hold
// at least one.
func readGoldFile(path string) ([]evaluate.GoldItem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	items, err := evaluate.ReadGold(f, path)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: no gold items", path)
	}
	return items, nil
}

// readGoldTexts reads the inputs and returns, by id, the texts of the
// documents the items name. A record that cannot be read is reported on
// stderr and skipped: if it held a gold document, Locate says which is
// missing.
func readGoldTexts(ctx context.Context, e *env, inputs []string, opts corpus.Options, items []evaluate.GoldItem) (map[string]string, error) {
	wanted := make(map[string]bool)
	for _, it := range items {
		wanted[it.Doc] = true
	}
	texts := make(map[string]string)
	failed := 0
	for d, err := range corpus.Read(ctx, inputs, opts) {
		if err != nil {
			if failed < maxListedErrors {
				fmt.Fprintf(e.stderr, "standpoint: %s\n", printable(err.Error()))
			}
			failed++
			continue
		}
		if !wanted[d.ID] {
			continue
		}
		if text, ok := texts[d.ID]; ok {
			if text != d.Text {
				return nil, &corpus.Error{Path: d.Origin.Path, Line: d.Origin.Line, Err: fmt.Errorf("document %q read again, with another text", d.ID)}
			}
			continue
		}
		texts[d.ID] = d.Text
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if failed > maxListedErrors {
		fmt.Fprintf(e.stderr, "standpoint: %d more records of the texts could not be read\n", failed-maxListedErrors)
	}
	return texts, nil
}

// readPredictions reads the mentions at path (- for standard input) and
// keeps those of the documents of texts, returning how many others there
// were. A kept mention's span must hold its text: otherwise the mentions
// were not found in these texts, and its offsets would mean nothing.
func readPredictions(e *env, path string, texts map[string]string) (preds []output.Mention, others int, err error) {
	r, name := e.stdin, "standard input"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, 0, err
		}
		defer f.Close()
		r, name = f, path
	}
	mr := evaluate.NewMentionReader(r, name)
	for {
		m, err := mr.Read()
		if err == io.EOF {
			return preds, others, nil
		}
		if err != nil {
			return nil, 0, err
		}
		text, ok := texts[m.Doc]
		if !ok {
			others++
			continue
		}
		if m.End > len(text) || m.Text != "" && m.Text != text[m.Start:m.End] {
			return nil, 0, &corpus.Error{Path: name, Line: mr.Line(), Err: fmt.Errorf(
				"span %d-%d of document %q does not hold the mention's text: were the mentions found in these texts?", m.Start, m.End, m.Doc)}
		}
		preds = append(preds, m)
	}
}

// printReport writes the counts, a table of scores, overall and per
// stance, and with verbose the misses and the false positives.
func printReport(w io.Writer, rep evaluate.Report, texts map[string]string, verbose bool) error {
	fmt.Fprintf(w, "gold: %d required and %d optional items in %s (%d optional matched)\n",
		rep.Overall.Gold, rep.Optional, plural(rep.Documents, "document"), rep.OptionalFound)
	fmt.Fprintf(w, "predictions: %d counted, %d left out as matching optional items, %d in other documents\n",
		rep.Overall.Predicted, rep.LeftOut, rep.OtherDocs)
	fmt.Fprintln(w)

	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STANCE\tPREDICTED\tMATCHED\tPRECISION\tGOLD\tFOUND\tRECALL\tF1")
	row := func(name string, s evaluate.Score) {
		precision, recall, f1 := "-", "-", "-"
		if s.Predicted > 0 {
			precision = fmt.Sprintf("%.3f", s.Precision)
		}
		if s.Gold > 0 {
			recall = fmt.Sprintf("%.3f", s.Recall)
		}
		if s.Predicted > 0 && s.Gold > 0 {
			f1 = fmt.Sprintf("%.3f", s.F1)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%d\t%s\t%s\n", printable(name), s.Predicted, s.Matched, precision, s.Gold, s.Found, recall, f1)
	}
	row("overall", rep.Overall)
	for _, s := range rep.ByStance {
		row(s.Stance, s.Score)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !verbose {
		return nil
	}

	fmt.Fprintf(w, "\nmisses: %d\n", len(rep.Misses))
	if len(rep.Misses) > 0 {
		fmt.Fprintln(tw, "GOLD\tDOC\tACTOR\tSTANCE\tQUOTE")
		for _, it := range rep.Misses {
			quote := it.Quote
			if quote == "" {
				quote = texts[it.Doc][it.Start:it.End]
			}
			fmt.Fprintf(tw, "%s:%d\t%s\t%s\t%s\t%s\n", printable(it.File), it.Line, printable(it.Doc), printable(it.Actor), printable(strings.Join(it.Stances, "|")), strconv.Quote(quote))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\nfalse positives: %d\n", len(rep.FalsePositives))
	if len(rep.FalsePositives) > 0 {
		fmt.Fprintln(tw, "DOC\tSPAN\tACTOR\tSTANCE\tTEXT")
		for _, m := range rep.FalsePositives {
			fmt.Fprintf(tw, "%s\t%d-%d\t%s\t%s\t%s\n", printable(m.Doc), m.Start, m.End, printable(m.Actor), printable(m.Stance), strconv.Quote(texts[m.Doc][m.Start:m.End]))
		}
		return tw.Flush()
	}
	return nil
}

// plural returns n and the noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
