// Package tag assigns Penn Treebank part-of-speech tags with the averaged
// perceptron model that prose v2 ships.
//
// The model is decoded once per process (Default) and shared read-only by
// every Tagger. Taggers evaluate it without prose's per-document set-up and
// with integer weights, so that scores are exact and ties are broken the same
// way every time (prose breaks them by map order).
package tag

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/jdkato/prose/v2"
)

// A Model is a trained averaged perceptron. It is immutable once built.
type Model struct {
	classes []string
	// known maps frequent unambiguous words straight to their class.
	known map[string]uint8
	// weights maps a feature to its non-zero class weights, in thousandths:
	// prose rounds every averaged weight to three decimals.
	weights map[string][]classWeight
}

type classWeight struct {
	class  uint8
	weight int32
}

var loadDefault = sync.OnceValues(func() (*Model, error) {
	return loadProse()
})

// Default returns prose's English model, decoding it on first use.
func Default() (*Model, error) { return loadDefault() }

// WarmUp starts decoding the default model in the background, so that it
// overlaps with other start-up work; Default then waits for what is left.
func WarmUp() { go loadDefault() }

func loadProse() (*Model, error) {
	var classes []string
	var tags map[string]string
	var weights map[string]map[string]float64
	for _, a := range []struct {
		name string
		into any
	}{
		{"classes.gob", &classes},
		{"tags.gob", &tags},
		{"weights.gob", &weights},
	} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name)
		if err != nil {
			return nil, fmt.Errorf("load tagger model: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.into); err != nil {
			return nil, fmt.Errorf("decode tagger model %s: %w", a.name, err)
		}
	}
	return newModel(classes, tags, weights)
}

func newModel(classes []string, tags map[string]string, weights map[string]map[string]float64) (*Model, error) {
	if len(classes) == 0 || len(classes) > math.MaxUint8 {
		return nil, fmt.Errorf("tagger model has %d classes", len(classes))
	}
	// Fix the class order so that ties go to the same class on every run.
	classes = append([]string(nil), classes...)
	sort.Strings(classes)
	index := make(map[string]uint8, len(classes))
	for i, c := range classes {
		index[c] = uint8(i)
	}
	m := &Model{
		classes: classes,
		known:   make(map[string]uint8, len(tags)),
		weights: make(map[string][]classWeight, len(weights)),
	}
	for word, c := range tags {
		i, ok := index[c]
		if !ok {
			return nil, fmt.Errorf("tagger model: word %q has unknown class %q", word, c)
		}
		m.known[word] = i
	}
	for feat, ws := range weights {
		list := make([]classWeight, 0, len(ws))
		for c, w := range ws {
			i, ok := index[c]
			if !ok {
				return nil, fmt.Errorf("tagger model: feature %q has unknown class %q", feat, c)
			}
			if iw := int32(math.Round(w * 1000)); iw != 0 {
				list = append(list, classWeight{i, iw})
			}
		}
		if len(list) > 0 {
			m.weights[feat] = list
		}
	}
	return m, nil
}

// Classes returns the tags the model can assign, in sorted order.
func (m *Model) Classes() []string { return append([]string(nil), m.classes...) }
