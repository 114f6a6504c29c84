package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/standpoint/standpoint/corpus"
)

// outputNames are the files analyze -o writes.
var outputNames = []string{"mentions.jsonl", "summary.json", "partial.json", "mentions.csv", "stances.csv", "mentions.parquet", "stances.parquet", "errors.jsonl"}

// sampleJSONL returns the sample corpus as JSON Lines, three times over
// (so that ids repeat), with bad records among them.
func sampleJSONL(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for round := range 3 {
		for d, err := range corpus.Read(context.Background(), []string{"../../examples/sample"}, corpus.Options{}) {
			if err != nil {
				t.Fatal(err)
			}
			if err := enc.Encode(map[string]string{"id": d.ID, "date": d.Date, "source": d.Source, "title": d.Title, "text": d.Text}); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Fprintf(&buf, "{\"id\": \"bad-%d\", \"text\": \n", round)
		fmt.Fprintf(&buf, "{\"id\": \"undated-%d\", \"date\": \"someday\", \"text\": \"Kyiv rejects it.\"}\n", round)
	}
	return buf.Bytes()
}

// gatedReader serves data up to gate, then waits until ctx is done, as a
// stream does when the run is interrupted while waiting for it.
type gatedReader struct {
	data    []byte
	gate    int
	ctx     context.Context
	reached chan struct{} // closed once a read waits at the gate
	once    sync.Once
}

func (g *gatedReader) Read(p []byte) (int, error) {
	if len(g.data) == 0 {
		return 0, io.EOF
	}
	if g.gate == 0 {
		g.once.Do(func() { close(g.reached) })
		<-g.ctx.Done()
		return 0, g.ctx.Err()
	}
	n := copy(p, g.data[:g.gate])
	g.data, g.gate = g.data[n:], g.gate-n
	return n, nil
}

// checkpointRecords returns how many records a checkpoint file holds,
// counting only complete lines after the header.
func checkpointRecords(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	return max(bytes.Count(b, []byte("\n"))-1, 0)
}

// waitFor polls until ok holds; the deadline only guards against a hang.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// compareOutputs fails unless both directories hold the same outputs, byte
// for byte.
func compareOutputs(t *testing.T, want, got string) {
	t.Helper()
	for _, name := range outputNames {
		a, aerr := os.ReadFile(filepath.Join(want, name))
		b, berr := os.ReadFile(filepath.Join(got, name))
		if os.IsNotExist(aerr) && os.IsNotExist(berr) {
			continue
		}
		if aerr != nil || berr != nil {
			t.Errorf("%s: %v, %v", name, aerr, berr)
			continue
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs from the uninterrupted run's:\n%s", name, firstDiff(b, a))
		}
	}
}

// TestResume interrupts runs after a number of records, resumes them, and
// checks that the outputs are those of an uninterrupted run, whatever the
// point of interruption and the number of workers.
func TestResume(t *testing.T) {
	data := sampleJSONL(t)
	lineEnds := []int{}
	for i, c := range data {
		if c == '\n' {
			lineEnds = append(lineEnds, i+1)
		}
	}
	root := t.TempDir()
	full := filepath.Join(root, "full")
	args := []string{"analyze", "--by", "month", "-", "-o"}
	code, _, stderr := runCmd(t, string(data), append(slices.Clone(args), full, "-j", "3")...)
	if code != exitPartial {
		t.Fatalf("uninterrupted run: exit %d: %s", code, stderr)
	}

	for _, tt := range []struct {
		records int  // served before the interruption
		cut     bool // also cut the checkpoint's last line short, as a kill can
	}{
		{0, false}, {1, false}, {11, false}, {12, true}, {25, false}, {len(lineEnds) - 1, true},
	} {
		t.Run(fmt.Sprintf("after %d records", tt.records), func(t *testing.T) {
			dir := filepath.Join(root, fmt.Sprint("part-", tt.records))
			ckpt := filepath.Join(dir, checkpointName)
			gate := 0
			if tt.records > 0 {
				gate = lineEnds[tt.records-1]
			}
			ctx, cancel := context.WithCancel(context.Background())
			in := &gatedReader{data: data, gate: gate, ctx: ctx, reached: make(chan struct{})}
			done := make(chan int)
			var errb bytes.Buffer
			go func() {
				err := run(ctx, append(slices.Clone(args), dir, "-j", "2"), in, io.Discard, &errb)
				done <- exitCode(err, &errb)
			}()
			<-in.reached
			waitFor(t, "the checkpoint", func() bool { return checkpointRecords(ckpt) == tt.records })
			cancel()
			if code := <-done; code != exitFailure || !strings.Contains(errb.String(), "--resume") {
				t.Fatalf("interrupted run: exit %d, stderr:\n%s\nwant exit 1 and a word of --resume", code, errb.String())
			}
			for _, name := range outputNames {
				if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
					t.Errorf("the interrupted run left %s", name)
				}
			}
			if tt.cut {
				b, _ := os.ReadFile(ckpt)
				os.WriteFile(ckpt, b[:len(b)-7], 0o644)
			}

			code, _, stderr := runCmd(t, string(data), append(slices.Clone(args), dir, "--resume", "-j", "8")...)
			if code != exitPartial {
				t.Fatalf("resumed run: exit %d: %s", code, stderr)
			}
			resumed := tt.records
			if tt.cut {
				resumed--
			}
			if want := fmt.Sprintf("(%d records resumed from the checkpoint)", resumed); resumed > 0 && !strings.Contains(stderr, want) {
				t.Errorf("stderr does not say %q:\n%s", want, stderr)
			}
			compareOutputs(t, full, dir)
			if _, err := os.Stat(ckpt); !os.IsNotExist(err) {
				t.Errorf("the checkpoint is left after a complete run: %v", err)
			}
		})
	}
}

// TestResumeRefused checks that --resume continues only the run of the
// same inputs and options, and starts afresh when there is nothing to
// resume.
func TestResumeRefused(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "docs.jsonl")
	writeTestFile(t, in, jsonLines(`{"id": "a", "text": "Russia demands a ceasefire."}`, `{"id": "b", "text": "Kyiv rejects it."}`))
	out := filepath.Join(dir, "out")
	ckpt := filepath.Join(out, checkpointName)

	// Nothing to resume: a whole run, said so.
	code, _, stderr := runCmd(t, "", "analyze", "--resume", in, "-o", out)
	if code != exitOK || !strings.Contains(stderr, "no interrupted run to resume") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(ckpt); !os.IsNotExist(err) {
		t.Fatalf("checkpoint left after a complete run: %v", err)
	}

	// A checkpoint as an interruption after the first record leaves it.
	writeCheckpoint := func(args ...string) {
		t.Helper()
		var buf bytes.Buffer
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		data := jsonLines(`{"id": "a", "text": "Russia demands a ceasefire."}`, `{"id": "b", "text": "Kyiv rejects it."}`)
		g := &gatedReader{data: data, gate: bytes.IndexByte(data, '\n') + 1, ctx: ctx, reached: make(chan struct{})}
		done := make(chan error)
		go func() { done <- run(ctx, append([]string{"analyze", "-o", out}, args...), g, io.Discard, &buf) }()
		<-g.reached
		waitFor(t, "the checkpoint", func() bool { return checkpointRecords(ckpt) == 1 })
		cancel()
		<-done
	}
	tests := []struct {
		name   string
		before func()
		args   []string
		want   string
	}{
		{"other options", func() { writeCheckpoint("-") }, []string{"--by", "month", "-"}, "was left by a run with other inputs or options"},
		{"other inputs", func() { writeCheckpoint("-") }, []string{in}, "was left by a run with other inputs or options"},
		{"not a checkpoint", func() { os.WriteFile(ckpt, []byte("{}\n"), 0o644) }, []string{"-"}, "is not a checkpoint"},
		{"corrupt line", func() {
			writeCheckpoint("-")
			b, _ := os.ReadFile(ckpt)
			os.WriteFile(ckpt, append(b, "{\n{}\n"...), 0o644)
		}, []string{"-"}, ":3: corrupt checkpoint"},
		{"changed input", func() { writeCheckpoint("-") }, []string{"-"}, ""},
	}
	for _, tt := range tests {
		tt.before()
		stdin := `{"id": "z", "text": "Something else."}` + "\n"
		code, _, stderr := runCmd(t, stdin, append([]string{"analyze", "--resume", "-o", out}, tt.args...)...)
		want := tt.want
		if want == "" {
			want = `record 1 is now document "z" at -:1, was document "a" at -:1`
		}
		if code != exitFailure || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 and %q", tt.name, code, stderr, want)
		}
	}

	if code, _, stderr := runCmd(t, "", "analyze", "--resume", in); code != exitFailure || !strings.Contains(stderr, "--resume needs -o DIR") {
		t.Errorf("--resume without -o: exit %d, stderr %q", code, stderr)
	}
}

// TestResumeAnnotate interrupts annotate -o FILE and resumes it: the file is
// the one an uninterrupted run writes.
func TestResumeAnnotate(t *testing.T) {
	data := sampleJSONL(t)
	root := t.TempDir()
	full := filepath.Join(root, "full", "annotated.jsonl")
	os.MkdirAll(filepath.Dir(full), 0o755)
	if code, _, stderr := runCmd(t, string(data), "annotate", "-", "-o", full); code != exitPartial {
		t.Fatalf("uninterrupted run: exit %d: %s", code, stderr)
	}
	part := filepath.Join(root, "part", "annotated.jsonl")
	os.MkdirAll(filepath.Dir(part), 0o755)
	ckpt := checkpointBeside(part)
	const records = 17
	gate := 0
	for range records {
		gate += bytes.IndexByte(data[gate:], '\n') + 1
	}
	ctx, cancel := context.WithCancel(context.Background())
	in := &gatedReader{data: data, gate: gate, ctx: ctx, reached: make(chan struct{})}
	done := make(chan int)
	var errb bytes.Buffer
	go func() {
		done <- exitCode(run(ctx, []string{"annotate", "-j", "3", "-", "-o", part}, in, io.Discard, &errb), &errb)
	}()
	<-in.reached
	waitFor(t, "the checkpoint", func() bool { return checkpointRecords(ckpt) == records })
	cancel()
	if code := <-done; code != exitFailure || !strings.Contains(errb.String(), ckpt) {
		t.Fatalf("interrupted run: exit %d, stderr:\n%s\nwant exit 1 naming the checkpoint", code, errb.String())
	}
	if _, err := os.Stat(part); !os.IsNotExist(err) {
		t.Fatalf("the interrupted run left %s", part)
	}
	code, _, stderr := runCmd(t, string(data), "annotate", "--resume", "-", "-o", part)
	if code != exitPartial || !strings.Contains(stderr, fmt.Sprintf("(%d records resumed from the checkpoint)", records)) {
		t.Fatalf("resumed run: exit %d: %s", code, stderr)
	}
	for _, name := range []string{"annotated.jsonl", "errors.jsonl"} {
		a, _ := os.ReadFile(filepath.Join(filepath.Dir(full), name))
		b, _ := os.ReadFile(filepath.Join(filepath.Dir(part), name))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs from the uninterrupted run's:\n%s", name, firstDiff(b, a))
		}
	}
	if _, err := os.Stat(ckpt); !os.IsNotExist(err) {
		t.Errorf("the checkpoint is left after a complete run: %v", err)
	}
	if code, _, stderr := runCmd(t, "", "annotate", "--resume", "-"); code != exitFailure || !strings.Contains(stderr, "--resume needs -o FILE") {
		t.Errorf("--resume to standard output: exit %d, stderr %q", code, stderr)
	}
}

// TestRunKey checks what makes a checkpoint another run's: options and
// inputs, down to the files of an input directory, but not the number of
// workers nor the hidden files a run writes.
func TestRunKey(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "a.txt"), []byte("Kyiv rejects it."))
	key := func(args ...string) string {
		t.Helper()
		cmd := newAnalyzeCmd(&env{})
		if err := cmd.ParseFlags(args); err != nil {
			t.Fatal(err)
		}
		k, err := runKey(cmd, cmd.Flags().Args(), nil)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	base := key(dir, "-o", "out")
	if k := key(dir, "-o", "out", "-j", "7", "--resume"); k != base {
		t.Error("-j and --resume change the key")
	}
	if k := key(dir, "-o", "out", "--by", "month"); k == base {
		t.Error("--by does not change the key")
	}
	writeTestFile(t, filepath.Join(dir, ".hidden", "x.txt"), []byte("ignored"))
	writeTestFile(t, filepath.Join(dir, ".standpoint-resume.jsonl"), []byte("ignored"))
	if k := key(dir, "-o", "out"); k != base {
		t.Error("hidden files change the key")
	}
	writeTestFile(t, filepath.Join(dir, "sub", "b.txt"), []byte("Moscow insists."))
	if k := key(dir, "-o", "out"); k == base {
		t.Error("a file added to an input directory does not change the key")
	}
}

// TestAnnotatedLinesEncodeOnce checks that the checkpoint takes the line
// the output just wrote, once, and that a document filled again in the
// same memory gets a line of its own.
func TestAnnotatedLinesEncodeOnce(t *testing.T) {
	lines := &annotatedLines{enc: corpus.NewAnnotatedEncoder()}
	encode := func(a *corpus.Annotated) string {
		var buf bytes.Buffer
		if err := corpus.NewAnnotatedWriter(&buf).Write(a); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	a := &corpus.Annotated{Document: corpus.Document{ID: "one", Text: "Kyiv refuses."}}
	out, err := lines.next(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := encode(a); string(out) != want {
		t.Fatalf("output line %s, want %s", out, want)
	}
	for range 2 {
		got, err := lines.take(a)
		if err != nil {
			t.Fatal(err)
		}
		if want := encode(a); string(got) != want {
			t.Errorf("checkpoint line %s, want %s", got, want)
		}
	}
	a.ID, a.Text = "two", "Moscow agrees." // the same memory, another document
	got, err := lines.take(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := encode(a); string(got) != want {
		t.Errorf("checkpoint line of a document filled again %s, want %s", got, want)
	}
}

// TestAnalyzedCodecRoundTrip checks that a record decodes to what the
// outputs of analyze read of the document: its metadata, actors and
// stances, its counts, and of its text the spans its stances quote.
func TestAnalyzedCodecRoundTrip(t *testing.T) {
	text := "Kyiv \"refuses\"\u2028 talks.\n"
	a := &corpus.Annotated{
		Format:    corpus.AnnotatedFormat,
		Document:  corpus.Document{ID: "d<1>", Date: "2025-05-16", Source: "s", Text: text, Origin: corpus.Origin{Path: "p", Line: 2}},
		Sentences: make([]corpus.Sentence, 1),
		Tokens:    make([]corpus.Token, 5),
		Actors:    []corpus.Actor{{ID: "UKR", Name: "Ukraine", Type: "country", Text: "Kyiv", End: 4, Last: 1, Entry: "UKR", Via: "capital"}},
		Stances:   []corpus.Stance{{Start: 5, End: 14, Actor: "UKR", Stance: "reject", Cue: "refuse", Toward: []string{"RUS"}, Cameo: "12", Score: -4}},
	}
	for _, doc := range []*corpus.Annotated{a, {Document: corpus.Document{ID: "bare", Text: "x"}}} {
		codec := analyzedCodec(1 << 16)
		var buf bytes.Buffer
		if err := codec.encode(&buf, doc); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(buf.String(), "}\n") || strings.Count(buf.String(), "\n") != 1 {
			t.Fatalf("record %q: want one line of JSON", buf.String())
		}
		got, err := codec.decode(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if err != nil {
			t.Fatalf("decode %s: %v", buf.String(), err)
		}
		want := *doc
		want.Format = corpus.AnnotatedFormat
		want.Text = strings.Repeat(" ", len(doc.Text))
		for _, st := range doc.Stances {
			want.Text = want.Text[:st.Start] + doc.Text[st.Start:st.End] + want.Text[st.End:]
		}
		want.Sentences = make([]corpus.Sentence, len(doc.Sentences))
		want.Tokens = make([]corpus.Token, len(doc.Tokens))
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("decoded\n%+v\nwant\n%+v", got, &want)
		}
	}
}
