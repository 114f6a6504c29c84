package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestParseInputs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "sub/deep/b.jsonl", "sub/c.md", ".hidden/very/deep/er/d.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	flat := filepath.Join(dir, "sub", "deep")
	tests := []struct {
		args []string
		want []Input
	}{
		{[]string{"corpus/a.jsonl", "b.txt"}, []Input{
			{Index: 0, Pattern: "corpus/a.jsonl", Root: "corpus/"},
			{Index: 1, Pattern: "b.txt", Root: ""},
		}},
		{[]string{"gs://bucket/corpus/*.jsonl.gz", "s3://b/x/2025-*/[ab].txt"}, []Input{
			{Index: 0, Pattern: "gs://bucket/corpus/*.jsonl.gz", Root: "gs://bucket/corpus/", Walk: true},
			{Index: 1, Pattern: "s3://b/x/2025-*/[ab].txt", Root: "s3://b/x/", Walk: true},
		}},
		// A local directory: one pattern per level, hidden directories left out.
		{[]string{dir}, []Input{
			{Index: 0, Pattern: dir + "/*", Root: dir + "/", Walk: true},
			{Index: 0, Pattern: dir + "/*/*", Root: dir + "/", Walk: true},
			{Index: 0, Pattern: dir + "/*/*/*", Root: dir + "/", Walk: true},
		}},
		{[]string{"x.txt", flat + "/"}, []Input{
			{Index: 0, Pattern: "x.txt", Root: ""},
			{Index: 1, Pattern: flat + "/*", Root: flat + "/", Walk: true},
		}},
	}
	for _, tt := range tests {
		got, err := ParseInputs(tt.args)
		if err != nil {
			t.Errorf("ParseInputs(%q): %v", tt.args, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseInputs(%q) =\n%+v\nwant\n%+v", tt.args, got, tt.want)
		}
	}
	for _, bad := range [][]string{nil, {"-"}, {""}} {
		if _, err := ParseInputs(bad); err == nil {
			t.Errorf("ParseInputs(%q) accepted", bad)
		}
	}
}

func TestEscapeGlob(t *testing.T) {
	if got := escapeGlob(`/data/[2025]*?\x/`); got != `/data/\[2025]\*\?\\x/` {
		t.Errorf("escapeGlob = %q", got)
	}
	if ok, _ := filepath.Match(escapeGlob("/a[1]/")+"*", "/a[1]/b.txt"); !ok {
		t.Error("an escaped directory does not match its files")
	}
}

func TestRelPath(t *testing.T) {
	tests := []struct {
		root, path, want string
	}{
		{"", "a.jsonl", "a.jsonl"},
		{"./corpus/", "corpus/sub/a.txt", "sub/a.txt"},
		{"../x/", "../x/a.txt", "a.txt"},
		{"gs://b/corpus/", "gs://b/corpus/2025/a.txt", "2025/a.txt"},
	}
	for _, tt := range tests {
		got, err := relPath(tt.root, tt.path)
		if err != nil || got != tt.want {
			t.Errorf("relPath(%q, %q) = %q, %v; want %q", tt.root, tt.path, got, err, tt.want)
		}
	}
	for _, bad := range [][2]string{{"corpus/", "other/a.txt"}, {"gs://b/c/", "gs://b/d/a.txt"}} {
		if _, err := relPath(bad[0], bad[1]); err == nil {
			t.Errorf("relPath(%q, %q) accepted", bad[0], bad[1])
		}
	}
}

func TestWalkedLocally(t *testing.T) {
	dir := t.TempDir()
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "b.txt"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(dir, "sub", "x.txt"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "a.txt"), []byte("x"), 0o644)
	os.Symlink(other, filepath.Join(dir, "link"))
	os.Symlink(filepath.Join(other, "b.txt"), filepath.Join(dir, "b.txt"))
	root := dir + "/"
	tests := []struct {
		rel  string
		want bool
	}{
		{"sub/a.txt", true},
		{"b.txt", true},       // a link to a file is read
		{"link/b.txt", false}, // links to directories are not followed
		{"sub/x.txt", false},  // a directory, whatever its name
		{"gone.txt", true},    // reported when opened
	}
	for _, tt := range tests {
		if got := walkedLocally(root, tt.rel); got != tt.want {
			t.Errorf("walkedLocally(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
	if !walkedLocally("gs://bucket/", "a/b.txt") {
		t.Error("a remote path is not read")
	}
}
