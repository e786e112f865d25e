package main

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/urfave/cli/v2"
)

// policyFlag lets checks and explain know a policy's site rules. Without
// it they look where lint does, but for a snapshot root: $BWLINT_CONFIG,
// then ./.bwlint.hcl.
var policyFlag = &cli.StringFlag{Name: "config", Usage: "also list the site rules of the policy in `FILE` (default: $BWLINT_CONFIG, then ./.bwlint.hcl)"}

func checksCommand() *cli.Command {
	return &cli.Command{
		Name:  "checks",
		Usage: "list the checks: built-in, the policy's own, and the policy file's site rules",
		Flags: []cli.Flag{policyFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErrorf("checks: takes no argument, got %s (see bwlint checks --help)", strings.Join(c.Args().Slice(), " "))
			}
			known, err := knownChecks(c)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CHECK\tSEVERITY\tTITLE")
			for _, ch := range known {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", source.Printable(ch.Name), ch.Severity, source.Printable(ch.Title))
			}
			return tw.Flush()
		},
	}
}

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "print a check's documentation, a site rule's too",
		ArgsUsage: "CHECK",
		Flags:     []cli.Flag{policyFlag},
		Action: func(c *cli.Context) error {
			name, err := oneArg(c, "CHECK")
			if err != nil {
				return err
			}
			known, err := knownChecks(c)
			if err != nil {
				return err
			}
			i := slices.IndexFunc(known, func(ch *lint.Check) bool { return ch.Name == name })
			if i < 0 {
				return usageErrorf("explain: unknown check %q%s (bwlint checks lists them)", name, didYouMean(name, known))
			}
			_, err = fmt.Fprint(c.App.Writer, source.PrintableLines(known[i].Markdown()))
			return err
		},
	}
}

// knownChecks are the built-in checks, the policy's own checks
// (config_waiver_expired, config_waiver_unused, baseline_entry_unused) and
// the site rules of the policy file, if one is found, in name order.
func knownChecks(c *cli.Context) ([]*lint.Check, error) {
	cfg, _, err := loadPolicy(c, "")
	if err != nil {
		return nil, err
	}
	all := append(cfg.AllChecks(), checks.Notes().BaselineEntryUnused)
	slices.SortFunc(all, func(a, b *lint.Check) int { return strings.Compare(a.Name, b.Name) })
	return all, nil
}

// didYouMean suggests the closest check name to a misspelt one.
func didYouMean(name string, known []*lint.Check) string {
	names := make([]string, len(known))
	for i, c := range known {
		names[i] = c.Name
	}
	if best := config.Closest(name, names); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}
