package evaluate

import (
	"context"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/internal/sharedcorpus"
	"github.com/standpoint/standpoint/output"
)

// gold returns a gold item of doc "d" with the span [start, end).
func gold(required bool, start, end int, actor string, stances ...string) GoldItem {
	return GoldItem{Doc: "d", Start: start, End: end, Actor: actor, Stances: stances, Required: required}
}

func req(start, end int, actor string, stances ...string) GoldItem {
	return gold(true, start, end, actor, stances...)
}

func opt(start, end int, actor string, stances ...string) GoldItem {
	return gold(false, start, end, actor, stances...)
}

// pred returns a prediction of doc "d" with the span [start, end).
func pred(start, end int, actor, stance string) output.Mention {
	return output.Mention{Doc: "d", Start: start, End: end, Actor: actor, Stance: stance}
}

func inDoc(doc string, m output.Mention) output.Mention {
	m.Doc = doc
	return m
}

// numbered sets the Line of each item to its place in items, from 1.
func numbered(items ...GoldItem) []GoldItem {
	for i := range items {
		items[i].Line = i + 1
	}
	return items
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name  string
		items []GoldItem
		preds []output.Mention

		predicted, matched, golds, found  int
		optionalFound, leftOut, otherDocs int
		misses                            []int // lines of the items missed
		falsePositives                    []int // starts of the false positives
	}{
		{
			name:      "overlap",
			items:     numbered(req(10, 20, "UKR", "reject")),
			preds:     []output.Mention{pred(15, 25, "UKR", "reject")},
			predicted: 1, matched: 1, golds: 1, found: 1,
		},
		{
			name:      "prediction inside the item",
			items:     numbered(req(10, 20, "UKR", "reject")),
			preds:     []output.Mention{pred(12, 13, "UKR", "reject")},
			predicted: 1, matched: 1, golds: 1, found: 1,
		},
		{
			name:      "item inside the prediction",
			items:     numbered(req(10, 20, "UKR", "reject")),
			preds:     []output.Mention{pred(0, 40, "UKR", "reject")},
			predicted: 1, matched: 1, golds: 1, found: 1,
		},
		{
			name:      "spans touching at the end do not overlap",
			items:     numbered(req(10, 20, "UKR", "reject")),
			preds:     []output.Mention{pred(20, 30, "UKR", "reject")},
			predicted: 1, golds: 1,
			misses: []int{1}, falsePositives: []int{20},
		},
		{
			name:      "spans touching at the start do not overlap",
			items:     numbered(req(10, 20, "UKR", "reject")),
			preds:     []output.Mention{pred(0, 10, "UKR", "reject")},
			predicted: 1, golds: 1,
			misses: []int{1}, falsePositives: []int{0},
		},
		{
			name:      "one byte of overlap is enough",
			items:     numbered(req(10, 20, "UKR", "reject")),
			preds:     []output.Mention{pred(19, 30, "UKR", "reject")},
			predicted: 1, matched: 1, golds: 1, found: 1,
		},
		{
			name:      "wrong actor",
			items:     numbered(req(10, 20, "UKR", "reject")),
			preds:     []output.Mention{pred(10, 20, "RUS", "reject")},
			predicted: 1, golds: 1,
			misses: []int{1}, falsePositives: []int{10},
		},
		{
			name:      "wrong stance",
			items:     numbered(req(10, 20, "UKR", "reject")),
			preds:     []output.Mention{pred(10, 20, "UKR", "oppose")},
			predicted: 1, golds: 1,
			misses: []int{1}, falsePositives: []int{10},
		},
		{
			name:      "any stance of a list",
			items:     numbered(req(10, 20, "UKR", "reject", "oppose")),
			preds:     []output.Mention{pred(10, 20, "UKR", "oppose")},
			predicted: 1, matched: 1, golds: 1, found: 1,
		},
		{
			name:      "two predictions for one item",
			items:     numbered(req(10, 20, "UKR", "reject")),
			preds:     []output.Mention{pred(10, 15, "UKR", "reject"), pred(14, 20, "UKR", "reject")},
			predicted: 2, matched: 1, golds: 1, found: 1,
			falsePositives: []int{14},
		},
		{
			name:      "the second prediction goes to an overlapping optional item",
			items:     numbered(req(10, 20, "UKR", "reject"), opt(15, 30, "UKR", "reject")),
			preds:     []output.Mention{pred(12, 18, "UKR", "reject"), pred(16, 19, "UKR", "reject")},
			predicted: 1, matched: 1, golds: 1, found: 1,
			optionalFound: 1, leftOut: 1,
		},
		{
			name:      "optional item matched: left out of both counts",
			items:     numbered(req(0, 5, "RUS", "demand"), opt(10, 20, "UKR", "reject")),
			preds:     []output.Mention{pred(0, 5, "RUS", "demand"), pred(10, 20, "UKR", "reject")},
			predicted: 1, matched: 1, golds: 1, found: 1,
			optionalFound: 1, leftOut: 1,
		},
		{
			name:          "an unmatched prediction that would match an optional item is left out",
			items:         numbered(opt(10, 20, "UKR", "reject")),
			preds:         []output.Mention{pred(10, 20, "UKR", "reject"), pred(11, 12, "UKR", "reject")},
			optionalFound: 1, leftOut: 2,
		},
		{
			name:  "a prediction that could match either goes to the required item",
			items: numbered(opt(0, 30, "RUS", "demand"), req(10, 20, "RUS", "demand")),
			preds: []output.Mention{pred(12, 18, "RUS", "demand")},
			// Taking the items in file order would give the prediction to
			// the optional item and miss the required one.
			predicted: 1, matched: 1, golds: 1, found: 1,
		},
		{
			name:      "an augmenting path matches both required items",
			items:     numbered(req(0, 20, "RUS", "demand"), req(10, 20, "RUS", "demand")),
			preds:     []output.Mention{pred(12, 14, "RUS", "demand"), pred(0, 5, "RUS", "demand")},
			predicted: 2, matched: 2, golds: 2, found: 2,
		},
		{
			name:      "an augmenting path matches the optional item too",
			items:     numbered(req(10, 20, "RUS", "demand"), opt(0, 20, "RUS", "demand")),
			preds:     []output.Mention{pred(12, 14, "RUS", "demand"), pred(0, 5, "RUS", "demand")},
			predicted: 1, matched: 1, golds: 1, found: 1,
			optionalFound: 1, leftOut: 1,
		},
		{
			name:      "predictions for documents without gold are ignored",
			items:     numbered(req(10, 20, "UKR", "reject")),
			preds:     []output.Mention{inDoc("other", pred(10, 20, "UKR", "reject")), pred(10, 20, "UKR", "reject"), inDoc("third", pred(0, 1, "RUS", "demand"))},
			predicted: 1, matched: 1, golds: 1, found: 1,
			otherDocs: 2,
		},
		{
			name:      "same offsets, other document",
			items:     numbered(req(10, 20, "UKR", "reject"), GoldItem{Doc: "e", Start: 0, End: 5, Actor: "RUS", Stances: []string{"demand"}, Required: true}),
			preds:     []output.Mention{inDoc("e", pred(10, 20, "UKR", "reject"))},
			predicted: 1, golds: 2,
			misses: []int{1, 2}, falsePositives: []int{10},
		},
		{
			name:   "no predictions",
			items:  numbered(req(10, 20, "UKR", "reject"), opt(0, 5, "RUS", "demand")),
			golds:  1,
			misses: []int{1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Evaluate(tt.items, tt.preds)
			o := rep.Overall
			if o.Predicted != tt.predicted || o.Matched != tt.matched || o.Gold != tt.golds || o.Found != tt.found {
				t.Errorf("predicted %d, matched %d, gold %d, found %d; want %d, %d, %d, %d",
					o.Predicted, o.Matched, o.Gold, o.Found, tt.predicted, tt.matched, tt.golds, tt.found)
			}
			if rep.OptionalFound != tt.optionalFound || rep.LeftOut != tt.leftOut || rep.OtherDocs != tt.otherDocs {
				t.Errorf("optional found %d, left out %d, other docs %d; want %d, %d, %d",
					rep.OptionalFound, rep.LeftOut, rep.OtherDocs, tt.optionalFound, tt.leftOut, tt.otherDocs)
			}
			var misses, fps []int
			for _, it := range rep.Misses {
				misses = append(misses, it.Line)
			}
			for _, m := range rep.FalsePositives {
				fps = append(fps, m.Start)
			}
			if !slices.Equal(misses, tt.misses) || !slices.Equal(fps, tt.falsePositives) {
				t.Errorf("misses at lines %v, false positives at %v; want %v and %v", misses, fps, tt.misses, tt.falsePositives)
			}
			if rep.Misses == nil || rep.FalsePositives == nil {
				t.Error("nil lists: they would be null in JSON")
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScores(t *testing.T) {
	tests := []struct {
		score                   Score
		precision, recall, want float64
	}{
		{Score{Predicted: 4, Matched: 2, Gold: 3, Found: 2}, 0.5, 2.0 / 3, 4.0 / 7},
		{Score{Predicted: 1, Matched: 1, Gold: 1, Found: 1}, 1, 1, 1},
		{Score{Predicted: 0, Gold: 2}, 0, 0, 0},
		{Score{Predicted: 2, Gold: 0}, 0, 0, 0},
		{Score{Predicted: 2, Matched: 2, Gold: 0}, 1, 0, 0},
		{Score{}, 0, 0, 0},
	}
	for _, tt := range tests {
		s := tt.score
		s.finish()
		if !near(s.Precision, tt.precision) || !near(s.Recall, tt.recall) || !near(s.F1, tt.want) {
			t.Errorf("%+v: precision %g, recall %g, F1 %g; want %g, %g, %g", tt.score, s.Precision, s.Recall, s.F1, tt.precision, tt.recall, tt.want)
		}
	}
}

func TestEvaluateByStance(t *testing.T) {
	items := numbered(
		req(0, 10, "UKR", "threaten", "demand"), // matched by a demand: counts for demand
		req(20, 30, "RUS", "reject", "oppose"),  // missed: counts for its first stance
		req(40, 50, "RUS", "demand"),            // matched
		opt(60, 70, "USA", "accept"),            // matched, left out
	)
	preds := []output.Mention{
		pred(0, 10, "UKR", "demand"),
		pred(20, 30, "RUS", "propose"), // false positive
		pred(40, 50, "RUS", "demand"),
		pred(60, 70, "USA", "accept"),
		pred(80, 90, "USA", "demand"), // false positive
	}
	rep := Evaluate(items, preds)
	want := []StanceScore{
		{"demand", Score{Predicted: 3, Matched: 2, Gold: 2, Found: 2, Precision: 2.0 / 3, Recall: 1, F1: 0.8}},
		{"propose", Score{Predicted: 1}},
		{"reject", Score{Gold: 1}},
	}
	if len(rep.ByStance) != len(want) {
		t.Fatalf("by stance %+v, want %+v", rep.ByStance, want)
	}
	for i, got := range rep.ByStance {
		w := want[i]
		g := got.Score
		if got.Stance != w.Stance || g.Predicted != w.Predicted || g.Matched != w.Matched || g.Gold != w.Gold || g.Found != w.Found ||
			!near(g.Precision, w.Precision) || !near(g.Recall, w.Recall) || !near(g.F1, w.F1) {
			t.Errorf("stance %d: %+v, want %+v", i, got, w)
		}
	}
	o := rep.Overall
	if o.Predicted != 4 || o.Matched != 2 || o.Gold != 3 || o.Found != 2 || !near(o.Precision, 0.5) || !near(o.Recall, 2.0/3) {
		t.Errorf("overall %+v", o)
	}
	if rep.Documents != 1 || rep.Optional != 1 || rep.OptionalFound != 1 || rep.LeftOut != 1 {
		t.Errorf("documents %d, optional %d found %d, left out %d; want 1, 1, 1, 1", rep.Documents, rep.Optional, rep.OptionalFound, rep.LeftOut)
	}
}

// TestEvaluateBestAssignment checks, on small random cases, that Evaluate
// matches as many required items as any assignment can and then as many
// optional items, and that its counts agree with one another.
func TestEvaluateBestAssignment(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	actors := []string{"RUS", "UKR"}
	stances := []string{"demand", "reject"}
	for n := 0; n < 2000; n++ {
		var items []GoldItem
		for range 1 + r.IntN(5) {
			start := r.IntN(20)
			ss := []string{stances[r.IntN(2)]}
			if r.IntN(4) == 0 {
				ss = stances
			}
			items = append(items, gold(r.IntN(3) > 0, start, start+1+r.IntN(8), actors[r.IntN(2)], ss...))
		}
		var preds []output.Mention
		for range r.IntN(6) {
			start := r.IntN(25)
			preds = append(preds, pred(start, start+1+r.IntN(6), actors[r.IntN(2)], stances[r.IntN(2)]))
		}
		rep := Evaluate(items, preds)
		bestReq, bestOpt := bruteForce(items, preds, 0, make([]bool, len(preds)))
		if rep.Overall.Found != bestReq || rep.OptionalFound != bestOpt {
			t.Fatalf("items %+v\npredictions %+v\nfound %d required and %d optional items; the best is %d and %d",
				items, preds, rep.Overall.Found, rep.OptionalFound, bestReq, bestOpt)
		}
		o := rep.Overall
		if o.Matched != o.Found || o.Predicted+rep.LeftOut != len(preds) ||
			len(rep.FalsePositives) != o.Predicted-o.Matched || len(rep.Misses) != o.Gold-o.Found {
			t.Fatalf("items %+v\npredictions %+v\ninconsistent report %+v", items, preds, rep)
		}
	}
}

// bruteForce returns the most required items, then optional items, that
// any assignment of the predictions not yet used to items[i:] matches.
func bruteForce(items []GoldItem, preds []output.Mention, i int, used []bool) (required, optional int) {
	if i == len(items) {
		return 0, 0
	}
	bestReq, bestOpt := bruteForce(items, preds, i+1, used)
	for p := range preds {
		if used[p] || !matches(items[i], preds[p]) {
			continue
		}
		used[p] = true
		r, o := bruteForce(items, preds, i+1, used)
		used[p] = false
		if items[i].Required {
			r++
		} else {
			o++
		}
		if r > bestReq || r == bestReq && o > bestOpt {
			bestReq, bestOpt = r, o
		}
	}
	return bestReq, bestOpt
}

func TestReadGold(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadGold(f, "gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := []GoldItem{
		{Doc: "talks", Quote: "Kyiv rejects the plan", Actor: "UKR", Stances: []string{"reject"}, Required: true, Target: "the plan", File: "gold.jsonl", Line: 1},
		{Doc: "talks", Quote: "Moscow insists on recognition", Actor: "RUS", Stances: []string{"demand", "reject"}, Required: true, Toward: []string{"UKR"}, File: "gold.jsonl", Line: 2},
		{Doc: "talks", Start: 0, End: 4, Actor: "UKR", Stances: []string{"seek"}, Note: "offsets, no quote", File: "gold.jsonl", Line: 4},
		{Doc: "other", Quote: "backed by the EU", Actor: "EU", Stances: []string{"support"}, Required: true, File: "gold.jsonl", Line: 5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
}

func TestReadGoldErrors(t *testing.T) {
	const ok = `{"doc":"d","quote":"q","actor":"A","stance":"s"}`
	tests := []struct {
		name string
		line string // the third line of the file
		want string
	}{
		{"invalid JSON", `{"doc":"d",}`, "gold.jsonl:3: invalid JSON at column"},
		{"not an object", `["d"]`, "gold.jsonl:3: want a JSON object, got array"},
		{"missing doc", `{"quote":"q","actor":"A","stance":"s"}`, `gold.jsonl:3: missing "doc"`},
		{"empty doc", `{"doc":"","quote":"q","actor":"A","stance":"s"}`, `gold.jsonl:3: "doc" must not be empty`},
		{"doc a number", `{"doc":7,"quote":"q","actor":"A","stance":"s"}`, `gold.jsonl:3: "doc" must be a string, not number`},
		{"missing actor", `{"doc":"d","quote":"q","stance":"s"}`, `gold.jsonl:3: missing "actor"`},
		{"empty actor", `{"doc":"d","quote":"q","actor":"","stance":"s"}`, `gold.jsonl:3: "actor" must not be empty`},
		{"missing stance", `{"doc":"d","quote":"q","actor":"A"}`, `gold.jsonl:3: missing "stance"`},
		{"stance a number", `{"doc":"d","quote":"q","actor":"A","stance":3}`, `gold.jsonl:3: "stance" must be a string or a list of strings, not number`},
		{"stance an object", `{"doc":"d","quote":"q","actor":"A","stance":{}}`, `"stance" must be a string or a list of strings, not object`},
		{"stance list of numbers", `{"doc":"d","quote":"q","actor":"A","stance":["s",1]}`, `gold.jsonl:3: "stance": element 2 must be a string, not number`},
		{"empty stance list", `{"doc":"d","quote":"q","actor":"A","stance":[]}`, `gold.jsonl:3: "stance" must not be an empty list`},
		{"empty stance", `{"doc":"d","quote":"q","actor":"A","stance":["s",""]}`, `gold.jsonl:3: "stance" must not hold an empty string`},
		{"required a string", `{"doc":"d","quote":"q","actor":"A","stance":"s","required":"yes"}`, `gold.jsonl:3: "required" must be true or false, not string`},
		{"negated_phrase a number", `{"doc":"d","quote":"q","actor":"A","stance":"s","negated_phrase":1}`, `gold.jsonl:3: "negated_phrase" must be true or false, not number`},
		{"toward an object", `{"doc":"d","quote":"q","actor":"A","stance":"s","toward":{"a":1}}`, `gold.jsonl:3: "toward" must be a string or a list of strings`},
		{"target a list", `{"doc":"d","quote":"q","actor":"A","stance":"s","target":["x"]}`, `gold.jsonl:3: "target" must be a string, not array`},
		{"empty quote", `{"doc":"d","quote":"","actor":"A","stance":"s"}`, `gold.jsonl:3: "quote" must not be empty`},
		{"no quote nor offsets", `{"doc":"d","actor":"A","stance":"s"}`, `gold.jsonl:3: missing "quote", or "start" and "end"`},
		{"start without end", `{"doc":"d","start":3,"actor":"A","stance":"s"}`, `gold.jsonl:3: "start" and "end" go together`},
		{"empty span", `{"doc":"d","start":3,"end":3,"actor":"A","stance":"s"}`, `gold.jsonl:3: "start" 3 must be less than "end" 3`},
		{"negative offset", `{"doc":"d","start":-1,"end":3,"actor":"A","stance":"s"}`, `gold.jsonl:3: "start" must be a byte offset, a non-negative integer, not -1`},
		{"fractional offset", `{"doc":"d","start":1,"end":2.5,"actor":"A","stance":"s"}`, `gold.jsonl:3: "end" must be a byte offset, a non-negative integer, not 2.5`},
		{"offset a string", `{"doc":"d","start":"1","end":2,"actor":"A","stance":"s"}`, `gold.jsonl:3: "start" must be a byte offset`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok + "\n\n" + tt.line + "\n" + ok + "\n"
			_, err := ReadGold(strings.NewReader(in), "gold.jsonl")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			var ce *corpus.Error
			if !errors.As(err, &ce) || ce.Path != "gold.jsonl" || ce.Line != 3 {
				t.Errorf("error %#v is not a *corpus.Error for gold.jsonl:3", err)
			}
		})
	}
}

func TestReadGoldLongLine(t *testing.T) {
	in := `{"doc":"d","quote":"q","actor":"A","stance":"s"}` + "\n" + strings.Repeat(" ", MaxLineBytes+1) + "\n"
	_, err := ReadGold(strings.NewReader(in), "gold.jsonl")
	if err == nil || !strings.HasPrefix(err.Error(), "gold.jsonl:2: line longer than") {
		t.Errorf("error %v, want gold.jsonl:2: line longer than ...", err)
	}
}

func TestReadGoldDefaultsAndNulls(t *testing.T) {
	in := "\ufeff" + `{"doc":"d","quote":"q","actor":"A","stance":"s","required":null,"target":null,"toward":"B","extra":[1,{"x":2}]}` + "\r\n"
	items, err := ReadGold(strings.NewReader(in), "g")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || !items[0].Required || !slices.Equal(items[0].Toward, []string{"B"}) {
		t.Errorf("got %+v, want one required item toward B", items)
	}
}

func TestLocate(t *testing.T) {
	const text = "Kyiv rejects the plan. Moscow insists on recognition. Moscow insists."
	texts := map[string]string{"talks": text, "aaa": "aaa"}
	item := func(doc, quote string, start, end int) GoldItem {
		return GoldItem{Doc: doc, Quote: quote, Start: start, End: end, Actor: "A", Stances: []string{"s"}, File: "gold.jsonl", Line: 7}
	}
	tests := []struct {
		name       string
		item       GoldItem
		start, end int
		err        string
	}{
		{"quote", item("talks", "rejects the plan", 0, 0), 5, 21, ""},
		{"quote at the start", item("talks", "Kyiv", 0, 0), 0, 4, ""},
		{"quote and offsets that agree", item("talks", "rejects the plan", 5, 21), 5, 21, ""},
		{"offsets alone", item("talks", "", 23, 29), 23, 29, ""},
		{"offsets alone up to the end", item("talks", "", 62, len(text)), 62, len(text), ""},
		{"unknown document", item("nowhere", "Kyiv", 0, 0), 0, 0, `gold.jsonl:7: document "nowhere" is not among the texts`},
		{"missing quote", item("talks", "Kyiv accepts", 0, 0), 0, 0, `gold.jsonl:7: quote "Kyiv accepts" not found in document "talks"`},
		{"repeated quote", item("talks", "Moscow insists", 0, 0), 0, 0, `gold.jsonl:7: quote "Moscow insists" occurs more than once in document "talks" (at bytes 23 and 54)`},
		{"overlapping occurrences", item("aaa", "aa", 0, 0), 0, 0, `occurs more than once in document "aaa" (at bytes 0 and 1)`},
		{"offsets that disagree", item("talks", "rejects the plan", 4, 21), 0, 0, `gold.jsonl:7: span 4-21 disagrees with the quote, found at 5-21`},
		{"offsets past the end", item("talks", "", 60, len(text)+1), 0, 0, `gold.jsonl:7: span 60-70 does not fit in document "talks", of 69 bytes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := []GoldItem{tt.item}
			err := Locate(items, texts)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if items[0].Start != tt.start || items[0].End != tt.end {
				t.Errorf("span %d-%d, want %d-%d", items[0].Start, items[0].End, tt.start, tt.end)
			}
			// Locating again changes nothing.
			if err := Locate(items, texts); err != nil || items[0].Start != tt.start || items[0].End != tt.end {
				t.Errorf("second Locate: %v, span %d-%d", err, items[0].Start, items[0].End)
			}
		})
	}
}

func TestLocateReportsEveryItem(t *testing.T) {
	items := []GoldItem{
		{Doc: "d", Quote: "z", File: "a.jsonl", Line: 1},
		{Doc: "e", Quote: "z", File: "a.jsonl", Line: 2},
		{Doc: "d", Quote: "text", File: "a.jsonl", Line: 3},
		{Doc: "e", Quote: "y", File: "b.jsonl", Line: 4},
		{Doc: "f", Quote: "y", File: "b.jsonl", Line: 5},
	}
	err := Locate(items, map[string]string{"d": "some text"})
	if err == nil {
		t.Fatal("no error")
	}
	want := `a.jsonl:1: quote "z" not found in document "d"
a.jsonl:2: document "e" is not among the texts (2 items name it)
b.jsonl:5: document "f" is not among the texts`
	if err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}
	if items[2].Start != 5 || items[2].End != 9 {
		t.Errorf("the good item was not located: %+v", items[2])
	}
}

func TestMentionReader(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "mentions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	mr := NewMentionReader(f, "mentions.jsonl")
	var got []output.Mention
	var lines []int
	for {
		m, err := mr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, m)
		lines = append(lines, mr.Line())
	}
	if len(got) != 2 || got[0].Doc != "talks" || got[0].Start != 5 || got[0].End != 12 || got[0].Actor != "UKR" || got[0].Stance != "reject" ||
		got[1].Start != 30 || got[1].Stance != "demand" || !slices.Equal(got[1].Toward, []string{"UKR"}) {
		t.Errorf("got %+v", got)
	}
	if !slices.Equal(lines, []int{1, 3}) {
		t.Errorf("lines %v, want [1 3]", lines)
	}
}

func TestMentionReaderErrors(t *testing.T) {
	const ok = `{"doc":"d","start":0,"end":4,"actor":"A","stance":"s"}`
	tests := []struct {
		line string
		want string
	}{
		{`{"doc":"d",`, "m.jsonl:2: invalid JSON"},
		{`"d"`, "m.jsonl:2: want a JSON object, got string"},
		{`{"doc":"d","start":"0","end":4,"actor":"A","stance":"s"}`, `m.jsonl:2: "start" must be an integer, not string`},
		{`{"doc":"d","start":0,"end":4,"actor":"A","stance":"s","toward":[1]}`, `m.jsonl:2: "toward" must be a string, not number`},
		{`{"start":0,"end":4,"actor":"A","stance":"s"}`, `m.jsonl:2: missing "doc"`},
		{`{"doc":"d","start":0,"end":4,"stance":"s"}`, `m.jsonl:2: missing "actor"`},
		{`{"doc":"d","start":0,"end":4,"actor":"A"}`, `m.jsonl:2: missing "stance"`},
		{`{"doc":"d","actor":"A","stance":"s"}`, `m.jsonl:2: "start" and "end" must give a non-empty span, not 0-0`},
		{`{"doc":"d","start":5,"end":4,"actor":"A","stance":"s"}`, `m.jsonl:2: "start" and "end" must give a non-empty span, not 5-4`},
		{`{"doc":"d","start":-2,"end":4,"actor":"A","stance":"s"}`, `not -2-4`},
	}
	for _, tt := range tests {
		mr := NewMentionReader(strings.NewReader(ok+"\n"+tt.line+"\n"+ok+"\n"), "m.jsonl")
		if _, err := mr.Read(); err != nil {
			t.Fatalf("first line: %v", err)
		}
		_, err := mr.Read()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.line, err, tt.want)
		}
	}
}

// TestIstanbulAgainstItself evaluates the gold of the seed article against
// predictions made of its own items: every score must be perfect.
func TestIstanbulAgainstItself(t *testing.T) {
	shared := sharedcorpus.Dir(t)
	examples := filepath.Join(shared, "examples")
	f, err := os.Open(filepath.Join(examples, "istanbul-talks.gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, err := ReadGold(f, "istanbul-talks.gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	texts := make(map[string]string)
	for d, err := range corpus.Read(context.Background(), []string{filepath.Join(examples, "istanbul-talks.txt")}, corpus.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		texts[d.ID] = d.Text
	}
	if err := Locate(items, texts); err != nil {
		t.Fatal(err)
	}

	var required, optional []output.Mention
	for _, it := range items {
		m := output.Mention{Doc: it.Doc, Start: it.Start, End: it.End, Text: texts[it.Doc][it.Start:it.End], Actor: it.Actor, Stance: it.Stances[0]}
		if it.Required {
			required = append(required, m)
		} else {
			optional = append(optional, m)
		}
	}
	if len(required) == 0 || len(optional) == 0 {
		t.Fatalf("%d required and %d optional items: the gold file is not the one expected", len(required), len(optional))
	}
	for _, tt := range []struct {
		name  string
		preds []output.Mention
	}{
		{"required items", required},
		{"all items", append(slices.Clone(required), optional...)},
	} {
		rep := Evaluate(items, tt.preds)
		o := rep.Overall
		if o.Precision != 1 || o.Recall != 1 || o.F1 != 1 || o.Gold != len(required) || o.Predicted != len(required) {
			t.Errorf("%s: overall %+v, want precision, recall and F1 1 on %d items", tt.name, o, len(required))
		}
		if len(rep.Misses) != 0 || len(rep.FalsePositives) != 0 || rep.LeftOut != len(tt.preds)-len(required) {
			t.Errorf("%s: %d misses, %d false positives, %d left out", tt.name, len(rep.Misses), len(rep.FalsePositives), rep.LeftOut)
		}
		for _, s := range rep.ByStance {
			if s.Precision != 1 || s.Recall != 1 {
				t.Errorf("%s: stance %s: %+v", tt.name, s.Stance, s.Score)
			}
		}
	}
}
