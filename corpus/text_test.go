package corpus

import (
	"testing"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		file string
		want item
	}{
		{"front.md", docItem(Document{
			ID:     "talks-1",
			Date:   "2025-05-16",
			Source: "Daily Paper",
			Title:  "Talks resume",
			URL:    "https://example.org/talks",
			Text:   "# Not the title\n\nThe delegations met again.\n",
			Origin: Origin{Path: tdPath("text", "front.md")},
		})},
		{"2025-05-16-talks.txt", docItem(Document{
			ID:     "2025-05-16-talks",
			Date:   "2025-05-16",
			Text:   "Negotiators met in Istanbul.\n",
			Origin: Origin{Path: tdPath("text", "2025-05-16-talks.txt")},
		})},
		{"heading.md", docItem(Document{
			ID:     "heading",
			Title:  "Heading in *Markdown*",
			Text:   "\n# Heading in *Markdown* ##\n\nBody text.\n",
			Origin: Origin{Path: tdPath("text", "heading.md")},
		})},
		{"crlf.txt", docItem(Document{
			ID:     "crlf",
			Title:  "Windows",
			Text:   "Line one.\r\n",
			Origin: Origin{Path: tdPath("text", "crlf.txt")},
		})},
		{"note.log", docItem(Document{
			ID:     "note",
			Text:   "A plain note without extension.\n",
			Origin: Origin{Path: tdPath("text", "note.log")},
		})},
		{"bad-front.txt", errItem(`%s:3: front matter: malformed line "this line is not a key" (want "key: value")`, tdPath("text", "bad-front.txt"))},
		{"unclosed.md", errItem(`%s:1: front matter has no closing "---" line`, tdPath("text", "unclosed.md"))},
		{"bad-date.txt", errItem(`%s:3: front matter "date": cannot parse "next Tuesday" as a date`, tdPath("text", "bad-date.txt"))},
		{"empty.txt", errItem("%s: empty text", tdPath("text", "empty.txt"))},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			checkItems(t, readAll(t, []string{tdPath("text", tt.file)}, Options{}), []item{tt.want})
		})
	}
}

// TestReadTextContinues checks that a bad file does not stop the files
// after it.
func TestReadTextContinues(t *testing.T) {
	got := readAll(t, []string{tdPath("text", "bad-front.txt"), tdPath("text", "empty.txt"), tdPath("text", "note.log")}, Options{})
	want := []item{
		errItem(`%s:3: front matter: malformed line "this line is not a key" (want "key: value")`, tdPath("text", "bad-front.txt")),
		errItem("%s: empty text", tdPath("text", "empty.txt")),
		docItem(Document{ID: "note", Text: "A plain note without extension.\n", Origin: Origin{Path: tdPath("text", "note.log")}}),
	}
	checkItems(t, got, want)
}

func TestTextDocument(t *testing.T) {
	plain := source{path: "dir/a.txt", id: "a"}
	md := source{path: "dir/2025-05-16-a.md", id: "2025-05-16-a", markdown: true, nameDate: "2025-05-16"}
	tests := []struct {
		name     string
		src      source
		in       string
		want     Document
		wantLine int
		wantErr  string
	}{
		{
			name: "no front matter",
			src:  plain,
			in:   "Just text.\n---\nnot: front matter\n",
			want: Document{ID: "a", Text: "Just text.\n---\nnot: front matter\n"},
		},
		{
			name: "all keys, any case, quotes",
			src:  plain,
			in:   "---\nID: 'it''s-1'\nTITLE: \"A \"quoted\" title\"\nDate: \"16 May 2025\"\nsource:   Wire  \nUrl: https://example.org/a?b=c:d\n---\nBody.",
			want: Document{ID: "it's-1", Title: `A "quoted" title`, Date: "2025-05-16", Source: "Wire", URL: "https://example.org/a?b=c:d", Text: "Body."},
		},
		{
			name: "ignored keys with lists, comments and blank lines",
			src:  plain,
			in:   "---\ntags:\n  - one\n- two\n\n# comment\nauthor: Someone\ntitle: T\n---\nBody.",
			want: Document{ID: "a", Title: "T", Text: "Body."},
		},
		{
			name: "delimiters with trailing space and CRLF",
			src:  plain,
			in:   "--- \r\ntitle: T\r\n---\t\r\n\r\nBody.\r\n",
			want: Document{ID: "a", Title: "T", Text: "\r\nBody.\r\n"},
		},
		{
			name: "empty front matter",
			src:  plain,
			in:   "---\n---\nBody.",
			want: Document{ID: "a", Text: "Body."},
		},
		{
			name: "empty id and date fall back",
			src:  md,
			in:   "---\nid: \"\"\ndate:\n---\nBody.",
			want: Document{ID: "2025-05-16-a", Date: "2025-05-16", Text: "Body."},
		},
		{
			name: "front matter date overrides the name",
			src:  md,
			in:   "---\ndate: 2024-01-02\n---\nBody.",
			want: Document{ID: "2025-05-16-a", Date: "2024-01-02", Text: "Body."},
		},
		{
			name: "markdown heading after front matter",
			src:  md,
			in:   "---\nsource: Wire\n---\n\n#   Spaced heading #  \nBody.",
			want: Document{ID: "2025-05-16-a", Date: "2025-05-16", Source: "Wire", Title: "Spaced heading", Text: "\n#   Spaced heading #  \nBody."},
		},
		{
			name: "markdown heading ending in a hash",
			src:  md,
			in:   "# Learning C#\nBody.",
			want: Document{ID: "2025-05-16-a", Date: "2025-05-16", Title: "Learning C#", Text: "# Learning C#\nBody."},
		},
		{
			name: "markdown level-two heading is no title",
			src:  md,
			in:   "## Section\nBody.",
			want: Document{ID: "2025-05-16-a", Date: "2025-05-16", Text: "## Section\nBody."},
		},
		{
			name: "heading only counts in markdown",
			src:  plain,
			in:   "# Heading\nBody.",
			want: Document{ID: "a", Text: "# Heading\nBody."},
		},
		{
			name: "leading BOM dropped",
			src:  plain,
			in:   "\ufeffBody.",
			want: Document{ID: "a", Text: "Body."},
		},
		{
			name:     "malformed line",
			src:      plain,
			in:       "---\ntitle: T\n\nno colon here\n---\nBody.",
			wantLine: 4,
			wantErr:  `front matter: malformed line "no colon here" (want "key: value")`,
		},
		{
			name:     "empty key",
			src:      plain,
			in:       "---\n: value\n---\nBody.",
			wantLine: 2,
			wantErr:  `front matter: malformed line ": value" (want "key: value")`,
		},
		{
			name:     "long malformed line is shortened",
			src:      plain,
			in:       "---\nThis line goes on for a good while without any colon at all\n---\nBody.",
			wantLine: 2,
			wantErr:  `front matter: malformed line "This line goes on for a good while witho..." (want "key: value")`,
		},
		{
			name:     "continuation before any key",
			src:      plain,
			in:       "---\n  indented\ntitle: T\n---\nBody.",
			wantLine: 2,
			wantErr:  `front matter: malformed line "  indented" (want "key: value")`,
		},
		{
			name:     "multi-line title",
			src:      plain,
			in:       "---\ntitle: >\n  Folded\n---\nBody.",
			wantLine: 3,
			wantErr:  `front matter: value of "title" must fit on one line`,
		},
		{
			name:     "unclosed",
			src:      plain,
			in:       "---\ntitle: T\ndate: 2025-05-16\n",
			wantLine: 1,
			wantErr:  `front matter has no closing "---" line`,
		},
		{
			name:     "only a delimiter",
			src:      plain,
			in:       "---",
			wantLine: 1,
			wantErr:  `front matter has no closing "---" line`,
		},
		{
			name:     "unclosed with body text",
			src:      plain,
			in:       "---\ntitle: T\n\nThe body starts here.\n",
			wantLine: 1,
			wantErr:  `front matter has no closing "---" line`,
		},
		{
			name:     "bad date",
			src:      plain,
			in:       "---\ntitle: T\ndate: soon\n---\nBody.",
			wantLine: 3,
			wantErr:  `front matter "date": cannot parse "soon" as a date`,
		},
		{
			name:    "nothing after front matter",
			src:     plain,
			in:      "---\ntitle: T\n---\n \n",
			wantErr: "empty text",
		},
		{
			name:    "closing line at the end without newline",
			src:     plain,
			in:      "---\ntitle: T\n---",
			wantErr: "empty text",
		},
	}
	r := &reader{max: DefaultMaxDocBytes}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, line, err := r.textDocument(tt.src, tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr || line != tt.wantLine {
					t.Fatalf("got %+v, line %d, error %v; want line %d, error %q", got, line, err, tt.wantLine, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error at line %d: %v", line, err)
			}
			tt.want.Origin = Origin{Path: tt.src.path}
			if got != tt.want {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestDateFromName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-05-16-talks", "2025-05-16"},
		{"2025-05-16", "2025-05-16"},
		{"2025-05-16_talks", "2025-05-16"},
		{"2025-05-160", ""},
		{"2025-02-30-talks", ""},
		{"2025-13-01", ""},
		{"talks-2025-05-16", ""},
		{"05-16-istanbul", ""},
		{"2025_05_16", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := dateFromName(tt.in); got != tt.want {
			t.Errorf("dateFromName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
