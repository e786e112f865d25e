package main

import (
	"bytes"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint/baseline"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/urfave/cli/v2"
)

// baselineFlags are the lint command's baseline flags.
func baselineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "baseline", Usage: "report findings and evidence gaps recorded in `FILE` as baselined: they do not fail the run unless a finding's value changed"},
		&cli.StringFlag{Name: "write-baseline", Usage: "record this run's findings and evidence gaps in `FILE` (sorted JSON, no line numbers, no values)"},
		&cli.BoolFlag{Name: "fail-on-stale-baseline", Usage: "fail the run (exit code 1) on --baseline entries whose finding is gone while its evidence is still there: they would accept it, unseen, should it return; default: the policy's fail_on_stale_baseline, else false"},
	}
}

// failOnStale is --fail-on-stale-baseline when given, else the policy's
// fail_on_stale_baseline, else false.
func failOnStale(c *cli.Context, cfg *config.Config) bool {
	if on, ok := cfg.FailOnStaleBaseline(); ok && !c.IsSet("fail-on-stale-baseline") {
		return on
	}
	return c.Bool("fail-on-stale-baseline")
}

// applyBaselineFlags handles --write-baseline and --baseline on a judged
// run, before the exit code is decided. The baseline is written from the
// run as the policy judged it, before any baseline, so that writing and
// reading one file in a single run records the present state. It returns
// the run judged against the --baseline file, and that file's bytes (nil
// without --baseline), for the report's evidence. The snapshot's coverage
// tells a stale entry from one whose evidence is gone.
//
// rewrite is the command that writes the baseline anew, the fix of a
// stale entry.
func applyBaselineFlags(c *cli.Context, cfg *config.Config, snap *inputs.Snapshot, res *judge.Result, reads readFiles, rewrite string) (*judge.Result, []byte, error) {
	if path := c.String("write-baseline"); path != "" {
		if err := writeBaseline(path, res.Record(), reads); err != nil {
			return nil, nil, err
		}
	}
	path := c.String("baseline")
	if path == "" {
		return res, nil, nil
	}
	f, data, err := readBaseline(path)
	if err != nil {
		return nil, nil, err
	}
	return res.AgainstBaseline(f, judge.BaselineOptions{Coverage: res.Run.Coverage(snap), FailOnStale: failOnStale(c, cfg), Rewrite: rewrite}), data, nil
}

// readBaseline reads the --baseline file. A file that is missing or
// malformed is a configuration error (exit 3), reported with its
// position: a CI gate must not pass on a baseline it misread. The file is
// read once, here, so that the digest the report records is of the very
// bytes that decided the gate.
func readBaseline(path string) (*baseline.File, []byte, error) {
	f, data, err := baseline.Read(path)
	if err != nil {
		return nil, nil, usageErrorf("--baseline: %v", err)
	}
	return f, data, nil
}

// writeBaseline writes a baseline to path. The file is written whole or
// not at all; a path that cannot be written is a usage error.
func writeBaseline(path string, f *baseline.File, reads readFiles) error {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return internalErrorf("writing baseline: %v", err)
	}
	return writeFile(path, buf.Bytes(), reads, "baseline")
}
