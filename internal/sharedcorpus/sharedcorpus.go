// Package sharedcorpus gives tests the material beside the repository:
// the folder STANDPOINT_SHARED names, and the lines of its gzipped JSON
// Lines corpora as they are. (Their documents are read by corpus.Read.)
package sharedcorpus

import (
	"bufio"
	"compress/gzip"
	"os"
	"testing"
)

// Dir returns the folder STANDPOINT_SHARED names, and skips the test when
// it is not set.
func Dir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("STANDPOINT_SHARED")
	if dir == "" {
		t.Skip("STANDPOINT_SHARED not set")
	}
	return dir
}

// EachLine calls f with each line of the gzipped file at path, until f
// returns false. The line is valid only during the call. Any error fails
// the test.
func EachLine(t testing.TB, path string, f func(line []byte) bool) {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	zr, err := gzip.NewReader(file)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		if !f(sc.Bytes()) {
			return
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
