package main

import (
	"fmt"
	"io"
	"os"
)

// readDataFile reads a user's dictionary or lexicon file, refusing one
// larger than max bytes without reading it whole. kind names the flag in
// messages.
func readDataFile(kind, path string, max int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", kind, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", kind, path, err)
	}
	if len(data) > max {
		return nil, fmt.Errorf("%s: %s: file larger than the limit of %d bytes", kind, path, max)
	}
	return data, nil
}
