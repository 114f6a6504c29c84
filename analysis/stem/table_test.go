package stem

import (
	"flag"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/standpoint/standpoint/analysis/tag"
)

var update = flag.Bool("update", false, "rewrite data/stems.txt from the tagger's vocabulary")

// TestTable checks that the table of stems is the tagger's vocabulary
// stemmed by Word, line by line; go test -update rewrites it.
func TestTable(t *testing.T) {
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, w := range m.Words() {
		if w != strings.ToLower(w) || strings.IndexFunc(w, unicode.IsLetter) < 0 || strings.ContainsAny(w, " \n") {
			continue
		}
		b.WriteString(w + " " + Word(w) + "\n")
	}
	if *update {
		if err := os.WriteFile("data/stems.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if b.String() != table {
		t.Fatalf("data/stems.txt is not the tagger's vocabulary stemmed by Word: run go test -update")
	}
	if n := len(tableStems()); n < 10000 {
		t.Errorf("the table has %d words", n)
	}
	prev := ""
	for l := range strings.Lines(table) {
		word, stem, ok := strings.Cut(strings.TrimSuffix(l, "\n"), " ")
		if !ok || word <= prev {
			t.Fatalf("line %q: not a word and its stem in order", l)
		}
		prev = word
		if got, ok := fromTable(word); !ok || got != stem || stem != Word(word) {
			t.Errorf("%s: table gives %q, %v; Word gives %q", word, got, ok, Word(word))
		}
	}
	for _, w := range []string{"", "zzzzzz", "aaaa", "demandsx"} {
		if st, ok := fromTable(w); ok {
			t.Errorf("fromTable(%q) = %q, want none", w, st)
		}
	}
}
