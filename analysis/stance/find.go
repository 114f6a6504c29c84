package stance

import (
	"slices"
	"strings"

	"github.com/standpoint/standpoint/corpus"
)

// A Finder finds the stances of one document at a time. It is not safe for
// concurrent use: each worker owns one.
type Finder struct {
	x *Extractor

	// Per document.
	doc     *corpus.Annotated
	speaker []corpus.Actor // the document's own voice, if known
	cover   []int          // token -> index of the actor mention covering it, or -1
	quotes  []quote
	out     []corpus.Stance
	si      int          // the index of the sentence at hand
	occs    []occurrence // the cues of the sentence at hand
	cands   []occurrence // scratch for cues
	// lastTarget records the targets of the stances of the sentence at
	// hand, for dedupe.
	lastTarget []targetSpan
}

// NewFinder returns a Finder for x.
func (x *Extractor) NewFinder() *Finder { return &Finder{x: x} }

// A quote is a quoted passage, tokens first..last, and who said it.
type quote struct {
	first, last int
	speaker     []corpus.Actor
}

// Find returns the stances in doc. speaker is the document's own voice
// (the actor first-person statements outside quotations belong to), or nil
// when unknown.
func (f *Finder) Find(doc *corpus.Annotated, speaker *corpus.Actor) []corpus.Stance {
	f.doc = doc
	f.speaker = f.speaker[:0]
	if speaker != nil {
		f.speaker = append(f.speaker, *speaker)
	}
	f.cover = f.cover[:0]
	for range doc.Tokens {
		f.cover = append(f.cover, -1)
	}
	for i, a := range doc.Actors {
		if a.Location {
			continue
		}
		for t := a.First; t < a.Last; t++ {
			f.cover[t] = i
		}
	}
	f.quotes = f.findQuotes()
	f.out = nil
	for si, s := range doc.Sentences {
		f.si = si
		start := len(f.out)
		f.occs = f.cues(s)
		for _, o := range f.occs {
			f.attribute(si, s, o)
		}
		f.dedupe(start)
	}
	return f.out
}

// An occurrence is a cue found in the text: its words are tokens
// first..last-1, head is the verb, noun or adjective that carries it.
type occurrence struct {
	c           *cue
	first, last int
	head        int
	noun        int // the noun of a light-verb cue
}

// cues finds the cue occurrences of a sentence, longest first, without
// overlaps.
func (f *Finder) cues(s corpus.Sentence) []occurrence {
	found := f.occs[:0] // the previous sentence's are done with
	used := func(o occurrence) bool {
		for _, p := range found {
			if o.first < p.last && p.first < o.last {
				return true
			}
		}
		return false
	}
	cands := f.cands[:0]
	for i := s.First; i < s.Last; i++ {
		for _, c := range f.x.cuesOf(f.stem(i)) {
			if o, ok := f.match(c, i, s); ok {
				cands = append(cands, o)
			}
		}
	}
	// Light-verb and multiword cues before single words, then text order.
	slices.SortStableFunc(cands, func(a, b occurrence) int {
		if la, lb := len(a.c.words), len(b.c.words); la != lb {
			return lb - la
		}
		return a.first - b.first
	})
	for _, o := range cands {
		if !used(o) {
			found = append(found, o)
		}
	}
	f.cands = cands
	slices.SortFunc(found, func(a, b occurrence) int { return a.first - b.first })
	return found
}

// match checks whether cue c occurs with its first word at token i.
func (f *Finder) match(c *cue, i int, s corpus.Sentence) (occurrence, bool) {
	o := occurrence{c: c, first: i, head: i, noun: -1}
	tag := f.tag(i)
	switch c.pos {
	case Noun:
		if !f.nounLike(i, s) || agentNoun(f.lower(i), c.text) {
			return o, false
		}
		o.last, o.noun = i+1, i
		return o, true
	case Verb, Light:
		if !isVerbTag(tag) && !(f.verbTaggedAsNoun(i, s) && !agentNoun(f.lower(i), strings.Fields(c.text)[0])) {
			return o, false
		}
	case Adj:
		if !(tag == "JJ" || tag == "VBN" || tag == "VBD" || tag == "RB") || !f.afterCopula(i, s) {
			return o, false
		}
	}
	j := i + 1
	for k, w := range c.words[1:] {
		last := k == len(c.words)-2
		skipped := 0
		for j < s.Last && !f.is(j, w) {
			// Between the words: an object pronoun before a particle
			// ("rule it out"), determiners and adjectives before a
			// light verb's noun ("issued an ultimatum").
			t := f.tag(j)
			ok := t == "RB" || t == "PRP" || t == "DT" || t == "PRP$" || timeWords[f.lower(j)]
			switch c.pos {
			case Light:
				// Modifiers of the noun: "held a telephone conversation",
				// "held an extensive and productive meeting".
				ok = ok || t == "JJ" || t == "CD" || t == "VBN" || t == "VBG" || t == "JJR" || t == "CC" || (isNounTag(t) || t == "NNP") && last
			case Verb:
				// A named object before a particle: "provided Ukraine with".
				ok = ok || (t == "NNP" || t == "NNPS") && f.cover[j] >= 0
			}
			if !ok || skipped == 4 {
				return o, false
			}
			skipped++
			j++
		}
		if j >= s.Last {
			return o, false
		}
		if c.pos == Light && last {
			if !f.nounLike(j, s) {
				return o, false
			}
			o.noun = j
		}
		j++
	}
	o.last = j
	// "seeks to avoid", "hopes to convince": a verb that is a modality
	// marker before an infinitive qualifies the verb after it and takes
	// no stance of its own.
	if c.pos == Verb && len(c.words) == 1 && j < s.Last && f.lower(j) == "to" && f.modalEnding(j) != nil {
		return o, false
	}
	return o, true
}

// nounLike reports whether token i heads a noun phrase: a noun, or a word
// the tagger took for an adjective or proper noun that no noun follows
// ("issued an ultimatum/JJ to Russia").
func (f *Finder) nounLike(i int, s corpus.Sentence) bool {
	switch f.tag(i) {
	case "NN", "NNS":
		return true
	case "JJ", "NNP":
		return i+1 >= s.Last || !isNounTag(f.tag(i+1)) && f.tag(i+1) != "NNP"
	}
	return false
}

// verbTaggedAsNoun accepts a plural noun right after an actor as a verb:
// the tagger reads "Ukraine demands an unconditional ceasefire" as a noun
// phrase more often than not.
func (f *Finder) verbTaggedAsNoun(i int, s corpus.Sentence) bool {
	if f.tag(i) != "NNS" || i == s.First || i+1 >= s.Last {
		return false
	}
	prev := i - 1
	for prev > s.First && strings.HasPrefix(f.tag(prev), "RB") { // "Russia now seeks"
		prev--
	}
	if f.cover[prev] < 0 && f.tag(prev) != "PRP" {
		return false
	}
	next := f.tag(i + 1)
	return next == "DT" || next == "JJ" || next == "IN" || next == "TO" || isNounTag(next) || next == "PRP$"
}

// afterCopula reports whether the adjective at i follows a form of "be"
// or a linking verb, across adverbs and negation: "is not prepared to".
func (f *Finder) afterCopula(i int, s corpus.Sentence) bool {
	for j := i - 1; j >= s.First; j-- {
		w := f.lower(j)
		switch {
		case copulas[w]:
			return true
		case f.tag(j) == "RB" || negations[w]:
			continue
		}
		return false
	}
	return false
}

func (f *Finder) tag(i int) string   { return f.doc.Tokens[i].Tag }
func (f *Finder) text(i int) string  { return f.doc.TokenText(i) }
func (f *Finder) lower(i int) string { return f.doc.TokenLower(i) }

// stem returns the stem of token i, or its lower-case text for words the
// stemmer leaves out.
func (f *Finder) stem(i int) string {
	if st := f.doc.Tokens[i].Stem; st != "" {
		return st
	}
	return f.lower(i)
}

// is reports whether token i is the word with stem w.
func (f *Finder) is(i int, w string) bool { return f.stem(i) == w || f.lower(i) == w }

// agentNoun reports whether word names people who do the act rather than
// the act ("supporters", "critics", "negotiators"), which share a stem with
// the cue word base ("support"): unless it is the cue itself ("offers").
func agentNoun(word, base string) bool {
	w := strings.TrimSuffix(word, "s")
	if w == base {
		return false
	}
	for _, suf := range []string{"er", "or", "ist", "ic"} {
		if strings.HasSuffix(w, suf) && !strings.HasSuffix(base, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") }
func isNounTag(t string) bool { return t == "NN" || t == "NNS" }
