package evaluate

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

// checkLineError fails t unless err is a *corpus.Error naming the file
// name and a line of in (or the one past the last, for a read error).
func checkLineError(t *testing.T, err error, name, in string) {
	t.Helper()
	var ce *corpus.Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %q is a %T, want *corpus.Error", err, err)
	}
	if ce.Path != name || ce.Line < 1 || ce.Line > strings.Count(in, "\n")+2 {
		t.Fatalf("error %q names %s:%d, want %s and a line of the input", err, ce.Path, ce.Line, name)
	}
}

func addSeeds(f *testing.F, file string) {
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	for _, line := range strings.Split(string(data), "\n") {
		f.Add(line)
	}
}

func FuzzReadGold(f *testing.F) {
	addSeeds(f, "gold.jsonl")
	f.Add(`{"doc":"d","start":1,"end":2,"quote":"x","actor":"A","stance":["s","t"],"required":false}`)
	f.Add(`{"doc":"d","start":-1,"end":1e3,"actor":"A","stance":"s"}`)
	f.Add(`{"doc":null,"quote":"q","actor":"A","stance":[null]}`)
	f.Add("\ufeff{}\r\n[]\n")
	f.Fuzz(func(t *testing.T, in string) {
		items, err := ReadGold(strings.NewReader(in), "gold.jsonl")
		if err != nil {
			checkLineError(t, err, "gold.jsonl", in)
			return
		}
		prev := 0
		for _, it := range items {
			if it.Doc == "" || it.Actor == "" || len(it.Stances) == 0 {
				t.Fatalf("item %+v lacks a document, an actor or a stance", it)
			}
			for _, s := range it.Stances {
				if s == "" {
					t.Fatalf("item %+v has an empty stance", it)
				}
			}
			if it.Quote == "" && (it.Start < 0 || it.Start >= it.End) {
				t.Fatalf("item %+v has neither a quote nor a span", it)
			}
			if it.File != "gold.jsonl" || it.Line <= prev {
				t.Fatalf("item %+v: file or line wrong after line %d", it, prev)
			}
			prev = it.Line
		}
		// Whatever the items, locating and evaluating them must not panic.
		texts := map[string]string{}
		for _, it := range items {
			texts[it.Doc] = in
		}
		if err := Locate(items, texts); err != nil {
			return
		}
		Evaluate(items, nil)
	})
}

func FuzzMentionReader(f *testing.F) {
	addSeeds(f, "mentions.jsonl")
	f.Add(`{"doc":"d","start":0,"end":1,"actor":"A","stance":"s","toward":null,"score":"x"}`)
	f.Add(`{"doc":"d","start":0,"end":99999999999999999999,"actor":"A","stance":"s"}`)
	f.Fuzz(func(t *testing.T, in string) {
		mr := NewMentionReader(strings.NewReader(in), "mentions.jsonl")
		for {
			m, err := mr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				checkLineError(t, err, "mentions.jsonl", in)
				return
			}
			if m.Doc == "" || m.Actor == "" || m.Stance == "" || m.Start < 0 || m.Start >= m.End {
				t.Fatalf("line %d: mention %+v is not well formed", mr.Line(), m)
			}
		}
	})
}
