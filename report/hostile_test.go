package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/output"
)

// hostile is a string that would break out of every context of the page
// if it were not escaped: script, comment, attribute, URL and JSON.
const hostile = "</script><script>window.pwned=true</script><!-- \"'&<img src=x onerror=\"window.pwned=true\"> \x00\x1b\u2028\u2029 ]]> </style> javascript:window.pwned=true"

// hostilePage builds a page whose every name, id and title is hostile.
func hostilePage(t *testing.T) []byte {
	t.Helper()
	b, err := NewBuilder(Options{Title: "T" + hostile, By: "month", Top: 5})
	if err != nil {
		t.Fatal(err)
	}
	ctx := "N" + hostile + " rejected " + hostile
	start := strings.Index(ctx, " rejected") + 1
	m := output.Mention{
		Doc: "D" + hostile, Date: "2025-05-16", Source: "S" + hostile,
		Start: start, End: start + len("rejected"), Text: "rejected",
		Actor: "A" + hostile, ActorName: "N" + hostile, ActorText: "N" + hostile,
		Stance: "reject", Cue: "reject" + hostile, Target: hostile,
		Toward: []string{"B" + hostile}, Modality: hostile, Score: -4,
	}
	other := m
	other.Stance = "s" + hostile // a category no lexicon of ours has
	other.Negated = true
	b.Add(Document{ID: m.Doc, Title: "T" + hostile, URL: "javascript:window.pwned=true//" + hostile, Date: m.Date, Source: m.Source},
		[]Evidence{{Mention: m, Context: ctx}, {Mention: other, Context: ctx}})
	var page bytes.Buffer
	if err := Write(&page, b.Data(Totals{Documents: 1})); err != nil {
		t.Fatal(err)
	}
	return page.Bytes()
}

func TestHostileStrings(t *testing.T) {
	page := hostilePage(t)
	lower := bytes.ToLower(page)
	if n := bytes.Count(lower, []byte("<script")); n != 2 {
		t.Errorf("%d script elements open, want 2", n)
	}
	if n := bytes.Count(lower, []byte("</script")); n != 2 {
		t.Errorf("%d script elements close, want 2", n)
	}
	for _, bad := range []string{"<img", "<!--", "</style>\"", "\x00", "\x1b", "href=\"javascript:", "href=javascript:"} {
		if bytes.Contains(lower, []byte(bad)) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	var d Data
	if err := json.Unmarshal(embeddedData(t, page), &d); err != nil {
		t.Fatalf("the data block does not read back: %v", err)
	}
	if d.Title != "T"+hostile || d.Docs[0].ID != "D"+hostile || d.Docs[0].Source != "S"+hostile {
		t.Errorf("the strings did not survive the round trip: %+q", d.Docs[0])
	}
	if d.Docs[0].URL != "" {
		t.Errorf("a javascript: URL was kept: %q", d.Docs[0].URL)
	}
	want := []Name{{ID: "A" + hostile, Name: "N" + hostile}, {ID: "B" + hostile}}
	if len(d.Names) != 2 || d.Names[0] != want[0] || d.Names[1] != want[1] {
		t.Errorf("names %+q, want %+q", d.Names, want)
	}
	if len(d.Stances) != 2 || d.Stances[1].Group != otherGroup {
		t.Errorf("stances %+q, want reject and one other", d.Stances)
	}
}
