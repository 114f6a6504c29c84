package aggregate

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

// validState is a small state written by WriteState.
func validState(t testing.TB) string {
	g := New(ByMonth)
	g.Add(&corpus.Annotated{
		Document: corpus.Document{ID: "a", Date: "2025-05-16", Text: "Kyiv demands talks."},
		Actors:   []corpus.Actor{{ID: "UKR", Name: "Ukraine", Type: "country", Text: "Kyiv"}},
		Stances:  []corpus.Stance{{Start: 0, End: 12, Actor: "UKR", ActorName: "Ukraine", Stance: "demand", Cameo: "10", Score: -5, Target: "talks", Toward: []string{"RUS"}}},
	})
	var buf bytes.Buffer
	if err := g.WriteState(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestStateEncoding(t *testing.T) {
	want := `{"format":"standpoint-partial/1","by":"month","corpus":{"documents":1,"failed":0,"bytes":19,"sentences":0,"tokens":0,"mentions":1,` +
		`"buckets":[{"bucket":"2025-05","documents":1,"mentions":1}]},"actors":[{"id":"UKR","name":"Ukraine","type":"country","references":1,` +
		`"aliases":[{"value":"Kyiv","count":1}],"stances":[{"stance":"demand","cameo":"10","count":1,"negated":0,"score_sum":-5000,` +
		`"targets":[{"value":"talks","count":1}],"toward":[{"value":"RUS","count":1}],` +
		`"examples":[{"doc":"a","date":"2025-05-16","start":0,"end":12,"text":"Kyiv demands"}]}],` +
		`"buckets":[{"bucket":"2025-05","mentions":1,"score_sum":-5000,"stances":[{"stance":"demand","count":1,"negated":0,"score_sum":-5000}]}]}]}` + "\n"
	if got := validState(t); got != want {
		t.Errorf("state\n%s\nwant\n%s", got, want)
	}
	// MarshalJSON is the same line, without its newline.
	var g Aggregator
	if err := json.Unmarshal([]byte(want), &g); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(&g)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(data) + "\n"; got != want {
		t.Errorf("MarshalJSON\n%s\nwant\n%s", got, want)
	}
}

func TestReadStateErrors(t *testing.T) {
	valid := validState(t)
	tests := []struct {
		name, data, want string
	}{
		{"malformed", "{\"format\":", "partial.json:1:10: unexpected end of JSON input"},
		{"wrong type", strings.Replace(valid, `"documents":1`, `"documents":"1"`, 1), "partial.json:1:"},
		{"other format", strings.Replace(valid, StateFormat, "standpoint-partial/9", 1), `format "standpoint-partial/9"`},
		{"summary instead", `{"corpus":{"documents":1},"actors":[]}`, `format ""`},
		{"unknown field", strings.Replace(valid, `"by"`, `"bye":1,"by"`, 1), `unknown field "bye"`},
		{"unknown bucketing", strings.Replace(valid, `"by":"month"`, `"by":"decade"`, 1), `unknown bucketing "decade"`},
		{"negative count", strings.Replace(valid, `"documents":1`, `"documents":-1`, 1), "corpus: negative or too large count"},
		{"huge count", strings.Replace(valid, `"tokens":0`, `"tokens":9007199254740993`, 1), "corpus: negative or too large count"},
		{"negated above count", strings.Replace(valid, `"negated":0,"score_sum":-5000,"targets"`, `"negated":2,"score_sum":-5000,"targets"`, 1), `actor "UKR": stance "demand": count 1, negated 2`},
		{"zero target", strings.Replace(valid, `{"value":"talks","count":1}`, `{"value":"talks","count":0}`, 1), `targets: "talks" counted 0 times`},
		{"repeated actor", strings.Replace(valid, `"actors":[{`, `"actors":[{"id":"UKR","name":"","references":0,"aliases":[],"stances":[]},{`, 1), `actor "UKR": repeated`},
		{"bad example", strings.Replace(valid, `"start":0,"end":12`, `"start":5,"end":1`, 1), "example at 5..1"},
		{"trailing data", valid + "{}", "partial.json:2:1: invalid character '{' after top-level value"},
		{"buckets without bucketing", strings.Replace(valid, `"by":"month",`, "", 1), "corpus: buckets in a state without bucketing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadState(strings.NewReader(tt.data), "partial.json")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzReadState checks that any input is refused or read into a state that
// encodes, reads back to the same bytes, and summarises without panic.
func FuzzReadState(f *testing.F) {
	f.Add(validState(f))
	f.Add(`{"format":"standpoint-partial/1","corpus":{},"actors":[]}`)
	f.Add(`{"format":"standpoint-partial/1","corpus":{},"actors":[{"id":"X","name":"","references":1,"aliases":[{"value":"A","count":1},{"value":"a","count":2}],"stances":[]}]}`)
	f.Fuzz(func(t *testing.T, data string) {
		g, err := ReadState(strings.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		_ = g.Summary()
		first, err := json.Marshal(g)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ReadState(bytes.NewReader(first), "again")
		if err != nil {
			t.Fatalf("cannot read back %s: %v", first, err)
		}
		second, err := json.Marshal(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("not stable:\n%s\n%s", first, second)
		}
		if err := back.Merge(g); err != nil {
			t.Fatal(err)
		}
	})
}
