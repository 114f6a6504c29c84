package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/analysis/stance"
)

// hostileNames are ids, titles and sources that try to write elsewhere, to
// drive a terminal, or to be taken for markup.
var hostileNames = []string{
	"../../escaped",
	"/etc/passwd",
	`..\..\windows`,
	"a/b/../../c",
	"\x1b[2J\x1b[31mred\x1b[0m",
	"line\nbreak\rreturn\ttab",
	"\u202eevil\u2066",
	"<script>alert(1)</script>",
	"\x07bell\x08\x7f\u0085end",
}

// terminalSafe fails if s holds a character that could drive a terminal.
func terminalSafe(t *testing.T, what, s string) {
	t.Helper()
	for _, line := range strings.Split(s, "\n") {
		if i := strings.IndexFunc(line, needsEscape); i >= 0 {
			t.Errorf("%s shows %q unescaped in %q", what, line[i:i+1], line)
		}
	}
}

// TestHostileNames checks that ids, titles and sources, and file names,
// made to escape the output directory or to drive a terminal never change
// where files are written, are kept as data in the outputs, and are escaped
// wherever they are shown.
func TestHostileNames(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "in")
	var lines []string
	for i, name := range hostileNames {
		for _, rec := range []map[string]string{
			{"id": name, "title": name, "source": name, "date": "2025-05-16", "text": "Russia demands a ceasefire. Kyiv rejects the plan."},
			// The same id again, to be renamed with a warning.
			{"id": name, "source": name, "text": fmt.Sprintf("Moscow insists %d.", i)},
		} {
			b, err := json.Marshal(rec)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, string(b))
		}
	}
	// A bad record whose error names its file.
	lines = append(lines, `{"id": "\u001b[31m", "date": "someday", "text": "x"}`)
	writeTestFile(t, filepath.Join(in, "hostile.jsonl"), []byte(strings.Join(lines, "\n")+"\n"))
	// A file whose name drives the terminal, and is binary.
	writeTestFile(t, filepath.Join(in, "evil\x1b[2J\u202e.txt"), []byte("\x00"))
	// And a text file whose front matter gives a hostile id.
	writeTestFile(t, filepath.Join(in, "front.md"), []byte("---\nid: ../../front\ntitle: \"<b>bold</b>\"\n---\nNATO backs Kyiv.\n"))

	out := filepath.Join(root, "out")
	code, stdout, stderr := runCmd(t, "", "analyze", "--by", "source", in, "-o", out)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d:\n%s", code, exitPartial, stderr)
	}
	terminalSafe(t, "stderr", stderr)
	terminalSafe(t, "stdout", stdout)
	for _, want := range []string{
		`evil\x1b[2J\u202e.txt: binary data`,
		`duplicate id "\x1b[2J\x1b[31mred\x1b[0m"`,
		`duplicate id "\u202eevil\u2066"`,
		`hostile.jsonl:19: field "date"`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	// Nothing but the fixed outputs is written, and only in the output
	// directory.
	var written []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() && !strings.HasPrefix(p, in+string(filepath.Separator)) {
			rel, _ := filepath.Rel(root, p)
			written = append(written, rel)
		}
		return nil
	})
	want := []string{"out/errors.jsonl", "out/mentions.csv", "out/mentions.jsonl", "out/mentions.parquet", "out/partial.json", "out/stances.csv", "out/stances.parquet", "out/summary.json"}
	if !slices.Equal(written, want) {
		t.Errorf("files written:\n got %q\nwant %q", written, want)
	}

	// The outputs keep the names as they were given: they are data.
	f, err := os.Open(filepath.Join(out, "mentions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs := make(map[string]bool)
	sources := make(map[string]bool)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m struct{ Doc, Source string }
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		docs[m.Doc], sources[m.Source] = true, true
	}
	for _, name := range hostileNames {
		if !docs[name] || !sources[name] {
			t.Errorf("mentions.jsonl lacks the document or source %q", name)
		}
	}
	if !docs["../../front"] {
		t.Error("mentions.jsonl lacks the document ../../front")
	}

	// Tables on the terminal escape them too.
	summary := filepath.Join(out, "summary.json")
	for _, args := range [][]string{
		{"trend", summary},
		{"compare", summary, "--a", hostileNames[4], "--b", hostileNames[5]},
	} {
		code, stdout, stderr := runCmd(t, "", args...)
		if code != exitOK {
			t.Errorf("%s: exit %d: %s", args[0], code, stderr)
		}
		terminalSafe(t, args[0], stdout+stderr)
		if !strings.Contains(stdout, `\x1b[2J\x1b[31mred\x1b[0m`) {
			t.Errorf("%s does not show the source escaped:\n%s", args[0], stdout)
		}
	}
}

// TestHostileDataFiles checks that dictionary and lexicon files built to
// exhaust memory are refused with an error naming the file.
func TestHostileDataFiles(t *testing.T) {
	dir := t.TempDir()
	// "Billion laughs": each alias doubles what the one before expands to.
	var laughs strings.Builder
	laughs.WriteString("a0: &a0 [lol, lol]\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&laughs, "a%d: &a%d [*a%d, *a%d]\n", i, i, i-1, i-1)
	}
	bomb := filepath.Join(dir, "bomb.yaml")
	writeTestFile(t, bomb, []byte(laughs.String()))
	// An entry list that uses an alias the ordinary way.
	aliased := filepath.Join(dir, "aliased.yaml")
	writeTestFile(t, aliased, []byte("- &r {id: XRU, type: country, name: Xru}\n- *r\n"))
	// Files larger than the limits, made of comments.
	big := func(name string, size int) string {
		p := filepath.Join(dir, name)
		line := "# " + strings.Repeat("x", 77) + "\n"
		writeTestFile(t, p, []byte(strings.Repeat(line, size/len(line)+1)))
		return p
	}
	bigActors := big("big-actors.yaml", actors.MaxFileBytes)
	bigLexicon := big("big-lexicon.yaml", stance.MaxFileBytes)

	tests := []struct {
		args []string
		want string
	}{
		{[]string{"analyze", "--actors", bomb, "x"}, bomb + ":1: YAML anchors and aliases are not allowed"},
		{[]string{"analyze", "--lexicon", bomb, "x"}, bomb + ":1: YAML anchors and aliases are not allowed"},
		{[]string{"analyze", "--actors", aliased, "x"}, aliased + ":1: YAML anchors and aliases are not allowed"},
		{[]string{"actors", "--actors", bomb}, bomb + ":1: YAML anchors and aliases are not allowed"},
		{[]string{"analyze", "--actors", bigActors, "x"}, fmt.Sprintf("actors: %s: file larger than the limit of %d bytes", bigActors, actors.MaxFileBytes)},
		{[]string{"analyze", "--lexicon", bigLexicon, "x"}, fmt.Sprintf("lexicon: %s: file larger than the limit of %d bytes", bigLexicon, stance.MaxFileBytes)},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "", tt.args...)
		if code != exitFailure || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and %q", tt.args[:3], code, stderr, tt.want)
		}
	}
}
