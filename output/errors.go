package output

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/standpoint/standpoint/corpus"
)

// A RecordError is one line of errors.jsonl: a record or input that could
// not be processed.
type RecordError struct {
	Path  string `json:"path"`
	Line  int    `json:"line,omitempty"`
	Doc   string `json:"doc,omitempty"`
	Error string `json:"error"`
}

// NewRecordError describes err, taking path and line from a *corpus.Error.
func NewRecordError(doc corpus.Document, err error) RecordError {
	re := RecordError{Path: doc.Origin.Path, Line: doc.Origin.Line, Doc: doc.ID, Error: err.Error()}
	var ce *corpus.Error
	if errors.As(err, &ce) {
		re.Path, re.Line = ce.Path, ce.Line
	}
	return re
}

// WriteErrors writes errs as JSON Lines.
func WriteErrors(w io.Writer, errs []RecordError) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range errs {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return nil
}
