package stance

import (
	"slices"
	"strings"

	"github.com/standpoint/standpoint/corpus"
)

// A chain is what stands between a subject and a cue: auxiliaries,
// adverbs, negation and modality markers ("had begun considering", "is not
// prepared", "is unlikely to").
type chain struct {
	start    int // first token of the chain; the subject ends before it
	negated  bool
	modality string
	passive  bool // a form of "be" before a past participle
	embedded bool // the cue is the complement of another cue ("refuses to discuss")
}

// attribute turns a cue occurrence into stances, one per actor taking it.
func (f *Finder) attribute(si int, s corpus.Sentence, o occurrence) {
	var (
		ch      chain
		actors  []corpus.Actor
		toward  []corpus.Actor
		evStart = f.doc.Tokens[o.first].Start
		evEnd   = f.doc.Tokens[o.last-1].End
	)
	targetFrom := o.last
	switch {
	case o.c.pos == Noun:
		// A noun names a stance only where a named actor owns it ("a
		// U.S. proposal", "Russia's demands") or a verb of announcing or
		// considering governs it ("considering a withdrawal").
		if v, ok := f.governingVerb(s, o.head); ok {
			ch = f.walkChain(s, v)
			if ch.modality == "" {
				ch.modality = f.modalAt(v)
			}
			actors = f.subject(s, ch.start, 0)
			if len(actors) > 0 && ch.start > s.First && f.adjacent(actors, ch.start) {
				evStart = min(evStart, actors[0].Start)
			}
			evStart = min(evStart, f.doc.Tokens[ch.start].Start)
		} else if owner, at := f.owner(s, o.head); len(owner) > 0 && f.tag(at) != "PRP$" {
			// Only a named owner: "its proposals" mostly refers back to
			// an act already reported, "a U.S. proposal" reports one.
			actors = owner
			evStart = min(evStart, f.doc.Tokens[at].Start)
		}
	default:
		ch = f.walkChain(s, o.head)
		if ch.embedded {
			return
		}
		var agent []corpus.Actor
		agentEnd := o.last
		if o.c.pos != Adj && f.tag(o.head) == "VBN" && (ch.passive || f.reducedRelative(s, ch.start)) {
			agent, agentEnd = f.agent(s, o.last)
			if len(agent) == 0 && ch.passive {
				return // an agentless passive names no actor
			}
		}
		if len(agent) > 0 {
			actors = agent
			evEnd = f.doc.Tokens[agentEnd-1].End
			toward = f.patient(s, ch.start)
			if len(toward) > 0 && f.adjacent(toward, ch.start) {
				evStart = min(evStart, toward[0].Start)
			}
			targetFrom = agentEnd
		} else {
			actors = f.subject(s, ch.start, 0)
			evStart = min(evStart, f.doc.Tokens[ch.start].Start)
			if len(actors) > 0 && f.adjacent(actors, ch.start) {
				evStart = min(evStart, actors[0].Start)
			}
		}
		if o.noun >= 0 {
			targetFrom = o.noun + 1
		}
	}
	if len(actors) == 0 || f.subjunctive(actors, o) {
		return
	}
	stance, negated := o.c.stance, ch.negated
	if negated && o.c.negated != "" {
		stance = o.c.negated
	}
	if stance == None {
		return
	}
	cat := f.x.categories[stance]
	score := cat.Score
	switch {
	case negated && o.c.negated == "":
		score = 0 // a stance denied signals neither cooperation nor conflict
	case !negated && o.c.score != nil:
		score = *o.c.score
	}
	target, tFirst, tLast := f.target(s, targetFrom)
	if len(toward) == 0 {
		toward = f.actorsIn(tFirst, tLast)
	}
	for _, a := range dedupeActors(actors) {
		st := corpus.Stance{
			Sentence:  si,
			Start:     evStart,
			End:       evEnd,
			Actor:     a.ID,
			ActorName: a.Name,
			ActorText: a.Text,
			Stance:    stance,
			Cue:       o.c.text,
			Negated:   negated,
			Modality:  ch.modality,
			Target:    target,
			Toward:    ids(toward, a.ID),
			Cameo:     cat.Cameo,
			Score:     score,
		}
		f.out = append(f.out, st)
		f.lastTarget = append(f.lastTarget, targetSpan{len(f.out) - 1, tFirst, tLast, o.c.pos == Noun, o.head})
	}
}

// subjunctive reports whether the cue is the verb of a that-clause
// complementing another cue: in "his demand that Ukraine withdraw", the
// withdrawal is what is demanded, not a stance of Ukraine.
func (f *Finder) subjunctive(actors []corpus.Actor, o occurrence) bool {
	if o.c.pos == Noun || f.tag(o.head) != "VB" && f.tag(o.head) != "VBP" {
		return false
	}
	that := actors[0].First - 1
	if that < 1 || f.lower(that) != "that" {
		return false
	}
	for _, p := range f.occs {
		if p.head == that-1 || p.last == that {
			return true
		}
	}
	return false
}

// walkChain walks left from the verb or adjective at head over the chain
// before it and reports where the subject must end.
func (f *Finder) walkChain(s corpus.Sentence, head int) chain {
	ch := chain{start: head}
	sawBe := false
	j := head - 1
	for j >= s.First {
		w, t := f.lower(j), f.tag(j)
		if f.cover[j] >= 0 {
			// An actor ends the chain whatever its tag: the tagger
			// sometimes reads a name at the start of a sentence as an
			// adverb.
			ch.start = j + 1
			ch.passive = sawBe
			return ch
		}
		switch {
		case negations[w]:
			ch.negated = true
		case w == "longer" && j > s.First && f.lower(j-1) == "no":
			ch.negated = true
			j--
		case t == "MD":
			if ch.modality == "" {
				ch.modality = w
			}
		case strings.HasPrefix(t, "RB") && !negations[w]:
		case beForms[w]:
			sawBe = true
		case copulas[w] && isVerbTag(t):
			// "remains committed to": a linking verb before an adjective.
		case haveForms[w] || doForms[w]:
		case aspectVerbs[f.stem(j)] && isVerbTag(t):
		case f.modalEnding(j) != nil:
			m, first := f.modalEnding(j), f.modalStart(j)
			if ch.modality == "" {
				ch.modality = m.value
			}
			ch.negated = ch.negated || m.negates
			j = first
		case w == "to":
			// An infinitive: the complement of a control verb
			// ("continues to arm"), or of another cue ("refuses to
			// discuss"), possibly across its object ("urging Putin to
			// attend").
			v := f.verbBefore(s, j)
			if v < 0 {
				ch.start = j + 1
				return ch
			}
			if f.readiness(v, s) {
				// "is ready to negotiate": the readiness qualifies the
				// verb; "is not ready to negotiate" is a rejection, found
				// at the adjective.
				sub := f.walkChain(s, v)
				if sub.negated {
					ch.embedded = true
					return ch
				}
				if ch.modality == "" {
					ch.modality = "ready"
				}
				sub.modality = ch.modality
				sub.negated = ch.negated
				return sub
			}
			if f.isCueVerb(v, s) {
				ch.embedded = true
				return ch
			}
			j = v
			continue
		default:
			ch.start = j + 1
			ch.passive = sawBe
			return ch
		}
		j--
	}
	ch.start = s.First
	ch.passive = sawBe
	return ch
}

// verbBefore finds the verb an infinitive at token to depends on: right
// before it, or before a short object ("urging Putin to").
func (f *Finder) verbBefore(s corpus.Sentence, to int) int {
	for j, n := to-1, 0; j >= s.First && n < 5; j, n = j-1, n+1 {
		t := f.tag(j)
		if isVerbTag(t) || t == "JJ" && f.isCueAdj(j) {
			return j
		}
		// Objects and places between a verb and its purpose: "urging
		// Putin to attend", "flew to Washington to press for".
		if !(isNounTag(t) || t == "NNP" || t == "NNPS" || t == "PRP" || t == "DT" || t == "JJ" || t == "POS" || t == "RB" || t == "TO" || t == "IN") {
			return -1
		}
	}
	return -1
}

// isCueVerb reports whether the verb at v is itself a cue whose
// complement an infinitive is.
func (f *Finder) isCueVerb(v int, s corpus.Sentence) bool {
	for _, c := range f.x.cuesOf(f.stem(v)) {
		if c.pos == Verb || c.pos == Adj {
			if _, ok := f.match(c, v, s); ok {
				return true
			}
		}
	}
	return false
}

// readiness reports whether token v is an adjective cue that takes no
// stance unless negated ("ready to", "prepared to", "willing to").
func (f *Finder) readiness(v int, s corpus.Sentence) bool {
	for _, c := range f.x.cuesOf(f.stem(v)) {
		if c.pos == Adj && c.stance == None {
			if _, ok := f.match(c, v, s); ok {
				return true
			}
		}
	}
	return false
}

// isCueAdj reports whether the adjective at j may open an adjectival cue.
func (f *Finder) isCueAdj(j int) bool {
	for _, c := range f.x.cuesOf(f.stem(j)) {
		if c.pos == Adj {
			return true
		}
	}
	return false
}

// modalEnding returns the modality marker whose last word is token j, or
// nil. A marker of several words must match backwards from j.
func (f *Finder) modalEnding(j int) *modal {
	for _, m := range f.x.modals[f.stem(j)] {
		if f.modalMatches(m, j) {
			return m
		}
	}
	return nil
}

func (f *Finder) modalMatches(m *modal, j int) bool {
	k := j
	for w := len(m.words) - 1; w >= 0; w-- {
		for k >= 0 && !f.is(k, m.words[w]) {
			// A form of "be" may stand inside a marker given without
			// it ("unlikely to" in "is unlikely to").
			return false
		}
		if k < 0 {
			return false
		}
		k--
	}
	return true
}

func (f *Finder) modalStart(j int) int {
	m := f.modalEnding(j)
	return j - len(m.words) + 1
}

// modalAt returns the modality a single verb marks ("considering"), or "".
func (f *Finder) modalAt(v int) string {
	for _, m := range f.x.modals[f.stem(v)] {
		if len(m.words) == 1 {
			return m.value
		}
	}
	return ""
}

// governingVerb finds a verb of announcing or considering that governs the
// noun at n across determiners and adjectives ("had begun considering a
// withdrawal", "announced its withdrawal").
func (f *Finder) governingVerb(s corpus.Sentence, n int) (int, bool) {
	for j, k := n-1, 0; j >= s.First && k < 5; j, k = j-1, k+1 {
		t := f.tag(j)
		if isVerbTag(t) {
			st := f.stem(j)
			if announceVerbs[st] {
				return j, true
			}
			// "considering a withdrawal" is the subject's own; "would
			// consider any proposal" is weighing someone else's.
			return j, f.modalAt(j) != "" && f.ownDeterminer(j+1, n)
		}
		if !(t == "DT" || t == "JJ" || t == "PRP$" || t == "CD" || t == "JJR" || t == "RB" || t == "VBN" || t == "NN") {
			return 0, false
		}
	}
	return 0, false
}

// ownDeterminer reports whether the noun phrase of tokens from..n-1 before
// the noun at n has no determiner, or an indefinite or possessive one.
func (f *Finder) ownDeterminer(from, n int) bool {
	for j := from; j < n; j++ {
		switch f.lower(j) {
		case "a", "an", "its", "his", "her", "their", "our", "my", "own":
			return true
		}
		if t := f.tag(j); t == "DT" || t == "POS" || f.cover[j] >= 0 {
			return false
		}
	}
	return true
}

// owner finds the actor owning the noun at n: a possessive or an actor
// used as a modifier, across adjectives ("a final U.S. proposal", "its
// demands"). It returns the owner and the token its mention starts at.
func (f *Finder) owner(s corpus.Sentence, n int) ([]corpus.Actor, int) {
	j := n - 1
	for j >= s.First && (f.tag(j) == "JJ" || f.tag(j) == "VBN" || f.tag(j) == "JJR" || f.tag(j) == "CD") {
		j--
	}
	if j < s.First {
		return nil, 0
	}
	if f.tag(j) == "POS" {
		j--
	}
	if j < s.First {
		return nil, 0
	}
	if a := f.cover[j]; a >= 0 {
		m := f.doc.Actors[a]
		// "its NATO bid": an actor naming the kind of thing gives way to
		// the possessor before it.
		if k := m.First - 1; k >= s.First && !m.Possessive {
			if f.tag(k) == "PRP$" {
				return f.pronoun(s, k), k
			}
			if f.tag(k) == "POS" && k-1 >= s.First && f.cover[k-1] >= 0 {
				p := f.doc.Actors[f.cover[k-1]]
				return []corpus.Actor{p}, p.First
			}
		}
		return []corpus.Actor{m}, m.First
	}
	if f.tag(j) == "PRP$" {
		return f.pronoun(s, j), j
	}
	return nil, 0
}

// subject finds the actors that are the subject of a clause whose verb
// chain starts at token at.
func (f *Finder) subject(s corpus.Sentence, at int, depth int) []corpus.Actor {
	j := at - 1
	if j < s.First || depth > 3 {
		return nil
	}
	if a := f.cover[j]; a >= 0 {
		return f.compound(s, f.doc.Actors[a])
	}
	w, t := f.lower(j), f.tag(j)
	if g, ok := f.group(s, j); ok {
		return g
	}
	if r, ok := f.role(s, j); ok {
		return r
	}
	if officials[w] {
		// "Turkey's foreign minister", "the Kremlin's spokesman": an
		// official speaks for the owner.
		if owner, _ := f.owner(s, j); len(owner) > 0 {
			return owner
		}
	}
	switch {
	case t == "PRP":
		return f.pronoun(s, j)
	case w == "which" || w == "who" || w == "that":
		k := j - 1
		if k >= s.First && f.lower(k) == "," {
			k--
		}
		if k >= s.First && f.cover[k] >= 0 {
			return f.compound(s, f.doc.Actors[f.cover[k]])
		}
		return nil
	case w == "," || w == "—" || w == "–" || w == ")" || w == "--":
		// A parenthesis between subject and verb: an apposition or a
		// relative clause ("The United States, which launched the
		// initiative, has withdrawn"; "Ukraine—backed by the EU—issued").
		if open := f.opening(s, j); open > s.First {
			if r := f.subject(s, open, depth+1); len(r) > 0 {
				return r
			}
		}
		// A participle clause after the main clause ("responded with a
		// counteroffer—urging Putin to attend"): its subject is the main
		// clause's.
		return f.previousClauseSubject(s, j, depth)
	case t == "CC":
		// Verbs that share a subject: "demands X and firmly refuses Y".
		return f.previousClauseSubject(s, j, depth)
	}
	return nil
}

// previousClauseSubject finds the subject of the last finite verb before
// token j.
func (f *Finder) previousClauseSubject(s corpus.Sentence, j, depth int) []corpus.Actor {
	for k := j - 1; k >= s.First; k-- {
		t := f.tag(k)
		if t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" || t == "VBN" && k > s.First && (haveForms[f.lower(k-1)] || beForms[f.lower(k-1)]) {
			ch := f.walkChain(s, k)
			return f.subject(s, ch.start, depth+1)
		}
	}
	return nil
}

// opening finds the punctuation that opens the parenthesis closed at j.
func (f *Finder) opening(s corpus.Sentence, j int) int {
	closer := f.text(j)
	want := closer
	if closer == ")" {
		want = "("
	}
	for k := j - 1; k >= s.First && j-k < 30; k-- {
		if f.text(k) == want {
			return k
		}
	}
	return -1
}

// compound extends the subject a to the actors coordinated before it:
// "Kyiv and its European allies".
func (f *Finder) compound(s corpus.Sentence, a corpus.Actor) []corpus.Actor {
	out := []corpus.Actor{a}
	j := a.First - 1
	for j >= s.First {
		for j >= s.First && (f.tag(j) == "PRP$" || f.tag(j) == "JJ" || f.tag(j) == "DT") {
			j--
		}
		// "Trump and Ukraine's President Zelenskyy": the possessor is
		// part of the conjunct.
		if j > s.First && f.tag(j) == "POS" && f.cover[j-1] >= 0 {
			j = f.doc.Actors[f.cover[j-1]].First - 1
		}
		if j < s.First || !(f.lower(j) == "and" || f.lower(j) == "," || f.lower(j) == "or") {
			break
		}
		j--
		if j < s.First || f.cover[j] < 0 {
			break
		}
		b := f.doc.Actors[f.cover[j]]
		out = append([]corpus.Actor{b}, out...)
		j = b.First - 1
	}
	return out
}

// agent finds the actors after "by" (or "from") following a passive cue
// ending at token end, and where the agent ends.
func (f *Finder) agent(s corpus.Sentence, end int) ([]corpus.Actor, int) {
	// "by" may follow other modifiers: "signed on Wednesday in Istanbul by
	// Sybiha and Lavrov".
	j := end
	for n := 0; j < s.Last && f.lower(j) != "by" && n < 8; j, n = j+1, n+1 {
		if t := f.tag(j); t == "," || t == ":" || t == "." || t == "CC" || isVerbTag(t) || t == "MD" {
			return nil, end
		}
	}
	if j >= s.Last || f.lower(j) != "by" {
		return nil, end
	}
	j++
	for j < s.Last && (f.tag(j) == "DT" || f.lower(j) == "both") && f.cover[j] < 0 {
		if g, ok := f.group(s, j+1); ok {
			return g, j + 2
		}
		j++
	}
	if g, ok := f.group(s, j+1); ok {
		return g, j + 2
	}
	var out []corpus.Actor
	for j < s.Last && f.cover[j] >= 0 {
		a := f.doc.Actors[f.cover[j]]
		out = append(out, a)
		j = a.Last
		if j+1 < s.Last && (f.lower(j) == "and" || f.lower(j) == ",") && f.cover[j+1] >= 0 {
			j++
			continue
		}
		break
	}
	return out, j
}

// reducedRelative reports whether a past participle follows its noun
// directly or after a dash or comma: "Ukraine—backed by the EU".
func (f *Finder) reducedRelative(s corpus.Sentence, start int) bool {
	j := start - 1
	if j < s.First {
		return false
	}
	if w := f.text(j); w == "—" || w == "–" || w == "," {
		// "Zelensky's plan, backed by the EU": after a noun phrase.
		return j-1 >= s.First && (f.cover[j-1] >= 0 || isNounTag(f.tag(j-1)) || f.tag(j-1) == "NNP")
	}
	return f.cover[j] >= 0
}

// patient finds the actor a passive is about, before its chain.
func (f *Finder) patient(s corpus.Sentence, start int) []corpus.Actor {
	j := start - 1
	if j >= s.First {
		if w := f.text(j); w == "—" || w == "–" || w == "," {
			j--
		}
	}
	if j >= s.First && f.cover[j] >= 0 {
		return []corpus.Actor{f.doc.Actors[f.cover[j]]}
	}
	if j >= s.First && isNounTag(f.tag(j)) {
		owner, _ := f.owner(s, j)
		return owner
	}
	return nil
}

// adjacent reports whether the first actor's mention ends right before the
// chain, so that the evidence may start at it.
func (f *Finder) adjacent(as []corpus.Actor, start int) bool {
	last := as[len(as)-1]
	return last.Last >= start-1 && last.Last <= start && last.Start <= f.doc.Tokens[start].Start
}

// actorsIn returns the actors mentioned in tokens first..last-1.
func (f *Finder) actorsIn(first, last int) []corpus.Actor {
	var out []corpus.Actor
	for j := first; j < last; {
		c := f.cover[j]
		if c < 0 {
			j++
			continue
		}
		a := f.doc.Actors[c]
		if a.First >= first && a.Last <= last {
			out = append(out, a) // cover holds no locations
		}
		j = a.Last
	}
	return out
}

// ids returns the distinct ids of actors, leaving out self.
func ids(as []corpus.Actor, self string) []string {
	out := []string{}
	for _, a := range as {
		if a.ID != self && !slices.Contains(out, a.ID) {
			out = append(out, a.ID)
		}
	}
	return out
}

// dedupeActors keeps the first mention of each actor.
func dedupeActors(as []corpus.Actor) []corpus.Actor {
	var out []corpus.Actor
	for _, a := range as {
		if !slices.ContainsFunc(out, func(b corpus.Actor) bool { return b.ID == a.ID }) {
			out = append(out, a)
		}
	}
	return out
}
