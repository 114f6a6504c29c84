package stem

import (
	"strings"
	"testing"
)

func TestStem(t *testing.T) {
	s := New()
	tests := []struct{ word, want string }{
		{"demands", "demand"},
		{"Demanding", "demand"},
		{"rejected", "reject"},
		{"refuses", "refus"},
		{"negotiations", "negoti"},
		{"'s", "'s"},
		{"U.S.", "u.s."},
		{",", ""},
		{"2025", ""},
		{"—", ""},
	}
	for _, tt := range tests {
		for range 2 { // the second time from the cache
			if got := s.Stem(tt.word); got != tt.want {
				t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
			}
			if got := Word(tt.word); got != tt.want {
				t.Errorf("Word(%q) = %q, want %q", tt.word, got, tt.want)
			}
		}
	}
}

// TestStemLower checks that a word and its lower case share a stem, and
// an entry in the cache.
func TestStemLower(t *testing.T) {
	s := New()
	for _, w := range []string{"Withdrawn", "DEMANDS", "Ukraine's", "U.S.", "Ürümqi"} {
		lower := strings.ToLower(w)
		if got, want := s.Stem(w), s.Stem(lower); got != want {
			t.Errorf("Stem(%q) = %q, Stem(%q) = %q", w, got, lower, want)
		}
		if got, want := s.Stem(w), Lower(lower); got != want {
			t.Errorf("Stem(%q) = %q, Lower(%q) = %q", w, got, lower, want)
		}
	}
	if n := s.cache.Len(); n != 5 {
		t.Errorf("cache holds %d entries, want one per lower-case word (5)", n)
	}
}

func TestCacheIsCapped(t *testing.T) {
	s := New()
	for i := range CacheSize + 10 {
		s.Stem("w" + string(rune('a'+i%26)) + string(rune(0x4e00+i)))
	}
	if n := s.cache.Len(); n > 2*CacheSize {
		t.Errorf("cache holds %d words, more than twice its size %d", n, CacheSize)
	}
}

func TestIrregularVerbs(t *testing.T) {
	s := New()
	for _, w := range []string{"withdrew", "withdrawn", "Withdrawing", "withdraws"} {
		if got := s.Stem(w); got != "withdraw" {
			t.Errorf("Stem(%q) = %q, want withdraw", w, got)
		}
	}
	if got, want := s.Stem("sought"), s.Stem("seek"); got != want {
		t.Errorf("Stem(sought) = %q, Stem(seek) = %q", got, want)
	}
}
