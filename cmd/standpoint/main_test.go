package main

import (
	"bytes"
	"context"
	"flag"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// runCmd runs the command line and returns its exit code and output.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	code = exitCode(err, &errb)
	return code, out.String(), errb.String()
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update to accept):\n%s", path, firstDiff(got, want))
	}
}

// firstDiff shows the first line that differs.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + clip(gl) + "\nwant: " + clip(wl)
		}
	}
	return "(no line differs)"
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

func TestAnnotateGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "annotated.jsonl")
	code, _, stderr := runCmd(t, "", "annotate", "-j", "2", "testdata/annotate/in", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "annotated 4 documents") {
		t.Errorf("stderr %q does not report 4 documents", stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "annotate/out.jsonl", got)
}

func TestAnnotateSameOutputWhateverTheWorkers(t *testing.T) {
	dir := t.TempDir()
	var outs [][]byte
	for _, j := range []string{"1", "8"} {
		out := filepath.Join(dir, "j"+j+".jsonl")
		if code, _, stderr := runCmd(t, "", "annotate", "-j", j, "../../examples/sample", "-o", out); code != exitOK {
			t.Fatalf("-j %s: exit %d: %s", j, code, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("-j 1 and -j 8 give different output")
	}
	if n := bytes.Count(outs[0], []byte("\n")); n != 10 {
		t.Errorf("got %d documents from the sample corpus, want 10", n)
	}
}

func TestAnnotateStdin(t *testing.T) {
	in := `{"id":"a","text":"Kyiv rejects the plan."}` + "\n" + `{"id":"b","text":"Moscow insists."}` + "\n"
	code, stdout, stderr := runCmd(t, in, "annotate", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"id":"a"`) || !strings.Contains(lines[1], `"id":"b"`) {
		t.Errorf("stdout: %s", stdout)
	}
	if !strings.Contains(lines[0], `[0,4,"NNP","kyiv"]`) {
		t.Errorf("first token of a not [0,4,\"NNP\",\"kyiv\"]: %s", lines[0])
	}
}

// TestAnnotateControlCharacters checks that tokens holding control
// characters are written as valid JSON, and read back: they once made the
// whole run fail.
func TestAnnotateControlCharacters(t *testing.T) {
	in := `{"id":"a","text":"Kyiv\u007fx refuses the \u0001deal\u001b. Moscow agrees\u2028."}` + "\n"
	code, stdout, stderr := runCmd(t, in, "annotate", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var docs int
	for ad, err := range corpus.ReadAnnotated(strings.NewReader(stdout), "stdout", 0) {
		if err != nil {
			t.Fatalf("reading the output back: %v", err)
		}
		docs++
		if !strings.Contains(ad.Text, "\x01deal\x1b") {
			t.Errorf("text not read back whole: %q", ad.Text)
		}
	}
	if docs != 1 {
		t.Errorf("read back %d documents, want 1", docs)
	}
}

// TestAnnotateBadRecords checks that failures are listed with path and
// line, counted in the exit code, and do not stop the other documents.
func TestAnnotateBadRecords(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	jsonl := `{"id":"ok-1","text":"Russia demands it."}` + "\n" +
		`{"id":"bad-json","text":` + "\n" +
		`{"id":"bad-date","date":"next Tuesday","text":"Kyiv refuses."}` + "\n" +
		`{"id":"ok-2","text":"NATO backs Kyiv."}` + "\n"
	if err := os.WriteFile(filepath.Join(in, "docs.jsonl"), []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out", "annotated.jsonl")
	if err := os.Mkdir(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "", "annotate", in, filepath.Join(dir, "missing.txt"), "-o", out)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d: %s", code, exitPartial, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(got, []byte("\n")); n != 2 {
		t.Errorf("wrote %d documents, want the 2 good ones", n)
	}
	errs, err := os.ReadFile(filepath.Join(dir, "out", "errors.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`docs.jsonl","line":2`, `docs.jsonl","line":3`, `missing.txt"`} {
		if !bytes.Contains(errs, []byte(want)) {
			t.Errorf("errors.jsonl lacks %s:\n%s", want, errs)
		}
	}
	if !strings.Contains(stderr, "docs.jsonl:3:") || !strings.Contains(stderr, "3 failed") {
		t.Errorf("stderr does not name docs.jsonl:3 or count 3 failures:\n%s", stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"annotate"}, "requires at least 1 arg"},
		{[]string{"annotate", "-j", "0", "x"}, "--jobs must be at least 1"},
		{[]string{"annotate", "--format", "pdf", "x"}, "pdf"},
		{[]string{"nonsense"}, "unknown command"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "", tt.args...)
		if code != exitFailure || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, exitFailure, tt.want)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"annotate", "--help"}, {"version", "--help"}} {
		code, stdout, _ := runCmd(t, "", args...)
		if code != exitOK || !strings.Contains(stdout, "Usage:") {
			t.Errorf("%v: exit %d, no usage in %q", args, code, stdout)
		}
	}
	code, stdout, _ := runCmd(t, "", "version")
	if code != exitOK || !strings.HasPrefix(stdout, "standpoint ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

func TestStrict(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "docs.jsonl")
	os.WriteFile(in, []byte(`{"id":"a","text":"Russia demands it."}`+"\n"+`{"id":"b"}`+"\n"+`{"id":"c","text":"Kyiv refuses."}`+"\n"), 0o644)
	out := filepath.Join(dir, "out")
	code, _, stderr := runCmd(t, "", "analyze", "--strict", in, "-o", out)
	if code != exitFailure || !strings.Contains(stderr, "docs.jsonl:2:") || !strings.Contains(stderr, "--strict") {
		t.Errorf("exit %d, stderr %q: want exit 1 naming docs.jsonl:2", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "mentions.jsonl")); !os.IsNotExist(err) {
		t.Errorf("--strict left outputs behind: %v", err)
	}
	if code, _, _ := runCmd(t, "", "analyze", in, "-o", out); code != exitPartial {
		t.Errorf("without --strict: exit %d, want %d", code, exitPartial)
	}
}

// TestTuneGC checks the collector's settings for each environment: off
// under the soft limit unless GOGC or GOMEMLIMIT is set, proportional
// under a limit the user sets or none, and whatever GOGC and GOMEMLIMIT
// say left alone.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	const userLimit = 1 << 30
	for _, c := range []struct {
		gogc, gomemlimit string
		limit            int64 // in force before tuneGC, as the runtime set it from GOMEMLIMIT
		wantPercent      int
		wantLimit        int64
	}{
		{"", "", math.MaxInt64, -1, memoryLimit},
		{"200", "", math.MaxInt64, 200, memoryLimit},
		{"", "1GiB", userLimit, gcPercent, userLimit},
		{"", "off", math.MaxInt64, gcPercent, math.MaxInt64},
		{"200", "1GiB", userLimit, 200, userLimit},
	} {
		debug.SetGCPercent(200) // as the runtime set it from GOGC, or its default
		debug.SetMemoryLimit(c.limit)
		env := map[string]string{"GOGC": c.gogc, "GOMEMLIMIT": c.gomemlimit}
		tuneGC(func(k string) string { return env[k] })
		if got := debug.SetGCPercent(100); got != c.wantPercent {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: GC percent %d, want %d", c.gogc, c.gomemlimit, got, c.wantPercent)
		}
		if got := debug.SetMemoryLimit(-1); got != c.wantLimit {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: memory limit %d, want %d", c.gogc, c.gomemlimit, got, c.wantLimit)
		}
	}
}
