package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportFromDirAndInputsAgree checks that the page of an analysis
// directory read with its texts is the page of the inputs analysed
// directly, whatever the number of workers.
func TestReportFromDirAndInputsAgree(t *testing.T) {
	dir := t.TempDir()
	analysis := filepath.Join(dir, "out")
	if code, _, stderr := runCmd(t, "", "analyze", "-j", "2", "../../examples/sample", "-o", analysis); code != exitOK {
		t.Fatalf("analyze: exit %d: %s", code, stderr)
	}
	fromDir := filepath.Join(dir, "dir.html")
	if code, _, stderr := runCmd(t, "", "report", analysis, "--texts", "../../examples/sample", "-o", fromDir); code != exitOK {
		t.Fatalf("report DIR: exit %d: %s", code, stderr)
	}
	pages := [][]byte{readFile(t, fromDir)}
	for _, j := range []string{"1", "2"} {
		out := filepath.Join(dir, "inputs-j"+j+".html")
		code, _, stderr := runCmd(t, "", "report", "-j", j, "--by", "month", "../../examples/sample", "-o", out)
		if code != exitOK {
			t.Fatalf("report INPUT -j %s: exit %d: %s", j, code, stderr)
		}
		pages = append(pages, readFile(t, out))
	}
	for i, p := range pages[1:] {
		if !bytes.Equal(p, pages[0]) {
			t.Errorf("page %d differs from the page of the analysis directory", i+1)
		}
	}
	for _, want := range []string{`<svg id="profile"`, `Istanbul opens with demands, not bargains`, `"by":"month"`} {
		if !bytes.Contains(pages[0], []byte(want)) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// TestReportDirDefaults writes DIR/report.html, bucketed as the summary
// was, and without texts shows the evidence alone.
func TestReportDirDefaults(t *testing.T) {
	dir := t.TempDir()
	in := `{"id":"a","date":"2025-05-16","title":"A <b>title</b>","text":"Russia is demanding recognition of its annexations. Kyiv rejects it."}` + "\n"
	if code, _, stderr := runCmd(t, in, "analyze", "--by", "week", "-", "-o", dir); code != exitOK {
		t.Fatalf("analyze: exit %d: %s", code, stderr)
	}
	code, _, stderr := runCmd(t, "", "report", dir)
	if code != exitOK {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	page := readFile(t, filepath.Join(dir, "report.html"))
	for _, want := range []string{`"by":"week"`, `"buckets":["2025-W20"]`, `"contexts":["Russia is demanding","Kyiv rejects"]`, `"documents":1`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the page lacks %s", want)
		}
	}

	// With the texts, whole sentences and the title, escaped.
	code, _, stderr = runCmd(t, in, "report", dir, "--texts", "-")
	if code != exitOK {
		t.Fatalf("report --texts -: exit %d: %s", code, stderr)
	}
	page = readFile(t, filepath.Join(dir, "report.html"))
	for _, want := range []string{`"contexts":["Russia is demanding recognition of its annexations.","Kyiv rejects it."]`, `"title":"A \u003cb\u003etitle\u003c/b\u003e"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if bytes.Contains(page, []byte("<b>title")) {
		t.Error("a title went into the page unescaped")
	}
}

func TestReportErrors(t *testing.T) {
	dir := t.TempDir()
	analysis := filepath.Join(dir, "out")
	if code, _, stderr := runCmd(t, "", "analyze", "testdata/annotate/in/2025-05-16-istanbul.txt", "-o", analysis); code != exitOK {
		t.Fatalf("analyze: exit %d: %s", code, stderr)
	}
	other := filepath.Join(dir, "other")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	// The same document id, another text.
	if err := os.WriteFile(filepath.Join(other, "2025-05-16-istanbul.txt"), []byte("Nothing here matches the mentions at all, not one span of them."), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"inputs without -o", []string{"report", "testdata/annotate/in"}, "-o"},
		{"texts with inputs", []string{"report", "testdata/annotate/in", "-o", filepath.Join(dir, "x.html"), "--texts", "testdata/annotate/in"}, "--texts goes with"},
		{"unknown bucket", []string{"report", analysis, "--by", "fortnight"}, "unknown bucketing"},
		{"no actors", []string{"report", analysis, "--top", "0"}, "at least 1"},
		{"texts that do not hold the mentions", []string{"report", analysis, "--texts", other}, "mentions.jsonl:1: span"},
		{"no such input", []string{"report", filepath.Join(dir, "missing"), "-o", filepath.Join(dir, "y.html")}, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tt.args...)
			if code == exitOK {
				t.Fatalf("exit 0, want an error")
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q does not say %q", stderr, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(analysis, "report.html")); !os.IsNotExist(err) {
		t.Errorf("a failed run left report.html: %v", err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
