package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/report"
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
		Flags: []cli.Flag{policyFlag,
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"}},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErrorf("checks: takes no argument, got %s (see bwlint checks --help)", strings.Join(c.Args().Slice(), " "))
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usageErrorf("checks: unknown format %q: use text or json", format)
			}
			known, err := knownChecks(c)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(stdout(c), checksJSON(known))
			}
			tw := tabwriter.NewWriter(stdout(c), 0, 4, 2, ' ', 0)
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
		Usage:     "print a check's documentation, a site rule's too, or what an error code or message means",
		ArgsUsage: `CHECK | CODE | "MESSAGE FRAGMENT"`,
		Description: "Prints the check's documentation, or the entry of an error code (an activation portal code,\n" +
			"[Error 18215], an HTTP status of the provisioning bridge) or of the code whose message holds\n" +
			"the words given, laid out for the terminal (wrapped to $COLUMNS, else the terminal's width,\n" +
			"else 80); --markdown prints the Markdown source, as docs/checks/ and docs/codes.md have it.\n" +
			"A name that is not a check's is answered with the checks it starts, or names, or nearly is.",
		Flags: []cli.Flag{policyFlag,
			&cli.BoolFlag{Name: "markdown", Usage: "print the documentation as Markdown, not laid out for a terminal"}},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageErrorf("explain: missing CHECK, CODE or MESSAGE argument (see bwlint explain --help)")
			}
			// Words of a message may come unquoted: they are one query.
			name := strings.Join(c.Args().Slice(), " ")
			known, err := knownChecks(c)
			if err != nil {
				return err
			}
			text := ""
			if i := slices.IndexFunc(known, func(ch *lint.Check) bool { return ch.Name == name }); i >= 0 {
				text = known[i].Markdown()
			} else if looksLikeCheckName(name) || namesPartOfCheck(name, known) {
				return usageErrorf("explain: unknown check %q%s (bwlint checks lists them)", name, suggest(name, checkNames(known)))
			} else if text, _ = explainCode(name, known); text == "" {
				return usageErrorf("explain: %q is no check, no code and no part of a code's message%s%s (bwlint checks lists the checks, docs/codes.md the codes)",
					name, suggestCodes(name), suggest(name, checkNames(known)))
			}
			if c.Bool("markdown") {
				_, err = fmt.Fprint(stdout(c), source.PrintableLines(text))
				return err
			}
			_, err = fmt.Fprint(stdout(c), report.TerminalMarkdown(text, textWidth(c.App.Writer), colorFor(c, c.App.Writer)))
			return err
		},
	}
}

// checksReport is the checks command's JSON
// (docs/schemas/checks.schema.json).
type checksReport struct {
	Version int         `json:"version"`
	Kind    string      `json:"kind"`
	Tool    jsonTool    `json:"tool"`
	Checks  []checkJSON `json:"checks"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type checkJSON struct {
	Name     string   `json:"name"`
	Title    string   `json:"title"`
	Severity string   `json:"severity"`
	Tags     []string `json:"tags"`
	// HelpURI is the check's documentation page: for a site rule, the
	// page that explains rule blocks (bwlint explain shows the rule's own).
	HelpURI string `json:"help_uri"`
}

func checksJSON(known []*lint.Check) checksReport {
	out := checksReport{Version: 1, Kind: "checks", Tool: jsonTool{Name: lint.ToolName, Version: lint.Version}, Checks: []checkJSON{}}
	for _, ch := range known {
		out.Checks = append(out.Checks, checkJSON{Name: ch.Name, Title: ch.Title, Severity: ch.Severity.String(),
			Tags: append([]string{}, ch.Tags...), HelpURI: report.HelpURI(ch)})
	}
	return out
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

func checkNames(cs []*lint.Check) []string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return names
}

// suggest names what a misspelt or shortened name may have meant, as the
// end of a message: every known name that starts with it (up to five),
// else every one that holds it as a whole part ("cert" in
// "xsp_certificate_auth_flags" does not; "certificate" does), else the
// closest one by edit distance, when it is close enough.
func suggest(name string, known []string) string {
	lower := strings.ToLower(name)
	var prefixed []string
	for _, k := range known {
		if lower != "" && strings.HasPrefix(k, lower) {
			prefixed = append(prefixed, k)
		}
	}
	if len(prefixed) == 0 && lower != "" {
		for _, k := range known {
			if strings.Contains("_"+k+"_", "_"+strings.Trim(lower, "_")+"_") {
				prefixed = append(prefixed, k)
			}
		}
	}
	switch {
	case len(prefixed) == 1:
		return fmt.Sprintf("; did you mean %q?", prefixed[0])
	case len(prefixed) > 5:
		return fmt.Sprintf("; %d start with %q, such as %s", len(prefixed), name, quoteAll(prefixed[:5]))
	case len(prefixed) > 1:
		return fmt.Sprintf("; did you mean one of %s?", quoteAll(prefixed))
	}
	if best := config.Closest(name, known); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}
