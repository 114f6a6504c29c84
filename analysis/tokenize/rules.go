package tokenize

import (
	"strings"

	"github.com/standpoint/standpoint/analysis/internal/emoticon"
)

// prose splits a chunk with a short loop of string rules (its doSplit),
// but runs it through a Document with allocations at every step: a few
// microseconds a chunk, the largest cost of a chunk not seen before. The
// rules are ported here for chunks of ASCII text and curly quotes, nearly
// all chunks; any other chunk goes to prose itself. Tests check the port
// against prose on generated chunks and on every chunk of the shared
// corpora.

// maxRuleChunk is the longest chunk the port takes, in characters; longer
// ones, rare, go to prose. Its offsets are kept in bytes: a chunk of
// maxRuleChunk curly quotes is three times as many bytes, which must stay
// below 256 (the constant below does not compile otherwise).
const maxRuleChunk = 64

const _ = uint8(3 * maxRuleChunk)

// ruleSpans splits chunk exactly as proseSpans does, and reports false,
// leaving spans as it was, when the chunk is not one the port takes, white
// space included: a chunk has none.
func ruleSpans(chunk string, spans []span) ([]span, bool) {
	// s is the chunk as prose's tokenizer sees it, with curly quotes
	// made straight; orig maps each of its offsets back to the chunk.
	var buf [maxRuleChunk]byte
	var orig [maxRuleChunk + 1]uint8
	n := 0
	for i := 0; i < len(chunk); {
		if n == maxRuleChunk {
			return spans, false
		}
		c, size := chunk[i], 1
		switch {
		case c == '&':
			return spans, false // prose also rewrites "&rsquo;"
		case c < 0x80:
			if asciiSpace[c] {
				return spans, false
			}
		case c == 0xE2 && i+2 < len(chunk) && chunk[i+1] == 0x80 && (chunk[i+2] == 0x9C || chunk[i+2] == 0x9D):
			c, size = '"', 3
		case c == 0xE2 && i+2 < len(chunk) && chunk[i+1] == 0x80 && (chunk[i+2] == 0x98 || chunk[i+2] == 0x99):
			c, size = '\'', 3
		default:
			return spans, false
		}
		buf[n], orig[n] = c, uint8(i)
		n++
		i += size
	}
	orig[n] = uint8(len(chunk))
	s := string(buf[:n]) // does not escape: no allocation

	// prose's doSplit: it takes off prefixes and the words before
	// contractions from the front, and suffixes from the back, until a
	// step changes nothing. The offsets fit in a byte (see maxRuleChunk),
	// which keeps the arrays small and so cheap to clear.
	var front [maxRuleChunk][2]uint8 // the tokens, as start and end
	var back [maxRuleChunk]uint8     // start of each suffix, last taken first
	nf, nb := 0, 0
	add := func(lo, hi int) {
		if hi > lo { // prose drops empty tokens
			front[nf] = [2]uint8{uint8(lo), uint8(hi)}
			nf++
		}
	}
	lo, hi, last := 0, n, 0
	for hi > lo && hi-lo != last {
		tok := s[lo:hi]
		if isSpecial(tok) {
			add(lo, hi)
			break
		}
		last = hi - lo
		if len(tok) > 1 && isPrefixMark(tok[0]) {
			add(lo, lo+1)
			lo++
		} else if idx := contraction(tok); idx >= 0 {
			add(lo, lo+idx)
			lo += idx
		} else if len(tok) > 1 && isSuffixMark(tok[len(tok)-1]) {
			back[nb] = uint8(hi - 1)
			nb++
			hi--
		} else {
			add(lo, hi)
		}
	}
	for k := nb - 1; k >= 0; k-- {
		front[nf] = [2]uint8{back[k], back[k] + 1}
		nf++
	}

	// proseSpans' alignment: each token must be the text where the one
	// before ended; from the first that is not, the rest is one span.
	pos := 0
	for _, t := range front[:nf] {
		start, end := int(t[0]), int(t[1])
		if s[pos:min(n, pos+end-start)] != s[start:end] {
			break
		}
		spans = append(spans, span{int(orig[pos]), int(orig[pos+end-start])})
		pos += end - start
	}
	if pos < n {
		spans = append(spans, span{int(orig[pos]), len(chunk)})
	}
	return spans, true
}

func isPrefixMark(c byte) bool { return c == '$' || c == '(' || c == '"' || c == '[' }

func isSuffixMark(c byte) bool {
	switch c {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		return true
	}
	return false
}

// contraction returns where the word before a contraction ends in tok, or
// -1, as prose's hasAnyIndex on the lower-cased token: the first of "'ll",
// "'s", "'re", "'m" and then "n't" found anywhere, in that order, in a token
// longer than it.
func contraction(tok string) int {
	if strings.IndexByte(tok, '\'') < 0 {
		return -1 // every contraction has an apostrophe
	}
	lower := strings.ToLower(tok) // of ASCII: the offsets stay
	for _, c := range [...]string{"'ll", "'s", "'re", "'m", "n't"} {
		if len(tok) > len(c) {
			if i := strings.Index(lower, c); i >= 0 {
				return i
			}
		}
	}
	return -1
}

// isSpecial is prose's test for a token kept whole: an emoticon, or
// a match of `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$` ("U.S.", "Mr.").
func isSpecial(tok string) bool {
	if emoticon.Is(tok) || dottedLetters(tok) {
		return true
	}
	n := len(tok)
	if n < 3 || n > 4 || tok[n-1] != '.' || tok[0] < 'A' || tok[0] > 'Z' {
		return false
	}
	for _, c := range []byte(tok[1 : n-1]) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
