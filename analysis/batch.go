package analysis

import (
	"context"
	"fmt"
	"iter"
	"sync"

	"github.com/standpoint/standpoint/corpus"
)

// An Item is the outcome for one record of the input: a document and the
// value computed from it, or the error that kept it from being read or
// processed.
type Item[R any] struct {
	Doc   corpus.Document
	Value R
	Err   error
}

type job[R any] struct {
	seq  int
	item Item[R]
}

// InFlight returns how many documents Map holds at most on n workers:
// those read and not yet emitted, and the one being emitted. A pool of
// their buffers that size never runs dry.
func InFlight(n int) int { return 4*max(n, 1) + 1 }

// Map applies work to every document of docs on n workers and hands the
// results to emit in input order, read errors included, so the output never
// depends on n. newWorker is called once per worker and returns the function
// that worker applies, which may keep buffers between documents. A panic
// while processing a document becomes that document's error. Map stops at
// the first error emit returns, or when ctx is done.
func Map[R any](ctx context.Context, docs iter.Seq2[corpus.Document, error], n int,
	newWorker func() func(corpus.Document) (R, error), emit func(Item[R]) error) error {
	if n < 1 {
		n = 1
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// window bounds the documents in flight, and so memory, however slow
	// the earliest document is.
	window := make(chan struct{}, InFlight(n)-1)
	jobs := make(chan job[R], n)
	results := make(chan job[R], n)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		seq := 0
		for doc, err := range docs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job[R]{seq: seq, item: Item[R]{Doc: doc, Err: err}}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()
	var workers sync.WaitGroup
	for range n {
		workers.Add(1)
		go func() {
			defer workers.Done()
			work := newWorker()
			for j := range jobs {
				if j.item.Err == nil {
					j.item.Value, j.item.Err = safely(work, j.item.Doc)
				}
				select {
				case results <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		workers.Wait()
		close(results)
	}()

	pending := make(map[int]Item[R])
	next := 0
	var emitErr error
	for j := range results {
		if emitErr != nil {
			continue // drain so the workers can finish
		}
		pending[j.seq] = j.item
		for {
			it, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if err := emit(it); err != nil {
				emitErr = err
				cancel()
				break
			}
		}
	}
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	// The parent's error, not this context's: a cancelled parent is done
	// a moment before its children are, and the reader may have stopped
	// on the parent's signal.
	return parent.Err()
}

// safely runs work on doc, turning a panic into an error for that document.
func safely[R any](work func(corpus.Document) (R, error), doc corpus.Document) (v R, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error: %v", doc.ID, r)
		}
	}()
	return work(doc)
}
