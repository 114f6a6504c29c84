package analysis

import (
	"context"
	"strings"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/standpoint/standpoint/corpus"
)

// TestMapBoundsBytes runs documents of mixed sizes, some larger than the
// whole budget, on several workers: every result comes out in input order,
// the text held from a worker's taking a document to its result's being
// emitted never exceeds the budget, but for one document alone, and a
// document being emitted is still counted in the budget.
func TestMapBoundsBytes(t *testing.T) {
	const max = 100
	sizes := []int{10, 60, 30, 150, 5, 5, 90, 40, 40, 40, 200, 1, 99, 100, 0, 70}
	var docs []corpus.Document
	for range 5 {
		for i, n := range sizes {
			docs = append(docs, corpus.Document{ID: string(rune('a' + i)), Text: strings.Repeat("x", n)})
		}
	}
	for _, workers := range []int{1, 2, 4} {
		budget := newByteBudget(max)
		var mu sync.Mutex
		held, count := 0, 0
		newWorker := func() func(corpus.Document) (int, error) {
			return func(d corpus.Document) (int, error) {
				mu.Lock()
				defer mu.Unlock()
				held += len(d.Text)
				count++
				if held > max && count > 1 {
					t.Errorf("-j %d: %d bytes held in %d documents, over the budget of %d", workers, held, count, max)
				}
				return len(d.Text), nil
			}
		}
		var got []int
		emit := func(it Item[int]) error {
			if used := budget.used.Load(); used < int64(len(it.Doc.Text)) {
				t.Errorf("-j %d: %d bytes in the budget while a document of %d is emitted", workers, used, len(it.Doc.Text))
			}
			mu.Lock()
			defer mu.Unlock()
			held -= len(it.Doc.Text)
			count--
			got = append(got, it.Value)
			return nil
		}
		seq := func(yield func(corpus.Document, error) bool) {
			for _, d := range docs {
				if !yield(d, nil) {
					return
				}
			}
		}
		if err := mapBytes(context.Background(), seq, workers, budget, newWorker, emit); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(docs) {
			t.Fatalf("-j %d: %d results, want %d", workers, len(got), len(docs))
		}
		for i, d := range docs {
			if got[i] != len(d.Text) {
				t.Fatalf("-j %d: result %d is %d, want %d: out of order", workers, i, got[i], len(d.Text))
			}
		}
		if used := budget.used.Load(); used != 0 {
			t.Errorf("-j %d: %d bytes left in the budget after the run", workers, used)
		}
	}
}

// TestByteBudget checks that a request waits while it does not fit, is
// woken by a release, is granted alone whatever its size, and gives up when
// its context is done.
func TestByteBudget(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		b := newByteBudget(100)
		if !b.acquire(ctx, 80) || !b.acquire(ctx, 20) {
			t.Fatal("requests within the budget refused")
		}
		got := make(chan bool, 1)
		go func() { got <- b.acquire(ctx, 30) }()
		synctest.Wait() // the request waits: 30 does not fit
		select {
		case <-got:
			t.Fatal("a request granted over the budget")
		default:
		}
		b.release(80) // 20 held: 30 fits
		if !<-got {
			t.Fatal("a request that fits after a release was refused")
		}
		b.release(20)
		b.release(30)
		if !b.acquire(ctx, 500) {
			t.Fatal("a request larger than the budget was refused with nothing held")
		}
		cctx, cancel := context.WithCancel(ctx)
		go func() { got <- b.acquire(cctx, 1) }()
		synctest.Wait()
		cancel() // nothing is released: only the context can end the wait
		if <-got {
			t.Fatal("a request granted over the budget")
		}
	})
}
