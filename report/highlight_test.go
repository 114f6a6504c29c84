package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/standpoint/standpoint/analysis/stem"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// at returns the span of the first occurrence of sub in s, in bytes.
func at(s, sub string) span {
	i := strings.Index(s, sub)
	if i < 0 {
		panic(sub + " not in " + s)
	}
	return span{i, i + len(sub)}
}

func TestLocate(t *testing.T) {
	tests := []struct {
		name, ctx, evidence, actorText, cue string
		wantCue, wantActor                  string // "" for none
	}{
		{"actor in the evidence", "Moscow demands the reconnection of the bank.", "Moscow demands", "Moscow", "demand", "demands", "Moscow"},
		{"two-word cue", "Foreign Minister Sergei Lavrov insisted on that point.", "Foreign Minister Sergei Lavrov insisted on", "Foreign Minister Sergei Lavrov", "insist on", "insisted on", "Foreign Minister Sergei Lavrov"},
		{"cue with a gap", "Kyiv responded with a counteroffer.", "Kyiv responded with a counteroffer", "Kyiv", "respond with counteroffer", "responded with a counteroffer", "Kyiv"},
		{"irregular verb", "Special envoy Steve Witkoff held talks with both sides.", "Special envoy Steve Witkoff held talks", "Special envoy Steve Witkoff", "hold talks", "held talks", "Special envoy Steve Witkoff"},
		{"negation left out of the cue", "Ukraine is not prepared to trade relief.", "Ukraine is not prepared to", "Ukraine", "prepared to", "prepared to", "Ukraine"},
		{"actor before the evidence", "Turkey, which hosted the sessions, mediated.", "mediated", "Turkey", "mediate", "mediated", "Turkey"},
		{"actor after the evidence", "It was rejected by both Kyiv and Ankara.", "rejected by both Kyiv and Ankara", "Ankara", "reject", "rejected", "Ankara"},
		{"nearest of two occurrences", "Russia spoke; later Russia rejected it.", "rejected", "Russia", "reject", "rejected", "Russia"},
		{"a pronoun is a whole word", "It said it will withdraw.", "will withdraw", "it", "withdraw", "withdraw", "it"},
		{"no pronoun inside a word", "The talks went on without delay and were suspended.", "were suspended", "it", "suspend", "suspended", ""},
		{"speaker quoted elsewhere", "“We reject this,” he said.", "reject", "Zelensky", "reject", "reject", ""},
		{"unknown cue: the evidence less the actor", "Hungary vetoed the package.", "Hungary vetoed", "Hungary", "block", "vetoed", "Hungary"},
		{"unknown cue, actor apart: the evidence", "Hungary, again, vetoed it.", "vetoed it", "Hungary", "block", "vetoed it", "Hungary"},
		{"multibyte text", "Україна — Kyiv’s envoy rejected the plan.", "rejected", "Kyiv", "reject", "rejected", "Kyiv"},
	}
	st := stem.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const ctxStart = 100
			ev := at(tt.ctx, tt.evidence)
			if tt.name == "nearest of two occurrences" {
				i := strings.LastIndex(tt.ctx, tt.evidence)
				ev = span{i, i + len(tt.evidence)}
			}
			m := output.Mention{Start: ctxStart + ev[0], End: ctxStart + ev[1], ActorText: tt.actorText, Cue: tt.cue}
			h := locate(tt.ctx, ctxStart, m, st)
			if h.evidence != ev {
				t.Errorf("evidence %v, want %v", h.evidence, ev)
			}
			if got := tt.ctx[h.cue[0]:h.cue[1]]; got != tt.wantCue {
				t.Errorf("cue %q, want %q", got, tt.wantCue)
			}
			var gotActor string
			if h.actor != noSpan {
				gotActor = tt.ctx[h.actor[0]:h.actor[1]]
			}
			if gotActor != tt.wantActor {
				t.Errorf("actor %q at %v, want %q", gotActor, h.actor, tt.wantActor)
			}
			if tt.name == "nearest of two occurrences" && h.actor[0] != strings.LastIndex(tt.ctx, "Russia") {
				t.Errorf("actor at %v, want the second Russia", h.actor)
			}
		})
	}
}

func TestUTF16Spans(t *testing.T) {
	// The flag is two runes of two UTF-16 units each; "’" is one unit of
	// three bytes; \xff is an invalid byte, one unit once encoded.
	ctx := "🇺🇦 Kyiv’s \xffveto"
	actor, cue := at(ctx, "Kyiv"), at(ctx, "veto")
	utf16Spans(ctx, &actor, &cue)
	if actor != (span{5, 9}) {
		t.Errorf("actor %v, want [5 9]", actor)
	}
	if cue != (span{13, 17}) {
		t.Errorf("cue %v, want [13 17]", cue)
	}
	none := noSpan
	utf16Spans(ctx, &none)
	if none != noSpan {
		t.Errorf("an absent span became %v", none)
	}
}

func TestContext(t *testing.T) {
	text := "Moscow demands relief. Kyiv rejected it outright. Ankara waits."
	sents := []corpus.Sentence{{Start: 0, End: 22}, {Start: 23, End: 49}, {Start: 50, End: 63}}
	rejected := at(text, "rejected")
	tests := []struct {
		name      string
		m         output.Mention
		want      string
		wantStart int
	}{
		{"by its index", output.Mention{Sentence: 1, Start: rejected[0], End: rejected[1], Text: "rejected"}, "Kyiv rejected it outright.", 23},
		{"a wrong index: by its offsets", output.Mention{Sentence: 2, Start: rejected[0], End: rejected[1], Text: "rejected"}, "Kyiv rejected it outright.", 23},
		{"across two sentences", output.Mention{Sentence: 0, Start: 15, End: 27, Text: text[15:27]}, text[0:49], 0},
		{"another text: the evidence alone", output.Mention{Sentence: 1, Start: rejected[0], End: rejected[1], Text: "accepted"}, "accepted", rejected[0]},
		{"past the end: the evidence alone", output.Mention{Start: 60, End: 90, Text: "x"}, "x", 60},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, start := Context(text, sents, tt.m)
			if got != tt.want || start != tt.wantStart {
				t.Errorf("Context = %q at %d, want %q at %d", got, start, tt.want, tt.wantStart)
			}
		})
	}
	if got, _ := Context("", nil, output.Mention{Start: 3, End: 9, Text: "demand"}); got != "demand" {
		t.Errorf("without a text, Context = %q, want the evidence", got)
	}
}

func TestSentencesFindTheAnalysisSentence(t *testing.T) {
	text := "Russia demanded a halt. Ukraine refused, the U.S. said. Talks go on."
	sents := Sentences(text)
	if len(sents) != 3 {
		t.Fatalf("%d sentences, want 3: %+v", len(sents), sents)
	}
	refused := at(text, "refused")
	got, _ := Context(text, sents, output.Mention{Sentence: 1, Start: refused[0], End: refused[1], Text: "refused"})
	if got != "Ukraine refused, the U.S. said." {
		t.Errorf("sentence %q", got)
	}
}

// FuzzLocate checks that any mention, however its offsets and strings
// disagree with the context, gives spans inside the context, in order.
func FuzzLocate(f *testing.F) {
	f.Add("Moscow demands relief.", 0, 14, "Moscow", "demand", 0)
	f.Add("Kyiv’s \xffveto it", 2, 9, "it", "veto it", 3)
	f.Add("", 5, 2, "", "", -4)
	st := stem.New()
	f.Fuzz(func(t *testing.T, ctx string, start, end int, actorText, cue string, ctxStart int) {
		m := output.Mention{Start: start, End: end, ActorText: actorText, Cue: cue, Text: ctx}
		h := locate(ctx, ctxStart, m, st)
		n16 := utf16Len(ctx)
		for name, s := range map[string]*span{"evidence": &h.evidence, "cue": &h.cue, "actor": &h.actor} {
			if *s == noSpan {
				if name != "actor" {
					t.Fatalf("no %s span", name)
				}
				continue
			}
			if s[0] < 0 || s[0] > s[1] || s[1] > len(ctx) {
				t.Fatalf("%s span %v outside 0..%d", name, *s, len(ctx))
			}
			if name == "actor" && ctx[s[0]:s[1]] != actorText {
				t.Fatalf("actor span %v holds %q, not %q", *s, ctx[s[0]:s[1]], actorText)
			}
		}
		utf16Spans(ctx, &h.evidence, &h.cue, &h.actor)
		for _, s := range []span{h.evidence, h.cue, h.actor} {
			if s != noSpan && (s[0] < 0 || s[0] > s[1] || s[1] > n16) {
				t.Fatalf("UTF-16 span %v outside 0..%d", s, n16)
			}
		}
		if utf8.ValidString(ctx) && n16 < utf8.RuneCountInString(ctx) {
			t.Fatalf("%d UTF-16 units for %d runes", n16, utf8.RuneCountInString(ctx))
		}
		// Context never panics on such offsets either.
		Context(ctx, []corpus.Sentence{{Start: 0, End: len(ctx)}}, output.Mention{Start: start, End: end, Text: actorText, Sentence: ctxStart})
	})
}
