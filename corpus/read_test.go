package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// item is one value yielded by Read: a document, or the message of an error.
type item struct {
	Doc Document
	Err string
}

func docItem(d Document) item { return item{Doc: d} }

func errItem(format string, args ...any) item { return item{Err: fmt.Sprintf(format, args...)} }

// readAll collects what Read yields, checking that every error is an
// *Error that comes with a zero Document.
func readAll(t *testing.T, inputs []string, opts Options) []item {
	t.Helper()
	var items []item
	for d, err := range Read(context.Background(), inputs, opts) {
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %q is a %T, want *Error", err, err)
			}
			if d != (Document{}) {
				t.Errorf("error %q comes with document %+v, want a zero Document", err, d)
			}
			items = append(items, item{Err: err.Error()})
			continue
		}
		items = append(items, item{Doc: d})
	}
	return items
}

func checkItems(t *testing.T, got, want []item) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Errorf("item %d: missing, want %s", i, describeItem(want[i]))
		case i >= len(want):
			t.Errorf("item %d: unexpected %s", i, describeItem(got[i]))
		case got[i] != want[i]:
			t.Errorf("item %d:\n got %s\nwant %s", i, describeItem(got[i]), describeItem(want[i]))
		}
	}
}

func describeItem(it item) string {
	if it.Err != "" {
		return fmt.Sprintf("error %q", it.Err)
	}
	return fmt.Sprintf("%#v", it.Doc)
}

// td is the directory of the test files.
var td = filepath.Join("testdata", "read")

func tdPath(elem ...string) string {
	return filepath.Join(append([]string{td}, elem...)...)
}

// gzipBytes compresses data.
func gzipBytes(t testing.TB, data string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := io.WriteString(zw, data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeFile writes a file under dir, creating its directories, and returns
// its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadDirectory(t *testing.T) {
	root := tdPath("corpus")
	want := []item{
		docItem(Document{
			ID:     "2025/05-16-istanbul",
			Text:   "Talks resumed in Istanbul on Friday.\n",
			Origin: Origin{Path: filepath.Join(root, "2025", "05-16-istanbul.txt")},
		}),
		docItem(Document{
			ID:     "2025/2025-05-17-ankara",
			Date:   "2025-05-17",
			Title:  "Ankara responds",
			Text:   "# Ankara responds\n\nThe ministry issued a statement.\n",
			Origin: Origin{Path: filepath.Join(root, "2025", "2025-05-17-ankara.md")},
		}),
		docItem(Document{
			ID:     "a-front",
			Date:   "2025-05-18",
			Source: "Daily Paper",
			Title:  "Column one",
			Text:   "A column on the talks.\n",
			Origin: Origin{Path: filepath.Join(root, "a-front.md")},
		}),
		docItem(Document{
			ID:     "f1",
			Date:   "2025-05-19",
			Text:   "First feed item.",
			Origin: Origin{Path: filepath.Join(root, "feed.jsonl"), Line: 1},
		}),
		docItem(Document{
			ID:     "feed:2",
			Text:   "Second feed item.",
			Origin: Origin{Path: filepath.Join(root, "feed.jsonl"), Line: 2},
		}),
		docItem(Document{
			ID:     "c1",
			Date:   "2025-05-20",
			Text:   "First row.",
			Origin: Origin{Path: filepath.Join(root, "sheet.csv"), Line: 2},
		}),
		errItem("%s: empty text", filepath.Join(root, "zz-empty.txt")),
	}
	// A trailing separator changes nothing.
	for _, in := range []string{root, root + string(filepath.Separator)} {
		t.Run(in, func(t *testing.T) {
			checkItems(t, readAll(t, []string{in}, Options{}), want)
		})
	}
}

func TestReadSeveralInputs(t *testing.T) {
	front := tdPath("text", "front.md")
	talks := tdPath("text", "2025-05-16-talks.txt")
	missing := tdPath("no-such-file.txt")
	got := readAll(t, []string{talks, missing, tdPath("corpus", "2025"), "-", front}, Options{
		Stdin: strings.NewReader("From standard input.\n"),
	})
	want := []item{
		docItem(Document{ID: "2025-05-16-talks", Date: "2025-05-16", Text: "Negotiators met in Istanbul.\n", Origin: Origin{Path: talks}}),
		errItem("%s: no such file or directory", missing),
		docItem(Document{ID: "05-16-istanbul", Text: "Talks resumed in Istanbul on Friday.\n",
			Origin: Origin{Path: tdPath("corpus", "2025", "05-16-istanbul.txt")}}),
		docItem(Document{ID: "2025-05-17-ankara", Date: "2025-05-17", Title: "Ankara responds",
			Text:   "# Ankara responds\n\nThe ministry issued a statement.\n",
			Origin: Origin{Path: tdPath("corpus", "2025", "2025-05-17-ankara.md")}}),
		docItem(Document{ID: "stdin", Text: "From standard input.\n", Origin: Origin{Path: "-"}}),
		docItem(Document{ID: "talks-1", Date: "2025-05-16", Source: "Daily Paper", Title: "Talks resume",
			URL: "https://example.org/talks", Text: "# Not the title\n\nThe delegations met again.\n",
			Origin: Origin{Path: front}}),
	}
	checkItems(t, got, want)
}

func TestReadMissingIsNotExist(t *testing.T) {
	for _, err := range Read(context.Background(), []string{tdPath("missing.txt")}, Options{}) {
		var e *Error
		if !errors.As(err, &e) || e.Path != tdPath("missing.txt") || e.Line != 0 {
			t.Fatalf("got %#v, want an *Error for the path at line 0", err)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", err)
		}
	}
}

func TestReadStdin(t *testing.T) {
	jsonl := "\ufeff \n{\"id\": \"s1\", \"text\": \"One.\"}\n{\"text\": \"Two.\"}\n"
	tests := []struct {
		name   string
		stdin  io.Reader
		format Format
		want   []item
	}{
		{
			name:  "text",
			stdin: strings.NewReader("---\ntitle: Piped\n---\nPiped text.\n"),
			want:  []item{docItem(Document{ID: "stdin", Title: "Piped", Text: "Piped text.\n", Origin: Origin{Path: "-"}})},
		},
		{
			name:  "jsonl sniffed past a BOM and blank line",
			stdin: strings.NewReader(jsonl),
			want: []item{
				docItem(Document{ID: "s1", Text: "One.", Origin: Origin{Path: "-", Line: 2}}),
				docItem(Document{ID: "stdin:3", Text: "Two.", Origin: Origin{Path: "-", Line: 3}}),
			},
		},
		{
			name:  "gzipped jsonl",
			stdin: bytes.NewReader(gzipBytes(t, jsonl)),
			want: []item{
				docItem(Document{ID: "s1", Text: "One.", Origin: Origin{Path: "-", Line: 2}}),
				docItem(Document{ID: "stdin:3", Text: "Two.", Origin: Origin{Path: "-", Line: 3}}),
			},
		},
		{
			name:  "gzipped text",
			stdin: bytes.NewReader(gzipBytes(t, "Compressed text.")),
			want:  []item{docItem(Document{ID: "stdin", Text: "Compressed text.", Origin: Origin{Path: "-"}})},
		},
		{
			name:   "forced csv",
			stdin:  strings.NewReader("id,text\nr1,Row one.\n,Row two.\n"),
			format: FormatCSV,
			want: []item{
				docItem(Document{ID: "r1", Text: "Row one.", Origin: Origin{Path: "-", Line: 2}}),
				docItem(Document{ID: "stdin:3", Text: "Row two.", Origin: Origin{Path: "-", Line: 3}}),
			},
		},
		{
			name:   "forced text keeps a JSON line as text",
			stdin:  strings.NewReader(`{"text": "x"}`),
			format: FormatText,
			want:   []item{docItem(Document{ID: "stdin", Text: `{"text": "x"}`, Origin: Origin{Path: "-"}})},
		},
		{
			name:  "empty",
			stdin: strings.NewReader(" \n"),
			want:  []item{errItem("-: empty text")},
		},
		{
			name:  "truncated gzip",
			stdin: bytes.NewReader(gzipBytes(t, "Some text")[:15]),
			want:  []item{errItem("-: truncated or corrupt gzip stream: unexpected EOF")},
		},
		{
			name: "none",
			want: []item{errItem("-: no standard input to read")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, []string{"-"}, Options{Stdin: tt.stdin, Format: tt.format})
			checkItems(t, got, tt.want)
		})
	}
}

func TestReadGzip(t *testing.T) {
	dir := t.TempDir()
	txt := writeFile(t, dir, "2025-05-16-talks.txt.gz", gzipBytes(t, "---\nsource: Wire\n---\nCompressed talks.\n"))
	md := writeFile(t, dir, "notes.MD.GZ", gzipBytes(t, "# Notes\nCompressed notes.\n"))
	jsonl := writeFile(t, dir, "feed.jsonl.gz", gzipBytes(t, "{\"text\": \"One.\"}\n{\"id\": 7, \"text\": \"Two.\"}\n"))
	csvPath := writeFile(t, dir, "sheet.csv.gz", gzipBytes(t, "text,date\nRow.,16 May 2025\n"))
	plain := writeFile(t, dir, "plain.gz", gzipBytes(t, "Plain."))
	notGzip := writeFile(t, dir, "fake.txt.gz", []byte("not compressed"))
	empty := writeFile(t, dir, "empty.jsonl.gz", nil)

	got := readAll(t, []string{dir, plain}, Options{})
	want := []item{
		docItem(Document{ID: "2025-05-16-talks", Date: "2025-05-16", Source: "Wire", Text: "Compressed talks.\n", Origin: Origin{Path: txt}}),
		errItem("%s: not a valid gzip stream: EOF", empty),
		errItem("%s: not a valid gzip stream: gzip: invalid header", notGzip),
		docItem(Document{ID: "feed:1", Text: "One.", Origin: Origin{Path: jsonl, Line: 1}}),
		docItem(Document{ID: "7", Text: "Two.", Origin: Origin{Path: jsonl, Line: 2}}),
		docItem(Document{ID: "notes", Title: "Notes", Text: "# Notes\nCompressed notes.\n", Origin: Origin{Path: md}}),
		// plain.gz has no known extension inside the directory.
		docItem(Document{ID: "sheet:2", Date: "2025-05-16", Text: "Row.", Origin: Origin{Path: csvPath, Line: 2}}),
		// Named directly, it is read as text.
		docItem(Document{ID: "plain", Text: "Plain.", Origin: Origin{Path: plain}}),
	}
	checkItems(t, got, want)
}

// truncatedGzip compresses data without compression, so that cutting the
// stream keeps the lines before the cut readable, and drops the last cut
// bytes.
func truncatedGzip(t *testing.T, data string, cut int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.NoCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(zw, data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	return b[:len(b)-cut]
}

// namedGzip compresses data into a member whose header stores name.
func namedGzip(t *testing.T, name, data string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Name = name
	if _, err := io.WriteString(zw, data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// corruptGzip compresses data and damages its checksum.
func corruptGzip(t *testing.T, data string) []byte {
	t.Helper()
	b := gzipBytes(t, data)
	b[len(b)-8] ^= 0xff
	return b
}

func TestReadBrokenGzip(t *testing.T) {
	dir := t.TempDir()
	// A stream ends with an empty final block of 5 bytes and a trailer of 8:
	// cutting 8+5+n drops the last n bytes of data.
	lines := "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n{\"text\": \"Three.\"}\n"
	rows := "text\nOne.\nTwo.\n\"Three\nand more.\"\n"
	tests := []struct {
		name string
		data []byte
		want func(p string) []item
	}{
		{
			name: "truncated.jsonl.gz",
			data: truncatedGzip(t, lines, 8+5+4),
			want: func(p string) []item {
				return []item{
					docItem(Document{ID: "truncated:1", Text: "One.", Origin: Origin{Path: p, Line: 1}}),
					docItem(Document{ID: "truncated:2", Text: "Two.", Origin: Origin{Path: p, Line: 2}}),
					errItem("%s:3: truncated or corrupt gzip stream: unexpected EOF", p),
				}
			},
		},
		{
			name: "corrupt.jsonl.gz",
			data: corruptGzip(t, lines),
			want: func(p string) []item {
				return []item{
					docItem(Document{ID: "corrupt:1", Text: "One.", Origin: Origin{Path: p, Line: 1}}),
					docItem(Document{ID: "corrupt:2", Text: "Two.", Origin: Origin{Path: p, Line: 2}}),
					docItem(Document{ID: "corrupt:3", Text: "Three.", Origin: Origin{Path: p, Line: 3}}),
					errItem("%s:4: truncated or corrupt gzip stream: gzip: invalid checksum", p),
				}
			},
		},
		{
			name: "truncated.csv.gz",
			data: truncatedGzip(t, rows, 8+5+5),
			want: func(p string) []item {
				return []item{
					docItem(Document{ID: "truncated:2", Text: "One.", Origin: Origin{Path: p, Line: 2}}),
					docItem(Document{ID: "truncated:3", Text: "Two.", Origin: Origin{Path: p, Line: 3}}),
					errItem("%s:4: truncated or corrupt gzip stream: unexpected EOF", p),
				}
			},
		},
		{
			// Two members, cut inside the file name the second one's
			// header stores: an error, not a clean end.
			name: "cut-member.jsonl.gz",
			data: append(gzipBytes(t, "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n"),
				namedGzip(t, "second-member.jsonl", "{\"text\": \"Three.\"}\n")[:10+5]...),
			want: func(p string) []item {
				return []item{
					docItem(Document{ID: "cut-member:1", Text: "One.", Origin: Origin{Path: p, Line: 1}}),
					docItem(Document{ID: "cut-member:2", Text: "Two.", Origin: Origin{Path: p, Line: 2}}),
					errItem("%s:3: truncated or corrupt gzip stream: unexpected EOF", p),
				}
			},
		},
		{
			name: "corrupt.csv.gz",
			data: corruptGzip(t, rows),
			want: func(p string) []item {
				return []item{
					docItem(Document{ID: "corrupt:2", Text: "One.", Origin: Origin{Path: p, Line: 2}}),
					docItem(Document{ID: "corrupt:3", Text: "Two.", Origin: Origin{Path: p, Line: 3}}),
					docItem(Document{ID: "corrupt:4", Text: "Three\nand more.", Origin: Origin{Path: p, Line: 4}}),
					errItem("%s:6: truncated or corrupt gzip stream: gzip: invalid checksum", p),
				}
			},
		},
		{
			name: "truncated.txt.gz",
			data: truncatedGzip(t, "Some text that is cut.", 8+5+4),
			want: func(p string) []item {
				return []item{errItem("%s: truncated or corrupt gzip stream: unexpected EOF", p)}
			},
		},
		{
			name: "corrupt.txt.gz",
			data: corruptGzip(t, "Some text."),
			want: func(p string) []item {
				return []item{errItem("%s: truncated or corrupt gzip stream: gzip: invalid checksum", p)}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.name, tt.data)
			checkItems(t, readAll(t, []string{p}, Options{}), tt.want(p))
		})
	}
}

func TestReadSymlinks(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte("Text A."))
	writeFile(t, dir, "sub/b.txt", []byte("Text B."))
	links := []struct{ target, name string }{
		{"a.txt", "link.txt"},             // a symlink to a file is read
		{".", "sub/loop.txt"},             // a symlink to a directory is not followed
		{"..", "sub/up"},                  // nor without a known extension
		{"missing.txt", "broken.txt"},     // a broken link with a known extension is an error
		{"missing.txt", "broken-ignored"}, // one without is skipped
	}
	for _, l := range links {
		if err := os.Symlink(l.target, filepath.Join(dir, filepath.FromSlash(l.name))); err != nil {
			t.Skipf("cannot create symbolic links: %v", err)
		}
	}
	got := readAll(t, []string{dir}, Options{})
	want := []item{
		docItem(Document{ID: "a", Text: "Text A.", Origin: Origin{Path: a}}),
		errItem("%s: no such file or directory", filepath.Join(dir, "broken.txt")),
		docItem(Document{ID: "link", Text: "Text A.", Origin: Origin{Path: filepath.Join(dir, "link.txt")}}),
		docItem(Document{ID: "sub/b", Text: "Text B.", Origin: Origin{Path: filepath.Join(dir, "sub", "b.txt")}}),
	}
	checkItems(t, got, want)

	// A symbolic link named directly is followed, even to a directory.
	got = readAll(t, []string{filepath.Join(dir, "sub", "loop.txt")}, Options{})
	want = []item{docItem(Document{ID: "b", Text: "Text B.", Origin: Origin{Path: filepath.Join(dir, "sub", "loop.txt", "b.txt")}})}
	checkItems(t, got, want)
}

func TestReadFormatOverride(t *testing.T) {
	dir := t.TempDir()
	txt := writeFile(t, dir, "lines.txt", []byte("{\"text\": \"A JSON line.\"}\n"))
	writeFile(t, dir, "skipped.json", []byte("{\"text\": \"Still skipped.\"}\n"))
	log := writeFile(t, dir, "rows.log", []byte("text\nA row.\n"))

	got := readAll(t, []string{dir}, Options{Format: FormatJSONL})
	want := []item{docItem(Document{ID: "lines:1", Text: "A JSON line.", Origin: Origin{Path: txt, Line: 1}})}
	checkItems(t, got, want)

	got = readAll(t, []string{log}, Options{Format: FormatCSV})
	want = []item{docItem(Document{ID: "rows:2", Text: "A row.", Origin: Origin{Path: log, Line: 2}})}
	checkItems(t, got, want)

	got = readAll(t, []string{log}, Options{Format: "xml"})
	want = []item{errItem(`%s: unknown format "xml"`, log)}
	checkItems(t, got, want)
}

func TestReadMaxDocBytes(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("word ", 40) // 200 bytes
	exact := strings.Repeat("x", 100-len(`{"text": ""}`))
	huge := strings.Repeat("y", 3*bufSize)
	tests := []struct {
		name string
		data string
		want func(p string) []item
	}{
		{
			name: "big.txt",
			data: big,
			want: func(p string) []item { return []item{errItem("%s: document larger than 100 bytes", p)} },
		},
		{
			name: "exact.txt",
			data: strings.Repeat("z", 100),
			want: func(p string) []item {
				return []item{docItem(Document{ID: "exact", Text: strings.Repeat("z", 100), Origin: Origin{Path: p}})}
			},
		},
		{
			name: "lines.jsonl",
			data: `{"text": "Short."}` + "\n" +
				`{"text": "` + big + `"}` + "\n" +
				`{"text": "` + huge + `"}` + "\r\n" +
				`{"text": "` + exact + `"}` + "\r\n" +
				`{"text": "` + huge + `"}`,
			want: func(p string) []item {
				return []item{
					docItem(Document{ID: "lines:1", Text: "Short.", Origin: Origin{Path: p, Line: 1}}),
					errItem("%s:2: line longer than 100 bytes", p),
					errItem("%s:3: line longer than 100 bytes", p),
					docItem(Document{ID: "lines:4", Text: exact, Origin: Origin{Path: p, Line: 4}}),
					errItem("%s:5: line longer than 100 bytes", p),
				}
			},
		},
		{
			name: "rows.csv",
			data: "text\nShort.\n\"" + big + "\"\nAfter.\n\"" + huge + "\"\nNever read.\n",
			want: func(p string) []item {
				return []item{
					docItem(Document{ID: "rows:2", Text: "Short.", Origin: Origin{Path: p, Line: 2}}),
					errItem("%s:3: record longer than 100 bytes", p),
					docItem(Document{ID: "rows:4", Text: "After.", Origin: Origin{Path: p, Line: 4}}),
					errItem("%s:5: record longer than 100 bytes; the rest of the file is not read", p),
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.name, []byte(tt.data))
			checkItems(t, readAll(t, []string{p}, Options{MaxDocBytes: 100}), tt.want(p))
		})
	}
}

func TestReadInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	txt := writeFile(t, dir, "bad.txt", []byte("---\ntitle: Caf\xe9\n---\nna\xefve \xff text"))
	jsonl := writeFile(t, dir, "bad.jsonl", []byte("{\"source\": \"Wi\xffre\", \"text\": \"na\xefve\"}\n"))
	csvPath := writeFile(t, dir, "bad.csv", []byte("text,title\nna\xefve,\xff Title \xfe\n"))
	got := readAll(t, []string{txt, jsonl, csvPath}, Options{})
	want := []item{
		docItem(Document{ID: "bad", Title: "Caf\uFFFD", Text: "na\uFFFDve \uFFFD text", Origin: Origin{Path: txt}}),
		docItem(Document{ID: "bad:1", Source: "Wi\uFFFDre", Text: "na\uFFFDve", Origin: Origin{Path: jsonl, Line: 1}}),
		docItem(Document{ID: "bad:2", Title: "\uFFFD Title \uFFFD", Text: "na\uFFFDve", Origin: Origin{Path: csvPath, Line: 2}}),
	}
	checkItems(t, got, want)
}

func TestReadStops(t *testing.T) {
	inputs := []string{tdPath("corpus")}

	// The consumer stops: Read must not yield again (the runtime would panic).
	n := 0
	for range Read(context.Background(), inputs, Options{}) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("got %d items before break, want 2", n)
	}

	// The context is cancelled after the first document.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n = 0
	for range Read(ctx, inputs, Options{}) {
		n++
		cancel()
	}
	if n != 1 {
		t.Errorf("got %d items with a cancelled context, want 1", n)
	}

	// The context is cancelled before reading starts.
	n = 0
	for range Read(ctx, []string{"-"}, Options{Stdin: strings.NewReader("text")}) {
		n++
	}
	if n != 0 {
		t.Errorf("got %d items with a context cancelled beforehand, want 0", n)
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"", FormatAuto, false},
		{"auto", FormatAuto, false},
		{"text", FormatText, false},
		{"txt", FormatText, false},
		{"md", FormatText, false},
		{"jsonl", FormatJSONL, false},
		{"ndjson", FormatJSONL, false},
		{"csv", FormatCSV, false},
		{" CSV ", FormatCSV, false},
		{"JSONL", FormatJSONL, false},
		{"json", FormatAuto, true},
		{"tsv", FormatAuto, true},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestDefaultFields(t *testing.T) {
	want := Fields{ID: "id", Date: "date", Source: "source", Title: "title", URL: "url", Text: "text"}
	if got := DefaultFields(); got != want {
		t.Errorf("DefaultFields() = %+v, want %+v", got, want)
	}
	if got := (Fields{Text: "body"}).withDefaults(); got.Text != "body" || got.ID != "id" || got.URL != "url" {
		t.Errorf("withDefaults kept %+v", got)
	}
}

func TestErrorMessage(t *testing.T) {
	base := errors.New("what went wrong")
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Path: "data/news.jsonl", Line: 17, Err: base}, "data/news.jsonl:17: what went wrong"},
		{&Error{Path: "data/news.jsonl", Err: base}, "data/news.jsonl: what went wrong"},
		{&Error{Path: "-", Line: 2, Err: base}, "-:2: what went wrong"},
		{&Error{Err: base}, "what went wrong"},
		{&Error{Path: "x.txt"}, "x.txt: unknown error"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if tt.err.Err != nil && !errors.Is(tt.err, base) {
			t.Errorf("errors.Is(%v, base) = false", tt.err)
		}
	}
}

func TestSplitExt(t *testing.T) {
	tests := []struct {
		in, base, ext string
		gz            bool
	}{
		{"a.txt", "a", ".txt", false},
		{"2025/05-16-istanbul.txt", "2025/05-16-istanbul", ".txt", false},
		{"a.TXT.GZ", "a", ".txt", true},
		{"a.md.gz", "a", ".md", true},
		{"report.2025.jsonl", "report.2025", ".jsonl", false},
		{"plain.gz", "plain", "", true},
		{"README", "README", "", false},
		{".profile", ".profile", "", false},
		{"dir/.profile", "dir/.profile", "", false},
		{".gz", ".gz", "", false},
	}
	for _, tt := range tests {
		base, ext, gz := splitExt(tt.in)
		if base != tt.base || ext != tt.ext || gz != tt.gz {
			t.Errorf("splitExt(%q) = %q, %q, %v; want %q, %q, %v", tt.in, base, ext, gz, tt.base, tt.ext, tt.gz)
		}
	}
}

func TestReadEmptyInputName(t *testing.T) {
	checkItems(t, readAll(t, []string{"", "-"}, Options{Stdin: strings.NewReader("Text.")}), []item{
		errItem(`"": empty input path`),
		docItem(Document{ID: "stdin", Text: "Text.", Origin: Origin{Path: "-"}}),
	})
}

func TestReadBinary(t *testing.T) {
	dir := t.TempDir()
	png := writeFile(t, dir, "image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	jsonl := writeFile(t, dir, "nul.jsonl", []byte(`{"text": "a\u0000b"}`+"\n"+"{\"text\": \"a\x00b\"}\n"+`{"text": "fine"}`+"\n"))
	got := readAll(t, []string{png, jsonl}, Options{})
	want := []item{
		errItem("%s: binary data, not text: NUL byte at byte 8 of the text", png),
		errItem("%s:1: binary data, not text: NUL byte at byte 1 of the text", jsonl),
		errItem("%s:2: invalid JSON: invalid character '\\x00' in string literal", jsonl),
		docItem(Document{ID: "nul:3", Text: "fine", Origin: Origin{Path: jsonl, Line: 3}}),
	}
	checkItems(t, got, want)
}

// gzipBomb returns a gzip stream of n MiB of zeros: members of 1 MiB each,
// compressed once and repeated, so that it costs nothing to build.
func gzipBomb(t *testing.T, n int) []byte {
	t.Helper()
	var member bytes.Buffer
	zw, err := gzip.NewWriterLevel(&member, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write(make([]byte, 1<<20))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return bytes.Repeat(member.Bytes(), n)
}

func TestReadGzipBomb(t *testing.T) {
	dir := t.TempDir()
	bomb := gzipBomb(t, 100)
	p := writeFile(t, dir, "bomb.jsonl.gz", bomb)
	got := readAll(t, []string{p, "-"}, Options{Format: FormatJSONL, Stdin: bytes.NewReader(bomb)})
	if len(got) != 2 {
		t.Fatalf("got %d items, want 2 errors: %v", len(got), got)
	}
	for i, name := range []string{p, "-"} {
		if want := name + ":1: gzip stream expands too much: 64 MB from "; !strings.HasPrefix(got[i].Err, want) || !strings.Contains(got[i].Err, "decompression bomb") {
			t.Errorf("got %s, want an error starting %q", describeItem(got[i]), want)
		}
	}
}

func TestGzipGuard(t *testing.T) {
	compress := func(data []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(data)
		zw.Close()
		return buf.Bytes()
	}
	line := []byte(`{"text": "The same report, again and again."}` + "\n")
	tests := []struct {
		name   string
		stream []byte
		bomb   bool
	}{
		{"zeros", gzipBomb(t, 8), true},
		{"one record repeated", compress(bytes.Repeat(line, 8<<20/len(line))), false},
		{"small", compress(make([]byte, 1<<20)), false},
	}
	for _, tt := range tests {
		g, err := newGzipGuard(bytes.NewReader(tt.stream), 2<<20)
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, g)
		if got := errors.Is(err, errGzipBomb); got != tt.bomb || (!tt.bomb && err != nil) {
			t.Errorf("%s: %v after %d bytes, want a bomb: %t", tt.name, err, n, tt.bomb)
		}
	}
}
