package actors

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/standpoint/standpoint/corpus"
)

// Types of names the dictionary lacks, besides Person and Organisation.
const Location = "location"

// unknownNames adds the capitalised names the dictionary lacks: runs of
// proper nouns outside quotations that are not a lone capitalised word at
// the start of a sentence, not a month or a day, and not a title. An
// organisation is told by its last word ("Ministry", "Council") or by being
// an acronym, a person by a title before the name; other runs are typed by
// prose's named-entity model, evaluated on a window around the name. Runs no
// rule can type are left out: never guess.
func (m *Matcher) unknownNames(doc *corpus.Annotated, known []corpus.Actor) []corpus.Actor {
	covered := append(m.covered[:0], make([]bool, len(doc.Tokens))...)
	m.covered = covered
	for _, a := range known {
		for i := a.First; i < a.Last; i++ {
			covered[i] = true
		}
	}
	out := known
	people := m.people[:0] // the persons named so far in the document
	for _, s := range doc.Sentences {
		quoted := false
		for i := s.First; i < s.Last; {
			switch doc.Tokens[i].Tag {
			case "``":
				quoted = true
			case "''":
				quoted = false
			}
			if quoted || covered[i] || !isProperNoun(doc, i) {
				i++
				continue
			}
			j := i + 1
			for j < s.Last && !covered[j] && (isCapitalised(doc, j) ||
				isConnector(doc.TokenText(j)) && j+1 < s.Last && !covered[j+1] && isCapitalised(doc, j+1)) {
				j++
			}
			// Titles before the name tell a person; they join the
			// mention but not the name.
			n := i
			for n < j-1 && titleWords[m.lowers[n]] {
				n++
			}
			if t, ok := m.typeName(doc, s, n, j, &people); ok {
				first := i
				if t == Organisation && first > s.First && isThe(m.keys[first-1]) {
					first--
				}
				a := nameMention(doc, first, n, j, t)
				if t == Person {
					if p, ok := fullName(people, a.Name); ok {
						a.ID, a.Name = p.ID, p.Name
					} else {
						people = append(people, a)
					}
				}
				out = append(out, a)
			}
			i = j
		}
	}
	// Both point into the document's text, which goes back to a pool.
	clear(people)
	m.people = people[:0]
	clear(m.words[:cap(m.words)])
	slices.SortStableFunc(out, func(a, b corpus.Actor) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

func isProperNoun(doc *corpus.Annotated, i int) bool {
	t := doc.Tokens[i]
	if t.Tag != "NNP" && t.Tag != "NNPS" {
		return false
	}
	return startsUpper(doc.TokenText(i))
}

// isCapitalised reports whether token i continues a name: a proper noun,
// or a capitalised adjective or noun ("Ministry of Agrarian Policy").
func isCapitalised(doc *corpus.Annotated, i int) bool {
	if isProperNoun(doc, i) {
		return true
	}
	switch doc.Tokens[i].Tag {
	case "JJ", "NN", "NNS":
		return startsUpper(doc.TokenText(i))
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return w != "" && unicode.IsUpper(r)
}

func isConnector(w string) bool { return w == "of" || w == "for" || w == "and" || w == "&" }

// typeName decides the type of the name at tokens [i, j), or reports false.
func (m *Matcher) typeName(doc *corpus.Annotated, s corpus.Sentence, i, j int, people *[]corpus.Actor) (string, bool) {
	words := m.words[:0]
	for k := i; k < j; k++ {
		words = append(words, doc.TokenText(k))
	}
	m.words = words
	lower := m.lowers[j-1]
	if len(words) == 1 && (notNames[lower] || titleWords[lower]) {
		return "", false
	}
	if orgWords[lower] || orgWords[m.lowers[i]] {
		return Organisation, true
	}
	if len(words) == 1 && isAcronym(words[0]) {
		return Organisation, true
	}
	if i == s.First && len(words) == 1 {
		return "", false // "Peace is not getting closer": capitalised by position
	}
	if i > s.First && titleWords[m.lowers[i-1]] && !isAcronym(words[0]) {
		return Person, true
	}
	for _, w := range m.lowers[i:j] {
		if thingWords[w] || notNames[w] {
			return "", false // "the Inflation Reduction Act", "Black Sea", "May 9"
		}
	}
	if len(words) == 1 {
		// A surname alone after the full name is the same person; any
		// other single word is too weak a clue to call an actor.
		_, ok := fullName(*people, words[0])
		return Person, ok
	}
	// Prose's entity model, on a window around the name.
	if m.ner == nil {
		ner, err := loadNER()
		if err != nil {
			return "", false
		}
		m.ner = newNERScorer(ner)
	}
	lo, hi := max(s.First, i-3), min(s.Last, j+2)
	// The model's answer depends on the window alone, and names recur
	// with the words around them ("said Press Secretary Karine
	// Jean-Pierre."): it is remembered by the window's words and tags.
	m.window = m.window[:0]
	for k := lo; k < hi; k++ {
		m.window = append(m.window, doc.TokenText(k)...)
		m.window = append(m.window, 0)
		m.window = append(m.window, doc.Tokens[k].Tag...)
		m.window = append(m.window, 0)
	}
	m.window = binary.AppendUvarint(m.window, uint64(i-lo))
	m.window = binary.AppendUvarint(m.window, uint64(j-lo))
	window := string(m.window)
	if t, ok := m.typed.Get(window); ok {
		return t, t != ""
	}
	t := m.nerType(doc, lo, hi, strings.Join(words, " "), len(words))
	m.typed.Put(window, t)
	return t, t != ""
}

// nerType types the name found in tokens [lo, hi) by prose's entity
// model, or returns "".
func (m *Matcher) nerType(doc *corpus.Annotated, lo, hi int, name string, words int) string {
	for _, e := range m.ner.entities(doc, m.keys, lo, hi) {
		if e.text == name || strings.Contains(e.text, name) {
			switch e.label {
			case "PERSON":
				if words > 1 {
					return Person
				}
			case "GPE":
				return Location
			}
		}
	}
	return ""
}

// fullName finds the person of the document whose full name ends with
// the surname name.
func fullName(people []corpus.Actor, name string) (corpus.Actor, bool) {
	for _, p := range people {
		// HasSuffix of " "+name, without making that string each time.
		if rest, ok := strings.CutSuffix(p.Name, name); ok && strings.HasSuffix(rest, " ") {
			return p, true
		}
	}
	return corpus.Actor{}, false
}

func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// nameMention is the mention of tokens [first, j) whose name proper
// starts at token n, after any article or titles.
func nameMention(doc *corpus.Annotated, first, n, j int, typ string) corpus.Actor {
	start, end := doc.Tokens[first].Start, doc.Tokens[j-1].End
	name := doc.Text[doc.Tokens[n].Start:end]
	return corpus.Actor{
		ID:         slug(name),
		Name:       name,
		Type:       typ,
		Text:       doc.Text[start:end],
		Start:      start,
		End:        end,
		First:      first,
		Last:       j,
		Via:        "unknown",
		Location:   typ == Location,
		Possessive: j < len(doc.Tokens) && isPossessive(key(doc.TokenText(j))),
	}
}

// slug derives an id from a name: lower case, words joined by hyphens.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// orgWords end the names of organisations.
var orgWords = set(
	"ministry", "council", "commission", "committee", "party", "bank", "agency", "group", "union",
	"organization", "organisation", "forces", "army", "court", "fund", "institute", "corporation",
	"company", "association", "alliance", "front", "movement", "parliament", "assembly", "office",
	"department", "service", "services", "command", "brigade", "battalion", "guard", "police",
	"administration", "government", "foundation", "network", "federation", "league", "secretariat",
	"board", "authority", "inc.", "ltd.", "corp.", "co.", "university", "tribunal", "senate", "congress",
)

// thingWords mark capitalised names of laws, plans, events, places and
// buildings, which are not actors.
var thingWords = set(
	"act", "plan", "day", "week", "law", "bill", "agreement", "treaty", "accord", "accords", "initiative",
	"program", "programme", "strategy", "framework", "summit", "conference", "forum", "declaration",
	"order", "room", "building", "street", "avenue", "sea", "ocean", "river", "island", "islands",
	"mountains", "airport", "hall", "center", "centre", "road", "bridge", "coast", "region", "province",
	"county", "city", "package", "deal", "protocol", "charter", "doctrine", "corridor", "war", "games",
	"prize", "award", "month", "year", "era", "format", "process", "talks", "dialogue", "grain",
	"gas", "pipeline", "stream", "base", "port", "plant", "station", "square", "park", "palace", "house",
)

// notNames are capitalised words that are not names of actors.
var notNames = set(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "god", "i", "ok", "tv",
)
