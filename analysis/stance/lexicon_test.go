package stance_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/analysis/stance"
	"github.com/standpoint/standpoint/corpus"
)

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"unknown field", "cues:\n  - {words: insist, pos: verb, stance: demand, stnace: x}\n", "lex.yaml:2:"},
		{"bad pos", "cues:\n  - {words: insist, pos: adverb, stance: demand}\n", `lex.yaml:2: cue "insist": pos "adverb"`},
		{"light with one word", "cues:\n  - {words: ultimatum, pos: light, stance: threaten}\n", "needs a verb and a noun"},
		{"noun of two words", "cues:\n  - {words: peace plan, pos: noun, stance: propose}\n", "a noun cue is one word"},
		{"unknown section", "verbs:\n  - {words: x}\n", `lex.yaml:1: unknown section "verbs"`},
		{"modality without value", "modality:\n  - {words: will}\n", "lex.yaml:2: modality"},
		{"not a mapping", "- {words: x}\n", "want a mapping"},
		{"aliases", "cues:\n  - &a {words: x, pos: verb, stance: demand}\n  - *a\n", "anchors and aliases are not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := stance.ParseLexicon([]byte(tt.data), "lex.yaml")
			var fe *stance.FileError
			if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want a FileError containing %q", err, tt.want)
			}
		})
	}
}

func TestUserLexicon(t *testing.T) {
	base, err := stance.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	user, err := stance.ParseLexicon([]byte(`
cues:
  - {words: stonewall, pos: verb, stance: reject}
  - {words: urge, pos: verb, stance: demand, score: -1.5}
`), "user.yaml")
	if err != nil {
		t.Fatal(err)
	}
	x, err := stance.New(base, user)
	if err != nil {
		t.Fatal(err)
	}
	m := *models
	m.Stances = x
	text := "Moscow stonewalled the inspectors. NATO urged restraint."
	doc := corpus.Document{ID: "t", Date: "2025-05-16", Text: text}
	got := annotate(&m, doc)
	if len(got) != 2 || got[0].Stance != "reject" || got[1].Stance != "demand" || got[1].Score != -1.5 {
		t.Errorf("user cues not applied: %+v", got)
	}
	// A stance the categories do not know is an error naming the line.
	bad, err := stance.ParseLexicon([]byte("cues:\n  - {words: stonewall, pos: verb, stance: stall}\n"), "user.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stance.New(base, bad); err == nil || !strings.Contains(err.Error(), `user.yaml:2: cue "stonewall": unknown stance "stall"`) {
		t.Errorf("got %v", err)
	}
	// Without the default lexicon a user file needs its own categories.
	if _, err := stance.New(user); err == nil {
		t.Error("a lexicon of cues without categories was accepted")
	}
}

func FuzzParseLexicon(f *testing.F) {
	f.Add("categories:\n  - {stance: demand, cameo: \"10\", score: -5}\ncues:\n  - {words: demand, pos: verb, stance: demand}\nmodality:\n  - {words: will, value: will}\n")
	f.Add("cues:\n  - {words: rule out, pos: verb, stance: reject, negated: accept}\n")
	f.Fuzz(func(t *testing.T, data string) {
		lex, err := stance.ParseLexicon([]byte(data), "f.yaml")
		if err != nil {
			var fe *stance.FileError
			if !errors.As(err, &fe) || fe.File != "f.yaml" {
				t.Fatalf("error %v is not a FileError naming the file", err)
			}
			return
		}
		if _, err := stance.New(lex); err != nil {
			var fe *stance.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("New: error %v is not a FileError", err)
			}
		}
	})
}

func FuzzFind(f *testing.F) {
	f.Add("Russia is demanding recognition of its annexations and an end to support for Ukraine.")
	f.Add("“We will never accept this,” Lavrov said. It was rejected by both sides—and they")
	f.Add("Kyiv and its European allies formally rejected it, urging Putin to to to")
	f.Fuzz(func(t *testing.T, text string) {
		doc := corpus.Document{ID: "f", Source: "President of Russia", Text: text}
		for _, st := range annotate(models, doc) {
			if st.Start < 0 || st.End < st.Start || st.End > len(text) || st.Actor == "" || st.Stance == "" || st.Stance == stance.None {
				t.Fatalf("bad stance %+v", st)
			}
		}
	})
}
