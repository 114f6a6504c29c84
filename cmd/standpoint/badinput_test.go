package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// A badInput is one kind of broken input: the file that holds it, the
// errors it must give and the documents it must still yield.
type badInput struct {
	name string
	file string // under the input directory, slash-separated; "" when setup makes the input
	data []byte
	// setup, when set, makes the input itself and returns any input to
	// name on the command line besides the directory.
	setup func(t *testing.T, in string) []string
	errs  []wantError
	docs  []string // ids of the documents read from it
	check func(t *testing.T, docs map[string]*corpus.Annotated)
}

// A wantError is a record of errors.jsonl: path (relative to the input
// directory unless absolute), line (0 for the whole file), and a part of
// the message.
type wantError struct {
	path string
	line int
	msg  string
}

func jsonLines(lines ...string) []byte { return []byte(strings.Join(lines, "\n") + "\n") }

// storedGzip compresses data without compression and cuts the last cut
// bytes of the stream: the lines before the cut stay readable.
func storedGzip(t *testing.T, data string, cut int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.NoCompression)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write([]byte(data))
	zw.Close()
	return buf.Bytes()[:buf.Len()-cut]
}

func badInputs(t *testing.T) []badInput {
	noSpaces := strings.Repeat("RussiademandsaceasefireandKyivrejectstheplan", 500)
	longSentence := "Russia demands " + strings.Repeat("talks and more talks and ", 2500)
	return []badInput{
		{
			name: "invalid UTF-8",
			file: "utf8.txt",
			data: []byte("Russia \xff\xfe demands a ceasefire.\n"),
			docs: []string{"utf8"},
			check: func(t *testing.T, docs map[string]*corpus.Annotated) {
				d := docs["utf8"]
				if want := "Russia \uFFFD demands a ceasefire.\n"; d.Text != want {
					t.Fatalf("text %q, want %q", d.Text, want)
				}
				// Offsets index the text as kept, the bad bytes replaced.
				i := slices.IndexFunc(d.Tokens, func(tk corpus.Token) bool { return d.Text[tk.Start:tk.End] == "demands" })
				if i < 0 || d.Tokens[i].Start != strings.Index(d.Text, "demands") {
					t.Errorf("no token demands at %d: %v", strings.Index(d.Text, "demands"), d.Tokens)
				}
			},
		},
		{
			name: "binary file",
			file: "image.txt",
			data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
			errs: []wantError{{"image.txt", 0, "binary data, not text: NUL byte at byte 8"}},
		},
		{
			name: "NUL byte in a record",
			file: "nul.jsonl",
			data: jsonLines(`{"id": "nul-ok", "text": "Kyiv rejects it."}`, `{"id": "nul", "text": "Kyiv\u0000rejects it."}`),
			errs: []wantError{{"nul.jsonl", 2, "binary data, not text: NUL byte at byte 4"}},
			docs: []string{"nul-ok"},
		},
		{
			name: "empty file",
			file: "empty.txt",
			errs: []wantError{{"empty.txt", 0, "empty text"}},
		},
		{
			name: "whitespace-only text",
			file: "blank.txt",
			data: []byte(" \n\t \r\n"),
			errs: []wantError{{"blank.txt", 0, "empty text"}},
		},
		{
			name: "whitespace-only record",
			file: "blank.jsonl",
			data: jsonLines(`{"id": "blank", "text": "  \n\t"}`),
			errs: []wantError{{"blank.jsonl", 1, "empty text"}},
		},
		{
			name: "malformed JSON line",
			file: "malformed.jsonl",
			data: jsonLines(`{"id": "malformed-1", "text": "Kyiv rejects it."}`, `{"id": "m", "text": "unfinished`, `{"id": "malformed-3", "text": "Moscow insists."}`),
			errs: []wantError{{"malformed.jsonl", 2, "invalid JSON"}},
			docs: []string{"malformed-1", "malformed-3"},
		},
		{
			name: "line that is not an object",
			file: "notobject.jsonl",
			data: jsonLines(`["Russia demands a ceasefire."]`, `42`, `"text"`),
			errs: []wantError{
				{"notobject.jsonl", 1, "want a JSON object, got array"},
				{"notobject.jsonl", 2, "want a JSON object, got number"},
				{"notobject.jsonl", 3, "want a JSON object, got string"},
			},
		},
		{
			name: "missing text field",
			file: "missing.jsonl",
			data: jsonLines(`{"id": "no-text", "body": "Kyiv rejects it."}`),
			errs: []wantError{{"missing.jsonl", 1, `missing field "text"`}},
		},
		{
			name: "fields of the wrong type",
			file: "types.jsonl",
			data: jsonLines(
				`{"id": "t1", "text": 42}`,
				`{"id": ["t2"], "text": "Kyiv rejects it."}`,
				`{"id": "t3", "text": "Kyiv rejects it.", "date": 20250516}`,
				`{"id": "t4", "text": "Kyiv rejects it.", "title": {"a": 1}}`,
				`{"id": "t5", "text": "Kyiv rejects it.", "source": null}`,
			),
			errs: []wantError{
				{"types.jsonl", 1, `field "text": want a string, got number`},
				{"types.jsonl", 2, `field "id": want a string or a number, got array`},
				{"types.jsonl", 3, `field "date": want a string, got number`},
				{"types.jsonl", 4, `field "title": want a string, got object`},
			},
			docs: []string{"t5"},
		},
		{
			name: "invalid dates",
			file: "dates.jsonl",
			data: jsonLines(
				`{"id": "d1", "date": "next Tuesday", "text": "Kyiv rejects it."}`,
				`{"id": "d2", "date": "2025-02-30", "text": "Kyiv rejects it."}`,
				`{"id": "d3", "date": "May 16, 2025", "text": "Kyiv rejects it."}`,
			),
			errs: []wantError{{"dates.jsonl", 1, `field "date"`}, {"dates.jsonl", 2, `field "date"`}},
			docs: []string{"d3"},
		},
		{
			name: "invalid date in front matter",
			file: "dated.md",
			data: []byte("---\ntitle: Dated\ndate: someday\n---\nKyiv rejects it.\n"),
			errs: []wantError{{"dated.md", 3, `front matter "date"`}},
		},
		{
			name: "byte-order mark",
			file: "bom.txt",
			data: []byte("\ufeffKyiv rejects the plan.\n"),
			docs: []string{"bom"},
			check: func(t *testing.T, docs map[string]*corpus.Annotated) {
				d := docs["bom"]
				if !strings.HasPrefix(d.Text, "Kyiv") || d.Tokens[0].Start != 0 || d.Tokens[0].End != 4 {
					t.Errorf("text %q, first token %v: want the mark dropped", d.Text, d.Tokens[0])
				}
			},
		},
		{
			name: "byte-order mark in JSON Lines and CSV",
			file: "bom.jsonl",
			data: []byte("\ufeff" + `{"id": "bom-jsonl", "text": "Kyiv rejects the plan."}` + "\n"),
			setup: func(t *testing.T, in string) []string {
				writeTestFile(t, filepath.Join(in, "bom.csv"), []byte("\ufeffid,text\r\nbom-csv,Kyiv rejects the plan.\r\n"))
				return nil
			},
			docs: []string{"bom-jsonl", "bom-csv"},
		},
		{
			name: "CRLF line endings",
			file: "crlf.jsonl",
			data: []byte(`{"id": "crlf-1", "text": "Kyiv rejects it."}` + "\r\n{\r\n" + `{"id": "crlf-3", "text": "Moscow insists."}` + "\r\n"),
			setup: func(t *testing.T, in string) []string {
				writeTestFile(t, filepath.Join(in, "crlf.md"), []byte("---\r\nid: crlf-md\r\ntitle: Windows\r\n---\r\nKyiv rejects it.\r\nMoscow insists.\r\n"))
				return nil
			},
			errs: []wantError{{"crlf.jsonl", 2, "invalid JSON"}},
			docs: []string{"crlf-1", "crlf-3", "crlf-md"},
			check: func(t *testing.T, docs map[string]*corpus.Annotated) {
				if d := docs["crlf-md"]; d.Title != "Windows" || d.Text != "Kyiv rejects it.\r\nMoscow insists.\r\n" {
					t.Errorf("title %q, text %q", d.Title, d.Text)
				}
			},
		},
		{
			name: "truncated gzip stream",
			file: "cut.jsonl.gz",
			// The final empty block takes 5 bytes and the trailer 8: cutting
			// 8+5+4 loses the end of the third line.
			data: storedGzip(t, `{"id": "cut-1", "text": "Kyiv rejects it."}`+"\n"+`{"id": "cut-2", "text": "Moscow insists."}`+"\n"+`{"id": "cut-3", "text": "Lost."}`+"\n", 8+5+4),
			errs: []wantError{{"cut.jsonl.gz", 3, "truncated or corrupt gzip stream: unexpected EOF"}},
			docs: []string{"cut-1", "cut-2"},
		},
		{
			name:  "unreadable file",
			setup: unreadableFile,
			errs:  []wantError{{"locked.txt", 0, unreadableMessage()}},
		},
		{
			name: "path that does not exist",
			setup: func(t *testing.T, in string) []string {
				return []string{filepath.Join(filepath.Dir(in), "no-such-file.txt")}
			},
			errs: []wantError{{"../no-such-file.txt", 0, "no such file or directory"}},
		},
		{
			name: "directory symlink loop",
			file: "loop/inside.txt",
			data: []byte("Kyiv rejects it."),
			setup: func(t *testing.T, in string) []string {
				// A link up the tree is not followed; a link to itself is an
				// error; so is a loop named on the command line.
				symlink(t, "..", filepath.Join(in, "loop", "up"))
				symlink(t, "self.txt", filepath.Join(in, "loop", "self.txt"))
				outside := filepath.Dir(in)
				symlink(t, "cycle-b", filepath.Join(outside, "cycle-a"))
				symlink(t, "cycle-a", filepath.Join(outside, "cycle-b"))
				return []string{filepath.Join(outside, "cycle-a")}
			},
			errs: []wantError{
				{"loop/self.txt", 0, "too many levels of symbolic links"},
				{"../cycle-a", 0, "too many levels of symbolic links"},
			},
			docs: []string{"loop/inside"},
		},
		{
			name: "duplicate ids",
			file: "dups.jsonl",
			data: jsonLines(
				`{"id": "dup", "text": "Russia demands a ceasefire."}`,
				`{"id": "dup", "text": "Kyiv rejects it."}`,
				`{"id": "dup#2", "text": "Moscow insists."}`,
			),
			docs: []string{"dup", "dup#2", "dup#2#2"},
			check: func(t *testing.T, docs map[string]*corpus.Annotated) {
				if d := docs["dup#2"]; d.Text != "Kyiv rejects it." || d.Origin.Line != 2 {
					t.Errorf("dup#2 is %q from line %d, want the second record", d.Text, d.Origin.Line)
				}
			},
		},
		{
			name: "a sentence of 10,000 tokens without punctuation",
			file: "long-sentence.txt",
			data: []byte(longSentence),
			docs: []string{"long-sentence"},
			check: func(t *testing.T, docs map[string]*corpus.Annotated) {
				if n := len(docs["long-sentence"].Tokens); n < 10000 {
					t.Errorf("%d tokens, want at least 10,000", n)
				}
			},
		},
		{
			name: "other scripts",
			file: "scripts.txt",
			data: []byte("Россия требует прекращения огня. روسيا تطالب بوقف إطلاق النار. 🇺🇦 Kyiv rejects 🙅🏽‍♀️ the plan 👍. 中国支持谈判。Ελλάδα ΣΊΣΥΦΟΣ.\n"),
			docs: []string{"scripts"},
		},
		{
			name: "all capitals",
			file: "caps.txt",
			data: []byte("RUSSIA DEMANDS A CEASEFIRE. KYIV REJECTS THE PLAN AND NATO BACKS KYIV.\n"),
			docs: []string{"caps"},
		},
		{
			name: "no spaces",
			file: "nospace.txt",
			data: []byte(noSpaces),
			docs: []string{"nospace"},
		},
		{
			name: "CSV row with the wrong number of fields",
			file: "rows.csv",
			data: []byte("id,text\nrow-1,Kyiv rejects it.\nrow-2,Moscow,insists\nrow-3,NATO backs Kyiv.\n"),
			errs: []wantError{{"rows.csv", 3, "wrong number of fields"}},
			docs: []string{"row-1", "row-3"},
		},
		{
			name: "record larger than --max-doc-bytes",
			file: "huge.jsonl",
			data: jsonLines(`{"id": "huge", "text": "`+strings.Repeat("word ", corpus.DefaultMaxDocBytes/5+1)+`"}`, `{"id": "after-huge", "text": "Kyiv rejects it."}`),
			errs: []wantError{{"huge.jsonl", 1, fmt.Sprintf("line longer than %d bytes", corpus.DefaultMaxDocBytes)}},
			docs: []string{"after-huge"},
		},
	}
}

func writeTestFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// unreadableFile makes in/locked.txt, a file that cannot be read: one of
// mode 000, or, for root, who may read those, a link to /proc/self/mem,
// whose first page is never mapped, so that reading it fails.
func unreadableFile(t *testing.T, in string) []string {
	t.Helper()
	p := filepath.Join(in, "locked.txt")
	if os.Geteuid() == 0 {
		if _, err := os.Stat("/proc/self/mem"); err != nil {
			t.Skip("running as root without /proc/self/mem: no way to make a file unreadable")
		}
		symlink(t, "/proc/self/mem", p)
		return nil
	}
	writeTestFile(t, p, []byte("Kyiv rejects it."))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(p, 0o644) })
	return nil
}

func unreadableMessage() string {
	if os.Geteuid() == 0 {
		return "read error: input/output error"
	}
	return "permission denied"
}

// TestBadInputs runs annotate and analyze over a corpus of every kind of
// broken input beside good documents: each failure is listed with its file
// and line in errors.jsonl and on stderr and counted, the exit code is 2,
// and every good document is processed. With --strict, the run stops at the
// first failure.
func TestBadInputs(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "in")
	cases := badInputs(t)
	args := []string{in}
	var wantErrs []wantError
	var wantDocs []string
	for _, c := range cases {
		if c.file != "" {
			writeTestFile(t, filepath.Join(in, filepath.FromSlash(c.file)), c.data)
		}
		if c.setup != nil {
			args = append(args, c.setup(t, in)...)
		}
		wantErrs = append(wantErrs, c.errs...)
		wantDocs = append(wantDocs, c.docs...)
	}
	abs := func(p string) string { return filepath.Join(in, filepath.FromSlash(p)) }

	// annotate lists every document read.
	annotated := filepath.Join(root, "annotate", "annotated.jsonl")
	os.MkdirAll(filepath.Dir(annotated), 0o755)
	code, _, stderr := runCmd(t, "", append([]string{"annotate", "-j", "2", "-o", annotated}, args...)...)
	if code != exitPartial {
		t.Fatalf("annotate: exit %d, want %d:\n%s", code, exitPartial, stderr)
	}
	if want := fmt.Sprintf("; %d failed", len(wantErrs)); !strings.Contains(stderr, want) {
		t.Errorf("annotate: the summary line does not say %q:\n%s", want, stderr)
	}
	if want := "; 2 duplicate ids renamed"; !strings.Contains(stderr, want) {
		t.Errorf("annotate: the summary line does not say %q:\n%s", want, stderr)
	}
	for _, w := range []string{`dups.jsonl:2: duplicate id "dup" (first at `, `dups.jsonl:3: duplicate id "dup#2" (first at `} {
		if !strings.Contains(stderr, w) {
			t.Errorf("annotate: no warning %q:\n%s", w, stderr)
		}
	}
	docs := readAnnotatedFile(t, annotated)
	var ids []string
	for id := range docs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	slices.Sort(wantDocs)
	if !slices.Equal(ids, wantDocs) {
		t.Errorf("documents read:\n got %q\nwant %q", ids, wantDocs)
	}
	for id, d := range docs {
		checkLayers(t, id, d)
	}
	for _, c := range cases {
		if c.check != nil && !t.Failed() {
			t.Run(c.name, func(t *testing.T) { c.check(t, docs) })
		}
	}
	errs := readErrors(t, filepath.Join(root, "annotate", "errors.jsonl"))
	checkErrors(t, errs, wantErrs, abs)
	// The first failures are also on stderr, with file and line.
	for _, re := range errs[:min(len(errs), maxListedErrors)] {
		if want := "standpoint: " + recordErrorString(re); !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}

	// analyze counts the same failures, in the summary too.
	out := filepath.Join(root, "analyze")
	code, _, stderr = runCmd(t, "", append([]string{"analyze", "-o", out}, args...)...)
	if code != exitPartial {
		t.Fatalf("analyze: exit %d, want %d:\n%s", code, exitPartial, stderr)
	}
	if want := fmt.Sprintf("analyzed %d documents", len(wantDocs)); !strings.Contains(stderr, want) {
		t.Errorf("analyze: stderr does not say %q:\n%s", want, stderr)
	}
	checkErrors(t, readErrors(t, filepath.Join(out, "errors.jsonl")), wantErrs, abs)
	var summary struct {
		Corpus struct{ Documents, Failed int }
	}
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &summary); err != nil {
		t.Fatal(err)
	}
	if summary.Corpus.Documents != len(wantDocs) || summary.Corpus.Failed != len(wantErrs) {
		t.Errorf("summary counts %+v, want %d documents and %d failed", summary.Corpus, len(wantDocs), len(wantErrs))
	}

	// --strict stops at the first failure, with exit code 1 and no output.
	strictOut := filepath.Join(root, "strict")
	code, _, stderr = runCmd(t, "", append([]string{"analyze", "--strict", "-o", strictOut}, args...)...)
	first := "standpoint: " + recordErrorString(errs[0]) + " (stopped by --strict)"
	if code != exitFailure || !strings.Contains(stderr, first) {
		t.Errorf("--strict: exit %d, stderr:\n%s\nwant exit 1 and %q", code, stderr, first)
	}
	if entries, _ := os.ReadDir(strictOut); len(entries) > 1 || len(entries) == 1 && entries[0].Name() != checkpointName {
		t.Errorf("--strict left outputs: %v", entries)
	}
}

// readAnnotatedFile reads an annotated corpus by id.
func readAnnotatedFile(t *testing.T, path string) map[string]*corpus.Annotated {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs := make(map[string]*corpus.Annotated)
	for d, err := range corpus.ReadAnnotated(f, path, 0) {
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := docs[d.ID]; ok {
			t.Errorf("id %q twice in the output", d.ID)
		}
		docs[d.ID] = d
	}
	return docs
}

// checkLayers checks that every token and sentence of a document is a
// well-formed span of its text.
func checkLayers(t *testing.T, id string, d *corpus.Annotated) {
	t.Helper()
	if !utf8.ValidString(d.Text) || strings.IndexByte(d.Text, 0) >= 0 {
		t.Errorf("%s: text is not valid UTF-8 without NUL", id)
	}
	prev := 0
	for i, tk := range d.Tokens {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(d.Text) {
			t.Errorf("%s: token %d at %d..%d after %d in a text of %d bytes", id, i, tk.Start, tk.End, prev, len(d.Text))
			return
		}
		if s := d.Text[tk.Start:tk.End]; !utf8.ValidString(s) || strings.TrimSpace(s) == "" {
			t.Errorf("%s: token %d at %d..%d is %q: not whole characters of text", id, i, tk.Start, tk.End, s)
		}
		prev = tk.End
	}
	for _, s := range d.Sentences {
		if s.Start < 0 || s.End > len(d.Text) || s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			t.Errorf("%s: sentence %+v out of range", id, s)
		}
	}
}

func readErrors(t *testing.T, path string) []output.RecordError {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var errs []output.RecordError
	for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		var re output.RecordError
		if err := json.Unmarshal(line, &re); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		errs = append(errs, re)
	}
	return errs
}

// checkErrors checks that errs are exactly the errors wanted, in any order.
func checkErrors(t *testing.T, errs []output.RecordError, want []wantError, abs func(string) string) {
	t.Helper()
	left := slices.Clone(errs)
	for _, w := range want {
		i := slices.IndexFunc(left, func(re output.RecordError) bool {
			return filepath.Clean(re.Path) == abs(w.path) && re.Line == w.line && strings.Contains(re.Error, w.msg)
		})
		if i < 0 {
			t.Errorf("no error at %s:%d containing %q", w.path, w.line, w.msg)
			continue
		}
		left = slices.Delete(left, i, i+1)
	}
	for _, re := range left {
		t.Errorf("unexpected error %+v", re)
	}
}
