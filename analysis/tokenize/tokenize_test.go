package tokenize

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/internal/sharedcorpus"
)

// tok is a token written as its text and byte offsets.
type tok struct {
	text       string
	start, end int
}

func (t tok) String() string { return fmt.Sprintf("%q@%d:%d", t.text, t.start, t.end) }

func tokens(text string) []tok {
	var out []tok
	for _, t := range Tokenize(text, nil) {
		out = append(out, tok{text[t.Start:t.End], t.Start, t.End})
	}
	return out
}

func TestTokenizeOffsets(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []tok
	}{
		{"em dash splits words", "agenda—nor", []tok{{"agenda", 0, 6}, {"—", 6, 9}, {"nor", 9, 12}}},
		{"en dash and spaces", "Kyiv – Moscow", []tok{{"Kyiv", 0, 4}, {"–", 5, 8}, {"Moscow", 9, 15}}},
		{"double hyphen is a dash", "talks--again", []tok{{"talks", 0, 5}, {"--", 5, 7}, {"again", 7, 12}}},
		{"curly possessive", "Putin’s demands", []tok{{"Putin", 0, 5}, {"’s", 5, 9}, {"demands", 10, 17}}},
		{"straight possessive", "Russia's", []tok{{"Russia", 0, 6}, {"'s", 6, 8}}},
		// Lower-casing İ changes its length, which misleads prose's offsets.
		{"dotted capital I", "İstanbul's", []tok{{"İstanbul", 0, 9}, {"'s", 9, 11}}},
		{"plural possessive", "parties’ positions", []tok{{"parties", 0, 7}, {"’", 7, 10}, {"positions", 11, 20}}},
		{"curly double quotes", "“Brownian diplomacy,”", []tok{{"“", 0, 3}, {"Brownian", 3, 11}, {"diplomacy", 12, 21}, {",", 21, 22}, {"”", 22, 25}}},
		{"single curly quotes", "‘sovereignty’ matters", []tok{{"‘", 0, 3}, {"sovereignty", 3, 14}, {"’", 14, 17}, {"matters", 18, 25}}},
		{"straight quotes", `"We will," he said.`, []tok{{`"`, 0, 1}, {"We", 1, 3}, {"will", 4, 8}, {",", 8, 9}, {`"`, 9, 10}, {"he", 11, 13}, {"said", 14, 18}, {".", 18, 19}}},
		{"contraction", "couldn’t sit", []tok{{"could", 0, 5}, {"n’t", 5, 10}, {"sit", 11, 14}}},
		{"abbreviation stays whole", "a final U.S. proposal", []tok{{"a", 0, 1}, {"final", 2, 7}, {"U.S.", 8, 12}, {"proposal", 13, 21}}},
		{"abbreviation at sentence end", "in the U.S.", []tok{{"in", 0, 2}, {"the", 3, 6}, {"U.S.", 7, 11}}},
		{"title keeps its period", "Mr. Lavrov", []tok{{"Mr.", 0, 3}, {"Lavrov", 4, 10}}},
		{"initial keeps its period", "Joseph R. Biden", []tok{{"Joseph", 0, 6}, {"R.", 7, 9}, {"Biden", 10, 15}}},
		{"a lone capital with a period reads as an initial", "Plan B.", []tok{{"Plan", 0, 4}, {"B.", 5, 7}}},
		{"short capitalised word is not an abbreviation", "It is War.", []tok{{"It", 0, 2}, {"is", 3, 5}, {"War", 6, 9}, {".", 9, 10}}},
		{"hyphenated words", "a 30-day ceasefire, empty-handed", []tok{{"a", 0, 1}, {"30-day", 2, 8}, {"ceasefire", 9, 18}, {",", 18, 19}, {"empty-handed", 20, 32}}},
		{"hyphenated word before a dash", "empty-handed—and", []tok{{"empty-handed", 0, 12}, {"—", 12, 15}, {"and", 15, 18}}},
		{"numbers", "$1.5 billion, 3,000 troops and 12.5%", []tok{{"$", 0, 1}, {"1.5", 1, 4}, {"billion", 5, 12}, {",", 12, 13}, {"3,000", 14, 19}, {"troops", 20, 26}, {"and", 27, 30}, {"12.5%", 31, 36}}},
		{"url", "see https://example.org/a/b?x=1.", []tok{{"see", 0, 3}, {"https://example.org/a/b?x=1", 4, 31}, {".", 31, 32}}},
		{"ellipsis", "and so...", []tok{{"and", 0, 3}, {"so", 4, 6}, {"...", 6, 9}}},
		{"brackets", "(NATO) [sic]", []tok{{"(", 0, 1}, {"NATO", 1, 5}, {")", 5, 6}, {"[", 7, 8}, {"sic", 8, 11}, {"]", 11, 12}}},
		{"guillemets", "«Istanbul Plus»", []tok{{"«", 0, 2}, {"Istanbul", 2, 10}, {"Plus", 11, 15}, {"»", 15, 17}}},
		{"newlines and tabs", "One\n\tTwo\r\nThree", []tok{{"One", 0, 3}, {"Two", 5, 8}, {"Three", 10, 15}}},
		{"cyrillic", "Москва отвергла", []tok{{"Москва", 0, 12}, {"отвергла", 13, 29}}},
		{"empty", "", nil},
		{"spaces only", " \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tokens(tt.text)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Tokenize(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
			checkInvariant(t, tt.text, Tokenize(tt.text, nil))
		})
	}
}

// checkInvariant asserts what every tokenization must satisfy: offsets in
// order inside the text, no token empty or holding white space, and no
// text other than white space left out.
func checkInvariant(t *testing.T, text string, toks []corpus.Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d: bad offsets %d..%d after %d (text of %d bytes)", i, tk.Start, tk.End, prev, len(text))
		}
		if gap := text[prev:tk.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Fatalf("token %d: text %q left out before it", i, gap)
		}
		if w := text[tk.Start:tk.End]; strings.IndexFunc(w, unicode.IsSpace) >= 0 {
			t.Fatalf("token %d: %q holds white space", i, w)
		}
		prev = tk.End
	}
	if rest := text[prev:]; strings.TrimFunc(rest, unicode.IsSpace) != "" {
		t.Fatalf("text %q after the last token left out", rest)
	}
}

// TestSeedArticle checks the tokenization of the article the project
// started from, where it has to be right.
func TestSeedArticle(t *testing.T) {
	shared := sharedcorpus.Dir(t)
	b, err := os.ReadFile(filepath.Join(shared, "examples", "istanbul-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	toks := Tokenize(text, nil)
	checkInvariant(t, text, toks)
	words := map[string]bool{}
	for _, tk := range toks {
		words[text[tk.Start:tk.End]] = true
	}
	for _, w := range []string{"U.S.", "30-day", "three-day", "empty-handed", "dual-track", "so-called", "agenda", "nor", "—", "’s", "“", "”", "Brownian", "n’t", "Istanbul"} {
		if !words[w] {
			t.Errorf("no token %q", w)
		}
	}
	for _, w := range []string{"agenda—nor", "Putin’s", "Trump’s", "“Brownian", "diplomacy,”", "empty-handed—and"} {
		if words[w] {
			t.Errorf("token %q should have been split", w)
		}
	}
	// Explicit offsets for one passage: "On May 10, Ukraine—backed by the EU—issued".
	at := strings.Index(text, "On May 10, Ukraine")
	want := []string{"On", "May", "10", ",", "Ukraine", "—", "backed", "by", "the", "EU", "—", "issued"}
	i := 0
	for i < len(toks) && toks[i].Start < at {
		i++
	}
	pos := at
	for _, w := range want {
		tk := toks[i]
		for pos < len(text) && text[pos] == ' ' {
			pos++
		}
		if tk.Start != pos || text[tk.Start:tk.End] != w {
			t.Fatalf("at %d: got %q@%d, want %q@%d", i, text[tk.Start:tk.End], tk.Start, w, pos)
		}
		pos += len(w)
		i++
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"agenda—nor", "Putin’s “Brownian diplomacy,”", "U.S. 30-day https://x.org/a.", "‘sovereignty’",
		"ȺȺȺ's", "\xff\xfe'sx", "İstanbul's", "a\u00a0b", "..", "'s", "—", "\"", "(-8 :-)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text, nil)
		checkInvariant(t, text, toks)
		if utf8.ValidString(text) {
			for _, tk := range toks {
				if !utf8.ValidString(text[tk.Start:tk.End]) {
					t.Fatalf("token %d..%d splits a character", tk.Start, tk.End)
				}
			}
		}
	})
}

// TestTokenizerCache checks that a Tokenizer that remembers chunks splits
// text exactly as a fresh one does.
func TestTokenizerCache(t *testing.T) {
	tz := New()
	texts := []string{"Putin’s “Brownian diplomacy,” agenda—nor", "agenda—nor Putin’s U.S. 30-day", "‘sovereignty’ Putin’s",
		// More chunks than the tokenizer looks ahead, some repeated.
		"the talks, the talks and the talks: Moscow’s “red lines” and Kyiv’s (and the West’s) answers, again and again."}
	for range 2 {
		for _, text := range texts {
			if got, want := fmt.Sprint(tz.Tokenize(text, nil)), fmt.Sprint(New().Tokenize(text, nil)); got != want {
				t.Errorf("%q: cached %s, fresh %s", text, got, want)
			}
		}
	}
}
