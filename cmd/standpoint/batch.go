package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// maxListedErrors bounds how many failures are printed on stderr; all of
// them go to errors.jsonl.
const maxListedErrors = 20

// batch drives one run over a corpus: it reads inputs, processes documents
// on the workers, hands results to the writer in input order, and keeps
// count of what failed.
type batch[R any] struct {
	env     *env
	flags   *inputFlags
	inputs  []string
	outDir  string // where errors.jsonl goes by default; "" when output is stdout
	errors  []output.RecordError
	docs    int
	bytes   int64
	started time.Time
}

// run processes every document with work and passes each result to write.
func (b *batch[R]) run(ctx context.Context, newWorker func() func(corpus.Document) (R, error), write func(corpus.Document, R) error) error {
	opts, err := b.flags.options(b.env)
	if err != nil {
		return err
	}
	b.started = time.Now()
	pr := newProgress(b.env.stderr)
	defer pr.done()
	docs := corpus.Read(ctx, b.inputs, opts)
	return analysis.Map(ctx, docs, b.flags.workers, newWorker, func(it analysis.Item[R]) error {
		if it.Err != nil {
			if b.flags.strict {
				return fmt.Errorf("%w (stopped by --strict)", it.Err)
			}
			re := output.NewRecordError(it.Doc, it.Err)
			if len(b.errors) < maxListedErrors {
				fmt.Fprintf(b.env.stderr, "standpoint: %s\n", it.Err)
			}
			b.errors = append(b.errors, re)
			return nil
		}
		b.docs++
		b.bytes += int64(len(it.Doc.Text))
		pr.add(len(it.Doc.Text))
		return write(it.Doc, it.Value)
	})
}

// finish writes errors.jsonl when records failed, prints a summary line,
// and returns a partialError when some failed.
func (b *batch[R]) finish(what string) error {
	path := b.flags.errorsPath
	if path == "" && b.outDir != "" {
		path = filepath.Join(b.outDir, "errors.jsonl")
	}
	if path != "" {
		if len(b.errors) > 0 {
			if err := writeAtomic(path, func(f *os.File) error { return output.WriteErrors(f, b.errors) }); err != nil {
				return err
			}
		} else if b.flags.errorsPath == "" {
			// A list from an earlier run would describe failures that
			// did not happen this time.
			os.Remove(path)
		}
	}
	secs := time.Since(b.started).Seconds()
	fmt.Fprintf(b.env.stderr, "standpoint: %s %d documents (%.1f MB) in %.1fs", what, b.docs, float64(b.bytes)/1e6, secs)
	if n := len(b.errors); n > 0 {
		fmt.Fprintf(b.env.stderr, "; %d failed", n)
		if n > maxListedErrors {
			fmt.Fprintf(b.env.stderr, " (%d not shown)", n-maxListedErrors)
		}
		if path != "" {
			fmt.Fprintf(b.env.stderr, ", listed in %s", path)
		}
		fmt.Fprintln(b.env.stderr)
		return &partialError{failed: n, total: n + b.docs}
	}
	fmt.Fprintln(b.env.stderr)
	return nil
}

// writeAtomic writes path through fill, replacing it only when complete.
func writeAtomic(path string, fill func(*os.File) error) error {
	f, err := output.CreateAtomic(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := fill(f.File); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Commit()
}
