package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"

	"github.com/standpoint/standpoint/analysis/compare"
	"github.com/standpoint/standpoint/analysis/evaluate"
	"github.com/standpoint/standpoint/corpus"
)

// A Dir is what analyze wrote to a directory: the mentions, by document in
// the order of mentions.jsonl, and the totals and bucketing of
// summary.json, when there is one.
type Dir struct {
	Totals Totals
	By     string // how the summary was bucketed, if at all

	mentions string // the path of mentions.jsonl
	docs     []*dirDoc
}

// dirDoc is one document of a Dir: a run of mentions of the same document.
type dirDoc struct {
	doc      Document
	evs      []Evidence
	lines    []int // the line of each mention in mentions.jsonl
	withText bool
}

// IsDir reports whether path is a directory analyze wrote, one holding
// mentions.jsonl.
func IsDir(path string) bool {
	st, err := os.Stat(filepath.Join(path, "mentions.jsonl"))
	return err == nil && st.Mode().IsRegular()
}

// ReadDir reads the analysis in dir. Until AddTexts gives them their
// sentences, the mentions' contexts are their evidence alone. Without a
// summary, the documents counted are those with mentions.
func ReadDir(dir string) (*Dir, error) {
	d := &Dir{mentions: filepath.Join(dir, "mentions.jsonl")}
	if err := d.readSummary(filepath.Join(dir, "summary.json")); err != nil {
		return nil, err
	}
	f, err := os.Open(d.mentions)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	mr := evaluate.NewMentionReader(bufio.NewReaderSize(f, 256<<10), d.mentions)
	distinct := make(map[string]bool)
	for {
		m, err := mr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(d.docs) == 0 || d.docs[len(d.docs)-1].doc.ID != m.Doc {
			d.docs = append(d.docs, &dirDoc{doc: Document{ID: m.Doc, Date: m.Date, Source: m.Source}})
			distinct[m.Doc] = true
		}
		dd := d.docs[len(d.docs)-1]
		dd.evs = append(dd.evs, Evidence{Mention: m, Context: m.Text, ContextStart: m.Start})
		dd.lines = append(dd.lines, mr.Line())
	}
	if d.Totals.Documents == 0 {
		d.Totals.Documents = len(distinct)
	}
	return d, nil
}

func (d *Dir) readSummary(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	s, err := compare.ReadSummary(f, path)
	if err != nil {
		return err
	}
	d.Totals = Totals{Documents: s.Corpus.Documents, Failed: s.Corpus.Failed}
	d.By = s.By
	return nil
}

// AddTexts reads the documents of docs and gives the mentions of each its
// sentences, and the document its title and URL; the first document of an
// id counts. A record that cannot be read goes to skip and is passed over.
// A mention whose span does not hold its text in the document is an error
// naming its line: the mentions were not found in these texts.
func (d *Dir) AddTexts(docs iter.Seq2[corpus.Document, error], skip func(error)) error {
	byID := make(map[string][]*dirDoc, len(d.docs))
	for _, dd := range d.docs {
		byID[dd.doc.ID] = append(byID[dd.doc.ID], dd)
	}
	for doc, err := range docs {
		if err != nil {
			skip(err)
			continue
		}
		dds := byID[doc.ID]
		if len(dds) == 0 || dds[0].withText {
			continue
		}
		sents := Sentences(doc.Text)
		for _, dd := range dds {
			dd.withText = true
			dd.doc.Title, dd.doc.URL = doc.Title, doc.URL
			for i := range dd.evs {
				ev := &dd.evs[i]
				m := ev.Mention
				if m.End > len(doc.Text) || doc.Text[m.Start:m.End] != m.Text {
					return &corpus.Error{Path: d.mentions, Line: dd.lines[i], Err: fmt.Errorf(
						"span %d-%d of document %q does not hold the mention's text: were the mentions found in these texts?", m.Start, m.End, m.Doc)}
				}
				ev.Context, ev.ContextStart = Context(doc.Text, sents, m)
			}
		}
	}
	return nil
}

// WithoutText returns how many documents of the mentions AddTexts gave no
// text.
func (d *Dir) WithoutText() int {
	seen := make(map[string]bool)
	n := 0
	for _, dd := range d.docs {
		if !dd.withText && !seen[dd.doc.ID] {
			n++
		}
		seen[dd.doc.ID] = true
	}
	return n
}

// AddTo adds the documents and their evidence to b.
func (d *Dir) AddTo(b *Builder) {
	for _, dd := range d.docs {
		b.Add(dd.doc, dd.evs)
	}
}
