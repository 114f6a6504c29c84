package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/spf13/cobra"
	"github.com/standpoint/standpoint/analysis/aggregate"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

type analyzeOptions struct {
	input  inputFlags
	actors actorFlags
	stance stanceFlags
	out    string
	by     string
	tables []string
	resume bool
}

func newAnalyzeCmd(e *env) *cobra.Command {
	var o analyzeOptions
	cmd := &cobra.Command{
		Use:   "analyze INPUT... [-o DIR]",
		Short: "Find who takes which stance, and write the mentions and per-actor summaries",
		Long: `Analyze reads the inputs (files, directories, or - for standard input), finds
the actors and the stances they take, and writes to DIR:

  mentions.jsonl  one stance mention a line, in document order, with its evidence
  summary.json    per actor: counts per stance (and negated), targets, whom
                  each stance was aimed at, the mean cooperation score, examples
  mentions.csv, mentions.parquet, stances.csv, stances.parquet
                  flat tables for notebooks: every mention, and per actor,
                  bucket and stance the count, negated count and mean score
  errors.jsonl    the records that could not be processed, if any
  partial.json    the exact state the summary is made from, for merge

While it runs, it keeps a checkpoint of the documents done in
DIR/.standpoint-resume.jsonl: after an interruption, the same command with
--resume skips them and ends with the outputs an uninterrupted run writes.

Without -o, the summary is written to standard output.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return analyze(cmd, e, &o, args)
		},
	}
	o.input.register(cmd.Flags())
	o.actors.register(cmd.Flags())
	o.stance.register(cmd.Flags())
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "write the outputs to `DIR` (created if missing)")
	cmd.Flags().StringSliceVar(&o.tables, "tables", output.TableFormats(), "also write the mentions and stance tables for notebooks in `FORMATS` (csv, parquet; none with --tables=\"\")")
	cmd.Flags().StringVar(&o.by, "by", "", "also count stances per actor by `BUCKET`: day, week, month, quarter, year or source")
	cmd.Flags().BoolVar(&o.resume, "resume", false, "continue the interrupted run of the same command line in the -o directory, skipping the documents it finished")
	return cmd
}

func analyze(cmd *cobra.Command, e *env, o *analyzeOptions, inputs []string) error {
	by, err := aggregate.ParseBy(o.by)
	if err != nil {
		return err
	}
	if o.resume && o.out == "" {
		return errors.New("--resume needs -o DIR, where the interrupted run wrote")
	}
	models, err := loadModels(&o.actors, &o.stance)
	if err != nil {
		return err
	}
	b := &batch[*corpus.Annotated]{env: e, flags: &o.input, inputs: inputs}
	var mentions *output.AtomicFile
	var mw *bufio.Writer
	var tables *output.Tables
	if o.out != "" {
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			return err
		}
		b.outDir = o.out
		key, err := runKey(cmd, inputs, append(slices.Clone(o.actors.files), o.stance.files...))
		if err != nil {
			return err
		}
		if b.ckpt, err = openCheckpoint(filepath.Join(o.out, checkpointName), key, o.resume, o.input.maxDocBytes, analyzedCodec(o.input.maxDocBytes), e.stderr); err != nil {
			return err
		}
		defer b.ckpt.close()
		if tables, err = output.OpenTables(o.out, o.tables); err != nil {
			return err
		}
		defer tables.Abort()
		if mentions, err = output.CreateAtomic(filepath.Join(o.out, "mentions.jsonl")); err != nil {
			return err
		}
		defer mentions.Abort()
		mw = bufio.NewWriterSize(mentions, 256<<10)
	}
	agg := aggregate.New(by)
	newWorker, release := annotators(models, o.input.workers)
	b.release = release
	err = b.run(cmd.Context(), newWorker, func(ad *corpus.Annotated) error {
		agg.Add(ad)
		if mw == nil {
			return nil
		}
		ms := output.MentionsOf(ad)
		for i := range ms {
			if err := tables.Mention(ms[i]); err != nil {
				return err
			}
		}
		return output.WriteMentions(mw, ms)
	})
	if err != nil {
		return b.stopped(err)
	}
	for range b.errors {
		agg.Failed()
	}
	summary := agg.Summary()
	if o.out == "" {
		if err := output.WriteSummary(e.stdout, summary); err != nil {
			return err
		}
		return b.finish("analyzed")
	}
	if err := mw.Flush(); err != nil {
		return err
	}
	if err := commitOutputs(o.out, agg, summary, tables, mentions); err != nil {
		return err
	}
	return b.complete("analyzed")
}

// commitOutputs writes summary.json and partial.json to dir from agg and
// its summary, and then completes the tables and mentions.jsonl, each file
// renamed into place only when whole. A failure leaves the tables and the
// mentions as they were.
func commitOutputs(dir string, agg *aggregate.Aggregator, summary aggregate.Summary, tables *output.Tables, mentions *output.AtomicFile) error {
	// The three only read agg and summary: written side by side, they take
	// the time of the longest, which the run waits for at its end, and
	// meanwhile the mentions, already written, are flushed to disk. The
	// tables are committed only once both JSON files are.
	var wg sync.WaitGroup
	var errs [4]error
	wg.Go(func() {
		errs[0] = writeAtomic(filepath.Join(dir, "summary.json"), func(f *os.File) error { return output.WriteSummary(f, summary) })
	})
	wg.Go(func() {
		errs[1] = writeAtomic(filepath.Join(dir, "partial.json"), func(f *os.File) error { return agg.WriteState(f) })
	})
	wg.Go(func() { errs[2] = tables.Write(summary) })
	wg.Go(func() { errs[3] = mentions.Sync() })
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return err
	}
	if err := tables.Commit(); err != nil {
		return err
	}
	return mentions.Commit()
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
