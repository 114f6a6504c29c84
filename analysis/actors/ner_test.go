package actors

import (
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
		got := m.entities(doc, 0, len(doc.Tokens))
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
