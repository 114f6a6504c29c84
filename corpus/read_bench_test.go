package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchJSONL returns n JSON Lines records of made-up articles, about 7 kB of
// text each like the shared corpora's, with the escapes a scraped corpus
// has: quotes, newlines and typographic characters, some written as \u
// escapes. It returns the records and the bytes of text they hold.
func benchJSONL(tb testing.TB, n int) ([]byte, int64) {
	tb.Helper()
	words := strings.Fields(`the minister said on Tuesday that government would not accept
		any proposal which failed to address security of its borders and called
		alliance reconsider “its position” before summit Moscow Kyiv Washington
		Brussels Beijing sanctions ceasefire talks delegation prepared demanded
		rejected refused offered backed warned insisted negotiations troops
		withdrawal guarantees Istanbul Ankara president foreign ministry spokesman
		statement agreement grain corridor humanitarian convoy energy prices gas
		pipeline 2022 15 percent billion €4.5 “unacceptable” ultimatum`)
	var buf bytes.Buffer
	var text int64
	x := uint32(2463534242) // xorshift: the same records every run
	for i := range n {
		var sb strings.Builder
		for j := 0; sb.Len() < 7000; j++ {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			sb.WriteString(words[x%uint32(len(words))])
			switch {
			case j%97 == 96:
				sb.WriteString(".\n\n")
			case j%41 == 40:
				sb.WriteString(`, "he added", `)
			default:
				sb.WriteByte(' ')
			}
		}
		rec := struct {
			ID     string `json:"id"`
			Date   string `json:"date"`
			Source string `json:"source"`
			Title  string `json:"title"`
			Text   string `json:"text"`
		}{fmt.Sprintf("doc-%d", i), fmt.Sprintf("2024-%02d-%02d", i%12+1, i%28+1), "Bench Wire", "Talks resume", sb.String()}
		b, err := json.Marshal(rec)
		if err != nil {
			tb.Fatal(err)
		}
		if i%2 == 1 {
			// Half the records escape their non-ASCII characters.
			b = bytes.ReplaceAll(b, []byte("“"), []byte(`\u201c`))
		}
		buf.Write(b)
		buf.WriteByte('\n')
		text += int64(sb.Len())
	}
	return buf.Bytes(), text
}

// BenchmarkRead measures the reader in MB of document text per second:
// on made-up JSON Lines, plain and gzipped, or on the inputs
// STANDPOINT_BENCH_INPUT names (files or directories, separated by the
// system's list separator; a relative path is taken from this package's
// directory), read from disk. Records that fail are counted, as a run
// counts them, not fatal.
func BenchmarkRead(b *testing.B) {
	if in := os.Getenv("STANDPOINT_BENCH_INPUT"); in != "" {
		inputs := filepath.SplitList(in)
		read := func() (docs, failed int, text int64) {
			for d, err := range Read(context.Background(), inputs, Options{}) {
				if err != nil {
					failed++
					continue
				}
				docs++
				text += int64(len(d.Text))
			}
			return docs, failed, text
		}
		docs, failed, text := read()
		b.Logf("%d documents, %d records failed", docs, failed)
		b.Run("input", func(b *testing.B) {
			b.SetBytes(text)
			b.ReportAllocs()
			for b.Loop() {
				if n, f, _ := read(); n != docs || f != failed {
					b.Fatalf("read %d documents and %d failures, then %d and %d", docs, failed, n, f)
				}
			}
		})
		return
	}
	const docs = 500
	data, text := benchJSONL(b, docs)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"bench.jsonl", data},
		{"bench.jsonl.gz", gzipBytes(b, string(data))},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(text)
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				for _, err := range ReadFile(context.Background(), c.name, c.name, bytes.NewReader(c.data), Options{}) {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != docs {
					b.Fatalf("read %d documents, want %d", n, docs)
				}
			}
		})
	}
}
