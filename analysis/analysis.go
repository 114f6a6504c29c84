// Package analysis turns documents into annotated documents: tokens with
// byte offsets, sentences, part-of-speech tags and stems, and the layers
// later stages add. Each stage lives in a subpackage (tokenize, sentence,
// tag, stem); this package holds the vocabulary that joins them and the
// batch runner that drives them over a corpus.
//
// Models are built once and shared read-only; an Annotator owns the buffers
// of one worker.
package analysis

import (
	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/analysis/sentence"
	"github.com/standpoint/standpoint/analysis/stem"
	"github.com/standpoint/standpoint/analysis/tag"
	"github.com/standpoint/standpoint/analysis/tokenize"
	"github.com/standpoint/standpoint/corpus"
)

// Models holds the data every worker shares, read-only.
type Models struct {
	Tagger *tag.Model
	// Actors, when set, adds the actors layer; UnknownActors lets names
	// the dictionary lacks become actors.
	Actors        *actors.Dictionary
	UnknownActors bool
}

// LoadModels builds the default models. The tagger is decoded once per
// process, however often this is called.
func LoadModels() (*Models, error) {
	t, err := tag.Default()
	if err != nil {
		return nil, err
	}
	return &Models{Tagger: t}, nil
}

// An Annotator annotates documents one at a time. It is not safe for
// concurrent use: each worker owns one.
type Annotator struct {
	actors  *actors.Matcher
	tagger  *tag.Tagger
	stemmer *stem.Stemmer
	words   []string
	tags    []string
}

// NewAnnotator returns an Annotator that uses m.
func NewAnnotator(m *Models) *Annotator {
	a := &Annotator{tagger: m.Tagger.NewTagger(), stemmer: stem.New()}
	if m.Actors != nil {
		a.actors = m.Actors.NewMatcher(m.UnknownActors)
	}
	return a
}

// Annotate tokenizes, segments, tags and stems doc, and finds its actors
// when the models include a dictionary.
func (a *Annotator) Annotate(doc corpus.Document) *corpus.Annotated {
	ad := &corpus.Annotated{Format: corpus.AnnotatedFormat, Document: doc}
	ad.Tokens = tokenize.Tokenize(doc.Text, nil)
	ad.Sentences = sentence.Split(doc.Text, ad.Tokens, nil)
	for _, s := range ad.Sentences {
		toks := ad.Tokens[s.First:s.Last]
		a.words = a.words[:0]
		for _, t := range toks {
			a.words = append(a.words, tag.Sanitize(doc.Text[t.Start:t.End]))
		}
		a.tags = append(a.tags[:0], make([]string, len(toks))...)
		a.tagger.Tag(a.words, a.tags)
		for i, t := range toks {
			toks[i].Tag = a.tags[i]
			if p, ok := tag.PunctTag(doc.Text, t.Start, t.End); ok {
				toks[i].Tag = p
			}
			toks[i].Stem = a.stemmer.Stem(a.words[i])
		}
	}
	if a.actors != nil {
		ad.Actors = a.actors.Match(ad)
	}
	return ad
}
