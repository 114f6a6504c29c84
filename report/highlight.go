package report

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/standpoint/standpoint/analysis/sentence"
	"github.com/standpoint/standpoint/analysis/stem"
	"github.com/standpoint/standpoint/analysis/tokenize"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// Sentences segments text as the analysis does, so that a mention's
// sentence index finds its sentence.
func Sentences(text string) []corpus.Sentence {
	return sentence.Split(text, tokenize.Tokenize(text, nil), nil)
}

// Context returns the sentence of text, segmented as sents, that holds the
// evidence of m, and the sentence's byte offset in text. When the text does
// not hold the evidence (it is unknown, or the offsets do not fit it), the
// context is the evidence alone.
func Context(text string, sents []corpus.Sentence, m output.Mention) (string, int) {
	if m.Start < 0 || m.Start > m.End || m.End > len(text) || text[m.Start:m.End] != m.Text {
		return m.Text, m.Start
	}
	if i := m.Sentence; i >= 0 && i < len(sents) && sents[i].Start <= m.Start && m.End <= sents[i].End {
		return text[sents[i].Start:sents[i].End], sents[i].Start
	}
	// The index does not fit these sentences: take the ones the span
	// touches.
	first := sort.Search(len(sents), func(i int) bool { return sents[i].End > m.Start })
	last := sort.Search(len(sents), func(i int) bool { return sents[i].End >= m.End })
	if first >= len(sents) || last >= len(sents) || sents[first].Start > m.Start {
		return m.Text, m.Start
	}
	return text[sents[first].Start:sents[last].End], sents[first].Start
}

// A span is a range of a context in bytes, or in UTF-16 code units once
// converted for the page; {-1, -1} when absent.
type span [2]int

var noSpan = span{-1, -1}

// highlights are what the page marks in a mention's context.
type highlights struct {
	evidence, cue, actor span
}

// locate finds in ctx, which starts at byte ctxStart of the document, the
// evidence of m, the words of its cue and the actor as written. The cue is
// found through stems, as the lexicon matched it ("insisted on" for
// "insist on"); failing that it is the evidence less the actor. The actor
// is the occurrence of its text inside the evidence, else the nearest one
// in the sentence; a speaker quoted elsewhere, or the document's voice, is
// not in the sentence and is not marked.
func locate(ctx string, ctxStart int, m output.Mention, st *stem.Stemmer) highlights {
	ev := span{clamp(m.Start-ctxStart, 0, len(ctx)), clamp(m.End-ctxStart, 0, len(ctx))}
	ev[1] = max(ev[0], ev[1])
	h := highlights{evidence: ev, cue: ev, actor: findActor(ctx, m.ActorText, ev)}
	if c, ok := findCue(ctx, ev, m.Cue, st); ok {
		h.cue = c
	} else if a := h.actor; a[0] >= ev[0] && a[1] <= ev[1] {
		switch {
		case a[0] == ev[0] && a[1] < ev[1]:
			h.cue = trimSpan(ctx, span{a[1], ev[1]})
		case a[1] == ev[1] && a[0] > ev[0]:
			h.cue = trimSpan(ctx, span{ev[0], a[0]})
		}
	}
	return h
}

func clamp(x, lo, hi int) int { return min(max(x, lo), hi) }

// trimSpan drops the spaces and punctuation at the ends of s.
func trimSpan(ctx string, s span) span {
	for s[0] < s[1] {
		r, n := utf8.DecodeRuneInString(ctx[s[0]:s[1]])
		if isWordRune(r) {
			break
		}
		s[0] += n
	}
	for s[0] < s[1] {
		r, n := utf8.DecodeLastRuneInString(ctx[s[0]:s[1]])
		if isWordRune(r) {
			break
		}
		s[1] -= n
	}
	return s
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// findActor returns the occurrence of name in ctx, as a whole word, that
// lies inside ev, else the nearest one (the earlier on a tie).
func findActor(ctx, name string, ev span) span {
	if name == "" {
		return noSpan
	}
	best, bestDist := noSpan, -1
	for from := 0; from < len(ctx); {
		i := strings.Index(ctx[from:], name)
		if i < 0 {
			break
		}
		a := span{from + i, from + i + len(name)}
		from = a[0] + 1
		if !wordBounded(ctx, a) {
			continue
		}
		var dist int
		switch {
		case a[0] >= ev[0] && a[1] <= ev[1]:
			return a
		case a[1] <= ev[0]:
			dist = ev[0] - a[1]
		case a[0] >= ev[1]:
			dist = a[0] - ev[1]
		default: // overlapping the evidence
			dist = 0
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = a, dist
		}
	}
	return best
}

// wordBounded reports whether s neither starts nor ends inside a word.
func wordBounded(ctx string, s span) bool {
	before, _ := utf8.DecodeLastRuneInString(ctx[:s[0]])
	first, _ := utf8.DecodeRuneInString(ctx[s[0]:s[1]])
	last, _ := utf8.DecodeLastRuneInString(ctx[s[0]:s[1]])
	after, _ := utf8.DecodeRuneInString(ctx[s[1]:])
	return !(isWordRune(before) && isWordRune(first)) && !(isWordRune(last) && isWordRune(after))
}

// maxCueGap is how many words may come between two words of a cue
// ("responded with a counteroffer", "issued an ultimatum").
const maxCueGap = 3

// findCue finds the words of cue inside ev by their stems, in order, and
// returns the span from the first to the last.
func findCue(ctx string, ev span, cue string, st *stem.Stemmer) (span, bool) {
	want := strings.Fields(cue)
	if len(want) == 0 {
		return span{}, false
	}
	for i, w := range want {
		want[i] = stemOf(w, st)
	}
	words := wordsOf(ctx, ev)
	stems := make([]string, len(words))
	for i, w := range words {
		stems[i] = stemOf(ctx[w[0]:w[1]], st)
	}
	for i := range words {
		if stems[i] != want[0] {
			continue
		}
		k, j, gap := 1, i+1, 0
		for k < len(want) && j < len(words) && gap <= maxCueGap {
			if stems[j] == want[k] {
				k, gap = k+1, 0
			} else {
				gap++
			}
			j++
		}
		if k == len(want) {
			return span{words[i][0], words[j-1][1]}, true
		}
	}
	return span{}, false
}

func stemOf(w string, st *stem.Stemmer) string {
	if s := st.Stem(w); s != "" {
		return s
	}
	return strings.ToLower(w)
}

// wordsOf returns the runs of letters and digits in ctx within s,
// apostrophes inside a word included ("won't").
func wordsOf(ctx string, s span) []span {
	var out []span
	start := -1
	for i := s[0]; i < s[1]; {
		r, n := utf8.DecodeRuneInString(ctx[i:s[1]])
		inWord := isWordRune(r) || start >= 0 && (r == '\'' || r == '’') && i+n < s[1] && nextIsWord(ctx[i+n:s[1]])
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
		i += n
	}
	if start >= 0 {
		out = append(out, span{start, s[1]})
	}
	return out
}

func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// utf16Spans converts byte spans of ctx into UTF-16 code units, the unit
// in which JavaScript indexes strings. An invalid byte counts as one unit:
// encoding/json writes it as U+FFFD.
func utf16Spans(ctx string, spans ...*span) {
	for _, s := range spans {
		if s[0] < 0 {
			continue
		}
		s[0], s[1] = utf16Len(ctx[:s[0]]), utf16Len(ctx[:s[1]])
	}
}

func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		} else {
			n += utf16.RuneLen(r)
		}
		i += size
	}
	return n
}
