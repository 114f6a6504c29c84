package corpus

import "strings"

// Format identifies the annotated-corpus format written by AnnotatedWriter.
// Readers accept any record whose format has this prefix.
const AnnotatedFormat = "standpoint-annotated/1"

// An Annotated document is a Document with the layers the analysis adds:
// tokens, sentences and, from later stages, spans such as actors and stances.
// Layers refer to the text only through byte offsets: token text is
// Text[Start:End] and is never stored twice.
type Annotated struct {
	Format string `json:"format"`
	Document
	Sentences []Sentence `json:"sentences"`
	Tokens    []Token    `json:"tokens"`
	Actors    []Actor    `json:"actors,omitempty"`
	Stances   []Stance   `json:"stances,omitempty"`
}

// A Stance is a stance an actor takes in the text, with its evidence: the
// span Start..End (byte offsets) covers at least the cue.
type Stance struct {
	Sentence  int      `json:"sentence"` // index of the sentence
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Actor     string   `json:"actor"`      // id of the actor taking the stance
	ActorName string   `json:"actor_name"` // its display name
	ActorText string   `json:"actor_text"` // the actor as written (a pronoun, for one resolved)
	Stance    string   `json:"stance"`     // the stance after negation
	Cue       string   `json:"cue"`        // the lexicon cue
	Negated   bool     `json:"negated"`
	Modality  string   `json:"modality,omitempty"`
	Target    string   `json:"target,omitempty"`
	Toward    []string `json:"toward"`
	Cameo     string   `json:"cameo"`
	Score     float64  `json:"score"`
}

// An Actor is a mention of an actor in the text: a country, organisation,
// group or person, or a place named only as a location.
type Actor struct {
	ID    string `json:"id"`    // who acts: a country code, an organisation id, or a person's id
	Name  string `json:"name"`  // the display name of ID
	Type  string `json:"type"`  // country, organisation, group, person
	Text  string `json:"text"`  // the mention as written
	Start int    `json:"start"` // byte offsets of the mention in the text
	End   int    `json:"end"`
	First int    `json:"first"` // its tokens, First up to Last
	Last  int    `json:"last"`
	Entry string `json:"entry"` // the dictionary entry that matched ("" for a name not in the dictionary)
	Via   string `json:"via"`   // what matched: name, alias, capital, demonym, institution, metonym, title, unknown
	// Location is set for a place named only as a place ("talks in
	// Istanbul"): the mention is recorded but takes no stance.
	Location   bool `json:"location,omitempty"`
	Possessive bool `json:"possessive,omitempty"` // followed by 's
}

// A Token is a word, number or punctuation mark of a document.
// Start and End are byte offsets into the document text.
type Token struct {
	Start int
	End   int
	Tag   string // Penn Treebank part-of-speech tag
	Stem  string // Snowball stem of the lower-cased word; empty for punctuation
	// Lower is the token's text in lower case, which the annotator works
	// out once per word type for the stages that match words. It is not
	// written out but worked out again when read back.
	Lower string
}

// A Sentence is a span of the text and the tokens in it: Start and End are
// byte offsets, First and Last the index of its first token and one past its
// last.
type Sentence struct {
	Start int `json:"start"`
	End   int `json:"end"`
	First int `json:"first"`
	Last  int `json:"last"`
}

// TokenText returns the source text of token i.
func (a *Annotated) TokenText(i int) string {
	t := a.Tokens[i]
	return a.Text[t.Start:t.End]
}

// TokenLower returns the text of token i in lower case, from Lower if set.
func (a *Annotated) TokenLower(i int) string {
	if l := a.Tokens[i].Lower; l != "" {
		return l
	}
	return strings.ToLower(a.TokenText(i))
}
