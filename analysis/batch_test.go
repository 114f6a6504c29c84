package analysis

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

// TestMapBoundsBytes runs documents of mixed sizes, some larger than the
// whole budget, on several workers: every result comes out in input order,
// and the text held between a worker's taking a document and its result's
// being emitted never exceeds the budget, but for one document alone.
func TestMapBoundsBytes(t *testing.T) {
	const budget = 100
	sizes := []int{10, 60, 30, 150, 5, 5, 90, 40, 40, 40, 200, 1, 99, 100, 0, 70}
	var docs []corpus.Document
	for range 5 {
		for i, n := range sizes {
			docs = append(docs, corpus.Document{ID: string(rune('a' + i)), Text: strings.Repeat("x", n)})
		}
	}
	for _, workers := range []int{1, 2, 4} {
		var mu sync.Mutex
		held, count := 0, 0
		newWorker := func() func(corpus.Document) (int, error) {
			return func(d corpus.Document) (int, error) {
				mu.Lock()
				defer mu.Unlock()
				held += len(d.Text)
				count++
				if held > budget && count > 1 {
					t.Errorf("-j %d: %d bytes held in %d documents, over the budget of %d", workers, held, count, budget)
				}
				return len(d.Text), nil
			}
		}
		var got []int
		emit := func(it Item[int]) error {
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
	}
}

// TestByteBudget checks that a request waits while it does not fit, is
// woken by a release, is granted alone whatever its size, and gives up when
// its context is done.
func TestByteBudget(t *testing.T) {
	ctx := context.Background()
	b := newByteBudget(100)
	if !b.acquire(ctx, 80) || !b.acquire(ctx, 20) {
		t.Fatal("requests within the budget refused")
	}
	got := make(chan bool)
	go func() { got <- b.acquire(ctx, 30) }()
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
	cancel() // nothing is released: only the context can end the wait
	if <-got {
		t.Fatal("a request granted over the budget")
	}
}
