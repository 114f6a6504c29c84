package corpus

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Fields names the JSON fields or CSV columns that hold each part of a document.
type Fields struct{ ID, Date, Source, Title, URL, Text string }

// DefaultFields returns the field names used when none are given:
// "id", "date", "source", "title", "url" and "text".
func DefaultFields() Fields {
	return Fields{ID: "id", Date: "date", Source: "source", Title: "title", URL: "url", Text: "text"}
}

// withDefaults fills each empty name with its default.
func (f Fields) withDefaults() Fields {
	d := DefaultFields()
	if f.ID == "" {
		f.ID = d.ID
	}
	if f.Date == "" {
		f.Date = d.Date
	}
	if f.Source == "" {
		f.Source = d.Source
	}
	if f.Title == "" {
		f.Title = d.Title
	}
	if f.URL == "" {
		f.URL = d.URL
	}
	if f.Text == "" {
		f.Text = d.Text
	}
	return f
}

// Format forces how an input is read; the zero value chooses by file
// extension (and, for standard input, by sniffing).
type Format string

// The formats Read understands.
const (
	FormatAuto  Format = ""
	FormatText  Format = "text"
	FormatJSONL Format = "jsonl"
	FormatCSV   Format = "csv"
)

// ParseFormat parses a format name as a user gives it: "", "auto", "text",
// "txt", "md", "jsonl", "ndjson" or "csv", in any case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return FormatAuto, nil
	case "text", "txt", "md":
		return FormatText, nil
	case "jsonl", "ndjson":
		return FormatJSONL, nil
	case "csv":
		return FormatCSV, nil
	}
	return FormatAuto, fmt.Errorf("unknown format %q (want auto, text, jsonl or csv)", s)
}

// formatForExt returns the format of a lower-case file extension, or
// FormatAuto when the extension is not one Read knows.
func formatForExt(ext string) Format {
	switch ext {
	case ".txt", ".text", ".md", ".markdown":
		return FormatText
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".csv":
		return FormatCSV
	}
	return FormatAuto
}

// DefaultMaxDocBytes is the size limit of one document, or of one JSONL or
// CSV record, when Options.MaxDocBytes is 0.
const DefaultMaxDocBytes = 16 << 20

// Options configures Read.
type Options struct {
	Fields Fields // zero-valued names fall back to DefaultFields' names
	Format Format

	// MaxDocBytes bounds a document, and a JSONL line or CSV record: a larger
	// one is an error for that record, read past at bounded memory.
	// 0 means DefaultMaxDocBytes.
	MaxDocBytes int64

	Stdin io.Reader // what "-" reads
}

// bufSize is the read buffer of every input; JSONL lines and the
// standard-input sniffing look at most this far ahead at a time.
const bufSize = 64 << 10

// Read streams the documents of the inputs, in order: each input is a file,
// a directory (walked recursively in lexical order) or "-" for standard input.
//
// A file's format comes from its extension, after a final ".gz" is removed
// (the file is then gunzipped): .txt, .text, .md and .markdown are text, one
// document a file; .jsonl and .ndjson are JSON Lines; .csv is CSV with a
// header row. A file named directly with another extension is read as text.
// Inside a directory, files with other extensions are skipped, as are hidden
// files and directories (whose name starts with ".") and anything that is
// neither a regular file, a directory nor a symbolic link to a regular file:
// symbolic links to directories are not followed, so a walk cannot loop
// (an input that is itself such a link is followed).
// Options.Format, when set, overrides the extension for every input, but
// does not change which files of a directory are read.
//
// A gzip stream that expands more than MaxGzipRatio times is refused as a
// likely decompression bomb, with an error at the line it had reached.
//
// Standard input may be gzip-compressed (detected by its magic bytes); its
// format is Options.Format or, when that is FormatAuto, JSON Lines if its
// first non-space byte is '{' and text otherwise.
//
// Read yields either a Document with a nil error, or a zero Document with an
// *Error; after an error it goes on with the next record or input. It stops
// when ctx is cancelled, without an error of its own (the caller has
// ctx.Err()), or when the consumer stops iterating.
func Read(ctx context.Context, inputs []string, opts Options) iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		if ctx == nil {
			ctx = context.Background()
		}
		r := &reader{
			ctx:    ctx,
			fields: opts.Fields.withDefaults(),
			format: opts.Format,
			max:    opts.MaxDocBytes,
			stdin:  opts.Stdin,
			yield:  yield,
		}
		if r.max <= 0 {
			r.max = DefaultMaxDocBytes
		}
		for _, in := range inputs {
			if !r.readInput(in) {
				return
			}
		}
	}
}

// reader holds the state of one call of Read. Its methods return false when
// reading must stop: the context is done or the consumer stopped iterating.
type reader struct {
	ctx    context.Context
	fields Fields
	format Format
	max    int64
	stdin  io.Reader
	yield  func(Document, error) bool
	json   *jsonScanner // made on the first JSON Lines record
}

// source describes one stream being read.
type source struct {
	path     string // Origin.Path and Error.Path
	id       string // the id a document gets by default: path relative to the input root, without extension
	markdown bool   // a first line "# Heading" gives the title
	nameDate string // date from a leading YYYY-MM-DD in the file name, or ""
	gzip     bool
}

func (r *reader) emit(d Document) bool {
	if r.ctx.Err() != nil {
		return false
	}
	return r.yield(d, nil)
}

func (r *reader) fail(path string, line int, err error) bool {
	if r.ctx.Err() != nil {
		return false
	}
	return r.yield(Document{}, &Error{Path: path, Line: line, Err: err})
}

func (r *reader) readInput(name string) bool {
	if r.ctx.Err() != nil {
		return false
	}
	if name == "-" {
		return r.readStdin()
	}
	if name == "" {
		return r.fail(`""`, 0, errors.New("empty input path"))
	}
	// Stat, not Lstat: a symbolic link named directly is what the user means.
	info, err := os.Stat(name)
	if err != nil {
		return r.fail(name, 0, pathlessError(err))
	}
	if info.IsDir() {
		return r.walkDir(name, "")
	}
	return r.readFile(name, filepath.Base(name))
}

// walkDir reads the files under dir, whose path relative to the input root
// is rel ("" for the root itself).
func (r *reader) walkDir(dir, rel string) bool {
	// os.ReadDir sorts by name, which gives the lexical order.
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !r.fail(dir, 0, pathlessError(err)) {
			return false
		}
	}
	for _, e := range entries {
		if r.ctx.Err() != nil {
			return false
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full := filepath.Join(dir, name)
		relName := path.Join(rel, name)
		typ := e.Type()
		switch {
		case typ.IsDir():
			if !r.walkDir(full, relName) {
				return false
			}
		case typ.IsRegular():
			if knownExt(name) && !r.readFile(full, relName) {
				return false
			}
		case typ&fs.ModeSymlink != 0:
			if !knownExt(name) {
				continue
			}
			info, err := os.Stat(full)
			if err != nil {
				if !r.fail(full, 0, pathlessError(err)) {
					return false
				}
				continue
			}
			if info.Mode().IsRegular() && !r.readFile(full, relName) {
				return false
			}
		}
	}
	return true
}

// splitExt splits a file name (or slash-separated relative path) into the
// name without extension, its lower-case extension and whether a final
// ".gz" was removed first.
func splitExt(name string) (base, ext string, gz bool) {
	if len(name) > 3 && strings.EqualFold(name[len(name)-3:], ".gz") {
		name = name[:len(name)-3]
		gz = true
	}
	ext = path.Ext(name)
	base = name[:len(name)-len(ext)]
	if base == "" || strings.HasSuffix(base, "/") {
		// A name such as ".profile" is all extension: keep it whole.
		return name, "", gz
	}
	return base, strings.ToLower(ext), gz
}

func knownExt(name string) bool {
	_, ext, _ := splitExt(name)
	return formatForExt(ext) != FormatAuto
}

// ReadFile streams the documents of one file, whose bytes in is, as Read
// does for a file found at path whose path relative to its input root is
// rel (slash-separated; for a file named as an input, its base name). rel
// gives the format (unless opts.Format sets it; text for an unknown
// extension), whether the bytes are gzip-compressed (a final ".gz"), and,
// for text, the default id and date; path is the Origin.Path of the
// documents and the path of errors. It lets a reader of another file
// system, which opens the file itself, read it by the same rules.
//
// Documents and errors come as from Read, in the order of the file.
func ReadFile(ctx context.Context, path, rel string, in io.Reader, opts Options) iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		if ctx == nil {
			ctx = context.Background()
		}
		r := &reader{ctx: ctx, fields: opts.Fields.withDefaults(), format: opts.Format, max: opts.MaxDocBytes, yield: yield}
		if r.max <= 0 {
			r.max = DefaultMaxDocBytes
		}
		r.readOpened(path, rel, in)
	}
}

// Walked reports whether Read reads the file at rel (a slash-separated path
// relative to a directory given as input) when it walks the directory: no
// part of rel is hidden (starts with "."), and its extension is one Read
// knows.
func Walked(rel string) bool {
	for part := range strings.SplitSeq(rel, "/") {
		if part == "" || strings.HasPrefix(part, ".") {
			return false
		}
	}
	return knownExt(rel)
}

// ComparePaths orders slash-separated paths relative to one directory as
// Read walks it: by their first names, then the next, and so on, so that
// "a/b" comes before "a-c" (the directory "a" before the file "a-c").
func ComparePaths(a, b string) int {
	for {
		x, restA, moreA := strings.Cut(a, "/")
		y, restB, moreB := strings.Cut(b, "/")
		if c := strings.Compare(x, y); c != 0 {
			return c
		}
		switch {
		case !moreA && !moreB:
			return 0
		case !moreA:
			return -1
		case !moreB:
			return 1
		}
		a, b = restA, restB
	}
}

// readFile reads the file at p, whose path relative to its input root is
// rel (slash-separated).
func (r *reader) readFile(p, rel string) bool {
	f, err := os.Open(p)
	if err != nil {
		return r.fail(p, 0, pathlessError(err))
	}
	defer f.Close()
	return r.readOpened(p, rel, f)
}

// readOpened reads the bytes of the file at p, whose path relative to its
// input root is rel.
func (r *reader) readOpened(p, rel string, f io.Reader) bool {
	base, ext, gz := splitExt(rel)
	src := source{
		path:     p,
		id:       base,
		markdown: ext == ".md" || ext == ".markdown",
		nameDate: dateFromName(path.Base(base)),
		gzip:     gz,
	}
	format := r.format
	if format == FormatAuto {
		format = formatForExt(ext)
	}
	if format == FormatAuto {
		format = FormatText
	}
	in := f
	if gz {
		zr, err := newGzipGuard(f, gzipRatioFloor)
		if err != nil {
			return r.fail(p, 0, fmt.Errorf("not a valid gzip stream: %w", pathlessError(err)))
		}
		defer zr.Close()
		in = zr
	}
	return r.readStream(src, format, bufio.NewReaderSize(in, bufSize))
}

func (r *reader) readStdin() bool {
	src := source{path: "-", id: "stdin"}
	if r.stdin == nil {
		return r.fail(src.path, 0, errors.New("no standard input to read"))
	}
	br := bufio.NewReaderSize(r.stdin, bufSize)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := newGzipGuard(br, gzipRatioFloor)
		if err != nil {
			return r.fail(src.path, 0, fmt.Errorf("not a valid gzip stream: %w", err))
		}
		defer zr.Close()
		src.gzip = true
		br = bufio.NewReaderSize(zr, bufSize)
	}
	format := r.format
	if format == FormatAuto {
		format = sniffFormat(br)
	}
	return r.readStream(src, format, br)
}

// sniffFormat looks ahead, without consuming, for the first non-space byte
// after an optional byte-order mark: '{' starts JSON Lines, anything else
// text.
func sniffFormat(br *bufio.Reader) Format {
	start := 0
	if b, _ := br.Peek(3); len(b) == 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		start = 3
	}
	for n := start + 1; n <= br.Size(); n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			break
		}
		switch b[n-1] {
		case ' ', '\t', '\r', '\n':
			if err != nil {
				return FormatText
			}
			continue
		case '{':
			return FormatJSONL
		}
		return FormatText
	}
	return FormatText
}

// skipBOM drops a UTF-8 byte-order mark at the start of a stream.
func skipBOM(br *bufio.Reader) {
	if b, _ := br.Peek(3); len(b) == 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		br.Discard(3)
	}
}

func (r *reader) readStream(src source, format Format, br *bufio.Reader) bool {
	skipBOM(br)
	switch format {
	case FormatJSONL:
		return r.readJSONL(src, br)
	case FormatCSV:
		return r.readCSV(src, br)
	case FormatText:
		return r.readText(src, br)
	}
	return r.fail(src.path, 0, fmt.Errorf("unknown format %q", format))
}

// readError describes a failure to read a stream.
func readError(src source, err error) error {
	if errors.Is(err, errGzipBomb) {
		return err
	}
	if src.gzip {
		return fmt.Errorf("truncated or corrupt gzip stream: %w", err)
	}
	return fmt.Errorf("read error: %w", pathlessError(err))
}

// cleanMeta makes a metadata value valid UTF-8 without surrounding space.
func cleanMeta(s string) string {
	return strings.TrimSpace(validUTF8(s))
}

// validUTF8 replaces each run of invalid bytes of s with U+FFFD. Checking
// first is cheap: ToValidUTF8 copies even valid text, slowly.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// parseDateValue parses a date found in a record; label names where it was
// found, for the error.
func parseDateValue(label, v string) (string, error) {
	d, err := ParseDate(v)
	if err != nil {
		return "", fmt.Errorf("%s: %w", label, err)
	}
	return d, nil
}

// finishDocument applies what holds for a document of any format: valid
// UTF-8 everywhere, trimmed metadata, no leading byte-order mark, and a
// text that is neither empty, too large nor binary. The date must already
// be parsed.
func (r *reader) finishDocument(d *Document) error {
	d.ID = cleanMeta(d.ID)
	d.Source = cleanMeta(d.Source)
	d.Title = cleanMeta(d.Title)
	d.URL = cleanMeta(d.URL)
	d.Text = strings.TrimPrefix(d.Text, "\ufeff")
	// No text has a NUL byte; binary files (images, PDF, archives) all do.
	if i := strings.IndexByte(d.Text, 0); i >= 0 {
		return fmt.Errorf("binary data, not text: NUL byte at byte %d of the text", i)
	}
	d.Text = validUTF8(d.Text)
	if strings.TrimSpace(d.Text) == "" {
		return errors.New("empty text")
	}
	if int64(len(d.Text)) > r.max {
		return fmt.Errorf("text longer than %d bytes", r.max)
	}
	return nil
}
