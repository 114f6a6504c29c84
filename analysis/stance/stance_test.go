package stance_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/analysis/stance"
	"github.com/standpoint/standpoint/corpus"
)

// models are built once for every test of the package.
var models = func() *analysis.Models {
	m, err := analysis.LoadModels()
	if err != nil {
		panic(err)
	}
	entries, err := actors.Default()
	if err != nil {
		panic(err)
	}
	if m.Actors, err = actors.New(entries); err != nil {
		panic(err)
	}
	m.UnknownActors = true
	lex, err := stance.DefaultLexicon()
	if err != nil {
		panic(err)
	}
	if m.Stances, err = stance.New(lex); err != nil {
		panic(err)
	}
	return m
}()

// stances annotates text and renders its stances as
// "ACTOR stance[!][~modality] toward=...", one per stance.
func stances(doc corpus.Document) []string {
	var out []string
	for _, st := range annotate(models, doc) {
		s := st.Actor + " " + st.Stance
		if st.Negated {
			s += "!"
		}
		if st.Modality != "" {
			s += "~" + st.Modality
		}
		if len(st.Toward) > 0 {
			s += " toward=" + strings.Join(st.Toward, ",")
		}
		out = append(out, s)
	}
	return out
}

func TestAttribution(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"active subject", "Russia is demanding recognition of its annexations.", []string{"RUS demand"}},
		{"relative clause between subject and verb", "The United States, which launched the initiative, has withdrawn from the process.", []string{"USA propose", "USA withdraw"}},
		{"apposition between subject and verb", "Turkey, the host of the talks, proposed a joint centre.", []string{"TUR propose"}},
		{"passive with agent", "The plan was rejected by Moscow.", []string{"RUS reject"}},
		{"agentless passive names no one", "The plan was rejected on Friday.", nil},
		{"reduced passive with dashes", "Ukraine—backed by the EU—issued an ultimatum to Russia.", []string{"EU support toward=UKR", "UKR threaten toward=RUS"}},
		{"compound subject", "Kyiv and its European allies formally rejected it.", []string{"UKR reject", "EU reject"}},
		{"compound subject with a possessor", "President Trump and Ukraine’s President Zelenskyy had a phone conversation.", []string{"USA negotiate", "UKR negotiate"}},
		{"a name the tagger misreads still ends the chain", "Russia now seeks a partial reconnection of its banks.", []string{"RUS seek"}},
		{"coordinated verbs share the subject", "Ukraine demands a ceasefire and firmly refuses to discuss concessions.", []string{"UKR demand", "UKR reject"}},
		{"participle clause", "Zelensky responded with a counteroffer—urging Putin to attend in person.", []string{"UKR propose", "UKR appeal toward=RUS"}},
		{"pronoun it", "The Kremlin reverted to a format it had previously proposed.", []string{"RUS propose"}},
		{"pronoun he", "Trump spoke to reporters. He rejected the plan.", []string{"USA reject"}},
		{"both sides", "Witkoff sent a plan to Moscow and Kyiv. It was rejected by both sides.", []string{"USA propose toward=RUS,UKR", "RUS reject", "UKR reject"}},
		{"object is the target actor", "Putin publicly invited Ukraine to direct talks.", []string{"RUS propose toward=UKR"}},
		{"possessed noun", "A final U.S. proposal was addressed to Moscow.", []string{"USA propose toward=RUS"}},
		{"noun without an owner is no act", "Talks moved toward a proposal and a withdrawal.", nil},
		{"noun under a verb of considering", "Washington had begun considering a withdrawal.", []string{"USA withdraw~considered"}},
		{"not prepared to", "Kyiv is not prepared to discuss concessions.", []string{"UKR reject!"}},
		{"will not back down", "The Kremlin will not back down.", []string{"RUS demand!~will"}},
		{"did not rule out", "Trump did not rule out joining the talks.", []string{"USA accept!"}},
		{"unlikely to", "Moscow is unlikely to abandon its strategy.", []string{"RUS withdraw!~unlikely"}},
		{"a complement of a stance verb is its target", "Kyiv refuses to discuss the annexations.", []string{"UKR reject"}},
		{"reported speech keeps the holder", "Putin said Russia would not accept the plan.", []string{"RUS reject!~would"}},
		{"imperative inside an ultimatum is nobody's", "Agree to a ceasefire or face sanctions.", nil},
		{"no actor, no stance", "Each party is seeking to show that the other side rejected it.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stances(corpus.Document{ID: "t", Date: "2025-05-16", Text: tt.text})
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSpeakers(t *testing.T) {
	tests := []struct {
		name string
		doc  corpus.Document
		want []string
	}{
		{"quoted speaker after the quote", corpus.Document{Text: "“We will never accept this,” Lavrov said."}, []string{"RUS reject!~will"}},
		{"quoted speaker before the quote", corpus.Document{Text: "Zelensky said: “We reject any ultimatum.”"}, []string{"UKR reject"}},
		{"document voice from its source", corpus.Document{Source: "President of Russia", Text: "We demand security guarantees."}, []string{"RUS demand"}},
		{"a quotation in a document keeps its own speaker", corpus.Document{Source: "The White House", Text: "“We reject the plan,” Lavrov said. We support Ukraine."}, []string{"RUS reject", "USA support toward=UKR"}},
		{"role noun from the source", corpus.Document{Source: "Office of the President of Ukraine", Text: "The President urged partners to act."}, []string{"UKR appeal"}},
		{"no voice, no first-person stance", corpus.Document{Text: "We demand security guarantees."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.doc.ID, tt.doc.Date = "t", "2025-05-16"
			got := stances(tt.doc)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("%q\n got %q\nwant %q", tt.doc.Text, got, tt.want)
			}
		})
	}
}

// annotate returns the stances of doc under models m.
func annotate(m *analysis.Models, doc corpus.Document) []corpus.Stance {
	return analysis.NewAnnotator(m).Annotate(doc).Stances
}

func TestNotActs(t *testing.T) {
	for _, text := range []string{
		"Trump supporters in Ohio cheered.",
		"Kremlin critics in London met quietly.",
		"Russia would consider any proposal from Kyiv.",
	} {
		got := stances(corpus.Document{ID: "t", Date: "2025-05-16", Text: text})
		for _, g := range got {
			if strings.Contains(g, "support") || strings.Contains(g, "oppose") || strings.Contains(g, "RUS propose") {
				t.Errorf("%q: %q taken for a stance", text, g)
			}
		}
	}
	// The owner of "its NATO bid" is Ukraine, not NATO.
	got := stances(corpus.Document{ID: "t", Date: "2025-05-16", Text: "Kyiv renewed its NATO bid."})
	for _, g := range got {
		if strings.HasPrefix(g, "NATO") {
			t.Errorf("%q: NATO owns Ukraine's bid", g)
		}
	}
}
