// Package aggregate sums stance mentions into per-actor summaries: counts
// per stance and how many were negated, the targets and the actors each
// stance was aimed at, the mean cooperation score, and evidence examples.
// Summaries are sorted by a total key, so the same input always gives the
// same summary, whatever the order in which workers finished.
package aggregate

import (
	"cmp"
	"slices"
	"strings"

	"github.com/standpoint/standpoint/corpus"
)

// Limits that keep a summary readable and its memory flat on any corpus.
const (
	TopTargets  = 5  // targets listed per actor and stance
	TopAliases  = 10 // aliases listed per actor
	MaxExamples = 3  // evidence examples per actor and stance
	// maxDistinct bounds the distinct targets or aliases counted per
	// actor; past it, those seen once are dropped.
	maxDistinct = 2000
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

// An Example is a piece of evidence.
type Example struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// An Aggregator accumulates documents into a Summary. Documents must be
// added in a fixed order (input order) for the examples to be the same on
// every run; everything else is order-independent.
type Aggregator struct {
	by      string
	totals  Totals
	actors  map[string]*actorAcc
	buckets map[string]*BucketTotal
}

type actorAcc struct {
	id, name, typ string
	refs          int
	aliases       counter
	stances       map[string]*stanceAcc
	buckets       map[string]*bucketAcc
}

type bucketAcc struct {
	score   float64
	count   int
	stances map[string]*BucketCount
}

type stanceAcc struct {
	cameo    string
	count    int
	negated  int
	score    float64
	targets  counter
	toward   counter
	examples []Example
}

// New returns an empty Aggregator that buckets documents by by (see
// ParseBy; "" for no buckets).
func New(by string) *Aggregator {
	return &Aggregator{by: by, actors: make(map[string]*actorAcc), buckets: make(map[string]*BucketTotal)}
}

// Add counts one document.
func (g *Aggregator) Add(doc *corpus.Annotated) {
	g.totals.Documents++
	g.totals.Bytes += int64(len(doc.Text))
	g.totals.Sentences += len(doc.Sentences)
	g.totals.Tokens += len(doc.Tokens)
	var bucket string
	if g.by != "" {
		bucket = BucketOf(g.by, doc.Document)
		bt := g.buckets[bucket]
		if bt == nil {
			bt = &BucketTotal{Bucket: bucket}
			g.buckets[bucket] = bt
		}
		bt.Documents++
		bt.Mentions += len(doc.Stances)
	}
	for _, a := range doc.Actors {
		if a.Location {
			continue
		}
		acc := g.actor(a.ID, a.Name, a.Type)
		acc.refs++
		acc.aliases.add(a.Text)
	}
	for _, st := range doc.Stances {
		g.totals.Mentions++
		acc := g.actor(st.Actor, st.ActorName, "")
		sa := acc.stances[st.Stance]
		if sa == nil {
			sa = &stanceAcc{cameo: st.Cameo}
			acc.stances[st.Stance] = sa
		}
		sa.count++
		if st.Negated {
			sa.negated++
		}
		sa.score += st.Score
		if st.Target != "" {
			sa.targets.add(st.Target)
		}
		for _, t := range st.Toward {
			sa.toward.add(t)
		}
		if len(sa.examples) < MaxExamples {
			// Copies, here and in every counter: a slice of the text would
			// keep the whole document in memory for the rest of the run.
			sa.examples = append(sa.examples, Example{Doc: strings.Clone(doc.ID), Start: st.Start, End: st.End, Text: strings.Clone(doc.Text[st.Start:st.End])})
		}
		if g.by != "" {
			acc.addBucket(bucket, st)
		}
	}
}

func (acc *actorAcc) addBucket(bucket string, st corpus.Stance) {
	if acc.buckets == nil {
		acc.buckets = make(map[string]*bucketAcc)
	}
	b := acc.buckets[bucket]
	if b == nil {
		b = &bucketAcc{stances: make(map[string]*BucketCount)}
		acc.buckets[bucket] = b
	}
	b.count++
	b.score += st.Score
	c := b.stances[st.Stance]
	if c == nil {
		c = &BucketCount{Stance: st.Stance}
		b.stances[st.Stance] = c
	}
	c.Count++
	c.Score += st.Score
	if st.Negated {
		c.Negated++
	}
}

// Failed counts a document that could not be processed.
func (g *Aggregator) Failed() { g.totals.Failed++ }

func (g *Aggregator) actor(id, name, typ string) *actorAcc {
	acc := g.actors[id]
	if acc == nil {
		acc = &actorAcc{id: strings.Clone(id), name: strings.Clone(name), typ: typ, stances: make(map[string]*stanceAcc)}
		g.actors[id] = acc
	}
	if acc.typ == "" {
		acc.typ = typ
	}
	return acc
}

// Summary returns the summary of what was added: actors with at least one
// stance, most mentions first, ties by id.
func (g *Aggregator) Summary() Summary {
	s := Summary{Corpus: g.totals, Actors: []Actor{}}
	for _, acc := range g.actors {
		if len(acc.stances) == 0 {
			continue
		}
		a := Actor{ID: acc.id, Name: acc.name, Type: acc.typ, References: acc.refs, Aliases: acc.aliases.top(TopAliases)}
		var score float64
		for name, sa := range acc.stances {
			a.Mentions += sa.count
			score += sa.score
			a.Stances = append(a.Stances, Stance{
				Stance:   name,
				Cameo:    sa.cameo,
				Count:    sa.count,
				Negated:  sa.negated,
				Score:    round(sa.score / float64(sa.count)),
				Targets:  sa.targets.top(TopTargets),
				Toward:   sa.toward.top(0),
				Examples: sa.examples,
			})
		}
		a.Score = round(score / float64(a.Mentions))
		for name, b := range acc.buckets {
			bk := Bucket{Bucket: name, Mentions: b.count, Score: round(b.score / float64(b.count))}
			for _, c := range b.stances {
				bc := *c
				bc.Score = round(bc.Score / float64(bc.Count))
				bk.Stances = append(bk.Stances, bc)
			}
			slices.SortFunc(bk.Stances, func(x, y BucketCount) int { return strings.Compare(x.Stance, y.Stance) })
			a.Buckets = append(a.Buckets, bk)
		}
		slices.SortFunc(a.Buckets, func(x, y Bucket) int { return compareBuckets(x.Bucket, y.Bucket) })
		slices.SortFunc(a.Stances, func(x, y Stance) int {
			return cmp.Or(y.Count-x.Count, strings.Compare(x.Stance, y.Stance))
		})
		s.Actors = append(s.Actors, a)
	}
	slices.SortFunc(s.Actors, func(x, y Actor) int {
		return cmp.Or(y.Mentions-x.Mentions, strings.Compare(x.ID, y.ID))
	})
	s.Corpus.Actors = len(s.Actors)
	s.By = g.by
	for _, bt := range g.buckets {
		s.Corpus.Buckets = append(s.Corpus.Buckets, *bt)
	}
	slices.SortFunc(s.Corpus.Buckets, func(x, y BucketTotal) int { return compareBuckets(x.Bucket, y.Bucket) })
	return s
}

// compareBuckets orders buckets by name, the undated one last.
func compareBuckets(a, b string) int {
	if (a == Undated) != (b == Undated) {
		if a == Undated {
			return 1
		}
		return -1
	}
	return strings.Compare(a, b)
}

// round keeps three decimals, so that sums in different orders print alike.
func round(x float64) float64 {
	if x < 0 {
		return -round(-x)
	}
	return float64(int64(x*1000+0.5)) / 1000
}

// A counter counts strings, bounded in size.
type counter struct {
	m     map[string]int
	first map[string]string // the first form seen of each key
}

// add counts s, folding case and space so that "an unconditional
// ceasefire" and "An unconditional ceasefire" count together.
func (c *counter) add(s string) {
	if c.m == nil {
		c.m, c.first = make(map[string]int), make(map[string]string)
	}
	k := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if _, ok := c.m[k]; !ok {
		if len(c.m) >= maxDistinct {
			c.prune()
		}
		k = strings.Clone(k)
		c.first[k] = strings.Clone(s)
	}
	c.m[k]++
}

// prune drops the values seen once.
func (c *counter) prune() {
	for k, n := range c.m {
		if n == 1 {
			delete(c.m, k)
			delete(c.first, k)
		}
	}
}

// top returns the n most frequent values (all when n is 0), ties in
// alphabetical order.
func (c *counter) top(n int) []Count {
	out := make([]Count, 0, len(c.m))
	for k, v := range c.m {
		out = append(out, Count{Value: c.first[k], Count: v})
	}
	slices.SortFunc(out, func(x, y Count) int {
		return cmp.Or(y.Count-x.Count, strings.Compare(x.Value, y.Value))
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
