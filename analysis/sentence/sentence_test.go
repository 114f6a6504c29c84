package sentence

import (
	"fmt"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/analysis/tokenize"
	"github.com/standpoint/standpoint/corpus"
)

func split(text string) []string {
	toks := tokenize.Tokenize(text, nil)
	var out []string
	for _, s := range Split(text, toks, nil) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "Russia demands it. Kyiv refuses.", []string{"Russia demands it.", "Kyiv refuses."}},
		{"question and exclamation", "Who is negotiating? Nobody! Read more.", []string{"Who is negotiating?", "Nobody!", "Read more."}},
		{"abbreviation inside", "A final U.S. proposal was rejected. It failed.", []string{"A final U.S. proposal was rejected.", "It failed."}},
		{"abbreviation at the end", "Talks resumed in the U.S. The Kremlin agreed.", []string{"Talks resumed in the U.S.", "The Kremlin agreed."}},
		{"title", "Mr. Lavrov said so. Dr. Grossi did not.", []string{"Mr. Lavrov said so.", "Dr. Grossi did not."}},
		{"closing quote stays", "“We will never accept this.” Lavrov said it twice.", []string{"“We will never accept this.”", "Lavrov said it twice."}},
		{"lower case after period", "Prices rose by 3 p.m. and fell.", []string{"Prices rose by 3 p.m. and fell."}},
		{"ellipsis before lower case", "It was... not enough. Then talks ended.", []string{"It was... not enough.", "Then talks ended."}},
		{"blank line", "Headline without a period\n\nBody text here.", []string{"Headline without a period", "Body text here."}},
		{"hard-wrapped lines join", "Russia is demanding recognition of its\nannexations and an end to support.\nKyiv insists.", []string{"Russia is demanding recognition of its\nannexations and an end to support.", "Kyiv insists."}},
		{"one paragraph a line", strings.Repeat("word ", 30) + "end\n" + strings.Repeat("next ", 30) + "end", []string{strings.Repeat("word ", 30) + "end", strings.Repeat("next ", 30) + "end"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.text)
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSplitCoversEveryToken(t *testing.T) {
	text := "One. Two three! Then " + strings.Repeat("x ", 2*MaxTokens+4) + "end."
	toks := tokenize.Tokenize(text, nil)
	sents := Split(text, toks, nil)
	next := 0
	for i, s := range sents {
		if s.First != next || s.Last <= s.First {
			t.Fatalf("sentence %d covers tokens %d..%d, want from %d", i, s.First, s.Last, next)
		}
		if s.Last-s.First > MaxTokens {
			t.Fatalf("sentence %d has %d tokens, more than %d", i, s.Last-s.First, MaxTokens)
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
			t.Fatalf("sentence %d offsets %d..%d do not match its tokens", i, s.Start, s.End)
		}
		next = s.Last
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
	if len(sents) != 5 {
		t.Errorf("got %d sentences, want 5 (two short, the long run cut in three)", len(sents))
	}
	_ = corpus.Sentence{}
}
