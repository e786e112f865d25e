package main

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/agext/levenshtein"
	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/baseline"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/urfave/cli/v2"
)

func checksCommand() *cli.Command {
	return &cli.Command{
		Name:  "checks",
		Usage: "list the checks",
		Action: func(c *cli.Context) error {
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CHECK\tSEVERITY\tTITLE")
			for _, ch := range knownChecks() {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", ch.Name, ch.Severity, ch.Title)
			}
			return tw.Flush()
		},
	}
}

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "print a check's documentation",
		ArgsUsage: "CHECK",
		Action: func(c *cli.Context) error {
			name, err := oneArg(c, "CHECK")
			if err != nil {
				return err
			}
			ch := findCheck(name)
			if ch == nil {
				return usageErrorf("explain: unknown check %q%s (bwlint checks lists them)", name, didYouMean(name))
			}
			_, err = fmt.Fprint(c.App.Writer, ch.Markdown())
			return err
		},
	}
}

// knownChecks are the built-in checks and the policy's own checks
// (config_waiver_expired, config_waiver_unused, baseline_entry_unused), in
// name order.
func knownChecks() []*lint.Check {
	all := append(append(checks.All(), config.Checks()...), baseline.UnusedCheck)
	slices.SortFunc(all, func(a, b *lint.Check) int { return strings.Compare(a.Name, b.Name) })
	return all
}

func findCheck(name string) *lint.Check {
	for _, c := range knownChecks() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// didYouMean suggests the closest check name to a misspelt one.
func didYouMean(name string) string {
	best, bestDist := "", 0
	for _, c := range knownChecks() {
		d := levenshtein.Distance(strings.ToLower(name), c.Name, nil)
		if best == "" || d < bestDist {
			best, bestDist = c.Name, d
		}
	}
	if best != "" && bestDist <= max(3, len(name)/3) {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}
