// Package binread reads the compact binary forms in which the embedded
// models are stored: varints, bytes and length-prefixed strings. A Reader
// keeps the first error and reads nothing after it, so a decoder checks
// Err once, at the end.
package binread

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrTruncated is the error of input that ends too soon.
var ErrTruncated = errors.New("truncated")

// A Reader reads from a string. Strings it returns share the input's
// memory.
type Reader struct {
	s   string
	err error
}

// New returns a Reader of s.
func New(s string) *Reader { return &Reader{s: s} }

// Err returns the first error met, or, when the input was read whole
// without one, nil; input left over is an error too.
func (r *Reader) Err() error {
	if r.err == nil && r.s != "" {
		return errors.New("trailing bytes")
	}
	return r.err
}

// Fail records err, unless an error came first.
func (r *Reader) Fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	n, size := binary.Uvarint([]byte(r.s[:min(len(r.s), binary.MaxVarintLen64)]))
	if size <= 0 {
		r.Fail(ErrTruncated)
		return 0
	}
	r.s = r.s[size:]
	return n
}

// Varint reads a signed varint.
func (r *Reader) Varint() int64 {
	if r.err != nil {
		return 0
	}
	n, size := binary.Varint([]byte(r.s[:min(len(r.s), binary.MaxVarintLen64)]))
	if size <= 0 {
		r.Fail(ErrTruncated)
		return 0
	}
	r.s = r.s[size:]
	return n
}

// Count reads an unsigned varint no greater than max.
func (r *Reader) Count(max int) int {
	n := r.Uvarint()
	if n > uint64(max) {
		r.Fail(fmt.Errorf("number %d out of range", n))
		return 0
	}
	return int(n)
}

// Bytes reads n bytes.
func (r *Reader) Bytes(n int) string {
	if r.err == nil && n > len(r.s) {
		r.Fail(ErrTruncated)
	}
	if r.err != nil {
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

// Text reads a string written as its length and its bytes.
func (r *Reader) Text() string {
	n := r.Uvarint()
	if n > uint64(len(r.s)) {
		r.Fail(ErrTruncated)
		return ""
	}
	return r.Bytes(int(n))
}

// Byte reads one byte, which must be below n.
func (r *Reader) Byte(n int) uint8 {
	b := r.Bytes(1)
	if b == "" {
		return 0
	}
	if int(b[0]) >= n {
		r.Fail(fmt.Errorf("byte %d out of range", b[0]))
		return 0
	}
	return b[0]
}

// Uint64 reads eight bytes, little-endian.
func (r *Reader) Uint64() uint64 {
	b := r.Bytes(8)
	if b == "" {
		return 0
	}
	return binary.LittleEndian.Uint64([]byte(b))
}

// Len returns the number of bytes left to read.
func (r *Reader) Len() int { return len(r.s) }

// Failed reports whether an error has been met.
func (r *Reader) Failed() bool { return r.err != nil }
