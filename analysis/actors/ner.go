package actors

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/jdkato/prose/v2"
	"github.com/standpoint/standpoint/analysis/internal/cache"
	"github.com/standpoint/standpoint/corpus"
)

// nerModel evaluates prose's maximum-entropy entity model on tokens the
// annotator has already tokenized and tagged. prose itself would tokenize
// and tag the text again and build every feature key for every label as a
// joined string; here each feature is looked up once, for all labels.
type nerModel struct {
	labels  []string
	weights features // "name-value" -> weight per label
	basic   map[string]bool
	bias    feature
	none    struct{ prevPos, prevWord, nextPos, nextWord feature }

	// The features that join a token to the label before it, by the
	// index of that label's simple form ("None" first), so that the
	// scorer looks none of them up by name.
	prevTags  []string // the simple forms
	prevTagOf []int    // by label: the index of its simple form
	prevTag   []feature
	shapePrev []feature // by shape index*len(prevTags) + prev tag

	// The features of a word that take few values, found once rather than
	// for each word the scorer meets: by its shape's index, by whether it
	// is in the word list, by its length (up to maxWordLen).
	shape    [len(shapes)]feature
	wordList [2]feature // false, true
	wordLen  [maxWordLen + 1]feature
}

// maxWordLen is the longest word length whose feature is found once per
// model; the feature of a longer word, rare, is looked up by name.
const maxWordLen = 32

// shapes are the values of prose's word shape, "None" first.
var shapes = [...]string{"None", "number", "punct", "downcase", "upcase", "mixedcase", "other"}

type labelWeight struct {
	label  int
	weight float64
}

// basicEnglish is the word list of prose's "en-wordlist" feature.
//
//go:embed data/basic-english.txt
var basicEnglish []byte

// compactNER is prose's entity model in this package's compact form (see
// nercompact.go), which decodes many times faster than prose's own. A test
// checks that it is exactly what prose's model converts to.
//
//go:embed data/ner.bin
var compactNER string

var loadNER = sync.OnceValues(func() (*nerModel, error) {
	return decodeNER(compactNER)
})

// loadProseNER converts prose's own entity model.
func loadProseNER() (*nerModel, error) {
	var mapping map[string]int
	var weights []float64
	var labels []string
	for _, a := range []struct {
		name string
		into any
	}{{"mapping.gob", &mapping}, {"weights.gob", &weights}, {"labels.gob", &labels}} {
		b, err := prose.Asset("model/Maxent/" + a.name)
		if err != nil {
			return nil, fmt.Errorf("load entity model: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.into); err != nil {
			return nil, fmt.Errorf("decode entity model %s: %w", a.name, err)
		}
	}
	ws := make(map[string][]labelWeight, len(mapping)/2)
	for key, idx := range mapping {
		if idx < 0 || idx >= len(weights) {
			continue
		}
		best := -1
		for li, l := range labels {
			if strings.HasSuffix(key, "-"+l) && (best < 0 || len(l) > len(labels[best])) {
				best = li
			}
		}
		if best < 0 {
			continue
		}
		feat := key[:len(key)-len(labels[best])-1]
		ws[feat] = append(ws[feat], labelWeight{best, weights[idx]})
	}
	for _, w := range ws {
		slices.SortFunc(w, func(a, b labelWeight) int { return a.label - b.label })
	}
	return decodeNER(string(encodeNER(labels, ws)))
}

// finish finds the features every token needs and reads the word list.
func (m *nerModel) finish() {
	m.basic = map[string]bool{}
	m.bias = m.weights.find("bias-True")
	m.none.prevPos, m.none.prevWord = m.weights.find("prevpos-None"), m.weights.find("prevword-None")
	m.none.nextPos, m.none.nextWord = m.weights.find("nextpos-None"), m.weights.find("nextword-None")
	m.prevTags = []string{"None"}
	for _, l := range m.labels {
		p := slices.Index(m.prevTags, simplePOS(l))
		if p < 0 {
			p = len(m.prevTags)
			m.prevTags = append(m.prevTags, simplePOS(l))
		}
		m.prevTagOf = append(m.prevTagOf, p)
	}
	for _, p := range m.prevTags {
		m.prevTag = append(m.prevTag, m.weights.find("prevtag-"+p))
	}
	for i, sh := range shapes {
		m.shape[i] = m.weights.find("shape-" + sh)
		for _, p := range m.prevTags {
			m.shapePrev = append(m.shapePrev, m.weights.find("shape+prevtag-"+sh+"+"+p))
		}
	}
	m.wordList = [2]feature{m.weights.find("en-wordlist-False"), m.weights.find("en-wordlist-True")}
	for n := range m.wordLen {
		m.wordLen[n] = m.weights.find("wordlen-" + strconv.Itoa(n))
	}
	sc := bufio.NewScanner(bytes.NewReader(basicEnglish))
	for sc.Scan() {
		if w := sc.Text(); w != "" && w[0] != '#' {
			m.basic[w] = true
		}
	}
}

// WarmUp loads the entity model in the background, so that its decoding
// overlaps with other start-up work; the first name that needs it then
// waits only for what is left.
func WarmUp() { go loadNER() }

// An entity as prose's chunker forms it.
type entity struct {
	text  string
	label string
}

// A nerScorer evaluates the entity model for one worker. It remembers the
// word and tag features of every word and tag it has seen,
// so that labelling a token looks up only the features that join it to
// its neighbours' labels. Weights are still added in prose's feature
// order, so the scores are the same to the last bit.
type nerScorer struct {
	m      *nerModel
	words  *cache.Cache[*nerWord]
	tags   *cache.Cache[*nerTag]
	key    []byte
	scores []float64
	// Per window.
	ws      []*nerWord
	ts      []*nerTag
	text    []string
	posTags []string
	labels  []string
	hist    []int // the index of each label's simple form
}

// nerWord holds the features of a word as written and as a neighbour.
type nerWord struct {
	lower                                                     string
	shape                                                     int // index in shapes
	basic, prefix3, shapeW, suffix3, word, wordLower, wordLen feature
	asPrev, asNext                                            feature
	// beforeTag holds the feature joining the word to the tag after it,
	// for the few tags seen there.
	beforeTag []tagFeature
}

type tagFeature struct {
	tag *nerTag
	f   feature
}

// maxBeforeTags caps the tags a nerWord remembers in beforeTag.
const maxBeforeTags = 8

// nerTag holds the features of a part-of-speech tag.
type nerTag struct {
	lower              string
	pos, prev, nextPos feature
	posPrev            []feature // with each previous tag, by index
}

// nerCacheSize is the size of a nerScorer's caches of words and tags.
const nerCacheSize = 1 << 13

func newNERScorer(m *nerModel) *nerScorer {
	return &nerScorer{m: m, words: cache.New[*nerWord](nerCacheSize), tags: cache.New[*nerTag](nerCacheSize), scores: make([]float64, len(m.labels))}
}

func (s *nerScorer) lookup(parts ...string) feature {
	s.key = s.key[:0]
	for _, p := range parts {
		s.key = append(s.key, p...)
	}
	return findFeature(&s.m.weights, s.key)
}

func (s *nerScorer) word(w string) *nerWord {
	if nw, ok := s.words.Get(w); ok {
		return nw
	}
	lower := strings.ToLower(w)
	nw := &nerWord{
		lower:     lower,
		shape:     slices.Index(shapes[:], shape(w)),
		basic:     s.m.wordList[b2i(s.m.basic[w])],
		prefix3:   s.lookup("prefix3-", strings.ToLower(w[:min(len(w), 3)])),
		suffix3:   s.lookup("suffix3-", strings.ToLower(w[len(w)-min(len(w), 3):])),
		word:      s.lookup("word-", w),
		wordLower: s.lookup("word.lower-", lower),
		asPrev:    s.lookup("prevword-", lower),
		asNext:    s.lookup("nextword-", lower),
	}
	nw.shapeW = s.m.shape[nw.shape]
	if len(w) <= maxWordLen {
		nw.wordLen = s.m.wordLen[len(w)]
	} else {
		nw.wordLen = s.lookup("wordlen-", strconv.Itoa(len(w)))
	}
	nw.lower = strings.Clone(nw.lower)
	s.words.Put(strings.Clone(w), nw)
	return nw
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s *nerScorer) tag(t string) *nerTag {
	if nt, ok := s.tags.Get(t); ok {
		return nt
	}
	lower := strings.ToLower(t)
	nt := &nerTag{lower: lower, pos: s.lookup("pos-", t), prev: s.lookup("prevpos-", t), nextPos: s.lookup("nextpos-", lower)}
	for _, p := range s.m.prevTags {
		nt.posPrev = append(nt.posPrev, s.lookup("pos+prevtag-", t, "+", p))
	}
	s.tags.Put(strings.Clone(t), nt)
	return nt
}

// before returns the feature joining w to the tag of the
// token after it, next, nil at the end of the window.
func (s *nerScorer) before(w *nerWord, next *nerTag) feature {
	name := "None"
	if next != nil {
		for _, tw := range w.beforeTag {
			if tw.tag == next {
				return tw.f
			}
		}
		name = next.lower
	}
	ws := s.lookup("word+nextpos-", w.lower, "+", name)
	if next != nil && len(w.beforeTag) < maxBeforeTags {
		w.beforeTag = append(w.beforeTag, tagFeature{next, ws})
	}
	return ws
}

// entities labels tokens [lo, hi) of doc as prose's classify does and
// chunks them as its chunk does. keys holds the text of each token of doc
// as prose's tokenizer hands it over (see key).
func (s *nerScorer) entities(doc *corpus.Annotated, keys []string, lo, hi int) []entity {
	n := hi - lo
	s.ws, s.ts, s.text, s.posTags = s.ws[:0], s.ts[:0], s.text[:0], s.posTags[:0]
	for i := range n {
		w := keys[lo+i]
		t := doc.Tokens[lo+i].Tag
		s.text = append(s.text, w)
		s.posTags = append(s.posTags, t)
		s.ws = append(s.ws, s.word(w))
		s.ts = append(s.ts, s.tag(t))
	}
	s.labels, s.hist = s.labels[:0], s.hist[:0]
	none := s.m.none
	nPrev := len(s.m.prevTags)
	for i := range n {
		w, t := s.ws[i], s.ts[i]
		prevTag, prevShape := 0, 0 // "None"
		prevPos, prevWord := none.prevPos, none.prevWord
		if i > 0 {
			prevTag, prevPos, prevWord = s.hist[i-1], s.ts[i-1].prev, s.ws[i-1].asPrev
		}
		if i > 1 {
			prevShape = s.ws[i-1].shape // as prose, which leaves it None at i == 1
		}
		nextPos, nextWord := none.nextPos, none.nextWord
		var next *nerTag
		if i < n-1 {
			next = s.ts[i+1]
			nextPos, nextWord = next.nextPos, s.ws[i+1].asNext
		}
		clear(s.scores)
		for _, f := range [...]feature{
			s.m.bias,
			w.basic,
			nextPos,
			nextWord,
			t.pos,
			t.posPrev[prevTag],
			w.prefix3,
			prevPos,
			s.m.prevTag[prevTag],
			prevWord,
			w.shapeW,
			s.m.shapePrev[prevShape*nPrev+prevTag],
			w.suffix3,
			w.word,
			s.before(w, next),
			w.wordLower,
			w.wordLen,
		} {
			s.m.weights.addTo(s.scores, f)
		}
		best := 0
		for l := range s.scores {
			if s.scores[l] > s.scores[best] {
				best = l
			}
		}
		s.labels = append(s.labels, s.m.labels[best])
		s.hist = append(s.hist, s.m.prevTagOf[best])
	}
	return chunk(s.text, s.posTags, s.labels)
}

// shape is prose's word shape. prose tests the end of the word against
// `\W+$` and `\w+$`, where \w is an ASCII letter, digit or underscore: its
// last byte tells.
func shape(w string) string {
	if mayBeFloat(w) {
		if _, err := strconv.ParseFloat(w, 64); err == nil {
			return "number"
		}
	}
	if w == "" {
		return "other"
	}
	if !isWordByte(w[len(w)-1]) {
		return "punct"
	}
	switch {
	case strings.ToLower(w) == w:
		return "downcase"
	case title(w) == w:
		return "upcase"
	}
	return "mixedcase"
}

// mayBeFloat reports whether strconv.ParseFloat could accept w, by its
// first byte ("1", ".5", "-2", "Inf", "NaN"): a failed parse allocates.
func mayBeFloat(w string) bool {
	return w != "" && strings.IndexByte("0123456789.+-iInN", w[0]) >= 0
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// title capitalises the first letter of each word, as the deprecated
// strings.Title that prose uses.
func title(w string) string {
	prev := ' '
	return strings.Map(func(r rune) rune {
		defer func() { prev = r }()
		if isSeparator(prev) {
			return toTitle(r)
		}
		return r
	}, w)
}

func simplePOS(label string) string {
	if strings.HasPrefix(label, "V") {
		return "v"
	}
	before, _, _ := strings.Cut(label, "-")
	return before
}

// chunk groups labelled tokens into entities exactly as prose does,
// quirks included.
func chunk(words, tags, labels []string) []entity {
	var out []entity
	end := ""
	var parts []int
	for i := range words {
		label := labels[i]
		k := len(parts)
		if label != "O" && label != end ||
			k > 0 && tags[i] == tags[parts[k-1]] ||
			k > 0 && tags[i] == "CD" && labels[parts[k-1]] != "O" {
			end = strings.Replace(label, "B", "I", 1)
			parts = append(parts, i)
		} else if label == "O" && end != "" || label == end {
			if label != "O" {
				parts = append(parts, i)
			}
			out = append(out, coalesce(words, labels, parts))
			end = ""
			parts = parts[:0]
		}
	}
	return out
}

func coalesce(words, labels []string, parts []int) entity {
	texts := make([]string, len(parts))
	ls := make([]string, len(parts))
	for i, p := range parts {
		texts[i], ls[i] = words[p], labels[p]
	}
	label := ""
	if len(ls) == 2 && (ls[0] == "B-PERSON" || ls[1] == "B-PERSON") {
		label = "PERSON"
	} else if f := strings.SplitN(ls[0], "-", 2); len(f) == 2 {
		label = f[1]
	}
	return entity{text: strings.Join(texts, " "), label: label}
}

func isSeparator(r rune) bool {
	switch {
	case r <= 0x7F:
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	case unicode.IsLetter(r), unicode.IsDigit(r):
		return false
	}
	return unicode.IsSpace(r)
}

func toTitle(r rune) rune { return unicode.ToTitle(r) }
