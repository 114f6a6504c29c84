// Package tokenize splits text into tokens that carry byte offsets into the
// text.
//
// Words are found by prose's tokenizer, whose tokens carry no offsets and
// whose input has curly quotes rewritten as straight ones (for chunks of
// ASCII text, by a port of its rules checked against it, see rules.go);
// Tokenize aligns them back to the source and then applies the rules prose
// lacks: dashes, quotes and stray punctuation become tokens of their own,
// and a capitalised word is not taken for an abbreviation just because a
// period follows it.
package tokenize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/standpoint/standpoint/analysis/internal/cache"
	"github.com/standpoint/standpoint/corpus"
)

// A Tokenizer tokenizes texts. prose's tokenizer splits each white-space
// separated chunk on its own, so a Tokenizer runs it once per distinct
// chunk and remembers the result: most chunks of a corpus are frequent
// words. It is not safe for concurrent use: each
// worker owns one.
type Tokenizer = Cached[struct{}]

// A Cached tokenizer is a Tokenizer that also remembers, with each token of
// a chunk, a value worked out once from the token's text: the annotator
// keeps there what the tagger and the stemmer say of the word, and so
// looks up each chunk once, not each word again.
type Cached[V any] struct {
	cache *cache.Cache[[]chunkToken[V]]
	value func(word string) V
	toks  []corpus.Token // scratch for the tokens of a new chunk
	spans []span         // and for its spans
	// Scratch for the chunks of a text and their hashes in the cache.
	chunks []span
	hashes []uint64
}

// A chunkToken is a token of a chunk, with its value. The tokens of a
// chunk lie side by side with their values, and the cache holds the slice
// itself: one cache line or two per chunk, where a struct of separate
// slices cost a memory load for each.
type chunkToken[V any] struct {
	start, end int
	val        V
}

// CacheSize is the size of a Tokenizer's cache of chunks (see
// analysis/internal/cache).
const CacheSize = 1 << 14

// New returns a Tokenizer with an empty cache.
func New() *Tokenizer {
	return NewCached(func(string) struct{} { return struct{}{} })
}

// NewCached returns a Cached tokenizer whose tokens have the values value
// gives their text. The text passed to value is part of a text being
// tokenized: value must copy what it keeps.
func NewCached[V any](value func(word string) V) *Cached[V] {
	return &Cached[V]{cache: cache.New[[]chunkToken[V]](CacheSize), value: value}
}

// Tokenize tokenizes text with a Tokenizer of its own; see
// Tokenizer.Tokenize.
func Tokenize(text string, dst []corpus.Token) []corpus.Token {
	return New().Tokenize(text, dst)
}

// Tokenize appends the tokens of text to dst and returns the extended slice.
// Every token satisfies 0 <= Start < End <= len(text), tokens are in order
// and do not overlap, and no token holds white space.
func (t *Cached[V]) Tokenize(text string, dst []corpus.Token) []corpus.Token {
	dst, _ = t.tokenize(text, dst, nil, false)
	return dst
}

// TokenizeValues is Tokenize that also appends the value of each token to
// vals.
func (t *Cached[V]) TokenizeValues(text string, dst []corpus.Token, vals []V) ([]corpus.Token, []V) {
	return t.tokenize(text, dst, vals, true)
}

func (t *Cached[V]) tokenize(text string, dst []corpus.Token, vals []V, withValues bool) ([]corpus.Token, []V) {
	// The chunks are found first and looked up after, in a loop of their
	// own that asks for the cache slot of the chunk lookAhead places on:
	// most lookups of rare chunks wait on memory, and so they overlap.
	// Room for a chunk every six bytes, about one a word, at once (see
	// Annotator.tokens).
	chunks, hashes := slices.Grow(t.chunks[:0], len(text)/6+1), slices.Grow(t.hashes[:0], len(text)/6+1)
	start := -1
	for i := 0; i <= len(text); {
		var space bool
		size := 1
		if i == len(text) {
			space = true
		} else if c := text[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				chunks = append(chunks, span{start, i})
				hashes = append(hashes, t.cache.Hash(text[start:i]))
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	t.chunks, t.hashes = chunks, hashes
	for k, c := range chunks {
		if k+lookAhead < len(hashes) {
			t.cache.Prefetch(hashes[k+lookAhead])
		}
		for _, ct := range t.chunk(hashes[k], text[c.start:c.end]) {
			dst = append(dst, corpus.Token{Start: c.start + ct.start, End: c.start + ct.end})
			if withValues {
				vals = append(vals, ct.val)
			}
		}
	}
	return dst, vals
}

// lookAhead is how many chunks ahead of its lookup the tokenizer asks for
// a chunk's slot in the cache.
const lookAhead = 4

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// chunk returns the tokens of the chunk c, which holds no white space and
// whose hash in the cache is h. Splitting a chunk depends on nothing
// outside it, so the tokens of each distinct chunk are worked out once.
func (t *Cached[V]) chunk(h uint64, c string) []chunkToken[V] {
	if ct, ok := t.cache.GetHashed(h, c); ok {
		return ct
	}
	toks := t.toks[:0]
	t.spans = chunkSpans(c, t.spans[:0])
	for _, s := range t.spans {
		toks = refine(c, s.start, s.end, toks)
	}
	toks = mergeEllipses(c, toks)
	t.toks = toks
	ct := make([]chunkToken[V], len(toks))
	for i, tok := range toks {
		ct[i] = chunkToken[V]{tok.Start, tok.End, t.value(c[tok.Start:tok.End])}
	}
	t.cache.Put(strings.Clone(c), ct)
	return ct
}

type span struct{ start, end int }

// chunkSpans splits one chunk of text without white space as prose's
// tokenizer does, by the port of its rules when it takes the chunk (see
// rules.go), else by prose, and aligns the tokens to the chunk. Where
// prose drops or garbles part of a chunk (it does on some quoted words and
// on text whose case mapping changes byte lengths), or fails, the rest of
// the chunk is kept as one span for refine to split, so no text is ever
// lost. The spans are appended to dst.
func chunkSpans(chunk string, dst []span) []span {
	if spans, ok := ruleSpans(chunk, dst); ok {
		return spans
	}
	return append(dst, proseSpans(chunk)...)
}

// proseSpans is chunkSpans by prose alone.
func proseSpans(chunk string) (spans []span) {
	defer func() {
		if recover() != nil {
			spans = []span{{0, len(chunk)}}
		}
	}()
	// prose finds split points in the lower-cased chunk and cuts the chunk
	// itself there, which goes wrong when lower-casing changes a
	// character's length ("İstanbul's" gave "İstanbu", "l", "'s"). It is
	// given a chunk where such characters are letters of the same length,
	// whose offsets are those of the real one.
	chunk = sameLengthLower(chunk)
	doc, err := prose.NewDocument(chunk,
		prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return []span{{0, len(chunk)}}
	}
	pos := 0
	for _, tok := range doc.Tokens() {
		end, ok := align(chunk, pos, tok.Text)
		// prose cuts on offsets it found in lower-cased text, which can
		// fall inside a character when lower-casing changes its length
		// ("İ's"): such a token is not prose's to give.
		if !ok || end < len(chunk) && !utf8.RuneStart(chunk[end]) {
			break
		}
		spans = append(spans, span{pos, end})
		pos = end
	}
	if pos < len(chunk) {
		spans = append(spans, span{pos, len(chunk)})
	}
	return spans
}

// sameLengthLower replaces the characters of s whose lower case has
// another length in UTF-8 by as many bytes of the letter x.
func sameLengthLower(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError || utf8.RuneLen(unicode.ToLower(r)) == size {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for k := i - size; k < i; k++ {
			b[k] = 'x'
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// proseRewrites are the replacements prose's tokenizer makes before it
// splits, source first.
var proseRewrites = [...]struct{ from, to string }{
	{"\u201c", `"`}, {"\u201d", `"`}, {"\u2018", "'"}, {"\u2019", "'"}, {"&rsquo;", "'"},
}

// align matches a prose token against text at pos and returns where it ends.
func align(text string, pos int, tok string) (int, bool) {
	if tok == "" {
		return pos, false
	}
	for len(tok) > 0 {
		if pos >= len(text) {
			return pos, false
		}
		if text[pos] == tok[0] {
			pos++
			tok = tok[1:]
			continue
		}
		matched := false
		for _, rw := range proseRewrites {
			if tok[0] == rw.to[0] && strings.HasPrefix(text[pos:], rw.from) {
				pos += len(rw.from)
				tok = tok[1:]
				matched = true
				break
			}
		}
		if !matched {
			return pos, false
		}
	}
	return pos, true
}
