package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/output"
)

// mention returns a mention of doc whose evidence is the whole context.
func mention(actor, stance string, negated bool, score float64, toward ...string) output.Mention {
	return output.Mention{Actor: actor, ActorName: strings.ToLower(actor), ActorText: actor, Stance: stance, Cue: stance,
		Negated: negated, Score: score, Toward: toward, Start: 0, End: 4, Text: "text"}
}

func evidence(ms ...output.Mention) []Evidence {
	evs := make([]Evidence, len(ms))
	for i, m := range ms {
		evs[i] = Evidence{Mention: m, Context: m.Text, ContextStart: m.Start}
	}
	return evs
}

func build(t *testing.T, opts Options, add func(b *Builder)) *Data {
	t.Helper()
	b, err := NewBuilder(opts)
	if err != nil {
		t.Fatal(err)
	}
	add(b)
	return b.Data(Totals{Documents: 9, Failed: 1})
}

func TestBuilderCounts(t *testing.T) {
	d := build(t, Options{By: "month", Top: 2}, func(b *Builder) {
		b.Add(Document{ID: "a", Date: "2025-01-20", URL: "https://example.org/a"}, evidence(
			mention("RUS", "demand", false, -5, "UKR"),
			mention("RUS", "demand", true, -5, "UKR"),
			mention("UKR", "reject", false, -4, "RUS"),
		))
		b.Add(Document{ID: "b", Date: "2025-04-02", URL: "data:text/html,x"}, evidence(
			mention("RUS", "propose", false, 4, "USA"),
			mention("USA", "support", false, 7, "UKR"),
			mention("USA", "vow", false, 0, "UKR"), // not a default category
		))
		b.Add(Document{ID: "c"}, evidence(mention("UKR", "accept", false, 5)))
		b.Add(Document{ID: "d", Date: "2025-02-11"}, nil)
	})
	wantCorpus := CorpusInfo{Documents: 9, Failed: 1, Mentions: 7, Actors: 3, Listed: 7, First: "2025-01-20", Last: "2025-04-02"}
	if d.Corpus != wantCorpus {
		t.Errorf("corpus %+v, want %+v", d.Corpus, wantCorpus)
	}
	// Every month from the first date to the last, the gaps included.
	if want := []string{"2025-01", "2025-02", "2025-03", "2025-04", "undated"}; !reflect.DeepEqual(d.Buckets, want) {
		t.Errorf("buckets %q, want %q", d.Buckets, want)
	}
	var stances []string
	for _, s := range d.Stances {
		stances = append(stances, s.Stance+"/"+s.Group)
	}
	if want := []string{"demand/demand", "reject/reject", "propose/propose", "support/support", "accept/support", "vow/other"}; !reflect.DeepEqual(stances, want) {
		t.Errorf("stances %q, want %q", stances, want)
	}
	if len(d.Actors) != 2 || d.Actors[0].ID != "RUS" || d.Actors[1].ID != "UKR" {
		t.Fatalf("top actors %+v, want RUS then UKR (USA ties UKR and comes after it)", d.Actors)
	}
	rus := d.Actors[0]
	wantRUS := ActorInfo{
		ID: "RUS", Name: "rus", Mentions: 3, Score: -2,
		Stances: []StanceCount{{Stance: "demand", Count: 2, Negated: 1}, {Stance: "propose", Count: 1}},
		Series:  []Point{{Bucket: "2025-01", Mentions: 2, Score: -5}, {Bucket: "2025-04", Mentions: 1, Score: 4}},
	}
	if !reflect.DeepEqual(rus, wantRUS) {
		t.Errorf("RUS %+v,\nwant %+v", rus, wantRUS)
	}
	if ukr := d.Actors[1].Series; len(ukr) != 2 || ukr[1].Bucket != "undated" {
		t.Errorf("UKR series %+v, want the undated bucket last", ukr)
	}
	// The matrix: RUS aims 3 stances at others, USA 2, UKR 1; UKR takes 4,
	// RUS and USA one each (a tie, by id).
	wantMatrix := Matrix{
		Rows: []string{"RUS", "USA"}, Cols: []string{"UKR", "RUS"},
		Cells: []Cell{
			{Row: 0, Col: 0, Counts: []int{2, 0, 0, 0, 0}},
			{Row: 1, Col: 0, Counts: []int{0, 0, 0, 1, 1}},
		},
	}
	if !reflect.DeepEqual(d.Matrix, wantMatrix) {
		t.Errorf("matrix %+v,\nwant %+v", d.Matrix, wantMatrix)
	}
	if d.Docs[0].URL != "https://example.org/a" || d.Docs[1].URL != "" {
		t.Errorf("URLs %q and %q, want the https one kept and the data: one dropped", d.Docs[0].URL, d.Docs[1].URL)
	}
	if len(d.Contexts) != 3 {
		t.Errorf("%d contexts, want 3: one per document, shared by its mentions", len(d.Contexts))
	}
	var names []string
	for _, n := range d.Names {
		names = append(names, n.ID+"="+n.Name)
	}
	if want := []string{"RUS=rus", "UKR=ukr", "USA=usa"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
}

func TestBuilderOptions(t *testing.T) {
	add := func(b *Builder) {
		b.Add(Document{ID: "a", Date: "2025-01-20", Source: "Wire"}, evidence(mention("RUS", "demand", false, -5), mention("UKR", "reject", false, -4)))
		b.Add(Document{ID: "b", Date: "2025-03-01"}, evidence(mention("RUS", "demand", false, -5)))
	}
	d := build(t, Options{By: "source", Top: 5, MaxEvidence: 2}, add)
	if want := []string{"(no source)", "Wire"}; !reflect.DeepEqual(d.Buckets, want) {
		t.Errorf("buckets by source %q, want %q", d.Buckets, want)
	}
	if d.Corpus.Listed != 2 || len(d.Evidence) != 2 || d.Corpus.Mentions != 3 {
		t.Errorf("corpus %+v with %d rows, want 2 of 3 listed", d.Corpus, len(d.Evidence))
	}
	if len(d.Docs) != 1 {
		t.Errorf("%d documents, want only the one the table lists", len(d.Docs))
	}
	d = build(t, Options{Top: 5}, add)
	if len(d.Buckets) != 0 || len(d.Actors[0].Series) != 0 {
		t.Errorf("without --by: buckets %q, series %+v", d.Buckets, d.Actors[0].Series)
	}
	if d.Title != DefaultTitle {
		t.Errorf("title %q, want %q", d.Title, DefaultTitle)
	}
	for _, opts := range []Options{{By: "fortnight", Top: 1}, {Top: 0}, {Top: 1, MaxEvidence: -1}} {
		if _, err := NewBuilder(opts); err == nil {
			t.Errorf("NewBuilder(%+v) accepted", opts)
		}
	}
}

func TestBucketsOverCenturies(t *testing.T) {
	d := build(t, Options{By: "day", Top: 5}, func(b *Builder) {
		b.Add(Document{ID: "a", Date: "1900-01-01"}, evidence(mention("RUS", "demand", false, -5)))
		b.Add(Document{ID: "b", Date: "2100-01-01"}, evidence(mention("RUS", "demand", false, -5)))
	})
	if want := []string{"1900-01-01", "2100-01-01"}; !reflect.DeepEqual(d.Buckets, want) {
		t.Errorf("buckets %q, want only those with mentions past %d", d.Buckets, maxBuckets)
	}
}

func TestScoresOffTheScale(t *testing.T) {
	d := build(t, Options{By: "month", Top: 5}, func(b *Builder) {
		b.Add(Document{ID: "a", Date: "2025-01-20"}, evidence(mention("RUS", "demand", false, 1e308), mention("RUS", "demand", false, 1e308)))
	})
	if d.Actors[0].Score != 10 || d.Actors[0].Series[0].Score != 10 {
		t.Errorf("mean scores %v and %v, want 10", d.Actors[0].Score, d.Actors[0].Series[0].Score)
	}
	var page bytes.Buffer
	if err := Write(&page, d); err != nil {
		t.Fatal(err)
	}
	var back Data
	if err := json.Unmarshal(embeddedData(t, page.Bytes()), &back); err != nil {
		t.Errorf("the data block does not read back: %v", err)
	}
}

func TestEmptyPage(t *testing.T) {
	d := build(t, Options{By: "month", Top: 5}, func(*Builder) {})
	var page bytes.Buffer
	if err := Write(&page, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page.Bytes(), []byte("No stance mentions were found")) {
		t.Error("an empty page does not say that nothing was found")
	}
	if !bytes.Contains(embeddedData(t, page.Bytes()), []byte(`"evidence":[]`)) {
		t.Error("an empty page's data has no empty evidence list")
	}
}

func TestWebURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a?b=1#c": "https://example.org/a?b=1#c",
		"http://example.org":          "http://example.org",
		"javascript:alert(1)":         "",
		"JAVASCRIPT://x.org/%0aalert": "",
		"data:text/html,x":            "",
		"//example.org/a":             "",
		"/local/path":                 "",
		"http://[::1":                 "",
	} {
		if got := webURL(in); got != want {
			t.Errorf("webURL(%q) = %q, want %q", in, got, want)
		}
	}
}
