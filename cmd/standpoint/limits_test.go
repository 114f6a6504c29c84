package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

const mb = 1 << 20

// baselineRSS is the peak memory of a run over one short document: mostly
// the models.
func baselineRSS(t *testing.T) int64 {
	t.Helper()
	in := filepath.Join(t.TempDir(), "one.jsonl")
	writeTestFile(t, in, jsonLines(`{"id": "one", "text": "Russia demands a ceasefire."}`))
	r := runBinary(t, "analyze", in, "-o", t.TempDir())
	if r.code != exitOK {
		t.Fatalf("baseline run: exit %d: %s", r.code, r.stderr)
	}
	return r.peakRSS
}

// gzipBomb writes a gzip stream of n MiB of zeros: one compressed member of
// 1 MiB, repeated, so that a gigabyte costs a megabyte to make.
func gzipBomb(t *testing.T, path string, n int) {
	t.Helper()
	var member bytes.Buffer
	zw, err := gzip.NewWriterLevel(&member, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write(make([]byte, mb))
	zw.Close()
	writeTestFile(t, path, bytes.Repeat(member.Bytes(), n))
}

// writeLarge writes head, n bytes of filler words, and tail.
func writeLarge(t *testing.T, path, head string, n int, tail string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, mb)
	w.WriteString(head)
	chunk := strings.Repeat("word ", mb/5)
	for left := n; left > 0; left -= len(chunk) {
		w.WriteString(chunk[:min(left, len(chunk))])
	}
	w.WriteString(tail)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestHostileSizesBoundedMemory runs the command on gzip bombs that expand
// to a gigabyte each and on records far over --max-doc-bytes: each is
// refused with an error naming it, the good document beside them is
// processed, and the peak memory stays far below what the inputs expand to.
func TestHostileSizesBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 300 MB of files")
	}
	dir := filepath.Join(t.TempDir(), "in")
	gzipBomb(t, filepath.Join(dir, "bomb.jsonl.gz"), 1024)
	gzipBomb(t, filepath.Join(dir, "bomb.txt.gz"), 1024)
	writeLarge(t, filepath.Join(dir, "huge.jsonl"), `{"id": "huge", "text": "`, 200*mb, "\"}\n"+`{"id": "after", "text": "Kyiv rejects it."}`+"\n")
	writeLarge(t, filepath.Join(dir, "huge.txt"), "", 100*mb, "")
	base := baselineRSS(t)

	out := t.TempDir()
	r := runBinary(t, "analyze", dir, "-o", out)
	t.Logf("peak memory: %d MB, %d MB for a run over one short document", r.peakRSS/mb, base/mb)
	if r.code != exitPartial {
		t.Fatalf("exit %d, want %d: %s", r.code, exitPartial, r.stderr)
	}
	if !strings.Contains(r.stderr, "analyzed 1 documents") || !strings.Contains(r.stderr, "; 4 failed") {
		t.Errorf("stderr does not count 1 document and 4 failures:\n%s", r.stderr)
	}
	abs := func(p string) string { return filepath.Join(dir, p) }
	checkErrors(t, readErrors(t, filepath.Join(out, "errors.jsonl")), []wantError{
		{"bomb.jsonl.gz", 1, "gzip stream expands too much"},
		{"bomb.txt.gz", 0, fmt.Sprintf("document larger than %d bytes", corpus.DefaultMaxDocBytes)},
		{"huge.jsonl", 1, fmt.Sprintf("line longer than %d bytes", corpus.DefaultMaxDocBytes)},
		{"huge.txt", 0, fmt.Sprintf("document larger than %d bytes", corpus.DefaultMaxDocBytes)},
	}, abs)
	// 2 GB decompressed and 300 MB read: a bound of a few times the
	// document limit over the baseline.
	if limit := base + 8*corpus.DefaultMaxDocBytes; r.peakRSS > limit {
		t.Errorf("peak memory %d MB, want under %d MB", r.peakRSS/mb, limit/mb)
	}
}

// TestLargeDocument analyzes a single document of 50 MB, with the limit
// raised above the default of 16 MiB, and checks that it is processed in a
// memory bounded by a multiple of its size.
func TestLargeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes a 50 MB document")
	}
	// The sample corpus over and over, written as it is made, so that the
	// test holds none of it.
	var sample strings.Builder
	for d, err := range corpus.Read(context.Background(), []string{"../../examples/sample"}, corpus.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		sample.WriteString(d.Text)
		sample.WriteString("\n\n")
	}
	quoted, err := json.Marshal(sample.String())
	if err != nil {
		t.Fatal(err)
	}
	const size = 50_000_000
	repeats := (size + sample.Len() - 1) / sample.Len()
	in := filepath.Join(t.TempDir(), "large.jsonl")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, mb)
	w.WriteString(`{"id": "large", "text": "`)
	for range repeats {
		w.Write(quoted[1 : len(quoted)-1])
	}
	w.WriteString("\"}\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	docBytes := int64(repeats * sample.Len())
	base := baselineRSS(t)

	out := t.TempDir()
	r := runBinary(t, "analyze", "-j", "1", "--max-doc-bytes", "64000000", in, "-o", out)
	t.Logf("peak memory: %d MB for a document of %d MB (%d MB for one short document)", r.peakRSS/mb, docBytes/mb, base/mb)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var summary struct {
		Corpus struct {
			Documents, Mentions int
			Bytes               int64
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &summary); err != nil {
		t.Fatal(err)
	}
	if c := summary.Corpus; c.Documents != 1 || c.Bytes != docBytes || c.Mentions < 1000 {
		t.Errorf("summary counts %+v, want the whole document with its mentions", c)
	}
	// The tokens, tags and layers of a document take 40 to 60 times its
	// size at their peak, depending on when the collector runs.
	if limit := base + 60*docBytes; r.peakRSS > limit {
		t.Errorf("peak memory %d MB, want under %d MB", r.peakRSS/mb, limit/mb)
	}
}
