package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// readJSONL reads one document per line of JSON Lines.
func (r *reader) readJSONL(src source, br *bufio.Reader) bool {
	lr := lineReader{br: br, max: r.max}
	line := 0
	for {
		if r.ctx.Err() != nil {
			return false
		}
		data, n, tooLong, err := lr.next()
		if n == 0 && err == io.EOF {
			return true
		}
		line++
		if err != nil && err != io.EOF {
			return r.fail(src.path, line, readError(src, err))
		}
		if tooLong {
			if !r.fail(src.path, line, fmt.Errorf("line longer than %d bytes", r.max)) {
				return false
			}
			continue
		}
		data = bytes.TrimSpace(data)
		if len(data) == 0 {
			continue
		}
		d, err := r.jsonDocument(src, line, data)
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

// lineReader reads lines of at most max bytes, reading past longer ones
// without holding them in memory.
type lineReader struct {
	br  *bufio.Reader
	buf []byte
	max int64
}

// next returns the next line without its "\n" or "\r\n", the number of
// bytes consumed (0 only at the end of the stream), whether the line was
// longer than the limit (its data is then not returned), and a read error
// or io.EOF. The line is valid until the next call.
func (lr *lineReader) next() (line []byte, n int64, tooLong bool, err error) {
	lr.buf = lr.buf[:0]
	for {
		chunk, err := lr.br.ReadSlice('\n')
		n += int64(len(chunk))
		if !tooLong {
			// Two bytes of slack hold the line ending, trimmed below.
			if int64(len(lr.buf))+int64(len(chunk)) > lr.max+2 {
				tooLong = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			return nil, n, true, err
		}
		line = bytes.TrimSuffix(lr.buf, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if int64(len(line)) > lr.max {
			return nil, n, true, err
		}
		return line, n, false, err
	}
}

// jsonDocument decodes one line of JSON Lines into a document.
func (r *reader) jsonDocument(src source, line int, data []byte) (Document, error) {
	if data[0] != '{' {
		if json.Valid(data) {
			return Document{}, fmt.Errorf("want a JSON object, got %s", JSONKind(data))
		}
	}
	f := r.fields
	d := Document{Origin: Origin{Path: src.path, Line: line}}
	var m map[string]json.RawMessage
	var ok bool
	if d.Text, m, ok = r.scanJSON(data); !ok {
		// A map, since the field names are configurable and other
		// fields are ignored.
		if err := json.Unmarshal(data, &m); err != nil {
			return Document{}, fmt.Errorf("invalid JSON: %w", err)
		}
		raw, ok := m[f.Text]
		if !ok {
			return Document{}, fmt.Errorf("missing field %q", f.Text)
		}
		if JSONKind(raw) != "string" {
			return Document{}, fmt.Errorf("field %q: want a string, got %s", f.Text, JSONKind(raw))
		}
		if err := json.Unmarshal(raw, &d.Text); err != nil {
			return Document{}, fmt.Errorf("field %q: %w", f.Text, err)
		}
	}

	var err error
	if d.ID, err = jsonID(m, f.ID); err != nil {
		return Document{}, err
	}
	if d.ID = cleanMeta(d.ID); d.ID == "" {
		d.ID = src.id + ":" + strconv.Itoa(line)
	}
	var date string
	for _, v := range []struct {
		name string
		dst  *string
	}{
		{f.Date, &date},
		{f.Source, &d.Source},
		{f.Title, &d.Title},
		{f.URL, &d.URL},
	} {
		if *v.dst, err = jsonOptionalString(m, v.name); err != nil {
			return Document{}, err
		}
	}
	if d.Date, err = parseDateValue(fmt.Sprintf("field %q", f.Date), cleanMeta(date)); err != nil {
		return Document{}, err
	}
	if err := r.finishDocument(&d); err != nil {
		return Document{}, err
	}
	return d, nil
}

// scanJSON reads a record in one pass, without building a map of every
// field: the text, decoded, and the other fields of a document, raw. It
// reports false for any record that is not a valid object with a string
// text, which jsonDocument then decodes again with encoding/json, for the
// same result and its messages. (encoding/json scans the text four times
// here, and that was a tenth of the work of a run.)
func (r *reader) scanJSON(data []byte) (text string, meta map[string]json.RawMessage, ok bool) {
	if r.json == nil {
		r.json = new(jsonScanner)
	}
	sc := r.json
	sc.in.Reset(data)
	// As encoding/json: the last of duplicate names wins, and invalid
	// UTF-8 is kept, for finishDocument to replace.
	sc.dec.Reset(&sc.in, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	dec := &sc.dec
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return "", nil, false
	}
	f := r.fields
	hasText := false
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return "", nil, false
		}
		switch name := tok.String(); name {
		case f.Text:
			if dec.PeekKind() != '"' {
				return "", nil, false
			}
			v, err := dec.ReadValue()
			if err != nil {
				return "", nil, false
			}
			text, hasText = sc.unquote(v), true
		case f.ID, f.Date, f.Source, f.Title, f.URL:
			v, err := dec.ReadValue()
			if err != nil {
				return "", nil, false
			}
			if meta == nil {
				meta = make(map[string]json.RawMessage, 5)
			}
			meta[name] = json.RawMessage(v.Clone())
		default:
			if err := dec.SkipValue(); err != nil {
				return "", nil, false
			}
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return "", nil, false
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return "", nil, false // something after the object
	}
	return text, meta, hasText
}

// A jsonScanner holds what scanJSON reuses from one record to the next.
type jsonScanner struct {
	in  bytes.Reader
	dec jsontext.Decoder
	buf []byte // a text unquoted
}

// unquote returns the text of the JSON string v, which the decoder has
// read, as encoding/json decodes it: invalid UTF-8 replaced byte by byte.
// The decoder's own token made the text twice, unquoted into a buffer of
// its own and then copied into the string; here the buffer is reused, and
// a text with neither escapes nor invalid UTF-8 is copied straight.
func (sc *jsonScanner) unquote(v jsontext.Value) string {
	if bytes.IndexByte(v, '\\') < 0 && utf8.Valid(v) {
		return string(v[1 : len(v)-1])
	}
	// The decoder has checked the string: the only error left is invalid
	// UTF-8, which AppendUnquote has replaced, and reports at the end.
	sc.buf, _ = jsontext.AppendUnquote(sc.buf[:0], v)
	return string(sc.buf)
}

// jsonID returns the id field, a string or the literal text of a number;
// null or absent gives "".
func jsonID(m map[string]json.RawMessage, name string) (string, error) {
	raw, ok := m[name]
	if !ok {
		return "", nil
	}
	switch kind := JSONKind(raw); kind {
	case "null":
		return "", nil
	case "number":
		return string(raw), nil
	case "string":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("field %q: %w", name, err)
		}
		return s, nil
	default:
		return "", fmt.Errorf("field %q: want a string or a number, got %s", name, kind)
	}
}

// jsonOptionalString returns a string field; null or absent gives "".
func jsonOptionalString(m map[string]json.RawMessage, name string) (string, error) {
	raw, ok := m[name]
	if !ok {
		return "", nil
	}
	switch kind := JSONKind(raw); kind {
	case "null":
		return "", nil
	case "string":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("field %q: %w", name, err)
		}
		return s, nil
	default:
		return "", fmt.Errorf("field %q: want a string, got %s", name, kind)
	}
}

// JSONKind names the type of a valid JSON value ("string", "number",
// "object", ...), for messages about fields of the wrong type.
func JSONKind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}
