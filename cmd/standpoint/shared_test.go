package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// sharedDocs writes the first n documents of a shared corpus to a JSONL
// file and returns its path.
func sharedDocs(t *testing.T, name string, n int) string {
	t.Helper()
	dir := os.Getenv("STANDPOINT_SHARED")
	if dir == "" {
		t.Skip("STANDPOINT_SHARED not set")
	}
	f, err := os.Open(filepath.Join(dir, "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 64<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		buf.Write(sc.Bytes())
		buf.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "docs.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWorkersOnSharedCorpus checks that -j 1 and -j 8 write byte-identical
// outputs, every file of them, on a few hundred real documents.
func TestWorkersOnSharedCorpus(t *testing.T) {
	in := sharedDocs(t, "kremlin-zelensky-2021-2022.jsonl.gz", 300)
	out1, out8 := t.TempDir(), t.TempDir()
	for _, run := range []struct{ j, out string }{{"1", out1}, {"8", out8}} {
		if code, _, stderr := runCmd(t, "", "analyze", "-j", run.j, "--by", "month", in, "-o", run.out); code != exitOK {
			t.Fatalf("-j %s: exit %d: %s", run.j, code, stderr)
		}
	}
	names := []string{"mentions.jsonl", "summary.json", "mentions.csv", "stances.csv", "mentions.parquet", "stances.parquet"}
	for _, name := range names {
		a, err := os.ReadFile(filepath.Join(out1, name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(out8, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between -j 1 and -j 8", name)
		}
	}
}

// TestInterruptKeepsPreviousOutputs interrupts a long run and checks that
// the outputs of the previous run are left whole, with no partial files.
func TestInterruptKeepsPreviousOutputs(t *testing.T) {
	in := sharedDocs(t, "whitehouse-2022-2025.jsonl.gz", 3000)
	bin := filepath.Join(t.TempDir(), "standpoint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	out := t.TempDir()
	small := filepath.Join(t.TempDir(), "small.jsonl")
	os.WriteFile(small, []byte(`{"id":"a","text":"Russia demands a ceasefire."}`+"\n"), 0o644)
	if err := exec.Command(bin, "analyze", small, "-o", out).Run(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(filepath.Join(out, "mentions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(bin, "analyze", "-j", "1", in, "-o", out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond) // let it start writing
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(2 * time.Minute): // a guard against a hang, not a measure
		cmd.Process.Kill()
		t.Fatal("the interrupted run did not stop")
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitFailure {
		t.Fatalf("interrupted run ended with %v, want exit code %d", err, exitFailure)
	}
	after, err := os.ReadFile(filepath.Join(out, "mentions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the interrupted run changed the previous mentions.jsonl")
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".jsonl" && filepath.Ext(e.Name()) != ".json" && filepath.Ext(e.Name()) != ".csv" && filepath.Ext(e.Name()) != ".parquet" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
