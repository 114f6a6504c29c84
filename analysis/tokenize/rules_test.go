package tokenize

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/internal/sharedcorpus"
)

// checkRules compares ruleSpans with prose on chunk, and reports whether
// the port took it.
func checkRules(t *testing.T, chunk string) bool {
	t.Helper()
	got, ok := ruleSpans(chunk, nil)
	if !ok {
		return false
	}
	if want := proseSpans(chunk); !slices.Equal(got, want) {
		t.Errorf("ruleSpans(%q) = %v, prose %v", chunk, got, want)
	}
	return true
}

// TestRuleSpansAgreeWithProse checks the port of prose's rules on every
// chunk of two small alphabets up to four characters, one of words and
// marks, one of quotes, brackets and contractions, and on chunks of the
// shapes news text has.
func TestRuleSpansAgreeWithProse(t *testing.T) {
	chunks := []string{
		"Mr.", "Mrs.", "Dr.", "U.S.", "U.S.-led", "e.g.", "etc.", "A.B.C.", "8-D", "8D.", "xD", "XDD,", "(-_-)", ":-)",
		"said,", "Ukraine.", "30-day", "--", "-5", "pre-", "He.", "It's", "Biden’s", "said.”", "“We", "“a”",
		"$1,000,000", "$9.5", "(NATO)", "(NATO),", "(NATO).", "don’t", "can't", "CAN'T", "we’ll", "I'm", "they're",
		"[the]", "'s", "'sgood", "n't", "a’", "Aa’a.", "(e.g.", "a.)", "9:30", "9%", "#tag", "a/b", "*Note", "“Aa’a",
		"((:", "[-:", "\"(-8\"", "''", "\"\"", "$$", "(((a)))", "a...", "...", "'ll'll", "n'tn't",
	}
	gen := func(alphabet []string, n int) {
		var rec func(prefix string, n int)
		rec = func(prefix string, n int) {
			if prefix != "" {
				chunks = append(chunks, prefix)
			}
			if n == 0 {
				return
			}
			for _, c := range alphabet {
				rec(prefix+c, n-1)
			}
		}
		rec("", n)
	}
	gen(strings.Split("aZ9-.,;:!?M'r", ""), 4)
	gen([]string{"a", "S", "'", "\"", "(", ")", "$", "[", "]", ".", "n", "t", "l", "m", ":", "’", "“", "”"}, 4)
	checked := 0
	for _, c := range chunks {
		if checkRules(t, c) {
			checked++
		}
	}
	t.Logf("%d chunks checked", checked)
	if checked < 100000 {
		t.Errorf("only %d chunks checked", checked)
	}
}

// TestRuleSpansAtTheLimit checks chunks as long as the port takes, in
// characters and in bytes.
func TestRuleSpansAtTheLimit(t *testing.T) {
	for _, c := range []string{
		strings.Repeat("a", maxRuleChunk),
		strings.Repeat("’", maxRuleChunk),
		strings.Repeat("a", maxRuleChunk-1) + "”",
		"“" + strings.Repeat("a", maxRuleChunk-2) + "”",
		strings.Repeat("n’t", maxRuleChunk/3),
		strings.Repeat("'s", maxRuleChunk/2),
	} {
		if !checkRules(t, c) {
			t.Errorf("ruleSpans left %q (%d bytes) to prose", c, len(c))
		}
	}
}

// TestRuleSpansRefuse checks that chunks the port does not cover go to
// prose.
func TestRuleSpansRefuse(t *testing.T) {
	for _, c := range []string{"İstanbul's", "naïve", "a&rsquo;s", "agenda—nor", strings.Repeat("a", maxRuleChunk+1),
		strings.Repeat("’", maxRuleChunk+1), "\xff", "\xe2\x80", "a b", "a\tb", "a\n"} {
		if spans, ok := ruleSpans(c, nil); ok {
			t.Errorf("ruleSpans(%q) = %v, want it left to prose", c, spans)
		}
	}
}

// TestRuleSpansOnSharedCorpora compares the port with prose on every
// distinct chunk of the shared corpora.
func TestRuleSpansOnSharedCorpora(t *testing.T) {
	shared := sharedcorpus.Dir(t)
	paths, err := filepath.Glob(filepath.Join(shared, "corpus", "*.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no corpora in %s", filepath.Join(shared, "corpus"))
	}
	seen := make(map[string]bool)
	checked := 0
	for d, err := range corpus.Read(t.Context(), paths, corpus.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range strings.FieldsFunc(d.Text, unicode.IsSpace) {
			if !seen[c] {
				seen[c] = true
				if checkRules(t, c) {
					checked++
				}
			}
		}
	}
	t.Logf("%d distinct chunks, %d checked", len(seen), checked)
	if checked < len(seen)*9/10 {
		t.Errorf("the port took only %d of %d distinct chunks", checked, len(seen))
	}
}

func FuzzRuleSpans(f *testing.F) {
	for _, s := range []string{"Biden’s", "said.”", "(NATO),", "U.S.", "'sgood", ":-)", "$1,000", "don’t", "",
		strings.Repeat("a", maxRuleChunk), strings.Repeat("a", maxRuleChunk+1), strings.Repeat("’", maxRuleChunk), "a b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, chunk string) {
		spans, ok := ruleSpans(chunk, nil) // must not panic, whatever the input
		if !ok {
			return
		}
		if strings.ContainsFunc(chunk, unicode.IsSpace) {
			t.Fatalf("ruleSpans took %q, which has white space", chunk)
		}
		end := 0
		for _, s := range spans {
			if s.start != end || s.end <= s.start {
				t.Fatalf("ruleSpans(%q) = %v: spans not in order, or empty", chunk, spans)
			}
			end = s.end
		}
		if end != len(chunk) {
			t.Fatalf("ruleSpans(%q) = %v: does not cover the chunk", chunk, spans)
		}
		checkRules(t, chunk)
	})
}
