package corpus

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// csvSlack is how far past a record csv.Reader may have read: the buffer it
// puts around its input, and a line ending.
const csvSlack = 4096 + 2

// errCSVTooLong is returned by csvLimitReader once the current record has
// run past the limit.
var errCSVTooLong = errors.New("record too long")

// csvLimitReader stops csv.Reader from reading more than limit bytes into
// the stream, so that a record with no end cannot exhaust memory: the
// reader moves limit forward after each record.
type csvLimitReader struct {
	r     io.Reader
	n     int64 // bytes delivered so far
	limit int64
}

func (lr *csvLimitReader) Read(p []byte) (int, error) {
	if lr.n >= lr.limit {
		return 0, errCSVTooLong
	}
	if int64(len(p)) > lr.limit-lr.n {
		p = p[:lr.limit-lr.n]
	}
	n, err := lr.r.Read(p)
	lr.n += int64(n)
	return n, err
}

// csvColumns holds the index of each configured column, or -1.
type csvColumns struct {
	id, date, source, title, url, text int
}

// readCSV reads one document per record of CSV with a header row.
func (r *reader) readCSV(src source, br *bufio.Reader) bool {
	lr := &csvLimitReader{r: br, limit: r.max + csvSlack}
	cr := csv.NewReader(lr)

	header, err := cr.Read()
	if err == io.EOF {
		return r.fail(src.path, 0, errors.New("no header row"))
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return r.fail(src.path, pe.StartLine, csvParseError(pe))
		}
		return r.fail(src.path, 1, r.csvReadError(src, err))
	}
	f := r.fields
	cols := csvColumns{
		id:     csvColumn(header, f.ID),
		date:   csvColumn(header, f.Date),
		source: csvColumn(header, f.Source),
		title:  csvColumn(header, f.Title),
		url:    csvColumn(header, f.URL),
		text:   csvColumn(header, f.Text),
	}
	if cols.text < 0 {
		return r.fail(src.path, 1, fmt.Errorf("header has no %q column", f.Text))
	}
	next := csvEndLine(cr, header) + 1 // where the next record starts, at the earliest
	lr.limit = cr.InputOffset() + r.max + csvSlack

	for {
		if r.ctx.Err() != nil {
			return false
		}
		rec, err := cr.Read()
		if err == io.EOF {
			return true
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				// The stream itself failed: nothing after this point can be
				// trusted to start a record.
				return r.fail(src.path, next, r.csvReadError(src, err))
			}
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				err = fmt.Errorf("wrong number of fields: want %d, got %d", len(header), len(rec))
				next = csvEndLine(cr, rec) + 1
			} else {
				err = csvParseError(pe)
				next = pe.Line + 1
			}
			if !r.fail(src.path, pe.StartLine, err) {
				return false
			}
			lr.limit = cr.InputOffset() + r.max + csvSlack
			continue
		}
		line := next
		if len(rec) > 0 {
			line, _ = cr.FieldPos(0)
		}
		next = csvEndLine(cr, rec) + 1
		lr.limit = cr.InputOffset() + r.max + csvSlack

		d, err := r.csvDocument(src, line, cols, rec)
		if err != nil {
			if !r.fail(src.path, line, err) {
				return false
			}
			continue
		}
		if !r.emit(d) {
			return false
		}
	}
}

// csvDocument makes a document of one record.
func (r *reader) csvDocument(src source, line int, cols csvColumns, rec []string) (Document, error) {
	size := 0
	for _, v := range rec {
		size += len(v)
	}
	if int64(size) > r.max {
		return Document{}, fmt.Errorf("record longer than %d bytes", r.max)
	}
	get := func(i int) string {
		if i < 0 {
			return ""
		}
		return rec[i]
	}
	d := Document{
		ID:     cleanMeta(get(cols.id)),
		Source: get(cols.source),
		Title:  get(cols.title),
		URL:    get(cols.url),
		Text:   get(cols.text),
		Origin: Origin{Path: src.path, Line: line},
	}
	if d.ID == "" {
		d.ID = src.id + ":" + strconv.Itoa(line)
	}
	var err error
	if d.Date, err = parseDateValue(fmt.Sprintf("column %q", r.fields.Date), cleanMeta(get(cols.date))); err != nil {
		return Document{}, err
	}
	if err := r.finishDocument(&d); err != nil {
		return Document{}, err
	}
	return d, nil
}

// csvColumn returns the index of the header cell named name, ignoring case,
// surrounding space and a byte-order mark, or -1.
func csvColumn(header []string, name string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), name) {
			return i
		}
	}
	return -1
}

// csvEndLine returns the line a record just read ends on: the line its last
// field starts on, plus the line breaks quoted inside that field.
func csvEndLine(cr *csv.Reader, rec []string) int {
	if len(rec) == 0 {
		return 0
	}
	last := len(rec) - 1
	line, _ := cr.FieldPos(last)
	return line + strings.Count(rec[last], "\n")
}

func csvParseError(pe *csv.ParseError) error {
	if pe.Line != pe.StartLine {
		return fmt.Errorf("%w (line %d, column %d)", pe.Err, pe.Line, pe.Column)
	}
	return fmt.Errorf("%w (column %d)", pe.Err, pe.Column)
}

func (r *reader) csvReadError(src source, err error) error {
	if errors.Is(err, errCSVTooLong) {
		return fmt.Errorf("record longer than %d bytes; the rest of the file is not read", r.max)
	}
	return readError(src, err)
}
