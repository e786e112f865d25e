package main

import (
	"bytes"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/baseline"
	"github.com/urfave/cli/v2"
)

// baselineFlags are the lint command's baseline flags.
func baselineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "baseline", Usage: "report findings and evidence gaps recorded in `FILE` as baselined: they do not fail the run unless a finding's value changed"},
		&cli.StringFlag{Name: "write-baseline", Usage: "record this run's findings and evidence gaps in `FILE` (sorted JSON, no line numbers, no values)"},
	}
}

// applyBaselineFlags handles --write-baseline and --baseline on a finished
// run, before the exit code is decided. The baseline is written from the
// run's own findings, before any baseline is applied, so that writing and
// reading one file in a single run records the present state. It returns
// the bytes of the baseline it applied, nil without --baseline, for the
// report's evidence.
func applyBaselineFlags(c *cli.Context, res *lint.Result, reads readFiles) ([]byte, error) {
	if path := c.String("write-baseline"); path != "" {
		if err := writeBaseline(path, res, reads); err != nil {
			return nil, err
		}
	}
	if path := c.String("baseline"); path != "" {
		return applyBaseline(path, res)
	}
	return nil, nil
}

// writeBaseline records res's findings and evidence gaps in path. The file is written whole
// or not at all; a path that cannot be written is a usage error.
func writeBaseline(path string, res *lint.Result, reads readFiles) error {
	var buf bytes.Buffer
	if err := baseline.FromResult(res).Write(&buf); err != nil {
		return internalErrorf("writing baseline: %v", err)
	}
	return writeFile(path, buf.Bytes(), reads, "baseline")
}

// applyBaseline reads path and marks res's findings against it. A file
// that is missing or malformed is a configuration error (exit 3), reported
// with its position: a CI gate must not pass on a baseline it misread.
// The file is read once, here, so that the digest the report records is
// of the very bytes that decided the gate.
func applyBaseline(path string, res *lint.Result) ([]byte, error) {
	f, data, err := baseline.Read(path)
	if err != nil {
		return nil, usageErrorf("--baseline: %v", err)
	}
	baseline.Apply(f, res)
	return data, nil
}
