package tag

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/standpoint/standpoint/analysis/sentence"
	"github.com/standpoint/standpoint/analysis/tokenize"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/internal/sharedcorpus"
)

// proseAgreement tags each sentence with prose and with a Tagger on prose's
// own tokens, and counts the positions where they differ. Positions whose
// whitespace chunk repeats in the sentence are skipped: prose's tokenizer
// shares one token between repeats, so they show the last repeat's tag.
func proseAgreement(t *testing.T, sentences []string) (compared, differ int) {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pm := prose.ModelFromData("en")
	tg := m.NewTagger()
	for _, s := range sentences {
		doc, err := prose.NewDocument(s, prose.UsingModel(pm), prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		toks := doc.Tokens()
		words := make([]string, len(toks))
		for i, tok := range toks {
			words[i] = tok.Text
		}
		chunks := map[string]int{}
		for _, c := range strings.Fields(s) {
			chunks[c]++
		}
		repeated := map[string]bool{}
		for _, c := range strings.Fields(s) {
			if chunks[c] > 1 {
				repeated[c] = true
			}
		}
		tags := make([]string, len(words))
		tg.Tag(words, tags)
		for i, tok := range toks {
			if repeatsIn(tok.Text, repeated) {
				continue
			}
			compared++
			if tags[i] != tok.Tag {
				if !tg.tieAt(words, tags, i) {
					differ++
					logf(t, "%q: position %d %q: prose %s, tagger %s", s, i, tok.Text, tok.Tag, tags[i])
				}
			}
		}
	}
	return compared, differ
}

// repeatsIn reports whether the token may come from a repeated chunk.
func repeatsIn(tok string, repeated map[string]bool) bool {
	for c := range repeated {
		if strings.Contains(c, tok) {
			return true
		}
	}
	return false
}

// tieAt reports whether the best score at position i is shared by another
// class, given the tags before it.
func (t *Tagger) tieAt(words, tags []string, i int) bool {
	num := func(tag string) int {
		if n, ok := t.m.tags[tag]; ok {
			return n
		}
		return t.m.other
	}
	p1, p2 := num(start1), num(start2)
	if i > 0 {
		p1 = num(tags[i-1])
	}
	if i > 1 {
		p2 = num(tags[i-2])
	}
	ws := make([]*Word, len(words))
	for k, w := range words {
		ws[k] = t.Word(w)
	}
	if ws[i].fixed != "" {
		return false
	}
	t.setContext(ws)
	s, mask := t.score(i+2, ws[i], p1, p2)
	best := t.predict(i+2, ws[i], p1, p2)
	n := 0
	for c := range len(t.m.classes) {
		if mask&(1<<c) != 0 && s[c] == s[best] {
			n++
		}
	}
	return n > 1
}

func TestAgreesWithProse(t *testing.T) {
	sentences := []string{
		"Russia is demanding recognition of its annexations and an end to support for Ukraine.",
		"Kyiv insists on an unconditional ceasefire and is not prepared to discuss concessions.",
		"The United States, which launched the initiative, has withdrawn from the process.",
		"It was immediately rejected by both sides: the Kremlin deemed it too far from its own vision.",
		"Putin publicly invited Ukraine to direct talks in Istanbul; Zelensky responded with a counteroffer.",
		"Trump, for his part, did not rule out joining the talks himself.",
	}
	compared, differ := proseAgreement(t, sentences)
	if differ > 0 {
		t.Errorf("%d of %d positions differ from prose", differ, compared)
	}
	t.Logf("%d positions compared", compared)
}

// TestAgreesWithProseOnSharedCorpus compares the tagger with prose on
// thousands of sentences of real text.
func TestAgreesWithProseOnSharedCorpus(t *testing.T) {
	shared := sharedcorpus.Dir(t)
	sentences := sharedSentences(t, filepath.Join(shared, "corpus", "kremlin-zelensky-2021-2022.jsonl.gz"), 3000)
	compared, differ := proseAgreement(t, sentences)
	t.Logf("%d sentences, %d positions compared, %d differ", len(sentences), compared, differ)
	if compared < 50000 {
		t.Errorf("only %d positions compared", compared)
	}
	if differ > 0 {
		t.Errorf("%d of %d positions differ from prose other than at exact ties", differ, compared)
	}
}

// sharedSentences reads up to n sentences from a gzipped JSONL corpus.
func sharedSentences(t *testing.T, path string, n int) []string {
	t.Helper()
	var out []string
	for d, err := range corpus.Read(t.Context(), []string{path}, corpus.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		toks := tokenize.Tokenize(d.Text, nil)
		for _, s := range sentence.Split(d.Text, toks, nil) {
			if len(out) < n {
				out = append(out, d.Text[s.Start:s.End])
			}
		}
		if len(out) == n {
			break
		}
	}
	return out
}

// logf logs a disagreement; the count is what the tests assert.
func logf(t *testing.T, format string, args ...any) {
	t.Helper()
	if testing.Verbose() {
		t.Logf(format, args...)
	}
}
