// Package jsonenc appends values to byte slices exactly as encoding/json
// writes them with HTML escaping off, for the encoders that build their
// lines by hand rather than through reflection: what they write stays
// byte for byte what encoding/json wrote before them, and what it reads.
package jsonenc

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// String appends s as a JSON string, escaped as encoding/json escapes
// it with HTML escaping off: quotes, backslashes and control
// characters escaped, invalid UTF-8 replaced by U+FFFD, U+2028 and U+2029
// escaped, all else as it is. (strconv.AppendQuote writes Go escapes,
// such as \x01, that JSON lacks.)
func String(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Float appends f as encoding/json writes a float64: the
// shortest form that reads back the same, in exponent form only for very
// small or very large numbers, with a one-digit negative exponent.
func Float(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, fmt.Errorf("unsupported value: %v", f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 as e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// StringField appends field as it is, the brace or comma before an
// object's member and its quoted name with the colon (`,"name":`), and
// then s as a JSON string.
func StringField(b []byte, field, s string) []byte { return String(append(b, field...), s) }

// IntField is StringField for an integer.
func IntField(b []byte, field string, n int64) []byte {
	return strconv.AppendInt(append(b, field...), n, 10)
}

// List appends xs as a JSON array, each element by each, or null for a
// nil slice, as encoding/json writes a slice.
func List[T any](b []byte, xs []T, each func([]byte, *T) []byte) []byte {
	if xs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = each(b, &xs[i])
	}
	return append(b, ']')
}
