package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// readText reads a whole stream as one document.
func (r *reader) readText(src source, br *bufio.Reader) bool {
	// One byte past the limit tells a document of exactly MaxDocBytes from a
	// larger one without reading the rest.
	data, err := io.ReadAll(io.LimitReader(br, r.max+1))
	if err != nil {
		return r.fail(src.path, 0, readError(src, err))
	}
	if int64(len(data)) > r.max {
		return r.fail(src.path, 0, fmt.Errorf("document larger than %d bytes", r.max))
	}
	d, line, err := r.textDocument(src, string(data))
	if err != nil {
		return r.fail(src.path, line, err)
	}
	return r.emit(d)
}

// textDocument makes a document of the contents of a text file. On error
// it also returns the line concerned, or 0 for the file as a whole.
func (r *reader) textDocument(src source, s string) (Document, int, error) {
	fm, body, line, err := parseFrontMatter(s)
	if err != nil {
		return Document{}, line, err
	}
	d := Document{
		ID:     src.id,
		Source: fm.source,
		Title:  fm.title,
		URL:    fm.url,
		Text:   body,
		Origin: Origin{Path: src.path},
	}
	if id := cleanMeta(fm.id); id != "" {
		d.ID = id
	}
	if src.markdown && cleanMeta(fm.title) == "" {
		d.Title = markdownTitle(body)
	}
	if date := cleanMeta(fm.date); date != "" {
		d.Date, err = parseDateValue(`front matter "date"`, date)
		if err != nil {
			return Document{}, fm.dateLine, err
		}
	} else {
		d.Date = src.nameDate
	}
	if err := r.finishDocument(&d); err != nil {
		return Document{}, 0, err
	}
	return d, 0, nil
}

// frontMatter holds the keys of a front matter block that Read uses.
type frontMatter struct {
	id, title, date, source, url string
	dateLine                     int // line of the date key, for its error
}

// parseFrontMatter splits optional front matter from the start of a text:
// a line "---", "key: value" lines, and a line "---". It returns the keys
// it knows and the body after the closing line. Keys are case-insensitive;
// values may be quoted. Indented and "- " lines continue the key before
// them, which is allowed only for keys Read ignores, so that the lists
// common in blog front matter do not stop a file from being read.
//
// On error it also returns the line concerned.
func parseFrontMatter(s string) (fm frontMatter, body string, line int, err error) {
	first, rest, found := strings.Cut(s, "\n")
	if !isFrontMatterDelimiter(first) {
		return frontMatter{}, s, 0, nil
	}
	unclosed := errors.New(`front matter has no closing "---" line`)
	if !found {
		return frontMatter{}, "", 1, unclosed
	}
	lineNo := 1
	lastKey := ""
	for {
		l, next, found := strings.Cut(rest, "\n")
		lineNo++
		if isFrontMatterDelimiter(l) {
			return fm, next, 0, nil
		}
		l = strings.TrimSuffix(l, "\r")
		trimmed := strings.TrimSpace(l)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			// Blank lines and comments.
		case l[0] == ' ' || l[0] == '\t' || l == "-" || strings.HasPrefix(l, "- "):
			if lastKey == "" {
				if !found || !hasFrontMatterDelimiter(next) {
					return frontMatter{}, "", 1, unclosed
				}
				return frontMatter{}, "", lineNo, malformedFrontMatter(l)
			}
			if frontMatterKeyUsed(lastKey) {
				return frontMatter{}, "", lineNo, fmt.Errorf("front matter: value of %q must fit on one line", lastKey)
			}
		default:
			key, value, ok := strings.Cut(l, ":")
			key = strings.TrimSpace(key)
			if !ok || key == "" {
				if !found || !hasFrontMatterDelimiter(next) {
					// Body text read as front matter: the missing closing
					// line is the mistake to report.
					return frontMatter{}, "", 1, unclosed
				}
				return frontMatter{}, "", lineNo, malformedFrontMatter(l)
			}
			lastKey = strings.ToLower(key)
			value = unquoteFrontMatter(strings.TrimSpace(value))
			switch lastKey {
			case "id":
				fm.id = value
			case "title":
				fm.title = value
			case "date":
				fm.date = value
				fm.dateLine = lineNo
			case "source":
				fm.source = value
			case "url":
				fm.url = value
			}
		}
		if !found {
			return frontMatter{}, "", 1, unclosed
		}
		rest = next
	}
}

func isFrontMatterDelimiter(l string) bool {
	return strings.TrimRight(l, " \t\r") == "---"
}

// hasFrontMatterDelimiter reports whether s has a "---" line.
func hasFrontMatterDelimiter(s string) bool {
	for s != "" {
		var l string
		l, s, _ = strings.Cut(s, "\n")
		if isFrontMatterDelimiter(l) {
			return true
		}
	}
	return false
}

func frontMatterKeyUsed(key string) bool {
	switch key {
	case "id", "title", "date", "source", "url":
		return true
	}
	return false
}

func malformedFrontMatter(l string) error {
	const show = 40 // runes of the line to quote
	if utf8.RuneCountInString(l) > show {
		l = string([]rune(l)[:show]) + "..."
	}
	return fmt.Errorf(`front matter: malformed line %q (want "key: value")`, l)
}

// unquoteFrontMatter removes the double or single quotes around a value,
// undoing the doubled single quote of YAML's single-quoted style.
func unquoteFrontMatter(v string) string {
	if len(v) < 2 || v[0] != v[len(v)-1] {
		return v
	}
	switch v[0] {
	case '"':
		return v[1 : len(v)-1]
	case '\'':
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	return v
}

// markdownTitle returns the text of a level-one ATX heading ("# Title") on
// the first non-blank line of a Markdown body, or "".
func markdownTitle(body string) string {
	for body != "" {
		var l string
		l, body, _ = strings.Cut(body, "\n")
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if !strings.HasPrefix(l, "# ") && !strings.HasPrefix(l, "#\t") {
			return ""
		}
		t := strings.TrimSpace(l[2:])
		// An optional closing run of '#' is not part of the heading, but a
		// '#' ending a word ("C#") is.
		if c := strings.TrimRight(t, "#"); c != t && (c == "" || strings.HasSuffix(c, " ") || strings.HasSuffix(c, "\t")) {
			t = strings.TrimSpace(c)
		}
		return t
	}
	return ""
}

// dateFromName returns the date, as YYYY-MM-DD, that a file name such as
// "2025-05-16-talks" starts with, or "" when it starts with none.
func dateFromName(name string) string {
	if len(name) < 10 || name[4] != '-' || name[7] != '-' {
		return ""
	}
	if len(name) > 10 && '0' <= name[10] && name[10] <= '9' {
		return ""
	}
	y, ok1 := atoiDigits(name[0:4])
	m, ok2 := atoiDigits(name[5:7])
	d, ok3 := atoiDigits(name[8:10])
	if !ok1 || !ok2 || !ok3 {
		return ""
	}
	date, _ := formatYMD(y, m, d)
	return date
}
