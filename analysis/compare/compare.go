// Package compare sets two summaries, or two periods or sources of one
// summary, side by side: for each actor and stance, how often it was taken
// on each side, how its share changed, and how strongly the change stands
// out from chance; and, per actor, how its stances move from bucket to
// bucket.
//
// # The weighted log-odds ratio
//
// Compare scores each change with the weighted log-odds ratio with an
// informative Dirichlet prior of Monroe, Colaresi and Quinn (2008,
// "Fightin' Words", section 3.5.1), actor by actor: an actor's stances are
// the "words", the two sides are the two groups, so the score says how the
// actor's own mix of stances shifted, whatever the amount of coverage it
// got on each side. With y_w^a and y_w^b the counts of stance w of the
// actor on sides A and B, n^a and n^b the actor's totals on each side, y_w
// and n the pooled count and total, and the prior
//
//	alpha_w = alpha0 * y_w / n
//
// the log-odds ratio of w, B over A, its approximate variance and its
// z-score are
//
//	delta_w = log((y_w^b + alpha_w) / (n^b + alpha0 - y_w^b - alpha_w))
//	        - log((y_w^a + alpha_w) / (n^a + alpha0 - y_w^a - alpha_w))
//	var_w   = 1/(y_w^b + alpha_w) + 1/(y_w^a + alpha_w)
//	z_w     = delta_w / sqrt(var_w)
//
// A positive z means the stance takes a larger share of the actor's
// stance mentions on side B than on side A, as the change in rate does.
//
// By default alpha0 is the actor's pooled total n, so that alpha_w is the pooled
// count y_w itself and the prior weighs as much as the data, whatever the
// size of the corpus. A fixed alpha0, such as 1000, would swamp two small
// summaries of a few dozen mentions and vanish beside two large ones, so
// that the same shift would be shrunk more or less according to the size
// of the corpus; tied to n, the shrinkage stays in proportion. Every pair
// compared has a pooled count of at least 1, so every alpha_w is positive
// and the log-odds are finite even when one side never saw the pair.
package compare

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/standpoint/standpoint/analysis/aggregate"
)

// Bounds on what ReadSummary accepts, so that every sum stays exact and
// every mean finite.
const (
	// MaxTotal bounds the sum of all the counts of a summary: past 2^53,
	// float64 no longer holds every integer.
	MaxTotal = 1 << 53
	// MaxScore bounds the magnitude of a mean cooperation score; the
	// Goldstein scale runs from -10 to 10.
	MaxScore = 1e6
)

// ReadSummary decodes a summary.json and checks that its counts make sense.
// Errors name the file, and the line and column for malformed JSON.
func ReadSummary(r io.Reader, name string) (aggregate.Summary, error) {
	var s aggregate.Summary
	data, err := io.ReadAll(r)
	if err != nil {
		return s, fmt.Errorf("%s: %w", name, err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			line, col := position(data, syn.Offset)
			return aggregate.Summary{}, fmt.Errorf("%s:%d:%d: %w", name, line, col, err)
		case errors.As(err, &typ):
			line, col := position(data, typ.Offset)
			return aggregate.Summary{}, fmt.Errorf("%s:%d:%d: %w", name, line, col, err)
		}
		return aggregate.Summary{}, fmt.Errorf("%s: %w", name, err)
	}
	if err := check(s); err != nil {
		return aggregate.Summary{}, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// position returns the line and column, both from 1, of the last byte of
// the first off bytes of data: the byte at which encoding/json stopped.
func position(data []byte, off int64) (line, col int) {
	at := int(min(max(off-1, 0), int64(len(data))))
	before := string(data[:at])
	line = 1 + strings.Count(before, "\n")
	col = at - strings.LastIndexByte(before, '\n')
	return line, col
}

// check verifies what Compare and Trend rely on: known bucketing, unique
// non-empty names, counts that are not negative and whose total is bounded,
// finite scores.
func check(s aggregate.Summary) error {
	if _, err := aggregate.ParseBy(s.By); err != nil {
		return fmt.Errorf("by: %w", err)
	}
	var total int64
	add := func(n int) error {
		if n < 0 {
			return fmt.Errorf("negative count %d", n)
		}
		if int64(n) > MaxTotal-total {
			return fmt.Errorf("counts add up to more than %d", int64(MaxTotal))
		}
		total += int64(n)
		return nil
	}
	actors := make(map[string]bool)
	for _, a := range s.Actors {
		if a.ID == "" {
			return errors.New("an actor without an id")
		}
		if actors[a.ID] {
			return fmt.Errorf("actor %q listed twice", a.ID)
		}
		actors[a.ID] = true
		if err := checkScore(a.Score); err != nil {
			return fmt.Errorf("actor %q: %w", a.ID, err)
		}
		stances := make(map[string]bool)
		for _, st := range a.Stances {
			if err := checkCount(st.Stance, st.Count, st.Negated, st.Score, stances, add); err != nil {
				return fmt.Errorf("actor %q: %w", a.ID, err)
			}
		}
		if len(a.Buckets) > 0 && s.By == "" {
			return fmt.Errorf("actor %q has buckets but the summary does not say what they are (no \"by\")", a.ID)
		}
		buckets := make(map[string]bool)
		for _, b := range a.Buckets {
			if b.Bucket == "" {
				return fmt.Errorf("actor %q: a bucket without a name", a.ID)
			}
			if buckets[b.Bucket] {
				return fmt.Errorf("actor %q: bucket %q listed twice", a.ID, b.Bucket)
			}
			buckets[b.Bucket] = true
			if err := checkScore(b.Score); err != nil {
				return fmt.Errorf("actor %q: bucket %q: %w", a.ID, b.Bucket, err)
			}
			stances := make(map[string]bool)
			for _, c := range b.Stances {
				if err := checkCount(c.Stance, c.Count, c.Negated, c.Score, stances, add); err != nil {
					return fmt.Errorf("actor %q: bucket %q: %w", a.ID, b.Bucket, err)
				}
			}
		}
	}
	return nil
}

func checkCount(stance string, count, negated int, score float64, seen map[string]bool, add func(int) error) error {
	if stance == "" {
		return errors.New("a stance without a name")
	}
	if seen[stance] {
		return fmt.Errorf("stance %q listed twice", stance)
	}
	seen[stance] = true
	if err := add(count); err != nil {
		return fmt.Errorf("stance %q: %w", stance, err)
	}
	if negated < 0 || negated > count {
		return fmt.Errorf("stance %q: %d negated out of %d", stance, negated, count)
	}
	if err := checkScore(score); err != nil {
		return fmt.Errorf("stance %q: %w", stance, err)
	}
	return nil
}

func checkScore(x float64) error {
	if math.IsNaN(x) || math.Abs(x) > MaxScore {
		return fmt.Errorf("score %v out of range (at most %g either way)", x, float64(MaxScore))
	}
	return nil
}

// A Side is one of the two things compared: the stances of every actor in
// a whole summary, or in some of its buckets.
type Side struct {
	Label   string      // what the side is, for display
	Buckets []string    // the buckets taken, in order; nil for a whole summary
	Actors  []SideActor // sorted by id
}

// A SideActor is one actor's stances on a side.
type SideActor struct {
	ID      string
	Name    string
	Stances []SideStance // sorted by stance; counts are positive
}

// A SideStance counts one stance of an actor on a side.
type SideStance struct {
	Stance   string
	Count    int
	Negated  int
	ScoreSum float64 // the sum of the cooperation scores of the Count mentions
}

// WholeSide returns the side made of every actor's stances in s.
func WholeSide(s aggregate.Summary, label string) Side {
	side := Side{Label: label}
	for _, a := range s.Actors {
		sa := SideActor{ID: a.ID, Name: a.Name}
		for _, st := range a.Stances {
			sa.add(st.Stance, st.Count, st.Negated, st.Score)
		}
		side.addActor(sa)
	}
	side.sort()
	return side
}

// BucketSide returns the side made of the buckets of s that sel names. For
// a summary bucketed by date, sel is one bucket ("2022-03", "2022-W09",
// "2022-Q1", "undated"...) or an inclusive range of them in bucket order
// ("2022-01..2022-03"; ranges hold dated buckets only). For one bucketed by
// source, sel is the name of a source. The side is labelled sel.
func BucketSide(s aggregate.Summary, sel string) (Side, error) {
	if s.By == "" {
		return Side{}, errors.New("the summary has no buckets: run analyze with --by")
	}
	known := Buckets(s)
	in, err := selector(s.By, sel, known)
	if err != nil {
		return Side{}, err
	}
	side := Side{Label: sel}
	for _, b := range known {
		if in(b) {
			side.Buckets = append(side.Buckets, b)
		}
	}
	if len(side.Buckets) == 0 {
		return Side{}, fmt.Errorf("no bucket of the summary falls in %s (it has %s)", sel, list(known))
	}
	for _, a := range s.Actors {
		sa := SideActor{ID: a.ID, Name: a.Name}
		for _, b := range a.Buckets {
			if !in(b.Bucket) {
				continue
			}
			for _, c := range b.Stances {
				sa.add(c.Stance, c.Count, c.Negated, c.Score)
			}
		}
		side.addActor(sa)
	}
	side.sort()
	return side, nil
}

// selector parses sel and returns the test of whether a bucket is in it.
func selector(by, sel string, known []string) (func(string) bool, error) {
	if slices.Contains(known, sel) {
		return func(b string) bool { return b == sel }, nil
	}
	if by == aggregate.BySource {
		return nil, fmt.Errorf("no source %q in the summary (it has %s)", sel, list(known))
	}
	from, to, isRange := strings.Cut(sel, "..")
	if !isRange {
		if sel != aggregate.Undated && !validBucket(by, sel) {
			return nil, fmt.Errorf("bucket %q is not a %s %s", sel, by, example(by))
		}
		return nil, fmt.Errorf("no bucket %q in the summary (it has %s)", sel, list(known))
	}
	for _, end := range []string{from, to} {
		if end == aggregate.Undated {
			return nil, fmt.Errorf("range %q: the %s bucket cannot be part of a range", sel, aggregate.Undated)
		}
		if !validBucket(by, end) {
			return nil, fmt.Errorf("range %q: %q is not a %s %s", sel, end, by, example(by))
		}
	}
	if from > to {
		return nil, fmt.Errorf("range %q runs backwards", sel)
	}
	// Buckets of one kind have a fixed width, so that name order is date
	// order.
	return func(b string) bool { return b != aggregate.Undated && from <= b && b <= to }, nil
}

// validBucket reports whether name is a bucket of a date bucketing by, as
// aggregate.BucketOf writes it.
func validBucket(by, name string) bool {
	switch by {
	case aggregate.ByDay:
		return isTime(time.DateOnly, name)
	case aggregate.ByWeek:
		return len(name) == 8 && isTime("2006", name[:4]) && name[4:6] == "-W" && name[6:] >= "01" && name[6:] <= "53" && isDigits(name[6:])
	case aggregate.ByMonth:
		return isTime("2006-01", name)
	case aggregate.ByQuarter:
		return len(name) == 7 && isTime("2006", name[:4]) && name[4:6] == "-Q" && name[6] >= '1' && name[6] <= '4'
	case aggregate.ByYear:
		return isTime("2006", name)
	}
	return false
}

// isTime reports whether s is a time written in layout, exactly.
func isTime(layout, s string) bool {
	t, err := time.Parse(layout, s)
	return err == nil && t.Format(layout) == s
}

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func example(by string) string {
	switch by {
	case aggregate.ByDay:
		return "(like 2022-03-14)"
	case aggregate.ByWeek:
		return "(like 2022-W09)"
	case aggregate.ByMonth:
		return "(like 2022-03)"
	case aggregate.ByQuarter:
		return "(like 2022-Q1)"
	case aggregate.ByYear:
		return "(like 2022)"
	}
	return ""
}

// list names the buckets for an error message: all of a few, the ends of
// many.
func list(buckets []string) string {
	switch {
	case len(buckets) == 0:
		return "none"
	case len(buckets) <= 6:
		return strings.Join(quote(buckets), ", ")
	}
	return fmt.Sprintf("%d, from %q to %q", len(buckets), buckets[0], buckets[len(buckets)-1])
}

func quote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// Buckets returns the names of the buckets of s, in bucket order: those of
// the corpus totals and those of every actor, the undated one last.
func Buckets(s aggregate.Summary) []string {
	var names []string
	for _, b := range s.Corpus.Buckets {
		names = append(names, b.Bucket)
	}
	for _, a := range s.Actors {
		for _, b := range a.Buckets {
			names = append(names, b.Bucket)
		}
	}
	slices.SortFunc(names, aggregate.CompareBuckets)
	return slices.Compact(names)
}

// add counts count mentions of stance with mean score.
func (sa *SideActor) add(stance string, count, negated int, score float64) {
	if count <= 0 {
		return
	}
	for i := range sa.Stances {
		if sa.Stances[i].Stance == stance {
			sa.Stances[i].Count += count
			sa.Stances[i].Negated += negated
			sa.Stances[i].ScoreSum += score * float64(count)
			return
		}
	}
	sa.Stances = append(sa.Stances, SideStance{Stance: stance, Count: count, Negated: negated, ScoreSum: score * float64(count)})
}

func (s *Side) addActor(sa SideActor) {
	if len(sa.Stances) > 0 {
		s.Actors = append(s.Actors, sa)
	}
}

func (s *Side) sort() {
	for _, a := range s.Actors {
		slices.SortFunc(a.Stances, func(x, y SideStance) int { return strings.Compare(x.Stance, y.Stance) })
	}
	slices.SortFunc(s.Actors, func(x, y SideActor) int { return strings.Compare(x.ID, y.ID) })
}

// Options tune Compare.
type Options struct {
	// Alpha0 is the total weight of the prior; 0 or less means, for each
	// actor, its pooled total on both sides (see the package
	// documentation).
	Alpha0 float64
	// Actors keeps only the rows of these actor ids; all when empty.
	Actors []string
	// Min drops the rows whose count on both sides together is below it.
	Min int
}

// A Result is the comparison of two sides.
type Result struct {
	A      SideInfo      `json:"a"`
	B      SideInfo      `json:"b"`
	Alpha0 float64       `json:"alpha0"` // the prior weight used; 0: each actor's pooled total
	Rows   []Row         `json:"rows"`   // by |z|, largest first
	Actors []ActorChange `json:"actors"` // the actors of Rows, most mentions first
}

// SideInfo describes one side of a Result.
type SideInfo struct {
	Label    string   `json:"label"`
	Buckets  []string `json:"buckets,omitempty"`
	Mentions int      `json:"mentions"` // stance mentions of every actor
}

// A Row compares one actor's record for one stance on the two sides.
// Rates are of the actor's stance mentions on that side, 0 when it has
// none. Numbers are rounded to three decimals.
type Row struct {
	Actor    string  `json:"actor"`
	Stance   string  `json:"stance"`
	ACount   int     `json:"a_count"`
	ANegated int     `json:"a_negated"`
	ARate    float64 `json:"a_rate"`
	BCount   int     `json:"b_count"`
	BNegated int     `json:"b_negated"`
	BRate    float64 `json:"b_rate"`
	Change   float64 `json:"change"`   // BRate - ARate
	LogOdds  float64 `json:"log_odds"` // delta_w, B over A
	Z        float64 `json:"z"`
}

// An ActorChange compares one actor's mean cooperation score on the two
// sides. A score is 0 on a side where the actor has no mentions, and the
// change is 0 unless it has mentions on both.
type ActorChange struct {
	Actor     string  `json:"actor"`
	Name      string  `json:"name"`
	AMentions int     `json:"a_mentions"`
	AScore    float64 `json:"a_score"`
	BMentions int     `json:"b_mentions"`
	BScore    float64 `json:"b_score"`
	Change    float64 `json:"change"`
}

// pair is one (actor, stance) "word" counted on both sides.
type pair struct {
	actor, stance string
	a, b          SideStance
}

// actorTotals are one actor's mentions and score sum on both sides.
type actorTotals struct {
	name       string
	na, nb     int
	sumA, sumB float64
}

// Compare compares side b with side a. The prior and the z-scores are
// computed over every pair of both sides; opts.Actors and opts.Min only
// choose the rows reported, so they do not change the numbers. Against a
// side without mentions every z is 0: the pooled shares are then those of
// the other side, and nothing stands out from them.
func Compare(a, b Side, opts Options) Result {
	pairs := make(map[[2]string]*pair)
	actors := make(map[string]*actorTotals)
	var na, nb int
	collect := func(s Side, isB bool) int {
		n := 0
		for _, sa := range s.Actors {
			at := actors[sa.ID]
			if at == nil {
				at = &actorTotals{name: sa.Name}
				actors[sa.ID] = at
			}
			for _, st := range sa.Stances {
				if st.Count <= 0 {
					continue
				}
				k := [2]string{sa.ID, st.Stance}
				p := pairs[k]
				if p == nil {
					p = &pair{actor: sa.ID, stance: st.Stance}
					pairs[k] = p
				}
				c := &p.a
				if isB {
					c = &p.b
					at.nb += st.Count
					at.sumB += st.ScoreSum
				} else {
					at.na += st.Count
					at.sumA += st.ScoreSum
				}
				c.Stance = st.Stance
				c.Count += st.Count
				c.Negated += st.Negated
				c.ScoreSum += st.ScoreSum
				n += st.Count
			}
		}
		return n
	}
	na = collect(a, false)
	nb = collect(b, true)
	res := Result{
		A:      SideInfo{Label: a.Label, Buckets: a.Buckets, Mentions: na},
		B:      SideInfo{Label: b.Label, Buckets: b.Buckets, Mentions: nb},
		Alpha0: round(max(opts.Alpha0, 0)),
		Rows:   []Row{},
		Actors: []ActorChange{},
	}
	shown := make(map[string]bool)
	for _, p := range pairs {
		if len(opts.Actors) > 0 && !slices.Contains(opts.Actors, p.actor) {
			continue
		}
		if p.a.Count+p.b.Count < opts.Min {
			continue
		}
		at := actors[p.actor]
		rateA, rateB := rate(p.a.Count, at.na), rate(p.b.Count, at.nb)
		a0 := opts.Alpha0
		if a0 <= 0 {
			a0 = float64(at.na + at.nb)
		}
		delta, z := logOdds(float64(p.a.Count), float64(p.b.Count), float64(at.na), float64(at.nb), a0)
		res.Rows = append(res.Rows, Row{
			Actor:    p.actor,
			Stance:   p.stance,
			ACount:   p.a.Count,
			ANegated: p.a.Negated,
			ARate:    round(rateA),
			BCount:   p.b.Count,
			BNegated: p.b.Negated,
			BRate:    round(rateB),
			Change:   round(rateB - rateA),
			LogOdds:  round(delta),
			Z:        round(z),
		})
		shown[p.actor] = true
	}
	slices.SortFunc(res.Rows, func(x, y Row) int {
		return cmp.Or(cmp.Compare(math.Abs(y.Z), math.Abs(x.Z)), strings.Compare(x.Actor, y.Actor), strings.Compare(x.Stance, y.Stance))
	})
	for id := range shown {
		at := actors[id]
		ac := ActorChange{Actor: id, Name: at.name, AMentions: at.na, BMentions: at.nb}
		if at.na > 0 {
			ac.AScore = round(at.sumA / float64(at.na))
		}
		if at.nb > 0 {
			ac.BScore = round(at.sumB / float64(at.nb))
		}
		if at.na > 0 && at.nb > 0 {
			ac.Change = round(at.sumB/float64(at.nb) - at.sumA/float64(at.na))
		}
		res.Actors = append(res.Actors, ac)
	}
	slices.SortFunc(res.Actors, func(x, y ActorChange) int {
		return cmp.Or(cmp.Compare(y.AMentions+y.BMentions, x.AMentions+x.BMentions), strings.Compare(x.Actor, y.Actor))
	})
	return res
}

// logOdds returns delta_w and z_w for a word counted ya and yb times on
// sides of na and nb words, under a prior of total weight alpha0 shaped
// like the pooled counts. A word that is the whole vocabulary has no odds
// to compare; it gets 0.
func logOdds(ya, yb, na, nb, alpha0 float64) (delta, z float64) {
	aw := alpha0 * (ya + yb) / (na + nb)
	restA := na + alpha0 - ya - aw
	restB := nb + alpha0 - yb - aw
	if restA <= 0 || restB <= 0 {
		return 0, 0
	}
	delta = math.Log((yb+aw)/restB) - math.Log((ya+aw)/restA)
	variance := 1/(yb+aw) + 1/(ya+aw)
	return delta, delta / math.Sqrt(variance)
}

func rate(count, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(count) / float64(total)
}

// round keeps three decimals, as the summary does, so that results print
// alike on every platform. It rounds halves away from zero, so that
// round(-x) is -round(x), and never returns -0.
func round(x float64) float64 {
	r := math.Floor(math.Abs(x)*1000+0.5) / 1000
	if x < 0 && r != 0 {
		return -r
	}
	return r
}

// A TrendRow is one actor's record in one bucket.
type TrendRow struct {
	Actor    string       `json:"actor"`
	Name     string       `json:"name"`
	Bucket   string       `json:"bucket"`
	Mentions int          `json:"mentions"`
	Score    float64      `json:"score"`   // mean cooperation score; 0 without mentions
	Stances  []StanceRate `json:"stances"` // every stance of the actor in any bucket
}

// A StanceRate is how often an actor took a stance in a bucket, and its
// share of the actor's mentions there (0 without mentions).
type StanceRate struct {
	Stance string  `json:"stance"`
	Count  int     `json:"count"`
	Rate   float64 `json:"rate"`
}

// Trend returns, for each actor of s (in the summary's order, those of
// actors only when it is not empty) and each bucket of s (in bucket order,
// the undated one last, including those where the actor took no stance),
// its mentions, the rate of each of its stances and its mean cooperation
// score. The stances of an actor are listed alike in every bucket, most
// frequent overall first.
func Trend(s aggregate.Summary, actors []string) ([]TrendRow, error) {
	if s.By == "" {
		return nil, errors.New("the summary has no buckets: run analyze with --by")
	}
	for _, id := range actors {
		if !slices.ContainsFunc(s.Actors, func(a aggregate.Actor) bool { return a.ID == id }) {
			return nil, fmt.Errorf("no actor %q in the summary", id)
		}
	}
	buckets := Buckets(s)
	rows := []TrendRow{}
	for _, a := range s.Actors {
		if len(actors) > 0 && !slices.Contains(actors, a.ID) {
			continue
		}
		stances := trendStances(a)
		if len(stances) == 0 {
			continue
		}
		byName := make(map[string]aggregate.Bucket, len(a.Buckets))
		for _, b := range a.Buckets {
			byName[b.Bucket] = b
		}
		for _, name := range buckets {
			row := TrendRow{Actor: a.ID, Name: a.Name, Bucket: name}
			b := byName[name]
			var scoreSum float64
			for _, c := range b.Stances {
				if c.Count > 0 {
					row.Mentions += c.Count
					scoreSum += c.Score * float64(c.Count)
				}
			}
			if row.Mentions > 0 {
				row.Score = round(scoreSum / float64(row.Mentions))
			}
			for _, st := range stances {
				sr := StanceRate{Stance: st}
				if i := slices.IndexFunc(b.Stances, func(c aggregate.BucketCount) bool { return c.Stance == st }); i >= 0 {
					sr.Count = b.Stances[i].Count
				}
				sr.Rate = round(rate(sr.Count, row.Mentions))
				row.Stances = append(row.Stances, sr)
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}

// trendStances returns the stances an actor takes in its buckets, most
// frequent first, ties by name.
func trendStances(a aggregate.Actor) []string {
	type total struct {
		stance string
		count  int
	}
	var totals []total
	for _, b := range a.Buckets {
		for _, c := range b.Stances {
			if c.Count <= 0 {
				continue
			}
			i := slices.IndexFunc(totals, func(t total) bool { return t.stance == c.Stance })
			if i < 0 {
				totals = append(totals, total{stance: c.Stance})
				i = len(totals) - 1
			}
			totals[i].count += c.Count
		}
	}
	slices.SortFunc(totals, func(x, y total) int {
		return cmp.Or(cmp.Compare(y.count, x.count), strings.Compare(x.stance, y.stance))
	})
	names := make([]string, len(totals))
	for i, t := range totals {
		names[i] = t.stance
	}
	return names
}
