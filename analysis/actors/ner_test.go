package actors

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/standpoint/standpoint/analysis/sentence"
	"github.com/standpoint/standpoint/analysis/tag"
	"github.com/standpoint/standpoint/analysis/tokenize"
	"github.com/standpoint/standpoint/corpus"
)

// TestEntitiesAgreeWithProse compares the entity model evaluated here with
// prose's own, on sentences whose tokens prose splits as we do.
func TestEntitiesAgreeWithProse(t *testing.T) {
	sentences := []string{
		"Kirill Dmitriev met Steven Witkoff in Paris on Tuesday .",
		"John Smith , the mayor of Springfield , said the plan would fail .",
		"Officials in Kyiv and Moscow met with Emmanuel Macron and Olaf Scholz .",
		"The talks in Istanbul resumed after Mark Rutte spoke to reporters in Brussels .",
		"Angela Merkel called Vladimir Putin from Berlin .",
		"Residents of New York and London watched as Jane Doe arrived .",
	}
	m, err := loadNER()
	if err != nil {
		t.Fatal(err)
	}
	tm, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	pm := prose.ModelFromData("test")
	tg := tm.NewTagger()
	for _, s := range sentences {
		pd, err := prose.NewDocument(s, prose.UsingModel(pm), prose.WithSegmentation(false))
		if err != nil {
			t.Fatal(err)
		}
		doc := &corpus.Annotated{Document: corpus.Document{Text: s}}
		doc.Tokens = tokenize.Tokenize(s, nil)
		doc.Sentences = sentence.Split(s, doc.Tokens, nil)
		words := make([]string, len(doc.Tokens))
		for i := range doc.Tokens {
			words[i] = doc.TokenText(i)
		}
		tags := make([]string, len(words))
		tg.Tag(words, tags)
		for i := range doc.Tokens {
			doc.Tokens[i].Tag = tags[i]
		}
		var want []entity
		for _, e := range pd.Entities() {
			want = append(want, entity{e.Text, e.Label})
		}
		got := newNERScorer(m).entities(doc, tokenKeys(doc), 0, len(doc.Tokens))
		if len(got) != len(want) {
			t.Errorf("%q:\n got %v\nwant %v", s, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q:\n got %v\nwant %v", s, got, want)
				break
			}
		}
	}
}

// TestScorerMatchesFeatures checks the cached scorer against a plain
// evaluation of prose's features, built as strings for every token as
// prose builds them, on the sentences of real documents.
func TestScorerMatchesFeatures(t *testing.T) {
	m, err := loadNER()
	if err != nil {
		t.Fatal(err)
	}
	tm, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	tg := tm.NewTagger()
	sc := newNERScorer(m)
	compared := 0
	for _, text := range nerTestTexts(t) {
		doc := &corpus.Annotated{Document: corpus.Document{Text: text}}
		doc.Tokens = tokenize.Tokenize(text, nil)
		doc.Sentences = sentence.Split(text, doc.Tokens, nil)
		words := make([]string, len(doc.Tokens))
		for i := range doc.Tokens {
			words[i] = tag.Sanitize(doc.TokenText(i))
		}
		tags := make([]string, len(words))
		tg.Tag(words, tags)
		for i := range doc.Tokens {
			doc.Tokens[i].Tag = tags[i]
		}
		for _, s := range doc.Sentences {
			got := sc.entities(doc, words, s.First, s.Last)
			want := referenceEntities(m, words[s.First:s.Last], tags[s.First:s.Last])
			compared += s.Last - s.First
			if !slices.Equal(got, want) {
				t.Errorf("%q:\n got %v\nwant %v", doc.Text[s.Start:s.End], got, want)
			}
		}
	}
	t.Logf("%d tokens compared", compared)
}

// nerTestTexts returns texts to label: the shared corpus when there is
// one, else a few sentences of our own.
func nerTestTexts(t *testing.T) []string {
	texts := []string{
		"Kirill Dmitriev met Steven Witkoff in Paris on Tuesday. The Ministry of Foreign Affairs of Ukraine said so.",
		"Residents of New York and London watched as Jane Doe arrived; Mr. Smith-Jones (of ACME Corp.) didn't.",
		// Words longer than the lengths the model keeps found.
		"Officials of the Pneumonoultramicroscopicsilicovolcanoconiosis Research Council met Dr. Hubert Wolfeschlegelsteinhausenbergerdorff.",
	}
	shared := os.Getenv("STANDPOINT_SHARED")
	if shared == "" {
		return texts
	}
	path := filepath.Join(shared, "corpus", "kremlin-zelensky-2021-2022.jsonl.gz")
	for d, err := range corpus.Read(context.Background(), []string{path}, corpus.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, d.Text)
		if len(texts) == 150 {
			break
		}
	}
	return texts
}

// referenceEntities labels a sentence by building prose's features as
// strings, as prose does.
func referenceEntities(m *nerModel, words, tags []string) []entity {
	n := len(words)
	labels := make([]string, n)
	history := make([]string, 0, n)
	scores := make([]float64, len(m.labels))
	for i := range n {
		clear(scores)
		for _, f := range referenceFeatures(m, words, tags, history, i) {
			m.weights.addTo(scores, m.weights.find(f))
		}
		best := 0
		for l := range scores {
			if scores[l] > scores[best] {
				best = l
			}
		}
		labels[i] = m.labels[best]
		history = append(history, simplePOS(labels[i]))
	}
	return chunk(words, tags, labels)
}

// referenceFeatures returns the "name-value" keys prose's extract builds
// for token i, in prose's feature order.
func referenceFeatures(m *nerModel, words, tags, history []string, i int) []string {
	w := words[i]
	lower := strings.ToLower(w)
	basic := "False"
	if m.basic[w] {
		basic = "True"
	}
	prevword, prevpos, prevtag, prevShape := "None", "None", "None", "None"
	if i > 0 {
		prevword, prevpos, prevtag = strings.ToLower(words[i-1]), tags[i-1], history[i-1]
	}
	if i > 1 {
		prevShape = shape(words[i-1])
	}
	nextword, nextpos := "None", "None"
	if i < len(words)-1 {
		nextword, nextpos = strings.ToLower(words[i+1]), strings.ToLower(tags[i+1])
	}
	return []string{
		"bias-True",
		"en-wordlist-" + basic,
		"nextpos-" + nextpos,
		"nextword-" + nextword,
		"pos-" + tags[i],
		"pos+prevtag-" + tags[i] + "+" + prevtag,
		"prefix3-" + strings.ToLower(w[:min(len(w), 3)]),
		"prevpos-" + prevpos,
		"prevtag-" + prevtag,
		"prevword-" + prevword,
		"shape-" + shape(w),
		"shape+prevtag-" + prevShape + "+" + prevtag,
		"suffix3-" + strings.ToLower(w[len(w)-min(len(w), 3):]),
		"word-" + w,
		"word+nextpos-" + lower + "+" + nextpos,
		"word.lower-" + lower,
		"wordlen-" + strconv.Itoa(len(w)),
	}
}

// proseShape is prose's word shape as prose writes it.
func proseShape(w string) string {
	if _, err := strconv.ParseFloat(w, 64); err == nil {
		return "number"
	} else if regexp.MustCompile(`\W+$`).MatchString(w) {
		return "punct"
	} else if regexp.MustCompile(`\w+$`).MatchString(w) {
		switch {
		case strings.ToLower(w) == w:
			return "downcase"
		case title(w) == w:
			return "upcase"
		}
		return "mixedcase"
	}
	return "other"
}

// FuzzShape checks the word shape against prose's regular expressions.
func FuzzShape(f *testing.F) {
	for _, w := range []string{"", "1", "-2.5e3", ".5", "+Inf", "infinity", "NaN", "nan", "0x1p-2", "1_000",
		"Kyiv", "kyiv", "NATO", "McDonald", "U.S.", "Putin’s", "Zelenskyy_", "«", "é", "Éire", "\xff", "a\xff", "İstanbul"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := shape(w), proseShape(w); got != want {
			t.Errorf("shape(%q) = %s, prose says %s", w, got, want)
		}
	})
}

// tokenKeys returns the key of each token of doc.
func tokenKeys(doc *corpus.Annotated) []string {
	keys := make([]string, len(doc.Tokens))
	for i := range keys {
		keys[i] = key(doc.TokenText(i))
	}
	return keys
}
