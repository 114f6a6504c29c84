package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/analysis/evaluate"
	"github.com/standpoint/standpoint/output"
)

// The documents of the evaluation tests.
const (
	talksText  = "Kyiv rejects the plan. Moscow insists on recognition. The EU may back Kyiv."
	secondText = "Washington withdraws from the talks."
)

const evalGold = `{"doc":"talks","quote":"Kyiv rejects the plan","actor":"UKR","stance":"reject","required":true}
{"doc":"talks","quote":"Moscow insists on recognition","actor":"RUS","stance":["demand","reject"],"required":true}
{"doc":"talks","quote":"The EU may back Kyiv","actor":"EU","stance":"support","required":false}
{"doc":"second","quote":"Washington withdraws","actor":"USA","stance":"withdraw","required":true}
`

// mentionLine returns a line of mentions.jsonl for the first occurrence of
// span in text.
func mentionLine(t *testing.T, doc, text, span, actor, stance string) string {
	t.Helper()
	start := strings.Index(text, span)
	if start < 0 {
		t.Fatalf("%q not in %q", span, text)
	}
	b, err := json.Marshal(output.Mention{Doc: doc, Start: start, End: start + len(span), Text: span, Actor: actor, Stance: stance, Toward: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// evalFiles are the paths of the files of an evaluation test.
type evalFiles struct {
	dir, texts, textsJSONL, gold, mentions string
}

// writeEvalFiles writes the documents, as text files and as JSON Lines,
// the gold and the mentions to a new directory.
func writeEvalFiles(t *testing.T) evalFiles {
	t.Helper()
	dir := t.TempDir()
	f := evalFiles{
		dir:        dir,
		texts:      filepath.Join(dir, "texts"),
		textsJSONL: filepath.Join(dir, "docs.jsonl"),
		gold:       filepath.Join(dir, "gold.jsonl"),
		mentions:   filepath.Join(dir, "mentions.jsonl"),
	}
	if err := os.Mkdir(f.texts, 0o755); err != nil {
		t.Fatal(err)
	}
	mentions := mentionLine(t, "talks", talksText, "rejects", "UKR", "reject") + // matches item 1
		mentionLine(t, "talks", talksText, "insists", "RUS", "demand") + // matches item 2, for demand
		"\n" +
		mentionLine(t, "talks", talksText, "back", "EU", "support") + // matches the optional item 3
		mentionLine(t, "talks", talksText, "Kyiv", "UKR", "demand") + // a false positive
		mentionLine(t, "unrelated", "Nothing here.", "Nothing", "RUS", "demand") // another document
	var jsonl strings.Builder
	for _, d := range []struct{ id, text string }{{"talks", talksText}, {"second", secondText}, {"unrelated", "Nothing here."}} {
		if err := os.WriteFile(filepath.Join(f.texts, d.id+".txt"), []byte(d.text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(map[string]string{"id": d.id, "text": d.text})
		jsonl.Write(b)
		jsonl.WriteString("\n")
	}
	for path, data := range map[string]string{f.textsJSONL: jsonl.String(), f.gold: evalGold, f.mentions: mentions} {
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

const evalTable = `gold: 3 required and 1 optional items in 2 documents (1 optional matched)
predictions: 3 counted, 1 left out as matching optional items, 1 in other documents

STANCE    PREDICTED  MATCHED  PRECISION  GOLD  FOUND  RECALL  F1
overall   3          2        0.667      3     2      0.667   0.667
demand    2          1        0.500      1     1      1.000   0.667
reject    1          1        1.000      1     1      1.000   1.000
withdraw  0          0        -          1     0      0.000   -
`

func TestEvalTable(t *testing.T) {
	f := writeEvalFiles(t)
	for _, texts := range []string{f.texts, f.textsJSONL} {
		code, stdout, stderr := execSub(t, newEvalCmd, "", "--gold", f.gold, "--texts", texts, f.mentions)
		if code != exitOK {
			t.Fatalf("--texts %s: exit %d: %s", texts, code, stderr)
		}
		if stdout != evalTable {
			t.Errorf("--texts %s: got\n%s\nwant\n%s", texts, stdout, evalTable)
		}
	}
}

func TestEvalMentionsFromStdin(t *testing.T) {
	f := writeEvalFiles(t)
	mentions, err := os.ReadFile(f.mentions)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := execSub(t, newEvalCmd, string(mentions), "--gold", f.gold, "--texts", f.texts, "-")
	if code != exitOK || stdout != evalTable {
		t.Errorf("exit %d: %s\n%s", code, stderr, stdout)
	}
}

// TestEvalGoldInTwoFiles splits the gold in two files: the scores stay.
func TestEvalGoldInTwoFiles(t *testing.T) {
	f := writeEvalFiles(t)
	lines := strings.SplitAfter(evalGold, "\n")
	a, b := filepath.Join(f.dir, "a.jsonl"), filepath.Join(f.dir, "b.jsonl")
	if err := os.WriteFile(a, []byte(strings.Join(lines[:2], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(strings.Join(lines[2:], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := execSub(t, newEvalCmd, "", "--gold", a, "--gold", b, "--texts", f.texts, f.mentions)
	if code != exitOK || stdout != evalTable {
		t.Errorf("exit %d: %s\n%s", code, stderr, stdout)
	}
}

func TestEvalVerbose(t *testing.T) {
	f := writeEvalFiles(t)
	code, stdout, stderr := execSub(t, newEvalCmd, "", "--gold", f.gold, "--texts", f.texts, "-v", f.mentions)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, evalTable) {
		t.Errorf("the table does not come first:\n%s", stdout)
	}
	// Rows compared with their cells separated by one space.
	var rows []string
	for line := range strings.Lines(strings.TrimPrefix(stdout, evalTable)) {
		rows = append(rows, strings.Join(strings.Fields(line), " "))
	}
	want := []string{
		"",
		"misses: 1",
		"GOLD DOC ACTOR STANCE QUOTE",
		f.gold + `:4 second USA withdraw "Washington withdraws"`,
		"",
		"false positives: 1",
		"DOC SPAN ACTOR STANCE TEXT",
		`talks 0-4 UKR demand "Kyiv"`,
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

func TestEvalJSON(t *testing.T) {
	f := writeEvalFiles(t)
	code, stdout, stderr := execSub(t, newEvalCmd, "", "--gold", f.gold, "--texts", f.texts, "--json", f.mentions)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep evaluate.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	o := rep.Overall
	if o.Predicted != 3 || o.Matched != 2 || o.Gold != 3 || o.Found != 2 || rep.LeftOut != 1 || rep.OtherDocs != 1 ||
		len(rep.ByStance) != 3 || len(rep.Misses) != 1 || rep.Misses[0].Line != 4 || len(rep.FalsePositives) != 1 {
		t.Errorf("report %+v", rep)
	}
	if !strings.Contains(stdout, `"false_positives": [`) || !strings.Contains(stdout, `"stance": "demand",`) {
		t.Errorf("unexpected JSON:\n%s", stdout)
	}
}

func TestEvalErrors(t *testing.T) {
	f := writeEvalFiles(t)
	write := func(name, data string) string {
		path := filepath.Join(f.dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	badGold := write("bad-gold.jsonl", evalGold+`{"doc":"talks","quote":"Kyiv","actor":"UKR","stance":3}`+"\n")
	emptyGold := write("empty-gold.jsonl", "\n")
	unknownDoc := write("unknown-doc.jsonl", `{"doc":"nowhere","quote":"Kyiv","actor":"UKR","stance":"reject"}`+"\n")
	missingQuote := write("missing-quote.jsonl", evalGold+`{"doc":"talks","quote":"Kyiv accepts","actor":"UKR","stance":"accept"}`+"\n")
	badMentions := write("bad-mentions.jsonl", mentionLine(t, "talks", talksText, "rejects", "UKR", "reject")+`{"doc":"talks","start":"5"}`+"\n")
	otherText := write("other-text.jsonl", mentionLine(t, "talks", "The talks resumed.", "talks", "UKR", "reject"))

	tests := []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"no mentions", "", []string{"--gold", f.gold, "--texts", f.texts}, "accepts 1 arg(s), received 0"},
		{"no gold", "", []string{"--texts", f.texts, f.mentions}, "--gold"},
		{"no texts", "", []string{"--gold", f.gold, f.mentions}, "--texts"},
		{"both from standard input", "", []string{"--gold", f.gold, "--texts", "-", "-"}, "cannot both come from standard input"},
		{"bad format", "", []string{"--gold", f.gold, "--texts", f.texts, "--format", "pdf", f.mentions}, "pdf"},
		{"gold file missing", "", []string{"--gold", filepath.Join(f.dir, "none.jsonl"), "--texts", f.texts, f.mentions}, "none.jsonl: no such file"},
		{"bad gold line", "", []string{"--gold", badGold, "--texts", f.texts, f.mentions}, badGold + `:5: "stance" must be a string or a list of strings, not number`},
		{"empty gold", "", []string{"--gold", emptyGold, "--texts", f.texts, f.mentions}, emptyGold + ": no gold items"},
		{"unknown document", "", []string{"--gold", unknownDoc, "--texts", f.texts, f.mentions}, unknownDoc + `:1: document "nowhere" is not among the texts`},
		{"quote not found", "", []string{"--gold", missingQuote, "--texts", f.texts, f.mentions}, missingQuote + `:5: quote "Kyiv accepts" not found in document "talks"`},
		{"texts missing", "", []string{"--gold", f.gold, "--texts", filepath.Join(f.dir, "none"), f.mentions}, f.gold + `:1: document "talks" is not among the texts`},
		{"mentions missing", "", []string{"--gold", f.gold, "--texts", f.texts, filepath.Join(f.dir, "none.jsonl")}, "none.jsonl: no such file"},
		{"bad mentions line", "", []string{"--gold", f.gold, "--texts", f.texts, badMentions}, badMentions + `:2: "start" must be an integer, not string`},
		{"mentions of other texts", "", []string{"--gold", f.gold, "--texts", f.texts, otherText}, otherText + `:1: span 4-9 of document "talks" does not hold the mention's text`},
		{"mentions from standard input", "{", []string{"--gold", f.gold, "--texts", f.texts, "-"}, "standard input:1: invalid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := execSub(t, newEvalCmd, tt.stdin, tt.args...)
			if code != exitFailure || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, exitFailure, tt.want)
			}
			if stdout != "" {
				t.Errorf("printed %q", stdout)
			}
		})
	}
}

// TestEvalUnreadableRecord checks that a record of the texts that cannot be
// read is reported and does not stop the evaluation when no gold document
// needs it.
func TestEvalUnreadableRecord(t *testing.T) {
	f := writeEvalFiles(t)
	docs, err := os.ReadFile(f.textsJSONL)
	if err != nil {
		t.Fatal(err)
	}
	texts := filepath.Join(f.dir, "with-bad.jsonl")
	if err := os.WriteFile(texts, append(docs, "{\"id\":\"broken\",\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := execSub(t, newEvalCmd, "", "--gold", f.gold, "--texts", texts, f.mentions)
	if code != exitOK || stdout != evalTable {
		t.Errorf("exit %d: %s\n%s", code, stderr, stdout)
	}
	if !strings.Contains(stderr, "with-bad.jsonl:4:") {
		t.Errorf("stderr %q does not name with-bad.jsonl:4", stderr)
	}
}
