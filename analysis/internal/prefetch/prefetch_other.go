//go:build !amd64 && !arm64

package prefetch

import "unsafe"

// Line does nothing where no instruction for it is written here.
func Line(p unsafe.Pointer) {}
