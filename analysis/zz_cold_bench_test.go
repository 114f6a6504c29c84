package analysis_test

import (
	"context"
	"testing"

	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/analysis/stance"
	"github.com/standpoint/standpoint/corpus"
)

func BenchmarkCold(b *testing.B) {
	var docs []corpus.Document
	var size int64
	for d, err := range corpus.Read(context.Background(), []string{"/tmp/wh500.jsonl"}, corpus.Options{}) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += int64(len(d.Text))
	}
	m, _ := analysis.LoadModels()
	entries, _ := actors.Default()
	m.Actors, _ = actors.New(entries)
	m.UnknownActors = true
	lex, _ := stance.DefaultLexicon()
	m.Stances, _ = stance.New(lex)
	analysis.NewAnnotator(m).Annotate(docs[0])
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		a := analysis.NewAnnotator(m)
		for _, d := range docs {
			a.Annotate(d)
		}
	}
}

func BenchmarkWarm(b *testing.B) {
	var docs []corpus.Document
	var size int64
	for d, err := range corpus.Read(context.Background(), []string{"/tmp/wh500.jsonl"}, corpus.Options{}) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += int64(len(d.Text))
	}
	m, _ := analysis.LoadModels()
	entries, _ := actors.Default()
	m.Actors, _ = actors.New(entries)
	m.UnknownActors = true
	lex, _ := stance.DefaultLexicon()
	m.Stances, _ = stance.New(lex)
	a := analysis.NewAnnotator(m)
	for _, d := range docs {
		a.Annotate(d)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			a.Annotate(d)
		}
	}
}
