package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs/bounded"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/urfave/cli/v2"
)

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a commented starter " + config.FileName,
		ArgsUsage: "[DIR]",
		Description: "Writes " + config.FileName + " into DIR (default: the current directory): the lint block with\n" +
			"its defaults, every check's block with its options commented out, and commented examples of\n" +
			"host, cluster, waiver and rule blocks. As written it changes nothing; see docs/config.md.\n\n" +
			"An existing file is never overwritten unless --force is given.",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "force", Usage: "overwrite an existing " + config.FileName},
		},
		Action: runInit,
	}
}

func runInit(c *cli.Context) error {
	dir := "."
	switch c.NArg() {
	case 0:
	case 1:
		dir = c.Args().First()
	default:
		return usageErrorf("init: takes at most one DIR argument, got %d", c.NArg())
	}
	path := filepath.Join(dir, config.FileName)
	// O_EXCL makes "does it exist?" and "create it" one step, so a file
	// that appears in between is not overwritten either.
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if c.Bool("force") {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	switch {
	case errors.Is(err, fs.ErrExist):
		return usageErrorf("init: %s already exists; edit it, or use --force to replace it with the starter", path)
	case err != nil:
		return usageErrorf("init: cannot create %s: %v", path, bounded.WithoutPath(err))
	}
	_, werr := f.Write(config.Starter(checks.All()))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return usageErrorf("init: writing %s: %v", path, werr)
	}
	_, err = fmt.Fprintf(stdout(c), "wrote %s; edit it, then run: bwlint lint SNAPSHOT\n", path)
	return err
}
