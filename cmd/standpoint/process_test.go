package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sync"
	"syscall"
	"testing"
)

// The built command, for the tests that run it as a process of its own: to
// send it signals, or to measure its memory apart from the test's.
var built struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// binary builds the command once and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "standpoint-test-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "standpoint")
		out, err := exec.Command("go", "build", "-o", built.path, ".").CombinedOutput()
		if err != nil {
			built.err = errors.New("build: " + err.Error() + "\n" + string(out))
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

// A result is how a process of the command ended.
type result struct {
	code           int
	stdout, stderr string
	peakRSS        int64 // bytes
}

// runBinary runs the built command to its end.
func runBinary(t *testing.T, args ...string) result {
	t.Helper()
	// A child's peak memory counts the parent's at the time it started
	// (until exec they share their memory): keep the test's small.
	debug.FreeOSMemory()
	cmd := exec.Command(binary(t), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return result{
		code:    cmd.ProcessState.ExitCode(),
		stdout:  out.String(),
		stderr:  errb.String(),
		peakRSS: peakRSS(cmd.ProcessState),
	}
}

// peakRSS returns the largest resident set of a process that has ended,
// counting from its start, when it held the parent's memory.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	return int64(ru.Maxrss) << 10 // kilobytes on Linux
}
