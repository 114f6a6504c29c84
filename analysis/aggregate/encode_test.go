package aggregate

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/internal/jsonenc/jsonenctest"
)

// encodingJSON is f as encoding/json writes it with HTML escaping off.
func encodingJSON(t testing.TB, f *stateFile) string {
	s, err := jsonenctest.Value(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// written is f as writeState writes it, without the newline.
func written(t testing.TB, f *stateFile) string {
	var buf bytes.Buffer
	if err := writeState(&buf, f); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// checkFields fails the test for each struct type whose number of fields
// is not the one the encoder called who writes.
func checkFields(t *testing.T, who string, fields map[reflect.Type]int) {
	t.Helper()
	for typ, n := range fields {
		if got := typ.NumField(); got != n {
			t.Errorf("%v has %d fields; %s writes %d", typ, got, who, n)
		}
	}
}

// TestWriteStateAsEncodingJSON holds the state's encoder to encoding/json
// on states with every field set, with the fields omitted when empty left
// empty, with nil lists and with zero values, which encoding/json writes
// whole: a field added to one of the structs changes their lines.
func TestWriteStateAsEncodingJSON(t *testing.T) {
	// writeState names each field: a new one must be added to it.
	checkFields(t, "writeState", map[reflect.Type]int{
		reflect.TypeFor[stateFile](): 4, reflect.TypeFor[stateTotals](): 7, reflect.TypeFor[BucketTotal](): 3,
		reflect.TypeFor[stateActor](): 7, reflect.TypeFor[Count](): 2, reflect.TypeFor[stateStance](): 8,
		reflect.TypeFor[Example](): 5, reflect.TypeFor[stateBucket](): 4, reflect.TypeFor[stateBucketCount](): 4,
	})
	full := stateFile{
		Format: StateFormat, By: ByMonth,
		Corpus: stateTotals{Documents: 3, Failed: 1, Bytes: 1 << 40, Sentences: 4, Tokens: 50, Mentions: 2,
			Buckets: []BucketTotal{{Bucket: "2025-05", Documents: 2, Mentions: 2}, {}}},
		Actors: []stateActor{
			{ID: "UKR", Name: "Ukraine", Type: "country", References: 7,
				Aliases: []Count{{Value: "Kyiv’s \"x\" <y> & \x01\u2028", Count: 2}, {}},
				Stances: []stateStance{{Stance: "demand", Cameo: "10", Count: 2, Negated: 1, ScoreSum: -5000,
					Targets: []Count{{Value: "talks", Count: 1}}, Toward: []Count{},
					Examples: []Example{{Doc: "a", Date: "2025-05-16", Start: 0, End: 12, Text: "Kyiv\ndemands"}, {Doc: "b"}}}, {}},
				Buckets: []stateBucket{{Bucket: "2025-05", Mentions: 2, ScoreSum: -3, Stances: []stateBucketCount{{Stance: "demand", Count: 2, Negated: 1, ScoreSum: -5000}, {}}}, {}}},
			{},
		},
	}
	for _, f := range []stateFile{full, {}, {Format: StateFormat, Actors: []stateActor{}}} {
		if got, want := written(t, &f), encodingJSON(t, &f); got != want {
			t.Errorf("writeState:\n got %s\nwant %s", got, want)
		}
	}
}

func FuzzWriteState(f *testing.F) {
	f.Add("UKR", "Kyiv \"x\"\x01", int64(3), true)
	f.Add("\xff", "", int64(-1), false)
	f.Fuzz(func(t *testing.T, id, text string, n int64, by bool) {
		s := stateFile{Format: StateFormat, Corpus: stateTotals{Bytes: n, Documents: int(n)},
			Actors: []stateActor{{ID: id, Name: text, Type: text, References: int(n),
				Aliases: []Count{{Value: text, Count: int(n)}},
				Stances: []stateStance{{Stance: id, ScoreSum: n, Examples: []Example{{Doc: id, Date: text, Text: text}}}}}}}
		if by {
			s.By = text
			s.Actors[0].Buckets = []stateBucket{{Bucket: text, ScoreSum: n}}
		}
		if got, want := written(t, &s), encodingJSON(t, &s); got != want {
			t.Fatalf("writeState:\n got %s\nwant %s", got, want)
		}
	})
}

// TestSummaryAppendJSONAsEncodingJSON holds the summary's encoder to
// encoding/json as TestWriteStateAsEncodingJSON does the state's.
func TestSummaryAppendJSONAsEncodingJSON(t *testing.T) {
	checkFields(t, "Summary.AppendJSON", map[reflect.Type]int{
		reflect.TypeFor[Summary](): 3, reflect.TypeFor[Totals](): 8, reflect.TypeFor[Actor](): 9,
		reflect.TypeFor[Stance](): 8, reflect.TypeFor[Bucket](): 4, reflect.TypeFor[BucketCount](): 4,
	})
	full := Summary{
		By: ByMonth,
		Corpus: Totals{Documents: 3, Failed: 1, Bytes: 1 << 40, Sentences: 4, Tokens: 50, Mentions: 2, Actors: 1,
			Buckets: []BucketTotal{{Bucket: "2025-05", Documents: 2, Mentions: 2}, {}}},
		Actors: []Actor{
			{ID: "UKR", Name: "Ukraine", Type: "country", Mentions: 2, References: 7, Score: -2.5,
				Aliases: []Count{{Value: "Kyiv’s \"x\" <y> & \x01\u2028", Count: 2}, {}},
				Stances: []Stance{{Stance: "demand", Cameo: "10", Count: 2, Negated: 1, Score: 1e-7,
					Targets: []Count{{Value: "talks", Count: 1}}, Toward: []Count{},
					Examples: []Example{{Doc: "a", Date: "2025-05-16", Start: 0, End: 12, Text: "Kyiv\ndemands"}, {Doc: "b"}}}, {}},
				Buckets: []Bucket{{Bucket: "2025-05", Mentions: 2, Score: 3.333333333333333, Stances: []BucketCount{{Stance: "demand", Count: 2, Negated: 1, Score: -5}, {}}}, {}}},
			{},
		},
	}
	for _, s := range []Summary{full, {}, {Actors: []Actor{}}} {
		want, err := jsonenctest.Value(s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.AppendJSON(nil)
		if err != nil || string(got) != want {
			t.Errorf("AppendJSON:\n got %s, %v\nwant %s", got, err, want)
		}
	}
	bad := Summary{Actors: []Actor{{Stances: []Stance{{Score: math.NaN()}}}}}
	if _, err := bad.AppendJSON(nil); err == nil {
		t.Error("AppendJSON of a NaN score: no error")
	}
}

// FuzzSummaryAppendJSON holds the summary's encoder to encoding/json on any
// strings and numbers, scores that are not numbers included.
func FuzzSummaryAppendJSON(f *testing.F) {
	f.Add("UKR", "Kyiv \"x\"\x01", int64(3), -4.5, true)
	f.Add("\xff", "", int64(-1), 1e-9, false)
	f.Fuzz(func(t *testing.T, id, text string, n int64, score float64, by bool) {
		s := Summary{Corpus: Totals{Bytes: n, Documents: int(n)},
			Actors: []Actor{{ID: id, Name: text, Type: text, References: int(n), Score: score,
				Aliases: []Count{{Value: text, Count: int(n)}},
				Stances: []Stance{{Stance: id, Score: score, Examples: []Example{{Doc: id, Date: text, Text: text}}}}}}}
		if by {
			s.By = text
			s.Actors[0].Buckets = []Bucket{{Bucket: text, Score: score, Stances: []BucketCount{{Stance: id, Score: -score}}}}
		}
		want, werr := jsonenctest.Value(s)
		got, err := s.AppendJSON(nil)
		if (err != nil) != (werr != nil) || err == nil && string(got) != want {
			t.Fatalf("AppendJSON:\n got %s, %v\nwant %s, %v", got, err, want, werr)
		}
	})
}
