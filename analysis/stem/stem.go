// Package stem reduces words to their Snowball (Porter2) English stems.
package stem

import (
	"strings"
	"sync"
	"unicode"

	"github.com/kljensen/snowball/english"
	"github.com/standpoint/standpoint/analysis/internal/cache"
)

// CacheSize is the size of a Stemmer's cache (see analysis/internal/cache):
// memory stays flat on any corpus.
const CacheSize = 1 << 15

// A Stemmer stems words, remembering recent results. Stemming is slow, so
// one Stemmer is best shared by all the workers of a run: it is safe for
// concurrent use.
type Stemmer struct {
	mu    sync.Mutex
	cache *cache.Cache[string]
}

// New returns a Stemmer with an empty cache.
func New() *Stemmer {
	return &Stemmer{cache: cache.New[string](CacheSize)}
}

// Stem returns the stem of the lower-cased word, or "" when the word has no
// letters (punctuation, numbers). Irregular verb forms are first brought to
// their base form ("withdrawn" -> "withdraw"). The stem depends on the
// lower case alone, which the cache is keyed by.
func (s *Stemmer) Stem(word string) string {
	lower := strings.ToLower(word)
	s.mu.Lock()
	st, ok := s.cache.Get(lower)
	s.mu.Unlock()
	if ok {
		return st
	}
	st = Lower(lower)
	s.mu.Lock()
	s.cache.Put(strings.Clone(lower), st)
	s.mu.Unlock()
	return st
}

// Lower is Word of a word already in lower case, from the table of
// common words when it has the word, and remembered by nothing: for
// callers that remember what they stem, as the annotator does of each word
// type.
func Lower(lower string) string {
	if st, ok := fromTable(lower); ok {
		return st
	}
	return stemLower(lower)
}

// Word is Stem without the cache.
func Word(word string) string { return stemLower(strings.ToLower(word)) }

// stemLower is Word of a lower-case word. Lower-casing keeps letters
// letters and everything else not a letter.
func stemLower(lower string) string {
	if strings.IndexFunc(lower, unicode.IsLetter) < 0 {
		return ""
	}
	if base, ok := irregular[lower]; ok {
		lower = base
	}
	return english.Stem(lower, false)
}
