package corpus

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// encodingJSON is s as encoding/json writes it with HTML escaping off, as
// AnnotatedWriter's encoder does.
func encodingJSON(t testing.TB, s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{
		"", "NN", "kyiv", `say "no"`, `back\slash`, "<b>&amp;</b>",
		"\x00\x01\x1f\x7f", "\b\f\n\r\t", "line\u2028para\u2029",
		"Москва", "ça", "😀", "\xff", "a\xc3", "\xed\xa0\x80", "\u00ad\ufeff",
	} {
		if got, want := string(appendJSONString([]byte("x"), s)), "x"+encodingJSON(t, s); got != want {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add("say \"no\"\x01\u2028")
	f.Add("\xffМосква")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendJSONString(nil, s)), encodingJSON(t, s); got != want {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestAnnotatedPartsKeepToAnnotated checks that the parts AnnotatedWriter
// encodes, with the tokens between them, have the fields of Annotated, in
// order, with the same names, tags and types.
func TestAnnotatedPartsKeepToAnnotated(t *testing.T) {
	var parts []reflect.StructField
	head, tail := reflect.TypeFor[annotatedHead](), reflect.TypeFor[annotatedTail]()
	for i := range head.NumField() {
		parts = append(parts, head.Field(i))
	}
	tokens, _ := reflect.TypeFor[Annotated]().FieldByName("Tokens")
	parts = append(parts, tokens)
	for i := range tail.NumField() {
		parts = append(parts, tail.Field(i))
	}
	a := reflect.TypeFor[Annotated]()
	if a.NumField() != len(parts) {
		t.Fatalf("Annotated has %d fields, the parts %d", a.NumField(), len(parts))
	}
	for i, fp := range parts {
		fa := a.Field(i)
		if fa.Name != fp.Name || fa.Tag != fp.Tag || fa.Type != fp.Type || fa.Anonymous != fp.Anonymous {
			t.Errorf("field %d: Annotated has %s %v `%s`, the parts %s %v `%s`", i, fa.Name, fa.Type, fa.Tag, fp.Name, fp.Type, fp.Tag)
		}
	}
}

// TestAnnotatedWriterAsEncodingJSON checks that a line is what
// encoding/json writes for the document, with and without each layer.
func TestAnnotatedWriterAsEncodingJSON(t *testing.T) {
	full := Annotated{
		Format:    AnnotatedFormat,
		Document:  Document{ID: "d", Date: "2025-01-02", Title: "<T> & \"q\"", Text: "Kyiv\x01 refuses\u2028.", Origin: Origin{Path: "p", Line: 3}},
		Sentences: []Sentence{{Start: 0, End: 14, First: 0, Last: 3}},
		Tokens:    []Token{{Start: 0, End: 5, Tag: "NNP", Stem: "kyiv\x01"}, {Start: 6, End: 13, Tag: "VBZ", Stem: "refus"}, {Start: 13, End: 14, Tag: ".", Stem: ""}},
		Actors:    []Actor{{ID: "UKR", Name: "Ukraine", Type: "country", Text: "Kyiv", End: 4, Last: 1, Entry: "UKR", Via: "capital"}},
		Stances:   []Stance{{Actor: "UKR", Stance: "reject", Cue: "refuse", Toward: []string{}, Start: 6, End: 13}},
	}
	noActors := full
	noActors.Actors = nil
	noStances := full
	noStances.Stances = nil
	bare := Annotated{Document: Document{ID: "empty"}}
	emptyTokens := bare
	emptyTokens.Tokens, emptyTokens.Sentences = []Token{}, []Sentence{}
	for _, a := range []Annotated{full, noActors, noStances, bare, emptyTokens} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		withFormat := a
		withFormat.Format = AnnotatedFormat
		if err := enc.Encode(&withFormat); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := NewAnnotatedWriter(&got).Write(&a); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("document %s:\n got %s\nwant %s", a.ID, got.String(), want.String())
		}
	}
}
