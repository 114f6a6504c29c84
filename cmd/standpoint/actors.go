package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/corpus"
)

func newActorsCmd(e *env) *cobra.Command {
	var f actorFlags
	cmd := &cobra.Command{
		Use:   "actors",
		Short: "List the actor dictionary, or show which actors a text mentions",
		Long: `Actors lists the merged actor dictionary: the embedded default, unless
--no-default-actors, with the entries of every --actors file added or
overriding. Each line gives the id, type and name, and how many names match it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := f.dictionary()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tTYPE\tNAME\tMATCHES")
			for _, en := range d.Entries() {
				names := append([]string{en.Name}, en.Aliases...)
				names = append(names, en.Capitals...)
				names = append(names, en.Demonyms...)
				names = append(names, en.Institutions...)
				names = append(names, en.Metonyms...)
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", printable(en.ID), printable(en.Type), printable(en.Name), printable(strings.Join(names, ", ")))
			}
			return tw.Flush()
		},
	}
	f.register(cmd.PersistentFlags())
	cmd.AddCommand(newActorsFindCmd(e, &f))
	return cmd
}

func newActorsFindCmd(e *env, f *actorFlags) *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:   "find TEXT",
		Short: "Show the actors a text mentions, and why each matched",
		Long: `Find annotates TEXT and prints each actor mention: its byte offsets, the text
matched, the actor it resolves to, and the dictionary entry and rule that
matched it. --date resolves persons to the office they held that day.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if date != "" {
				d, err := corpus.ParseDate(date)
				if err != nil {
					return err
				}
				date = d
			}
			d, err := f.dictionary()
			if err != nil {
				return err
			}
			models, err := analysis.LoadModels()
			if err != nil {
				return err
			}
			doc := analysis.NewAnnotator(models).Annotate(corpus.Document{ID: "text", Date: date, Text: args[0]})
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "START\tEND\tTEXT\tACTOR\tTYPE\tNAME\tENTRY\tMATCHED BY")
			for _, a := range d.NewMatcher(!f.noUnknown).Match(doc) {
				via := a.Via
				if a.Location {
					via += ", a place only"
				}
				fmt.Fprintf(tw, "%d\t%d\t%q\t%s\t%s\t%s\t%s\t%s\n", a.Start, a.End, a.Text, printable(a.ID), printable(a.Type), printable(a.Name), printable(a.Entry), via)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the date of the text, for persons' offices")
	return cmd
}
