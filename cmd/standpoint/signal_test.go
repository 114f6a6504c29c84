package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startBinary starts the built command with its stderr in a buffer.
func startBinary(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return cmd, &errb
}

// wait waits for a process to end and returns its exit code, or -1 when a
// signal ended it.
func wait(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode()
	case <-time.After(2 * time.Minute): // a guard against a hang, not a measure
		cmd.Process.Kill()
		t.Fatal("the process did not stop")
		return 0
	}
}

// snapshot reads every file of dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string][]byte)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

// manyDocs writes the sample corpus a hundred times over as JSON Lines:
// enough for a run to be stopped midway.
func manyDocs(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "many.jsonl")
	writeTestFile(t, p, bytes.Repeat(sampleJSONL(t), 100))
	return p
}

// TestInterruptLeavesOutputsWhole stops runs midway with SIGINT and SIGTERM
// and checks that each exits promptly, saying so, and leaves the previous
// complete outputs as they were, or none, never a part of a file.
func TestInterruptLeavesOutputsWhole(t *testing.T) {
	in := manyDocs(t)
	small := filepath.Join(t.TempDir(), "small.jsonl")
	writeTestFile(t, small, jsonLines(`{"id": "a", "date": "2025-05-16", "text": "Russia demands a ceasefire."}`, `{"id": "b", "text": "`))
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		for _, previous := range []bool{true, false} {
			name := sig.String() + ", no previous outputs"
			if previous {
				name = sig.String() + ", previous outputs"
			}
			t.Run(name, func(t *testing.T) {
				out := t.TempDir()
				if previous {
					if r := runBinary(t, "analyze", "--by", "month", small, "-o", out); r.code != exitPartial {
						t.Fatalf("first run: exit %d: %s", r.code, r.stderr)
					}
				}
				before := snapshot(t, out)

				cmd, stderr := startBinary(t, "analyze", "-j", "1", "--by", "month", in, "-o", out)
				// Once documents are in the checkpoint, the outputs are
				// being written.
				waitFor(t, "the run to write", func() bool { return checkpointRecords(filepath.Join(out, checkpointName)) >= 5 })
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
				if code := wait(t, cmd); code != exitFailure {
					t.Fatalf("exit %d, want %d: %s", code, exitFailure, stderr)
				}
				if !strings.Contains(stderr.String(), "interrupted; outputs left as they were before the run") || !strings.Contains(stderr.String(), "--resume") {
					t.Errorf("stderr does not say the run was interrupted and can be resumed:\n%s", stderr)
				}
				after := snapshot(t, out)
				if _, ok := after[checkpointName]; !ok {
					t.Error("no checkpoint left to resume from")
				}
				delete(after, checkpointName)
				for name, b := range after {
					if !bytes.Equal(b, before[name]) {
						t.Errorf("%s changed or appeared (%d bytes, %d before)", name, len(b), len(before[name]))
					}
				}
				for name := range before {
					if _, ok := after[name]; !ok {
						t.Errorf("%s disappeared", name)
					}
				}
			})
		}
	}
}

// TestResumeAfterKill kills a run with SIGKILL, which leaves no chance to
// tidy up, resumes it, and checks the outputs against an uninterrupted run.
func TestResumeAfterKill(t *testing.T) {
	in := manyDocs(t)
	// Three hundred records are enough to kill the run midway.
	b, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(b, []byte("\n"))
	writeTestFile(t, in, bytes.Join(lines[:300], nil))

	full := t.TempDir()
	if r := runBinary(t, "analyze", "-j", "2", "--by", "week", in, "-o", full); r.code != exitPartial {
		t.Fatalf("uninterrupted run: exit %d: %s", r.code, r.stderr)
	}
	out := t.TempDir()
	cmd, _ := startBinary(t, "analyze", "-j", "2", "--by", "week", in, "-o", out)
	waitFor(t, "the run to write", func() bool { return checkpointRecords(filepath.Join(out, checkpointName)) >= 40 })
	cmd.Process.Kill()
	wait(t, cmd)
	if _, err := os.Stat(filepath.Join(out, "mentions.jsonl")); !os.IsNotExist(err) {
		t.Fatalf("the killed run left mentions.jsonl: %v", err)
	}
	r := runBinary(t, "analyze", "--resume", "-j", "1", "--by", "week", in, "-o", out)
	if r.code != exitPartial || !strings.Contains(r.stderr, "records resumed from the checkpoint") {
		t.Fatalf("resumed run: exit %d: %s", r.code, r.stderr)
	}
	compareOutputs(t, full, out)
	// The killed run's temporary files are hidden and ignored; nothing
	// else is left.
	for name := range snapshot(t, out) {
		if !strings.HasPrefix(name, ".") && !strings.Contains(strings.Join(outputNames, " "), name) {
			t.Errorf("left behind: %s", name)
		}
	}
}
