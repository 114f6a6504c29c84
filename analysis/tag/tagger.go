package tag

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/mingrammer/commonregex"
)

// A Tagger tags sentences with a Model. It owns reusable buffers, so each
// goroutine needs its own; the Model behind it is shared.
type Tagger struct {
	m       *Model
	ctx     []string
	scores  []int64
	touched []bool
	key     []byte
	// Per sentence: the context features of each position.
	cf []*ctxFeats
	// What the model says of a word type, of a normalized context word and
	// of a pair of previous tags, worked out once and kept (capped).
	ctxCache  map[string]*ctxFeats
	wordCache map[string]*wordFeats
	pairs     map[[2]string]*pairScores
}

// ctxFeats holds the weights of the features a normalized context word
// contributes in each position around the word being tagged.
type ctxFeats struct {
	at, prev1, prev2, next1, next2, prevSuffix, nextSuffix []classWeight
}

// wordFeats holds what depends only on a word as written: its normalized
// form, the tag prose's rules or dictionary give it (fixed, or known >= 0),
// and the weights of its own features.
type wordFeats struct {
	norm          string
	fixed         string
	known         int
	suffix, pref1 []classWeight
}

// pairScores holds the scores of the features that depend only on the two
// previous tags, and the bias.
type pairScores struct {
	scores  []int64
	touched []bool
}

// NewTagger returns a Tagger for m.
func (m *Model) NewTagger() *Tagger {
	return &Tagger{
		m:       m,
		scores:  make([]int64, len(m.classes)),
		touched: make([]bool, len(m.classes)),

		ctxCache:  make(map[string]*ctxFeats),
		wordCache: make(map[string]*wordFeats),
		pairs:     make(map[[2]string]*pairScores),
	}
}

// Sanitize rewrites a word as prose's tokenizer hands it to the tagger:
// curly quotes become straight ones.
func Sanitize(word string) string {
	if !strings.ContainsAny(word, "\u201c\u201d\u2018\u2019&") {
		return word
	}
	return sanitizer.Replace(word)
}

var sanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// Tag assigns a tag to each word of one sentence, writing tags[i] for
// words[i]; tags must be at least as long as words. Words should be passed
// through Sanitize first.
func (t *Tagger) Tag(words []string, tags []string) {
	t.prepare(words)
	p1, p2 := "-START-", "-START2-"
	for i := range words {
		tag := t.tagWord(i, words[i], p1, p2)
		tags[i] = tag
		p2, p1 = p1, tag
	}
}

// prepare builds the context of a sentence: the normalized words between
// the start and end markers, and their features.
func (t *Tagger) prepare(words []string) {
	t.ctx = append(t.ctx[:0], "-START-", "-START2-")
	for _, w := range words {
		norm := ""
		if w != "" {
			norm = t.word(w).norm
		}
		t.ctx = append(t.ctx, norm)
	}
	t.ctx = append(t.ctx, "-END-", "-END2-")
	t.cf = t.cf[:0]
	for _, c := range t.ctx {
		t.cf = append(t.cf, t.context(c))
	}
}

var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// tagWord follows prose's rules in prose's order: fixed tags for a few
// shapes of word, then the dictionary of unambiguous words, then the model.
func (t *Tagger) tagWord(i int, w, p1, p2 string) string {
	if w == "" {
		return ""
	}
	wf := t.word(w)
	if wf.fixed != "" {
		return wf.fixed
	}
	if wf.known >= 0 {
		return t.m.classes[wf.known]
	}
	return t.predict(i+2, wf, p1, p2)
}

// fixedTag returns the tag prose gives w without its model, or "".
func fixedTag(w string) string {
	switch {
	case w == "-":
		return "-"
	case isEmoticon(w):
		return "SYM"
	case commonregex.LinkRegex.MatchString(w) || commonregex.EmailRegex.MatchString(w) || strings.HasPrefix(w, "@"):
		return "NN"
	case noneRE.MatchString(w):
		return "-NONE-"
	case keepRE.MatchString(w):
		return w
	}
	return ""
}

// predict scores the features prose's featurize builds for the word at
// context position i. The weights of features that depend on one word or
// on the previous tags alone come from caches; only the feature joining the
// previous tag and the word is looked up each time.
func (t *Tagger) predict(i int, wf *wordFeats, p1, p2 string) string {
	ps := t.pair(p1, p2)
	copy(t.scores, ps.scores)
	copy(t.touched, ps.touched)
	t.add(wf.suffix)
	t.add(wf.pref1)
	t.add(t.cf[i].at)
	t.feature("i-1 tag+i word ", p1, " ", t.ctx[i])
	t.add(t.cf[i-1].prev1)
	t.add(t.cf[i-1].prevSuffix)
	t.add(t.cf[i-2].prev2)
	t.add(t.cf[i+1].next1)
	t.add(t.cf[i+1].nextSuffix)
	t.add(t.cf[i+2].next2)
	best := -1
	for c, ok := range t.touched {
		if ok && (best < 0 || t.scores[c] > t.scores[best]) {
			best = c
		}
	}
	if best < 0 {
		return ""
	}
	return t.m.classes[best]
}

// cacheSize caps each cache of weights; a full cache starts afresh.
const cacheSize = 1 << 15

// context returns the weights of the normalized word w in every position.
func (t *Tagger) context(w string) *ctxFeats {
	if cf, ok := t.ctxCache[w]; ok {
		return cf
	}
	cf := &ctxFeats{
		at:         t.lookup("i word ", w),
		prev1:      t.lookup("i-1 word ", w),
		prev2:      t.lookup("i-2 word ", w),
		next1:      t.lookup("i+1 word ", w),
		next2:      t.lookup("i+2 word ", w),
		prevSuffix: t.lookup("i-1 suffix ", suffix3(w)),
		nextSuffix: t.lookup("i+1 suffix ", suffix3(w)),
	}
	if len(t.ctxCache) >= cacheSize {
		clear(t.ctxCache)
	}
	t.ctxCache[strings.Clone(w)] = cf
	return cf
}

// word returns the weights of the features of w as written.
func (t *Tagger) word(w string) *wordFeats {
	if wf, ok := t.wordCache[w]; ok {
		return wf
	}
	wf := &wordFeats{
		norm:   normalize(w),
		fixed:  fixedTag(w),
		known:  -1,
		suffix: t.lookup("i suffix ", w[len(w)-min(len(w), 3):]),
		// prose converts the first byte, not the first rune, to a string.
		pref1: t.lookup("i pref1 ", string(rune(w[0]))),
	}
	if c, ok := t.m.known[w]; ok {
		wf.known = int(c)
	}
	if len(t.wordCache) >= cacheSize {
		clear(t.wordCache)
	}
	t.wordCache[strings.Clone(w)] = wf
	return wf
}

// pair returns the scores of the bias and the previous-tag features.
func (t *Tagger) pair(p1, p2 string) *pairScores {
	k := [2]string{p1, p2}
	if ps, ok := t.pairs[k]; ok {
		return ps
	}
	clear(t.scores)
	clear(t.touched)
	t.feature("bias")
	t.feature("i-1 tag ", p1)
	t.feature("i-2 tag ", p2)
	t.feature("i tag+i-2 tag ", p1, " ", p2)
	ps := &pairScores{scores: slices.Clone(t.scores), touched: slices.Clone(t.touched)}
	// Tags come from a closed set, so the pairs are bounded.
	t.pairs[k] = ps
	return ps
}

// lookup returns the weights of one feature.
func (t *Tagger) lookup(parts ...string) []classWeight {
	t.key = t.key[:0]
	for _, p := range parts {
		t.key = append(t.key, p...)
	}
	return t.m.weights[string(t.key)]
}

func (t *Tagger) add(ws []classWeight) {
	for _, cw := range ws {
		t.scores[cw.class] += int64(cw.weight)
		t.touched[cw.class] = true
	}
}

// feature adds the weights of one feature to the scores.
func (t *Tagger) feature(parts ...string) { t.add(t.lookup(parts...)) }

func suffix3(s string) string { return s[len(s)-min(len(s), 3):] }

// normalize maps a word to the form the model's word features use.
func normalize(w string) string {
	if w == "" {
		return w
	}
	if strings.Contains(w, "-") && w[0] != '-' {
		return "!HYPHEN"
	}
	if _, err := strconv.Atoi(w); err == nil && len(w) == 4 {
		return "!YEAR"
	}
	if w[0] >= '0' && w[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(w)
}
