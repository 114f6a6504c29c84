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

// Tokenize appends the tokens of text to dst and returns the extended slice.
// Every token satisfies 0 <= Start < End <= len(text), tokens are in order
// and do not overlap, and no token holds white space.
func Tokenize(text string, dst []corpus.Token) []corpus.Token {
	spans, ok := proseSpans(text)
	if !ok {
		spans = fallbackSpans(text)
	}
	for _, s := range spans {
		dst = refine(text, s.start, s.end, dst)
	}
	return mergeEllipses(text, dst)
}

type span struct{ start, end int }

// proseSpans runs prose's tokenizer and aligns its tokens to text, one
// white-space separated chunk at a time. Where prose dropped or garbled part
// of a chunk (it does on some quoted words and on text whose case mapping
// changes byte lengths), the rest of that chunk is kept as one span for
// refine to split, so no text is ever lost.
func proseSpans(text string) (spans []span, ok bool) {
	defer func() {
		if recover() != nil {
			spans, ok = nil, false
		}
	}()
	doc, err := prose.NewDocument(text,
		prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil, false
	}
	toks := doc.Tokens()
	spans = make([]span, 0, len(toks)+len(toks)/4)
	k := 0
	for _, chunk := range fallbackSpans(text) {
		pos := chunk.start
		for pos < chunk.end && k < len(toks) {
			end, ok := align(text[:chunk.end], pos, toks[k].Text)
			if !ok {
				break
			}
			spans = append(spans, span{pos, end})
			pos = end
			k++
		}
		if pos < chunk.end {
			spans = append(spans, span{pos, chunk.end})
		}
	}
	return spans, true
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

// fallbackSpans splits text at white space; refine then separates
// punctuation. It serves where prose cannot.
func fallbackSpans(text string) []span {
	var spans []span
	start := -1
	for i, r := range text {
		if unicode.IsSpace(r) {
			if start >= 0 {
				spans = append(spans, span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		spans = append(spans, span{start, len(text)})
	}
	return spans
}
