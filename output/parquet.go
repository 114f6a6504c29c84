package output

import (
	"fmt"

	"github.com/parquet-go/parquet-go"
)

// parquetRowGroupRows is how many mentions a row group of
// mentions.parquet holds, so that the writer buffers at most that many.
const parquetRowGroupRows = 10_000

// A parquetMention is one row of mentions.parquet, whose schema is called
// "mention".
type parquetMention struct {
	Doc       string   `parquet:"doc"`
	Date      string   `parquet:"date"` // YYYY-MM-DD, or empty when unknown
	Source    string   `parquet:"source"`
	Sentence  int64    `parquet:"sentence"`
	Start     int64    `parquet:"start"`
	End       int64    `parquet:"end"`
	Text      string   `parquet:"text"`
	Actor     string   `parquet:"actor"`
	ActorName string   `parquet:"actor_name"`
	ActorText string   `parquet:"actor_text"`
	Stance    string   `parquet:"stance"`
	Cue       string   `parquet:"cue"`
	Negated   bool     `parquet:"negated"`
	Modality  string   `parquet:"modality"`
	Target    string   `parquet:"target"`
	Toward    []string `parquet:"toward,list"`
	Cameo     string   `parquet:"cameo"`
	Score     float64  `parquet:"score"`
}

// A parquetStance is one row of stances.parquet, whose schema is called
// "stance".
type parquetStance struct {
	Actor     string  `parquet:"actor"`
	ActorName string  `parquet:"actor_name"`
	ActorType string  `parquet:"actor_type"`
	Bucket    string  `parquet:"bucket"`
	Stance    string  `parquet:"stance"`
	Count     int64   `parquet:"count"`
	Negated   int64   `parquet:"negated"`
	Score     float64 `parquet:"score"`
}

// parquetTables writes mentions.parquet and stances.parquet, compressed
// with zstd. The mentions are written a row group at a time as they come.
type parquetTables struct {
	tableFiles
	mentions *parquet.GenericWriter[parquetMention]
	row      [1]parquetMention // the row being written, reused
	codec    *zstdCodec
}

func openParquet(dir string) (tableEncoder, error) {
	codec, err := newZstdCodec()
	if err != nil {
		return nil, err
	}
	files, err := createTableFiles(dir, "parquet")
	if err != nil {
		return nil, err
	}
	return &parquetTables{
		tableFiles: files,
		codec:      codec,
		mentions: parquet.NewGenericWriter[parquetMention](files.mentionsFile,
			parquet.NewSchema("mention", parquet.SchemaOf(parquetMention{})),
			parquet.Compression(codec),
			parquet.MaxRowsPerRowGroup(parquetRowGroupRows),
		),
	}, nil
}

func (t *parquetTables) mention(m *Mention) error {
	t.row[0] = parquetMention{
		Doc:       m.Doc,
		Date:      m.Date,
		Source:    m.Source,
		Sentence:  int64(m.Sentence),
		Start:     int64(m.Start),
		End:       int64(m.End),
		Text:      m.Text,
		Actor:     m.Actor,
		ActorName: m.ActorName,
		ActorText: m.ActorText,
		Stance:    m.Stance,
		Cue:       m.Cue,
		Negated:   m.Negated,
		Modality:  m.Modality,
		Target:    m.Target,
		Toward:    m.Toward,
		Cameo:     m.Cameo,
		Score:     m.Score,
	}
	if _, err := t.mentions.Write(t.row[:]); err != nil {
		return fmt.Errorf("write mentions.parquet: %w", err)
	}
	return nil
}

func (t *parquetTables) stances(rows []stanceRow) error {
	out := make([]parquetStance, len(rows))
	for i, row := range rows {
		out[i] = parquetStance{
			Actor:     row.Actor,
			ActorName: row.ActorName,
			ActorType: row.ActorType,
			Bucket:    row.Bucket,
			Stance:    row.Stance,
			Count:     int64(row.Count),
			Negated:   int64(row.Negated),
			Score:     row.Score,
		}
	}
	w := parquet.NewGenericWriter[parquetStance](t.stancesFile,
		parquet.NewSchema("stance", parquet.SchemaOf(parquetStance{})),
		parquet.Compression(t.codec),
	)
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("write stances.parquet: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("write stances.parquet: %w", err)
	}
	return nil
}

func (t *parquetTables) finish(rows []stanceRow) error {
	if err := t.stances(rows); err != nil {
		return err
	}
	if err := t.mentions.Close(); err != nil {
		return fmt.Errorf("write mentions.parquet: %w", err)
	}
	return t.sync()
}
