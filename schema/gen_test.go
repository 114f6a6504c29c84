package schema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/invopop/jsonschema"
	"github.com/standpoint/standpoint/analysis/aggregate"
	"github.com/standpoint/standpoint/output"
)

var update = flag.Bool("update", false, "rewrite the .schema.json files from the Go types")

// thisPackage is the import path of this directory. The Go comments are
// read from directories relative to it, and their import paths are
// joined to it.
const thisPackage = "github.com/standpoint/standpoint/schema"

// A generated is a schema file and the Go value it describes.
type generated struct {
	file  string
	title string
	value any
}

func generatedSchemas() []generated {
	return []generated{
		{file: "mentions.schema.json", title: "Standpoint mention: one line of mentions.jsonl", value: output.Mention{}},
		{file: "summary.schema.json", title: "Standpoint summary: summary.json", value: aggregate.Summary{}},
	}
}

// A description describes a field that has no Go comment of its own.
// Where the Go source gains a comment, that comment is used instead.
type description struct {
	value any    // a value of the struct type
	field string // the Go name of the field
	text  string
}

func descriptions() []description {
	return []description{
		{output.Mention{}, "Doc", "id of the document"},
		{output.Mention{}, "Date", "date of the document, YYYY-MM-DD; absent when unknown"},
		{output.Mention{}, "Source", "source of the document; absent when unknown"},
		{output.Mention{}, "Start", "byte offset in the document text where the evidence span starts"},
		{output.Mention{}, "End", "byte offset in the document text where the evidence span ends (exclusive)"},
		{output.Mention{}, "Negated", "whether the cue was negated; stance is the stance after negation"},
		{output.Mention{}, "Modality", "the modal or hedge qualifying the cue: \"will\", \"unlikely\"...; absent when none"},

		{aggregate.Summary{}, "Corpus", "totals of the corpus"},
		{aggregate.Summary{}, "Actors", "one entry per actor with at least one stance, most mentions first, ties by id"},

		{aggregate.Totals{}, "Documents", "documents analyzed"},
		{aggregate.Totals{}, "Failed", "documents or records that could not be processed"},
		{aggregate.Totals{}, "Bytes", "bytes of document text"},
		{aggregate.Totals{}, "Sentences", "sentences in the documents"},
		{aggregate.Totals{}, "Tokens", "tokens in the documents"},
		{aggregate.Totals{}, "Buckets", "documents and mentions per bucket, in bucket order with undated last; absent without buckets"},

		{aggregate.BucketTotal{}, "Bucket", bucketText},
		{aggregate.BucketTotal{}, "Documents", "documents in the bucket"},
		{aggregate.BucketTotal{}, "Mentions", "stance mentions in the bucket"},

		{aggregate.Actor{}, "ID", "id of the actor: a country code, an organisation id, or a person's id"},
		{aggregate.Actor{}, "Name", "display name of the actor"},
		{aggregate.Actor{}, "Type", "country, organisation, group or person"},
		{aggregate.Actor{}, "Stances", "one record per stance category, most frequent first"},
		{aggregate.Actor{}, "Buckets", "the actor's stances per bucket, in bucket order with undated last; absent without buckets"},

		{aggregate.Bucket{}, "Bucket", bucketText},
		{aggregate.Bucket{}, "Mentions", "stance mentions of the actor in the bucket"},
		{aggregate.Bucket{}, "Stances", "counts per stance, in stance order"},

		{aggregate.BucketCount{}, "Stance", "the stance category"},
		{aggregate.BucketCount{}, "Count", "mentions of the stance"},
		{aggregate.BucketCount{}, "Negated", "mentions of the stance whose cue was negated"},

		{aggregate.Stance{}, "Stance", "the stance category"},
		{aggregate.Stance{}, "Cameo", "CAMEO root code of the stance"},
		{aggregate.Stance{}, "Count", "mentions of the stance"},
		{aggregate.Stance{}, "Negated", "mentions of the stance whose cue was negated"},
		{aggregate.Stance{}, "Targets", fmt.Sprintf("what was demanded, rejected, proposed...: the %d most frequent targets", aggregate.TopTargets)},
		{aggregate.Stance{}, "Toward", "ids of the actors the stance was aimed at, most frequent first"},
		{aggregate.Stance{}, "Examples", fmt.Sprintf("evidence: the first %d mentions by date (undated last), document id and offsets", aggregate.MaxExamples)},

		{aggregate.Count{}, "Value", "the value, counting together the spellings that differ only in case and spacing, as most often written; of two spellings as frequent, the last in byte order"},
		{aggregate.Count{}, "Count", "how often it was seen"},

		{aggregate.Example{}, "Doc", "id of the document"},
		{aggregate.Example{}, "Date", "date of the document, YYYY-MM-DD; absent when unknown"},
		{aggregate.Example{}, "Start", "byte offset in the document text where the evidence span starts"},
		{aggregate.Example{}, "End", "byte offset in the document text where the evidence span ends (exclusive)"},
		{aggregate.Example{}, "Text", "the evidence span"},
	}
}

const bucketText = `the bucket: a date as 2025-05-16, 2025-W20, 2025-05, 2025-Q2 or 2025, "undated", or a source ("(no source)" when unknown)`

// commentKey returns the key of a struct field in jsonschema's comment
// map, failing if the struct has no such field.
func commentKey(t *testing.T, v any, field string) string {
	t.Helper()
	typ := reflect.TypeOf(v)
	if _, ok := typ.FieldByName(field); !ok {
		t.Fatalf("description of %s.%s: no such field", typ, field)
	}
	return typ.PkgPath() + "." + typ.Name() + "." + field
}

// reflector returns a jsonschema reflector that knows the Go comments of
// the output types.
func reflector(t *testing.T) *jsonschema.Reflector {
	t.Helper()
	r := &jsonschema.Reflector{
		Anonymous:      true, // the schemas have no published URL
		ExpandedStruct: true, // the root type inline, the others under $defs
	}
	for _, dir := range []string{"../output", "../analysis/aggregate"} {
		if err := r.AddGoComments(thisPackage, dir, jsonschema.WithFullComment()); err != nil {
			t.Fatalf("read the Go comments of %s: %v", dir, err)
		}
	}
	for _, d := range descriptions() {
		k := commentKey(t, d.value, d.field)
		if r.CommentMap[k] == "" {
			r.CommentMap[k] = d.text
		}
	}
	// One line each: comments are wrapped for the source, not for readers.
	for k, text := range r.CommentMap {
		r.CommentMap[k] = strings.Join(strings.Fields(text), " ")
	}
	return r
}

// generate returns the schema of g as indented JSON.
func generate(t *testing.T, r *jsonschema.Reflector, g generated) []byte {
	t.Helper()
	s := r.Reflect(g.value)
	s.Title = g.title
	constrain(t, s)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// constrain adds what the Go types cannot say: the form of a date and the
// ways to bucket.
func constrain(t *testing.T, s *jsonschema.Schema) {
	t.Helper()
	const datePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	if date, ok := s.Properties.Get("date"); ok {
		date.Pattern = datePattern
	}
	if ex, ok := s.Definitions["Example"]; ok {
		if date, ok := ex.Properties.Get("date"); ok {
			date.Pattern = datePattern
		}
	}
	if by, ok := s.Properties.Get("by"); ok {
		for _, b := range []string{aggregate.ByDay, aggregate.ByWeek, aggregate.ByMonth, aggregate.ByQuarter, aggregate.ByYear, aggregate.BySource} {
			if _, err := aggregate.ParseBy(b); err != nil {
				t.Fatal(err)
			}
			by.Enum = append(by.Enum, b)
		}
	}
}

// TestGenerated checks that the schema files are those the Go types give;
// with -update, it rewrites them.
func TestGenerated(t *testing.T) {
	r := reflector(t)
	for _, g := range generatedSchemas() {
		got := generate(t, r, g)
		if *update {
			if err := os.WriteFile(g.file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(g.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s does not match the Go types (run go test ./schema -update, then review the change): %s", g.file, firstDiff(got, want))
		}
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, strings.TrimSpace(gl), strings.TrimSpace(wl))
		}
	}
	return "no difference"
}
