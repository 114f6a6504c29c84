package stem

import (
	_ "embed"
	"strings"
	"sync"
)

// table holds the stems of common English words, worked out once by Word:
// Snowball's stemmer takes some fifteen thousand instructions a word, so
// a run met most words of its first documents for the first time. Each
// line is a word and its stem, separated by a space, sorted by word; a test
// checks every line against Word, and go test -update rewrites the file
// from the tagger's vocabulary.
//
//go:embed data/stems.txt
var table string

// tableStems maps each word of the table to its stem; the strings are
// parts of the embedded table.
var tableStems = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, strings.Count(table, "\n"))
	for line := range strings.Lines(table) {
		word, stem, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		m[word] = stem
	}
	return m
})

// fromTable returns the stem of the lower-case word w from the table.
func fromTable(w string) (string, bool) {
	st, ok := tableStems()[w]
	return st, ok
}
