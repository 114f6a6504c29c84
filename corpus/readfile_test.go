package corpus

import (
	"bytes"
	"context"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// collect gathers what a sequence of Read or ReadFile yields.
func collect(seq iter.Seq2[Document, error]) []item {
	var items []item
	for d, err := range seq {
		if err != nil {
			items = append(items, item{Err: err.Error()})
			continue
		}
		items = append(items, item{Doc: d})
	}
	return items
}

// readWalked reads the files of root as a reader of another file system
// would: list every file, keep those Walked accepts, sort them with
// ComparePaths and read each with ReadFile.
func readWalked(t *testing.T, root string, opts Options) []item {
	t.Helper()
	var rels []string
	err := filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); Walked(rel) {
			rels = append(rels, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The listing's own order must not matter.
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(rels), func(i, j int) { rels[i], rels[j] = rels[j], rels[i] })
	slices.SortFunc(rels, ComparePaths)
	var items []item
	for _, rel := range rels {
		p := filepath.Join(root, filepath.FromSlash(rel))
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, collect(ReadFile(context.Background(), p, rel, f, opts))...)
		f.Close()
	}
	return items
}

func TestReadFileAgreesWithRead(t *testing.T) {
	tree := t.TempDir()
	writeFile(t, tree, "a/b.txt", []byte("In a directory."))
	writeFile(t, tree, "a-c.txt", []byte("After the directory a, before a.txt."))
	writeFile(t, tree, "a.txt", []byte("---\nid: front\ndate: 16 May 2025\n---\nA file."))
	writeFile(t, tree, "a/2025-05-17-talks.md.gz", gzipBytes(t, "# Talks\nCompressed."))
	writeFile(t, tree, "feed.jsonl.gz", gzipBytes(t, "{\"text\": \"One.\"}\n{bad\n{\"id\": 3, \"text\": \"Three.\"}\n"))
	writeFile(t, tree, "broken.jsonl.gz", []byte("not gzip"))
	writeFile(t, tree, "sheet.CSV", []byte("text,date\nRow.,2025-05-18\n,\n"))
	writeFile(t, tree, ".hidden/x.txt", []byte("Hidden."))
	writeFile(t, tree, "b/.x.txt", []byte("Hidden."))
	writeFile(t, tree, "notes.log", []byte("Not read in a directory."))
	roots := []string{tree, tdPath("corpus"), tdPath("text"), tdPath("jsonl"), tdPath("csv")}
	for _, root := range roots {
		for _, opts := range []Options{{}, {MaxDocBytes: 20}, {Format: FormatText}} {
			want := collect(Read(context.Background(), []string{root}, opts))
			if len(want) == 0 {
				t.Fatalf("%s: nothing read", root)
			}
			checkItems(t, readWalked(t, root, opts), want)
		}
	}
}

func TestWalked(t *testing.T) {
	tests := []struct {
		rel  string
		want bool
	}{
		{"a.txt", true},
		{"sub/dir/feed.JSONL.gz", true},
		{"notes.md", true},
		{"sheet.csv", true},
		{"notes.log", false},
		{"feed.gz", false},
		{".hidden.txt", false},
		{".cache/a.txt", false},
		{"a/.b/c.txt", false},
		{"a//b.txt", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := Walked(tt.rel); got != tt.want {
			t.Errorf("Walked(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

func TestComparePaths(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"a.txt", "a.txt", 0},
		{"a.txt", "b.txt", -1},
		{"a/b.txt", "a-c.txt", -1}, // the directory "a" comes before "a-c"
		{"a-c.txt", "a/b.txt", 1},
		{"a/z.txt", "a/b/c.txt", 1},
		{"a/b/c.txt", "a/b/c.txt", 0},
		{"B.txt", "a.txt", -1}, // byte order, as os.ReadDir
	}
	for _, tt := range tests {
		if got := ComparePaths(tt.a, tt.b); got != tt.want {
			t.Errorf("ComparePaths(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzReadFile checks that ReadFile on a file's bytes yields what Read
// yields for the file.
func FuzzReadFile(f *testing.F) {
	addFiles(f, ".jsonl", ".csv", ".txt", ".md")
	f.Add([]byte("{\"text\": \"x\"}\n"))
	names := []string{"2025-05-16-doc.md", "feed.jsonl", "sheet.csv", "plain.txt", "other.log", "feed.jsonl.gz"}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		name := names[len(data)%len(names)]
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		opts := Options{MaxDocBytes: 64}
		want := collect(Read(context.Background(), []string{p}, opts))
		got := collect(ReadFile(context.Background(), p, name, bytes.NewReader(data), opts))
		checkItems(t, got, want)
	})
}
