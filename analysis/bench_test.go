package analysis_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/analysis/sentence"
	"github.com/standpoint/standpoint/analysis/stance"
	"github.com/standpoint/standpoint/analysis/tag"
	"github.com/standpoint/standpoint/analysis/tokenize"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// BenchmarkStages measures each stage of the analysis on the sample corpus,
// or on the inputs STANDPOINT_BENCH_INPUT names (files or directories,
// separated by the system's list separator), in MB of text per second, with
// its allocations. Each stage starts from the output of the stages before
// it, prepared outside the timer.
func BenchmarkStages(b *testing.B) {
	inputs := []string{"../examples/sample"}
	if in := os.Getenv("STANDPOINT_BENCH_INPUT"); in != "" {
		inputs = filepath.SplitList(in)
	}
	var docs []corpus.Document
	var size int64
	for d, err := range corpus.Read(context.Background(), inputs, corpus.Options{}) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += int64(len(d.Text))
	}
	m, err := analysis.LoadModels()
	if err != nil {
		b.Fatal(err)
	}
	entries, err := actors.Default()
	if err != nil {
		b.Fatal(err)
	}
	if m.Actors, err = actors.New(entries); err != nil {
		b.Fatal(err)
	}
	m.UnknownActors = true
	lex, err := stance.DefaultLexicon()
	if err != nil {
		b.Fatal(err)
	}
	if m.Stances, err = stance.New(lex); err != nil {
		b.Fatal(err)
	}
	a := analysis.NewAnnotator(m)
	annotated := make([]*corpus.Annotated, len(docs))
	for i, d := range docs {
		annotated[i] = a.Annotate(d)
	}
	stage := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				f()
			}
		})
	}
	var toks []corpus.Token
	tz := tokenize.New()
	stage("tokenize", func() {
		for _, d := range docs {
			toks = tz.Tokenize(d.Text, toks[:0])
		}
	})
	var sents []corpus.Sentence
	stage("sentences", func() {
		for _, ad := range annotated {
			sents = sentence.Split(ad.Text, ad.Tokens, sents[:0])
		}
	})
	var sentWords [][]string
	for _, ad := range annotated {
		for _, s := range ad.Sentences {
			ws := make([]string, 0, s.Last-s.First)
			for i := s.First; i < s.Last; i++ {
				ws = append(ws, tag.Sanitize(ad.TokenText(i)))
			}
			sentWords = append(sentWords, ws)
		}
	}
	tagger := m.Tagger.NewTagger()
	tags := make([]string, sentence.MaxTokens)
	stage("tag", func() {
		for _, ws := range sentWords {
			tagger.Tag(ws, tags)
		}
	})
	noActors := *m
	noActors.Actors = nil
	plain := analysis.NewAnnotator(&noActors)
	plainPool := analysis.NewPool(1)
	plain.UsePool(plainPool) // as the "all" stage and a run: comparable allocations
	stage("tokenize+tag+stem", func() {
		for _, d := range docs {
			plainPool.Put(plain.Annotate(d))
		}
	})
	matcher := m.Actors.NewMatcher(true)
	stage("actors", func() {
		for _, ad := range annotated {
			matcher.Match(ad)
		}
	})
	// A run meets most names once: the matcher of a single pass, its
	// caches empty, types every unknown name with the entity model.
	stage("actors-first-pass", func() {
		cold := m.Actors.NewMatcher(true)
		for _, ad := range annotated {
			cold.Match(ad)
		}
	})
	finder := m.Stances.NewFinder()
	stage("stances", func() {
		for _, ad := range annotated {
			finder.Find(ad, nil)
		}
	})
	var buf bytes.Buffer
	stage("encode", func() {
		buf.Reset()
		for _, ad := range annotated {
			if err := output.WriteMentions(&buf, output.MentionsOf(ad)); err != nil {
				b.Fatal(err)
			}
		}
	})
	pool := analysis.NewPool(1)
	a.UsePool(pool)
	stage("all", func() {
		for _, d := range docs {
			pool.Put(a.Annotate(d))
		}
	})
}
