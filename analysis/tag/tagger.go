package tag

import (
	"math"
	"math/bits"
	"regexp"
	"strconv"
	"strings"
	"unsafe"

	"github.com/mingrammer/commonregex"
	"github.com/standpoint/standpoint/analysis/internal/cache"
	"github.com/standpoint/standpoint/analysis/internal/emoticon"
	"github.com/standpoint/standpoint/analysis/internal/prefetch"
)

// A Tagger tags sentences with a Model. It owns reusable buffers and
// caches, so each goroutine needs its own; the Model behind it is shared.
type Tagger struct {
	m      *Model
	scores [maxClasses]int32
	// Per sentence: the context of each position, between the markers.
	ctx []*context
	// What the model says of a word as written, worked out once and kept
	// (capped).
	words  *cache.Cache[*Word]
	buf    []*Word     // Tag's words
	starts [2]*context // the start markers
	ends   [2]*context // the end markers
}

// A Word is what the model says of one word as written: its normalized
// form in context, the tag prose's rules or dictionary give it outright,
// and the weights of the features that depend on it alone, in its own
// position. Tagger.Word makes one; callers may
// keep Words to tag the same word types again without looking them up.
type Word struct {
	empty bool
	// fixed is the tag given outright, or "" when the model decides.
	fixed    string
	fixedTag int     // its number among the model's tags
	own      weights // its suffix, first byte and normalized form; none if fixed
	ctx      *context
}

// context holds the weights of a normalized word in each position around
// the word being tagged, the suffix features beside it included.
type context struct {
	at, prev1, prev2, next1, next2 weights
	afterTag                       []tagWeights
}

// NewTagger returns a Tagger for m.
func (m *Model) NewTagger() *Tagger {
	t := &Tagger{
		m:     m,
		words: cache.New[*Word](cacheSize),
	}
	t.starts = [2]*context{m.context(start1), m.context(start2)}
	t.ends = [2]*context{m.context("-END-"), m.context("-END2-")}
	return t
}

// Sanitize rewrites a word as prose's tokenizer hands it to the tagger:
// curly quotes become straight ones.
func Sanitize(word string) string {
	if Sanitized(word) {
		return word
	}
	return sanitizer.Replace(word)
}

// Sanitized reports whether Sanitize leaves word as it is. Every rewrite
// starts with '&' or with 0xE2, the first byte of the quotes' UTF-8 form:
// a scan for the two bytes is much cheaper than ContainsAny with a
// multi-byte set, and this runs on every token.
func Sanitized(word string) bool {
	for i := 0; i < len(word); i++ {
		if c := word[i]; c == 0xE2 || c == '&' {
			return false
		}
	}
	return true
}

var sanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// cacheSize is the size of each cache of a Tagger.
const cacheSize = 1 << 14

// Tag assigns a tag to each word of one sentence, writing tags[i] for
// words[i]; tags must be at least as long as words. Words should be passed
// through Sanitize first.
func (t *Tagger) Tag(words []string, tags []string) {
	ws := t.buf[:0]
	for _, w := range words {
		ww, ok := t.words.Get(w)
		if !ok {
			ww = t.Word(w)
			t.words.Put(strings.Clone(w), ww)
		}
		ws = append(ws, ww)
	}
	t.buf = ws
	t.TagWords(ws, tags)
}

// TagWords is Tag for words already looked up with Word.
func (t *Tagger) TagWords(words []*Word, tags []string) {
	t.setContext(words)
	p1, p2 := t.m.tags[start1], t.m.tags[start2]
	for i, w := range words {
		if i+2 < len(words) {
			t.prefetch(i+4, words[i+2])
		}
		tag, n := "", t.m.other
		switch {
		case w.empty:
		case w.fixed != "":
			tag, n = w.fixed, w.fixedTag
		default:
			c := t.predict(i+2, w, p1, p2)
			tag, n = t.m.classes[c], c
		}
		tags[i] = tag
		p2, p1 = p1, n
	}
}

// prefetch asks for the weight lists that score the word w at context
// position k. The lists lie all over memory, and a sentence waits on each:
// TagWords asks for those of the word two places ahead, so that they are
// in the processor's cache by the time it scores that word.
func (t *Tagger) prefetch(k int, w *Word) {
	c := t.ctx
	for _, ws := range [...]*weights{&w.own, &c[k-1].prev1, &c[k-2].prev2, &c[k+1].next1, &c[k+2].next2} {
		if n := len(ws.list); n > 0 {
			prefetch.Line(unsafe.Pointer(&ws.list[0]))
			prefetch.Line(unsafe.Pointer(&ws.list[n-1]))
		}
	}
}

// setContext lays out the context of a sentence.
func (t *Tagger) setContext(words []*Word) {
	t.ctx = append(t.ctx[:0], t.starts[0], t.starts[1])
	for _, w := range words {
		t.ctx = append(t.ctx, w.ctx)
	}
	t.ctx = append(t.ctx, t.ends[0], t.ends[1])
}

// Word returns what the model says of the word w as written.
func (t *Tagger) Word(w string) *Word {
	if w == "" {
		return &Word{empty: true, ctx: t.m.context("")}
	}
	ww := &Word{
		fixed: fixedTag(w),
		ctx:   t.m.context(normalize(w)),
	}
	if ww.fixed == "" {
		if c, ok := t.m.known[w]; ok {
			ww.fixed = t.m.classes[c]
		}
	}
	if ww.fixed != "" {
		n, ok := t.m.tags[ww.fixed]
		if !ok {
			n = t.m.other
		}
		ww.fixedTag = n
		return ww // the model never scores it
	}
	// prose converts the first byte, not the first rune, to a string.
	ww.own = sum(t.m.suffix[suffix3(w)], t.m.pref1[w[0]], ww.ctx.at)
	return ww
}

var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// fixedTag returns the tag prose gives w without its model, or "".
func fixedTag(w string) string {
	// The cheap tests on bytes skip the patterns that cannot match: a link
	// has a dot, an address an at sign, the others start with 0, * or -.
	switch {
	case w == "-":
		return "-"
	case emoticon.Is(w):
		return "SYM"
	case strings.HasPrefix(w, "@"),
		strings.IndexByte(w, '.') >= 0 && commonregex.LinkRegex.MatchString(w),
		strings.IndexByte(w, '@') >= 0 && commonregex.EmailRegex.MatchString(w):
		return "NN"
	case (w[0] == '0' || w[0] == '*') && noneRE.MatchString(w):
		return "-NONE-"
	case w[0] == '-' && keepRE.MatchString(w):
		return w
	}
	return ""
}

// predict scores the features prose's featurize builds for the word w at
// context position i, after tags p1 and p2, and returns the best class.
// Ties go to the first class in sorted order.
func (t *Tagger) predict(i int, w *Word, p1, p2 int) int {
	s, mask := t.score(i, w, p1, p2)
	// No score comes near the smallest int32 (weights are below maxWeight),
	// so the first class scored always takes the lead; the comparison
	// compiles to a conditional move.
	best, top := -1, int32(math.MinInt32)
	for ; mask != 0; mask &= mask - 1 {
		c := bits.TrailingZeros64(mask)
		v := s[c]
		if v > top {
			best, top = c, v
		}
	}
	return best
}

// score returns the score of every class for the word w at context
// position i, after tags p1 and p2, and the set of classes scored.
func (t *Tagger) score(i int, w *Word, p1, p2 int) (*[maxClasses]int32, uint64) {
	pair := &t.m.pairs[p1*(t.m.other+1)+p2]
	s := &t.scores
	*s = pair.scores
	mask := pair.mask
	at := t.ctx[i]
	for _, ws := range [...]*weights{&w.own, at.after(p1), &t.ctx[i-1].prev1, &t.ctx[i-2].prev2, &t.ctx[i+1].next1, &t.ctx[i+2].next2} {
		for _, cw := range ws.list {
			s[cw.class()%maxClasses] += cw.weight()
		}
		mask |= ws.mask
	}
	return s, mask
}

var noWeights weights

// after returns the weights of the feature joining the previous tag and
// this word.
func (c *context) after(tag int) *weights {
	// A binary search: afterTag is sorted by tag.
	lo, hi := 0, len(c.afterTag)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.afterTag[m].tag < tag {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(c.afterTag) && c.afterTag[lo].tag == tag {
		return &c.afterTag[lo].w
	}
	return &noWeights
}

func suffix3(s string) string { return s[len(s)-min(len(s), 3):] }

// normalize maps a word to the form the model's word features use.
func normalize(w string) string {
	if w == "" {
		return w
	}
	if strings.Contains(w, "-") && w[0] != '-' {
		return "!HYPHEN"
	}
	// Atoi fails, allocating its error, unless w starts with a digit or
	// a sign: most words are not tried.
	if c := w[0]; len(w) == 4 && (c >= '0' && c <= '9' || c == '+' || c == '-') {
		if _, err := strconv.Atoi(w); err == nil {
			return "!YEAR"
		}
	}
	if w[0] >= '0' && w[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(w)
}
