package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// An AtomicFile is written under a temporary name beside its destination
// and renamed onto it by Commit. Until then the destination is untouched.
type AtomicFile struct {
	*os.File
	dest string
	done bool
}

// CreateAtomic starts writing path.
func CreateAtomic(path string) (*AtomicFile, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return &AtomicFile{File: f, dest: path}, nil
}

// Commit flushes the file to disk and moves it onto its destination.
func (a *AtomicFile) Commit() error {
	if a.done {
		return errors.New("output: commit after commit or abort")
	}
	a.done = true
	err := a.File.Sync()
	if cerr := a.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// CreateTemp makes files readable by the owner only; outputs are
		// ordinary files.
		err = os.Chmod(a.File.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(a.File.Name(), a.dest)
	}
	if err != nil {
		os.Remove(a.File.Name())
		return fmt.Errorf("write %s: %w", a.dest, err)
	}
	return nil
}

// Abort discards what was written. It is safe to call after Commit, so
// that it can be deferred.
func (a *AtomicFile) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.File.Close()
	os.Remove(a.File.Name())
}
