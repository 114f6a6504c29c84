package stem

import (
	_ "embed"
	"sort"
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

// tableLines holds the start of each line of table.
var tableLines = sync.OnceValue(func() []int32 {
	starts := make([]int32, 0, strings.Count(table, "\n"))
	for i := 0; i < len(table); {
		starts = append(starts, int32(i))
		n := strings.IndexByte(table[i:], '\n')
		if n < 0 {
			break
		}
		i += n + 1
	}
	return starts
})

// fromTable returns the stem of the lower-case word w from the table.
func fromTable(w string) (string, bool) {
	starts := tableLines()
	line := func(i int) (word, stem string) {
		l := table[starts[i]:]
		if n := strings.IndexByte(l, '\n'); n >= 0 {
			l = l[:n]
		}
		word, stem, _ = strings.Cut(l, " ")
		return word, stem
	}
	i := sort.Search(len(starts), func(i int) bool {
		word, _ := line(i)
		return word >= w
	})
	if i == len(starts) {
		return "", false
	}
	if word, stem := line(i); word == w {
		return stem, true
	}
	return "", false
}
