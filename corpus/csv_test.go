package corpus

import (
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	p := tdPath("csv", "news.csv")
	got := readAll(t, []string{p, tdPath("csv", "notext.csv")}, Options{})
	want := []item{
		docItem(Document{ID: "c1", Date: "2025-05-16", Source: "Wire", Title: "Talks", URL: "https://example.org/c1",
			Text: "Talks resumed.", Origin: Origin{Path: p, Line: 2}}),
		docItem(Document{ID: "news:3", Date: "2025-05-17", Source: "Wire", Text: "A quoted text\nspanning two lines.",
			Origin: Origin{Path: p, Line: 3}}),
		errItem("%s:5: wrong number of fields: want 6, got 4", p),
		errItem(`%s:6: column "date": cannot parse "next Tuesday" as a date`, p),
		errItem("%s:7: empty text", p),
		errItem(`%s:8: bare " in non-quoted-field (column 12)`, p),
		docItem(Document{ID: "c7", Text: "After errors.", Origin: Origin{Path: p, Line: 9}}),
		errItem(`%s:1: header has no "text" column`, tdPath("csv", "notext.csv")),
	}
	checkItems(t, got, want)
}

func TestReadCSVFields(t *testing.T) {
	p := tdPath("csv", "body.csv")
	fields := Fields{ID: "key", Date: "published", Source: "outlet", Title: "headline", URL: "link", Text: "BODY"}
	got := readAll(t, []string{p}, Options{Fields: fields})
	want := []item{docItem(Document{ID: "k1", Date: "2025-05-16", Source: "Wire", Title: "Headline one",
		URL: "https://example.org/k1", Text: "Body one.", Origin: Origin{Path: p, Line: 2}})}
	checkItems(t, got, want)
}

func TestReadCSVCases(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want func(p string) []item
	}{
		{
			name: "header only",
			in:   "id,text\n",
			want: func(p string) []item { return nil },
		},
		{
			name: "empty file",
			in:   "",
			want: func(p string) []item { return []item{errItem("%s: no header row", p)} },
		},
		{
			name: "bad header",
			in:   "id,\"te\"xt\"\nr,T\n",
			want: func(p string) []item {
				return []item{errItem(`%s:1: extraneous or missing " in quoted-field (column 7)`, p)}
			},
		},
		{
			name: "header cells trimmed and any case, blank lines skipped",
			in:   " Text ,Id\n\nT1,\n\n\"T2\",r2\n",
			want: func(p string) []item {
				return []item{
					docItem(Document{ID: "in:3", Text: "T1", Origin: Origin{Path: p, Line: 3}}),
					docItem(Document{ID: "r2", Text: "T2", Origin: Origin{Path: p, Line: 5}}),
				}
			},
		},
		{
			name: "unterminated quote runs to the end",
			in:   "text\nOne.\n\"Two\nThree.\n",
			want: func(p string) []item {
				return []item{
					docItem(Document{ID: "in:2", Text: "One.", Origin: Origin{Path: p, Line: 2}}),
					errItem(`%s:3: extraneous or missing " in quoted-field (line 4, column 8)`, p),
				}
			},
		},
		{
			name: "record lines counted across quoted newlines",
			in:   "id,text\na,\"1\n2\n3\"\nb,\"x\r\ny\"\nc,\"z\"\"q\"\n",
			want: func(p string) []item {
				return []item{
					docItem(Document{ID: "a", Text: "1\n2\n3", Origin: Origin{Path: p, Line: 2}}),
					docItem(Document{ID: "b", Text: "x\ny", Origin: Origin{Path: p, Line: 5}}),
					docItem(Document{ID: "c", Text: `z"q`, Origin: Origin{Path: p, Line: 7}}),
				}
			},
		},
		{
			name: "too many fields",
			in:   "id,text\na,A.,extra\nb,B.\n",
			want: func(p string) []item {
				return []item{
					errItem("%s:2: wrong number of fields: want 2, got 3", p),
					docItem(Document{ID: "b", Text: "B.", Origin: Origin{Path: p, Line: 3}}),
				}
			},
		},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, "in.csv", []byte(tt.in))
			checkItems(t, readAll(t, []string{p}, Options{}), tt.want(p))
		})
	}
}

func TestReadCSVLongRecordAfterQuotedLines(t *testing.T) {
	// The line of a record too long to read is counted past the quoted line
	// breaks of the record before it.
	dir := t.TempDir()
	p := writeFile(t, dir, "in.csv", []byte("text\n\"a\nb\"\n"+strings.Repeat("x", 10*bufSize)+"\n"))
	got := readAll(t, []string{p}, Options{MaxDocBytes: 10})
	want := []item{
		docItem(Document{ID: "in:2", Text: "a\nb", Origin: Origin{Path: p, Line: 2}}),
		errItem("%s:4: record longer than 10 bytes; the rest of the file is not read", p),
	}
	checkItems(t, got, want)
}
