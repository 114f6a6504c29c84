// Package pipeline builds the Apache Beam pipeline that runs Standpoint's
// analysis over a corpus on any Beam runner: prism on one machine, or
// Flink, Spark and Dataflow on many.
//
// It reads the inputs through Beam's fileio, so from any filesystem Beam
// has registered, and parses each file with the corpus package's own
// rules; annotates each document with an analysis.Annotator whose models
// are built once per worker; writes the mentions as sharded JSON Lines;
// and merges the per-document aggregate states, first per actor and then
// into one, with a CombineFn built on aggregate.Aggregator.Merge. Its
// outputs equal those of `standpoint analyze` on the same input: the same
// summary.json, partial.json and errors.jsonl, and the same mentions,
// sorted within each shard in analyze's order, so that one shard holds
// analyze's mentions.jsonl byte for byte.
package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // paths without a scheme
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/aggregate"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// Options configures the pipeline.
type Options struct {
	Inputs []Input
	// Output is the directory written to, on any Beam filesystem:
	// mentions-SSSSS-of-NNNNN.jsonl, summary.json, partial.json, and
	// errors.jsonl when some records failed.
	Output string
	// Shards is the number of mention files. Each is sorted in memory by
	// the worker that writes it.
	Shards int
	By     string // bucketing, as analyze --by

	Fields      corpus.Fields
	Format      corpus.Format
	MaxDocBytes int64

	Models analysis.Config
}

func init() {
	beam.RegisterCoder(reflect.TypeOf((*aggregate.Aggregator)(nil)), encodeState, decodeState)
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(document), func(failure), error](&readFn{})
	register.DoFn4x0[document, func(int, mention), func(string, *aggregate.Aggregator), func(failure)](&annotateFn{})
	register.DoFn2x0[failure, func(string, *aggregate.Aggregator)](&failedFn{})
	register.DoFn2x0[[]byte, func(int, mention)](&shardsFn{})
	register.DoFn3x1[context.Context, int, func(*mention) bool, error](&writeShardFn{})
	register.DoFn3x1[context.Context, int, func(*failure) bool, error](&writeErrorsFn{})
	register.DoFn3x1[context.Context, []byte, func(**aggregate.Aggregator) bool, error](&writeSummaryFn{})
	register.Combiner1[*aggregate.Aggregator](&mergeFn{})
	register.Emitter1[document]()
	register.Emitter1[failure]()
	register.Emitter2[int, mention]()
	register.Emitter2[string, *aggregate.Aggregator]()
	register.Iter1[*mention]()
	register.Iter1[*failure]()
	register.Iter1[*aggregate.Aggregator]()
}

func encodeState(g *aggregate.Aggregator) ([]byte, error) { return g.MarshalJSON() }

func decodeState(data []byte) (*aggregate.Aggregator, error) {
	g := aggregate.New("")
	if err := g.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	return g, nil
}

// Build adds the pipeline to s.
func Build(s beam.Scope, o Options) error {
	if len(o.Inputs) == 0 {
		return fmt.Errorf("no input")
	}
	if o.Output == "" {
		return fmt.Errorf("no output directory")
	}
	if o.Shards < 1 {
		return fmt.Errorf("shards must be at least 1, got %d", o.Shards)
	}
	if _, err := aggregate.ParseBy(o.By); err != nil {
		return err
	}
	for _, in := range o.Inputs {
		if err := checkScheme(in.Pattern); err != nil {
			return err
		}
	}
	if err := checkScheme(o.Output); err != nil {
		return err
	}
	out := strings.TrimSuffix(o.Output, "/") + "/"

	// Read: one branch per input, each file parsed by corpus.ReadFile.
	var docs, failures []beam.PCollection
	for _, in := range o.Inputs {
		is := s.Scope("read " + in.Pattern)
		files := fileio.ReadMatches(is, fileio.MatchFiles(is, in.Pattern), fileio.ReadUncompressed())
		d, f := beam.ParDo2(is, &readFn{Input: in, Fields: o.Fields, Format: string(o.Format), MaxDocBytes: o.MaxDocBytes}, files)
		docs, failures = append(docs, d), append(failures, f)
	}
	// Spread the documents of one large file over every worker.
	all := beam.Reshuffle(s, beam.Flatten(s, docs...))

	// Analyse.
	mentions, parts, failed := beam.ParDo3(s, &annotateFn{Config: o.Models, By: o.By, Shards: o.Shards}, all)
	failures = append(failures, failed)
	allFailures := beam.Flatten(s, failures...)

	// Summarise: merge per actor, then into one state.
	parts = beam.Flatten(s, parts, beam.ParDo(s, &failedFn{By: o.By}, allFailures))
	perActor := beam.CombinePerKey(s, &mergeFn{By: o.By}, parts)
	whole := beam.Combine(s, &mergeFn{By: o.By}, beam.DropKey(s, perActor))
	// A side input, so that an empty corpus still gets its (empty) summary.
	beam.ParDo0(s, &writeSummaryFn{Dir: out, By: o.By}, beam.Impulse(s), beam.SideInput{Input: whole})

	// Write the mentions, every shard even if empty.
	empty := beam.ParDo(s, &shardsFn{Shards: o.Shards}, beam.Impulse(s))
	shards := beam.GroupByKey(s, beam.Flatten(s, mentions, empty))
	beam.ParDo0(s, &writeShardFn{Dir: out, Shards: o.Shards}, shards)

	// Write the errors, if any.
	beam.ParDo0(s, &writeErrorsFn{Dir: out}, beam.GroupByKey(s, beam.AddFixedKey(s, allFailures)))
	return nil
}

// checkScheme returns an error if no filesystem is registered for path's
// scheme (gs://, s3://...), which Beam reports with a panic.
func checkScheme(path string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %v", path, r)
		}
	}()
	filesystem.ValidateScheme(path)
	return nil
}

// A docKey places a document in analyze's reading order: by input, by
// path within the input in the order of a directory walk, by line.
type docKey struct {
	Input int
	Rel   string
	Line  int
}

func compareKeys(a, b docKey) int {
	return cmp.Or(cmp.Compare(a.Input, b.Input), corpus.ComparePaths(a.Rel, b.Rel), cmp.Compare(a.Line, b.Line))
}

// A document is a document read and its place in the corpus.
type document struct {
	Key docKey
	Doc corpus.Document
}

// A failure is a record that could not be read or analysed.
type failure struct {
	Key   docKey
	Error output.RecordError
}

// A mention is one line of mentions.jsonl, the Index-th of its document.
type mention struct {
	Key   docKey
	Index int
	Line  string // "" for the marker that makes an empty shard be written
}

// readFn reads the documents of one matched file.
type readFn struct {
	Input       Input
	Fields      corpus.Fields
	Format      string
	MaxDocBytes int64
}

func (fn *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(document), fail func(failure)) error {
	path := file.Metadata.Path
	rel, err := relPath(fn.Input.Root, path)
	if err != nil {
		return err
	}
	if fn.Input.Walk && (!corpus.Walked(rel) || !walkedLocally(fn.Input.Root, rel)) {
		return nil
	}
	key := docKey{Input: fn.Input.Index, Rel: rel}
	rc, err := file.Open(ctx)
	if err != nil {
		fail(failure{Key: key, Error: output.NewRecordError(corpus.Document{}, &corpus.Error{Path: path, Err: err})})
		return nil
	}
	defer rc.Close()
	opts := corpus.Options{Fields: fn.Fields, Format: corpus.Format(fn.Format), MaxDocBytes: fn.MaxDocBytes}
	for d, err := range corpus.ReadFile(ctx, path, rel, rc, opts) {
		if err != nil {
			re := output.NewRecordError(corpus.Document{}, err)
			fail(failure{Key: docKey{Input: key.Input, Rel: rel, Line: re.Line}, Error: re})
			continue
		}
		emit(document{Key: docKey{Input: key.Input, Rel: rel, Line: d.Origin.Line}, Doc: d})
	}
	return ctx.Err()
}

// walkedLocally reports whether a directory walk by analyze reaches rel
// under the local directory root: a glob follows links to directories,
// and matches directories too, where analyze reads regular files and links
// to them only. Paths on other filesystems have neither links nor
// directories of their own.
func walkedLocally(root, rel string) bool {
	if strings.Contains(root, "://") {
		return true
	}
	dir := filepath.Clean(root + ".")
	parts := strings.Split(rel, "/")
	for _, part := range parts[:len(parts)-1] {
		dir = filepath.Join(dir, part)
		info, err := os.Lstat(dir)
		if err != nil || !info.IsDir() {
			return false
		}
	}
	info, err := os.Stat(filepath.Join(dir, parts[len(parts)-1]))
	// A file that cannot be read is reported when it is opened.
	return err != nil || info.Mode().IsRegular()
}

// relPath returns path relative to root, slash-separated.
func relPath(root, path string) (string, error) {
	if !strings.Contains(root, "://") && !strings.Contains(path, "://") {
		// Local: the matched paths are cleaned ("./a" becomes "a").
		rel, err := filepath.Rel(filepath.Clean(root+"."), path)
		if err != nil || strings.HasPrefix(rel, "..") {
			return "", fmt.Errorf("matched %s, outside %s", path, root)
		}
		return filepath.ToSlash(rel), nil
	}
	rel, ok := strings.CutPrefix(path, root)
	if !ok {
		return "", fmt.Errorf("matched %s, outside %s", path, root)
	}
	return rel, nil
}

// annotateFn analyses documents with an Annotator whose models are built
// once, in Setup.
type annotateFn struct {
	Config analysis.Config
	By     string
	Shards int

	annotator *analysis.Annotator
}

func (fn *annotateFn) Setup() error {
	models, err := fn.Config.Load()
	if err != nil {
		return err
	}
	fn.annotator = analysis.NewAnnotator(models)
	return nil
}

func (fn *annotateFn) ProcessElement(d document, emitMention func(int, mention), emitPart func(string, *aggregate.Aggregator), fail func(failure)) {
	ad, err := fn.annotate(d.Doc)
	if err != nil {
		fail(failure{Key: d.Key, Error: output.NewRecordError(d.Doc, err)})
		return
	}
	g := aggregate.New(fn.By)
	g.Add(ad)
	for key, part := range g.Parts() {
		emitPart(key, part)
	}
	shard := shardOf(d.Key, fn.Shards)
	var buf bytes.Buffer
	for i, m := range output.MentionsOf(ad) {
		buf.Reset()
		if err := output.WriteMentions(&buf, []output.Mention{m}); err != nil {
			fail(failure{Key: d.Key, Error: output.NewRecordError(d.Doc, err)})
			return
		}
		emitMention(shard, mention{Key: d.Key, Index: i, Line: strings.TrimSuffix(buf.String(), "\n")})
	}
}

// annotate runs the annotator, turning a panic into an error for the
// document, as analyze does.
func (fn *annotateFn) annotate(doc corpus.Document) (ad *corpus.Annotated, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error: %v", doc.ID, r)
		}
	}()
	return fn.annotator.Annotate(doc), nil
}

// shardOf spreads documents over the shards by a hash of their key, all
// the mentions of one document in one shard.
func shardOf(k docKey, shards int) int {
	h := fnv.New32a()
	fmt.Fprintf(h, "%d\x00%s\x00%d", k.Input, k.Rel, k.Line)
	return int(h.Sum32() % uint32(shards))
}

// failedFn counts a failed record in the corpus totals.
type failedFn struct{ By string }

func (fn *failedFn) ProcessElement(_ failure, emit func(string, *aggregate.Aggregator)) {
	g := aggregate.New(fn.By)
	g.Failed()
	emit("", g)
}

// mergeFn merges aggregate states.
type mergeFn struct{ By string }

func (fn *mergeFn) CreateAccumulator() *aggregate.Aggregator { return aggregate.New(fn.By) }

func (fn *mergeFn) AddInput(acc, in *aggregate.Aggregator) (*aggregate.Aggregator, error) {
	return acc, acc.Merge(in)
}

func (fn *mergeFn) MergeAccumulators(a, b *aggregate.Aggregator) (*aggregate.Aggregator, error) {
	return a, a.Merge(b)
}

func (fn *mergeFn) ExtractOutput(acc *aggregate.Aggregator) *aggregate.Aggregator { return acc }

// writeSummaryFn writes summary.json and partial.json from the merged
// state, which is absent when there were no documents.
type writeSummaryFn struct {
	Dir string
	By  string
}

func (fn *writeSummaryFn) ProcessElement(ctx context.Context, _ []byte, states func(**aggregate.Aggregator) bool) error {
	g := aggregate.New(fn.By)
	var st *aggregate.Aggregator
	for states(&st) {
		if err := g.Merge(st); err != nil {
			return err
		}
	}
	if err := writeFile(ctx, fn.Dir+"summary.json", func(w io.Writer) error { return output.WriteSummary(w, g.Summary()) }); err != nil {
		return err
	}
	return writeFile(ctx, fn.Dir+"partial.json", g.WriteState)
}

// shardsFn emits an empty marker for every shard.
type shardsFn struct{ Shards int }

func (fn *shardsFn) ProcessElement(_ []byte, emit func(int, mention)) {
	for i := range fn.Shards {
		emit(i, mention{})
	}
}

// writeShardFn writes one shard of the mentions, sorted in analyze's order.
type writeShardFn struct {
	Dir    string
	Shards int
}

func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, next func(*mention) bool) error {
	var ms []mention
	var m mention
	for next(&m) {
		if m.Line != "" {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(a, b mention) int { return cmp.Or(compareKeys(a.Key, b.Key), cmp.Compare(a.Index, b.Index)) })
	name := fmt.Sprintf("%smentions-%05d-of-%05d.jsonl", fn.Dir, shard, fn.Shards)
	return writeFile(ctx, name, func(w io.Writer) error {
		for _, m := range ms {
			if _, err := io.WriteString(w, m.Line+"\n"); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeErrorsFn writes errors.jsonl in analyze's order.
type writeErrorsFn struct{ Dir string }

func (fn *writeErrorsFn) ProcessElement(ctx context.Context, _ int, next func(*failure) bool) error {
	var fs []failure
	var f failure
	for next(&f) {
		fs = append(fs, f)
	}
	slices.SortFunc(fs, func(a, b failure) int {
		return cmp.Or(compareKeys(a.Key, b.Key), strings.Compare(a.Error.Error, b.Error.Error))
	})
	errs := make([]output.RecordError, len(fs))
	for i := range fs {
		errs[i] = fs[i].Error
	}
	return writeFile(ctx, fn.Dir+"errors.jsonl", func(w io.Writer) error { return output.WriteErrors(w, errs) })
}

// writeFile writes a file on any Beam filesystem through fill.
func writeFile(ctx context.Context, name string, fill func(io.Writer) error) error {
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fsys.Close()
	w, err := fsys.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	if err := fill(w); err != nil {
		w.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
