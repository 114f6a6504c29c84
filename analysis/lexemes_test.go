package analysis

import (
	"reflect"
	"sync"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

// Annotators of one run share its lexemes: annotating side by side, each
// in its own order, they give what an annotator of models of its own
// gives. (Under the race detector this also checks that what one worker
// worked out of a word is safe for the others to read.)
func TestAnnotatorsShareLexemes(t *testing.T) {
	m, docs := sampleModels(t)
	own := *m
	own.lexemes = nil // an annotator of these models keeps lexemes of its own
	want := make([]*corpus.Annotated, len(docs))
	for i, d := range docs {
		want[i] = NewAnnotator(&own).Annotate(d)
	}
	const workers = 4
	got := make([][]*corpus.Annotated, workers)
	var wg sync.WaitGroup
	for w := range workers {
		got[w] = make([]*corpus.Annotated, len(docs))
		wg.Go(func() {
			a := NewAnnotator(m)
			for k := range docs {
				i := (k + w*len(docs)/workers) % len(docs) // each worker starts elsewhere
				got[w][i] = a.Annotate(docs[i])
			}
		})
	}
	wg.Wait()
	for w := range workers {
		for i, d := range docs {
			if !reflect.DeepEqual(got[w][i], want[i]) {
				t.Errorf("worker %d, %s: annotation differs from an annotator's own", w, d.ID)
			}
		}
	}
	if m.lexemes.cache.Len() == 0 {
		t.Error("the shared lexemes are empty")
	}
}
