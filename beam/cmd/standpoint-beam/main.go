// Command standpoint-beam runs `standpoint analyze` as an Apache Beam
// pipeline, on the prism runner in-process by default, or on Flink, Spark
// or Dataflow with Beam's --runner flags:
//
//	standpoint-beam --output out/ examples/sample
//	standpoint-beam --runner=flink --endpoint=localhost:8099 --environment_type=LOOPBACK \
//	    --output /data/out/ '/data/corpus/*.jsonl.gz'
//	standpoint-beam --runner=dataflow --project=P --region=europe-west1 \
//	    --staging_location=gs://B/staging --output gs://B/out/ 'gs://B/corpus/*.jsonl.gz'
//
// It writes mentions-SSSSS-of-NNNNN.jsonl, summary.json, partial.json and,
// when some records failed, errors.jsonl; `standpoint merge` reads them.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/beam/pipeline"
	"github.com/standpoint/standpoint/corpus"
)

// files is a repeatable flag.
type files []string

func (f *files) String() string     { return strings.Join(*f, ",") }
func (f *files) Set(v string) error { *f = append(*f, v); return nil }

// options are the command's own flags; Beam's (--runner, --endpoint,
// --project, ...) are registered by the SDK on the same flag set.
type options struct {
	output, by, format               string
	shards                           int
	maxDocBytes                      int64
	fields                           corpus.Fields
	actorFiles, lexiconFiles         files
	noDefaultActors, noUnknownActors bool
	noDefaultLexicon                 bool
	speaker                          string
}

func (o *options) register(fs *flag.FlagSet) {
	d := corpus.DefaultFields()
	fs.StringVar(&o.output, "output", "", "write the outputs to `DIR` (a local path or gs://, s3://...)")
	fs.IntVar(&o.shards, "shards", 8, "write the mentions to `N` files, each sorted in memory by one worker")
	fs.StringVar(&o.by, "by", "", "also count stances per actor by `BUCKET`: day, week, month, quarter, year or source")
	fs.StringVar(&o.format, "format", "", "read every input as `FORMAT`: text, jsonl or csv (default: by file extension)")
	fs.Int64Var(&o.maxDocBytes, "max-doc-bytes", corpus.DefaultMaxDocBytes, "refuse documents and records larger than `N` bytes")
	fs.StringVar(&o.fields.ID, "id-field", d.ID, "JSON field or CSV column holding the document id")
	fs.StringVar(&o.fields.Date, "date-field", d.Date, "JSON field or CSV column holding the date")
	fs.StringVar(&o.fields.Source, "source-field", d.Source, "JSON field or CSV column holding the source")
	fs.StringVar(&o.fields.Title, "title-field", d.Title, "JSON field or CSV column holding the title")
	fs.StringVar(&o.fields.URL, "url-field", d.URL, "JSON field or CSV column holding the URL")
	fs.StringVar(&o.fields.Text, "text-field", d.Text, "JSON field or CSV column holding the text")
	fs.Var(&o.actorFiles, "actors", "add or override actors from `FILE` (YAML; repeatable)")
	fs.BoolVar(&o.noDefaultActors, "no-default-actors", false, "start from an empty dictionary instead of the embedded one")
	fs.BoolVar(&o.noUnknownActors, "no-unknown-actors", false, "do not take capitalised names missing from the dictionary for actors")
	fs.Var(&o.lexiconFiles, "lexicon", "add or override stance cues from `FILE` (YAML; repeatable)")
	fs.BoolVar(&o.noDefaultLexicon, "no-default-lexicon", false, "use only the --lexicon files, not the embedded lexicon")
	fs.StringVar(&o.speaker, "speaker", "", "the actor `ID` whose voice every document is (default: the actor its source names)")
}

// pipelineOptions checks the flags and reads the user's files, which travel
// with the pipeline to the workers.
func (o *options) pipelineOptions(args []string) (pipeline.Options, error) {
	var po pipeline.Options
	if o.output == "" {
		return po, fmt.Errorf("--output is required")
	}
	if o.maxDocBytes <= 0 {
		return po, fmt.Errorf("--max-doc-bytes must be positive, got %d", o.maxDocBytes)
	}
	format, err := corpus.ParseFormat(o.format)
	if err != nil {
		return po, err
	}
	inputs, err := pipeline.ParseInputs(args)
	if err != nil {
		return po, err
	}
	po = pipeline.Options{
		Inputs: inputs, Output: o.output, Shards: o.shards, By: o.by,
		Fields: o.fields, Format: format, MaxDocBytes: o.maxDocBytes,
		Models: analysis.Config{
			NoDefaultActors: o.noDefaultActors, NoUnknownActors: o.noUnknownActors,
			Stances: true, NoDefaultLexicon: o.noDefaultLexicon, Speaker: o.speaker,
		},
	}
	for _, path := range o.actorFiles {
		if err := po.Models.AddActorFile(path); err != nil {
			return po, err
		}
	}
	for _, path := range o.lexiconFiles {
		if err := po.Models.AddLexiconFile(path); err != nil {
			return po, err
		}
	}
	// Loading the models here reports a bad file or speaker before the job
	// starts, rather than on every worker.
	if _, err := po.Models.Load(); err != nil {
		return po, err
	}
	return po, nil
}

func main() {
	var o options
	o.register(flag.CommandLine)
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: standpoint-beam [flags] --output DIR INPUT...\n\n"+
			"INPUT is a file, a glob pattern (quoted: 'gs://bucket/corpus/*.jsonl.gz') or a local directory.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	beam.Init()
	if err := run(context.Background(), &o, flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "standpoint-beam: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o *options, args []string) error {
	po, err := o.pipelineOptions(args)
	if err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, po); err != nil {
		return err
	}
	return beamx.Run(ctx, p)
}
