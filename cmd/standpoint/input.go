package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/pflag"
	"github.com/standpoint/standpoint/corpus"
)

// inputFlags are the options of every command that reads a corpus.
type inputFlags struct {
	fields      corpus.Fields
	format      string
	maxDocBytes int64
	workers     int
	errorsPath  string
	strict      bool
}

func (f *inputFlags) register(fs *pflag.FlagSet) {
	d := corpus.DefaultFields()
	fs.StringVar(&f.fields.ID, "id-field", d.ID, "JSON field or CSV column holding the document id")
	fs.StringVar(&f.fields.Date, "date-field", d.Date, "JSON field or CSV column holding the date")
	fs.StringVar(&f.fields.Source, "source-field", d.Source, "JSON field or CSV column holding the source")
	fs.StringVar(&f.fields.Title, "title-field", d.Title, "JSON field or CSV column holding the title")
	fs.StringVar(&f.fields.URL, "url-field", d.URL, "JSON field or CSV column holding the URL")
	fs.StringVar(&f.fields.Text, "text-field", d.Text, "JSON field or CSV column holding the text")
	fs.StringVar(&f.format, "format", "", "read every input as `FORMAT`: text, jsonl or csv (default: by file extension)")
	fs.Int64Var(&f.maxDocBytes, "max-doc-bytes", corpus.DefaultMaxDocBytes, "refuse documents and records larger than `N` bytes")
	fs.IntVarP(&f.workers, "jobs", "j", runtime.NumCPU(), "number of documents processed in parallel")
	fs.StringVar(&f.errorsPath, "errors", "", "write records that failed to `FILE` (default: errors.jsonl beside the output)")
	fs.BoolVar(&f.strict, "strict", false, "stop at the first record that fails, writing no output (exit code 1)")
}

func (f *inputFlags) options(e *env) (corpus.Options, error) {
	format, err := corpus.ParseFormat(f.format)
	if err != nil {
		return corpus.Options{}, err
	}
	if f.maxDocBytes <= 0 {
		return corpus.Options{}, fmt.Errorf("--max-doc-bytes must be positive, got %d", f.maxDocBytes)
	}
	if f.workers < 1 {
		return corpus.Options{}, fmt.Errorf("--jobs must be at least 1, got %d", f.workers)
	}
	return corpus.Options{Fields: f.fields, Format: format, MaxDocBytes: f.maxDocBytes, Stdin: e.stdin}, nil
}
