// Package jsonenctest gives the tests of hand-built JSON encoders what they
// are held to: a value as encoding/json writes it with HTML escaping off,
// as the outputs those encoders replaced were written.
package jsonenctest

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Value returns v as encoding/json's Encoder writes it with HTML escaping
// off, without the newline it ends the value with.
func Value(v any) (string, error) {
	s, err := Indented(v, "")
	return strings.TrimSuffix(s, "\n"), err
}

// Indented returns v as encoding/json's Encoder writes it with HTML
// escaping off and each level indented by indent ("" for none), newline
// included.
func Indented(v any, indent string) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	err := enc.Encode(v)
	return buf.String(), err
}
