package stance

import (
	"sort"
	"strings"

	"github.com/standpoint/standpoint/corpus"
)

// pronoun resolves the pronoun at token j to the actors it stands for:
// first-person pronouns to the speaker (the quoted speaker inside a
// quotation, else the document's own voice); "it" and "its" to the most
// recent actor that is not a person; "he", "his", "she", "her" to the most
// recent person; "they", "their" to the most recent pair of coordinated
// actors or plural group. It returns nil where nothing fits: never a guess.
func (f *Finder) pronoun(s corpus.Sentence, j int) []corpus.Actor {
	w := f.lower(j)
	switch w {
	case "we", "our", "us", "i", "my", "me", "ours":
		if q := f.quoteAt(j); q != nil {
			return q.speaker
		}
		return append([]corpus.Actor(nil), f.speaker...)
	case "it", "its":
		return f.recent(s, j, func(a corpus.Actor) bool { return !f.isPerson(a) })
	case "he", "his", "him", "she", "her":
		return f.recent(s, j, f.isPerson)
	case "they", "their", "them":
		return f.recentPair(s, j)
	}
	return nil
}

// isPerson reports whether a mention names a person (who may act for a
// country).
func (f *Finder) isPerson(a corpus.Actor) bool {
	return a.Type == "person" || a.Via == "title" || a.Entry != "" && a.Entry != a.ID && strings.Contains(a.Entry, "-") && a.Via != "demonym"
}

// recent returns the nearest actor before token j, in this sentence or the
// one before, that satisfies ok.
func (f *Finder) recent(s corpus.Sentence, j int, ok func(corpus.Actor) bool) []corpus.Actor {
	floor := f.sentenceFloor(1)
	for i := f.before(j) - 1; i >= 0; i-- {
		a := f.doc.Actors[i]
		if a.Last > j || a.Location {
			continue
		}
		if a.First < floor {
			break
		}
		if ok(a) {
			return []corpus.Actor{a}
		}
	}
	return nil
}

// recentPair returns the most recent actors coordinated with "and"
// before token j, or a plural group ("Russian officials").
func (f *Finder) recentPair(s corpus.Sentence, j int) []corpus.Actor {
	floor := f.sentenceFloor(1)
	for i := f.before(j) - 1; i >= 0; i-- {
		a := f.doc.Actors[i]
		if a.Last > j || a.Location {
			continue
		}
		if a.First < floor {
			break
		}
		if k := a.First - 1; k > 0 && f.lower(k) == "and" && f.cover[k-1] >= 0 {
			return []corpus.Actor{f.doc.Actors[f.cover[k-1]], a}
		}
		if last := f.doc.Tokens[a.Last-1].Tag; last == "NNS" || last == "NNPS" {
			return []corpus.Actor{a}
		}
	}
	return nil
}

// sentenceFloor returns the first token of the sentence back sentences
// before the sentence at hand.
func (f *Finder) sentenceFloor(back int) int {
	return f.doc.Sentences[max(0, f.si-back)].First
}

// before returns the number of actor mentions that start before token j:
// mentions are in text order, so a scan back from there needs not look at
// the rest of a long document.
func (f *Finder) before(j int) int {
	return sort.Search(len(f.doc.Actors), func(i int) bool { return f.doc.Actors[i].First >= j })
}

// group resolves a phrase for the parties of a conflict or talks ending at
// token j ("both sides", "the two leaders", "the parties"): to the parties
// a colon then names ("rejected by both sides: Moscow called it ...,
// Kyiv ..."), else to the last two distinct countries or groups named in
// this or the two sentences before.
func (f *Finder) group(s corpus.Sentence, j int) ([]corpus.Actor, bool) {
	if j < s.First || j >= s.Last || !partyNouns[f.lower(j)] || j == s.First {
		return nil, false
	}
	if q := f.lower(j - 1); q != "both" && q != "two" && q != "the" {
		return nil, false
	}
	party := func(a corpus.Actor) bool { return !a.Location && (a.Type == "country" || a.Type == "group") }
	if n := f.lower(j); n == "leaders" || n == "presidents" {
		// "the two leaders" are persons, and the countries they lead.
		party = func(a corpus.Actor) bool { return !a.Location && f.isPerson(a) }
	}
	var out []corpus.Actor
	add := func(a corpus.Actor, front bool) {
		for _, b := range out {
			if b.ID == a.ID {
				return
			}
		}
		if front {
			out = append([]corpus.Actor{a}, out...)
		} else {
			out = append(out, a)
		}
	}
	if j+1 < s.Last && f.text(j+1) == ":" {
		for _, a := range f.doc.Actors {
			if a.First > j+1 && a.Last <= s.Last && party(a) && len(out) < 2 {
				add(a, false)
			}
		}
		if len(out) == 2 {
			return out, true
		}
		out = nil
	}
	// The parties named last, nearby; else the first two parties of the
	// document, as in a readout of a call between two leaders.
	floor := f.sentenceFloor(2)
	for i := f.before(j) - 1; i >= 0 && len(out) < 2; i-- {
		a := f.doc.Actors[i]
		if a.First < floor {
			break
		}
		if a.Last <= j && party(a) {
			add(a, true)
		}
	}
	if len(out) < 2 {
		out = nil
		for _, a := range f.doc.Actors {
			if a.Last <= j && party(a) && len(out) < 2 {
				add(a, false)
			}
		}
	}
	if len(out) < 2 {
		return nil, false
	}
	return out, true
}

// role resolves a role noun ending at token j ("the President", "the
// Foreign Minister", "the Government") to the document's own voice, or to
// the country last named in this or the previous sentence.
func (f *Finder) role(s corpus.Sentence, j int) ([]corpus.Actor, bool) {
	if j < s.First || !roleNouns[f.lower(j)] || !startsUpper(f.text(j)) {
		return nil, false
	}
	k := j - 1
	for k >= s.First && (startsUpper(f.text(k)) || f.lower(k) == "of") && !isThe(f.lower(k)) {
		k--
	}
	if k < s.First || !isThe(f.lower(k)) {
		return nil, false
	}
	if len(f.speaker) > 0 {
		return append([]corpus.Actor(nil), f.speaker...), true
	}
	r := f.recent(s, k, func(a corpus.Actor) bool { return a.Type == "country" })
	return r, len(r) > 0
}

func isThe(w string) bool { return w == "the" }

func startsUpper(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// findQuotes finds the quoted passages of the document and who said each:
// an actor with a verb of saying right after the closing quote ("," Lavrov
// said) or before the opening one (Lavrov said: "...").
func (f *Finder) findQuotes() []quote {
	var out []quote
	open := -1
	for i, t := range f.doc.Tokens {
		switch t.Tag {
		case "``":
			open = i
		case "''":
			if open >= 0 {
				q := quote{first: open, last: i + 1}
				q.speaker = f.attribution(open, i)
				out = append(out, q)
				open = -1
			}
		}
	}
	return out
}

// attribution finds the speaker of a quotation from tokens open to close.
func (f *Finder) attribution(open, close int) []corpus.Actor {
	n := len(f.doc.Tokens)
	// After: ", Lavrov said" / "said Lavrov" / "Lavrov told reporters".
	for j := close + 1; j < n && j < close+6; j++ {
		if a := f.cover[j]; a >= 0 {
			m := f.doc.Actors[a]
			if (m.Last < n && sayVerbs[f.lower(m.Last)]) || (j > close+1 && sayVerbs[f.lower(j-1)]) {
				return []corpus.Actor{m}
			}
		}
		if f.tag(j) == "." {
			break
		}
	}
	// Before: "Lavrov said: “...”".
	for j := open - 1; j >= 0 && j > open-6; j-- {
		if sayVerbs[f.lower(j)] && j > 0 && f.cover[j-1] >= 0 {
			return []corpus.Actor{f.doc.Actors[f.cover[j-1]]}
		}
	}
	return nil
}

// quoteAt returns the quotation holding token j, or nil.
func (f *Finder) quoteAt(j int) *quote {
	for i := range f.quotes {
		if f.quotes[i].first < j && j < f.quotes[i].last {
			return &f.quotes[i]
		}
	}
	return nil
}

// target returns the phrase after a cue, from token from to the end of its
// clause, without a leading preposition, and its token range.
func (f *Finder) target(s corpus.Sentence, from int) (string, int, int) {
	j := from
	for j < s.Last && (f.lower(j) == "to" || f.tag(j) == "IN" && targetPreps[f.lower(j)]) && j == from {
		j++
	}
	first := j
	last := j
	for last < s.Last && last-first < 25 {
		w, t := f.lower(last), f.tag(last)
		if t == "," || t == ":" || t == "." || t == "``" || t == "''" || t == "(" || t == ")" || clauseWords[w] {
			break
		}
		if t == "CC" && last+1 < s.Last && f.startsClause(last+1, s) {
			break
		}
		last++
	}
	if last == first {
		return "", first, last
	}
	return f.doc.Text[f.doc.Tokens[first].Start:f.doc.Tokens[last-1].End], first, last
}

// startsClause reports whether a new verb phrase starts at token j after a
// conjunction ("... and is not prepared", "... and firmly refuses").
func (f *Finder) startsClause(j int, s corpus.Sentence) bool {
	for k := j; k < s.Last && k < j+3; k++ {
		t := f.tag(k)
		if isVerbTag(t) && t != "VBG" && t != "VBN" || t == "MD" || f.verbTaggedAsNoun(k, s) {
			return true
		}
		if !strings.HasPrefix(t, "RB") {
			return false
		}
	}
	return false
}

// dedupe drops, among the stances found since index start, repeats of the
// same actor and stance over overlapping evidence, and a noun cue's stance
// inside the target of another stance by the same actor ("will not back
// down from Putin's demands").
func (f *Finder) dedupe(start int) {
	spans := f.lastTarget
	keep := f.out[:start]
	kept := spans[:0]
	for i := start; i < len(f.out); i++ {
		st := f.out[i]
		sp := spanOf(spans, i)
		drop := false
		for k := start; k < len(f.out) && !drop; k++ {
			if k == i {
				continue
			}
			o := f.out[k]
			if o.Actor != st.Actor {
				continue
			}
			osp := spanOf(spans, k)
			if k < i && o.Stance == st.Stance && o.Start < st.End && st.Start < o.End {
				drop = true
			}
			if sp.noun && !osp.noun && osp.first <= sp.head && sp.head < osp.last {
				drop = true
			}
		}
		if !drop {
			keep = append(keep, st)
			kept = append(kept, sp)
		}
	}
	f.out = keep
	f.lastTarget = kept[:0]
}

// A targetSpan records, for stance out, the tokens of its target and its
// cue's head, for dedupe.
type targetSpan struct {
	out         int
	first, last int
	noun        bool
	head        int
}

func spanOf(spans []targetSpan, out int) targetSpan {
	for _, s := range spans {
		if s.out == out {
			return s
		}
	}
	return targetSpan{out: out, first: -1, last: -1, head: -1}
}
