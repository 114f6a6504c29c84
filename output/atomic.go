package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// An AtomicFile is written under a temporary name beside its destination
// and renamed onto it by Commit. Until then the destination is untouched.
//
// A destination that is a device or a pipe (/dev/null, /dev/stdout, a named
// pipe) cannot be replaced, only written to: it is written directly. A
// symbolic link is followed, so that the file it points to is replaced and
// the link stays.
type AtomicFile struct {
	*os.File
	dest   string
	direct bool // writing to a device or pipe in place
	done   bool
}

// CreateAtomic starts writing path.
func CreateAtomic(path string) (*AtomicFile, error) {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		if info.IsDir() {
			return nil, fmt.Errorf("create %s: is a directory", path)
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("create %s: %w", path, err)
		}
		return &AtomicFile{File: f, dest: path, direct: true}, nil
	}
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

// Sync flushes what has been written to disk. Commit flushes again, but
// then has little left to do: a run flushes its outputs side by side and
// moves them into place one after another. A device or pipe written in
// place has nothing to flush.
func (a *AtomicFile) Sync() error {
	if a.done {
		return errors.New("output: sync after commit or abort")
	}
	if a.direct {
		return nil
	}
	if err := a.File.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", a.dest, err)
	}
	return nil
}

// Commit flushes the file to disk and moves it onto its destination.
func (a *AtomicFile) Commit() error {
	if a.done {
		return errors.New("output: commit after commit or abort")
	}
	a.done = true
	if a.direct {
		if err := a.File.Close(); err != nil {
			return fmt.Errorf("write %s: %w", a.dest, err)
		}
		return nil
	}
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
	if !a.direct {
		os.Remove(a.File.Name())
	}
}
