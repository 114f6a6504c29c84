package corpus

import (
	"errors"
	"strings"
	"testing"
)

func FuzzReadAnnotated(f *testing.F) {
	f.Add(`{"format":"standpoint-annotated/1","id":"x","text":"Hi.","origin":{"path":"p"},"sentences":[{"start":0,"end":3,"first":0,"last":2}],"tokens":[[0,2,"NNP","hi"],[2,3,".",""]]}`)
	f.Add(`{"format":"standpoint-annotated/1","text":"","tokens":[[0,0,"",""]]}` + "\n\n{}")
	f.Fuzz(func(t *testing.T, in string) {
		for a, err := range ReadAnnotated(strings.NewReader(in), "f.jsonl", 1<<16) {
			if err != nil {
				var ce *Error
				if !errors.As(err, &ce) || ce.Path != "f.jsonl" || ce.Line < 1 {
					t.Fatalf("error %v is not an *Error naming f.jsonl and a line", err)
				}
				continue
			}
			// Every layer must be safe to slice.
			for i := range a.Tokens {
				_ = a.TokenText(i)
			}
			for _, s := range a.Sentences {
				_ = a.Text[s.Start:s.End]
				_ = a.Tokens[s.First:s.Last]
			}
		}
	})
}
