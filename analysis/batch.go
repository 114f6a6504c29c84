package analysis

import (
	"context"
	"fmt"
	"iter"
	"sync"
	"sync/atomic"

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
// their buffers that size never runs dry. Results are emitted in input
// order, so a long document holds back the ones read after it while the
// other workers go on: with room for 4 documents per worker, at -j 2 on
// news documents the other worker waited for documents a tenth of the
// time; with 16 more per worker beyond the first, a fiftieth. A single
// worker never waits so. The room stops growing at 48 documents, or 4 per
// worker when that is more, since each pooled buffer may keep a long
// document's tokens.
func InFlight(n int) int {
	n = max(n, 1)
	return max(4*n+1, min(5+16*(n-1), 48))
}

// inFlightBytes bounds the text of the documents Map holds, but for the
// first: however large a document, it is processed, alone if need be. An
// annotated document takes some 13 times its text, so this is about the
// heap the soft memory limit allows. Documents of news and commentary are
// tens of kilobytes, far under it; documents near the limit of a
// document's size are held one at a time.
const inFlightBytes = 16 << 20

// Map applies work to every document of docs on n workers and hands the
// results to emit in input order, read errors included, so the output never
// depends on n. newWorker is called once per worker and returns the function
// that worker applies, which may keep buffers between documents. A panic
// while processing a document becomes that document's error. Map stops at
// the first error emit returns, or when ctx is done.
func Map[R any](ctx context.Context, docs iter.Seq2[corpus.Document, error], n int,
	newWorker func() func(corpus.Document) (R, error), emit func(Item[R]) error) error {
	return mapBytes(ctx, docs, n, newByteBudget(inFlightBytes), newWorker, emit)
}

// mapBytes is Map holding the text of the documents in flight within
// budget, from reading to the end of emit.
func mapBytes[R any](ctx context.Context, docs iter.Seq2[corpus.Document, error], n int, budget *byteBudget,
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
			if !budget.acquire(ctx, int64(len(doc.Text))) {
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
			// After emit, not before: the text is held until written.
			budget.release(int64(len(it.Doc.Text)))
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

// A byteBudget bounds the bytes held by one goroutine that acquires and
// another that releases. A request larger than what is left waits until
// everything is released, so that any request is granted in the end.
type byteBudget struct {
	max   int64
	used  atomic.Int64
	freed chan struct{} // holds a wake-up after a release
}

func newByteBudget(max int64) *byteBudget {
	return &byteBudget{max: max, freed: make(chan struct{}, 1)}
}

// acquire waits until n bytes fit, or nothing is held, and takes them. It
// reports false when ctx is done first.
func (b *byteBudget) acquire(ctx context.Context, n int64) bool {
	for {
		used := b.used.Load()
		if used == 0 || used+n <= b.max {
			// Only release changes used meanwhile, downwards.
			b.used.Add(n)
			return true
		}
		select {
		case <-b.freed:
		case <-ctx.Done():
			return false
		}
	}
}

// release gives n bytes back.
func (b *byteBudget) release(n int64) {
	b.used.Add(-n)
	select {
	case b.freed <- struct{}{}:
	default:
	}
}
