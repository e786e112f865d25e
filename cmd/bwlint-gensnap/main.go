// Command bwlint-gensnap writes a generated snapshot of a service
// provider's deployment, for measuring bwlint at that scale (see
// docs/performance.md):
//
//	go run ./cmd/bwlint-gensnap -xsp 300 -as 100 -tagsets 300 -seed 1 /tmp/sp
//
// The same flags write byte-identical files. The directory must not
// exist or be empty, so that no earlier snapshot's files mix in.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/bwlint/bwlint/lint/linttest"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bwlint-gensnap", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var s linttest.SPSnapshot
	fs.IntVar(&s.XSPs, "xsp", 300, "number of XSPs")
	fs.IntVar(&s.ASes, "as", 100, "number of Application Servers")
	fs.IntVar(&s.TagSets, "tagsets", 300, "number of device-management tag sets")
	fs.IntVar(&s.Clusters, "clusters", 0, "number of AS clusters (0: one per ten ASes)")
	fs.Uint64Var(&s.Seed, "seed", 1, "seed of every choice; the same seed writes the same bytes")
	fs.BoolVar(&s.Repaired, "repaired", false, "write the snapshot with its broken hosts and tag sets repaired (the after of a review)")
	scale := fs.Int("scale", 1, "multiply the numbers of hosts, tag sets and clusters")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bwlint-gensnap [flags] DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 3
	}
	if fs.NArg() != 1 || *scale < 1 {
		fs.Usage()
		return 3
	}
	dir := fs.Arg(0)
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "bwlint-gensnap: %s is not empty\n", dir)
		return 3
	}
	st, err := s.Scaled(*scale).Write(dir)
	if err != nil {
		fmt.Fprintf(stderr, "bwlint-gensnap: %v\n", err)
		return 4
	}
	fmt.Fprintf(stdout, "%d files, %d bytes\n", st.Files, st.Bytes)
	return 0
}
