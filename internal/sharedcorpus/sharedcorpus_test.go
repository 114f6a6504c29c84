package sharedcorpus

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestEachLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.jsonl.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write([]byte(`{"id":"a","text":"one"}` + "\n" + `{"id":"b","text":"two"}` + "\n" + `{"id":"c","text":"three"}` + "\n")); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	var got []string
	EachLine(t, path, func(line []byte) bool {
		got = append(got, string(line))
		return len(got) < 2
	})
	if want := []string{`{"id":"a","text":"one"}`, `{"id":"b","text":"two"}`}; !slices.Equal(got, want) {
		t.Errorf("EachLine gave %q, want %q (stopping at the second)", got, want)
	}
}
