package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// execSub runs the subcommand that newCmd builds on args, and returns its
// standard output and the exit code its error gives, with the message.
func execSub(t *testing.T, newCmd func(*env) *cobra.Command, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := newCmd(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	cmd.SetArgs(append([]string{}, args...))
	cmd.SetIn(strings.NewReader(stdin))
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	code = exitCode(cmd.Execute(), &errb)
	return code, out.String(), errb.String()
}

func TestCompareGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"files.txt", []string{"testdata/compare/a.json", "testdata/compare/b.json"}},
		{"files.json", []string{"--json", "testdata/compare/a.json", "testdata/compare/b.json"}},
		{"files-top.txt", []string{"--top", "2", "--min", "2", "testdata/compare/a.json", "testdata/compare/b.json"}},
		{"buckets.txt", []string{"testdata/compare/months.json", "--a", "2022-01..2022-02", "--b", "2022-03"}},
		{"buckets-actor.json", []string{"testdata/compare/months.json", "--a", "2022-01", "--b", "2022-02..2022-04", "--actor", "RUS", "--json"}},
	}
	for _, tt := range tests {
		code, stdout, stderr := execSub(t, newCompareCmd, "", tt.args...)
		if code != exitOK {
			t.Errorf("%v: exit %d: %s", tt.args, code, stderr)
			continue
		}
		golden(t, "compare/"+tt.golden, []byte(stdout))
	}
}

func TestCompareStdin(t *testing.T) {
	b, err := os.ReadFile("testdata/compare/b.json")
	if err != nil {
		t.Fatal(err)
	}
	_, fromFile, _ := execSub(t, newCompareCmd, "", "--json", "testdata/compare/a.json", "testdata/compare/b.json")
	code, fromStdin, stderr := execSub(t, newCompareCmd, string(b), "--json", "testdata/compare/a.json", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var x, y struct{ Rows []json.RawMessage }
	json.Unmarshal([]byte(fromFile), &x)
	json.Unmarshal([]byte(fromStdin), &y)
	if len(x.Rows) == 0 || len(x.Rows) != len(y.Rows) || !strings.Contains(fromStdin, `"label": "-"`) {
		t.Errorf("from standard input:\n%s", fromStdin)
	}
}

func TestTrendGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"trend.txt", []string{"testdata/compare/months.json"}},
		{"trend-ukr.json", []string{"testdata/compare/months.json", "--actor", "UKR", "--json"}},
	}
	for _, tt := range tests {
		code, stdout, stderr := execSub(t, newTrendCmd, "", tt.args...)
		if code != exitOK {
			t.Errorf("%v: exit %d: %s", tt.args, code, stderr)
			continue
		}
		golden(t, "compare/"+tt.golden, []byte(stdout))
	}
}

func TestCompareErrors(t *testing.T) {
	dir := t.TempDir()
	bad := dir + "/bad.json"
	os.WriteFile(bad, []byte("{\n  \"actors\": [\n    {\"id\": \"RUS\" \"name\": \"Russia\"}\n  ]\n}\n"), 0o644)
	const (
		a      = "testdata/compare/a.json"
		b      = "testdata/compare/b.json"
		months = "testdata/compare/months.json"
	)
	tests := []struct {
		newCmd func(*env) *cobra.Command
		args   []string
		want   string
	}{
		{newCompareCmd, []string{}, "accepts between 1 and 2 arg(s), received 0"},
		{newCompareCmd, []string{a}, "give two summaries, or one with --a and --b (got 1)"},
		{newCompareCmd, []string{months, "--a", "2022-01"}, "--a and --b go together"},
		{newCompareCmd, []string{a, b, "--a", "2022-01", "--b", "2022-02"}, "with --a and --b, give one summary (got 2)"},
		{newCompareCmd, []string{a, dir + "/missing.json"}, "missing.json: no such file or directory"},
		{newCompareCmd, []string{a, bad}, bad + ":3:18: invalid character '\"' after object key:value pair"},
		{newCompareCmd, []string{"-", "-"}, "only one summary can be read from standard input"},
		{newCompareCmd, []string{a, "--a", "2022-01", "--b", "2022-02"}, a + ": --a 2022-01: the summary has no buckets: run analyze with --by"},
		{newCompareCmd, []string{months, "--a", "2022-01", "--b", "2022-07"}, `--b 2022-07: no bucket "2022-07" in the summary`},
		{newCompareCmd, []string{months, "--a", "2022-03..2022-01", "--b", "2022-02"}, "runs backwards"},
		{newCompareCmd, []string{a, b, "--actor", "TUR"}, "--actor TUR: the actor takes no stance on either side"},
		{newCompareCmd, []string{a, b, "--top", "-1"}, "--top must not be negative"},
		{newCompareCmd, []string{a, b, "--min", "-1"}, "--min must not be negative"},
		{newCompareCmd, []string{a, b, "--alpha0", "-5"}, "--alpha0 must not be negative"},
		{newTrendCmd, []string{a}, a + ": the summary has no buckets: run analyze with --by"},
		{newTrendCmd, []string{months, "--actor", "USA"}, `no actor "USA" in the summary`},
		{newTrendCmd, []string{months, b}, "accepts 1 arg(s), received 2"},
	}
	for _, tt := range tests {
		code, stdout, stderr := execSub(t, tt.newCmd, "", tt.args...)
		if code != exitFailure || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, exitFailure, tt.want)
		}
		if stdout != "" {
			t.Errorf("%v: wrote %q on failure", tt.args, stdout)
		}
	}
}
