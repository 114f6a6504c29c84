package corpus_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/corpus"
)

// TestAnnotatedRoundTrip writes annotated documents and reads them back.
func TestAnnotatedRoundTrip(t *testing.T) {
	models, err := analysis.LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	entries, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	if models.Actors, err = actors.New(entries); err != nil {
		t.Fatal(err)
	}
	models.UnknownActors = true
	a := analysis.NewAnnotator(models)
	docs := []corpus.Document{
		{ID: "one", Date: "2025-05-16", Source: "Harbor Review", Title: "T", Text: "Kyiv insists on a ceasefire—and refuses “concessions”.\n\nPutin’s reply came.", Origin: corpus.Origin{Path: "a.txt"}},
		{ID: "two", Text: "Москва отвергла план. <b>HTML</b> & stuff", Origin: corpus.Origin{Path: "b.jsonl", Line: 7}},
		// Control characters inside tokens, which JSON must escape.
		{ID: "three", Text: "Kyiv\x7fx refuses the \x01deal\x1b.\u2028Moscow \"agrees\".", Origin: corpus.Origin{Path: "c.jsonl", Line: 1}},
	}
	var buf bytes.Buffer
	w := corpus.NewAnnotatedWriter(&buf)
	var want []*corpus.Annotated
	for _, d := range docs {
		ad := a.Annotate(d)
		want = append(want, ad)
		if err := w.Write(ad); err != nil {
			t.Fatal(err)
		}
	}
	var got []*corpus.Annotated
	for ad, err := range corpus.ReadAnnotated(&buf, "annotated.jsonl", 0) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ad)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the documents:\n got %+v\nwant %+v", got, want)
	}
	if len(got[0].Actors) != 2 || got[0].Actors[1].Entry != "vladimir-putin" {
		t.Errorf("actors layer not read back: %+v", got[0].Actors)
	}
	if tok := got[0].TokenText(got[0].Sentences[1].First); tok != "Putin" {
		t.Errorf("first token of the second sentence is %q, want Putin", tok)
	}
}

func TestReadAnnotatedErrors(t *testing.T) {
	valid := `{"format":"standpoint-annotated/1","id":"x","text":"Hi.","origin":{"path":"p"},"sentences":[{"start":0,"end":3,"first":0,"last":2}],"tokens":[[0,2,"NNP","hi"],[2,3,".",""]]}`
	tests := []struct {
		name, line, want string
	}{
		{"not json", `{"format":`, "annotated.jsonl:2:"},
		{"wrong format", `{"format":"other","id":"x","text":"t"}`, "not an annotated document"},
		{"token outside the text", strings.Replace(valid, "[2,3,", "[2,9,", 1), "outside the text"},
		{"token not an array", strings.Replace(valid, `[0,2,"NNP","hi"]`, `{"start":0}`, 1), "token"},
		{"sentences leave tokens out", strings.Replace(valid, `"last":2`, `"last":1`, 1), "sentence 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := valid + "\n" + tt.line + "\n" + valid + "\n"
			var docs, errs int
			for _, err := range corpus.ReadAnnotated(strings.NewReader(in), "annotated.jsonl", 0) {
				if err != nil {
					errs++
					var ce *corpus.Error
					if !errors.As(err, &ce) || ce.Line != 2 || !strings.Contains(err.Error(), tt.want) {
						t.Errorf("error %q: want *corpus.Error on line 2 containing %q", err, tt.want)
					}
					continue
				}
				docs++
			}
			if docs != 2 || errs != 1 {
				t.Errorf("got %d documents and %d errors, want 2 and 1", docs, errs)
			}
		})
	}
}
