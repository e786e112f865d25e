package main

import (
	"context"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/report"
	"github.com/urfave/cli/v2"
)

func lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "run the checks on a snapshot and report findings",
		ArgsUsage: "SNAPSHOT",
		Description: "Runs every check on the snapshot directory and reports findings, checks that could not be\n" +
			"evaluated for lack of evidence, and input problems.\n\n" +
			"Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 input problems (even when\n" +
			"findings exist, which are still reported); 3 usage or configuration error; 4 a check failed.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: " + joinNames(report.Names())},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of stdout"},
			&cli.StringFlag{Name: "fail-on", Value: "warning", Usage: "lowest severity that fails the run: error, warning, note or none"},
		},
		Action: runLint,
	}
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

func runLint(c *cli.Context) error {
	dir, err := oneArg(c, "SNAPSHOT")
	if err != nil {
		return err
	}
	rep, err := report.Lookup(c.String("format"))
	if err != nil {
		return usageErrorf("lint: %v", err)
	}
	threshold, err := lint.ParseThreshold(c.String("fail-on"))
	if err != nil {
		return usageErrorf("lint: --fail-on: %v", err)
	}
	snap, err := loadSnapshot(dir)
	if err != nil {
		return err
	}
	res := lint.Run(context.Background(), snap, checks.All(), lint.Settings{})
	code := res.ExitCode(threshold)
	out := &output{path: c.String("output"), stdout: c.App.Writer}
	opts := report.Options{Snapshot: snap, Threshold: threshold, ExitCode: code, Color: out.path == "" && colorFor(c.App.Writer)}
	if err := rep(out.Writer(), res, opts); err != nil {
		return internalErrorf("writing report: %v", err)
	}
	if err := out.Close(); err != nil {
		return err
	}
	return exitWith(code)
}
