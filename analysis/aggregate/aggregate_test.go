package aggregate

import (
	"reflect"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

func TestBucketOf(t *testing.T) {
	tests := []struct {
		by, date, source, want string
	}{
		{ByDay, "2025-05-16", "", "2025-05-16"},
		{ByWeek, "2025-05-16", "", "2025-W20"},
		{ByWeek, "2021-01-01", "", "2020-W53"},
		{ByMonth, "2025-05-16", "", "2025-05"},
		{ByQuarter, "2025-05-16", "", "2025-Q2"},
		{ByQuarter, "2025-12-31", "", "2025-Q4"},
		{ByYear, "2025-05-16", "", "2025"},
		{ByMonth, "", "", Undated},
		{BySource, "", "Baltic Wire", "Baltic Wire"},
		{BySource, "2025-05-16", "", NoSource},
	}
	for _, tt := range tests {
		if got := BucketOf(tt.by, corpus.Document{Date: tt.date, Source: tt.source}); got != tt.want {
			t.Errorf("BucketOf(%s, %q, %q) = %q, want %q", tt.by, tt.date, tt.source, got, tt.want)
		}
	}
	if _, err := ParseBy("fortnight"); err == nil {
		t.Error("ParseBy accepted fortnight")
	}
}

func doc(id, date string, stances ...corpus.Stance) *corpus.Annotated {
	text := "Russia demands it. Kyiv refuses."
	for i := range stances {
		stances[i].Start, stances[i].End = 0, 14
	}
	return &corpus.Annotated{
		Document: corpus.Document{ID: id, Date: date, Text: text},
		Actors:   []corpus.Actor{{ID: "RUS", Name: "Russia", Type: "country", Text: "Russia"}},
		Stances:  stances,
	}
}

func TestSummary(t *testing.T) {
	demand := corpus.Stance{Actor: "RUS", ActorName: "Russia", Stance: "demand", Cameo: "10", Score: -5, Target: "a ceasefire", Toward: []string{"UKR"}}
	negated := demand
	negated.Negated, negated.Score, negated.Target = true, 0, "A  ceasefire"
	reject := corpus.Stance{Actor: "UKR", ActorName: "Ukraine", Stance: "reject", Cameo: "12", Score: -4}
	docs := []*corpus.Annotated{
		doc("a", "2025-05-16", demand, reject),
		doc("b", "", negated),
		doc("c", "2025-04-01", demand),
	}
	g := New(ByMonth)
	for _, d := range docs {
		g.Add(d)
	}
	s := g.Summary()
	if s.Corpus.Documents != 3 || s.Corpus.Mentions != 4 || s.Corpus.Actors != 2 {
		t.Fatalf("totals %+v", s.Corpus)
	}
	wantBuckets := []BucketTotal{{"2025-04", 1, 1}, {"2025-05", 1, 2}, {Undated, 1, 1}}
	if !reflect.DeepEqual(s.Corpus.Buckets, wantBuckets) {
		t.Errorf("buckets %+v, want %+v", s.Corpus.Buckets, wantBuckets)
	}
	rus := s.Actors[0]
	if rus.ID != "RUS" || rus.Mentions != 3 || rus.References != 3 || rus.Score != -3.333 {
		t.Errorf("RUS %+v", rus)
	}
	st := rus.Stances[0]
	if st.Count != 3 || st.Negated != 1 || len(st.Examples) != 3 || st.Examples[0].Doc != "c" || st.Examples[0].Text != "Russia demands" {
		t.Errorf("RUS demand %+v", st)
	}
	if want := []Count{{"a ceasefire", 3}}; !reflect.DeepEqual(st.Targets, want) {
		t.Errorf("targets %+v, want %+v (case and space folded)", st.Targets, want)
	}
	if want := []Count{{"UKR", 3}}; !reflect.DeepEqual(st.Toward, want) {
		t.Errorf("toward %+v", st.Toward)
	}
	if len(rus.Buckets) != 3 || rus.Buckets[2].Bucket != Undated || rus.Buckets[2].Stances[0].Negated != 1 {
		t.Errorf("RUS buckets %+v", rus.Buckets)
	}
	if ukr := s.Actors[1]; ukr.ID != "UKR" || ukr.Type != "" && ukr.Type != "country" {
		t.Errorf("UKR %+v", ukr)
	}
	// The examples come by date, undated last, whatever the order of the
	// documents.
	var docsOf []string
	for _, e := range st.Examples {
		docsOf = append(docsOf, e.Doc+" "+e.Date)
	}
	if want := []string{"c 2025-04-01", "a 2025-05-16", "b "}; !reflect.DeepEqual(docsOf, want) {
		t.Errorf("examples from %q, want %q", docsOf, want)
	}
	g2 := New(ByMonth)
	for _, i := range []int{2, 1, 0} {
		g2.Add(docs[i])
	}
	if s2 := g2.Summary(); !reflect.DeepEqual(s, s2) {
		t.Error("summary depends on the order of documents")
	}
}

func TestCounter(t *testing.T) {
	var c counter
	for _, s := range []string{"An unconditional ceasefire", "an  unconditional ceasefire", "talks", "an unconditional ceasefire", "Talks", "a truce", "NATO Allies", "NATO allies", "NATO Allies"} {
		c.add(s, 1)
	}
	// The most frequent spelling; of two as frequent, the last in byte order.
	want := []Count{{"NATO Allies", 3}, {"an unconditional ceasefire", 3}, {"talks", 2}, {"a truce", 1}}
	if got := c.all(); !reflect.DeepEqual(got, want) {
		t.Errorf("all() = %+v, want %+v", got, want)
	}
	if got := c.top(2); !reflect.DeepEqual(got, want[:2]) {
		t.Errorf("top(2) = %+v", got)
	}
	spellings := []Count{{"NATO Allies", 2}, {"An unconditional ceasefire", 1}, {"NATO allies", 1}, {"Talks", 1}, {"a truce", 1}, {"an  unconditional ceasefire", 1}, {"an unconditional ceasefire", 1}, {"talks", 1}}
	if got := c.spellings(); !reflect.DeepEqual(got, spellings) {
		t.Errorf("spellings() = %+v, want %+v", got, spellings)
	}
	var empty counter
	if got := empty.top(5); got == nil || len(got) != 0 {
		t.Errorf("empty top(5) = %#v, want an empty list", got)
	}
}

func TestMean(t *testing.T) {
	tests := []struct {
		sum  int64
		n    int
		want float64
	}{
		{0, 0, 0},
		{-5000, 1, -5},
		{-10000, 3, -3.333},
		{20000, 3, 6.667},
		{-20000, 3, -6.667},
		{100, 8, 0.013}, // 0.0125: half away from zero
		{-100, 8, -0.013},
		{3400 + 4000, 2, 3.7},
	}
	for _, tt := range tests {
		if got := mean(tt.sum, tt.n); got != tt.want {
			t.Errorf("mean(%d, %d) = %v, want %v", tt.sum, tt.n, got, tt.want)
		}
	}
	for _, score := range []float64{-10, -7.2, -0.1, 0, 0.1, 3.4, 8.3, 10} {
		if got := mean(milli(score), 1); got != score {
			t.Errorf("mean(milli(%v), 1) = %v", score, got)
		}
	}
}

// FuzzFold checks fold against splitting, joining and lowering; its seeds,
// which plain go test runs, cover every way a text can fail to be plain.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "Russia", "a ceasefire", "A  Ceasefire", " lead", "trail ", "tab\there", "line\nbreak",
		"no\u00a0break", "Café Society", "x", " ", "  ", "ÉTATS-UNIS", "a b c", "\u2003em space", " x ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), strings.ToLower(strings.Join(strings.Fields(s), " ")); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}
