package output

import (
	"encoding/json"
	"io"

	"github.com/standpoint/standpoint/corpus"
)

// A Mention is one line of mentions.jsonl: a stance an actor takes, with
// its evidence. Start and End are byte offsets into the document text of
// the evidence span, which covers at least the cue.
type Mention struct {
	Doc       string   `json:"doc"`
	Date      string   `json:"date,omitempty"`
	Source    string   `json:"source,omitempty"`
	Sentence  int      `json:"sentence"` // index of the sentence in the document
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text"`       // the evidence span
	Actor     string   `json:"actor"`      // the id of the actor taking the stance
	ActorName string   `json:"actor_name"` // its display name
	ActorText string   `json:"actor_text"` // the actor as written
	Stance    string   `json:"stance"`     // the resulting stance, after negation
	Cue       string   `json:"cue"`        // the lexicon cue that matched
	Negated   bool     `json:"negated"`
	Modality  string   `json:"modality,omitempty"`
	Target    string   `json:"target,omitempty"` // what is demanded, rejected, proposed...
	Toward    []string `json:"toward"`           // ids of the actors the stance is aimed at
	Cameo     string   `json:"cameo"`            // CAMEO root code of the stance
	Score     float64  `json:"score"`            // Goldstein cooperation score
}

// MentionsOf returns the stances of doc as mentions.
func MentionsOf(doc *corpus.Annotated) []Mention {
	ms := make([]Mention, 0, len(doc.Stances))
	for _, st := range doc.Stances {
		m := Mention{
			Doc:       doc.ID,
			Date:      doc.Date,
			Source:    doc.Source,
			Sentence:  st.Sentence,
			Start:     st.Start,
			End:       st.End,
			Text:      doc.Text[st.Start:st.End],
			Actor:     st.Actor,
			ActorName: st.ActorName,
			ActorText: st.ActorText,
			Stance:    st.Stance,
			Cue:       st.Cue,
			Negated:   st.Negated,
			Modality:  st.Modality,
			Target:    st.Target,
			Toward:    st.Toward,
			Cameo:     st.Cameo,
			Score:     st.Score,
		}
		if m.Toward == nil {
			m.Toward = []string{}
		}
		ms = append(ms, m)
	}
	return ms
}

// WriteMentions writes mentions as mentions.jsonl lines.
func WriteMentions(w io.Writer, ms []Mention) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range ms {
		if err := enc.Encode(&ms[i]); err != nil {
			return err
		}
	}
	return nil
}
