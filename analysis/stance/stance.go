// Package stance finds the stances actors take in annotated text: who
// demands, rejects, proposes, backs or threatens what, toward whom, with
// negation and modality, and the evidence for each.
//
// Cues come from a lexicon (the embedded default, data/lexicon.yaml, and
// user files in the same format) matched through stems and part-of-speech
// tags. Each cue is attributed by shallow clause analysis: the subject of
// an active verb (across appositions and relative clauses, through
// coordination and participle clauses), the agent of a passive, the owner
// of a noun, with pronouns, group phrases ("both sides") and first-person
// speech resolved. Where no actor can be found, no stance is recorded.
package stance

import (
	"fmt"
	"strings"

	"github.com/standpoint/standpoint/analysis/internal/keyfilter"
	"github.com/standpoint/standpoint/analysis/stem"
)

// An Extractor holds a compiled lexicon. It is immutable and shared by all
// workers, each of which uses its own Finder.
type Extractor struct {
	categories map[string]Category
	cues       map[string][]*cue   // by the stem of the first word
	firsts     keyfilter.Filter    // the keys of cues
	modals     map[string][]*modal // by the stem of the last word
}

type cue struct {
	words   []string // stems
	text    string   // as written in the lexicon
	pos     string
	stance  string
	negated string
	score   *float64
}

type modal struct {
	words   []string // stems, in text order
	value   string
	negates bool
}

// New compiles lexicons into an Extractor. Later lexicons extend and
// override earlier ones: a category with the same stance, a cue with the
// same words and part of speech, a modality marker with the same words.
func New(lexicons ...*Lexicon) (*Extractor, error) {
	x := &Extractor{
		categories: make(map[string]Category),
		cues:       make(map[string][]*cue),
		modals:     make(map[string][]*modal),
	}
	st := stem.New()
	type key struct{ words, pos string }
	cueIndex := map[key]*cue{}
	modalIndex := map[string]*modal{}
	var order []*cue
	var morder []*modal
	type located struct {
		c    Cue
		file string
	}
	var all []located
	for _, lex := range lexicons {
		for _, c := range lex.Categories {
			x.categories[c.Stance] = c
		}
		for _, c := range lex.Cues {
			all = append(all, located{c, lex.file})
		}
		for _, m := range lex.Modality {
			ws := stems(st, m.Words)
			k := strings.Join(ws, " ")
			if old, ok := modalIndex[k]; ok {
				old.value, old.negates = m.Value, m.Negates
				continue
			}
			nm := &modal{words: ws, value: m.Value, negates: m.Negates}
			modalIndex[k] = nm
			morder = append(morder, nm)
		}
	}
	for _, l := range all {
		c := l.c
		for i, s := range []string{c.Stance, c.Negated} {
			if i == 1 && s == "" {
				continue
			}
			if _, ok := x.categories[s]; !ok && s != None {
				return nil, &FileError{File: l.file, Line: c.Line, Err: fmt.Errorf("cue %q: unknown stance %q", c.Words, s)}
			}
		}
		ws := stems(st, c.Words)
		k := key{strings.Join(ws, " "), c.POS}
		nc := &cue{words: ws, text: strings.Join(strings.Fields(c.Words), " "), pos: c.POS, stance: c.Stance, negated: c.Negated, score: c.Score}
		if old, ok := cueIndex[k]; ok {
			*old = *nc
			continue
		}
		cueIndex[k] = nc
		order = append(order, nc)
	}
	for _, c := range order {
		x.cues[c.words[0]] = append(x.cues[c.words[0]], c)
		x.firsts.Add(c.words[0])
	}
	for _, m := range morder {
		last := m.words[len(m.words)-1]
		x.modals[last] = append(x.modals[last], m)
	}
	return x, nil
}

// cuesOf returns the cues whose first word has the stem st. Every token
// of a document is looked up, and few are cues: the filter rules out most
// before the map is read.
func (x *Extractor) cuesOf(st string) []*cue {
	if !x.firsts.May(st) {
		return nil
	}
	return x.cues[st]
}
