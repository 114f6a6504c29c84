package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/standpoint/standpoint/analysis/aggregate"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// FuzzCheckpoint reads arbitrary checkpoint files: resuming from one either
// fails with an error or replays records that are safe to write.
func FuzzCheckpoint(f *testing.F) {
	header := `{"format":"standpoint-resume/1","key":"k"}` + "\n"
	f.Add(header)
	f.Add(header + `{"id":"a","origin":{"path":"-","line":1},"bytes":4,"result":{"doc":{"format":"","id":"a","text":"","origin":{"path":"-","line":1},"sentences":null,"tokens":null,"stances":[{"sentence":0,"start":0,"end":4,"actor":"UKR","actor_name":"Ukraine","actor_text":"Kyiv","stance":"reject","cue":"x","negated":false,"toward":null,"cameo":"12","score":-4}]},"bytes":4,"sentences":1,"tokens":1,"quotes":[{"start":0,"text":"Kyiv"}]}}` + "\n")
	f.Add(header + `{"result":{"doc":{"stances":[{"start":0,"end":4}]},"bytes":4,"sentences":1,"tokens":1,"quotes":[{"start":2,"text":"Kyiv"}]}}` + "\n")
	f.Add(header + `{"result":{"doc":{},"bytes":1000000000000,"sentences":1,"tokens":1}}` + "\n")
	f.Add(header + `{"error":{"path":"-","line":2,"error":"-:2: invalid JSON"}}` + "\n" + `{"id":"b","res`)
	f.Add(header + `{"result":{"doc":{"text":"ab","stances":[{"start":1,"end":9}]},"tokens":-1}}` + "\n")
	f.Add(header + `{"result":{"doc":null,"tokens":0}}` + "\n{\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data string) {
		if err := os.WriteFile(filepath.Join(dir, checkpointName), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := openCheckpoint(dir, "k", true, 1<<16, analyzedCodec(1<<16), io.Discard)
		if err != nil {
			return
		}
		defer c.close()
		agg := aggregate.New(aggregate.ByMonth)
		c.replay(1<<16, func(i int, it checkpointItem, a *corpus.Annotated) error {
			if it.Error != nil {
				return nil
			}
			agg.Add(a)
			output.MentionsOf(a)
			return nil
		})
		agg.Summary()
	})
}
