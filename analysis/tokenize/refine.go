package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/standpoint/standpoint/corpus"
)

// refine splits the span text[start:end] where prose keeps pieces together
// that are words or marks of their own, and appends the pieces to dst.
func refine(text string, start, end int, dst []corpus.Token) []corpus.Token {
	// Dashes first: "agenda—nor" is three tokens, "30-day" is one.
	pos := start
	for pos < end {
		ds, de := nextDash(text, pos, end)
		if ds > pos {
			dst = peel(text, pos, ds, dst)
		}
		if de > ds {
			dst = append(dst, corpus.Token{Start: ds, End: de})
		}
		pos = de
	}
	return dst
}

// nextDash finds the first run of dashes in text[pos:end]: characters of
// Unicode category Pd other than the hyphen, or two or more hyphen-minus
// signs. It returns end, end when there is none.
func nextDash(text string, pos, end int) (int, int) {
	for i := pos; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if isDash(r) {
			j := i + size
			for j < end {
				r2, s2 := utf8.DecodeRuneInString(text[j:end])
				if !isDash(r2) && r2 != '-' {
					break
				}
				j += s2
			}
			return i, j
		}
		if r == '-' && i+1 < end && text[i+1] == '-' {
			j := i + 2
			for j < end && text[j] == '-' {
				j++
			}
			return i, j
		}
		i += size
	}
	return end, end
}

func isDash(r rune) bool {
	// The only ASCII dash is the hyphen-minus.
	return r >= utf8.RuneSelf && r != '\u2010' && r != '\u2011' && unicode.Is(unicode.Pd, r)
}

// peel separates leading and trailing punctuation from the word in
// text[start:end]: quotes and brackets, and a final period unless the word
// is an abbreviation.
func peel(text string, start, end int, dst []corpus.Token) []corpus.Token {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !isLeading(r) || isContraction(text[start:end]) {
			break
		}
		dst = append(dst, corpus.Token{Start: start, End: start + size})
		start += size
	}
	// Collect trailing marks from the end, then emit them in text order.
	var tail [8]corpus.Token
	n := 0
	for end > start && n < len(tail) {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if end-size == start {
			break // a lone mark is a token already
		}
		if !isTrailing(r) && !(r == '.' && !isAbbreviation(text[start:end])) {
			break
		}
		tail[n] = corpus.Token{Start: end - size, End: end}
		n++
		end -= size
	}
	if end > start {
		dst = append(dst, corpus.Token{Start: start, End: end})
	}
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, tail[i])
	}
	return dst
}

func isLeading(r rune) bool {
	return unicode.In(r, unicode.Quotation_Mark, unicode.Ps, unicode.Pi) || r == '¿' || r == '¡'
}

func isTrailing(r rune) bool {
	switch r {
	case ',', ';', ':', '!', '?', '…':
		return true
	}
	return unicode.In(r, unicode.Quotation_Mark, unicode.Pe, unicode.Pf)
}

// isContraction reports whether w is the clitic half of a contraction, such
// as "'s" or "’ll", or an elided year such as "’90s", which keep their
// apostrophe.
func isContraction(w string) bool {
	var rest string
	switch {
	case strings.HasPrefix(w, "'"):
		rest = w[1:]
	case strings.HasPrefix(w, "\u2019"):
		rest = w[len("\u2019"):]
	default:
		return false
	}
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return true
	}
	switch strings.ToLower(rest) {
	case "s", "re", "ll", "ve", "d", "m":
		return true
	}
	return false
}

// isAbbreviation reports whether w, which ends in a period, keeps it: initials
// and dotted abbreviations ("U.S.", "e.g.") and common short forms ("Mr.",
// "Gen.", "Jan."). A capitalised word such as "Now." is not one.
func isAbbreviation(w string) bool {
	if dottedLetters(w) {
		return true
	}
	_, ok := abbreviations[w]
	return ok
}

// dottedLetters reports whether w is two or more letter-period pairs.
func dottedLetters(w string) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		c := w[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// abbreviations lists short forms written with a final period. Titles among
// them never end a sentence (see the sentence package).
var abbreviations = map[string]struct{}{
	"Mr.": {}, "Mrs.": {}, "Ms.": {}, "Dr.": {}, "Prof.": {}, "Sr.": {}, "Jr.": {}, "St.": {},
	"Gen.": {}, "Lt.": {}, "Col.": {}, "Maj.": {}, "Capt.": {}, "Sgt.": {}, "Adm.": {}, "Cmdr.": {},
	"Gov.": {}, "Sen.": {}, "Rep.": {}, "Rev.": {}, "Hon.": {}, "Amb.": {}, "Pres.": {}, "Sec.": {},
	"Jan.": {}, "Feb.": {}, "Mar.": {}, "Apr.": {}, "Jun.": {}, "Jul.": {}, "Aug.": {}, "Sep.": {},
	"Sept.": {}, "Oct.": {}, "Nov.": {}, "Dec.": {},
	"No.": {}, "Nos.": {}, "Vol.": {}, "Art.": {}, "Para.": {}, "Fig.": {}, "p.": {}, "pp.": {},
	"Inc.": {}, "Ltd.": {}, "Co.": {}, "Corp.": {}, "Bros.": {}, "Dept.": {}, "Univ.": {},
	"vs.": {}, "etc.": {}, "cf.": {}, "approx.": {}, "est.": {}, "Mt.": {}, "Ft.": {}, "Ave.": {},
}

// mergeEllipses joins adjacent period tokens into one ("..."), which prose
// splits one period at a time, and an initial with its period ("R." in
// "Joseph R. Biden"). Tokens joined touch, so they are of one chunk, and a
// token before an initial that is of another chunk does not touch it: run
// on each chunk, it joins what it would on the whole text.
func mergeEllipses(text string, toks []corpus.Token) []corpus.Token {
	out := toks[:0]
	for _, t := range toks {
		if n := len(out); n > 0 && t.Start == out[n-1].End && text[t.Start:t.End] == "." {
			prev := text[out[n-1].Start:out[n-1].End]
			if isPeriods(prev) || isInitial(prev) && (n == 1 || out[n-2].End < out[n-1].Start) {
				out[n-1].End = t.End
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// isInitial reports whether w is a single capital letter.
func isInitial(w string) bool { return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' }

func isPeriods(s string) bool {
	return s != "" && strings.Trim(s, ".") == ""
}
