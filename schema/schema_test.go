package schema_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/standpoint/standpoint/analysis/aggregate"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// goldenDir holds the golden outputs of the analyze command.
const goldenDir = "../cmd/standpoint/testdata/analyze"

// compile compiles a schema file of this directory, checking it against
// the draft 2020-12 metaschema.
func compile(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	s, err := c.Compile(file)
	if err != nil {
		t.Fatalf("compile %s: %v", file, err)
	}
	return s
}

// validate validates one JSON document against s.
func validate(s *jsonschema.Schema, doc []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// validateLines validates every line of JSON Lines against s and returns
// how many there were.
func validateLines(t *testing.T, s *jsonschema.Schema, name string, data []byte) int {
	t.Helper()
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		n++
		if err := validate(s, sc.Bytes()); err != nil {
			t.Errorf("%s:%d: %v", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return n
}

// TestGoldenOutputs validates the golden outputs of the analyze command.
func TestGoldenOutputs(t *testing.T) {
	mentions := compile(t, "mentions.schema.json")
	summary := compile(t, "summary.schema.json")

	path := filepath.Join(goldenDir, "mentions.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := validateLines(t, mentions, path, data); n == 0 {
		t.Errorf("%s: no mentions", path)
	}

	path = filepath.Join(goldenDir, "summary.json")
	if data, err = os.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	if err := validate(summary, data); err != nil {
		t.Errorf("%s: %v", path, err)
	}
}

// testDocuments returns annotated documents with stances: one dated with
// a source, one with neither, and stances with and without modality,
// target and toward (nil, as a stance finder may leave it).
func testDocuments() []*corpus.Annotated {
	return []*corpus.Annotated{
		{
			Document: corpus.Document{ID: "a", Date: "2025-05-16", Source: "Harbor Review", Text: "Moscow will never accept it."},
			Stances: []corpus.Stance{{
				Sentence: 0, Start: 7, End: 24, Actor: "RUS", ActorName: "Russia", ActorText: "Moscow",
				Stance: "accept", Cue: "accept", Negated: true, Modality: "will", Target: "it",
				Toward: []string{"UKR"}, Cameo: "05", Score: 0,
			}},
		},
		{
			Document: corpus.Document{ID: "b", Text: "Kyiv demands talks."},
			Stances: []corpus.Stance{{
				Sentence: 0, Start: 0, End: 12, Actor: "UKR", ActorName: "Ukraine", ActorText: "Kyiv",
				Stance: "demand", Cue: "demand", Target: "talks", Cameo: "10", Score: -5,
			}},
		},
	}
}

// TestEncodedOutputs validates what the output and aggregate packages
// write for hand-made documents, with and without buckets.
func TestEncodedOutputs(t *testing.T) {
	mentions := compile(t, "mentions.schema.json")
	summary := compile(t, "summary.schema.json")

	var buf bytes.Buffer
	for _, doc := range testDocuments() {
		if err := output.WriteMentions(&buf, output.MentionsOf(doc)); err != nil {
			t.Fatal(err)
		}
	}
	if n := validateLines(t, mentions, "mentions", buf.Bytes()); n != 2 {
		t.Errorf("%d mentions, want 2", n)
	}

	for _, by := range []string{"", aggregate.ByMonth, aggregate.BySource} {
		agg := aggregate.New(by)
		for _, doc := range testDocuments() {
			agg.Add(doc)
		}
		agg.Failed()
		data, err := json.Marshal(agg.Summary())
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(summary, data); err != nil {
			t.Errorf("summary by %q: %v\n%s", by, err, data)
		}
	}
}

// Valid documents that the invalid ones below are variations of.
const (
	validMention = `{"doc":"a","date":"2025-05-16","sentence":0,"start":7,"end":24,"text":"will never accept",` +
		`"actor":"RUS","actor_name":"Russia","actor_text":"Moscow","stance":"accept","cue":"accept",` +
		`"negated":true,"toward":["UKR"],"cameo":"05","score":0}`
	validTotals  = `{"documents":1,"failed":0,"bytes":28,"sentences":1,"tokens":6,"mentions":1,"actors":1}`
	validStance  = `{"stance":"demand","cameo":"10","count":1,"negated":0,"score":-5,"targets":[],"toward":[],"examples":[]}`
	validActor   = `{"id":"UKR","name":"Ukraine","type":"country","mentions":1,"references":1,"aliases":[],"score":-5,"stances":[` + validStance + `]}`
	validSummary = `{"corpus":` + validTotals + `,"actors":[` + validActor + `]}`
)

// TestConstraints shows that the schemas reject what the outputs never
// hold: a missing required field, a value of the wrong type, an unknown
// field, a malformed date or an unknown bucketing.
func TestConstraints(t *testing.T) {
	mentions := compile(t, "mentions.schema.json")
	summary := compile(t, "summary.schema.json")
	tests := []struct {
		name   string
		schema *jsonschema.Schema
		doc    string
		want   string // in the error, past its first line; "" if the document is valid
	}{
		{"mention", mentions, validMention, ""},
		{"mention without optional fields", mentions, strings.Replace(validMention, `"date":"2025-05-16",`, "", 1), ""},
		{"mention with modality, target and source", mentions, strings.Replace(validMention, `"toward"`, `"modality":"will","target":"it","source":"Wire","toward"`, 1), ""},
		{"mention without actor", mentions, strings.Replace(validMention, `"actor":"RUS",`, "", 1), "missing property 'actor'"},
		{"mention without toward", mentions, strings.Replace(validMention, `"toward":["UKR"],`, "", 1), "missing property 'toward'"},
		{"mention with null toward", mentions, strings.Replace(validMention, `["UKR"]`, `null`, 1), "at '/toward'"},
		{"mention with toward a string", mentions, strings.Replace(validMention, `["UKR"]`, `"UKR"`, 1), "at '/toward'"},
		{"mention with a number in toward", mentions, strings.Replace(validMention, `["UKR"]`, `["UKR",7]`, 1), "at '/toward/1'"},
		{"mention with start a string", mentions, strings.Replace(validMention, `"start":7`, `"start":"7"`, 1), "at '/start'"},
		{"mention with start a fraction", mentions, strings.Replace(validMention, `"start":7`, `"start":7.5`, 1), "at '/start'"},
		{"mention with negated a string", mentions, strings.Replace(validMention, `"negated":true`, `"negated":"yes"`, 1), "at '/negated'"},
		{"mention with score a string", mentions, strings.Replace(validMention, `"score":0`, `"score":"0"`, 1), "at '/score'"},
		{"mention with a malformed date", mentions, strings.Replace(validMention, `2025-05-16`, `16/05/2025`, 1), "at '/date'"},
		{"mention with an unknown field", mentions, strings.Replace(validMention, `"doc"`, `"document":"a","doc"`, 1), "'document'"},
		{"mention an array", mentions, `[` + validMention + `]`, "want object"},

		{"summary", summary, validSummary, ""},
		{"summary by month", summary, `{"by":"month",` + validSummary[1:], ""},
		{"summary without corpus", summary, `{"actors":[]}`, "missing property 'corpus'"},
		{"summary without actors", summary, `{"corpus":` + validTotals + `}`, "missing property 'actors'"},
		{"summary with null actors", summary, `{"corpus":` + validTotals + `,"actors":null}`, "at '/actors'"},
		{"summary by decade", summary, `{"by":"decade",` + validSummary[1:], "at '/by'"},
		{"summary with documents a string", summary, strings.Replace(validSummary, `"documents":1`, `"documents":"1"`, 1), "at '/corpus/documents'"},
		{"actor without id", summary, strings.Replace(validSummary, `"id":"UKR",`, "", 1), "at '/actors/0': missing property 'id'"},
		{"actor with mentions a string", summary, strings.Replace(validSummary, `"mentions":1,"references"`, `"mentions":"1","references"`, 1), "at '/actors/0/mentions'"},
		{"stance without count", summary, strings.Replace(validSummary, `"count":1,`, "", 1), "at '/actors/0/stances/0': missing property 'count'"},
		{"stance with toward strings", summary, strings.Replace(validSummary, `"toward":[]`, `"toward":["RUS"]`, 1), "at '/actors/0/stances/0/toward/0'"},
		{"bucket without stances", summary, strings.Replace(validSummary, `"stances":[`, `"buckets":[{"bucket":"2025-05","mentions":1,"score":-5}],"stances":[`, 1), "at '/actors/0/buckets/0': missing property 'stances'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := validate(tt.schema, []byte(tt.doc))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("valid document rejected: %v\n%s", err, tt.doc)
			case tt.want != "" && err == nil:
				t.Errorf("invalid document accepted:\n%s", tt.doc)
			case tt.want != "":
				// The first line names the schema; the rest, where and why.
				_, detail, _ := strings.Cut(err.Error(), "\n")
				if !strings.Contains(detail, tt.want) {
					t.Errorf("error does not say %q: %v", tt.want, err)
				}
			}
		})
	}
}
