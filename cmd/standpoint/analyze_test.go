package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnalyzeGolden(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runCmd(t, "", "analyze", "-j", "2", "testdata/annotate/in", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"mentions.jsonl", "summary.json", "partial.json"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "analyze/"+name, got)
	}
	if _, err := os.Stat(filepath.Join(out, "errors.jsonl")); !os.IsNotExist(err) {
		t.Errorf("errors.jsonl written for a run without errors")
	}
}

func TestAnalyzeSummaryToStdout(t *testing.T) {
	in := `{"id":"a","date":"2025-05-16","text":"Russia is demanding recognition of its annexations. Kyiv rejects it."}` + "\n"
	code, stdout, stderr := runCmd(t, in, "analyze", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s struct {
		Corpus struct{ Documents, Mentions int }
		Actors []struct {
			ID      string
			Stances []struct {
				Stance string
				Count  int
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if s.Corpus.Documents != 1 || s.Corpus.Mentions != 2 || len(s.Actors) != 2 {
		t.Fatalf("summary %+v", s)
	}
	if a := s.Actors[0]; a.ID != "RUS" || a.Stances[0].Stance != "demand" {
		t.Errorf("first actor %+v, want RUS demanding", a)
	}
}

func TestAnalyzeSameOutputWhateverTheWorkers(t *testing.T) {
	dir := t.TempDir()
	read := func(j string) []byte {
		out := filepath.Join(dir, "j"+j)
		if code, _, stderr := runCmd(t, "", "analyze", "-j", j, "../../examples/sample", "-o", out); code != exitOK {
			t.Fatalf("-j %s: exit %d: %s", j, code, stderr)
		}
		var all []byte
		for _, name := range []string{"mentions.jsonl", "summary.json", "partial.json"} {
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, b...)
		}
		return all
	}
	if one, eight := read("1"), read("8"); !bytes.Equal(one, eight) {
		t.Error("-j 1 and -j 8 give different outputs")
	}
}

func TestAnalyzeUsageErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "lex.yaml")
	os.WriteFile(bad, []byte("cues:\n  - {words: insist, pos: verb, stance: demnd}\n"), 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"analyze", "--lexicon", bad, "x"}, bad + `:2: cue "insist": unknown stance "demnd"`},
		{[]string{"analyze", "--speaker", "NOPE", "x"}, "--speaker NOPE: no such actor"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "", tt.args...)
		if code != exitFailure || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and %q", tt.args, code, stderr, tt.want)
		}
	}
}

func TestAnalyzeSpeaker(t *testing.T) {
	in := `{"id":"a","text":"We demand security guarantees."}` + "\n" +
		`{"id":"b","source":"Office of the President of Ukraine","text":"We demand security guarantees."}` + "\n"
	// Without a voice, "we" is nobody's; the source gives the second one.
	_, stdout, _ := runCmd(t, in, "analyze", "-")
	if !strings.Contains(stdout, `"id": "UKR"`) || strings.Contains(stdout, `"id": "RUS"`) || !strings.Contains(stdout, `"mentions": 1,`) {
		t.Errorf("without --speaker:\n%s", stdout)
	}
	// --speaker gives every document the same voice.
	code, stdout, stderr := runCmd(t, in, "analyze", "--speaker", "RUS", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `"id": "RUS"`) || strings.Contains(stdout, `"id": "UKR"`) || !strings.Contains(stdout, `"mentions": 2,`) {
		t.Errorf("with --speaker RUS:\n%s", stdout)
	}
}
