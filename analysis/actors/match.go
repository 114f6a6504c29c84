package actors

import (
	"slices"
	"strings"

	"github.com/standpoint/standpoint/analysis/internal/cache"
	"github.com/standpoint/standpoint/analysis/tag"
	"github.com/standpoint/standpoint/corpus"
)

// A Matcher finds actor mentions in annotated documents. It holds buffers,
// so each worker owns one; the Dictionary behind it is shared.
type Matcher struct {
	dict    *Dictionary
	unknown bool
	keys    []string             // per token of the document: its key,
	lowers  []string             // and its key in lower case
	ner     *nerScorer           // made on the first name that needs it
	typed   *cache.Cache[string] // what the entity model made of a window
	window  []byte
	covered []bool // per token of the document: in a known actor's mention
	// Scratch of unknownNames: the persons of the document, and the words
	// of a name.
	people []corpus.Actor
	words  []string
	// rewritten holds the keys of the words that differ from their key,
	// mostly those with a curly apostrophe: frequent, and made anew by
	// every call to Sanitize.
	rewritten *cache.Cache[string]
}

// typedCacheSize is the size of a Matcher's cache of typed windows.
const typedCacheSize = 1 << 12

// rewrittenCacheSize is the size of a Matcher's cache of rewritten keys.
const rewrittenCacheSize = 1 << 12

// NewMatcher returns a Matcher for d. With unknown set, capitalised names
// the dictionary lacks become actors of their own.
func (d *Dictionary) NewMatcher(unknown bool) *Matcher {
	return &Matcher{dict: d, unknown: unknown, typed: cache.New[string](typedCacheSize),
		rewritten: cache.New[string](rewrittenCacheSize)}
}

// Match returns the actor mentions of doc, in text order. Persons resolve
// to the country or organisation they served on the document's date.
func (m *Matcher) Match(doc *corpus.Annotated) []corpus.Actor { return m.MatchInto(nil, doc) }

// MatchInto is Match that puts the mentions in the memory of buf, whose
// contents it drops: an annotator reuses it from one document to the next.
func (m *Matcher) MatchInto(buf []corpus.Actor, doc *corpus.Annotated) []corpus.Actor {
	// News text has a mention every thirty tokens or so: room for a few
	// more than that, known and unknown, saves growing the slice step by
	// step.
	out := slices.Grow(buf[:0], len(doc.Tokens)/24+4)
	m.keys, m.lowers = slices.Grow(m.keys[:0], len(doc.Tokens)), slices.Grow(m.lowers[:0], len(doc.Tokens))
	for i := range doc.Tokens {
		w, lower := doc.TokenText(i), doc.TokenLower(i)
		k := m.key(w)
		m.keys = append(m.keys, k)
		if lower != w {
			k = m.key(lower)
		}
		m.lowers = append(m.lowers, k)
	}
	for _, s := range doc.Sentences {
		for i := s.First; i < s.Last; {
			end, h, ok := m.longest(i, s.Last)
			if !ok {
				i++
				continue
			}
			if a, ok := m.mention(doc, s, i, end, h); ok {
				out = append(out, a)
				i = a.Last
				continue
			}
			i = end
		}
	}
	if m.unknown {
		out = m.unknownNames(doc, out)
	}
	if len(out) == 0 {
		return nil // as before the room was made: no actors is nil
	}
	return out
}

// key returns key(w), from the Matcher's memory when it differs from w.
func (m *Matcher) key(w string) string {
	if tag.Sanitized(w) {
		return w
	}
	if k, ok := m.rewritten.Get(w); ok {
		return k
	}
	k := key(w)
	m.rewritten.Put(strings.Clone(w), k)
	return k
}

// longest finds the longest alias starting at token i, not past last.
func (m *Matcher) longest(i, last int) (end int, h hit, ok bool) {
	// Most tokens start no alias: the filter tells without a lookup.
	if !m.dict.firsts.May(m.keys[i]) && !m.dict.firsts.May(m.lowers[i]) {
		return 0, hit{}, false
	}
	n := m.dict.root
	for j := i; j < last; j++ {
		c := n.next[m.keys[j]]
		if c == nil && m.lowers[j] != m.keys[j] {
			// Aliases written in lower case ("European allies") match
			// any case.
			c = n.next[m.lowers[j]]
		}
		if c == nil {
			break
		}
		n = c
		if len(n.hits) > 0 {
			end, h, ok = j+1, n.hits[0], true
		}
	}
	return end, h, ok
}

// mention builds the mention of the alias at tokens [i, end), widened to
// the titles, articles and group nouns around it, or reports false when the
// alias is not used as an actor there (a demonym as a plain adjective).
func (m *Matcher) mention(doc *corpus.Annotated, s corpus.Sentence, i, end int, h hit) (corpus.Actor, bool) {
	e := &m.dict.entries[h.entry]
	first, last := i, end
	location := false
	switch {
	case h.via == viaDemonym:
		// "Russian officials", "the Ukrainian government": the group
		// noun makes the demonym an actor; so does a plural or
		// nominal use ("Ukrainians", "the British").
		if last < s.Last && groupNouns[m.lowers[last]] {
			last++
		} else if !nominalDemonym(doc, s, i, end) {
			if p, ok := m.titledPerson(doc, s, i, end); ok {
				return p, true
			}
			return corpus.Actor{}, false
		}
	case e.Type == Person:
		// "Donald J. Trump", "Joseph R. Biden, Jr.": a middle initial
		// and a generational suffix belong to the name.
		if first-2 >= s.First && isInitial(m.keys[first-1]) && strings.HasPrefix(e.Name, m.keys[first-2]+" ") {
			first -= 2
		}
		if last+1 < s.Last && m.keys[last] == "," && suffixes[m.keys[last+1]] {
			last += 2
		} else if last < s.Last && suffixes[m.keys[last]] {
			last++
		}
		first = m.titleStart(s, first)
	default:
		if last < s.Last && groupNouns[m.lowers[last]] && h.via != viaInstitution {
			last++
		}
		if h.via == viaName || h.via == viaAlias || h.via == viaCapital {
			location = m.placeOnly(s, first)
		}
	}
	if first > s.First && isThe(m.keys[first-1]) {
		first--
	}
	who := e
	if e.Type == Person {
		if r, ok := m.dict.resolve(e, doc.Date); ok {
			who = r
		}
	}
	a := corpus.Actor{
		ID:         who.ID,
		Name:       who.Name,
		Type:       who.Type,
		Text:       doc.Text[doc.Tokens[first].Start:doc.Tokens[last-1].End],
		Start:      doc.Tokens[first].Start,
		End:        doc.Tokens[last-1].End,
		First:      first,
		Last:       last,
		Entry:      e.ID,
		Via:        h.via,
		Location:   location,
		Possessive: last < s.Last && isPossessive(m.keys[last]),
	}
	if first < i && h.via != viaDemonym && e.Type == Person {
		a.Via = "title"
	}
	return a, true
}

// titledPerson handles a demonym that opens a title before a person's
// name: "Russian Foreign Minister Sergei Lavrov".
func (m *Matcher) titledPerson(doc *corpus.Annotated, s corpus.Sentence, i, end int) (corpus.Actor, bool) {
	j := end
	for j < s.Last && titleWords[m.lowers[j]] {
		j++
	}
	if j == end || j >= s.Last {
		return corpus.Actor{}, false
	}
	pend, h, ok := m.longest(j, s.Last)
	if !ok || m.dict.entries[h.entry].Type != Person {
		return corpus.Actor{}, false
	}
	a, ok := m.mention(doc, s, j, pend, h)
	if !ok {
		return a, false
	}
	first := i
	if first > s.First && isThe(m.keys[first-1]) {
		first--
	}
	a.First, a.Start = first, doc.Tokens[first].Start
	a.Text = doc.Text[a.Start:a.End]
	a.Via = "title"
	return a, true
}

// titleStart widens a person's mention back over the titles before the
// name ("President Zelensky", "Trump’s special envoy, Steven Witkoff"). A
// country before the title is a mention of its own.
func (m *Matcher) titleStart(s corpus.Sentence, first int) int {
	j := first
	if j-2 >= s.First && m.keys[j-1] == "," && titleWords[m.lowers[j-2]] {
		j--
	}
	for j > s.First && titleWords[m.lowers[j-1]] {
		j--
	}
	// A title word must not be left dangling at the start: "of" alone.
	for j < first && (m.keys[j] == "of" || m.keys[j] == ",") {
		j++
	}
	return j
}

// placeOnly reports whether the name at token first is used as a place:
// after a locative preposition ("talks in Istanbul"), or after "to" or
// "from" following a verb of motion ("returned to Moscow").
func (m *Matcher) placeOnly(s corpus.Sentence, first int) bool {
	j := first - 1
	if j >= s.First && isThe(m.keys[j]) {
		j--
	}
	if j < s.First {
		return false
	}
	p := m.lowers[j]
	if locatives[p] {
		return true
	}
	if (p == "to" || p == "from") && j-1 >= s.First {
		return motionVerbs[m.lowers[j-1]]
	}
	return false
}

// nominalDemonym reports whether a demonym names people rather than
// qualifying a noun: "Ukrainians", "the Russians", "the British".
func nominalDemonym(doc *corpus.Annotated, s corpus.Sentence, i, end int) bool {
	t := doc.Tokens[end-1]
	if t.Tag == "NNS" || t.Tag == "NNPS" {
		return true
	}
	if i > s.First && isThe(key(doc.TokenText(i-1))) {
		if end == s.Last {
			return true
		}
		next := doc.Tokens[end].Tag
		return !strings.HasPrefix(next, "NN") && !strings.HasPrefix(next, "JJ")
	}
	return false
}

func isThe(k string) bool { return k == "the" || k == "The" || k == "THE" }

func isPossessive(k string) bool {
	return k == "'s" || k == "'" || k == "'S"
}

// isInitial reports whether k is an initial such as "J.".
func isInitial(k string) bool {
	return len(k) == 2 && k[1] == '.' && k[0] >= 'A' && k[0] <= 'Z'
}

// suffixes follow a person's name.
var suffixes = map[string]bool{"Jr.": true, "Sr.": true, "II": true, "III": true}
