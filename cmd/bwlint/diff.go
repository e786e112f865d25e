package main

import (
	"context"
	"io"
	"time"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/report"
	"github.com/bwlint/bwlint/lint/snapdiff"
	"github.com/urfave/cli/v2"
)

// diffFormats are the renderers of a review. SARIF is the lint report's
// own renderer, fed the after snapshot's result with the classified
// findings, so that code scanning sees baselineState.
var diffFormats = map[string]func(io.Writer, *snapdiff.Review, snapdiff.Options) error{
	"text":     snapdiff.Text,
	"json":     snapdiff.JSON,
	"markdown": snapdiff.Markdown,
}

func diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "review a change: compare two snapshots and their findings",
		ArgsUsage: "BEFORE AFTER",
		Description: "Compares a snapshot taken before a change with one taken after it: settings per host, CLI\n" +
			"context and key, table rows by their identifying column, hosts added or removed, Partner Hub\n" +
			"templates and clusters, tag sets and digests, with both values and both locations, and a\n" +
			"line diff of every capture. Runs the checks on both sides and classifies the findings as\n" +
			"new, changed, fixed or unchanged. Secret and masked values are never shown.\n\n" +
			"Exit codes: 0 the change introduces no finding at or above --fail-on (it may fix some); 1 it\n" +
			"introduces new or changed findings at or above --fail-on; 2 either snapshot has input\n" +
			"problems; 3 usage error; 4 a check failed.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: text, json, markdown or sarif"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of stdout"},
			&cli.StringFlag{Name: "fail-on", Value: "warning", Usage: "lowest severity of an introduced finding that fails the review: error, warning, note or none"},
		},
		Action: runDiff,
	}
}

func runDiff(c *cli.Context) error {
	if c.NArg() != 2 {
		return usageErrorf("diff: takes two arguments, BEFORE and AFTER snapshots, got %d (see bwlint diff --help)", c.NArg())
	}
	format := c.String("format")
	_, known := diffFormats[format]
	if !known && format != "sarif" {
		return usageErrorf("diff: unknown format %q: use text, json, markdown or sarif", format)
	}
	threshold, err := lint.ParseThreshold(c.String("fail-on"))
	if err != nil {
		return usageErrorf("diff: --fail-on: %v", err)
	}
	start := time.Now().UTC()
	before, err := lintSide(c.Args().Get(0))
	if err != nil {
		return err
	}
	after, err := lintSide(c.Args().Get(1))
	if err != nil {
		return err
	}
	review := snapdiff.Compare(before, after)
	code := diffExitCode(review, threshold)
	out := &output{path: c.String("output"), stdout: c.App.Writer}
	if format == "sarif" {
		err = writeDiffSARIF(out.Writer(), review, report.Options{
			Snapshot: after.Snapshot, Threshold: threshold, ExitCode: code, Start: start, End: time.Now().UTC(),
		})
		if err != nil {
			return err
		}
	} else if err := diffFormats[format](out.Writer(), review, snapdiff.Options{Threshold: threshold, ExitCode: code}); err != nil {
		return internalErrorf("writing report: %v", err)
	}
	if err := out.Close(); err != nil {
		return err
	}
	return exitWith(code)
}

// lintSide loads one snapshot and runs every check on it.
func lintSide(dir string) (snapdiff.Side, error) {
	snap, err := loadSnapshot(dir)
	if err != nil {
		return snapdiff.Side{}, err
	}
	return snapdiff.Side{Snapshot: snap, Result: lint.Run(context.Background(), snap, checks.All(), lint.Settings{})}, nil
}

// diffExitCode decides a review's exit code: a failed check outranks
// unreadable evidence on either side, which outranks introduced findings.
// Findings that were there before, or that the change fixes, never fail.
func diffExitCode(r *snapdiff.Review, t lint.Threshold) int {
	switch {
	case r.CheckFailures() > 0:
		return exitInternal
	case r.HasInputErrors():
		return exitInput
	case len(r.Introduced(t)) > 0:
		return exitFindings
	}
	return exitOK
}

// writeDiffSARIF renders the review with the lint report's SARIF writer:
// the after snapshot's run, its findings carrying their State (which SARIF
// writes as baselineState), and the fixed ones from before as absent.
func writeDiffSARIF(w io.Writer, r *snapdiff.Review, o report.Options) error {
	rep, err := report.Lookup("sarif")
	if err != nil {
		return usageErrorf("diff: %v", err)
	}
	res := *r.After.Result
	res.Findings = r.Findings
	if err := rep(w, &res, o); err != nil {
		return internalErrorf("writing report: %v", err)
	}
	return nil
}
