package output

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/standpoint/standpoint/analysis/aggregate"
)

// allBuckets is the bucket of the stance rows of a run without buckets.
const allBuckets = "all"

// A tableEncoder writes the tables of one format. The mentions come one at
// a time, in order; the stance rows all at once, at the end.
type tableEncoder interface {
	// mention writes one row of the mentions table.
	mention(m *Mention) error
	// finish writes the stance table and completes every file, flushed
	// to disk, moving none into place.
	finish(rows []stanceRow) error
	// commit moves every file onto its destination.
	commit() error
	// abort discards every file. It is safe to call after commit.
	abort()
}

// tableFiles are the two files of a table format, mentions.EXT and
// stances.EXT, which its encoder embeds: they are created, flushed to
// disk, committed and discarded together.
type tableFiles struct {
	mentionsFile, stancesFile *AtomicFile
}

// createTableFiles starts the files of the format whose extension is ext
// in dir.
func createTableFiles(dir, ext string) (tableFiles, error) {
	mf, err := CreateAtomic(filepath.Join(dir, "mentions."+ext))
	if err != nil {
		return tableFiles{}, err
	}
	sf, err := CreateAtomic(filepath.Join(dir, "stances."+ext))
	if err != nil {
		mf.Abort()
		return tableFiles{}, err
	}
	return tableFiles{mf, sf}, nil
}

// sync flushes both files to disk, ahead of their commit.
func (f tableFiles) sync() error {
	if err := f.mentionsFile.Sync(); err != nil {
		return err
	}
	return f.stancesFile.Sync()
}

// commit moves both files onto their destinations; when the first fails,
// the second is discarded.
func (f tableFiles) commit() error {
	if err := f.mentionsFile.Commit(); err != nil {
		f.stancesFile.Abort()
		return err
	}
	return f.stancesFile.Commit()
}

// abort discards both files.
func (f tableFiles) abort() {
	f.mentionsFile.Abort()
	f.stancesFile.Abort()
}

// A tableFormat names a table format and starts its encoder in a directory.
type tableFormat struct {
	name string
	open func(dir string) (tableEncoder, error)
}

// tableFormats is the table of table formats, in the order TableFormats
// lists them.
func tableFormats() []tableFormat {
	return []tableFormat{
		{name: "csv", open: openCSV},
		{name: "parquet", open: openParquet},
	}
}

// TableFormats lists the table formats: "csv", "parquet".
func TableFormats() []string {
	var names []string
	for _, f := range tableFormats() {
		names = append(names, f.name)
	}
	return names
}

// lookupTableFormat returns the format called name.
func lookupTableFormat(name string) (tableFormat, error) {
	for _, f := range tableFormats() {
		if f.name == name {
			return f, nil
		}
	}
	return tableFormat{}, fmt.Errorf("unknown table format %q (want %s)", name, strings.Join(TableFormats(), " or "))
}

// Tables writes the notebook tables of one run into a directory:
//
//	mentions.csv, mentions.parquet  one row per stance mention, in order
//	stances.csv, stances.parquet    one row per actor, bucket and stance
//
// The mentions are streamed to the files as they come; no file appears in
// the directory before Commit (or Finish).
type Tables struct {
	encoders []tableEncoder
	written  bool // by Write
	done     bool // committed or aborted
}

// OpenTables starts the tables of the given formats in dir, which must
// exist. Each name must be one of TableFormats; duplicates are ignored, and
// an empty list gives a Tables that writes nothing. Files are written
// atomically and appear only on Commit.
func OpenTables(dir string, formats []string) (*Tables, error) {
	var chosen []tableFormat
	for _, name := range formats {
		f, err := lookupTableFormat(name)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(chosen, func(c tableFormat) bool { return c.name == f.name }) {
			chosen = append(chosen, f)
		}
	}
	t := &Tables{}
	for _, f := range chosen {
		enc, err := f.open(dir)
		if err != nil {
			t.Abort()
			return nil, fmt.Errorf("%s tables: %w", f.name, err)
		}
		t.encoders = append(t.encoders, enc)
	}
	return t, nil
}

// Mention adds one mention to the mentions tables. Mentions are written in
// the order of the calls.
func (t *Tables) Mention(m Mention) error {
	if t.written || t.done {
		return errors.New("output: mention after Write, Finish or Abort")
	}
	for _, enc := range t.encoders {
		if err := enc.mention(&m); err != nil {
			return err
		}
	}
	return nil
}

// Finish writes the stance tables from the summary and commits every file:
// Write, then Commit.
func (t *Tables) Finish(s aggregate.Summary) error {
	if err := t.Write(s); err != nil {
		return err
	}
	return t.Commit()
}

// Write writes the stance tables from the summary and completes every
// file, flushed to disk, but moves none into place: a run can write its
// tables beside its other outputs and still leave every old file as it
// was when one of them fails. On error, every file is discarded.
func (t *Tables) Write(s aggregate.Summary) error {
	if t.written || t.done {
		return errors.New("output: Write after Write, Finish or Abort")
	}
	t.written = true
	rows := stanceRows(s)
	for _, enc := range t.encoders {
		if err := enc.finish(rows); err != nil {
			t.Abort()
			return err
		}
	}
	return nil
}

// Commit moves the files Write completed onto their destinations. On
// error, the files not yet committed are discarded.
func (t *Tables) Commit() error {
	if !t.written || t.done {
		return errors.New("output: Commit without Write, or after Commit or Abort")
	}
	t.done = true
	for i, enc := range t.encoders {
		if err := enc.commit(); err != nil {
			for _, rest := range t.encoders[i+1:] {
				rest.abort()
			}
			return err
		}
	}
	return nil
}

// Abort discards everything not yet committed. It is safe to call after
// Commit, so that it can be deferred.
func (t *Tables) Abort() {
	t.done = true
	for _, enc := range t.encoders {
		enc.abort()
	}
}

// A stanceRow is one row of the stance table: how often an actor took a
// stance in a bucket.
type stanceRow struct {
	Actor     string
	ActorName string
	ActorType string
	Bucket    string
	Stance    string
	Count     int
	Negated   int
	Score     float64 // mean cooperation score
}

// stanceRows flattens a summary into stance rows sorted by actor id,
// bucket and stance. Without buckets, every row is in the bucket "all".
func stanceRows(s aggregate.Summary) []stanceRow {
	var rows []stanceRow
	for _, a := range s.Actors {
		row := stanceRow{Actor: a.ID, ActorName: a.Name, ActorType: a.Type}
		if s.By == "" {
			row.Bucket = allBuckets
			for _, st := range a.Stances {
				row.Stance, row.Count, row.Negated, row.Score = st.Stance, st.Count, st.Negated, st.Score
				rows = append(rows, row)
			}
			continue
		}
		for _, b := range a.Buckets {
			row.Bucket = b.Bucket
			for _, c := range b.Stances {
				row.Stance, row.Count, row.Negated, row.Score = c.Stance, c.Count, c.Negated, c.Score
				rows = append(rows, row)
			}
		}
	}
	slices.SortStableFunc(rows, func(x, y stanceRow) int {
		return cmp.Or(
			strings.Compare(x.Actor, y.Actor),
			strings.Compare(x.Bucket, y.Bucket),
			strings.Compare(x.Stance, y.Stance),
		)
	})
	return rows
}
