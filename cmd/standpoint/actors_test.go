package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestActorsList(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "actors")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"RUS ", "Kremlin", "vladimir-putin", "EU ", "Brussels", "WEST "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("listing lacks %q", want)
		}
	}
}

func TestActorsFind(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "actors", "find", "--date", "May 16, 2025",
		"President Zelensky met Russian Foreign Minister Sergei Lavrov in Kyiv.")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range [][]string{
		{`"President Zelensky"`, " UKR ", "volodymyr-zelensky", "title"},
		{`"Russian Foreign Minister Sergei Lavrov"`, " RUS ", "title"},
		{`"Kyiv"`, " UKR ", "capital, a place only"},
	} {
		if !hasLine(stdout, want...) {
			t.Errorf("no line with %q:\n%s", want, stdout)
		}
	}
}

func TestActorsUserFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "mine.yaml")
	os.WriteFile(good, []byte("- {id: ACME, type: organisation, name: Acme Corporation, aliases: [Acme]}\n"), 0o644)
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("- id: ACME\n  type: organisation\n  nmae: Acme\n"), 0o644)

	code, stdout, _ := runCmd(t, "", "actors", "find", "--actors", good, "--no-default-actors", "Acme warned Russia.")
	if code != exitOK || !hasLine(stdout, `"Acme"`, " ACME ") || strings.Contains(stdout, " RUS ") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	code, _, stderr := runCmd(t, "", "actors", "--actors", bad)
	if code != exitFailure || !strings.Contains(stderr, bad+":3:") {
		t.Errorf("exit %d, stderr %q: want exit 1 naming %s:3", code, stderr, bad)
	}
}

func TestAnnotateWritesActors(t *testing.T) {
	in := `{"id":"a","date":"2025-05-16","text":"Putin’s envoy met the Ukrainian delegation in Istanbul."}` + "\n"
	code, stdout, stderr := runCmd(t, in, "annotate", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`"id":"RUS","name":"Russia","type":"country","text":"Putin"`, `"text":"the Ukrainian delegation"`, `"possessive":true`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %s:\n%s", want, stdout)
		}
	}
	code, stdout, _ = runCmd(t, in, "annotate", "--no-default-actors", "--no-unknown-actors", "-")
	if code != exitOK || strings.Contains(stdout, `"actors"`) {
		t.Errorf("exit %d; actors written without a dictionary:\n%s", code, stdout)
	}
}

// hasLine reports whether some line of s contains all of parts.
func hasLine(s string, parts ...string) bool {
	for line := range strings.Lines(s) {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}
