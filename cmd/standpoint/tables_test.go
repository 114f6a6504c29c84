package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/standpoint/standpoint/output"
)

// parquetMention mirrors a row of mentions.parquet as a notebook reads it.
type parquetMention struct {
	Doc       string   `parquet:"doc"`
	Date      string   `parquet:"date"`
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

// TestParquetMatchesJSONL reads the Parquet mentions of a real run back and
// compares them row by row with mentions.jsonl.
func TestParquetMatchesJSONL(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := runCmd(t, "", "analyze", "--by", "month", "../../examples/sample", "-o", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(filepath.Join(out, "mentions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want []output.Mention
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m output.Mention
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		want = append(want, m)
	}
	rows, err := parquet.ReadFile[parquetMention](filepath.Join(out, "mentions.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want) || len(rows) < 50 {
		t.Fatalf("%d Parquet rows, %d JSONL lines", len(rows), len(want))
	}
	for i, r := range rows {
		got := output.Mention{
			Doc: r.Doc, Date: r.Date, Source: r.Source, Sentence: int(r.Sentence), Start: int(r.Start), End: int(r.End),
			Text: r.Text, Actor: r.Actor, ActorName: r.ActorName, ActorText: r.ActorText, Stance: r.Stance, Cue: r.Cue,
			Negated: r.Negated, Modality: r.Modality, Target: r.Target, Toward: r.Toward, Cameo: r.Cameo, Score: r.Score,
		}
		if got.Toward == nil {
			got.Toward = []string{}
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("row %d differs:\nparquet %+v\njsonl   %+v", i, got, want[i])
		}
	}
}
