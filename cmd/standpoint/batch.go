package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// maxListedErrors bounds how many failures are printed on stderr; all of
// them go to errors.jsonl.
const maxListedErrors = 20

// batch drives one run over a corpus: it reads inputs, gives each document
// an id of its own, processes documents on the workers, hands results to the
// writer in input order, and keeps count of what failed. With a checkpoint,
// it first replays the records an interrupted run finished and skips them
// in the input.
type batch[R any] struct {
	env     *env
	flags   *inputFlags
	inputs  []string
	outDir  string         // where errors.jsonl goes by default; "" when output is stdout
	ckpt    *checkpoint[R] // nil when the run keeps no checkpoint
	errors  []output.RecordError
	docs    int
	bytes   int64
	resumed int // records replayed from the checkpoint
	renamed int // documents whose id was taken by an earlier one
	warned  int // warnings printed
	started time.Time
	// release, when set, gets each result once it is written: the worker
	// may fill its buffers again.
	release func(R)
}

// run processes every document with work and passes each result to write,
// and then to release, if set. write must not keep the result: release
// may recycle it.
func (b *batch[R]) run(ctx context.Context, newWorker func() func(corpus.Document) (R, error), write func(R) error) error {
	opts, err := b.flags.options(b.env)
	if err != nil {
		return err
	}
	b.started = time.Now()
	pr := newProgress(b.env.stderr)
	defer pr.done()

	// What the checkpoint holds goes to the outputs first, in order.
	var kept []checkpointItem
	if b.ckpt != nil {
		err := b.ckpt.replay(opts.MaxDocBytes, func(i int, it checkpointItem, r R) error {
			it.Result = nil
			kept = append(kept, it)
			if it.Error != nil {
				b.fail(*it.Error)
				return nil
			}
			b.docs++
			b.bytes += int64(it.Bytes)
			pr.add(it.Bytes)
			return write(r)
		})
		if err != nil {
			return err
		}
		b.resumed = len(kept)
	}

	// The reading goroutine renames duplicate ids and skips the records
	// replayed; its warnings wait here until their record is written, so
	// that they come out in input order.
	var mu sync.Mutex
	warnings := make(map[int]string)
	var inputsChanged error
	ids := newUniqueIDs()
	docs := func(yield func(corpus.Document, error) bool) {
		i := 0
		for d, err := range corpus.Read(ctx, b.inputs, opts) {
			var warning string
			if err == nil {
				if d.ID, warning = ids.assign(d); warning != "" {
					b.renamed++
				}
			}
			if i < len(kept) {
				if inputsChanged = checkResumed(i, kept[i], d, err); inputsChanged != nil {
					return
				}
				i++
				continue
			}
			if warning != "" {
				mu.Lock()
				warnings[i] = warning
				mu.Unlock()
			}
			i++
			if !yield(d, err) {
				return
			}
		}
		if i < len(kept) && ctx.Err() == nil {
			inputsChanged = fmt.Errorf("--resume: the inputs changed since the interrupted run: they have %d records, the checkpoint %d; run again without --resume to start over", i, len(kept))
		}
	}
	pos := len(kept)
	err = analysis.Map(ctx, docs, b.flags.workers, newWorker, func(it analysis.Item[R]) error {
		mu.Lock()
		warning, ok := warnings[pos]
		delete(warnings, pos)
		mu.Unlock()
		pos++
		if ok {
			b.warn(warning)
		}
		if it.Err != nil {
			if b.flags.strict {
				return fmt.Errorf("%w (stopped by --strict)", it.Err)
			}
			re := output.NewRecordError(it.Doc, it.Err)
			b.fail(re)
			if b.ckpt != nil {
				var none R
				return b.ckpt.add(it.Doc, none, &re)
			}
			return nil
		}
		b.docs++
		b.bytes += int64(len(it.Doc.Text))
		pr.add(len(it.Doc.Text))
		if err := write(it.Value); err != nil {
			return err
		}
		if b.ckpt != nil {
			if err := b.ckpt.add(it.Doc, it.Value, nil); err != nil {
				return err
			}
		}
		if b.release != nil {
			b.release(it.Value)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Map has returned, so the reading goroutine is done with inputsChanged
	// and renamed.
	return inputsChanged
}

// fail records a record that could not be processed, listing the first
// ones on stderr.
func (b *batch[R]) fail(re output.RecordError) {
	if len(b.errors) < maxListedErrors {
		fmt.Fprintf(b.env.stderr, "standpoint: %s\n", printable(recordErrorString(re)))
	}
	b.errors = append(b.errors, re)
}

// recordErrorString is the message of a failed record, naming where it is.
func recordErrorString(re output.RecordError) string {
	where := originString(corpus.Origin{Path: re.Path, Line: re.Line})
	if strings.HasPrefix(re.Error, where+": ") {
		return re.Error
	}
	return where + ": " + re.Error
}

// warn prints the first warnings on stderr.
func (b *batch[R]) warn(msg string) {
	if b.warned < maxListedErrors {
		fmt.Fprintf(b.env.stderr, "standpoint: warning: %s\n", printable(msg))
	}
	b.warned++
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
	if b.resumed > 0 {
		fmt.Fprintf(b.env.stderr, " (%d records resumed from the checkpoint)", b.resumed)
	}
	if b.renamed > 0 {
		fmt.Fprintf(b.env.stderr, "; %d duplicate ids renamed", b.renamed)
	}
	if n := len(b.errors); n > 0 {
		fmt.Fprintf(b.env.stderr, "; %d failed", n)
		if n > maxListedErrors {
			fmt.Fprintf(b.env.stderr, " (%d not shown)", n-maxListedErrors)
		}
		if path != "" {
			fmt.Fprintf(b.env.stderr, ", listed in %s", printable(path))
		}
		fmt.Fprintln(b.env.stderr)
		return &partialError{failed: n, total: n + b.docs}
	}
	fmt.Fprintln(b.env.stderr)
	return nil
}

// complete finishes a run whose outputs are all written: it writes
// errors.jsonl, prints the summary line, and then removes the checkpoint.
func (b *batch[R]) complete(what string) error {
	err := b.finish(what)
	var partial *partialError
	if err != nil && !errors.As(err, &partial) {
		return err
	}
	if b.ckpt != nil {
		if rerr := b.ckpt.remove(); rerr != nil {
			return rerr
		}
	}
	return err
}

// stopped returns the error of a run that stopped early, saying where its
// checkpoint is when it was interrupted.
func (b *batch[R]) stopped(err error) error {
	if b.ckpt != nil && errors.Is(err, context.Canceled) {
		return &resumableError{err: err, checkpoint: b.ckpt.path}
	}
	return err
}

// resumableError is an interruption of a run that keeps a checkpoint.
type resumableError struct {
	err        error
	checkpoint string // its file
}

func (e *resumableError) Error() string { return e.err.Error() }
func (e *resumableError) Unwrap() error { return e.err }

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

// annotators returns the workers of a run that annotates documents with
// models on the given number of workers, and the release the run's batch
// hands each result to once written: the workers share a pool of token
// slices, which release puts results back into.
func annotators(models *analysis.Models, workers int) (newWorker func() func(corpus.Document) (*corpus.Annotated, error), release func(*corpus.Annotated)) {
	pool := analysis.NewPool(analysis.InFlight(workers))
	newWorker = func() func(corpus.Document) (*corpus.Annotated, error) {
		a := analysis.NewAnnotator(models)
		a.UsePool(pool)
		return func(d corpus.Document) (*corpus.Annotated, error) { return a.Annotate(d), nil }
	}
	return newWorker, pool.Put
}
