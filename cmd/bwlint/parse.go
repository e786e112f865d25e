package main

import (
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint/report"
	"github.com/urfave/cli/v2"
)

func parseCommand() *cli.Command {
	return &cli.Command{
		Name:      "parse",
		Usage:     "show what bwlint understood of a snapshot",
		ArgsUsage: "SNAPSHOT",
		Description: "Prints the hosts with their roles and releases, every captured context with its values and\n" +
			"tables, the Partner Hub files, tag sets and custom tags, device types, users, what each OCI-P\n" +
			"capture, user export, Meetings Server file and PSLog excerpt gave, the conflicts between\n" +
			"channels, each file's status, what became of each line of a transcript, and every input\n" +
			"problem with its position. The policy file, found as lint finds it, lends its host and\n" +
			"cluster blocks (roles, releases, cluster members), and the output says so. Exits 2 when any\n" +
			"input problem is an error, 3 when the policy file has errors.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of stdout"},
			&cli.StringFlag{Name: "config", Usage: "apply the host and cluster blocks of the policy in `FILE` (default: $BWLINT_CONFIG, ./.bwlint.hcl, then SNAPSHOT/.bwlint.hcl)"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			dir, err := oneArg(c, "SNAPSHOT")
			if err != nil {
				return err
			}
			if err := checkWritesOutside(c, dir); err != nil {
				return err
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usageErrorf("parse: unknown format %q: use text or json", format)
			}
			cfg, _, err := loadPolicy(c, dir)
			if err != nil {
				return err
			}
			snap, err := loadWithPolicy(c, cfg, dir, "")
			if err != nil {
				return err
			}
			var opts report.ParseOptions
			if cfg.HasInventory() {
				opts.Inventory = cfg.Path()
			}
			out := &output{path: c.String("output"), stdout: stdout(c), reads: readFiles{snapshots: []*inputs.Snapshot{snap}, files: []string{cfg.Path()}}}
			if format == "json" {
				err = report.ParseJSON(out.Writer(), snap, opts)
			} else {
				err = report.ParseText(out.Writer(), snap, opts)
			}
			if err != nil {
				return internalErrorf("writing output: %v", err)
			}
			if err := out.Close(); err != nil {
				return err
			}
			switch {
			case snap.HasInternalErrors():
				return exitWith(exitInternal)
			case snap.HasErrors():
				return exitWith(exitInput)
			}
			return nil
		},
	}
}
