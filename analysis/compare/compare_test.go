package compare

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/analysis/aggregate"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// side builds a side from "ACTOR stance count score" lines.
func side(label string, lines ...string) Side {
	var s aggregate.Summary
	for _, line := range lines {
		var id, stance string
		var count int
		var score float64
		if _, err := fmt.Sscan(line, &id, &stance, &count, &score); err != nil {
			panic(line + ": " + err.Error())
		}
		i := slices.IndexFunc(s.Actors, func(a aggregate.Actor) bool { return a.ID == id })
		if i < 0 {
			s.Actors = append(s.Actors, aggregate.Actor{ID: id, Name: id})
			i = len(s.Actors) - 1
		}
		s.Actors[i].Stances = append(s.Actors[i].Stances, aggregate.Stance{Stance: stance, Count: count, Score: score})
	}
	return WholeSide(s, label)
}

func TestCompareHandComputed(t *testing.T) {
	a := side("A", "RUS demand 6 -5", "RUS propose 2 4", "UKR reject 2 -4")
	b := side("B", "RUS demand 2 -5", "RUS propose 4 4", "UKR reject 4 -4")

	// Actor by actor. RUS has n^a = 8 (demand 6, propose 2) and n^b = 6
	// (demand 2, propose 4); pooled n = 14, so by default alpha0 = 14 and
	// alpha_w is the pooled count: 8 for demand, 6 for propose.
	//
	// RUS demand: y^a = 6, y^b = 2, alpha_w = 8.
	//   delta = log((2+8)/(6+14-2-8)) - log((6+8)/(8+14-6-8))
	//         = log(10/10) - log(14/8) = -0.559616
	//   var   = 1/(2+8) + 1/(6+8) = 0.171429
	//   z     = -0.559616 / 0.414039 = -1.351601
	// RUS propose: y^a = 2, y^b = 4, alpha_w = 6.
	//   delta = log((4+6)/(6+14-4-6)) - log((2+6)/(8+14-2-6))
	//         = log(10/10) - log(8/14) = 0.559616
	//   var   = 1/10 + 1/8 = 0.225
	//   z     = 0.559616 / 0.474342 = 1.179775
	// UKR has one stance only, reject, on both sides: its share cannot
	// move, and the log-odds are 0.
	//
	// Rates are within the actor: RUS has 8 mentions on A (6/8 = 0.75
	// demand, 2/8 = 0.25 propose) and 6 on B (2/6 = 0.333, 4/6 = 0.667).
	// RUS scores: A (6*-5 + 2*4)/8 = -2.75, B (2*-5 + 4*4)/6 = 1.
	want := Result{
		A:      SideInfo{Label: "A", Mentions: 10},
		B:      SideInfo{Label: "B", Mentions: 10},
		Alpha0: 0,
		Rows: []Row{
			{Actor: "RUS", Stance: "demand", ACount: 6, ARate: 0.75, BCount: 2, BRate: 0.333, Change: -0.417, LogOdds: -0.56, Z: -1.352},
			{Actor: "RUS", Stance: "propose", ACount: 2, ARate: 0.25, BCount: 4, BRate: 0.667, Change: 0.417, LogOdds: 0.56, Z: 1.18},
			{Actor: "UKR", Stance: "reject", ACount: 2, ARate: 1, BCount: 4, BRate: 1, Change: 0, LogOdds: 0, Z: 0},
		},
		Actors: []ActorChange{
			{Actor: "RUS", Name: "RUS", AMentions: 8, AScore: -2.75, BMentions: 6, BScore: 1, Change: 3.75},
			{Actor: "UKR", Name: "UKR", AMentions: 2, AScore: -4, BMentions: 4, BScore: -4, Change: 0},
		},
	}
	if got := Compare(a, b, Options{}); !reflect.DeepEqual(got, want) {
		t.Errorf("Compare:\n got %+v\nwant %+v", got, want)
	}

	// With alpha0 = 10, alpha_w for RUS demand is 10*8/14 = 5.714286:
	//   delta = log(7.714286/8.285714) - log(11.714286/6.285714)
	//         = -0.071459 - 0.622530 = -0.693989
	//   var   = 1/7.714286 + 1/11.714286 = 0.214996
	//   z     = -0.693989 / 0.463677 = -1.496711
	got := Compare(a, b, Options{Alpha0: 10})
	if r := got.Rows[0]; got.Alpha0 != 10 || r.Stance != "demand" || r.LogOdds != -0.694 || r.Z != -1.497 {
		t.Errorf("alpha0 10: alpha0 %v, first row %+v; want demand with log-odds -0.694, z -1.497", got.Alpha0, r)
	}
}

func TestCompareZeroOnOneSide(t *testing.T) {
	// RUS never rejects on A. n^a = n^b = 4, alpha0 = 8; RUS reject has
	// y^a = 0, y^b = 2, alpha_w = 8*2/8 = 2:
	//   delta = log((2+2)/(4+8-2-2)) - log((0+2)/(4+8-0-2))
	//         = log(4/8) - log(2/10) = log(2.5) = 0.916291
	//   var   = 1/4 + 1/2 = 0.75
	//   z     = 0.916291 / 0.866025 = 1.058041
	// UKR is silent on A.
	a := side("A", "RUS demand 4 -5")
	b := side("B", "RUS demand 2 -5", "RUS reject 2 -4", "UKR reject 2 -4")
	got := Compare(a, b, Options{})
	i := slices.IndexFunc(got.Rows, func(r Row) bool { return r.Actor == "RUS" && r.Stance == "reject" })
	if i < 0 {
		t.Fatalf("no RUS reject row in %+v", got.Rows)
	}
	if r := got.Rows[i]; r.ACount != 0 || r.ARate != 0 || r.BRate != 0.5 || r.Change != 0.5 || r.LogOdds != 0.916 || r.Z != 1.058 {
		t.Errorf("RUS reject row %+v", r)
	}
	j := slices.IndexFunc(got.Actors, func(a ActorChange) bool { return a.Actor == "UKR" })
	if ac := got.Actors[j]; ac.AMentions != 0 || ac.AScore != 0 || ac.BScore != -4 || ac.Change != 0 {
		t.Errorf("UKR scores %+v: want no A score and no change", ac)
	}
	for _, r := range got.Rows {
		if math.IsNaN(r.Z) || math.IsInf(r.Z, 0) || math.IsNaN(r.LogOdds) {
			t.Errorf("row %+v is not finite", r)
		}
	}

	// Against a side with nothing at all, the pooled shares are those of
	// the other side, so no pair stands out: with n^a = 0, alpha0 = n^b = 4,
	// RUS demand has alpha_w = 2 and
	//   delta = log((2+2)/(4+4-2-2)) - log((0+2)/(0+4-0-2)) = log(1) - log(1) = 0.
	got = Compare(Side{Label: "empty"}, b, Options{})
	if len(got.Rows) != 3 || got.A.Mentions != 0 {
		t.Errorf("against an empty side: %+v", got)
	}
	for _, r := range got.Rows {
		if r.Z != 0 || r.LogOdds != 0 || r.ARate != 0 || r.Change != r.BRate {
			t.Errorf("row %+v against an empty side: want z 0", r)
		}
	}

	// One pair alone has no odds to compare.
	one := side("one", "RUS demand 3 -5")
	got = Compare(one, side("two", "RUS demand 5 -5"), Options{})
	if len(got.Rows) != 1 || got.Rows[0].Z != 0 || got.Rows[0].LogOdds != 0 {
		t.Errorf("a single pair: %+v", got.Rows)
	}

	if got := Compare(Side{}, Side{}, Options{}); len(got.Rows) != 0 || got.Rows == nil || got.Actors == nil {
		t.Errorf("two empty sides: %+v; want empty, non-nil lists", got)
	}
}

func TestCompareSymmetry(t *testing.T) {
	a := side("A", "RUS demand 17 -5", "RUS propose 3 4", "UKR reject 9 -4", "UKR appeal 1 3", "USA support 5 3", "EU oppose 2 -5")
	b := side("B", "RUS demand 4 -5", "RUS threaten 6 -7", "UKR reject 2 -4", "UKR appeal 8 3", "USA support 5 3", "CHN propose 3 4")
	for _, opts := range []Options{{}, {Alpha0: 100}, {Min: 3}} {
		ab, ba := Compare(a, b, opts), Compare(b, a, opts)
		if len(ab.Rows) != len(ba.Rows) {
			t.Fatalf("%+v: %d rows one way, %d the other", opts, len(ab.Rows), len(ba.Rows))
		}
		for i, r := range ab.Rows {
			s := ba.Rows[i]
			swapped := Row{
				Actor: s.Actor, Stance: s.Stance,
				ACount: s.BCount, ANegated: s.BNegated, ARate: s.BRate,
				BCount: s.ACount, BNegated: s.ANegated, BRate: s.ARate,
				Change: -s.Change, LogOdds: -s.LogOdds, Z: -s.Z,
			}
			if r != swapped {
				t.Errorf("%+v: row %d\n A,B %+v\n B,A %+v", opts, i, r, s)
			}
		}
	}
}

func TestCompareOptions(t *testing.T) {
	a := side("A", "RUS demand 6 -5", "RUS propose 2 4", "UKR reject 2 -4", "USA support 1 3")
	b := side("B", "RUS demand 2 -5", "RUS propose 4 4", "UKR reject 4 -4")
	all := Compare(a, b, Options{})
	z := func(res Result, actor, stance string) float64 {
		for _, r := range res.Rows {
			if r.Actor == actor && r.Stance == stance {
				return r.Z
			}
		}
		return math.NaN()
	}

	only := Compare(a, b, Options{Actors: []string{"UKR", "USA"}})
	if len(only.Rows) != 2 || len(only.Actors) != 2 || only.Actors[0].Actor != "UKR" {
		t.Errorf("--actor UKR USA: %+v", only)
	}
	if z(only, "UKR", "reject") != z(all, "UKR", "reject") {
		t.Error("filtering actors changed the z of the others")
	}

	min := Compare(a, b, Options{Min: 2})
	for _, r := range min.Rows {
		if r.ACount+r.BCount < 2 {
			t.Errorf("row %+v kept under Min 2", r)
		}
	}
	if len(min.Rows) != 3 || slices.ContainsFunc(min.Actors, func(a ActorChange) bool { return a.Actor == "USA" }) {
		t.Errorf("Min 2: %+v; want USA dropped", min)
	}
	if z(min, "RUS", "demand") != z(all, "RUS", "demand") {
		t.Error("Min changed the z of the rows kept")
	}
}

func TestCompareDeterministic(t *testing.T) {
	s, err := readFile("months.json")
	if err != nil {
		t.Fatal(err)
	}
	a, b := WholeSide(s, "all"), mustBucketSide(t, s, "2022-03")
	want := Compare(a, b, Options{})
	for i := range 20 {
		// Reverse and rotate actors and stances: the result must not move.
		sh := shuffled(s, i)
		got := Compare(WholeSide(sh, "all"), mustBucketSide(t, sh, "2022-03"), Options{})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("order %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
	if !slices.IsSortedFunc(want.Rows, func(x, y Row) int {
		if c := math.Abs(y.Z) - math.Abs(x.Z); c != 0 {
			return int(math.Copysign(1, c))
		}
		if c := strings.Compare(x.Actor, y.Actor); c != 0 {
			return c
		}
		return strings.Compare(x.Stance, y.Stance)
	}) {
		t.Errorf("rows not sorted by |z| then actor and stance: %+v", want.Rows)
	}
}

// shuffled returns a deep copy of s with actors, stances and buckets in
// another order, chosen by seed.
func shuffled(s aggregate.Summary, seed int) aggregate.Summary {
	data, _ := json.Marshal(s)
	var out aggregate.Summary
	json.Unmarshal(data, &out)
	rotate := func(n int) int {
		if n == 0 {
			return 0
		}
		return seed % n
	}
	if seed%2 == 1 {
		slices.Reverse(out.Actors)
	}
	out.Actors = append(out.Actors[rotate(len(out.Actors)):], out.Actors[:rotate(len(out.Actors))]...)
	for i := range out.Actors {
		a := &out.Actors[i]
		a.Stances = append(a.Stances[rotate(len(a.Stances)):], a.Stances[:rotate(len(a.Stances))]...)
		if seed%3 == 0 {
			slices.Reverse(a.Buckets)
		}
		for j := range a.Buckets {
			b := &a.Buckets[j]
			b.Stances = append(b.Stances[rotate(len(b.Stances)):], b.Stances[:rotate(len(b.Stances))]...)
		}
	}
	return out
}

func mustBucketSide(t *testing.T, s aggregate.Summary, sel string) Side {
	t.Helper()
	side, err := BucketSide(s, sel)
	if err != nil {
		t.Fatal(err)
	}
	return side
}

func readFile(name string) (aggregate.Summary, error) {
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		return aggregate.Summary{}, err
	}
	defer f.Close()
	return ReadSummary(f, name)
}

// counts flattens a side to "ACTOR stance count/negated" strings.
func counts(s Side) []string {
	var out []string
	for _, a := range s.Actors {
		for _, st := range a.Stances {
			out = append(out, a.ID+" "+st.Stance+" "+strconv.Itoa(st.Count)+"/"+strconv.Itoa(st.Negated))
		}
	}
	return out
}

func TestBucketSide(t *testing.T) {
	months, err := readFile("months.json")
	if err != nil {
		t.Fatal(err)
	}
	sources, err := readFile("sources.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		s       aggregate.Summary
		sel     string
		buckets []string
		counts  []string
	}{
		{months, "2022-02", []string{"2022-02"}, []string{"RUS demand 2/1", "RUS propose 2/0"}},
		{months, "2022-01..2022-02", []string{"2022-01", "2022-02"}, []string{"RUS demand 5/1", "RUS propose 3/0", "UKR reject 2/0"}},
		{months, "2022-02..2022-04", []string{"2022-02", "2022-03", "2022-04"}, []string{"RUS demand 2/1", "RUS propose 5/0", "RUS reject 1/0", "UKR appeal 2/0", "UKR reject 1/0"}},
		// The ends need not be buckets of the summary; the undated one is
		// never part of a range.
		{months, "2021-06..2022-01", []string{"2022-01"}, []string{"RUS demand 3/0", "RUS propose 1/0", "UKR reject 2/0"}},
		{months, "2022-01..2099-12", []string{"2022-01", "2022-02", "2022-03", "2022-04"}, []string{"RUS demand 5/1", "RUS propose 6/0", "RUS reject 1/0", "UKR appeal 2/0", "UKR reject 3/0"}},
		{months, "undated", []string{"undated"}, []string{"RUS demand 1/0"}},
		{months, "2022-04", []string{"2022-04"}, nil},
		{sources, "Baltic Wire", []string{"Baltic Wire"}, []string{"RUS demand 3/0", "UKR reject 1/0"}},
		{sources, "(no source)", []string{"(no source)"}, []string{"RUS propose 1/0"}},
	}
	for _, tt := range tests {
		got, err := BucketSide(tt.s, tt.sel)
		if err != nil {
			t.Errorf("%s: %v", tt.sel, err)
			continue
		}
		if got.Label != tt.sel || !slices.Equal(got.Buckets, tt.buckets) || !slices.Equal(counts(got), tt.counts) {
			t.Errorf("%s: label %q, buckets %q, counts %q; want buckets %q, counts %q", tt.sel, got.Label, got.Buckets, counts(got), tt.buckets, tt.counts)
		}
	}

	// A range adds up the mean scores as sums: RUS in 2022-01..2022-02 has
	// 3*-5 + 1*4 + 2*-2.5 + 2*4 = -8 over 8 mentions.
	res := Compare(mustBucketSide(t, months, "2022-01..2022-02"), mustBucketSide(t, months, "2022-03"), Options{})
	if ac := res.Actors[0]; ac.Actor != "RUS" || ac.AMentions != 8 || ac.AScore != -1 || ac.BScore != 2 || ac.Change != 3 {
		t.Errorf("RUS scores %+v", ac)
	}
	res = Compare(mustBucketSide(t, sources, "Baltic Wire"), mustBucketSide(t, sources, "Harbor Review"), Options{})
	if res.A.Label != "Baltic Wire" || res.B.Mentions != 2 || len(res.Rows) != 2 {
		t.Errorf("sources: %+v", res)
	}
}

func TestBucketSideErrors(t *testing.T) {
	months, err := readFile("months.json")
	if err != nil {
		t.Fatal(err)
	}
	sources, err := readFile("sources.json")
	if err != nil {
		t.Fatal(err)
	}
	whole := months
	whole.By = ""
	whole.Corpus.Buckets = nil
	whole.Actors = slices.Clone(whole.Actors)
	for i := range whole.Actors {
		whole.Actors[i].Buckets = nil
	}
	tests := []struct {
		s    aggregate.Summary
		sel  string
		want string
	}{
		{whole, "2022-01", "the summary has no buckets: run analyze with --by"},
		{months, "2022-05", `no bucket "2022-05" in the summary (it has "2022-01", "2022-02", "2022-03", "2022-04", "undated")`},
		{months, "2022-5", `bucket "2022-5" is not a month (like 2022-03)`},
		{months, "2022-Q1", `bucket "2022-Q1" is not a month`},
		{months, "2022-1..2022-03", `range "2022-1..2022-03": "2022-1" is not a month`},
		{months, "2022-01..", `range "2022-01..": "" is not a month`},
		{months, "2022-03..2022-01", `range "2022-03..2022-01" runs backwards`},
		{months, "2022-01..undated", "the undated bucket cannot be part of a range"},
		{months, "2023-01..2023-12", `no bucket of the summary falls in 2023-01..2023-12 (it has "2022-01"`},
		{sources, "Harbour Review", `no source "Harbour Review" in the summary (it has "(no source)", "Baltic Wire", "Harbor Review")`},
		{sources, "Baltic Wire..Harbor Review", `no source "Baltic Wire..Harbor Review"`},
	}
	for _, tt := range tests {
		_, err := BucketSide(tt.s, tt.sel)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.sel, err, tt.want)
		}
	}
}

func TestRound(t *testing.T) {
	tests := []struct{ x, want float64 }{
		{0.3333, 0.333}, {0.6667, 0.667}, {0.0005, 0.001}, {-0.0005, -0.001},
		{-1.3516, -1.352}, {-0.0004, 0}, {2.5, 2.5},
	}
	for _, tt := range tests {
		got := round(tt.x)
		if got != tt.want || math.Signbit(got) != math.Signbit(tt.want) {
			t.Errorf("round(%v) = %v, want %v", tt.x, got, tt.want)
		}
	}
}

func TestValidBucket(t *testing.T) {
	tests := []struct {
		by, name string
		want     bool
	}{
		{aggregate.ByDay, "2022-03-14", true},
		{aggregate.ByDay, "2022-02-30", false},
		{aggregate.ByDay, "2022-3-14", false},
		{aggregate.ByWeek, "2022-W09", true},
		{aggregate.ByWeek, "2020-W53", true},
		{aggregate.ByWeek, "2022-W54", false},
		{aggregate.ByWeek, "2022-W00", false},
		{aggregate.ByWeek, "2022-W9", false},
		{aggregate.ByWeek, "2022-W+9", false},
		{aggregate.ByMonth, "2022-12", true},
		{aggregate.ByMonth, "2022-13", false},
		{aggregate.ByQuarter, "2022-Q4", true},
		{aggregate.ByQuarter, "2022-Q5", false},
		{aggregate.ByQuarter, "22-Q1", false},
		{aggregate.ByYear, "2022", true},
		{aggregate.ByYear, "22", false},
		{aggregate.BySource, "2022", false},
	}
	for _, tt := range tests {
		if got := validBucket(tt.by, tt.name); got != tt.want {
			t.Errorf("validBucket(%s, %q) = %v, want %v", tt.by, tt.name, got, tt.want)
		}
	}
}

func TestTrend(t *testing.T) {
	months, err := readFile("months.json")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Trend(months, []string{"UKR"})
	if err != nil {
		t.Fatal(err)
	}
	// UKR took reject 3 times and appeal twice: reject comes first. It was
	// silent in 2022-02, 2022-04 and undated, which are listed all the same.
	want := []TrendRow{
		{"UKR", "Ukraine", "2022-01", 2, -4, []StanceRate{{"reject", 2, 1}, {"appeal", 0, 0}}},
		{"UKR", "Ukraine", "2022-02", 0, 0, []StanceRate{{"reject", 0, 0}, {"appeal", 0, 0}}},
		{"UKR", "Ukraine", "2022-03", 3, 0.667, []StanceRate{{"reject", 1, 0.333}, {"appeal", 2, 0.667}}},
		{"UKR", "Ukraine", "2022-04", 0, 0, []StanceRate{{"reject", 0, 0}, {"appeal", 0, 0}}},
		{"UKR", "Ukraine", "undated", 0, 0, []StanceRate{{"reject", 0, 0}, {"appeal", 0, 0}}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("Trend UKR:\n got %+v\nwant %+v", rows, want)
	}

	rows, err = Trend(months, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 10 || rows[0].Actor != "RUS" || rows[5].Actor != "UKR" || rows[4].Bucket != "undated" {
		t.Errorf("Trend of all: %d rows, %+v", len(rows), rows)
	}

	whole := months
	whole.By = ""
	if _, err := Trend(whole, nil); err == nil || !strings.Contains(err.Error(), "run analyze with --by") {
		t.Errorf("Trend without buckets: %v", err)
	}
	if _, err := Trend(months, []string{"USA"}); err == nil || !strings.Contains(err.Error(), `no actor "USA"`) {
		t.Errorf("Trend of an unknown actor: %v", err)
	}
}

func TestReadSummaryErrors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"{\n  \"actors\": [\n    {\"id\": \"RUS\",}\n  ]\n}", "s.json:3:18: invalid character '}'"},
		{`{"actors": [{"id": "RUS", "mentions": "many"}]}`, "s.json:1:44: json: cannot unmarshal string"},
		{`{"actors": [] } {}`, "s.json:1:17: invalid character '{' after top-level value"},
		{``, "s.json:1:1: unexpected end of JSON input"},
		{`{"by": "fortnight"}`, `s.json: by: unknown bucketing "fortnight"`},
		{`{"actors": [{"id": ""}]}`, "s.json: an actor without an id"},
		{`{"actors": [{"id": "RUS"}, {"id": "RUS"}]}`, `s.json: actor "RUS" listed twice`},
		{`{"actors": [{"id": "RUS", "stances": [{"stance": "demand", "count": -1}]}]}`, `s.json: actor "RUS": stance "demand": negative count -1`},
		{`{"actors": [{"id": "RUS", "stances": [{"stance": "demand", "count": 1, "negated": 2}]}]}`, `stance "demand": 2 negated out of 1`},
		{`{"actors": [{"id": "RUS", "stances": [{"stance": "demand", "count": 1}, {"stance": "demand", "count": 1}]}]}`, `stance "demand" listed twice`},
		{`{"actors": [{"id": "RUS", "stances": [{"stance": "", "count": 1}]}]}`, `a stance without a name`},
		{`{"actors": [{"id": "RUS", "stances": [{"stance": "demand", "count": 1, "score": 1e300}]}]}`, `stance "demand": score 1e+300 out of range`},
		{`{"actors": [{"id": "RUS", "stances": [{"stance": "a", "count": 9007199254740992}, {"stance": "b", "count": 1}]}]}`, "counts add up to more than 9007199254740992"},
		{`{"actors": [{"id": "RUS", "buckets": [{"bucket": "2022-01"}]}]}`, `actor "RUS" has buckets but the summary does not say what they are`},
		{`{"by": "month", "actors": [{"id": "RUS", "buckets": [{"bucket": "2022-01"}, {"bucket": "2022-01"}]}]}`, `bucket "2022-01" listed twice`},
		{`{"by": "month", "actors": [{"id": "RUS", "buckets": [{"bucket": "2022-01", "stances": [{"stance": "demand", "count": -3}]}]}]}`, `actor "RUS": bucket "2022-01": stance "demand": negative count -3`},
	}
	for _, tt := range tests {
		_, err := ReadSummary(strings.NewReader(tt.in), "s.json")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s:\n got error %v\nwant %q", tt.in, err, tt.want)
		}
	}
}

// TestGolden compares two periods of testdata/months.json, and its trend,
// with the golden files; go test -update rewrites them.
func TestGolden(t *testing.T) {
	months, err := readFile("months.json")
	if err != nil {
		t.Fatal(err)
	}
	res := Compare(mustBucketSide(t, months, "2022-01..2022-02"), mustBucketSide(t, months, "2022-03..2022-04"), Options{})
	golden(t, "compare.golden.json", res)
	rows, err := Trend(months, nil)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "trend.golden.json", rows)
}

func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update to accept):\n%s", path, got)
	}
}
