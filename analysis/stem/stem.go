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
// their base form ("withdrawn" -> "withdraw").
func (s *Stemmer) Stem(word string) string {
	s.mu.Lock()
	st, ok := s.cache.Get(word)
	s.mu.Unlock()
	if ok {
		return st
	}
	st = lookup(word)
	s.mu.Lock()
	s.cache.Put(strings.Clone(word), st)
	s.mu.Unlock()
	return st
}

// lookup is Word, from the table of common words when it has the word.
func lookup(word string) string {
	if st, ok := fromTable(strings.ToLower(word)); ok {
		return st
	}
	return Word(word)
}

// Word is Stem without the cache.
func Word(word string) string {
	if strings.IndexFunc(word, unicode.IsLetter) < 0 {
		return ""
	}
	lower := strings.ToLower(word)
	if base, ok := irregular[lower]; ok {
		lower = base
	}
	return english.Stem(lower, false)
}
