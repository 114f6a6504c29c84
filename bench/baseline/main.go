// Command baseline runs prose v2 over a JSONL corpus the way a user of
// prose would, as the baseline Standpoint's benchmark compares against:
// with default options (prose rebuilds its models for every document) or
// with one model reused for every document.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/jdkato/prose/v2"
)

func main() {
	mode := flag.String("mode", "reuse", "default: prose.NewDocument with default options; reuse: one model for every document")
	limit := flag.Int("n", 0, "stop after `N` documents (0: all)")
	flag.Parse()
	if err := run(os.Stdin, os.Stdout, *mode, *limit); err != nil {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer, mode string, limit int) error {
	var opts []prose.DocOpt
	switch mode {
	case "default":
	case "reuse":
		opts = append(opts, prose.UsingModel(prose.ModelFromData("baseline")))
	default:
		return fmt.Errorf("unknown mode %q", mode)
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(nil, 64<<20)
	var docs, bytes, tokens int
	start := time.Now()
	for sc.Scan() && (limit == 0 || docs < limit) {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return err
		}
		doc, err := prose.NewDocument(rec.Text, opts...)
		if err != nil {
			return err
		}
		docs++
		bytes += len(rec.Text)
		tokens += len(doc.Tokens())
	}
	if err := sc.Err(); err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(out, "%d documents, %d bytes, %d tokens, %.3f s, %.3f MB/s, %.0f tokens/s\n",
		docs, bytes, tokens, secs, float64(bytes)/1e6/secs, float64(tokens)/secs)
	return nil
}
