package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// analyzeTo runs analyze on inputs into a new directory and returns it.
func analyzeTo(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), dir)
	args = append([]string{"analyze", "-j", "2", "-o", out}, args...)
	if code, _, stderr := runCmd(t, "", args...); code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	return out
}

// sameFiles fails unless dirs a and b hold the same files with the same bytes.
func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	list := func(dir string) []string {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	an, bn := list(a), list(b)
	if strings.Join(an, " ") != strings.Join(bn, " ") {
		t.Fatalf("files %v, want %v", an, bn)
	}
	for _, name := range an {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs:\n%s", name, firstDiff(x, y))
		}
	}
}

func TestMergeEqualsOneRun(t *testing.T) {
	sample := "../../examples/sample/"
	shards := [][]string{
		{sample + "2026-02-09-corridor-talks-open.txt", sample + "2026-02-27-istanbul-framework-draft.txt", sample + "2026-03-18-zaporizhzhia-annex.txt"},
		{sample + "2026-04-21-washington-deadline.txt", sample + "2026-05-14-moscow-suspends-talks.txt"},
		{sample + "2026-06-12-maritime-protocol-signed.txt", sample + "commentary.jsonl"},
	}
	for _, by := range []string{"", "month"} {
		t.Run("by="+by, func(t *testing.T) {
			var all, dirs []string
			for i, inputs := range shards {
				all = append(all, inputs...)
				dirs = append(dirs, analyzeTo(t, "shard"+string(rune('a'+i)), append([]string{"--by=" + by}, inputs...)...))
			}
			whole := analyzeTo(t, "whole", append([]string{"--by=" + by}, all...)...)

			merged := filepath.Join(t.TempDir(), "merged")
			args := append([]string{"merge", "-o", merged}, dirs...)
			code, _, stderr := runCmd(t, "", args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stderr, "merged 3 runs: ") {
				t.Errorf("stderr %q", stderr)
			}
			sameFiles(t, merged, whole)

			// Merged in another grouping and order, the summary is the same.
			ab := filepath.Join(t.TempDir(), "ab")
			if code, _, stderr := runCmd(t, "", "merge", "-o", ab, dirs[1], dirs[0]); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			again := filepath.Join(t.TempDir(), "again")
			if code, _, stderr := runCmd(t, "", "merge", "-o", again, dirs[2], ab); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, name := range []string{"summary.json", "partial.json", "stances.csv"} {
				x, _ := os.ReadFile(filepath.Join(again, name))
				y, _ := os.ReadFile(filepath.Join(whole, name))
				if !bytes.Equal(x, y) {
					t.Errorf("%s depends on the order of merging:\n%s", name, firstDiff(x, y))
				}
			}
		})
	}
}

func TestMergeSummaryToStdout(t *testing.T) {
	a := analyzeTo(t, "a", "testdata/annotate/in/wire.jsonl")
	b := analyzeTo(t, "b", "testdata/annotate/in/2025-05-16-istanbul.txt", "testdata/annotate/in/briefs.csv")
	code, stdout, stderr := runCmd(t, "", "merge", a, b)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want, err := os.ReadFile("testdata/analyze/summary.json")
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Errorf("summary differs from analyze's:\n%s", firstDiff([]byte(stdout), want))
	}
}

func TestMergeErrorsAndShards(t *testing.T) {
	in := t.TempDir()
	good := `{"id":"a","date":"2025-05-16","text":"Russia is demanding recognition of its annexations. Kyiv rejects it."}` + "\n"
	os.WriteFile(filepath.Join(in, "a.jsonl"), []byte(good+"{not json\n"), 0o644)
	os.WriteFile(filepath.Join(in, "b.jsonl"), []byte(good), 0o644)
	a := filepath.Join(t.TempDir(), "a")
	if code, _, stderr := runCmd(t, "", "analyze", "-o", a, filepath.Join(in, "a.jsonl")); code != exitPartial {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b := analyzeTo(t, "b", filepath.Join(in, "b.jsonl"))
	// The mentions of b as two shards, as the Beam pipeline writes them.
	data, _ := os.ReadFile(filepath.Join(b, "mentions.jsonl"))
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	os.Remove(filepath.Join(b, "mentions.jsonl"))
	os.WriteFile(filepath.Join(b, "mentions-00001-of-00002.jsonl"), rest, 0o644)
	os.WriteFile(filepath.Join(b, "mentions-00000-of-00002.jsonl"), append(first, '\n'), 0o644)

	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCmd(t, "", "merge", "-o", out, a, b, "--tables=")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "1 records had failed, listed in "+filepath.Join(out, "errors.jsonl")) {
		t.Errorf("stderr %q", stderr)
	}
	errs, _ := os.ReadFile(filepath.Join(out, "errors.jsonl"))
	if !strings.Contains(string(errs), `a.jsonl","line":2,`) || strings.Count(string(errs), "\n") != 1 {
		t.Errorf("errors.jsonl:\n%s", errs)
	}
	mentions, _ := os.ReadFile(filepath.Join(out, "mentions.jsonl"))
	am, _ := os.ReadFile(filepath.Join(a, "mentions.jsonl"))
	if want := string(am) + string(data); string(mentions) != want {
		t.Errorf("mentions.jsonl:\n%s\nwant\n%s", mentions, want)
	}
	if _, err := os.Stat(filepath.Join(out, "stances.csv")); err == nil {
		t.Error("tables written with --tables=")
	}
}

func TestMergeUsageErrors(t *testing.T) {
	plain := analyzeTo(t, "plain", "testdata/annotate/in/wire.jsonl")
	monthly := analyzeTo(t, "monthly", "--by", "month", "testdata/annotate/in/wire.jsonl")
	empty := t.TempDir()
	badMentions := analyzeTo(t, "bad", "testdata/annotate/in/wire.jsonl")
	os.WriteFile(filepath.Join(badMentions, "mentions.jsonl"), []byte(`{"doc":"a"}`+"\n"+`{"doc":`+"\n"), 0o644)
	badPartial := analyzeTo(t, "badpartial", "testdata/annotate/in/wire.jsonl")
	os.WriteFile(filepath.Join(badPartial, "partial.json"), []byte(`{"format":"standpoint-partial/1","corpus":{"documents":-1},"actors":[]}`), 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"merge", plain, monthly}, monthly + ": cannot merge a summary without buckets with one by month"},
		{[]string{"merge", plain, empty}, empty + ": no partial.json: not the output of analyze -o"},
		{[]string{"merge", "-o", t.TempDir(), plain, badMentions}, filepath.Join(badMentions, "mentions.jsonl") + ":2: not a mention"},
		{[]string{"merge", badPartial}, filepath.Join(badPartial, "partial.json") + ": corpus: negative or too large count"},
		{[]string{"merge", "-o", t.TempDir(), "--tables", "xls", plain}, `unknown table format "xls"`},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "", tt.args...)
		if code != exitFailure || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and %q", tt.args, code, stderr, tt.want)
		}
	}
}
