package analysis

import (
	"strings"
	"sync"

	"github.com/standpoint/standpoint/analysis/internal/cache"
	"github.com/standpoint/standpoint/analysis/stem"
	"github.com/standpoint/standpoint/analysis/tag"
)

// A lexeme is what the annotator knows of one word type.
type lexeme struct {
	word  *tag.Word
	stem  string
	lower string
	// Whether the lower case and the stem are the word as written.
	lowerIsWord, stemIsWord bool
}

// lexemes holds what the tagger and the stemmer say of each word type, by
// its text, for all the annotators of a run. Working a word type out takes
// microseconds, most of it waiting on memory, and the workers of a run
// meet mostly the same words: shared, each is worked out once a run
// rather than once a worker. A lexeme depends on its word alone, so which
// worker made it changes nothing. It is safe for concurrent use.
//
// The cache, the tokenizers' chunks and each document's scratch hold
// pointers to lexemes, not lexemes: a lexeme is 48 bytes, and held by
// value it made the cache's slots twice the size and the chunks' tokens
// nearly three times, fresh memory a run faults in page by page.
type lexemes struct {
	mu    sync.Mutex
	cache *cache.Cache[*lexeme]
}

// lexemeCacheSize is the size of the cache of lexemes.
const lexemeCacheSize = 1 << 15

func newLexemes() *lexemes {
	return &lexemes{cache: cache.New[*lexeme](lexemeCacheSize)}
}

// lexeme returns what the tagger and stemmer say of the word w. Each
// worker's tokenizer remembers the tokens of the chunks it has met, so
// this is called only for the words of a chunk new to it.
func (a *Annotator) lexeme(w string) *lexeme {
	l := a.lexemes
	l.mu.Lock()
	lx, ok := l.cache.Get(w)
	l.mu.Unlock()
	if ok {
		return lx
	}
	s := tag.Sanitize(w)
	w = strings.Clone(w)
	lx = &lexeme{word: a.tagger.Word(s), lower: strings.ToLower(w)}
	lower := lx.lower // of the word as the tagger and stemmer read it
	if s != w {
		lower = strings.ToLower(s)
	}
	// No cache of stems besides: the lexemes are one, and a cache keyed
	// by the lower case saved little more than the words that also come
	// capitalised, for the cost of its lookups and memory.
	lx.stem = stem.Lower(lower)
	lx.lowerIsWord = lx.lower == w
	lx.stemIsWord = lx.stem == w
	l.mu.Lock()
	l.cache.Put(w, lx)
	l.mu.Unlock()
	return lx
}
