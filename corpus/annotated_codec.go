package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/standpoint/standpoint/internal/jsonenc"
)

// MarshalJSON writes a token compactly, as [start, end, "tag", "stem"]:
// documents have thousands of tokens.
func (t Token) MarshalJSON() ([]byte, error) { return t.appendJSON(make([]byte, 0, 32)), nil }

// appendJSON appends the JSON form of the token to b.
func (t Token) appendJSON(b []byte) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(t.Start), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(t.End), 10)
	b = append(b, ',')
	b = jsonenc.String(b, t.Tag)
	b = append(b, ',')
	b = jsonenc.String(b, t.Stem)
	return append(b, ']')
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (t *Token) UnmarshalJSON(b []byte) error {
	var parts []json.RawMessage
	if err := json.Unmarshal(b, &parts); err != nil {
		return fmt.Errorf("token: %w", err)
	}
	if len(parts) != 4 {
		return fmt.Errorf("token: want [start, end, tag, stem], got %d elements", len(parts))
	}
	for i, into := range []any{&t.Start, &t.End, &t.Tag, &t.Stem} {
		if err := json.Unmarshal(parts[i], into); err != nil {
			return fmt.Errorf("token element %d: %w", i, err)
		}
	}
	return nil
}

// An AnnotatedWriter writes annotated documents as JSON Lines.
type AnnotatedWriter struct {
	w    io.Writer
	enc  *AnnotatedEncoder
	line []byte // the line being written
}

// NewAnnotatedWriter returns a writer to w.
func NewAnnotatedWriter(w io.Writer) *AnnotatedWriter {
	return &AnnotatedWriter{w: w, enc: NewAnnotatedEncoder()}
}

// Write writes one document as one line.
func (w *AnnotatedWriter) Write(a *Annotated) error {
	line, err := w.enc.Append(w.line[:0], a)
	w.line = line
	if err != nil {
		return err
	}
	_, err = w.w.Write(line)
	return err
}

// An AnnotatedEncoder makes the lines an AnnotatedWriter writes, for a
// caller that writes each line to more than one place.
type AnnotatedEncoder struct {
	part bytes.Buffer // a part of a line, as enc encodes it
	enc  *json.Encoder
}

// NewAnnotatedEncoder returns an encoder.
func NewAnnotatedEncoder() *AnnotatedEncoder {
	e := &AnnotatedEncoder{}
	e.enc = json.NewEncoder(&e.part)
	e.enc.SetEscapeHTML(false)
	return e
}

// Append appends the line of a, newline included, to b.
//
// encoding/json writes the fields of Annotated in order, separated by
// commas: it encodes the fields before the tokens, and the token layer,
// the actors and the stances are built after them here. Left to
// encoding/json, each token was a call through reflection and an
// allocation, and the layer was then checked byte by byte: most of the
// time of annotate.
func (e *AnnotatedEncoder) Append(b []byte, a *Annotated) ([]byte, error) {
	if a.Format == "" {
		a.Format = AnnotatedFormat
	}
	head, err := e.encode(annotatedHead{a.Format, a.Document, a.Sentences})
	if err != nil {
		return b, err
	}
	b = append(b, bytes.TrimSuffix(head, []byte("}\n"))...)
	b = append(b, `,"tokens":`...)
	b = jsonenc.List(b, a.Tokens, func(b []byte, t *Token) []byte { return t.appendJSON(b) })
	// The actors and stances, dozens a document, are built here too.
	if len(a.Actors) > 0 {
		b = jsonenc.List(append(b, `,"actors":`...), a.Actors, appendActor)
	}
	if len(a.Stances) > 0 {
		b = jsonenc.List(append(b, `,"stances":`...), a.Stances, func(b []byte, s *Stance) []byte {
			b, e := appendStance(b, s)
			if err == nil {
				err = e
			}
			return b
		})
		if err != nil {
			return b, err
		}
	}
	return append(b, "}\n"...), nil
}

// appendActor appends a as encoding/json writes it. A test holds it to
// encoding/json field by field.
func appendActor(b []byte, a *Actor) []byte {
	b = jsonenc.StringField(b, `{"id":`, a.ID)
	b = jsonenc.StringField(b, `,"name":`, a.Name)
	b = jsonenc.StringField(b, `,"type":`, a.Type)
	b = jsonenc.StringField(b, `,"text":`, a.Text)
	b = jsonenc.IntField(b, `,"start":`, int64(a.Start))
	b = jsonenc.IntField(b, `,"end":`, int64(a.End))
	b = jsonenc.IntField(b, `,"first":`, int64(a.First))
	b = jsonenc.IntField(b, `,"last":`, int64(a.Last))
	b = jsonenc.StringField(b, `,"entry":`, a.Entry)
	b = jsonenc.StringField(b, `,"via":`, a.Via)
	if a.Location {
		b = append(b, `,"location":true`...)
	}
	if a.Possessive {
		b = append(b, `,"possessive":true`...)
	}
	return append(b, '}')
}

// appendStance appends s as encoding/json writes it, or fails as it does
// on a score that is not a number.
func appendStance(b []byte, s *Stance) ([]byte, error) {
	b = jsonenc.IntField(b, `{"sentence":`, int64(s.Sentence))
	b = jsonenc.IntField(b, `,"start":`, int64(s.Start))
	b = jsonenc.IntField(b, `,"end":`, int64(s.End))
	b = jsonenc.StringField(b, `,"actor":`, s.Actor)
	b = jsonenc.StringField(b, `,"actor_name":`, s.ActorName)
	b = jsonenc.StringField(b, `,"actor_text":`, s.ActorText)
	b = jsonenc.StringField(b, `,"stance":`, s.Stance)
	b = jsonenc.StringField(b, `,"cue":`, s.Cue)
	b = strconv.AppendBool(append(b, `,"negated":`...), s.Negated)
	if s.Modality != "" {
		b = jsonenc.StringField(b, `,"modality":`, s.Modality)
	}
	if s.Target != "" {
		b = jsonenc.StringField(b, `,"target":`, s.Target)
	}
	b = jsonenc.List(append(b, `,"toward":`...), s.Toward, func(b []byte, id *string) []byte { return jsonenc.String(b, *id) })
	b = jsonenc.StringField(b, `,"cameo":`, s.Cameo)
	b, err := jsonenc.Float(append(b, `,"score":`...), s.Score)
	if err != nil {
		return b, fmt.Errorf("stance score: %w", err)
	}
	return append(b, '}'), nil
}

// encode returns v as enc encodes it, newline included, in e.part.
func (e *AnnotatedEncoder) encode(v any) ([]byte, error) {
	e.part.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return e.part.Bytes(), nil
}

// annotatedHead is the fields of Annotated before its tokens, as
// AnnotatedEncoder encodes them. A test checks that it keeps to
// Annotated, field by field.
type annotatedHead struct {
	Format string `json:"format"`
	Document
	Sentences []Sentence `json:"sentences"`
}

// ReadAnnotated streams the annotated documents of r, which is named path in
// errors. Each line yields a document or an *Error naming path:line; reading
// goes on after a bad line. A line longer than maxLine bytes (0 means
// DefaultMaxDocBytes times four, room for the token layer) is an error.
func ReadAnnotated(r io.Reader, path string, maxLine int64) iter.Seq2[*Annotated, error] {
	if maxLine <= 0 {
		maxLine = 4 * DefaultMaxDocBytes
	}
	return func(yield func(*Annotated, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		var line bytes.Buffer
		for n := 1; ; n++ {
			tooLong, err := readLine(br, &line, maxLine)
			if err != nil && !errors.Is(err, io.EOF) {
				yield(nil, &Error{Path: path, Line: n, Err: err})
				return
			}
			if tooLong {
				if !yield(nil, &Error{Path: path, Line: n, Err: fmt.Errorf("line longer than %d bytes", maxLine)}) {
					return
				}
			} else if len(bytes.TrimSpace(line.Bytes())) > 0 {
				a, derr := decodeAnnotated(line.Bytes())
				if derr != nil {
					derr = &Error{Path: path, Line: n, Err: derr}
				}
				if !yield(a, derr) {
					return
				}
			}
			if errors.Is(err, io.EOF) {
				return
			}
		}
	}
}

// readLine reads one line into buf, without its line ending. When the line
// is longer than max it is read past and dropped, at bounded memory.
func readLine(br *bufio.Reader, buf *bytes.Buffer, max int64) (tooLong bool, err error) {
	buf.Reset()
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(buf.Len()+len(chunk)) > max+2 {
				tooLong = true
				buf.Reset()
			} else {
				buf.Write(chunk)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		b := buf.Bytes()
		b = bytes.TrimSuffix(b, []byte("\n"))
		b = bytes.TrimSuffix(b, []byte("\r"))
		buf.Truncate(len(b))
		if err == nil && buf.Len() == 0 && len(chunk) == 0 {
			return tooLong, io.EOF
		}
		return tooLong, err
	}
}

func decodeAnnotated(b []byte) (*Annotated, error) {
	var a Annotated
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, err
	}
	if !strings.HasPrefix(a.Format, AnnotatedFormat) {
		return nil, fmt.Errorf("not an annotated document (format %q, want %q)", a.Format, AnnotatedFormat)
	}
	if err := a.validate(); err != nil {
		return nil, err
	}
	for i := range a.Tokens {
		a.Tokens[i].Lower = strings.ToLower(a.TokenText(i))
	}
	return &a, nil
}

// validate checks that every offset lies in the text and that layers are
// in order, so that later stages can slice without checks.
func (a *Annotated) validate() error {
	prev := 0
	for i, t := range a.Tokens {
		if t.Start < prev || t.End <= t.Start || t.End > len(a.Text) {
			return fmt.Errorf("token %d: offsets %d..%d out of order or outside the text (%d bytes)", i, t.Start, t.End, len(a.Text))
		}
		prev = t.End
	}
	last := 0
	for i, s := range a.Sentences {
		if s.First != last || s.Last <= s.First || s.Last > len(a.Tokens) {
			return fmt.Errorf("sentence %d: tokens %d..%d do not follow on from %d", i, s.First, s.Last, last)
		}
		if s.Start != a.Tokens[s.First].Start || s.End != a.Tokens[s.Last-1].End {
			return fmt.Errorf("sentence %d: offsets %d..%d do not match its tokens", i, s.Start, s.End)
		}
		last = s.Last
	}
	if last != len(a.Tokens) {
		return fmt.Errorf("sentences cover %d of %d tokens", last, len(a.Tokens))
	}
	for i, m := range a.Actors {
		if m.First < 0 || m.Last <= m.First || m.Last > len(a.Tokens) ||
			m.Start != a.Tokens[m.First].Start || m.End != a.Tokens[m.Last-1].End {
			return fmt.Errorf("actor %d: tokens %d..%d or offsets %d..%d do not fit the text", i, m.First, m.Last, m.Start, m.End)
		}
	}
	for i, st := range a.Stances {
		if st.Start < 0 || st.End < st.Start || st.End > len(a.Text) || st.Sentence < 0 || st.Sentence >= len(a.Sentences) {
			return fmt.Errorf("stance %d: offsets %d..%d or sentence %d do not fit the text", i, st.Start, st.End, st.Sentence)
		}
	}
	return nil
}
