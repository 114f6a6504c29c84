package analysis_test

import (
	"context"
	"os"
	"testing"

	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/analysis/stance"
	"github.com/standpoint/standpoint/corpus"
)

func BenchmarkWH(b *testing.B) {
	path := os.Getenv("WH")
	if path == "" {
		b.Skip()
	}
	var docs []corpus.Document
	var size int64
	for d, err := range corpus.Read(context.Background(), []string{path}, corpus.Options{MaxDocBytes: corpus.DefaultMaxDocBytes}) {
		if err != nil {
			continue
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
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		a := analysis.NewAnnotator(m)
		for _, d := range docs {
			a.Annotate(d)
		}
	}
}
