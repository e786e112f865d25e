package main

import (
	"bytes"

	"github.com/bwlint/bwlint/lint/baseline"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/urfave/cli/v2"
)

// baselineFlags are the lint command's baseline flags.
func baselineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "baseline", Usage: "report findings and evidence gaps recorded in `FILE` as baselined: they do not fail the run unless a finding's value changed"},
		&cli.StringFlag{Name: "write-baseline", Usage: "record this run's findings and evidence gaps in `FILE` (sorted JSON, no line numbers, no values)"},
	}
}

// applyBaselineFlags handles --write-baseline and --baseline on a judged
// run, before the exit code is decided. The baseline is written from the
// run as the policy judged it, before any baseline, so that writing and
// reading one file in a single run records the present state. It returns
// the run judged against the --baseline file, and that file's bytes (nil
// without --baseline), for the report's evidence.
func applyBaselineFlags(c *cli.Context, res *judge.Result, reads readFiles) (*judge.Result, []byte, error) {
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
	return res.AgainstBaseline(f), data, nil
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
