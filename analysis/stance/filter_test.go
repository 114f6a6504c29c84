package stance

import "testing"

// TestCuesOfPassesEveryCue checks that the filter before the map of cues
// lets every cue through, for the default lexicon and with a user's, and
// rules out common words that start none.
func TestCuesOfPassesEveryCue(t *testing.T) {
	base, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	user, err := ParseLexicon([]byte("cues:\n  - {words: stonewall, pos: verb, stance: reject}\n  - {words: put forward, pos: verb, stance: propose}\n"), "user.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, lexicons := range [][]*Lexicon{{base}, {base, user}} {
		x, err := New(lexicons...)
		if err != nil {
			t.Fatal(err)
		}
		for st, cues := range x.cues {
			if got := x.cuesOf(st); len(got) != len(cues) {
				t.Errorf("cuesOf(%q) = %d cues, want %d", st, len(got), len(cues))
			}
		}
		if len(lexicons) == 2 && len(x.cuesOf("stonewal")) == 0 {
			t.Error("the user's cue is not found")
		}
		common := []string{"the", "of", "and", "to", "in", "that", "is", "for", "on", "with", "said", "ukrain"}
		passed := 0
		for _, w := range common {
			if got := x.cuesOf(w); len(got) > 0 {
				t.Errorf("cuesOf(%q) = %d cues, want none", w, len(got))
			}
			if x.firsts.May(w) {
				passed++
			}
		}
		if passed > len(common)/4 {
			t.Errorf("%d of %d common words pass the filter", passed, len(common))
		}
	}
}
