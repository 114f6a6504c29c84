package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"
	"github.com/standpoint/standpoint/analysis/aggregate"
	"github.com/standpoint/standpoint/output"
)

type mergeOptions struct {
	out    string
	tables []string
}

func newMergeCmd(e *env) *cobra.Command {
	var o mergeOptions
	cmd := &cobra.Command{
		Use:   "merge DIR... [-o DIR]",
		Short: "Combine the outputs of analyze runs over parts of a corpus into one",
		Long: `Merge combines the output directories of runs of analyze -o over parts of a
corpus (or of the Beam pipeline) into the outputs one run over all of them would
have written: the summaries are merged exactly from each DIR/partial.json, and
the mentions and errors are concatenated in the order of the directories, so
that merging the outputs for inputs A and B gives what analyze A B gives. The
summary does not depend on the order of the directories.

A directory whose mentions are sharded (mentions-00000-of-00004.jsonl, ...)
has its shards read in name order. Without -o, the summary is written to
standard output.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return merge(e, &o, args)
		},
	}
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "write the merged outputs to `DIR` (created if missing)")
	cmd.Flags().StringSliceVar(&o.tables, "tables", output.TableFormats(), "also write the mentions and stance tables in `FORMATS` (csv, parquet; none with --tables=\"\")")
	return cmd
}

func merge(e *env, o *mergeOptions, dirs []string) error {
	var agg *aggregate.Aggregator
	for _, dir := range dirs {
		g, err := readPartial(dir)
		if err != nil {
			return err
		}
		if agg == nil {
			agg = g
		} else if err := agg.Merge(g); err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
	}
	summary := agg.Summary()
	if o.out == "" {
		return output.WriteSummary(e.stdout, summary)
	}
	// Outputs replace their destinations only once every input has been
	// read, so the output directory may be one of the inputs.
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	tables, err := output.OpenTables(o.out, o.tables)
	if err != nil {
		return err
	}
	defer tables.Abort()
	mentions, err := output.CreateAtomic(filepath.Join(o.out, "mentions.jsonl"))
	if err != nil {
		return err
	}
	defer mentions.Abort()
	mw := bufio.NewWriterSize(mentions, 256<<10)
	var errorLines [][]byte
	for _, dir := range dirs {
		files, err := mentionFiles(dir)
		if err != nil {
			return err
		}
		for _, path := range files {
			if err := copyMentions(mw, tables, path); err != nil {
				return err
			}
		}
		lines, err := readErrorLines(filepath.Join(dir, "errors.jsonl"))
		if err != nil {
			return err
		}
		errorLines = append(errorLines, lines...)
	}
	if err := mw.Flush(); err != nil {
		return err
	}
	errorsPath := filepath.Join(o.out, "errors.jsonl")
	if len(errorLines) > 0 {
		err := writeAtomic(errorsPath, func(f *os.File) error {
			_, err := f.Write(bytes.Join(errorLines, nil))
			return err
		})
		if err != nil {
			return err
		}
	} else {
		os.Remove(errorsPath)
	}
	if err := commitOutputs(o.out, agg, summary, tables, mentions); err != nil {
		return err
	}
	c := summary.Corpus
	fmt.Fprintf(e.stderr, "standpoint: merged %d runs: %d documents, %d mentions", len(dirs), c.Documents, c.Mentions)
	if c.Failed > 0 {
		fmt.Fprintf(e.stderr, "; %d records had failed, listed in %s", c.Failed, errorsPath)
	}
	fmt.Fprintln(e.stderr)
	return nil
}

// readPartial reads DIR/partial.json.
func readPartial(dir string) (*aggregate.Aggregator, error) {
	path := filepath.Join(dir, "partial.json")
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no partial.json: not the output of analyze -o", dir)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return aggregate.ReadState(f, path)
}

// mentionFiles returns DIR/mentions.jsonl or, when there is none, the
// shards DIR/mentions-*-of-*.jsonl in name order.
func mentionFiles(dir string) ([]string, error) {
	one := filepath.Join(dir, "mentions.jsonl")
	if _, err := os.Stat(one); err == nil {
		return []string{one}, nil
	}
	shards, err := filepath.Glob(filepath.Join(dir, "mentions-*-of-*.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(shards) == 0 {
		return nil, fmt.Errorf("%s: no mentions.jsonl", dir)
	}
	slices.Sort(shards)
	return shards, nil
}

// copyMentions copies the lines of a mentions file to w, byte for byte,
// and adds each mention to the tables.
func copyMentions(w io.Writer, tables *output.Tables, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	for line := 1; ; line++ {
		data, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(data)) > 0 {
			var m output.Mention
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if derr := dec.Decode(&m); derr != nil {
				return fmt.Errorf("%s:%d: not a mention: %w", path, line, derr)
			}
			if data[len(data)-1] != '\n' {
				data = append(data, '\n')
			}
			if _, werr := w.Write(data); werr != nil {
				return werr
			}
			if terr := tables.Mention(m); terr != nil {
				return terr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
}

// readErrorLines returns the lines of an errors.jsonl, none if it does
// not exist.
func readErrorLines(path string) ([][]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var lines [][]byte
	for line := range bytes.Lines(data) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if !bytes.HasSuffix(line, []byte("\n")) {
			line = append(line, '\n')
		}
		lines = append(lines, line)
	}
	return lines, nil
}
