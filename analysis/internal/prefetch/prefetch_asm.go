//go:build amd64 || arm64

package prefetch

import "unsafe"

// Line starts fetching the cache line that holds p. It never faults, and
// p may be any address, nil included.
//
//go:noescape
func Line(p unsafe.Pointer)
