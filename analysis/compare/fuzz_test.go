package compare

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/analysis/aggregate"
)

// finite fails t if a number of res is not finite, or a rate is not
// between 0 and 1.
func finite(t *testing.T, res Result) {
	t.Helper()
	for _, r := range res.Rows {
		for _, x := range []float64{r.ARate, r.BRate, r.Change, r.LogOdds, r.Z} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("row %+v is not finite", r)
			}
		}
		if r.ARate < 0 || r.ARate > 1 || r.BRate < 0 || r.BRate > 1 {
			t.Fatalf("row %+v: rate out of [0, 1]", r)
		}
	}
	for _, a := range res.Actors {
		for _, x := range []float64{a.AScore, a.BScore, a.Change} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("actor %+v is not finite", a)
			}
		}
	}
}

func FuzzReadSummary(f *testing.F) {
	for _, name := range []string{"months.json", "sources.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add(`{"actors": [{"id": "RUS", "stances": [{"stance": "demand", "count": 1}]}]}`)
	f.Add(`{"by": "day", "actors": [{"id": "A", "buckets": [{"bucket": "x..y", "stances": [{"stance": "s", "count": 2, "negated": 1, "score": -10}]}]}]}`)
	f.Add(`{"by": "week", "corpus": {"buckets": [{"bucket": "undated"}]}, "actors": []}`)
	f.Add(`{"actors": [{"id": "A", "stances": [{"stance": "s", "count": 9007199254740991, "score": 1000000}]}]}`)
	f.Add(`null`)
	f.Add(`{"actors": [{"id": "RUS",}]}`)
	f.Fuzz(func(t *testing.T, data string) {
		s, err := ReadSummary(strings.NewReader(data), "f.json")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.json:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		whole := WholeSide(s, "whole")
		self := Compare(whole, whole, Options{})
		finite(t, self)
		for _, r := range self.Rows {
			if r.Z != 0 || r.Change != 0 {
				t.Fatalf("a side compared with itself: row %+v", r)
			}
		}
		finite(t, Compare(Side{}, whole, Options{Alpha0: 1}))
		if s.By == "" {
			if _, err := Trend(s, nil); err == nil {
				t.Fatal("Trend of a summary without buckets succeeded")
			}
			return
		}
		for _, b := range Buckets(s) {
			side, err := BucketSide(s, b)
			if err != nil {
				t.Fatalf("bucket %q of the summary: %v", b, err)
			}
			if !slices.Equal(side.Buckets, []string{b}) {
				t.Fatalf("bucket %q selects %q", b, side.Buckets)
			}
			finite(t, Compare(whole, side, Options{}))
		}
		rows, err := Trend(s, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if math.IsNaN(r.Score) || math.IsInf(r.Score, 0) {
				t.Fatalf("trend row %+v is not finite", r)
			}
			for _, sr := range r.Stances {
				if sr.Rate < 0 || sr.Rate > 1 {
					t.Fatalf("trend row %+v: rate out of [0, 1]", r)
				}
			}
		}
	})
}

// FuzzBucketSide checks the parsing of bucket selections.
func FuzzBucketSide(f *testing.F) {
	months, err := readFile("months.json")
	if err != nil {
		f.Fatal(err)
	}
	sources, err := readFile("sources.json")
	if err != nil {
		f.Fatal(err)
	}
	for _, sel := range []string{"2022-01", "2022-01..2022-03", "2021-01..2022-02", "undated", "2022-03..2022-01", "..", "2022-01....2022-02", "Baltic Wire", "2022-1"} {
		f.Add(sel)
	}
	f.Fuzz(func(t *testing.T, sel string) {
		for _, summary := range []aggregate.Summary{months, sources} {
			known := Buckets(summary)
			side, err := BucketSide(summary, sel)
			if err != nil {
				continue
			}
			if len(side.Buckets) == 0 {
				t.Fatalf("by %s: %q selects no bucket without an error", summary.By, sel)
			}
			for _, b := range side.Buckets {
				if !slices.Contains(known, b) {
					t.Fatalf("by %s: %q selects %q, not a bucket of the summary", summary.By, sel, b)
				}
			}
			if !strings.Contains(sel, "..") && !slices.Equal(side.Buckets, []string{sel}) {
				t.Fatalf("by %s: %q selects %q", summary.By, sel, side.Buckets)
			}
			if from, to, ok := strings.Cut(sel, ".."); ok && !slices.Contains(known, sel) {
				for _, b := range side.Buckets {
					if b < from || b > to {
						t.Fatalf("by %s: %q selects %q, outside the range", summary.By, sel, b)
					}
				}
			}
			finite(t, Compare(WholeSide(summary, "all"), side, Options{}))
		}
	})
}
