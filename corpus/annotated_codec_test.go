package corpus

import (
	"bytes"
	"math"
	"reflect"
	"testing"

	"github.com/standpoint/standpoint/internal/jsonenc/jsonenctest"
)

// TestAnnotatedPartsKeepToAnnotated checks that the part AnnotatedWriter
// encodes with encoding/json, and the layers it builds after it, have the
// fields of Annotated, in order, with the same names, tags and types.
func TestAnnotatedPartsKeepToAnnotated(t *testing.T) {
	var parts []reflect.StructField
	head := reflect.TypeFor[annotatedHead]()
	for i := range head.NumField() {
		parts = append(parts, head.Field(i))
	}
	for _, f := range []struct {
		name, tag string
		typ       reflect.Type
	}{
		{"Tokens", `json:"tokens"`, reflect.TypeFor[[]Token]()},
		{"Actors", `json:"actors,omitempty"`, reflect.TypeFor[[]Actor]()},
		{"Stances", `json:"stances,omitempty"`, reflect.TypeFor[[]Stance]()},
	} {
		parts = append(parts, reflect.StructField{Name: f.name, Tag: reflect.StructTag(f.tag), Type: f.typ})
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

// TestAppendActorAndStance holds the encoders of actors and stances to
// encoding/json, on values with every field set and on zero values, which
// encoding/json writes whole but for the fields it omits when empty: a
// field added to either struct changes the zero value's line.
func TestAppendActorAndStance(t *testing.T) {
	// appendActor and appendStance name each field: a new one must be
	// added to them.
	if n := reflect.TypeFor[Actor]().NumField(); n != 12 {
		t.Errorf("Actor has %d fields; appendActor writes 12", n)
	}
	if n := reflect.TypeFor[Stance]().NumField(); n != 14 {
		t.Errorf("Stance has %d fields; appendStance writes 14", n)
	}
	for _, a := range []Actor{
		{},
		{ID: "UKR", Name: "Ukraine", Type: "country", Text: "Kyiv\u2028’s", Start: 3, End: 9, First: 1, Last: 2, Entry: "UKR", Via: "capital", Location: true, Possessive: true},
		{ID: "a\"b", Name: "<x> & \x01", Start: -1, End: 1 << 40},
	} {
		want, err := jsonenctest.Value(&a)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(appendActor(nil, &a)); got != want {
			t.Errorf("appendActor:\n got %s\nwant %s", got, want)
		}
	}
	for _, s := range []Stance{
		{},
		{Sentence: 2, Start: 10, End: 30, Actor: "RUS", ActorName: "Russia", ActorText: "Moscow", Stance: "reject", Cue: "refuse", Negated: true, Modality: "will", Target: "the \"plan\"", Toward: []string{"UKR", "USA"}, Cameo: "12", Score: -4},
		{Toward: []string{}, Score: 3.4},
		{Score: 1e-7},
		{Score: -2.5e21},
		{Score: 123456789.125},
	} {
		want, err := jsonenctest.Value(&s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendStance(nil, &s)
		if err != nil || string(got) != want {
			t.Errorf("appendStance:\n got %s, %v\nwant %s", got, err, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := appendStance(nil, &Stance{Score: f}); err == nil {
			t.Errorf("appendStance of score %v: no error", f)
		}
	}
	// A document fails on a bad score whichever of its stances has it.
	for _, stances := range [][]Stance{{{Score: math.NaN()}, {Score: 1}}, {{Score: 1}, {Score: math.Inf(1)}}} {
		if _, err := NewAnnotatedEncoder().Append(nil, &Annotated{Stances: stances}); err == nil {
			t.Errorf("Append of stances %v: no error", stances)
		}
	}
}

// FuzzAppendStance holds appendStance and appendActor to encoding/json on
// any strings and numbers.
func FuzzAppendStance(f *testing.F) {
	f.Add("RUS", "said \"no\"\x01", 3, -4.5, true)
	f.Add("\xff", "", -1, 1e-9, false)
	f.Fuzz(func(t *testing.T, id, text string, n int, score float64, flag bool) {
		a := Actor{ID: id, Name: text, Text: text, Start: n, Last: -n, Via: id, Location: flag, Possessive: !flag}
		want, err := jsonenctest.Value(&a)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(appendActor(nil, &a)); got != want {
			t.Fatalf("appendActor:\n got %s\nwant %s", got, want)
		}
		s := Stance{Sentence: n, Actor: id, ActorText: text, Target: text, Modality: id, Negated: flag, Score: score}
		if flag {
			s.Toward = []string{id, text}
		}
		want, err = jsonenctest.Value(&s)
		got, gotErr := appendStance(nil, &s)
		if (err != nil) != (gotErr != nil) || err == nil && string(got) != want {
			t.Fatalf("appendStance:\n got %s, %v\nwant %s, %v", got, gotErr, want, err)
		}
	})
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
		withFormat := a
		withFormat.Format = AnnotatedFormat
		want, err := jsonenctest.Value(&withFormat)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := NewAnnotatedWriter(&got).Write(&a); err != nil {
			t.Fatal(err)
		}
		if got.String() != want+"\n" {
			t.Errorf("document %s:\n got %s\nwant %s", a.ID, got.String(), want)
		}
	}
}
