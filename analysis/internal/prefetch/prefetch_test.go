package prefetch

import (
	"testing"
	"unsafe"
)

// TestLineNeverFaults asks for addresses a program may not read, nil and
// the end of a slice, besides one it may. A prefetch is a hint the
// processor drops when it cannot follow it.
func TestLineNeverFaults(t *testing.T) {
	b := make([]byte, 64)
	for _, p := range []unsafe.Pointer{nil, unsafe.Pointer(&b[0]), unsafe.Add(unsafe.Pointer(&b[0]), len(b))} {
		Line(p)
	}
}
