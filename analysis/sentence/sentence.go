// Package sentence segments a tokenized text into sentences.
//
// Segmentation works on tokens, so it reuses the tokenizer's decisions about
// abbreviations: a sentence ends at a final mark (. ! ? …) followed by a word
// that can start a sentence, at a blank line, and at a line break where the
// text is written one paragraph to a line. Unlike prose's Punkt segmenter,
// nothing is built per document.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/standpoint/standpoint/corpus"
)

// MaxTokens bounds a sentence: longer runs without a boundary are cut, so
// that later stages never see an unbounded sentence.
const MaxTokens = 1000

// Split appends the sentences of text, tokenized as toks, to dst.
// Sentences cover every token, in order; Start and End are the byte
// offsets of their first and last token.
func Split(text string, toks []corpus.Token, dst []corpus.Sentence) []corpus.Sentence {
	if len(toks) == 0 {
		return dst
	}
	lineBreaks := breaksAtNewline(text)
	first := 0
	for i := range toks {
		last := i == len(toks)-1
		if last || i+1-first >= MaxTokens || endsAfter(text, toks, i, lineBreaks) {
			dst = append(dst, corpus.Sentence{
				Start: toks[first].Start,
				End:   toks[i].End,
				First: first,
				Last:  i + 1,
			})
			first = i + 1
		}
	}
	return dst
}

// endsAfter reports whether a sentence ends after token i.
func endsAfter(text string, toks []corpus.Token, i int, lineBreaks bool) bool {
	next := toks[i+1]
	// Most gaps are one space or none, with no line break to count.
	if gap := text[toks[i].End:next.Start]; len(gap) > 1 || gap == "\n" {
		if n := strings.Count(gap, "\n"); n >= 2 && strings.TrimSpace(gap) == "" {
			return true
		} else if n == 1 && lineBreaks {
			return true
		}
	}
	w := text[toks[i].Start:toks[i].End]
	nextWord := text[next.Start:next.End]
	switch {
	case isFinal(w):
		// A closing quote or bracket right after the mark stays in the
		// sentence: `... he said.”` ends after the quote.
		return !isCloser(nextWord) && canStart(nextWord)
	case isCloser(w) && i > 0 && toks[i].Start == toks[i-1].End && isFinal(text[toks[i-1].Start:toks[i-1].End]):
		return canStart(nextWord)
	case strings.HasSuffix(w, ".") && len(w) > 1:
		// An abbreviation: a title never ends a sentence, others do when
		// a typical sentence opener follows ("... in the U.S. The talks").
		if _, ok := titles[w]; ok {
			return false
		}
		_, ok := openers[nextWord]
		return ok
	}
	return false
}

func isFinal(w string) bool {
	if w == "" {
		return false
	}
	// Most tokens are words: reject them on the first byte ('…' starts
	// with 0xE2) before the slower Trim with a multi-byte set.
	switch w[0] {
	case '.', '!', '?', 0xE2:
		return strings.Trim(w, ".!?…") == ""
	}
	return false
}

func isCloser(w string) bool {
	if w == "" || isWordByte(w[0]) {
		return false // most tokens
	}
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && (unicode.In(r, unicode.Pe, unicode.Pf) || r == '"' || r == '\'' || r == '’' || r == '”')
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// canStart reports whether a word can open a sentence: a capital, a digit,
// an opening quote or bracket, or a list marker.
func canStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Ps, unicode.Pi, unicode.Quotation_Mark) ||
		r == '-' || r == '•' || r == '*' || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// breaksAtNewline reports whether the text is written one paragraph to a
// line, so that a single line break ends a sentence. Hard-wrapped text, whose
// lines are all short, breaks only at blank lines.
func breaksAtNewline(text string) bool {
	lines, long := 0, 0
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		lines++
		if len(line) > 120 {
			long++
		}
	}
	return long > 0 && long*3 >= lines
}

// titles precede a name and so never end a sentence.
var titles = map[string]struct{}{
	"Mr.": {}, "Mrs.": {}, "Ms.": {}, "Dr.": {}, "Prof.": {}, "St.": {}, "Gen.": {}, "Lt.": {},
	"Col.": {}, "Maj.": {}, "Capt.": {}, "Sgt.": {}, "Adm.": {}, "Cmdr.": {}, "Gov.": {}, "Sen.": {},
	"Rep.": {}, "Rev.": {}, "Hon.": {}, "Amb.": {}, "Pres.": {}, "Sec.": {}, "No.": {}, "Nos.": {},
	"Vol.": {}, "Art.": {}, "Fig.": {}, "p.": {}, "pp.": {}, "vs.": {}, "cf.": {},
}

// openers are words that typically begin a sentence and rarely follow an
// abbreviation inside one.
var openers = map[string]struct{}{
	"The": {}, "A": {}, "An": {}, "This": {}, "That": {}, "These": {}, "Those": {}, "It": {}, "Its": {},
	"He": {}, "She": {}, "They": {}, "We": {}, "I": {}, "You": {}, "There": {}, "But": {}, "And": {},
	"Yet": {}, "However": {}, "In": {}, "On": {}, "At": {}, "As": {}, "If": {}, "When": {}, "While": {},
	"After": {}, "Before": {}, "Since": {}, "Meanwhile": {}, "Still": {}, "Now": {}, "So": {}, "Such": {},
	"His": {}, "Her": {}, "Their": {}, "Our": {}, "For": {}, "Some": {}, "Many": {}, "Most": {}, "What": {},
}
