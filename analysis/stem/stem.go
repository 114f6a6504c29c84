// Package stem reduces words to their Snowball (Porter2) English stems.
package stem

import (
	"strings"
	"sync"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// CacheSize caps how many distinct words a Stemmer remembers; the cache
// starts afresh when full, so memory stays flat on any corpus.
const CacheSize = 1 << 15

// A Stemmer stems words, remembering recent results. It is not safe for
// concurrent use: each worker owns one.
type Stemmer struct {
	cache map[string]string
}

// New returns a Stemmer with an empty cache.
func New() *Stemmer {
	return &Stemmer{cache: make(map[string]string)}
}

// Stem returns the stem of the lower-cased word, or "" when the word has no
// letters (punctuation, numbers). Irregular verb forms are first brought to
// their base form ("withdrawn" -> "withdraw").
func (s *Stemmer) Stem(word string) string {
	if st, ok := s.cache[word]; ok {
		return st
	}
	st := Word(word)
	if len(s.cache) >= CacheSize {
		clear(s.cache)
	}
	s.cache[strings.Clone(word)] = st
	return st
}

// A Cache remembers stems for all the workers of a run, so that a word
// is stemmed once however many workers meet it; stemming is slow. It is
// safe for concurrent use, and starts afresh when it holds SharedCacheSize
// words.
type Cache struct {
	mu sync.RWMutex
	m  map[string]string
}

// SharedCacheSize caps the words a Cache remembers.
const SharedCacheSize = 1 << 16

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{m: make(map[string]string)} }

// Stem returns Word(word), from the cache when it can.
func (c *Cache) Stem(word string) string {
	c.mu.RLock()
	st, ok := c.m[word]
	c.mu.RUnlock()
	if ok {
		return st
	}
	st = Word(word)
	c.mu.Lock()
	if len(c.m) >= SharedCacheSize {
		clear(c.m)
	}
	c.m[strings.Clone(word)] = st
	c.mu.Unlock()
	return st
}

// Word is Stem without the cache, for callers that keep their own.
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
