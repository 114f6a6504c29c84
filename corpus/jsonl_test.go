package corpus

import (
	"bufio"
	"io"
	"strings"
	"testing"
)

func TestReadJSONL(t *testing.T) {
	p := tdPath("jsonl", "news.jsonl")
	got := readAll(t, []string{p}, Options{})
	want := []item{
		docItem(Document{ID: "n1", Date: "2025-05-16", Source: "Wire", Title: "Talks", URL: "https://example.org/n1",
			Text: "Talks resumed.", Origin: Origin{Path: p, Line: 1}}),
		docItem(Document{ID: "42", Text: "Numbered id.", Origin: Origin{Path: p, Line: 3}}),
		docItem(Document{ID: "news:4", Text: "No id here.", Origin: Origin{Path: p, Line: 4}}),
		errItem("%s:5: invalid JSON: invalid character 'o' in literal null (expecting 'u')", p),
		errItem("%s:6: want a JSON object, got array", p),
		errItem(`%s:7: missing field "text"`, p),
		errItem(`%s:8: field "text": want a string, got number`, p),
		errItem(`%s:9: field "date": cannot parse "next Tuesday" as a date`, p),
		errItem("%s:10: empty text", p),
		errItem(`%s:11: field "id": want a string or a number, got array`, p),
		errItem(`%s:12: field "title": want a string, got boolean`, p),
		docItem(Document{ID: "n13", Title: "Padded", Text: "BOM text.", Origin: Origin{Path: p, Line: 13}}),
		docItem(Document{ID: "n14", Text: "Last line, no newline.", Origin: Origin{Path: p, Line: 14}}),
	}
	checkItems(t, got, want)
}

func TestReadJSONLFields(t *testing.T) {
	p := tdPath("jsonl", "body.jsonl")
	fields := Fields{ID: "key", Date: "published", Source: "outlet", Title: "headline", URL: "link", Text: "body"}
	got := readAll(t, []string{p}, Options{Fields: fields})
	want := []item{docItem(Document{ID: "b1", Date: "2025-05-16", Source: "Wire", Title: "Headline one",
		URL: "https://example.org/b1", Text: "Body one.", Origin: Origin{Path: p, Line: 1}})}
	checkItems(t, got, want)

	// Only the text field renamed: the others keep their default names.
	got = readAll(t, []string{p}, Options{Fields: Fields{Text: "headline"}})
	want = []item{docItem(Document{ID: "body:1", Text: "Headline one", Origin: Origin{Path: p, Line: 1}})}
	checkItems(t, got, want)
}

func TestJSONDocument(t *testing.T) {
	src := source{path: "in.jsonl", id: "in"}
	tests := []struct {
		in      string
		want    Document
		wantErr string
	}{
		{in: `{"text": "T"}`, want: Document{ID: "in:7", Text: "T"}},
		{in: `{"id": "", "text": "T"}`, want: Document{ID: "in:7", Text: "T"}},
		{in: `{"id": null, "text": "T"}`, want: Document{ID: "in:7", Text: "T"}},
		{in: `{"id": 1.5e3, "text": "T"}`, want: Document{ID: "1.5e3", Text: "T"}},
		{in: `{"id": -7 , "text": "T"}`, want: Document{ID: "-7", Text: "T"}},
		{in: `{"id": " x ", "text": "T", "date": " 2025-05-16T10:00:00Z ", "url": null, "title": null}`, want: Document{ID: "x", Date: "2025-05-16", Text: "T"}},
		{in: `{"text": "T", "date": ""}`, want: Document{ID: "in:7", Text: "T"}},
		{in: `{"text": "\ud800 lone surrogate"}`, want: Document{ID: "in:7", Text: "\uFFFD lone surrogate"}},
		{in: `{"text": "line\nbreak", "nested": {"a": [1, {"b": null}]}}`, want: Document{ID: "in:7", Text: "line\nbreak"}},
		{in: `{"TEXT": "T"}`, wantErr: `missing field "text"`},
		{in: `{"text": null}`, wantErr: `field "text": want a string, got null`},
		{in: `{"text": ["T"]}`, wantErr: `field "text": want a string, got array`},
		{in: `{"text": "T", "id": true}`, wantErr: `field "id": want a string or a number, got boolean`},
		{in: `{"text": "T", "id": {}}`, wantErr: `field "id": want a string or a number, got object`},
		{in: `{"text": "T", "date": 20250516}`, wantErr: `field "date": want a string, got number`},
		{in: `{"text": "T", "source": ["a"]}`, wantErr: `field "source": want a string, got array`},
		{in: `{"text": "T", "url": {}}`, wantErr: `field "url": want a string, got object`},
		{in: `{"text": "T", "date": "2025-02-30"}`, wantErr: `field "date": cannot parse "2025-02-30" as a date`},
		{in: `{"text": "\t\n"}`, wantErr: "empty text"},
		{in: `{"text": "T"} {"text": "U"}`, wantErr: "invalid JSON: invalid character '{' after top-level value"},
		{in: `{"text": "T"`, wantErr: "invalid JSON: unexpected end of JSON input"},
		{in: `"text"`, wantErr: "want a JSON object, got string"},
		{in: `null`, wantErr: "want a JSON object, got null"},
		{in: `12`, wantErr: "want a JSON object, got number"},
		{in: `true`, wantErr: "want a JSON object, got boolean"},
	}
	r := &reader{fields: DefaultFields(), max: DefaultMaxDocBytes}
	for _, tt := range tests {
		got, err := r.jsonDocument(src, 7, []byte(tt.in))
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%s: got %+v, %v; want error %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected error %v", tt.in, err)
			continue
		}
		tt.want.Origin = Origin{Path: "in.jsonl", Line: 7}
		if got != tt.want {
			t.Errorf("%s:\n got %#v\nwant %#v", tt.in, got, tt.want)
		}
	}
}

func TestLineReader(t *testing.T) {
	type line struct {
		text    string
		tooLong bool
	}
	long := strings.Repeat("a", 3*bufSize)
	tests := []struct {
		name string
		in   string
		max  int64
		want []line
	}{
		{"plain", "a\nbb\n", 10, []line{{"a", false}, {"bb", false}}},
		{"no final newline", "a\nbb", 10, []line{{"a", false}, {"bb", false}}},
		{"crlf", "a\r\n\r\nbb\r\n", 10, []line{{"a", false}, {"", false}, {"bb", false}}},
		{"at the limit", "abc\r\nabcd\nabc", 3, []line{{"abc", false}, {"", true}, {"abc", false}}},
		{"longer than the buffer", "x\n" + long + "\ny\n" + long, 10, []line{{"x", false}, {"", true}, {"y", false}, {"", true}}},
		{"long line fits", long + "\n", int64(len(long)), []line{{long, false}}},
		{"lone carriage return kept", "a\rb\n", 10, []line{{"a\rb", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lr := lineReader{br: bufio.NewReaderSize(strings.NewReader(tt.in), bufSize), max: tt.max}
			var got []line
			for {
				data, n, tooLong, err := lr.next()
				if n == 0 && err == io.EOF {
					break
				}
				if err != nil && err != io.EOF {
					t.Fatal(err)
				}
				got = append(got, line{string(data), tooLong})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d lines, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("line %d: got %.20q (too long %v), want %.20q (too long %v)", i+1, got[i].text, got[i].tooLong, tt.want[i].text, tt.want[i].tooLong)
				}
			}
		})
	}
}

// TestScanJSONAccepts checks that the one-pass reading takes the records it
// is for, quirks of encoding/json included, rather than leaving them all to
// the slow path (FuzzScanJSON checks that what it reads is right).
func TestScanJSONAccepts(t *testing.T) {
	for _, tc := range []struct {
		in, text string
		ok       bool
	}{
		{`{"id": 1, "text": "a", "other": [1, {"x": null}]}`, "a", true},
		{`{"te\u0078t": "escaped name"}`, "escaped name", true},
		{`{"text": "first", "text": "last"}`, "last", true},
		{"{\"text\": \"bad \xff UTF-8\"}", "bad \ufffd UTF-8", true},
		{`{"text": "\ud800 lone"}`, "\ufffd lone", true},
		{`{"text": 12}`, "", false},
		{`{"title": "no text"}`, "", false},
		{`{"text": "T"} {"text": "U"}`, "", false},
		{`{"text": "T"`, "", false},
	} {
		r := &reader{fields: DefaultFields()}
		text, _, ok := r.scanJSON([]byte(tc.in))
		if ok != tc.ok || text != tc.text {
			t.Errorf("scanJSON(%q) = %q, %v; want %q, %v", tc.in, text, ok, tc.text, tc.ok)
		}
	}
}
