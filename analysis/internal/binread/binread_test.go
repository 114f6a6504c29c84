package binread

import (
	"encoding/binary"
	"errors"
	"testing"
)

func TestReader(t *testing.T) {
	b := binary.AppendUvarint(nil, 3)
	b = append(b, "abc"...)
	b = binary.AppendVarint(b, -42)
	b = append(b, 7)
	b = binary.LittleEndian.AppendUint64(b, 1<<40)
	r := New(string(b))
	if got := r.Text(); got != "abc" {
		t.Errorf("String = %q", got)
	}
	if got := r.Varint(); got != -42 {
		t.Errorf("Varint = %d", got)
	}
	if got := r.Byte(8); got != 7 {
		t.Errorf("Byte = %d", got)
	}
	if got := r.Uint64(); got != 1<<40 {
		t.Errorf("Uint64 = %d", got)
	}
	if err := r.Err(); err != nil {
		t.Errorf("Err = %v", err)
	}
}

func TestReaderErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		read func(r *Reader)
		want string
	}{
		{"string longer than the input", "\x05ab", func(r *Reader) { r.Text() }, "truncated"},
		{"count out of range", "\x09", func(r *Reader) { r.Count(8) }, "number 9 out of range"},
		{"byte out of range", "\x09", func(r *Reader) { r.Byte(8) }, "byte 9 out of range"},
		{"no varint", "", func(r *Reader) { r.Uvarint() }, "truncated"},
		{"short uint64", "1234", func(r *Reader) { r.Uint64() }, "truncated"},
		{"trailing bytes", "\x01a!", func(r *Reader) { r.Text() }, "trailing bytes"},
	}
	for _, tt := range tests {
		r := New(tt.in)
		tt.read(r)
		if err := r.Err(); err == nil || err.Error() != tt.want {
			t.Errorf("%s: Err = %v, want %s", tt.name, err, tt.want)
		}
	}
	r := New("")
	r.Text()
	r.Fail(errors.New("later"))
	if !errors.Is(r.Err(), ErrTruncated) {
		t.Errorf("the first error is not kept: %v", r.Err())
	}
}

func FuzzReader(f *testing.F) {
	f.Add("\x03abc\x54\x07", 8)
	f.Fuzz(func(t *testing.T, in string, max int) {
		r := New(in)
		for !r.Failed() && r.Len() > 0 {
			r.Text()
			r.Count(max)
			r.Byte(max)
			r.Varint()
			r.Uint64()
		}
	})
}
