package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/standpoint/standpoint/analysis/aggregate"
	"github.com/standpoint/standpoint/analysis/compare"
)

type compareOptions struct {
	a, b    string
	actors  []string
	min     int
	top     int
	alpha0  float64
	asJSON  bool
	summary string // the file of --a and --b, for display
}

func newCompareCmd(e *env) *cobra.Command {
	var o compareOptions
	cmd := &cobra.Command{
		Use:   "compare A.json B.json | compare SUMMARY.json --a BUCKET[..BUCKET] --b BUCKET[..BUCKET]",
		Short: "Compare who takes which stance in two summaries, or two periods or sources of one",
		Long: `Compare sets two sides side by side: two summary.json files, or two sets of
buckets of one summary analysed with --by (--a and --b: one bucket such as
2022-03, an inclusive range such as 2022-01..2022-03, or a source name when
the summary is bucketed by source). A summary may be - for standard input.

For each actor and stance it prints the count on each side, the rate (the
share of the actor's stance mentions on that side), the change in rate, and
the z-score of the weighted log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi and Quinn 2008): how strongly the pair's share of
all stance mentions differs between the sides, positive when it is larger
on B. Rows come by |z|, largest first. Then, per actor shown, its mean
cooperation score on each side and the change.

The prior weighs --alpha0 mentions in all, shaped like the pooled counts;
by default as many as both sides hold, so that the shrinkage is in
proportion to the data whatever the size of the corpus.`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCompare(e, &o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.a, "a", "", "side A: `BUCKET` or FROM..TO of the one summary")
	f.StringVar(&o.b, "b", "", "side B: `BUCKET` or FROM..TO of the one summary")
	f.StringArrayVar(&o.actors, "actor", nil, "show only the actor `ID` (repeatable)")
	f.IntVar(&o.min, "min", 1, "drop the rows counted fewer than `N` times on both sides together")
	f.IntVar(&o.top, "top", 30, "print the `N` rows of largest |z| (0 for all; --json prints all)")
	f.Float64Var(&o.alpha0, "alpha0", 0, "the weight of the prior, in mentions (0 for the total of both sides)")
	f.BoolVar(&o.asJSON, "json", false, "print the comparison as JSON")
	return cmd
}

func runCompare(e *env, o *compareOptions, args []string) error {
	if o.min < 0 {
		return fmt.Errorf("--min must not be negative, got %d", o.min)
	}
	if o.top < 0 {
		return fmt.Errorf("--top must not be negative, got %d", o.top)
	}
	if o.alpha0 < 0 {
		return fmt.Errorf("--alpha0 must not be negative, got %g", o.alpha0)
	}
	if slices.Equal(args, []string{"-", "-"}) {
		return errors.New("only one summary can be read from standard input")
	}
	var a, b compare.Side
	switch {
	case o.a == "" && o.b == "":
		if len(args) != 2 {
			return fmt.Errorf("give two summaries, or one with --a and --b (got %d)", len(args))
		}
		sa, err := readSummaryFile(e, args[0])
		if err != nil {
			return err
		}
		sb, err := readSummaryFile(e, args[1])
		if err != nil {
			return err
		}
		a, b = compare.WholeSide(sa, args[0]), compare.WholeSide(sb, args[1])
	case o.a == "" || o.b == "":
		return errors.New("--a and --b go together")
	default:
		if len(args) != 1 {
			return fmt.Errorf("with --a and --b, give one summary (got %d)", len(args))
		}
		s, err := readSummaryFile(e, args[0])
		if err != nil {
			return err
		}
		if a, err = compare.BucketSide(s, o.a); err != nil {
			return fmt.Errorf("%s: --a %s: %w", args[0], o.a, err)
		}
		if b, err = compare.BucketSide(s, o.b); err != nil {
			return fmt.Errorf("%s: --b %s: %w", args[0], o.b, err)
		}
		o.summary = args[0]
	}
	for _, id := range o.actors {
		if !hasActor(a, id) && !hasActor(b, id) {
			return fmt.Errorf("--actor %s: the actor takes no stance on either side", id)
		}
	}
	res := compare.Compare(a, b, compare.Options{Alpha0: o.alpha0, Actors: o.actors, Min: o.min})
	if o.asJSON {
		return writeJSON(e.stdout, res)
	}
	return printComparison(e.stdout, res, o)
}

func hasActor(s compare.Side, id string) bool {
	return slices.ContainsFunc(s.Actors, func(a compare.SideActor) bool { return a.ID == id })
}

// readSummaryFile reads the summary at path, or standard input for -.
func readSummaryFile(e *env, path string) (aggregate.Summary, error) {
	if path == "-" {
		return compare.ReadSummary(e.stdin, "standard input")
	}
	f, err := os.Open(path)
	if err != nil {
		return aggregate.Summary{}, err
	}
	defer f.Close()
	return compare.ReadSummary(f, path)
}

// printComparison writes the sides, the top rows and the scores of their
// actors as aligned tables.
func printComparison(w io.Writer, res compare.Result, o *compareOptions) error {
	for _, side := range []struct {
		name string
		info compare.SideInfo
	}{{"A", res.A}, {"B", res.B}} {
		desc := side.info.Label
		if o.summary != "" {
			desc += " of " + o.summary
		}
		if n := len(side.info.Buckets); n > 1 {
			desc += fmt.Sprintf(" (%d buckets)", n)
		}
		fmt.Fprintf(w, "%s: %s: %d stance mentions\n", side.name, printable(desc), side.info.Mentions)
	}
	fmt.Fprintln(w)

	rows := res.Rows
	if o.top > 0 && len(rows) > o.top {
		rows = rows[:o.top]
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ACTOR\tSTANCE\tA_COUNT\tA_RATE\tB_COUNT\tB_RATE\tCHANGE\tZ")
	shown := make(map[string]bool)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%d\t%.3f\t%+.3f\t%+.2f\n", printable(r.Actor), printable(r.Stance), r.ACount, r.ARate, r.BCount, r.BRate, r.Change, r.Z)
		shown[r.Actor] = true
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if n := len(res.Rows) - len(rows); n > 0 {
		fmt.Fprintf(w, "(%d more rows; --top 0 shows all)\n", n)
	}
	if len(rows) == 0 {
		return nil
	}

	fmt.Fprintln(w)
	fmt.Fprintln(tw, "ACTOR\tNAME\tA_MENTIONS\tA_SCORE\tB_MENTIONS\tB_SCORE\tCHANGE")
	for _, ac := range res.Actors {
		if !shown[ac.Actor] {
			continue
		}
		aScore, bScore, change := "-", "-", "-"
		if ac.AMentions > 0 {
			aScore = fmt.Sprintf("%.3f", ac.AScore)
		}
		if ac.BMentions > 0 {
			bScore = fmt.Sprintf("%.3f", ac.BScore)
		}
		if ac.AMentions > 0 && ac.BMentions > 0 {
			change = fmt.Sprintf("%+.3f", ac.Change)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%d\t%s\t%s\n", printable(ac.Actor), printable(ac.Name), ac.AMentions, aScore, ac.BMentions, bScore, change)
	}
	return tw.Flush()
}

type trendOptions struct {
	actors []string
	asJSON bool
}

func newTrendCmd(e *env) *cobra.Command {
	var o trendOptions
	cmd := &cobra.Command{
		Use:   "trend SUMMARY.json [--actor ID]...",
		Short: "Show how each actor's stances move from bucket to bucket",
		Long: `Trend reads a summary analysed with --by (- for standard input) and prints,
per actor, one line per bucket, in order with the undated bucket last: the
actor's stance mentions, their mean cooperation score, and the rate of each
stance the actor takes (its share of the actor's mentions in the bucket).
Buckets where the actor took no stance are listed with - for the score and
rates.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := readSummaryFile(e, args[0])
			if err != nil {
				return err
			}
			rows, err := compare.Trend(s, o.actors)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			if o.asJSON {
				return writeJSON(e.stdout, rows)
			}
			return printTrend(e.stdout, rows)
		},
	}
	cmd.Flags().StringArrayVar(&o.actors, "actor", nil, "show only the actor `ID` (repeatable)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the rows as JSON")
	return cmd
}

// printTrend writes one table per actor, its rows being consecutive.
func printTrend(w io.Writer, rows []compare.TrendRow) error {
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Actor == rows[i].Actor {
			j++
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s  %s\n", printable(rows[i].Actor), printable(rows[i].Name))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		header := []string{"BUCKET", "MENTIONS", "SCORE"}
		for _, sr := range rows[i].Stances {
			header = append(header, printable(strings.ToUpper(sr.Stance)))
		}
		fmt.Fprintln(tw, strings.Join(header, "\t"))
		for _, r := range rows[i:j] {
			cells := []string{printable(r.Bucket), fmt.Sprint(r.Mentions), "-"}
			if r.Mentions > 0 {
				cells[2] = fmt.Sprintf("%.3f", r.Score)
			}
			for _, sr := range r.Stances {
				if r.Mentions > 0 {
					cells = append(cells, fmt.Sprintf("%.3f", sr.Rate))
				} else {
					cells = append(cells, "-")
				}
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		i = j
	}
	return nil
}
