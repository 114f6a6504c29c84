package analysis

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

// An Annotator that takes its slices from a pool gives the same results
// as one that allocates them: documents of every size, long after short,
// empty among them, each put back before the next.
func TestPoolKeepsResults(t *testing.T) {
	m, docs := sampleModels(t)
	if len(docs) < 3 {
		t.Fatalf("%d sample documents", len(docs))
	}
	docs = append(docs, corpus.Document{ID: "empty"}, corpus.Document{ID: "short", Text: "Kyiv refuses."}, docs[0])
	docs = append(docs, corpus.Document{ID: "long", Text: strings.Repeat(docs[1].Text+"\n\n", 3)})
	plain := NewAnnotator(m)
	pooled := NewAnnotator(m)
	pool := NewPool(1)
	pooled.UsePool(pool)
	for _, d := range docs {
		want := plain.Annotate(d)
		got := pooled.Annotate(d)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: pooled annotation differs", d.ID)
		}
		pool.Put(got)
	}
}

func TestPoolBounds(t *testing.T) {
	pool := NewPool(1)
	big := &corpus.Annotated{Tokens: make([]corpus.Token, 0, maxPooledTokens+1)}
	pool.Put(big)
	if ad := pool.get(10); cap(ad.Tokens) > maxPooledTokens {
		t.Errorf("a slice of %d tokens was kept", cap(ad.Tokens))
	}
	kept := &corpus.Annotated{Document: corpus.Document{ID: "x", Text: "y"}, Tokens: make([]corpus.Token, 3, 100),
		Actors: []corpus.Actor{{ID: "RUS"}}}
	pool.Put(kept)
	pool.Put(&corpus.Annotated{}) // the pool is full: dropped
	ad := pool.get(10)
	if ad != kept || len(ad.Tokens) != 0 || cap(ad.Tokens) != 100 || ad.ID != "" || len(ad.Actors) != 0 || cap(ad.Actors) != 1 {
		t.Errorf("got %+v, want the slices put back, emptied, and nothing else", ad)
	}
	if ad := pool.get(1000); cap(ad.Tokens) < 1000 {
		t.Errorf("capacity %d for 1000 tokens", cap(ad.Tokens))
	}
}

// The token slices a pool makes come in powers of two, so that a slice
// made for one document also holds the next a little longer, and a pool
// settles at the sizes its documents need; a slice for more tokens than a
// pool keeps is made to measure.
func TestPoolSizeClasses(t *testing.T) {
	pool := NewPool(1)
	for _, c := range []struct{ tokens, cap int }{
		{1, 1}, {2, 2}, {3, 4}, {1000, 1024}, {1024, 1024}, {1025, 2048},
		{maxPooledTokens, maxPooledTokens}, {maxPooledTokens + 1, maxPooledTokens + 1},
	} {
		if ad := pool.get(c.tokens); cap(ad.Tokens) != c.cap {
			t.Errorf("get(%d): capacity %d, want %d", c.tokens, cap(ad.Tokens), c.cap)
		}
	}
	ad := pool.get(900)
	pool.Put(ad)
	if again := pool.get(1000); again != ad || cap(again.Tokens) != 1024 {
		t.Errorf("the slice made for 900 tokens was not used again for 1000")
	}
}

// TestNilPool checks that an annotator without a pool makes its slices
// anew and that handing them back to no pool is harmless.
func TestNilPool(t *testing.T) {
	var p *Pool
	ad := p.get(10)
	if ad == nil || cap(ad.Tokens) < 10 {
		t.Fatalf("get from a nil Pool = %+v", ad)
	}
	p.Put(ad) // keeps nothing
	if got := p.get(1); got == ad {
		t.Error("a nil Pool handed back what was put")
	}
}

// sampleModels returns the default models, stances included, and the
// documents of the sample corpus.
func sampleModels(t *testing.T) (*Models, []corpus.Document) {
	t.Helper()
	m, err := (&Config{Stances: true}).Load()
	if err != nil {
		t.Fatal(err)
	}
	var docs []corpus.Document
	for d, err := range corpus.Read(context.Background(), []string{"../examples/sample"}, corpus.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return m, docs
}
