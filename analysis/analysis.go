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
	"slices"
	"strings"

	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/analysis/internal/cache"
	"github.com/standpoint/standpoint/analysis/sentence"
	"github.com/standpoint/standpoint/analysis/stance"
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
	// Stances, when set with Actors, adds the stances layer. Speaker, if
	// set, is the id of the actor whose voice every document is;
	// otherwise a document's voice is the actor its source names.
	Stances *stance.Extractor
	Speaker string

	// lexemes is shared by the annotators of these models (LoadModels
	// makes it; without it, each annotator has its own).
	lexemes *lexemes
}

// LoadModels builds the default models. The tagger is decoded once per
// process, however often this is called.
func LoadModels() (*Models, error) {
	t, err := tag.Default()
	if err != nil {
		return nil, err
	}
	return &Models{Tagger: t, lexemes: newLexemes()}, nil
}

// An Annotator annotates documents one at a time. It is not safe for
// concurrent use: each worker owns one.
type Annotator struct {
	models    *Models
	actors    *actors.Matcher
	stances   *stance.Finder
	speakers  *cache.Cache[*corpus.Actor] // by source
	tokenizer *tokenize.Cached[*lexeme]
	tagger    *tag.Tagger
	lexemes   *lexemes
	lxs       []*lexeme // of each token of the document
	pool      *Pool     // where documents' slices come from, or nil
	words     []*tag.Word
	tags      []string
}

// NewAnnotator returns an Annotator that uses m.
func NewAnnotator(m *Models) *Annotator {
	lxs := m.lexemes
	if lxs == nil {
		lxs = newLexemes()
	}
	a := &Annotator{lexemes: lxs, models: m, tagger: m.Tagger.NewTagger(), speakers: cache.New[*corpus.Actor](speakersCacheSize)}
	a.tokenizer = tokenize.NewCached(a.lexeme)
	if m.Actors != nil {
		a.actors = m.Actors.NewMatcher(m.UnknownActors)
		if m.Stances != nil {
			a.stances = m.Stances.NewFinder()
		}
	}
	return a
}

// UsePool makes the Annotator take the slices of the documents it
// annotates from p, where the caller puts them back when done.
func (a *Annotator) UsePool(p *Pool) { a.pool = p }

// Annotate tokenizes, segments, tags and stems doc, and finds its actors
// and stances when the models include them.
func (a *Annotator) Annotate(doc corpus.Document) *corpus.Annotated {
	ad := a.tokens(doc)
	// A pooled document comes with the memory of its last actors, for the
	// matcher to fill.
	spare := ad.Actors
	ad.Actors = nil
	if a.actors != nil {
		ad.Actors = a.actors.MatchInto(spare, ad)
		if a.stances != nil {
			ad.Stances = a.stances.Find(ad, a.speaker(doc.Source))
		}
	}
	return ad
}

// tokens adds the token and sentence layers.
func (a *Annotator) tokens(doc corpus.Document) *corpus.Annotated {
	// English text has a token every five or six bytes. The slices are
	// given room for that at once: grown by append, a long document's
	// went through a chain of copies, each fresh memory to fault in.
	tokens := len(doc.Text)/5 + 8
	ad := a.pool.get(tokens)
	ad.Format, ad.Document = corpus.AnnotatedFormat, doc
	ad.Tokens, a.lxs = a.tokenizer.TokenizeValues(doc.Text, ad.Tokens, slices.Grow(a.lxs[:0], tokens))
	ad.Sentences = sentence.Split(doc.Text, ad.Tokens, ad.Sentences)
	if len(ad.Sentences) == 0 {
		ad.Sentences = nil // as written out before pooling: null, not []
	}
	for _, s := range ad.Sentences {
		toks := ad.Tokens[s.First:s.Last]
		a.words = a.words[:0]
		for i, lx := range a.lxs[s.First:s.Last] {
			a.words = append(a.words, lx.word)
			toks[i].Stem, toks[i].Lower = lx.stem, lx.lower
			// Where they are the word as written, the stem and the
			// lower case point into the text, which the stages after
			// read anyway, rather than to a copy elsewhere in memory.
			if lx.lowerIsWord {
				w := doc.Text[toks[i].Start:toks[i].End]
				toks[i].Lower = w
				if lx.stemIsWord {
					toks[i].Stem = w
				}
			}
		}
		a.tags = append(a.tags[:0], make([]string, len(toks))...)
		a.tagger.TagWords(a.words, a.tags)
		for i, t := range toks {
			toks[i].Tag = a.tags[i]
			if p, ok := tag.PunctTag(doc.Text, t.Start, t.End); ok {
				toks[i].Tag = p
			}
		}
	}
	return ad
}

// speakersCacheSize is the size of the cache of document voices.
const speakersCacheSize = 4096

// speaker returns the actor whose voice a document from source is: the
// one set for the run, else the first actor its source names ("President
// of Russia", "The White House"), else nil.
func (a *Annotator) speaker(source string) *corpus.Actor {
	if id := a.models.Speaker; id != "" {
		source = id
	}
	if source == "" {
		return nil
	}
	if sp, ok := a.speakers.Get(source); ok {
		return sp
	}
	var sp *corpus.Actor
	if e, ok := a.models.Actors.Lookup(source); ok {
		sp = &corpus.Actor{ID: e.ID, Name: e.Name, Type: e.Type, Text: source, Entry: e.ID}
	} else {
		ad := a.tokens(corpus.Document{ID: "source", Text: source})
		for _, m := range a.actors.Match(ad) {
			if !m.Location {
				sp = &m
				break
			}
		}
		a.pool.Put(ad) // sp is a copy
	}
	a.speakers.Put(strings.Clone(source), sp)
	return sp
}
