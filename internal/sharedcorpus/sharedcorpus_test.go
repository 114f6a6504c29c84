package sharedcorpus

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestEachText(t *testing.T) {
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
	EachText(t, path, func(text string) bool {
		got = append(got, text)
		return len(got) < 2
	})
	if want := []string{"one", "two"}; !slices.Equal(got, want) {
		t.Errorf("EachText gave %q, want %q (stopping at the second)", got, want)
	}
}
