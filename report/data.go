package report

import (
	"cmp"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/standpoint/standpoint/analysis/aggregate"
	"github.com/standpoint/standpoint/analysis/stem"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// Format names the layout of Data; it changes when a field changes meaning.
const Format = "standpoint-report/1"

// Defaults of Options.
const (
	DefaultTop   = 12
	DefaultTitle = "Standpoint report"
)

// maxBuckets bounds the buckets of the time charts: past it (a corpus
// dated over centuries by day), only the buckets that hold mentions are
// shown.
const maxBuckets = 2000

// Options choose what the report shows.
type Options struct {
	Title string // the heading; "" for DefaultTitle
	// By buckets the time charts: day, week, month, quarter, year or
	// source (as analyze --by); "" leaves the charts out.
	By          string
	Top         int // actors in the charts and on each side of the matrix
	MaxEvidence int // mentions listed in the evidence table, the first ones; 0 for all
}

// A Document is what the page tells of a document. URL is kept only when it
// is an absolute http or https address.
type Document struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
}

// DocumentOf returns what the page tells of d.
func DocumentOf(d corpus.Document) Document {
	return Document{ID: d.ID, Title: d.Title, URL: d.URL, Date: d.Date, Source: d.Source}
}

// Evidence is a mention and its context: the sentence holding it (see
// Context), which starts at byte ContextStart of the document.
type Evidence struct {
	output.Mention
	Context      string
	ContextStart int
}

// Totals count what was read: documents processed and records that failed.
type Totals struct {
	Documents int
	Failed    int
}

// Data is everything the page shows, embedded in it as one JSON block.
// Offsets into contexts are in UTF-16 code units, as JavaScript indexes
// strings.
type Data struct {
	Format  string       `json:"format"`
	Title   string       `json:"title"`
	By      string       `json:"by,omitempty"`
	Corpus  CorpusInfo   `json:"corpus"`
	Stances []StanceInfo `json:"stances"` // in chart order
	Groups  []Group      `json:"groups"`
	Buckets []string     `json:"buckets"` // in time order, the undated bucket last
	Actors  []ActorInfo  `json:"actors"`  // the top actors, most mentions first
	Matrix  Matrix       `json:"matrix"`
	Names   []Name       `json:"names"` // the names of every actor id the page shows
	Docs    []Document   `json:"docs"`  // the documents of the evidence
	// Contexts are the sentences of the evidence, each once.
	Contexts []string `json:"contexts"`
	Evidence []Row    `json:"evidence"`
}

// CorpusInfo counts the corpus.
type CorpusInfo struct {
	Documents int    `json:"documents"`
	Failed    int    `json:"failed"`
	Mentions  int    `json:"mentions"`
	Actors    int    `json:"actors"` // actors taking at least one stance
	Listed    int    `json:"listed"` // mentions in the evidence table
	First     string `json:"first,omitempty"`
	Last      string `json:"last,omitempty"`
}

// An ActorInfo is one actor's stance profile and its cooperation score
// over time.
type ActorInfo struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Mentions int           `json:"mentions"`
	Score    float64       `json:"score"`
	Stances  []StanceCount `json:"stances"` // in chart order
	Series   []Point       `json:"series"`  // the buckets where it took a stance
}

// A StanceCount counts an actor's mentions of one stance.
type StanceCount struct {
	Stance  string `json:"stance"`
	Count   int    `json:"count"`
	Negated int    `json:"negated"`
}

// A Point is an actor's mean cooperation score in a bucket.
type Point struct {
	Bucket   string  `json:"bucket"`
	Mentions int     `json:"mentions"`
	Score    float64 `json:"score"`
}

// Matrix counts who takes a stance toward whom: Rows are the actors taking
// the stances, Cols those they are aimed at, Cells the non-empty pairs with
// their counts per group (in the order of Data.Groups).
type Matrix struct {
	Rows  []string `json:"rows"`
	Cols  []string `json:"cols"`
	Cells []Cell   `json:"cells"`
}

// A Cell is one pair of the matrix: indexes into Rows and Cols.
type Cell struct {
	Row    int   `json:"row"`
	Col    int   `json:"col"`
	Counts []int `json:"counts"`
}

// A Name is an actor's display name.
type Name struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// A Row is a line of the evidence table. The spans are offsets into its
// context; ActorAt is [-1, -1] when the actor is not written there.
type Row struct {
	Doc        int      `json:"doc"`     // index in Data.Docs
	Context    int      `json:"context"` // index in Data.Contexts
	EvidenceAt span     `json:"evidence_at"`
	CueAt      span     `json:"cue_at"`
	ActorAt    span     `json:"actor_at"`
	Actor      string   `json:"actor"`
	ActorText  string   `json:"actor_text"`
	Stance     string   `json:"stance"`
	Cue        string   `json:"cue"`
	Negated    bool     `json:"negated,omitempty"`
	Modality   string   `json:"modality,omitempty"`
	Target     string   `json:"target,omitempty"`
	Toward     []string `json:"toward,omitempty"`
	Score      float64  `json:"score"`
}

// A Builder gathers documents and their evidence into the Data of a page.
// Documents are added in input order; the Data is the same whatever the
// order in which they were analysed.
type Builder struct {
	opts      Options
	stemmer   *stem.Stemmer
	data      Data
	docIndex  map[string]int
	ctxIndex  map[ctxKey]int
	actors    map[string]*actorAcc
	pairs     map[pair]map[string]int // counts per group of the stances from an actor toward another
	mentions  int
	first     string
	last      string
	bucketsOf map[string]bool // buckets holding mentions
}

type ctxKey struct {
	doc, start int
	text       string
}

type pair struct{ from, to string }

// An actorAcc counts one actor's mentions.
type actorAcc struct {
	id, name string
	count    int
	score    float64
	stances  map[string]*StanceCount
	buckets  map[string]*bucketAcc
}

type bucketAcc struct {
	count int
	score float64
}

// NewBuilder returns an empty Builder.
func NewBuilder(opts Options) (*Builder, error) {
	by, err := aggregate.ParseBy(opts.By)
	if err != nil {
		return nil, err
	}
	switch {
	case opts.Top < 1:
		return nil, fmt.Errorf("the number of actors shown must be at least 1, got %d", opts.Top)
	case opts.MaxEvidence < 0:
		return nil, fmt.Errorf("the number of mentions listed must not be negative, got %d", opts.MaxEvidence)
	}
	if opts.Title == "" {
		opts.Title = DefaultTitle
	}
	opts.By = by
	return &Builder{
		opts:      opts,
		stemmer:   stem.New(),
		docIndex:  make(map[string]int),
		ctxIndex:  make(map[ctxKey]int),
		actors:    make(map[string]*actorAcc),
		pairs:     make(map[pair]map[string]int),
		bucketsOf: make(map[string]bool),
	}, nil
}

// Add adds a document and the evidence of its mentions, in document order.
func (b *Builder) Add(doc Document, evs []Evidence) {
	if len(evs) == 0 {
		return
	}
	b.mentions += len(evs)
	if _, err := time.Parse(time.DateOnly, doc.Date); err == nil {
		if b.first == "" || doc.Date < b.first {
			b.first = doc.Date
		}
		if doc.Date > b.last {
			b.last = doc.Date
		}
	}
	bucket := ""
	if b.opts.By != "" {
		bucket = aggregate.BucketOf(b.opts.By, corpus.Document{Date: doc.Date, Source: doc.Source})
		b.bucketsOf[bucket] = true
	}
	for i := range evs {
		ev := &evs[i]
		b.count(&ev.Mention, bucket)
		if b.opts.MaxEvidence > 0 && len(b.data.Evidence) >= b.opts.MaxEvidence {
			continue
		}
		b.data.Evidence = append(b.data.Evidence, b.row(doc, ev))
	}
}

// count adds m, of a document in bucket, to the counts of its actor.
func (b *Builder) count(m *output.Mention, bucket string) {
	a := b.actors[m.Actor]
	if a == nil {
		// Clones: the strings may be slices of a whole document.
		a = &actorAcc{id: strings.Clone(m.Actor), name: strings.Clone(m.ActorName), stances: make(map[string]*StanceCount), buckets: make(map[string]*bucketAcc)}
		b.actors[a.id] = a
	}
	// A score off the Goldstein scale counts as its end, so that no sum
	// overflows into a value JSON cannot hold.
	score := min(10, max(-10, m.Score))
	a.count++
	a.score += score
	st := a.stances[m.Stance]
	if st == nil {
		st = &StanceCount{Stance: strings.Clone(m.Stance)}
		a.stances[st.Stance] = st
	}
	st.Count++
	if m.Negated {
		st.Negated++
	}
	if bucket != "" {
		bk := a.buckets[bucket]
		if bk == nil {
			bk = &bucketAcc{}
			a.buckets[bucket] = bk
		}
		bk.count++
		bk.score += score
	}
	for _, t := range m.Toward {
		p := pair{a.id, t}
		c := b.pairs[p]
		if c == nil {
			p.to = strings.Clone(t)
			c = make(map[string]int)
			b.pairs[p] = c
		}
		c[groupOf(m.Stance)]++
	}
}

// row makes the table row of ev, a mention of doc.
func (b *Builder) row(doc Document, ev *Evidence) Row {
	di, ok := b.docIndex[doc.ID]
	if !ok {
		di = len(b.data.Docs)
		b.docIndex[doc.ID] = di
		// Clones, here and below: a string may be a slice of the whole
		// document, which the page would then keep in memory.
		b.data.Docs = append(b.data.Docs, Document{
			ID: strings.Clone(doc.ID), Title: strings.Clone(doc.Title), URL: webURL(doc.URL),
			Date: strings.Clone(doc.Date), Source: strings.Clone(doc.Source),
		})
	}
	key := ctxKey{di, ev.ContextStart, ev.Context}
	ci, ok := b.ctxIndex[key]
	if !ok {
		ci = len(b.data.Contexts)
		key.text = strings.Clone(ev.Context)
		b.ctxIndex[key] = ci
		b.data.Contexts = append(b.data.Contexts, key.text)
	}
	h := locate(ev.Context, ev.ContextStart, ev.Mention, b.stemmer)
	utf16Spans(ev.Context, &h.evidence, &h.cue, &h.actor)
	m := &ev.Mention
	var toward []string
	for _, t := range m.Toward {
		toward = append(toward, strings.Clone(t))
	}
	return Row{
		Doc: di, Context: ci, EvidenceAt: h.evidence, CueAt: h.cue, ActorAt: h.actor,
		Actor: strings.Clone(m.Actor), ActorText: strings.Clone(m.ActorText), Stance: strings.Clone(m.Stance), Cue: strings.Clone(m.Cue),
		Negated: m.Negated, Modality: strings.Clone(m.Modality), Target: strings.Clone(m.Target), Toward: toward, Score: m.Score,
	}
}

// webURL returns u if it is an absolute http or https address, else "":
// the page links to it, and a javascript: or data: address would run.
func webURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	return p.String()
}

// Data returns the page's data. The Builder is not to be used after.
func (b *Builder) Data(t Totals) *Data {
	d := &b.data
	d.Format = Format
	d.Title = b.opts.Title
	d.By = b.opts.By
	d.Corpus = CorpusInfo{
		Documents: t.Documents, Failed: t.Failed, Mentions: b.mentions, Actors: len(b.actors),
		Listed: len(d.Evidence), First: b.first, Last: b.last,
	}
	seen := make(map[string]bool)
	actors := make([]*actorAcc, 0, len(b.actors))
	for _, a := range b.actors {
		actors = append(actors, a)
		for st := range a.stances {
			seen[st] = true
		}
	}
	slices.SortFunc(actors, func(x, y *actorAcc) int { return cmp.Or(y.count-x.count, strings.Compare(x.id, y.id)) })
	d.Stances = stanceInfos(seen)
	d.Groups = groupInfos(d.Stances)
	d.Buckets = b.buckets()
	order := make(map[string]int, len(d.Stances))
	for i, st := range d.Stances {
		order[st.Stance] = i
	}
	d.Actors = []ActorInfo{}
	for _, a := range actors[:min(b.opts.Top, len(actors))] {
		ai := ActorInfo{ID: a.id, Name: a.name, Mentions: a.count, Score: mean(a.score, a.count), Stances: []StanceCount{}, Series: []Point{}}
		for _, st := range a.stances {
			ai.Stances = append(ai.Stances, *st)
		}
		slices.SortFunc(ai.Stances, func(x, y StanceCount) int { return order[x.Stance] - order[y.Stance] })
		for k, bk := range a.buckets {
			ai.Series = append(ai.Series, Point{Bucket: k, Mentions: bk.count, Score: mean(bk.score, bk.count)})
		}
		slices.SortFunc(ai.Series, func(x, y Point) int { return aggregate.CompareBuckets(x.Bucket, y.Bucket) })
		d.Actors = append(d.Actors, ai)
	}
	d.Matrix = b.matrix(d.Groups)
	d.Names = b.namesOf()
	if d.Docs == nil {
		d.Docs = []Document{}
		d.Contexts = []string{}
		d.Evidence = []Row{}
	}
	return d
}

// mean returns sum/n to three decimals, so that sums in different orders
// print alike (as in analyze's summary).
func mean(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return math.Round(sum/float64(n)*1000) / 1000
}

// buckets returns the buckets of the time charts: for dates, every bucket
// from the first date to the last, so that a gap in time shows as one.
func (b *Builder) buckets() []string {
	out := []string{}
	switch b.opts.By {
	case "":
		return out
	case aggregate.BySource:
		for k := range b.bucketsOf {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	if b.first != "" {
		first, _ := time.Parse(time.DateOnly, b.first)
		last, _ := time.Parse(time.DateOnly, b.last)
		for d := first; !d.After(last) && len(out) <= maxBuckets; d = d.AddDate(0, 0, 1) {
			k := aggregate.BucketOf(b.opts.By, corpus.Document{Date: d.Format(time.DateOnly)})
			if len(out) == 0 || out[len(out)-1] != k {
				out = append(out, k)
			}
		}
		if len(out) > maxBuckets {
			out = out[:0]
			for k := range b.bucketsOf {
				if k != aggregate.Undated {
					out = append(out, k)
				}
			}
			slices.Sort(out)
		}
	}
	if b.bucketsOf[aggregate.Undated] {
		out = append(out, aggregate.Undated)
	}
	return out
}

// matrix counts, per group, the stances each actor takes toward each
// other actor, and keeps the top actors on each side: rows by the stances
// they aim at others, columns by those aimed at them.
func (b *Builder) matrix(gs []Group) Matrix {
	out, in := make(map[string]int), make(map[string]int)
	for p, c := range b.pairs {
		for _, n := range c {
			out[p.from] += n
			in[p.to] += n
		}
	}
	m := Matrix{Rows: topKeys(out, b.opts.Top), Cols: topKeys(in, b.opts.Top), Cells: []Cell{}}
	for r, from := range m.Rows {
		for c, to := range m.Cols {
			counts := b.pairs[pair{from, to}]
			if counts == nil {
				continue
			}
			cell := Cell{Row: r, Col: c, Counts: make([]int, len(gs))}
			for g, n := range counts {
				cell.Counts[groupIndex(gs, g)] += n
			}
			m.Cells = append(m.Cells, cell)
		}
	}
	return m
}

// topKeys returns the n keys of the largest counts, ties by key.
func topKeys(counts map[string]int, n int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int { return cmp.Or(counts[y]-counts[x], strings.Compare(x, y)) })
	return keys[:min(n, len(keys))]
}

// namesOf returns the names of the actors the page shows, by id.
func (b *Builder) namesOf() []Name {
	ids := make(map[string]bool)
	for _, r := range b.data.Evidence {
		ids[r.Actor] = true
		for _, t := range r.Toward {
			ids[t] = true
		}
	}
	for _, id := range slices.Concat(b.data.Matrix.Rows, b.data.Matrix.Cols) {
		ids[id] = true
	}
	out := make([]Name, 0, len(ids))
	for id := range ids {
		n := Name{ID: id}
		if a := b.actors[id]; a != nil {
			n.Name = a.name
		}
		out = append(out, n)
	}
	slices.SortFunc(out, func(x, y Name) int { return strings.Compare(x.ID, y.ID) })
	return out
}
