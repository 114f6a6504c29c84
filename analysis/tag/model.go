// Package tag assigns Penn Treebank part-of-speech tags with the averaged
// perceptron model that prose v2 ships.
//
// The model is decoded once per process (Default) and shared read-only by
// every Tagger. Taggers evaluate it without prose's per-document set-up and
// with integer weights, so that scores are exact and ties are broken the same
// way every time (prose breaks them by map order).
//
// prose keys every feature by a string built for each word it tags. Here the
// features are indexed once, when the model is loaded, by what they depend
// on: the two previous tags, the word as written, or a normalized word in
// some position. A Tagger then looks each word type up once, and scores a
// word with a handful of short weight lists and one precomputed vector for
// the pair of previous tags.
package tag

import (
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jdkato/prose/v2"
)

// A Model is a trained averaged perceptron. It does not change once built
// (but for the contexts it makes on first use, see context) and is safe for
// concurrent use.
type Model struct {
	classes []string
	// known maps frequent unambiguous words straight to their class.
	known map[string]uint8

	// tagNames numbers every tag the previous-tag features name: the
	// classes first, then the sentence-start markers and any other tag;
	// tags maps them back. other numbers any tag the model never saw.
	tagNames []string
	tags     map[string]int
	other    int
	// The features of the previous tags alone: the bias, "i-1 tag",
	// "i-2 tag" and "i tag+i-2 tag".
	bias     weights
	prevTag  map[int]weights
	prev2Tag map[int]weights
	tagPair  map[[2]int]weights
	// pairs holds, for previous tags p1 and p2, the sum of those features:
	// pairs[p1*(other+1)+p2].
	pairs []vector
	// suffix and pref1 hold the features of a word as written: its last
	// three bytes and its first byte.
	suffix map[string]weights
	pref1  [256]weights
	// words holds the features of a normalized word in each position,
	// and ctxSuffix those of its last three bytes beside the word tagged.
	words     map[string]*wordWeights
	ctxSuffix map[string]*suffixWeights
	noContext context // of a word with no features beside it
}

// weights lists the non-zero class weights of one or more features, in
// thousandths (prose rounds every averaged weight to three decimals),
// sorted by class, with the set of classes they touch.
type weights struct {
	list []classWeight
	mask uint64
}

// A classWeight is a class and its weight in one word, the weight in the
// upper 24 bits: half the memory of a struct, so that more of the lists
// a sentence reads stay in the processor's caches.
type classWeight int32

// maxWeight bounds the magnitude of a feature's weight, so that sums of a
// few weights still fit in 24 bits. prose's largest is about 34.
const maxWeight = 1 << 20

// newClassWeight packs a class and a weight, which must lie within ±2^23:
// the sums sum makes of at most three lists of weights below maxWeight
// do.
func newClassWeight(class uint8, weight int32) classWeight {
	return classWeight(weight<<8 | int32(class))
}

func (cw classWeight) class() uint8  { return uint8(cw) }
func (cw classWeight) weight() int32 { return int32(cw) >> 8 }

// A vector holds a score for every class, and the classes touched.
type vector struct {
	scores [maxClasses]int32
	mask   uint64
}

// wordWeights holds the features of one normalized word.
type wordWeights struct {
	at, prev1, prev2, next1, next2 weights
	// afterTag holds "i-1 tag+i word" by previous tag.
	afterTag []tagWeights
	// ctx is the word's context, its suffix's features merged in, made on
	// first use.
	ctx atomic.Pointer[context]
}

type tagWeights struct {
	tag int
	w   weights
}

type suffixWeights struct {
	prev1, next1 weights
	ctx          atomic.Pointer[context] // of a word the model lacks, made on first use
}

// Sentence-start markers, as prose names them.
const (
	start1 = "-START-"
	start2 = "-START2-"
)

// maxClasses is how many classes a mask can hold.
const maxClasses = 64

// compactModel is prose's model in this package's compact form (see
// compact.go), which decodes many times faster than prose's own. A test
// checks that it is exactly what prose's model converts to.
//
//go:embed data/tagger.bin
var compactModel string

var loadDefault = sync.OnceValues(func() (*Model, error) {
	return decodeModel(compactModel)
})

// Default returns prose's English model, decoding it on first use.
func Default() (*Model, error) { return loadDefault() }

// WarmUp starts decoding the default model in the background, so that it
// overlaps with other start-up work; Default then waits for what is left.
func WarmUp() { go loadDefault() }

// loadProse converts prose's own model.
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

func newModel(classes []string, tags map[string]string, ws map[string]map[string]float64) (*Model, error) {
	if len(classes) == 0 || len(classes) > maxClasses {
		return nil, fmt.Errorf("tagger model has %d classes", len(classes))
	}
	// Fix the class order so that ties go to the same class on every run.
	classes = append([]string(nil), classes...)
	sort.Strings(classes)
	index := make(map[string]uint8, len(classes))
	for i, c := range classes {
		index[c] = uint8(i)
	}
	m := &Model{classes: classes, known: make(map[string]uint8, len(tags))}
	m.init()
	for _, c := range classes {
		m.addTag(c)
	}
	m.addTag(start1)
	m.addTag(start2)
	for word, c := range tags {
		i, ok := index[c]
		if !ok {
			return nil, fmt.Errorf("tagger model: word %q has unknown class %q", word, c)
		}
		m.known[word] = i
	}
	// Visit features in a fixed order, so that tags are numbered the same
	// way on every run.
	names := make([]string, 0, len(ws))
	for name := range ws {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		w, err := toWeights(ws[name], index)
		if err != nil {
			return nil, fmt.Errorf("tagger model: feature %q: %w", name, err)
		}
		if len(w.list) == 0 {
			continue
		}
		kind, arg, ok := cutKind(name)
		if !ok {
			return nil, fmt.Errorf("tagger model: unknown feature %q", name)
		}
		switch kind {
		case "bias":
			m.bias = w
		case "i-1 tag":
			m.prevTag[m.addTag(arg)] = w
		case "i-2 tag":
			m.prev2Tag[m.addTag(arg)] = w
		case "i tag+i-2 tag":
			t1, t2, ok := strings.Cut(arg, " ")
			if !ok {
				return nil, fmt.Errorf("tagger model: malformed feature %q", name)
			}
			m.tagPair[[2]int{m.addTag(t1), m.addTag(t2)}] = w
		case "i suffix":
			m.suffix[arg] = w
		case "i pref1":
			// prose keys the first byte of a word as the rune of that byte.
			if r := []rune(arg); len(r) == 1 && r[0] < 256 {
				m.pref1[r[0]] = w
			}
		case "i-1 suffix":
			m.suffixWeights(arg).prev1 = w
		case "i+1 suffix":
			m.suffixWeights(arg).next1 = w
		case "i word":
			m.wordWeights(arg).at = w
		case "i-1 word":
			m.wordWeights(arg).prev1 = w
		case "i-2 word":
			m.wordWeights(arg).prev2 = w
		case "i+1 word":
			m.wordWeights(arg).next1 = w
		case "i+2 word":
			m.wordWeights(arg).next2 = w
		case "i-1 tag+i word":
			t, word, ok := strings.Cut(arg, " ")
			if !ok {
				return nil, fmt.Errorf("tagger model: malformed feature %q", name)
			}
			ww := m.wordWeights(word)
			ww.afterTag = append(ww.afterTag, tagWeights{m.addTag(t), w})
		}
	}
	for _, ww := range m.words {
		slices.SortFunc(ww.afterTag, func(a, b tagWeights) int { return a.tag - b.tag })
	}
	m.buildPairs()
	return m, nil
}

// init makes the maps of an empty model.
func (m *Model) init() {
	m.tags = make(map[string]int)
	m.prevTag = make(map[int]weights)
	m.prev2Tag = make(map[int]weights)
	m.tagPair = make(map[[2]int]weights)
	m.suffix = make(map[string]weights)
	m.words = make(map[string]*wordWeights)
	m.ctxSuffix = make(map[string]*suffixWeights)
}

// addTag numbers the tag t, if it has no number yet, and returns it.
func (m *Model) addTag(t string) int {
	if n, ok := m.tags[t]; ok {
		return n
	}
	m.tags[t] = len(m.tagNames)
	m.tagNames = append(m.tagNames, t)
	return m.tags[t]
}

// featureKinds are the features prose's tagger builds, longest first so
// that a kind is not mistaken for its prefix.
var featureKinds = []string{
	"i tag+i-2 tag", "i-1 tag+i word", "i-1 suffix", "i+1 suffix", "i suffix",
	"i pref1", "i-1 word", "i-2 word", "i+1 word", "i+2 word", "i-1 tag", "i-2 tag", "i word",
}

// cutKind splits a feature name into its kind and its argument.
func cutKind(name string) (kind, arg string, ok bool) {
	if name == "bias" {
		return name, "", true
	}
	for _, k := range featureKinds {
		if rest, ok := strings.CutPrefix(name, k+" "); ok {
			return k, rest, true
		}
	}
	return "", "", false
}

func toWeights(ws map[string]float64, index map[string]uint8) (weights, error) {
	var w weights
	for c, f := range ws {
		i, ok := index[c]
		if !ok {
			return w, fmt.Errorf("unknown class %q", c)
		}
		r := math.Round(f * 1000)
		if math.Abs(r) >= maxWeight {
			return w, fmt.Errorf("class %q: weight %g out of range", c, f)
		}
		if iw := int32(r); iw != 0 {
			w.list = append(w.list, newClassWeight(i, iw))
			w.mask |= 1 << i
		}
	}
	sort.Slice(w.list, func(a, b int) bool { return w.list[a].class() < w.list[b].class() })
	return w, nil
}

func (m *Model) wordWeights(w string) *wordWeights {
	ww, ok := m.words[w]
	if !ok {
		ww = &wordWeights{}
		m.words[w] = ww
	}
	return ww
}

func (m *Model) suffixWeights(s string) *suffixWeights {
	sw, ok := m.ctxSuffix[s]
	if !ok {
		sw = &suffixWeights{}
		m.ctxSuffix[s] = sw
	}
	return sw
}

// buildPairs sums the bias and the previous-tag features for every pair
// of previous tags.
func (m *Model) buildPairs() {
	m.other = len(m.tagNames)
	n := m.other + 1
	m.pairs = make([]vector, n*n)
	for p1 := range n {
		for p2 := range n {
			v := &m.pairs[p1*n+p2]
			v.add(m.bias)
			v.add(m.prevTag[p1])
			v.add(m.prev2Tag[p2])
			v.add(m.tagPair[[2]int{p1, p2}])
		}
	}
}

// context returns the context of the normalized word w. A word's context
// depends on the word alone, and the model knows 16,807 words and 1,764
// suffixes for the rest: the contexts are made on first use and shared by
// every Tagger, where each kept a cache of its own, the largest part of a
// worker's memory. Two Taggers may make the same context at once; both
// are the same, and the first stored is kept.
func (m *Model) context(w string) *context {
	if ww, ok := m.words[w]; ok {
		if c := ww.ctx.Load(); c != nil {
			return c
		}
		c := &context{at: ww.at, prev1: ww.prev1, prev2: ww.prev2, next1: ww.next1, next2: ww.next2, afterTag: ww.afterTag}
		if sw, ok := m.ctxSuffix[suffix3(w)]; ok {
			c.prev1 = sum(c.prev1, sw.prev1)
			c.next1 = sum(c.next1, sw.next1)
		}
		ww.ctx.CompareAndSwap(nil, c)
		return ww.ctx.Load()
	}
	if sw, ok := m.ctxSuffix[suffix3(w)]; ok {
		if c := sw.ctx.Load(); c != nil {
			return c
		}
		sw.ctx.CompareAndSwap(nil, &context{prev1: sw.prev1, next1: sw.next1})
		return sw.ctx.Load()
	}
	return &m.noContext
}

func (v *vector) add(w weights) {
	for _, cw := range w.list {
		v.scores[cw.class()] += cw.weight()
	}
	v.mask |= w.mask
}

// sum returns the sum of weight lists. A class one of them touches stays
// touched even where the weights cancel. A list alone is returned as it
// is, not copied.
func sum(ws ...weights) weights {
	var v vector
	var only weights
	lists := 0
	for _, w := range ws {
		if len(w.list) > 0 {
			only = w
			lists++
			v.add(w)
		}
	}
	if lists < 2 {
		return only
	}
	out := weights{list: make([]classWeight, 0, bits.OnesCount64(v.mask)), mask: v.mask}
	for m := v.mask; m != 0; m &= m - 1 {
		c := bits.TrailingZeros64(m)
		out.list = append(out.list, newClassWeight(uint8(c), v.scores[c]))
	}
	return out
}

// Classes returns the tags the model can assign, in sorted order.
func (m *Model) Classes() []string { return append([]string(nil), m.classes...) }

// Words returns the words the model has features for, in lower case and
// sorted: the vocabulary of its training text.
func (m *Model) Words() []string { return sortedKeys(m.words) }
