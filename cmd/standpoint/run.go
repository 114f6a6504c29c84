package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"
)

// env is what every subcommand may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// run executes the command line args.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "standpoint",
		Short: "Find who demands, rejects, proposes or backs what in political commentary",
		Long: `Standpoint reads a corpus of articles (text files, JSON Lines, CSV, or standard
input) and finds, per actor, the stances taken in it, with the evidence for each.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newAnalyzeCmd(e), newAnnotateCmd(e), newActorsCmd(e), newCompareCmd(e), newEvalCmd(e), newMergeCmd(e), newReportCmd(e), newTrendCmd(e), newVersionCmd(e))
	return root.ExecuteContext(ctx)
}
