package pipeline

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/corpus"
)

// TestMain runs the pipelines of the tests on the prism runner, in-process.
func TestMain(m *testing.M) { ptest.Main(m) }

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// standpoint builds the standpoint command of the core module, once.
func standpoint(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "standpoint-beam-test")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "standpoint")
		cmd := exec.Command("go", "build", "-o", binary, "./cmd/standpoint")
		cmd.Dir = filepath.Join("..", "..")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = err
			binary = string(out)
		}
	})
	if buildErr != nil {
		t.Fatalf("build standpoint: %v\n%s", buildErr, binary)
	}
	return binary
}

// analyze runs `standpoint analyze` and returns its output directory.
func analyze(t *testing.T, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "analyze")
	cmd := exec.Command(standpoint(t), append([]string{"analyze", "-j", "2", "-o", out}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		// Exit code 2: some records failed, the rest were written.
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
			t.Fatalf("analyze %v: %v\n%s", args, err, stderr.String())
		}
	}
	return out
}

// runPipeline runs the pipeline and returns its output directory.
func runPipeline(t *testing.T, o Options) string {
	t.Helper()
	o.Output = filepath.Join(t.TempDir(), "beam")
	o.Models = analysis.Config{Stances: true}
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	return o.Output
}

func inputs(t *testing.T, args ...string) []Input {
	t.Helper()
	in, err := ParseInputs(args)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sameOutputs checks that the pipeline wrote what analyze wrote: the same
// summary.json, partial.json and errors.jsonl, and the same mentions, each
// shard in analyze's order.
func sameOutputs(t *testing.T, analyzed, piped string, shards int) {
	t.Helper()
	for _, name := range []string{"summary.json", "partial.json"} {
		if a, b := readFile(t, filepath.Join(analyzed, name)), readFile(t, filepath.Join(piped, name)); !bytes.Equal(a, b) {
			t.Errorf("%s differs:\n%s", name, firstDiff(a, b))
		}
	}
	errA, errAErr := os.ReadFile(filepath.Join(analyzed, "errors.jsonl"))
	errB, errBErr := os.ReadFile(filepath.Join(piped, "errors.jsonl"))
	if (errAErr == nil) != (errBErr == nil) || !bytes.Equal(errA, errB) {
		t.Errorf("errors.jsonl differs: analyze %q (%v), pipeline %q (%v)", errA, errAErr, errB, errBErr)
	}

	want := readFile(t, filepath.Join(analyzed, "mentions.jsonl"))
	wantLines := lines(want)
	if len(wantLines) == 0 {
		t.Fatal("analyze found no mentions: the comparison would show nothing")
	}
	position := make(map[string]int, len(wantLines))
	for i, l := range wantLines {
		if _, ok := position[l]; !ok {
			position[l] = i
		}
	}
	shardFiles, err := filepath.Glob(filepath.Join(piped, "mentions-*-of-*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(shardFiles) != shards {
		t.Fatalf("%d mention files, want %d", len(shardFiles), shards)
	}
	var got []string
	for _, f := range shardFiles {
		data := readFile(t, f)
		if shards == 1 && !bytes.Equal(data, want) {
			t.Errorf("the one shard differs from analyze's mentions.jsonl:\n%s", firstDiff(data, want))
		}
		shard := lines(data)
		for i := 1; i < len(shard); i++ {
			if position[shard[i]] < position[shard[i-1]] {
				t.Errorf("%s: line %d comes before line %d in analyze's order", f, i+1, i)
				break
			}
		}
		got = append(got, shard...)
	}
	slices.Sort(got)
	slices.Sort(wantLines)
	if !slices.Equal(got, wantLines) {
		t.Errorf("the mentions differ: %d lines, want %d:\n%s", len(got), len(wantLines),
			firstDiff([]byte(strings.Join(got, "\n")), []byte(strings.Join(wantLines, "\n"))))
	}
}

func lines(data []byte) []string {
	var out []string
	for l := range strings.Lines(string(data)) {
		out = append(out, strings.TrimSuffix(l, "\n"))
	}
	return out
}

func firstDiff(a, b []byte) string {
	x, y := lines(a), lines(b)
	for i := range max(len(x), len(y)) {
		var l, m string
		if i < len(x) {
			l = x[i]
		}
		if i < len(y) {
			m = y[i]
		}
		if l != m {
			return "line " + strconv.Itoa(i+1) + ":\n  " + clip(l) + "\n  " + clip(m)
		}
	}
	return ""
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

const sample = "../../examples/sample"

func TestSampleEqualsAnalyze(t *testing.T) {
	analyzed := analyze(t, sample)
	piped := runPipeline(t, Options{Inputs: inputs(t, sample), Shards: 3})
	sameOutputs(t, analyzed, piped, 3)
}

func TestSampleByWeekInOneShard(t *testing.T) {
	analyzed := analyze(t, "--by", "week", sample)
	piped := runPipeline(t, Options{Inputs: inputs(t, sample), Shards: 1, By: "week"})
	sameOutputs(t, analyzed, piped, 1)
}

// sharedCorpus writes a few hundred documents of the shared corpora, as a
// gzip-compressed and a plain JSON Lines file with one broken record, and
// files that analyze skips in a directory.
func sharedCorpus(t *testing.T) string {
	t.Helper()
	shared := os.Getenv("STANDPOINT_SHARED")
	if shared == "" {
		t.Skip("STANDPOINT_SHARED is not set")
	}
	dir := t.TempDir()
	head := func(name string, n int) []byte {
		f, err := os.Open(filepath.Join(shared, "corpus", name))
		if err != nil {
			t.Fatalf("STANDPOINT_SHARED=%s: %v", shared, err)
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		all, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		var out []byte
		for l := range bytes.Lines(all) {
			if n == 0 {
				break
			}
			out = append(out, l...)
			n--
		}
		return out
	}
	write := func(name string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(head("kremlin-zelensky-2021-2022.jsonl.gz", 200))
	zw.Close()
	write("kremlin.jsonl.gz", gz.Bytes())
	write("more/whitehouse.jsonl", append(head("whitehouse-2022-2025.jsonl.gz", 150), "{broken\n"...))
	write("more-notes.txt", []byte("---\ntitle: Notes\n---\nRussia demands guarantees, and Ukraine rejects the demand.\n"))
	write("README", []byte("Not a corpus file."))
	write(".hidden/skipped.txt", []byte("Russia demands it."))
	write("folder.txt/inner.md", []byte("# Inner\nUkraine proposes talks in a folder named like a file.\n"))
	// analyze does not follow links to directories, which globs do.
	if err := os.Symlink(filepath.Join(dir, "more"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSharedCorpusEqualsAnalyze(t *testing.T) {
	dir := sharedCorpus(t)
	analyzed := analyze(t, "--by", "month", dir)
	piped := runPipeline(t, Options{Inputs: inputs(t, dir), Shards: 4, By: "month"})
	sameOutputs(t, analyzed, piped, 4)
	if s := string(readFile(t, filepath.Join(piped, "summary.json"))); !strings.Contains(s, `"documents": 352,`) || !strings.Contains(s, `"failed": 1,`) {
		t.Errorf("summary totals:\n%s", s[:min(len(s), 300)])
	}
}

// TestNamedFilesAndPatterns gives the inputs in an order that is not the
// order of their names, a file named directly and a pattern.
func TestNamedFilesAndPatterns(t *testing.T) {
	dir := sharedCorpus(t)
	named := filepath.Join(dir, "more", "whitehouse.jsonl")
	analyzed := analyze(t, "--by", "source", named, filepath.Join(dir, "kremlin.jsonl.gz"))
	piped := runPipeline(t, Options{Inputs: inputs(t, named, dir+"/*.gz"), Shards: 1, By: "source"})
	sameOutputs(t, analyzed, piped, 1)
}

func TestEmptyCorpus(t *testing.T) {
	dir := t.TempDir()
	analyzed := analyze(t, dir)
	piped := runPipeline(t, Options{Inputs: inputs(t, dir+"/*.jsonl"), Shards: 2})
	for _, name := range []string{"summary.json", "partial.json"} {
		if a, b := readFile(t, filepath.Join(analyzed, name)), readFile(t, filepath.Join(piped, name)); !bytes.Equal(a, b) {
			t.Errorf("%s differs:\n%s", name, firstDiff(a, b))
		}
	}
	for _, name := range []string{"mentions-00000-of-00002.jsonl", "mentions-00001-of-00002.jsonl"} {
		if data := readFile(t, filepath.Join(piped, name)); len(data) != 0 {
			t.Errorf("%s: %q, want an empty file", name, data)
		}
	}
}

func TestBuildRefusesBadOptions(t *testing.T) {
	in := []Input{{Pattern: "x.txt"}}
	tests := []struct {
		o    Options
		want string
	}{
		{Options{Output: "out"}, "no input"},
		{Options{Inputs: in}, "no output directory"},
		{Options{Inputs: in, Output: "out", Shards: 0}, "shards must be at least 1, got 0"},
		{Options{Inputs: in, Output: "out", Shards: 1, By: "decade"}, `unknown bucketing "decade"`},
		{Options{Inputs: []Input{{Pattern: "nofs://x/*"}}, Output: "out", Shards: 1}, `nofs://x/*: file system scheme "nofs" not registered`},
	}
	for _, tt := range tests {
		_, s := beam.NewPipelineWithRoot()
		if err := Build(s, tt.o); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Build(%+v): %v, want %q", tt.o, err, tt.want)
		}
	}
}

func TestCompareKeys(t *testing.T) {
	keys := []docKey{
		{Input: 1, Rel: "a.txt"},
		{Input: 0, Rel: "a-c.txt"},
		{Input: 0, Rel: "a/b.jsonl", Line: 10},
		{Input: 0, Rel: "a/b.jsonl", Line: 2},
	}
	slices.SortFunc(keys, compareKeys)
	want := []docKey{
		{Input: 0, Rel: "a/b.jsonl", Line: 2},
		{Input: 0, Rel: "a/b.jsonl", Line: 10},
		{Input: 0, Rel: "a-c.txt"},
		{Input: 1, Rel: "a.txt"},
	}
	if !slices.Equal(keys, want) {
		t.Errorf("sorted %+v, want %+v", keys, want)
	}
	for _, k := range keys {
		if s := shardOf(k, 7); s < 0 || s >= 7 || s != shardOf(k, 7) {
			t.Errorf("shardOf(%+v, 7) = %d", k, s)
		}
	}
	if corpus.ComparePaths("a/b", "a-c") >= 0 {
		t.Error("ComparePaths does not walk directories first")
	}
}
