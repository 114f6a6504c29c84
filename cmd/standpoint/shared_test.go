package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/standpoint/standpoint/internal/sharedcorpus"
)

// sharedDocs writes the first n documents of a shared corpus to a JSONL
// file and returns its path.
func sharedDocs(t *testing.T, name string, n int) string {
	t.Helper()
	var buf bytes.Buffer
	sharedcorpus.EachLine(t, filepath.Join(sharedcorpus.Dir(t), "corpus", name), func(line []byte) bool {
		buf.Write(line)
		buf.WriteByte('\n')
		n--
		return n > 0
	})
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
