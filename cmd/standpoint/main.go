// Command standpoint finds who demands, rejects, proposes or backs what in a
// corpus of political commentary, with the evidence for each stance.
//
// main only wires: it parses the command line into options, runs the
// subcommand and turns the outcome into an exit code.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // usage or fatal errors
	exitPartial = 2 // some documents failed; the rest were processed
)

func main() {
	tuneGC()
	stopProfile, err := startProfile(os.Getenv("STANDPOINT_CPUPROFILE"))
	if err != nil {
		fmt.Fprintf(os.Stderr, "standpoint: %v\n", err)
		os.Exit(exitFailure)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal, a second one ends the process at once;
		// outputs are still whole, since they are renamed into place.
		<-ctx.Done()
		stop()
	}()
	err = run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	stopProfile()
	os.Exit(exitCode(err, os.Stderr))
}

// Garbage collector settings, unless GOGC or GOMEMLIMIT say otherwise. The
// live heap of a run is small and flat (models, caches, aggregates), while
// each document makes short-lived garbage: collecting less often saves much
// of the collector's work, and the soft limit keeps the peak bounded.
const (
	gcPercent   = 400
	memoryLimit = 256 << 20
)

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// withoutGC returns f() run with the collector off, the soft memory limit
// still holding, and then restores it; a GOGC set in the environment has
// the last word, as in tuneGC. Loading the models allocates most of what
// start-up allocates, in a few tens of milliseconds: a collection in the
// middle of it took processor time from the decoding that the first
// document waits for. The first collection now comes after, beside the
// first documents. It restores the setting it found, so calls must not
// overlap.
func withoutGC[T any](f func() (T, error)) (T, error) {
	if os.Getenv("GOGC") != "" {
		return f()
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	return f()
}

// startProfile writes a CPU profile to path, if set, until the returned
// function is called.
func startProfile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// partialError reports that some records failed; they were already listed.
type partialError struct{ failed, total int }

func (e *partialError) Error() string {
	return fmt.Sprintf("%d of %d records failed", e.failed, e.total)
}

func exitCode(err error, stderr io.Writer) int {
	var partial *partialError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &partial):
		return exitPartial
	case errors.Is(err, context.Canceled):
		fmt.Fprint(stderr, "standpoint: interrupted; outputs left as they were before the run")
		var resumable *resumableError
		if errors.As(err, &resumable) {
			fmt.Fprintf(stderr, "; the documents done are kept in %s: run the same command with --resume to go on from there",
				printable(resumable.checkpoint))
		}
		fmt.Fprintln(stderr)
		return exitFailure
	default:
		fmt.Fprintf(stderr, "standpoint: %s\n", printable(err.Error()))
		return exitFailure
	}
}
