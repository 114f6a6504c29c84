// Package tokenize splits text into tokens that carry byte offsets into the
// text.
//
// Words are found by prose's tokenizer, whose tokens carry no offsets and
// whose input has curly quotes rewritten as straight ones; Tokenize aligns
// them back to the source and then applies the rules prose lacks: dashes,
// quotes and stray punctuation become tokens of their own, and a capitalised
// word is not taken for an abbreviation just because a period follows it.
package tokenize

import (
	"strings"
	"unicode"

	"github.com/jdkato/prose/v2"
	"github.com/standpoint/standpoint/corpus"
)

// A Tokenizer tokenizes texts. prose's tokenizer splits each white-space
// separated chunk on its own, so a Tokenizer runs it once per distinct
// chunk and remembers the result (up to CacheSize chunks): most chunks of
// a corpus are frequent words. It is not safe for concurrent use: each
// worker owns one.
type Tokenizer struct {
	cache map[string][]span
}

// CacheSize caps the chunks a Tokenizer remembers; the cache starts afresh
// when full.
const CacheSize = 1 << 15

// New returns a Tokenizer with an empty cache.
func New() *Tokenizer { return &Tokenizer{cache: make(map[string][]span)} }

// Tokenize tokenizes text with a Tokenizer of its own; see
// Tokenizer.Tokenize.
func Tokenize(text string, dst []corpus.Token) []corpus.Token {
	return New().Tokenize(text, dst)
}

// Tokenize appends the tokens of text to dst and returns the extended slice.
// Every token satisfies 0 <= Start < End <= len(text), tokens are in order
// and do not overlap, and no token holds white space.
func (t *Tokenizer) Tokenize(text string, dst []corpus.Token) []corpus.Token {
	start := -1
	flush := func(end int) {
		chunk := text[start:end]
		spans, ok := t.cache[chunk]
		if !ok {
			spans = chunkSpans(chunk)
			if len(t.cache) >= CacheSize {
				clear(t.cache)
			}
			t.cache[strings.Clone(chunk)] = spans
		}
		for _, s := range spans {
			dst = refine(text, start+s.start, start+s.end, dst)
		}
	}
	for i, r := range text {
		if unicode.IsSpace(r) {
			if start >= 0 {
				flush(i)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		flush(len(text))
	}
	return mergeEllipses(text, dst)
}

type span struct{ start, end int }

// chunkSpans runs prose's tokenizer on one chunk of text without white
// space and aligns its tokens to the chunk. Where prose drops or garbles
// part of a chunk (it does on some quoted words and on text whose case
// mapping changes byte lengths), or fails, the rest of the chunk is kept as
// one span for refine to split, so no text is ever lost.
func chunkSpans(chunk string) (spans []span) {
	defer func() {
		if recover() != nil {
			spans = []span{{0, len(chunk)}}
		}
	}()
	doc, err := prose.NewDocument(chunk,
		prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return []span{{0, len(chunk)}}
	}
	pos := 0
	for _, tok := range doc.Tokens() {
		end, ok := align(chunk, pos, tok.Text)
		if !ok {
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
