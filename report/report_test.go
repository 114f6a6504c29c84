package report

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

const (
	dataOpen  = `<script type="application/json" id="standpoint-data">`
	dataClose = `</script>`
)

// embeddedData returns the JSON block of a page.
func embeddedData(t *testing.T, page []byte) []byte {
	t.Helper()
	_, rest, ok := bytes.Cut(page, []byte(dataOpen))
	if !ok {
		t.Fatal("the page has no data block")
	}
	block, _, ok := bytes.Cut(rest, []byte(dataClose))
	if !ok {
		t.Fatal("the data block is not closed")
	}
	return block
}

// samplePage builds the page of the analysis in testdata/sample, with the
// texts of the bundled sample corpus. The analysis is what analyze --by
// month wrote for the corpus, its summary cut to the corpus totals, all the
// page takes from it.
func samplePage(t *testing.T) (*Data, []byte) {
	t.Helper()
	dir, err := ReadDir(filepath.Join("testdata", "sample"))
	if err != nil {
		t.Fatal(err)
	}
	docs := corpus.Read(context.Background(), []string{filepath.Join("..", "examples", "sample")}, corpus.Options{Fields: corpus.DefaultFields(), MaxDocBytes: corpus.DefaultMaxDocBytes})
	if err := dir.AddTexts(docs, func(err error) { t.Errorf("reading the texts: %v", err) }); err != nil {
		t.Fatal(err)
	}
	if n := dir.WithoutText(); n != 0 {
		t.Fatalf("%d documents of the mentions not found in the sample corpus", n)
	}
	b, err := NewBuilder(Options{By: dir.By, Top: DefaultTop})
	if err != nil {
		t.Fatal(err)
	}
	dir.AddTo(b)
	d := b.Data(dir.Totals)
	var page bytes.Buffer
	if err := Write(&page, d); err != nil {
		t.Fatal(err)
	}
	return d, page.Bytes()
}

// TestSampleGolden compares the data embedded in the page of the sample
// corpus with testdata/sample.data.json.
func TestSampleGolden(t *testing.T) {
	_, page := samplePage(t)
	var got bytes.Buffer
	if err := json.Indent(&got, embeddedData(t, page), "", " "); err != nil {
		t.Fatalf("the data block is not JSON: %v", err)
	}
	got.WriteByte('\n')
	path := filepath.Join("testdata", "sample.data.json")
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		g, w := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("the data differs from %s at line %d (run go test -update to accept):\n got: %s\nwant: %s", path, i+1, g[i], w[i])
			}
		}
		t.Fatalf("the data differs from %s in length (run go test -update to accept)", path)
	}
}

// TestSamplePage checks what the page of the sample shows, beyond its data.
func TestSamplePage(t *testing.T) {
	d, page := samplePage(t)
	var round Data
	if err := json.Unmarshal(embeddedData(t, page), &round); err != nil {
		t.Fatal(err)
	}
	if round.Corpus != d.Corpus || len(round.Evidence) != len(d.Evidence) {
		t.Errorf("the embedded data does not read back as built: %+v, want %+v", round.Corpus, d.Corpus)
	}
	if d.Corpus.Documents != 10 || d.Corpus.Mentions != 133 || d.Corpus.Listed != 133 {
		t.Errorf("corpus %+v, want 10 documents and 133 mentions, all listed", d.Corpus)
	}
	want := []string{
		`<svg id="profile"`, `<svg id="matrix"`, `class="trend"`, `<table id="evidence">`,
		`Content-Security-Policy`, `pattern id="hatch-0"`,
	}
	for _, w := range want {
		if !bytes.Contains(page, []byte(w)) {
			t.Errorf("the page lacks %s", w)
		}
	}
	// Nothing may point outside the page.
	for _, bad := range []string{"http://", "https://", "src=", "@import", "url(http"} {
		if n := bytes.Count(page, []byte(bad)); n > 0 {
			t.Errorf("the page holds %q %d times", bad, n)
		}
	}
	if n := bytes.Count(page, []byte("<script")); n != 2 {
		t.Errorf("%d script elements, want 2: the data and the table's script", n)
	}
}
