package output

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

// mentionsCSVHeader returns the header row of mentions.csv.
func mentionsCSVHeader() []string {
	return []string{
		"doc", "date", "source", "sentence", "start", "end", "text",
		"actor", "actor_name", "actor_text", "stance", "cue", "negated",
		"modality", "target", "toward", "cameo", "score",
	}
}

// stancesCSVHeader returns the header row of stances.csv.
func stancesCSVHeader() []string {
	return []string{"actor", "actor_name", "actor_type", "bucket", "stance", "count", "negated", "score"}
}

// towardSep joins the ids of a mention's toward column in CSV.
const towardSep = ";"

// csvTables writes mentions.csv and stances.csv: a header row, then one
// record a row. Numbers are written in decimal, booleans as true or false,
// and a mention's toward ids joined with ";".
type csvTables struct {
	tableFiles
	mentions *csv.Writer
	record   []string // reused for every mention
}

// csvBuffer is the size of the buffer mentions.csv is written through.
const csvBuffer = 64 << 10

func openCSV(dir string) (tableEncoder, error) {
	files, err := createTableFiles(dir, "csv")
	if err != nil {
		return nil, err
	}
	t := &csvTables{
		tableFiles: files,
		// encoding/csv buffers 4 kB, a write to the file every dozen
		// mentions; given a larger buffer, it uses that one.
		mentions: csv.NewWriter(bufio.NewWriterSize(files.mentionsFile, csvBuffer)),
	}
	if err := t.mentions.Write(mentionsCSVHeader()); err != nil {
		t.abort()
		return nil, fmt.Errorf("write mentions.csv: %w", err)
	}
	return t, nil
}

func (t *csvTables) mention(m *Mention) error {
	t.record = append(t.record[:0],
		m.Doc,
		m.Date,
		m.Source,
		strconv.Itoa(m.Sentence),
		strconv.Itoa(m.Start),
		strconv.Itoa(m.End),
		m.Text,
		m.Actor,
		m.ActorName,
		m.ActorText,
		m.Stance,
		m.Cue,
		strconv.FormatBool(m.Negated),
		m.Modality,
		m.Target,
		strings.Join(m.Toward, towardSep),
		m.Cameo,
		formatFloat(m.Score),
	)
	if err := t.mentions.Write(t.record); err != nil {
		return fmt.Errorf("write mentions.csv: %w", err)
	}
	return nil
}

func (t *csvTables) stances(rows []stanceRow) error {
	w := csv.NewWriter(t.stancesFile)
	if err := w.Write(stancesCSVHeader()); err != nil {
		return fmt.Errorf("write stances.csv: %w", err)
	}
	for _, row := range rows {
		err := w.Write([]string{
			row.Actor,
			row.ActorName,
			row.ActorType,
			row.Bucket,
			row.Stance,
			strconv.Itoa(row.Count),
			strconv.Itoa(row.Negated),
			formatFloat(row.Score),
		})
		if err != nil {
			return fmt.Errorf("write stances.csv: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("write stances.csv: %w", err)
	}
	return nil
}

func (t *csvTables) finish(rows []stanceRow) error {
	if err := t.stances(rows); err != nil {
		return err
	}
	t.mentions.Flush()
	if err := t.mentions.Error(); err != nil {
		return fmt.Errorf("write mentions.csv: %w", err)
	}
	return t.sync()
}

// formatFloat writes x in decimal without an exponent, with as many digits
// as it takes to read it back exactly.
func formatFloat(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}
