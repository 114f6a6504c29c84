package emoticon

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

// TestProseKeepsEveryEmoticon checks the list against prose's tokenizer,
// which keeps its emoticons whole: one that drifted from prose's list
// would be split.
func TestProseKeepsEveryEmoticon(t *testing.T) {
	for e := range emoticons {
		doc, err := prose.NewDocument(e, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		if toks := doc.Tokens(); len(toks) != 1 || toks[0].Text != e {
			t.Errorf("prose splits %q into %v", e, toks)
		}
	}
	for _, w := range []string{"", ":", ")", "word", ":-", "8"} {
		if Is(w) {
			t.Errorf("Is(%q) = true", w)
		}
	}
}
