package aggregate

import (
	"reflect"
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
	if st.Count != 3 || st.Negated != 1 || len(st.Examples) != 3 || st.Examples[0].Doc != "a" || st.Examples[0].Text != "Russia demands" {
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
	// The order of documents changes only the examples.
	g2 := New(ByMonth)
	for _, i := range []int{2, 1, 0} {
		g2.Add(docs[i])
	}
	s2 := g2.Summary()
	for i := range s2.Actors {
		for j := range s2.Actors[i].Stances {
			s2.Actors[i].Stances[j].Examples = s.Actors[i].Stances[j].Examples
		}
	}
	if !reflect.DeepEqual(s, s2) {
		t.Error("summary depends on the order of documents beyond the examples")
	}
}

func TestCounterIsBounded(t *testing.T) {
	var c counter
	c.add("kept")
	c.add("kept")
	for i := range 3 * maxDistinct {
		c.add(string(rune(0x4e00 + i)))
	}
	if len(c.m) > maxDistinct+1 {
		t.Errorf("%d distinct values kept, more than %d", len(c.m), maxDistinct)
	}
	if top := c.top(1); top[0].Value != "kept" || top[0].Count != 2 {
		t.Errorf("top %+v", top)
	}
}
