package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/urfave/cli/v2"
)

// inputFlags are the flags of the commands that read snapshots: how far
// the walk may reach and how much it may read.
func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "follow-links", Usage: "read files that symbolic links in a snapshot lead to outside it (default: such a link is an input problem and is not read)"},
		&cli.StringFlag{Name: "max-snapshot-size", Value: formatSize(inputs.DefaultMaxTotalSize), Usage: "refuse a snapshot whose files add up to more than `SIZE` (bytes, or with KiB, MiB, GiB)"},
	}
}

// loadOptions reads the input flags.
func loadOptions(c *cli.Context) (inputs.LoadOptions, error) {
	size, err := parseSize(c.String("max-snapshot-size"))
	if err != nil {
		return inputs.LoadOptions{}, usageErrorf("%s: --max-snapshot-size: %v", c.Command.Name, err)
	}
	return inputs.LoadOptions{FollowLinks: c.Bool("follow-links"), MaxTotalSize: size}, nil
}

// loadSnapshot reads a snapshot directory with the command's input flags
// and the inventory a policy states (its host and cluster blocks). A path
// that does not exist or is a file is a usage error (exit 3); a
// directory that cannot be read at all, or holds more than the size
// limit, is an input problem (exit 2).
func loadSnapshot(c *cli.Context, dir string, inv inputs.Inventory) (*inputs.Snapshot, error) {
	opts, err := loadOptions(c)
	if err != nil {
		return nil, err
	}
	opts.Inventory = inv
	if err := checkSnapshotDir(c, dir); err != nil {
		return nil, err
	}
	snap, err := inputs.LoadWith(dir, opts)
	if err != nil {
		if errors.Is(err, inputs.ErrNotSnapshot) || errors.Is(err, inputs.ErrTooLarge) {
			return nil, inputErrorf("cannot read snapshot %s: %v", dir, err)
		}
		return nil, internalErrorf("loading %s: %v", dir, err)
	}
	return snap, nil
}

// checkSnapshotDir refuses a path that names no directory: a mistyped
// argument, not unreadable evidence, so a usage error before anything is
// read.
func checkSnapshotDir(c *cli.Context, dir string) error {
	if st, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return usageErrorf("%s: snapshot %s does not exist (see bwlint %s --help)", c.Command.Name, dir, c.Command.Name)
	} else if err == nil && !st.IsDir() {
		return usageErrorf("%s: snapshot %s is a file; name the snapshot directory (see bwlint %s --help)", c.Command.Name, dir, c.Command.Name)
	}
	return nil
}

var sizeUnits = []struct {
	suffix string
	shift  uint
}{{"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"TiB", 40}}

// parseSize reads "1073741824", "512MiB" or "2GiB".
func parseSize(s string) (int64, error) {
	num, shift := strings.TrimSpace(s), uint(0)
	for _, u := range sizeUnits {
		if n, ok := strings.CutSuffix(num, u.suffix); ok {
			num, shift = strings.TrimSpace(n), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)>>shift {
		return 0, fmt.Errorf("%q is no size: want a positive number of bytes, or one with KiB, MiB or GiB, such as 2GiB", s)
	}
	return n << shift, nil
}

// formatSize writes a size the way parseSize reads it, in the largest
// unit that divides it.
func formatSize(n int64) string {
	for i := len(sizeUnits) - 1; i >= 0; i-- {
		if u := sizeUnits[i]; n%(1<<u.shift) == 0 {
			return strconv.FormatInt(n>>u.shift, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}
