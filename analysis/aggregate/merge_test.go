package aggregate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

// randomDocs makes n annotated documents from a small vocabulary, so that
// actors, stances, targets (in several spellings), buckets and examples
// collide often.
func randomDocs(r *rand.Rand, n int) []*corpus.Annotated {
	actors := []corpus.Actor{
		{ID: "RUS", Name: "Russia", Type: "country"},
		{ID: "UKR", Name: "Ukraine", Type: "country"},
		{ID: "EU", Name: "European Union", Type: "organisation"},
		{ID: "smith", Name: "Smith"},
		{ID: "smith", Name: "J. Smith", Type: "person"}, // one id, two names: the choice must not depend on order
	}
	aliases := []string{"Moscow", "the Kremlin", "Kyiv", "Brussels", "the  Kremlin", "THE KREMLIN"}
	stances := []struct {
		name, cameo string
		score       float64
	}{{"demand", "10", -5}, {"reject", "12", -4}, {"propose", "03", 3.4}, {"support", "05", 8.3}, {"appeal", "02", 3}}
	targets := []string{"", "a ceasefire", "A ceasefire", "a  ceasefire", "talks", "security guarantees", "the sanctions"}
	dates := []string{"", "2025-05-16", "2025-05-17", "2025-06-01", "2024-12-31"}
	sources := []string{"", "Wire", "Review"}
	var docs []*corpus.Annotated
	for range n {
		text := strings.Repeat("Russia demands a ceasefire. ", 1+r.IntN(3))
		d := &corpus.Annotated{Document: corpus.Document{
			ID:     fmt.Sprintf("doc-%d", r.IntN(n)), // ids repeat, as in a corpus with duplicates
			Date:   dates[r.IntN(len(dates))],
			Source: sources[r.IntN(len(sources))],
			Text:   text,
		}}
		d.Sentences = make([]corpus.Sentence, 1+r.IntN(3))
		d.Tokens = make([]corpus.Token, r.IntN(40))
		for range r.IntN(4) {
			a := actors[r.IntN(len(actors))]
			a.Text = aliases[r.IntN(len(aliases))]
			a.Location = r.IntN(5) == 0
			d.Actors = append(d.Actors, a)
		}
		for range r.IntN(5) {
			a := actors[r.IntN(len(actors))]
			st := stances[r.IntN(len(stances))]
			start := r.IntN(len(text))
			s := corpus.Stance{
				Start: start, End: start + r.IntN(len(text)-start+1),
				Actor: a.ID, ActorName: a.Name, Stance: st.name, Cameo: st.cameo, Score: st.score,
				Negated: r.IntN(3) == 0, Target: targets[r.IntN(len(targets))],
			}
			for range r.IntN(3) {
				s.Toward = append(s.Toward, actors[r.IntN(len(actors))].ID)
			}
			d.Stances = append(d.Stances, s)
		}
		docs = append(docs, d)
	}
	return docs
}

// encoded returns the encoded state and the summary of g, which are equal
// for equal states.
func encoded(t *testing.T, g *Aggregator) string {
	t.Helper()
	state, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	summary, err := json.Marshal(g.Summary())
	if err != nil {
		t.Fatal(err)
	}
	return string(state) + "\n" + string(summary)
}

func merged(t *testing.T, by string, parts ...*Aggregator) *Aggregator {
	t.Helper()
	g := New(by)
	for _, p := range parts {
		if err := g.Merge(p); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

// randomState aggregates a few random documents.
func randomState(r *rand.Rand, by string) *Aggregator {
	g := New(by)
	for _, d := range randomDocs(r, r.IntN(6)) {
		g.Add(d)
	}
	for range r.IntN(2) {
		g.Failed()
	}
	return g
}

func TestMergeIsAssociativeAndCommutative(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		by := []string{"", ByMonth, BySource}[i%3]
		a, b, c := randomState(r, by), randomState(r, by), randomState(r, by)
		left := merged(t, by, merged(t, by, a, b), c)
		right := merged(t, by, a, merged(t, by, b, c))
		if got, want := encoded(t, left), encoded(t, right); got != want {
			t.Fatalf("case %d: (a+b)+c and a+(b+c) differ:\n%s\n%s", i, got, want)
		}
		if got, want := encoded(t, merged(t, by, a, b)), encoded(t, merged(t, by, b, a)); got != want {
			t.Fatalf("case %d: a+b and b+a differ:\n%s\n%s", i, got, want)
		}
	}
}

// TestMergeOfDocumentsEqualsOneRun merges per-document states in random
// orders and groupings, and compares with one Aggregator given every
// document in input order.
func TestMergeOfDocumentsEqualsOneRun(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 50 {
		by := []string{"", ByMonth, BySource, ByDay}[i%4]
		docs := randomDocs(r, 1+r.IntN(60))
		whole := New(by)
		for _, d := range docs {
			whole.Add(d)
		}
		want := encoded(t, whole)

		parts := make([]*Aggregator, len(docs))
		for j, d := range docs {
			parts[j] = New(by)
			parts[j].Add(d)
		}
		r.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		// Merge neighbours at random until one state is left: a random tree.
		for len(parts) > 1 {
			j := r.IntN(len(parts) - 1)
			parts[j] = merged(t, by, parts[j], parts[j+1])
			parts = append(parts[:j+1], parts[j+2:]...)
		}
		if got := encoded(t, parts[0]); got != want {
			t.Fatalf("case %d: merged documents differ from one run:\n%s\n%s", i, got, want)
		}
	}
}

func TestPartsMergeBack(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 50 {
		by := []string{"", ByWeek}[i%2]
		g := randomState(r, by)
		back := New(by)
		keys := map[string]bool{}
		for key, part := range g.Parts() {
			if keys[key] {
				t.Fatalf("key %q twice", key)
			}
			keys[key] = true
			if err := back.Merge(part); err != nil {
				t.Fatal(err)
			}
		}
		if got, want := encoded(t, back), encoded(t, g); got != want {
			t.Fatalf("case %d: parts merge to\n%s\nwant\n%s", i, got, want)
		}
	}
}

func TestMergeLeavesTheOtherAlone(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	a, b := randomState(r, ""), randomState(r, "")
	before := encoded(t, b)
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	a.Add(randomDocs(r, 5)[0])
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if after := encoded(t, b); after != before {
		t.Error("Merge changed its argument")
	}
}

func TestMergeRefusesOtherBuckets(t *testing.T) {
	err := New(ByMonth).Merge(New(""))
	if err == nil || err.Error() != "cannot merge a summary by month with one without buckets" {
		t.Errorf("error %v", err)
	}
}

func TestStateRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for i := range 100 {
		by := []string{"", ByQuarter, BySource}[i%3]
		g := randomState(r, by)
		var buf bytes.Buffer
		if err := g.WriteState(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := ReadState(bytes.NewReader(buf.Bytes()), "partial.json")
		if err != nil {
			t.Fatalf("case %d: %v\n%s", i, err, buf.Bytes())
		}
		if got, want := encoded(t, back), encoded(t, g); got != want {
			t.Fatalf("case %d: read back\n%s\nwant\n%s", i, got, want)
		}
		if !reflect.DeepEqual(back.Summary(), g.Summary()) {
			t.Fatalf("case %d: summary differs after reading back", i)
		}
	}
}

func BenchmarkAdd(b *testing.B) {
	docs := randomDocs(rand.New(rand.NewPCG(1, 1)), 1000)
	for b.Loop() {
		g := New(ByMonth)
		for _, d := range docs {
			g.Add(d)
		}
	}
}

func BenchmarkMerge(b *testing.B) {
	r := rand.New(rand.NewPCG(2, 2))
	parts := make([]*Aggregator, 100)
	for i := range parts {
		parts[i] = New(ByMonth)
		for _, d := range randomDocs(r, 10) {
			parts[i].Add(d)
		}
	}
	for b.Loop() {
		g := New(ByMonth)
		for _, p := range parts {
			if err := g.Merge(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkWriteState(b *testing.B) {
	g := New(ByMonth)
	for _, d := range randomDocs(rand.New(rand.NewPCG(3, 3)), 5000) {
		g.Add(d)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := g.WriteState(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
