// Package aggregate sums stance mentions into per-actor summaries: counts
// per stance and how many were negated, the targets and the actors each
// stance was aimed at, the mean cooperation score, and evidence examples.
//
// An Aggregator holds the exact, mergeable state a summary is made from.
// Adding the same documents in any order, or adding them to several
// Aggregators and merging those in any grouping and order, gives the same
// state, and so the same Summary: a corpus can be split into shards
// analysed apart (or on many machines) and the results merged.
package aggregate

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/standpoint/standpoint/corpus"
)

// Limits that keep a summary readable. The state behind it keeps every
// count; only the summary is cut to these.
const (
	TopTargets  = 5  // targets listed per actor and stance
	TopAliases  = 10 // aliases listed per actor
	MaxExamples = 3  // evidence examples per actor and stance
)

// A Summary is the result of a run: corpus totals and one entry per actor.
type Summary struct {
	By     string  `json:"by,omitempty"` // how documents were bucketed, if at all
	Corpus Totals  `json:"corpus"`
	Actors []Actor `json:"actors"`
}

// Totals counts the corpus.
type Totals struct {
	Documents int   `json:"documents"`
	Failed    int   `json:"failed"`
	Bytes     int64 `json:"bytes"`
	Sentences int   `json:"sentences"`
	Tokens    int   `json:"tokens"`
	Mentions  int   `json:"mentions"` // stance mentions
	Actors    int   `json:"actors"`   // actors with at least one stance

	Buckets []BucketTotal `json:"buckets,omitempty"`
}

// A BucketTotal counts the documents and mentions of one bucket.
type BucketTotal struct {
	Bucket    string `json:"bucket"`
	Documents int    `json:"documents"`
	Mentions  int    `json:"mentions"`
}

// An Actor is the summary of one actor's stances.
type Actor struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Type       string   `json:"type"`
	Mentions   int      `json:"mentions"`   // stance mentions
	References int      `json:"references"` // times the actor is named at all
	Aliases    []Count  `json:"aliases"`    // how the actor was written, most frequent first
	Score      float64  `json:"score"`      // mean cooperation score of its stances
	Stances    []Stance `json:"stances"`
	Buckets    []Bucket `json:"buckets,omitempty"`
}

// A Bucket is one actor's stances in one period or source.
type Bucket struct {
	Bucket   string        `json:"bucket"`
	Mentions int           `json:"mentions"`
	Score    float64       `json:"score"` // mean cooperation score
	Stances  []BucketCount `json:"stances"`
}

// A BucketCount counts one stance in a bucket.
type BucketCount struct {
	Stance  string  `json:"stance"`
	Count   int     `json:"count"`
	Negated int     `json:"negated"`
	Score   float64 `json:"score"` // mean cooperation score
}

// A Stance is one actor's record for one stance category.
type Stance struct {
	Stance   string    `json:"stance"`
	Cameo    string    `json:"cameo"`
	Count    int       `json:"count"`
	Negated  int       `json:"negated"`
	Score    float64   `json:"score"` // mean cooperation score
	Targets  []Count   `json:"targets"`
	Toward   []Count   `json:"toward"`
	Examples []Example `json:"examples"`
}

// A Count is a value and how often it was seen.
type Count struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// An Example is a piece of evidence. The examples of a stance are the
// first by date (undated last), then document id and offsets, so that they
// do not depend on the order in which documents were read.
type Example struct {
	Doc   string `json:"doc"`
	Date  string `json:"date,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// An Aggregator accumulates documents into the state a Summary is made
// from. The state is exact: counts, sums of scores in thousandths, every
// distinct target and alias with its count, and the first MaxExamples
// examples in the order of compareExamples. So the documents may be added
// in any order, and Aggregators merged in any grouping and order, with the
// same result. Memory grows with the number of actors and of distinct
// targets and aliases, not with the number of documents.
type Aggregator struct {
	by      string
	totals  Totals // Actors and Buckets are filled by Summary
	buckets map[string]*BucketTotal
	actors  map[string]*actorAcc
}

type actorAcc struct {
	id, name, typ string
	refs          int
	aliases       counter
	stances       map[string]*stanceAcc
	buckets       map[string]*bucketAcc
}

type stanceAcc struct {
	cameo    string
	count    int
	negated  int
	score    int64 // sum of scores, in thousandths
	targets  counter
	toward   counter
	examples []Example // sorted by compareExamples, at most MaxExamples
}

type bucketAcc struct {
	count   int
	score   int64 // thousandths
	stances map[string]*bucketStanceAcc
}

type bucketStanceAcc struct {
	count   int
	negated int
	score   int64 // thousandths
}

// New returns an empty Aggregator that buckets documents by by (see
// ParseBy; "" for no buckets).
func New(by string) *Aggregator {
	return &Aggregator{by: by, actors: make(map[string]*actorAcc), buckets: make(map[string]*BucketTotal)}
}

// By returns how the Aggregator buckets documents.
func (g *Aggregator) By() string { return g.by }

// Add counts one document.
func (g *Aggregator) Add(doc *corpus.Annotated) {
	g.totals.Documents++
	g.totals.Bytes += int64(len(doc.Text))
	g.totals.Sentences += len(doc.Sentences)
	g.totals.Tokens += len(doc.Tokens)
	g.totals.Mentions += len(doc.Stances)
	var bucket string
	if g.by != "" {
		bucket = BucketOf(g.by, doc.Document)
		bt := g.bucket(bucket)
		bt.Documents++
		bt.Mentions += len(doc.Stances)
	}
	for _, a := range doc.Actors {
		if a.Location {
			continue
		}
		acc := g.actor(a.ID, a.Name, a.Type)
		acc.refs++
		acc.aliases.add(a.Text, 1)
	}
	for _, st := range doc.Stances {
		acc := g.actor(st.Actor, st.ActorName, "")
		sa := acc.stance(st.Stance, st.Cameo)
		score := milli(st.Score)
		sa.count++
		if st.Negated {
			sa.negated++
		}
		sa.score += score
		if st.Target != "" {
			sa.targets.add(st.Target, 1)
		}
		for _, t := range st.Toward {
			sa.toward.add(t, 1)
		}
		sa.addExample(Example{Doc: doc.ID, Date: doc.Date, Start: st.Start, End: st.End, Text: doc.Text[st.Start:st.End]})
		if g.by == "" {
			continue
		}
		b := acc.bucket(bucket)
		b.count++
		b.score += score
		c := b.stance(st.Stance)
		c.count++
		c.score += score
		if st.Negated {
			c.negated++
		}
	}
}

// Failed counts a document that could not be processed.
func (g *Aggregator) Failed() { g.totals.Failed++ }

func (g *Aggregator) bucket(name string) *BucketTotal {
	bt := g.buckets[name]
	if bt == nil {
		bt = &BucketTotal{Bucket: strings.Clone(name)}
		g.buckets[bt.Bucket] = bt
	}
	return bt
}

// actor returns the record of actor id, creating it if needed. Its name
// and type are the first, in byte order, of those it is given: any rule
// that does not depend on the order of documents would do, and an actor
// rarely has two.
func (g *Aggregator) actor(id, name, typ string) *actorAcc {
	acc := g.actors[id]
	if acc == nil {
		acc = &actorAcc{id: strings.Clone(id), stances: make(map[string]*stanceAcc)}
		g.actors[acc.id] = acc
	}
	acc.name = firstOf(acc.name, name)
	acc.typ = firstOf(acc.typ, typ)
	return acc
}

func (acc *actorAcc) stance(name, cameo string) *stanceAcc {
	sa := acc.stances[name]
	if sa == nil {
		sa = &stanceAcc{}
		acc.stances[strings.Clone(name)] = sa
	}
	sa.cameo = firstOf(sa.cameo, cameo)
	return sa
}

func (acc *actorAcc) bucket(name string) *bucketAcc {
	if acc.buckets == nil {
		acc.buckets = make(map[string]*bucketAcc)
	}
	b := acc.buckets[name]
	if b == nil {
		b = &bucketAcc{stances: make(map[string]*bucketStanceAcc)}
		acc.buckets[strings.Clone(name)] = b
	}
	return b
}

func (b *bucketAcc) stance(name string) *bucketStanceAcc {
	c := b.stances[name]
	if c == nil {
		c = &bucketStanceAcc{}
		b.stances[strings.Clone(name)] = c
	}
	return c
}

// firstOf returns the first of a and b in byte order, ignoring an empty one.
func firstOf(a, b string) string {
	if a == "" || (b != "" && b < a) {
		// A copy: a slice of a document would keep all of it in memory.
		return strings.Clone(b)
	}
	return a
}

// addExample keeps e if it is among the first MaxExamples.
func (sa *stanceAcc) addExample(e Example) {
	n := len(sa.examples)
	if n == MaxExamples && compareExamples(e, sa.examples[n-1]) >= 0 {
		return
	}
	i, _ := slices.BinarySearchFunc(sa.examples, e, compareExamples)
	e.Doc, e.Date, e.Text = strings.Clone(e.Doc), strings.Clone(e.Date), strings.Clone(e.Text)
	sa.examples = slices.Insert(sa.examples, i, e)
	if len(sa.examples) > MaxExamples {
		sa.examples = sa.examples[:MaxExamples]
	}
}

// compareExamples orders examples by date, undated last, then by document
// id, offsets and text: the earliest evidence comes first.
func compareExamples(a, b Example) int {
	if (a.Date == "") != (b.Date == "") {
		if a.Date == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(
		strings.Compare(a.Date, b.Date),
		strings.Compare(a.Doc, b.Doc),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.End, b.End),
		strings.Compare(a.Text, b.Text),
	)
}

// Merge adds what o counted to g, as if g had been given o's documents
// too. Merging is associative and commutative. o, which must not be g,
// is not changed, and g shares none of its memory afterwards.
func (g *Aggregator) Merge(o *Aggregator) error {
	if g.by != o.by {
		return fmt.Errorf("cannot merge a summary %s with one %s", describeBy(g.by), describeBy(o.by))
	}
	g.totals.Documents += o.totals.Documents
	g.totals.Failed += o.totals.Failed
	g.totals.Bytes += o.totals.Bytes
	g.totals.Sentences += o.totals.Sentences
	g.totals.Tokens += o.totals.Tokens
	g.totals.Mentions += o.totals.Mentions
	for name, ob := range o.buckets {
		bt := g.bucket(name)
		bt.Documents += ob.Documents
		bt.Mentions += ob.Mentions
	}
	for id, oa := range o.actors {
		acc := g.actor(id, oa.name, oa.typ)
		acc.refs += oa.refs
		acc.aliases.merge(&oa.aliases)
		for name, ost := range oa.stances {
			sa := acc.stance(name, ost.cameo)
			sa.count += ost.count
			sa.negated += ost.negated
			sa.score += ost.score
			sa.targets.merge(&ost.targets)
			sa.toward.merge(&ost.toward)
			for _, e := range ost.examples {
				sa.addExample(e)
			}
		}
		for name, ob := range oa.buckets {
			b := acc.bucket(name)
			b.count += ob.count
			b.score += ob.score
			for st, oc := range ob.stances {
				c := b.stance(st)
				c.count += oc.count
				c.negated += oc.negated
				c.score += oc.score
			}
		}
	}
	return nil
}

func describeBy(by string) string {
	if by == "" {
		return "without buckets"
	}
	return "by " + by
}

// Parts splits the state into parts that merge back into it: the corpus
// totals under the key "", then each actor under its id, so that a
// distributed run can merge the actors apart. The parts share memory
// with g.
func (g *Aggregator) Parts() iter.Seq2[string, *Aggregator] {
	return func(yield func(string, *Aggregator) bool) {
		totals := &Aggregator{by: g.by, totals: g.totals, buckets: g.buckets, actors: map[string]*actorAcc{}}
		if !yield("", totals) {
			return
		}
		for id, acc := range g.actors {
			part := &Aggregator{by: g.by, buckets: map[string]*BucketTotal{}, actors: map[string]*actorAcc{id: acc}}
			if !yield(id, part) {
				return
			}
		}
	}
}

// Summary returns the summary of what was added: actors with at least one
// stance, most mentions first, ties by id.
func (g *Aggregator) Summary() Summary {
	s := Summary{By: g.by, Corpus: g.totals, Actors: []Actor{}}
	for _, acc := range g.actors {
		if len(acc.stances) == 0 {
			continue
		}
		a := Actor{ID: acc.id, Name: acc.name, Type: acc.typ, References: acc.refs, Aliases: acc.aliases.top(TopAliases)}
		var score int64
		for name, sa := range acc.stances {
			a.Mentions += sa.count
			score += sa.score
			a.Stances = append(a.Stances, Stance{
				Stance:   name,
				Cameo:    sa.cameo,
				Count:    sa.count,
				Negated:  sa.negated,
				Score:    mean(sa.score, sa.count),
				Targets:  sa.targets.top(TopTargets),
				Toward:   sa.toward.top(0),
				Examples: append([]Example{}, sa.examples...),
			})
		}
		a.Score = mean(score, a.Mentions)
		for name, b := range acc.buckets {
			bk := Bucket{Bucket: name, Mentions: b.count, Score: mean(b.score, b.count)}
			for st, c := range b.stances {
				bk.Stances = append(bk.Stances, BucketCount{Stance: st, Count: c.count, Negated: c.negated, Score: mean(c.score, c.count)})
			}
			slices.SortFunc(bk.Stances, func(x, y BucketCount) int { return strings.Compare(x.Stance, y.Stance) })
			a.Buckets = append(a.Buckets, bk)
		}
		slices.SortFunc(a.Buckets, func(x, y Bucket) int { return CompareBuckets(x.Bucket, y.Bucket) })
		slices.SortFunc(a.Stances, func(x, y Stance) int {
			return cmp.Or(y.Count-x.Count, strings.Compare(x.Stance, y.Stance))
		})
		s.Actors = append(s.Actors, a)
	}
	slices.SortFunc(s.Actors, func(x, y Actor) int {
		return cmp.Or(y.Mentions-x.Mentions, strings.Compare(x.ID, y.ID))
	})
	s.Corpus.Actors = len(s.Actors)
	for _, bt := range g.buckets {
		s.Corpus.Buckets = append(s.Corpus.Buckets, *bt)
	}
	slices.SortFunc(s.Corpus.Buckets, func(x, y BucketTotal) int { return CompareBuckets(x.Bucket, y.Bucket) })
	return s
}

// CompareBuckets orders buckets by name, the undated one last: the order
// of every list of buckets, here and in the packages that read summaries.
func CompareBuckets(a, b string) int {
	if (a == Undated) != (b == Undated) {
		if a == Undated {
			return 1
		}
		return -1
	}
	return strings.Compare(a, b)
}

// milli converts a cooperation score to thousandths. Scores are summed as
// integers, which, unlike floating-point sums, do not depend on the order
// of the terms; the Goldstein scores have one decimal.
func milli(score float64) int64 { return int64(math.Round(score * 1000)) }

// mean returns sum/n, sum in thousandths, rounded to three decimals, half
// away from zero; 0 when n is 0.
func mean(sum int64, n int) float64 {
	if n == 0 {
		return 0
	}
	d := int64(n)
	var q int64
	if sum >= 0 {
		q = (2*sum + d) / (2 * d)
	} else {
		q = -((-2*sum + d) / (2 * d))
	}
	return float64(q) / 1000
}

// A counter counts strings, folding case and space so that "an
// unconditional ceasefire" and "An  unconditional ceasefire" count
// together. It keeps the count of each spelling, so that the value shown
// is the one most often written.
type counter struct {
	m map[string]*counted // by folded form
}

type counted struct {
	n     int         // all spellings
	forms []formCount // usually one or two
}

type formCount struct {
	form string
	n    int
}

// fold returns s in lower case with its white space collapsed to single
// spaces.
func fold(s string) string { return string(appendFold(nil, s)) }

// appendFold appends fold(s) to b.
func appendFold(b []byte, s string) []byte {
	if !plain(s) {
		return append(b, strings.ToLower(strings.Join(strings.Fields(s), " "))...)
	}
	for i := 0; i < len(s); i++ { // plain: ASCII
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// plain reports whether splitting s into fields and joining them again
// gives s: it is ASCII, its only white space is single spaces between
// words. Nearly every name and target is; fold then skips the copies.
func plain(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// add counts s n times.
func (c *counter) add(s string, n int) {
	if c.m == nil {
		c.m = make(map[string]*counted)
	}
	// The key is folded into memory of this call's own: a lookup by it
	// makes no string, and only a key new to the counter is copied.
	var buf [64]byte
	k := appendFold(buf[:0], s)
	e := c.m[string(k)]
	if e == nil {
		e = &counted{}
		c.m[string(k)] = e
	}
	e.n += n
	for i := range e.forms {
		if e.forms[i].form == s {
			e.forms[i].n += n
			return
		}
	}
	// A copy: a slice of a document would keep all of it in memory.
	e.forms = append(e.forms, formCount{form: strings.Clone(s), n: n})
}

func (c *counter) merge(o *counter) {
	for _, e := range o.m {
		for _, f := range e.forms {
			c.add(f.form, f.n)
		}
	}
}

// shown returns the spelling shown for e: the most frequent, ties going to
// the last in byte order, which prefers lower case ("a ceasefire" to "A
// ceasefire" at the start of a sentence).
func (e *counted) shown() string {
	best := e.forms[0]
	for _, f := range e.forms[1:] {
		if f.n > best.n || f.n == best.n && f.form > best.form {
			best = f
		}
	}
	return best.form
}

// all returns every value, as shown, and its count, most frequent first,
// ties in byte order.
func (c *counter) all() []Count {
	out := make([]Count, 0, len(c.m))
	for _, e := range c.m {
		out = append(out, Count{Value: e.shown(), Count: e.n})
	}
	sortCounts(out)
	return out
}

// spellings returns every spelling and its count, for the state.
func (c *counter) spellings() []Count {
	out := make([]Count, 0, len(c.m))
	for _, e := range c.m {
		for _, f := range e.forms {
			out = append(out, Count{Value: f.form, Count: f.n})
		}
	}
	sortCounts(out)
	return out
}

func sortCounts(cs []Count) {
	slices.SortFunc(cs, func(x, y Count) int {
		return cmp.Or(y.Count-x.Count, strings.Compare(x.Value, y.Value))
	})
}

// top returns the n most frequent values (all when n is 0).
func (c *counter) top(n int) []Count {
	out := c.all()
	if n > 0 && len(out) > n {
		out = out[:n:n]
	}
	return out
}
