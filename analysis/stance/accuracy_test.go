package stance_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/evaluate"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/internal/sharedcorpus"
	"github.com/standpoint/standpoint/output"
)

// accuracy analyses the documents of inputs named in the gold file and
// scores the stances found against it.
func accuracy(t *testing.T, gold string, inputs ...string) evaluate.Report {
	t.Helper()
	f, err := os.Open(gold)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, err := evaluate.ReadGold(f, gold)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, it := range items {
		want[it.Doc] = true
	}
	texts := map[string]string{}
	var predicted []output.Mention
	a := analysis.NewAnnotator(models)
	for doc, err := range corpus.Read(context.Background(), inputs, corpus.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		if !want[doc.ID] {
			continue
		}
		texts[doc.ID] = doc.Text
		predicted = append(predicted, output.MentionsOf(a.Annotate(doc))...)
	}
	if err := evaluate.Locate(items, texts); err != nil {
		t.Fatal(err)
	}
	r := evaluate.Evaluate(items, predicted)
	o := r.Overall
	t.Logf("%s: precision %.3f (%d of %d), recall %.3f (%d of %d), F1 %.3f",
		filepath.Base(gold), o.Precision, o.Matched, o.Predicted, o.Recall, o.Found, o.Gold, o.F1)
	return r
}

// TestAccuracySeedArticle holds the article the project started from to
// its gold file: recall of at least 0.90 on required items and precision
// of at least 0.85.
func TestAccuracySeedArticle(t *testing.T) {
	dir := filepath.Join(sharedcorpus.Dir(t), "examples")
	r := accuracy(t, filepath.Join(dir, "istanbul-talks.gold.jsonl"), filepath.Join(dir, "istanbul-talks.txt"))
	if r.Overall.Recall < 0.90 || r.Overall.Precision < 0.85 {
		t.Errorf("precision %.3f, recall %.3f: want at least 0.85 and 0.90", r.Overall.Precision, r.Overall.Recall)
	}
}

// TestAccuracySample scores our own sample corpus against our own gold.
// The floors are the figures measured when the gold was written, less a
// margin, so that a change that loses accuracy fails.
func TestAccuracySample(t *testing.T) {
	r := accuracy(t, "testdata/gold/sample.gold.jsonl", "../../examples/sample")
	if r.Overall.Precision < 0.85 || r.Overall.Recall < 0.70 {
		t.Errorf("precision %.3f, recall %.3f: want at least 0.85 and 0.70", r.Overall.Precision, r.Overall.Recall)
	}
}

// TestAccuracySharedDocuments scores eight official documents of the shared
// corpora, first-person statements and readouts, against our gold.
func TestAccuracySharedDocuments(t *testing.T) {
	dir := filepath.Join(sharedcorpus.Dir(t), "corpus")
	r := accuracy(t, "testdata/gold/shared.gold.jsonl",
		filepath.Join(dir, "kremlin-zelensky-2021-2022.jsonl.gz"), filepath.Join(dir, "whitehouse-2022-2025.jsonl.gz"))
	if r.Overall.Precision < 0.80 || r.Overall.Recall < 0.52 {
		t.Errorf("precision %.3f, recall %.3f: want at least 0.80 and 0.52", r.Overall.Precision, r.Overall.Recall)
	}
}
