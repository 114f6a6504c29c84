package output

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/standpoint/standpoint/analysis/aggregate"
	"github.com/standpoint/standpoint/internal/jsonenc/jsonenctest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// testMentions returns mentions that exercise every column: an empty date
// and source, several toward ids and none (nil and empty), negation and
// modality, and text that CSV must quote.
func testMentions() []Mention {
	return []Mention{
		{
			Doc: "2025-05-16-istanbul", Date: "2025-05-16", Source: "Harbor Review",
			Sentence: 0, Start: 0, End: 19, Text: "Russia is demanding",
			Actor: "RUS", ActorName: "Russia", ActorText: "Russia",
			Stance: "demand", Cue: "demand", Target: "recognition of its annexations",
			Toward: []string{}, Cameo: "10", Score: -5,
		},
		{
			Doc: "2025-05-16-istanbul", Date: "2025-05-16", Source: "Harbor Review",
			Sentence: 2, Start: 148, End: 165, Text: "will never accept",
			Actor: "RUS", ActorName: "Russia", ActorText: "Lavrov",
			Stance: "accept", Cue: "accept", Negated: true, Modality: "will", Target: "this",
			Toward: []string{"UKR", "USA"}, Cameo: "05", Score: 0,
		},
		{
			Doc: "wire-7", Sentence: 1, Start: 40, End: 71, Text: "backed \"the plan\", firmly;\nand",
			Actor: "TUR", ActorName: "Türkiye", ActorText: "Ankara",
			Stance: "support", Cue: "back",
			Toward: []string{"UKR"}, Cameo: "05", Score: 3.5,
		},
		{
			Doc: "wire-7", Date: "2025-06-01", Sentence: 3, Start: 90, End: 104, Text: "Kyiv dismissed",
			Actor: "UKR", ActorName: "Ukraine", ActorText: "Kyiv",
			Stance: "reject", Cue: "dismiss", Modality: "unlikely",
			Cameo: "12", Score: -2.25,
		},
	}
}

// Summaries of the test mentions. The actors come most mentions first and
// their stances most frequent first, as aggregate sorts them; the stance
// rows sort them by id and name.
func summaryAll() aggregate.Summary {
	return aggregate.Summary{
		Actors: []aggregate.Actor{
			{ID: "RUS", Name: "Russia", Type: "country", Stances: []aggregate.Stance{
				{Stance: "demand", Cameo: "10", Count: 3, Score: -5},
				{Stance: "accept", Cameo: "05", Count: 1, Negated: 1, Score: 0},
			}},
			{ID: "UKR", Name: "Ukraine", Type: "country", Stances: []aggregate.Stance{
				{Stance: "reject", Cameo: "12", Count: 1, Score: -2.25},
			}},
			{ID: "TUR", Name: "Türkiye", Type: "country", Stances: []aggregate.Stance{
				{Stance: "support", Cameo: "05", Count: 1, Score: 3.5},
			}},
		},
	}
}

func summaryByMonth() aggregate.Summary {
	s := summaryAll()
	s.By = aggregate.ByMonth
	s.Actors[0].Buckets = []aggregate.Bucket{
		{Bucket: "2025-05", Stances: []aggregate.BucketCount{
			{Stance: "accept", Count: 1, Negated: 1, Score: 0},
			{Stance: "demand", Count: 2, Score: -5},
		}},
		{Bucket: aggregate.Undated, Stances: []aggregate.BucketCount{
			{Stance: "demand", Count: 1, Score: -5},
		}},
	}
	s.Actors[1].Buckets = []aggregate.Bucket{
		{Bucket: "2025-06", Stances: []aggregate.BucketCount{{Stance: "reject", Count: 1, Score: -2.25}}},
	}
	s.Actors[2].Buckets = []aggregate.Bucket{
		{Bucket: aggregate.Undated, Stances: []aggregate.BucketCount{{Stance: "support", Count: 1, Score: 3.5}}},
	}
	return s
}

func TestStanceRows(t *testing.T) {
	tests := []struct {
		name    string
		summary aggregate.Summary
		want    []stanceRow
	}{
		{"empty", aggregate.Summary{}, nil},
		{"all", summaryAll(), []stanceRow{
			{"RUS", "Russia", "country", "all", "accept", 1, 1, 0},
			{"RUS", "Russia", "country", "all", "demand", 3, 0, -5},
			{"TUR", "Türkiye", "country", "all", "support", 1, 0, 3.5},
			{"UKR", "Ukraine", "country", "all", "reject", 1, 0, -2.25},
		}},
		{"by month", summaryByMonth(), []stanceRow{
			{"RUS", "Russia", "country", "2025-05", "accept", 1, 1, 0},
			{"RUS", "Russia", "country", "2025-05", "demand", 2, 0, -5},
			{"RUS", "Russia", "country", "undated", "demand", 1, 0, -5},
			{"TUR", "Türkiye", "country", "undated", "support", 1, 0, 3.5},
			{"UKR", "Ukraine", "country", "2025-06", "reject", 1, 0, -2.25},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stanceRows(tt.summary); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("stanceRows:\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestTables(t *testing.T) {
	tests := []struct {
		name    string
		summary aggregate.Summary
		golden  string // of stances.csv
	}{
		{"all", summaryAll(), "stances.csv"},
		{"by month", summaryByMonth(), "stances-by-month.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, tables := openAllTables(t)
			defer tables.Abort()
			in := testMentions()
			for _, m := range in {
				if err := tables.Mention(m); err != nil {
					t.Fatal(err)
				}
			}
			if got := visibleFiles(t, dir); len(got) > 0 {
				t.Fatalf("files visible before Finish: %v", got)
			}
			if err := tables.Finish(tt.summary); err != nil {
				t.Fatal(err)
			}
			tables.Abort() // harmless after Finish
			want := []string{"mentions.csv", "mentions.parquet", "stances.csv", "stances.parquet"}
			if got := allFiles(t, dir); !slices.Equal(got, want) {
				t.Fatalf("files %v, want %v", got, want)
			}

			wantMentions := normalize(in)
			if got := readParquetMentions(t, filepath.Join(dir, "mentions.parquet")); !reflect.DeepEqual(got, wantMentions) {
				t.Errorf("mentions.parquet:\n got %+v\nwant %+v", got, wantMentions)
			}
			if got := readCSVMentions(t, filepath.Join(dir, "mentions.csv")); !reflect.DeepEqual(got, wantMentions) {
				t.Errorf("mentions.csv:\n got %+v\nwant %+v", got, wantMentions)
			}
			wantStances := stanceRows(tt.summary)
			if got := readParquetStances(t, filepath.Join(dir, "stances.parquet")); !reflect.DeepEqual(got, wantStances) {
				t.Errorf("stances.parquet:\n got %v\nwant %v", got, wantStances)
			}
			if got := readCSVStances(t, filepath.Join(dir, "stances.csv")); !reflect.DeepEqual(got, wantStances) {
				t.Errorf("stances.csv:\n got %v\nwant %v", got, wantStances)
			}

			// The exact text of the CSV files and the Parquet schemas.
			golden(t, "tables/mentions.csv", readFile(t, filepath.Join(dir, "mentions.csv")))
			golden(t, "tables/"+tt.golden, readFile(t, filepath.Join(dir, "stances.csv")))
			golden(t, "tables/mentions.parquet.schema", parquetSchema(t, filepath.Join(dir, "mentions.parquet")))
			golden(t, "tables/stances.parquet.schema", parquetSchema(t, filepath.Join(dir, "stances.parquet")))
		})
	}
}

// TestTablesRowGroups checks that mentions.parquet is written a row group
// at a time.
func TestTablesRowGroups(t *testing.T) {
	dir := t.TempDir()
	tables, err := OpenTables(dir, []string{"parquet", "csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer tables.Abort()
	const n = 2*parquetRowGroupRows + 5
	base := testMentions()
	var want []Mention
	for i := range n {
		m := base[i%len(base)]
		m.Sentence = i
		want = append(want, m)
		if err := tables.Mention(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := tables.Finish(summaryAll()); err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(dir, "mentions.parquet")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	if got := len(pf.RowGroups()); got != 3 {
		t.Errorf("%d row groups, want 3", got)
	}
	want = normalize(want)
	if got := readParquetMentions(t, path); !reflect.DeepEqual(got, want) {
		t.Errorf("mentions.parquet differs from the %d mentions written", n)
	}
	if got := readCSVMentions(t, filepath.Join(dir, "mentions.csv")); !reflect.DeepEqual(got, want) {
		t.Errorf("mentions.csv differs from the %d mentions written", n)
	}
}

func TestOpenTablesFormats(t *testing.T) {
	tests := []struct {
		formats []string
		want    []string
	}{
		{nil, nil},
		{[]string{}, nil},
		{[]string{"csv"}, []string{"mentions.csv", "stances.csv"}},
		{[]string{"parquet"}, []string{"mentions.parquet", "stances.parquet"}},
		{[]string{"parquet", "csv", "parquet"}, []string{"mentions.csv", "mentions.parquet", "stances.csv", "stances.parquet"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.formats, ","), func(t *testing.T) {
			dir := t.TempDir()
			tables, err := OpenTables(dir, tt.formats)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range testMentions() {
				if err := tables.Mention(m); err != nil {
					t.Fatal(err)
				}
			}
			if err := tables.Finish(summaryAll()); err != nil {
				t.Fatal(err)
			}
			if got := allFiles(t, dir); !slices.Equal(got, tt.want) {
				t.Errorf("files %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTableFormats(t *testing.T) {
	if got, want := TableFormats(), []string{"csv", "parquet"}; !slices.Equal(got, want) {
		t.Errorf("TableFormats() = %v, want %v", got, want)
	}
}

func TestOpenTablesUnknownFormat(t *testing.T) {
	for _, formats := range [][]string{{"xlsx"}, {"csv", "xlsx"}, {"CSV"}, {""}} {
		dir := t.TempDir()
		_, err := OpenTables(dir, formats)
		if err == nil {
			t.Errorf("OpenTables(%q): no error", formats)
			continue
		}
		for _, want := range []string{"csv", "parquet"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("OpenTables(%q): error %q does not name %q", formats, err, want)
			}
		}
		if got := allFiles(t, dir); len(got) > 0 {
			t.Errorf("OpenTables(%q) left %v", formats, got)
		}
	}
}

func TestOpenTablesMissingDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	if _, err := OpenTables(dir, TableFormats()); err == nil {
		t.Error("OpenTables in a missing directory: no error")
	}
}

func TestTablesAbort(t *testing.T) {
	dir, tables := openAllTables(t)
	for _, m := range testMentions() {
		if err := tables.Mention(m); err != nil {
			t.Fatal(err)
		}
	}
	tables.Abort()
	if got := allFiles(t, dir); len(got) > 0 {
		t.Errorf("Abort left %v", got)
	}
	if err := tables.Mention(testMentions()[0]); err == nil {
		t.Error("Mention after Abort: no error")
	}
	if err := tables.Finish(summaryAll()); err == nil {
		t.Error("Finish after Abort: no error")
	}
	if got := allFiles(t, dir); len(got) > 0 {
		t.Errorf("Finish after Abort left %v", got)
	}
}

func TestTablesAfterFinish(t *testing.T) {
	dir, tables := openAllTables(t)
	if err := tables.Finish(summaryAll()); err != nil {
		t.Fatal(err)
	}
	if err := tables.Mention(testMentions()[0]); err == nil {
		t.Error("Mention after Finish: no error")
	}
	if err := tables.Finish(summaryAll()); err == nil {
		t.Error("Finish after Finish: no error")
	}
	// With no mentions, the tables have their header or schema and no rows.
	if got := readParquetMentions(t, filepath.Join(dir, "mentions.parquet")); len(got) != 0 {
		t.Errorf("mentions.parquet has %d rows, want none", len(got))
	}
	if got := readCSVMentions(t, filepath.Join(dir, "mentions.csv")); len(got) != 0 {
		t.Errorf("mentions.csv has %d rows, want none", len(got))
	}
}

// TestTablesWriteThenCommit checks that Write completes the files without
// showing them, and that Commit shows the same tables Finish writes.
func TestTablesWriteThenCommit(t *testing.T) {
	dir, tables := openAllTables(t)
	if err := tables.Commit(); err == nil {
		t.Error("Commit before Write: no error")
	}
	for _, m := range testMentions() {
		if err := tables.Mention(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := tables.Write(summaryAll()); err != nil {
		t.Fatal(err)
	}
	if got := visibleFiles(t, dir); len(got) > 0 {
		t.Errorf("files visible after Write, before Commit: %v", got)
	}
	if err := tables.Mention(testMentions()[0]); err == nil {
		t.Error("Mention after Write: no error")
	}
	if err := tables.Write(summaryAll()); err == nil {
		t.Error("Write after Write: no error")
	}
	if err := tables.Commit(); err != nil {
		t.Fatal(err)
	}
	want := []string{"mentions.csv", "mentions.parquet", "stances.csv", "stances.parquet"}
	if got := allFiles(t, dir); !slices.Equal(got, want) {
		t.Errorf("files after Commit: %v, want %v", got, want)
	}
	if got := readParquetMentions(t, filepath.Join(dir, "mentions.parquet")); !reflect.DeepEqual(got, normalize(testMentions())) {
		t.Errorf("mentions.parquet after Write and Commit:\n%+v\nwant\n%+v", got, testMentions())
	}
	if err := tables.Commit(); err == nil {
		t.Error("Commit after Commit: no error")
	}
}

// TestTablesWriteThenAbort checks that Abort after Write leaves nothing.
func TestTablesWriteThenAbort(t *testing.T) {
	dir, tables := openAllTables(t)
	if err := tables.Write(summaryAll()); err != nil {
		t.Fatal(err)
	}
	tables.Abort()
	if got := allFiles(t, dir); len(got) > 0 {
		t.Errorf("Abort after Write left %v", got)
	}
	if err := tables.Commit(); err == nil {
		t.Error("Commit after Abort: no error")
	}
}

// normalize returns ms with an empty, non-nil Toward where it was nil,
// as the tables read back.
func normalize(ms []Mention) []Mention {
	out := slices.Clone(ms)
	for i := range out {
		if out[i].Toward == nil {
			out[i].Toward = []string{}
		}
	}
	return out
}

func readParquetMentions(t *testing.T, path string) []Mention {
	t.Helper()
	rows, err := parquet.ReadFile[parquetMention](path)
	if err != nil {
		t.Fatal(err)
	}
	ms := []Mention{}
	for _, r := range rows {
		m := Mention{
			Doc: r.Doc, Date: r.Date, Source: r.Source,
			Sentence: int(r.Sentence), Start: int(r.Start), End: int(r.End), Text: r.Text,
			Actor: r.Actor, ActorName: r.ActorName, ActorText: r.ActorText,
			Stance: r.Stance, Cue: r.Cue, Negated: r.Negated, Modality: r.Modality, Target: r.Target,
			Toward: r.Toward, Cameo: r.Cameo, Score: r.Score,
		}
		if m.Toward == nil {
			m.Toward = []string{}
		}
		ms = append(ms, m)
	}
	return ms
}

func readParquetStances(t *testing.T, path string) []stanceRow {
	t.Helper()
	rows, err := parquet.ReadFile[parquetStance](path)
	if err != nil {
		t.Fatal(err)
	}
	var out []stanceRow
	for _, r := range rows {
		out = append(out, stanceRow{
			Actor: r.Actor, ActorName: r.ActorName, ActorType: r.ActorType, Bucket: r.Bucket, Stance: r.Stance,
			Count: int(r.Count), Negated: int(r.Negated), Score: r.Score,
		})
	}
	return out
}

// readCSV returns the records of a CSV file after checking its header.
func readCSV(t *testing.T, path string, header []string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(records) == 0 || !slices.Equal(records[0], header) {
		t.Fatalf("%s: header %v, want %v", path, records[:min(len(records), 1)], header)
	}
	return records[1:]
}

func readCSVMentions(t *testing.T, path string) []Mention {
	t.Helper()
	ms := []Mention{}
	for _, r := range readCSV(t, path, mentionsCSVHeader()) {
		m := Mention{
			Doc: r[0], Date: r[1], Source: r[2],
			Sentence: atoi(t, r[3]), Start: atoi(t, r[4]), End: atoi(t, r[5]), Text: r[6],
			Actor: r[7], ActorName: r[8], ActorText: r[9],
			Stance: r[10], Cue: r[11], Negated: parseBool(t, r[12]), Modality: r[13], Target: r[14],
			Toward: []string{}, Cameo: r[16], Score: parseFloat(t, r[17]),
		}
		if r[15] != "" {
			m.Toward = strings.Split(r[15], ";")
		}
		ms = append(ms, m)
	}
	return ms
}

func readCSVStances(t *testing.T, path string) []stanceRow {
	t.Helper()
	var out []stanceRow
	for _, r := range readCSV(t, path, stancesCSVHeader()) {
		out = append(out, stanceRow{
			Actor: r[0], ActorName: r[1], ActorType: r[2], Bucket: r[3], Stance: r[4],
			Count: atoi(t, r[5]), Negated: atoi(t, r[6]), Score: parseFloat(t, r[7]),
		})
	}
	return out
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func parseBool(t *testing.T, s string) bool {
	t.Helper()
	b, err := strconv.ParseBool(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// parquetSchema returns the schema of a Parquet file as text.
func parquetSchema(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return []byte(pf.Schema().String() + "\n")
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// allFiles lists the names in dir, temporary files included.
func allFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// visibleFiles lists the names in dir that do not start with a dot, as
// the temporary files of AtomicFile do.
func visibleFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	for _, name := range allFiles(t, dir) {
		if !strings.HasPrefix(name, ".") {
			names = append(names, name)
		}
	}
	return names
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update to accept):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

func BenchmarkTablesMention(b *testing.B) {
	for _, format := range TableFormats() {
		b.Run(format, func(b *testing.B) {
			tables, err := OpenTables(b.TempDir(), []string{format})
			if err != nil {
				b.Fatal(err)
			}
			defer tables.Abort()
			ms := testMentions()
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if err := tables.Mention(ms[i%len(ms)]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestWriteSummary(t *testing.T) {
	var buf bytes.Buffer
	s := aggregate.Summary{Corpus: aggregate.Totals{Documents: 1}, Actors: []aggregate.Actor{{ID: "A&B", Name: "<A>"}}}
	if err := WriteSummary(&buf, s); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "{\n  \"corpus\": {\n    \"documents\": 1,") || !strings.Contains(buf.String(), `"id": "A&B",`) || !strings.Contains(buf.String(), `"name": "<A>",`) {
		t.Errorf("summary:\n%s", buf.String())
	}
}

// TestWriteSummaryAsEncoder holds summary.json to what encoding/json's
// Encoder writes, indented and with HTML escaping off, as it was written
// before the summary encoded itself.
func TestWriteSummaryAsEncoder(t *testing.T) {
	full := aggregate.Summary{
		By:     aggregate.ByMonth,
		Corpus: aggregate.Totals{Documents: 2, Bytes: 1 << 40, Mentions: 1, Actors: 1, Buckets: []aggregate.BucketTotal{{Bucket: "2025-05", Documents: 2}}},
		Actors: []aggregate.Actor{{
			ID: "A&B", Name: "<A> \u2028\x01\xff", Type: "country", Mentions: 1, Score: -0.5,
			Aliases: []aggregate.Count{{Value: "Kyiv’s", Count: 2}},
			Stances: []aggregate.Stance{{Stance: "demand", Score: 1e21, Targets: []aggregate.Count{}, Examples: []aggregate.Example{{Doc: "d", Text: "x\ny"}}}},
			Buckets: []aggregate.Bucket{{Bucket: "2025-05", Score: -1e-7, Stances: []aggregate.BucketCount{{Stance: "demand", Count: 1}}}},
		}},
	}
	for _, s := range []aggregate.Summary{full, {}, {Actors: []aggregate.Actor{}}} {
		want, err := jsonenctest.Indented(s, "  ")
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteSummary(&got, s); err != nil {
			t.Fatal(err)
		}
		if got.String() != want {
			t.Errorf("summary:\n got %s\nwant %s", got.String(), want)
		}
	}
}

// openAllTables opens the tables of every format in a new directory.
func openAllTables(t *testing.T) (string, *Tables) {
	t.Helper()
	dir := t.TempDir()
	tables, err := OpenTables(dir, TableFormats())
	if err != nil {
		t.Fatal(err)
	}
	return dir, tables
}
