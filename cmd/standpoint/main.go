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
	tuneGC(os.Getenv)
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

// Garbage collector settings, unless GOGC or GOMEMLIMIT say otherwise. A
// run's live heap is small and flat (models, caches, aggregates), while each
// document makes short-lived garbage. The collector runs only as the heap
// nears the soft limit: a run of a few hundred documents allocates less
// than that and never collects, and a long run collects as rarely as the
// limit allows. A collection costs processor time in proportion to the
// live heap; on two processors at -j 2 it was taken from the workers, and
// a collection during start-up from the decoding that the first document
// waits for. A limit the user sets is a ceiling, not a size to grow to:
// with it, or with none (GOMEMLIMIT=off), the heap may grow to gcPercent
// per cent over the live heap before a collection.
const (
	gcPercent   = 400
	memoryLimit = 256 << 20
)

func tuneGC(getenv func(string) string) {
	if getenv("GOGC") != "" {
		if getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(memoryLimit)
		}
		return
	}
	if getenv("GOMEMLIMIT") != "" {
		debug.SetGCPercent(gcPercent)
		return
	}
	debug.SetMemoryLimit(memoryLimit)
	debug.SetGCPercent(-1)
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
