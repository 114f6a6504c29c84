package tag

import (
	"unicode"
	"unicode/utf8"
)

// PunctTag returns the Penn Treebank tag of the punctuation token
// text[start:end], and false when the token is not punctuation. prose's
// model saw quotes only as “ and ” and never saw dashes as tokens, so it
// tags them at random; the annotator corrects them after tagging, leaving
// the model's context as prose would have it.
func PunctTag(text string, start, end int) (string, bool) {
	w := text[start:end]
	if w == "" {
		return "", false
	}
	if c := w[0]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
		return "", false // a word or a number, as most tokens are
	}
	r, size := utf8.DecodeRuneInString(w)
	if size != len(w) {
		if isDashes(w) {
			return ":", true
		}
		if isRun(w, '.') {
			return ".", true
		}
		return "", false
	}
	switch r {
	case '"', '\'':
		// A straight quote opens when nothing but space or an opening
		// bracket precedes it.
		prev, _ := utf8.DecodeLastRuneInString(text[:start])
		if start == 0 || unicode.IsSpace(prev) || unicode.In(prev, unicode.Ps, unicode.Pi) {
			return "``", true
		}
		return "''", true
	case ',':
		return ",", true
	case '.', '!', '?', '…':
		return ".", true
	case ':', ';':
		return ":", true
	case '$':
		return "$", true
	case '#':
		return "#", true
	}
	switch {
	case unicode.Is(unicode.Pd, r):
		return ":", true
	case unicode.In(r, unicode.Pi) || r == '«' || r == '„':
		return "``", true
	case unicode.In(r, unicode.Pf) || r == '»':
		return "''", true
	case unicode.Is(unicode.Ps, r):
		return "(", true
	case unicode.Is(unicode.Pe, r):
		return ")", true
	}
	return "", false
}

func isDashes(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Pd, r) {
			return false
		}
	}
	return len(w) > 1
}

func isRun(w string, c rune) bool {
	for _, r := range w {
		if r != c {
			return false
		}
	}
	return true
}
