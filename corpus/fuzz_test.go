package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// checkRead reads inputs and checks what holds for anything Read yields:
// documents with valid UTF-8, a text that is not blank and a well-formed
// date, and errors that are *Error with a path.
func checkRead(t *testing.T, inputs []string, opts Options) []Document {
	t.Helper()
	var docs []Document
	for d, err := range Read(context.Background(), inputs, opts) {
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %q is a %T, want *Error", err, err)
			}
			if e.Path == "" {
				t.Fatalf("error %q has no path", err)
			}
			continue
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("text %q is not valid UTF-8", d.Text)
		}
		if strings.TrimSpace(d.Text) == "" {
			t.Fatalf("text %q is blank", d.Text)
		}
		if strings.HasPrefix(d.Text, "\ufeff") {
			t.Fatalf("text %q starts with a byte-order mark", d.Text)
		}
		for _, v := range []string{d.ID, d.Source, d.Title, d.URL} {
			if !utf8.ValidString(v) || v != strings.TrimSpace(v) {
				t.Fatalf("metadata %q is not valid UTF-8 or not trimmed", v)
			}
		}
		if d.ID == "" {
			t.Fatalf("document %+v has no id", d)
		}
		checkDate(t, d.Date)
		docs = append(docs, d)
	}
	return docs
}

// checkDate fails unless date is "" or a valid YYYY-MM-DD.
func checkDate(t *testing.T, date string) {
	t.Helper()
	if date == "" {
		return
	}
	if tm, err := time.Parse(time.DateOnly, date); err != nil || tm.Format(time.DateOnly) != date {
		t.Fatalf("date %q is not YYYY-MM-DD", date)
	}
}

// addFiles adds the test files with one of the extensions as seeds.
func addFiles(f *testing.F, exts ...string) {
	f.Helper()
	err := filepath.WalkDir(td, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		for _, ext := range exts {
			if strings.HasSuffix(p, ext) {
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				f.Add(data)
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
}

func FuzzJSONL(f *testing.F) {
	addFiles(f, ".jsonl")
	f.Add([]byte("\ufeff{\"id\": 1, \"text\": \"a\"}\r\n\r\n{\"text\": \"b\", \"date\": \"May 16, 2025\"}"))
	f.Add([]byte(`{"text": "\ud800\udc00 \u0000", "id": -0.5e-3, "title": null}`))
	f.Add([]byte(`{"text": "x", "date": 12}` + "\n[]\nnull\n{\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, max := range []int64{0, 32} {
			checkRead(t, []string{"-"}, Options{Format: FormatJSONL, MaxDocBytes: max, Stdin: bytes.NewReader(data)})
		}
	})
}

func FuzzCSV(f *testing.F) {
	addFiles(f, ".csv")
	f.Add([]byte("id,text\n1,\"a\nb\"\n2,c,d\n\"\n"))
	f.Add([]byte("\ufefftext;date\nx;2025\n"))
	f.Add([]byte("Text\r\n\"a\"\"b\"\r\n,\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, max := range []int64{0, 32} {
			checkRead(t, []string{"-"}, Options{Format: FormatCSV, MaxDocBytes: max, Stdin: bytes.NewReader(data)})
		}
	})
}

func FuzzText(f *testing.F) {
	addFiles(f, ".txt", ".md", ".log")
	f.Add([]byte("---\ntitle: 'a''b'\ndate: \"16 May 2025\"\ntags:\n  - x\n---\n# T\nbody"))
	f.Add([]byte("---\r\n---\r\n"))
	f.Add([]byte("---\n: x\n"))
	f.Add([]byte("\ufeff# \xff\n"))
	dir := f.TempDir()
	md := filepath.Join(dir, "2025-05-16-doc.md")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, []string{"-"}, Options{Format: FormatText, Stdin: bytes.NewReader(data)})
		if err := os.WriteFile(md, data, 0o644); err != nil {
			t.Fatal(err)
		}
		docs := checkRead(t, []string{md}, Options{MaxDocBytes: 64})
		if len(docs) > 1 {
			t.Fatalf("a text file gave %d documents", len(docs))
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"", "2025-05-16", "2025/05/16", "20250516", "2025-05-16T10:30:00.5+02:00",
		"May 16, 2025", "16 May 2025", "Fri, 16 May 2025 10:30:00 GMT", "Mon Jan  2 15:04:05 2006",
		"Sept. 1st, 2025 at 10:30 pm", "next Tuesday", "2025-02-29",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate(s)
		if err != nil {
			if got != "" {
				t.Fatalf("ParseDate(%q) = %q with error %v", s, got, err)
			}
		} else {
			if got == "" && strings.TrimSpace(s) != "" {
				t.Fatalf("ParseDate(%q) = \"\" without error", s)
			}
			checkDate(t, got)
		}

		// Through Read, as a JSONL date field.
		value, jerr := json.Marshal(s)
		if jerr != nil {
			t.Fatal(jerr)
		}
		line := `{"text": "x", "date": ` + string(value) + "}\n"
		docs := checkRead(t, []string{"-"}, Options{Stdin: strings.NewReader(line)})
		want, werr := ParseDate(cleanMeta(s))
		switch {
		case werr != nil && len(docs) != 0:
			t.Fatalf("date %q: got document %+v, want an error", s, docs[0])
		case werr == nil && (len(docs) != 1 || docs[0].Date != want):
			t.Fatalf("date %q: got %+v, want one document dated %q", s, docs, want)
		}
	})
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\nid: a\ntitle: 'T'\ndate: 2025-05-16\nsource: \"S\"\nurl: u\n---\nbody",
		"---\r\ntags:\r\n  - x\r\n- y\r\n---\r\n",
		"---\nkey\n---\n", "---\n  indented\n", "--- \t\n---", "---\ntitle: a\n  b\n---\n", "---",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fm, body, line, err := parseFrontMatter(s)
		if err != nil {
			if line < 1 || line > strings.Count(s, "\n")+1 {
				t.Fatalf("error %v at line %d of a text of %d lines", err, line, strings.Count(s, "\n")+1)
			}
			if fm != (frontMatter{}) || body != "" {
				t.Fatalf("error %v comes with %+v and body %q", err, fm, body)
			}
			return
		}
		if line != 0 {
			t.Fatalf("no error but line %d", line)
		}
		if !strings.HasSuffix(s, body) {
			t.Fatalf("body %q is not the end of the text", body)
		}
		if body != s && !isFrontMatterDelimiter(strings.SplitN(s, "\n", 2)[0]) {
			t.Fatalf("body %q cut from a text without front matter", body)
		}
		head := s[:len(s)-len(body)]
		if fm.dateLine < 0 || fm.dateLine > strings.Count(head, "\n") {
			t.Fatalf("date on line %d of a front matter of %d lines", fm.dateLine, strings.Count(head, "\n"))
		}
	})
}

// FuzzReadStdin reads standard input as format sniffing sees it, plain and
// gzip-compressed: both must give the same documents and errors.
func FuzzReadStdin(f *testing.F) {
	addFiles(f, ".jsonl", ".txt")
	f.Add([]byte("\ufeff  \n{\"text\": \"a\"}\n"))
	f.Add([]byte("\x1f\x8b"))
	f.Add([]byte("{\"text\": \"a\u0000b\"}\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		read := func(in []byte) []item {
			var items []item
			for d, err := range Read(context.Background(), []string{"-"}, Options{MaxDocBytes: 1 << 10, Stdin: bytes.NewReader(in)}) {
				if err != nil {
					items = append(items, item{Err: err.Error()})
					continue
				}
				items = append(items, item{Doc: d})
			}
			return items
		}
		checkRead(t, []string{"-"}, Options{Stdin: bytes.NewReader(data)})
		if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
			return // already compressed, or meant to look so
		}
		var zbuf bytes.Buffer
		zw := gzip.NewWriter(&zbuf)
		zw.Write(data)
		zw.Close()
		plain, zipped := read(data), read(zbuf.Bytes())
		if len(plain) != len(zipped) {
			t.Fatalf("plain gives %d items, compressed %d", len(plain), len(zipped))
		}
		for i := range plain {
			if plain[i] != zipped[i] {
				t.Fatalf("item %d: plain %s, compressed %s", i, describeItem(plain[i]), describeItem(zipped[i]))
			}
		}
	})
}

// FuzzScanJSON checks the one-pass reading of a JSON Lines record against
// encoding/json: whatever record it accepts, encoding/json reads the same
// text and the same fields from.
func FuzzScanJSON(f *testing.F) {
	for _, s := range []string{
		`{"id": 1, "text": "a", "date": "2025-05-16", "other": [1, {"x": null}]}`,
		`{"te\u0078t": "escaped name", "title": "T\u00e9"}`,
		`{"text": "first", "text": "last", "id": "1", "id": 2}`,
		"{\"text\": \"invalid \xff\xfe UTF-8\", \"source\": \"\xc3\"}",
		`{"text": "\ud800 lone \udc00 surrogates \ud83d\ude00"}`,
		`{"text": "T"} {"text": "U"}`,
		`{"text": 12}`,
		`{"text": "a", "text": null}`,
		`{"title": "no text"}`,
		`  {"text": "spaces"}  `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &reader{fields: DefaultFields()}
		text, meta, ok := r.scanJSON(data)
		if !ok {
			return
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("scanJSON accepted %q, which encoding/json rejects: %v", data, err)
		}
		var want string
		if err := json.Unmarshal(m[r.fields.Text], &want); err != nil {
			t.Fatalf("scanJSON read a text from %q, encoding/json: %v", data, err)
		}
		if text != want {
			t.Errorf("text of %q: scanJSON %q, encoding/json %q", data, text, want)
		}
		fs := r.fields
		for _, name := range []string{fs.ID, fs.Date, fs.Source, fs.Title, fs.URL} {
			if got, want := meta[name], m[name]; !bytes.Equal(got, want) {
				t.Errorf("field %q of %q: scanJSON %q, encoding/json %q", name, data, got, want)
			}
		}
	})
}
