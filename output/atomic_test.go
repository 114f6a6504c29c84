package output

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestAtomicFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.jsonl")
	if err := os.WriteFile(path, []byte("previous\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	// Until Commit, the destination keeps its previous content.
	f, err := CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("new\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "previous\n" {
		t.Fatalf("destination changed before Commit: %q", b)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Abort() // harmless after Commit
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Fatalf("after Commit: %q", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}

	// Abort leaves the destination and no temporary file behind.
	f, err = CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("discarded\n")
	f.Abort()
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Fatalf("after Abort: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the directory, want only the output", len(entries))
	}
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	if err := f.Sync(); err == nil {
		t.Error("Sync after Abort succeeded")
	}
}

// TestAtomicFileSpecial checks that a named pipe stays a pipe, written in
// place, and that a symbolic link stays a link to the file replaced.
func TestAtomicFileSpecial(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	got := make(chan []byte)
	go func() {
		b, _ := os.ReadFile(fifo) // opening for reading waits for the writer
		got <- b
	}()
	f, err := CreateAtomic(fifo)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("through the pipe\n")
	if err := f.Sync(); err != nil { // a pipe has nothing to flush
		t.Errorf("Sync of a pipe: %v", err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if b := <-got; string(b) != "through the pipe\n" {
		t.Errorf("read %q from the pipe", b)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", st.Mode(), err)
	}

	target := filepath.Join(dir, "target.jsonl")
	link := filepath.Join(dir, "link.jsonl")
	os.WriteFile(target, []byte("old\n"), 0o644)
	if err := os.Symlink("target.jsonl", link); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
	if f, err = CreateAtomic(link); err != nil {
		t.Fatal(err)
	}
	f.WriteString("new\n")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", st.Mode(), err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new\n" {
		t.Errorf("target holds %q, want the new content", b)
	}

	if _, err := CreateAtomic(dir); err == nil {
		t.Error("a directory was accepted as an output file")
	}
}
