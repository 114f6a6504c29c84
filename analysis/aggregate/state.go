package aggregate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// StateFormat identifies the encoding of an Aggregator's state, which
// `analyze -o DIR` writes to DIR/partial.json so that runs over parts of a
// corpus can be merged later.
const StateFormat = "standpoint-partial/1"

// maxCount bounds every count and score sum of a decoded state, far above
// any corpus, so that sums of merged states cannot overflow.
const maxCount = 1 << 50

// The encoded state: lists in a fixed order rather than maps, so that the
// same state always encodes to the same bytes.
type stateFile struct {
	Format string       `json:"format"`
	By     string       `json:"by,omitempty"`
	Corpus stateTotals  `json:"corpus"`
	Actors []stateActor `json:"actors"`
}

type stateTotals struct {
	Documents int           `json:"documents"`
	Failed    int           `json:"failed"`
	Bytes     int64         `json:"bytes"`
	Sentences int           `json:"sentences"`
	Tokens    int           `json:"tokens"`
	Mentions  int           `json:"mentions"`
	Buckets   []BucketTotal `json:"buckets,omitempty"`
}

type stateActor struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	Type       string        `json:"type,omitempty"`
	References int           `json:"references"`
	Aliases    []Count       `json:"aliases"` // every spelling of every alias, not only the top ones
	Stances    []stateStance `json:"stances"`
	Buckets    []stateBucket `json:"buckets,omitempty"`
}

type stateStance struct {
	Stance   string    `json:"stance"`
	Cameo    string    `json:"cameo"`
	Count    int       `json:"count"`
	Negated  int       `json:"negated"`
	ScoreSum int64     `json:"score_sum"` // sum of the scores, in thousandths
	Targets  []Count   `json:"targets"`   // every spelling of every target
	Toward   []Count   `json:"toward"`
	Examples []Example `json:"examples"`
}

type stateBucket struct {
	Bucket   string             `json:"bucket"`
	Mentions int                `json:"mentions"`
	ScoreSum int64              `json:"score_sum"`
	Stances  []stateBucketCount `json:"stances"`
}

type stateBucketCount struct {
	Stance   string `json:"stance"`
	Count    int    `json:"count"`
	Negated  int    `json:"negated"`
	ScoreSum int64  `json:"score_sum"`
}

// MarshalJSON encodes the whole state, in a fixed order.
func (g *Aggregator) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	if err := g.encodeState(&buf); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// encodeState writes the state to w as MarshalJSON encodes it, and a
// newline.
func (g *Aggregator) encodeState(w io.Writer) error {
	f := stateFile{Format: StateFormat, By: g.by}
	t := g.totals
	f.Corpus = stateTotals{Documents: t.Documents, Failed: t.Failed, Bytes: t.Bytes, Sentences: t.Sentences, Tokens: t.Tokens, Mentions: t.Mentions}
	for _, bt := range g.buckets {
		f.Corpus.Buckets = append(f.Corpus.Buckets, *bt)
	}
	slices.SortFunc(f.Corpus.Buckets, func(x, y BucketTotal) int { return CompareBuckets(x.Bucket, y.Bucket) })
	// The actors are taken in the order of their ids, rather than their
	// states sorted: a state is some two hundred bytes to move at every
	// swap, an id sixteen.
	f.Actors = make([]stateActor, 0, len(g.actors))
	for _, id := range slices.Sorted(maps.Keys(g.actors)) {
		acc := g.actors[id]
		a := stateActor{ID: acc.id, Name: acc.name, Type: acc.typ, References: acc.refs, Aliases: acc.aliases.spellings(), Stances: []stateStance{}}
		for name, sa := range acc.stances {
			examples := sa.examples
			if examples == nil {
				examples = []Example{}
			}
			a.Stances = append(a.Stances, stateStance{
				Stance: name, Cameo: sa.cameo, Count: sa.count, Negated: sa.negated, ScoreSum: sa.score,
				Targets: sa.targets.spellings(), Toward: sa.toward.spellings(), Examples: examples,
			})
		}
		slices.SortFunc(a.Stances, func(x, y stateStance) int { return strings.Compare(x.Stance, y.Stance) })
		for name, b := range acc.buckets {
			sb := stateBucket{Bucket: name, Mentions: b.count, ScoreSum: b.score, Stances: []stateBucketCount{}}
			for st, c := range b.stances {
				sb.Stances = append(sb.Stances, stateBucketCount{Stance: st, Count: c.count, Negated: c.negated, ScoreSum: c.score})
			}
			slices.SortFunc(sb.Stances, func(x, y stateBucketCount) int { return strings.Compare(x.Stance, y.Stance) })
			a.Buckets = append(a.Buckets, sb)
		}
		slices.SortFunc(a.Buckets, func(x, y stateBucket) int { return CompareBuckets(x.Bucket, y.Bucket) })
		f.Actors = append(f.Actors, a)
	}
	return writeState(w, &f)
}

// UnmarshalJSON decodes a state written by MarshalJSON, checking that it
// is one: the format, the bucketing and that every count makes sense.
func (g *Aggregator) UnmarshalJSON(data []byte) error {
	var f stateFile
	// Unmarshal reports syntax and type errors with their offset; the
	// decoder then refuses unknown fields.
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&stateFile{}); err != nil {
		return err
	}
	if f.Format != StateFormat {
		return fmt.Errorf("format %q, want %q", f.Format, StateFormat)
	}
	by, err := ParseBy(f.By)
	if err != nil {
		return err
	}
	*g = *New(by)
	return g.load(&f)
}

// load fills an empty Aggregator from f, checking every value.
func (g *Aggregator) load(f *stateFile) error {
	t := f.Corpus
	if !counts(t.Documents, t.Failed, t.Sentences, t.Tokens, t.Mentions) || !counts64(t.Bytes) {
		return errors.New("corpus: negative or too large count")
	}
	g.totals = Totals{Documents: t.Documents, Failed: t.Failed, Bytes: t.Bytes, Sentences: t.Sentences, Tokens: t.Tokens, Mentions: t.Mentions}
	if g.by == "" && len(t.Buckets) > 0 {
		return errors.New("corpus: buckets in a state without bucketing")
	}
	for _, bt := range t.Buckets {
		if _, ok := g.buckets[bt.Bucket]; ok || bt.Bucket == "" {
			return fmt.Errorf("corpus: bucket %q empty or repeated", bt.Bucket)
		}
		if !counts(bt.Documents, bt.Mentions) {
			return fmt.Errorf("corpus: bucket %q: negative or too large count", bt.Bucket)
		}
		g.bucket(bt.Bucket).Documents, g.bucket(bt.Bucket).Mentions = bt.Documents, bt.Mentions
	}
	for _, a := range f.Actors {
		if err := g.loadActor(&a); err != nil {
			return fmt.Errorf("actor %q: %w", a.ID, err)
		}
	}
	return nil
}

func (g *Aggregator) loadActor(a *stateActor) error {
	if a.ID == "" {
		return errors.New("empty id")
	}
	if _, ok := g.actors[a.ID]; ok {
		return errors.New("repeated")
	}
	if !counts(a.References) {
		return errors.New("negative or too large count")
	}
	if g.by == "" && len(a.Buckets) > 0 {
		return errors.New("buckets in a state without bucketing")
	}
	acc := g.actor(a.ID, a.Name, a.Type)
	acc.refs = a.References
	if err := loadCounts(&acc.aliases, a.Aliases); err != nil {
		return fmt.Errorf("aliases: %w", err)
	}
	for _, s := range a.Stances {
		if s.Stance == "" || acc.stances[s.Stance] != nil {
			return fmt.Errorf("stance %q empty or repeated", s.Stance)
		}
		if s.Count < 1 || !counts(s.Count, s.Negated) || s.Negated > s.Count || !sum(s.ScoreSum) {
			return fmt.Errorf("stance %q: count %d, negated %d", s.Stance, s.Count, s.Negated)
		}
		if len(s.Examples) > MaxExamples {
			return fmt.Errorf("stance %q: %d examples, more than %d", s.Stance, len(s.Examples), MaxExamples)
		}
		sa := acc.stance(s.Stance, s.Cameo)
		sa.count, sa.negated, sa.score = s.Count, s.Negated, s.ScoreSum
		if err := loadCounts(&sa.targets, s.Targets); err != nil {
			return fmt.Errorf("stance %q: targets: %w", s.Stance, err)
		}
		if err := loadCounts(&sa.toward, s.Toward); err != nil {
			return fmt.Errorf("stance %q: toward: %w", s.Stance, err)
		}
		for _, e := range s.Examples {
			if e.Start < 0 || e.End < e.Start {
				return fmt.Errorf("stance %q: example at %d..%d", s.Stance, e.Start, e.End)
			}
			sa.addExample(e)
		}
	}
	for _, b := range a.Buckets {
		if b.Bucket == "" || acc.buckets[b.Bucket] != nil {
			return fmt.Errorf("bucket %q empty or repeated", b.Bucket)
		}
		if !counts(b.Mentions) || !sum(b.ScoreSum) {
			return fmt.Errorf("bucket %q: negative or too large count", b.Bucket)
		}
		ab := acc.bucket(b.Bucket)
		ab.count, ab.score = b.Mentions, b.ScoreSum
		for _, c := range b.Stances {
			if c.Stance == "" || ab.stances[c.Stance] != nil {
				return fmt.Errorf("bucket %q: stance %q empty or repeated", b.Bucket, c.Stance)
			}
			if c.Count < 1 || !counts(c.Count, c.Negated) || c.Negated > c.Count || !sum(c.ScoreSum) {
				return fmt.Errorf("bucket %q: stance %q: count %d, negated %d", b.Bucket, c.Stance, c.Count, c.Negated)
			}
			bc := ab.stance(c.Stance)
			bc.count, bc.negated, bc.score = c.Count, c.Negated, c.ScoreSum
		}
	}
	return nil
}

// counts reports whether every n is a count a state may hold.
func counts(ns ...int) bool {
	for _, n := range ns {
		if n < 0 || n > maxCount {
			return false
		}
	}
	return true
}

func counts64(n int64) bool { return n >= 0 && n <= maxCount }

// sum reports whether s is a score sum a state may hold.
func sum(s int64) bool { return -maxCount <= s && s <= maxCount }

func loadCounts(c *counter, counts []Count) error {
	for _, v := range counts {
		if v.Count < 1 || v.Count > maxCount {
			return fmt.Errorf("%q counted %d times", v.Value, v.Count)
		}
		c.add(v.Value, v.Count)
	}
	return nil
}

// ReadState decodes the state that WriteState wrote, as by UnmarshalJSON.
// Errors name the file, and the line and column for malformed JSON.
func ReadState(r io.Reader, name string) (*Aggregator, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	g := New("")
	if err := g.UnmarshalJSON(data); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			line, col := position(data, syn.Offset)
			return nil, fmt.Errorf("%s:%d:%d: %w", name, line, col, err)
		case errors.As(err, &typ):
			line, col := position(data, typ.Offset)
			return nil, fmt.Errorf("%s:%d:%d: %w", name, line, col, err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return g, nil
}

// WriteState writes the state as one line of JSON. It is encoded
// straight to w: through MarshalJSON, the state of a large corpus was
// copied twice more, in fresh memory.
func (g *Aggregator) WriteState(w io.Writer) error { return g.encodeState(w) }

// position returns the line and column, both from 1, of the byte at which
// encoding/json stopped after reading off bytes of data.
func position(data []byte, off int64) (line, col int) {
	at := int(min(max(off-1, 0), int64(len(data))))
	before := data[:at]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = at - bytes.LastIndexByte(before, '\n')
	return line, col
}
