package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/report"
	"github.com/urfave/cli/v2"
)

// ConfigJSONVersion is the version of the config command's JSON
// (docs/schemas/config.schema.json).
const configJSONVersion = 1

func configCommand() *cli.Command {
	return &cli.Command{
		Name:      "config",
		Usage:     "show the policy file a lint of SNAPSHOT would apply, why that one, and what it sets",
		ArgsUsage: "[SNAPSHOT]",
		Description: "Finds the policy file as lint does (--config FILE, else $BWLINT_CONFIG, else ./.bwlint.hcl,\n" +
			"else SNAPSHOT/.bwlint.hcl) and prints its path, why it was chosen, and the settings in effect:\n" +
			"fail_on, missing_evidence, fail_on_stale_baseline, accept_new_waivers and mask_personal_data, every check with whether it runs, its severity, its options and\n" +
			"the hosts it does not apply to, the host and cluster blocks, and the waivers with their expiry\n" +
			"(as of today, or --as-of). A value the file does not set shows its default.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
			&cli.StringFlag{Name: "config", Usage: "read the policy from `FILE` (default: $BWLINT_CONFIG, ./.bwlint.hcl, then SNAPSHOT/.bwlint.hcl)"},
			&cli.StringFlag{Name: "as-of", Usage: "judge waiver expiry as of `YYYY-MM-DD` instead of today"},
		},
		Action: runConfig,
	}
}

// configReport is the config command's JSON.
type configReport struct {
	Version int           `json:"version"`
	Kind    string        `json:"kind"`
	Tool    jsonTool      `json:"tool"`
	Policy  report.Policy `json:"policy"`
	config.Effective
}

func runConfig(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageErrorf("config: unknown format %q: use text or json", format)
	}
	root := ""
	switch c.NArg() {
	case 0:
	case 1:
		root = c.Args().First()
	default:
		return usageErrorf("config: takes at most one SNAPSHOT argument, got %d", c.NArg())
	}
	day, err := asOf(c, time.Now())
	if err != nil {
		return err
	}
	cfg, found, err := loadPolicy(c, root)
	if err != nil {
		return err
	}
	eff := cfg.Effective(day)
	policy := policyInfo(found, cfg)
	if format == "json" {
		rep := configReport{Version: configJSONVersion, Kind: "config", Tool: jsonTool{Name: lint.ToolName, Version: lint.Version}, Policy: policy, Effective: eff}
		return writeJSON(stdout(c), rep)
	}
	return writeConfigText(c, policy, eff, day)
}

func writeConfigText(c *cli.Context, policy report.Policy, e config.Effective, day time.Time) error {
	tw := tabwriter.NewWriter(stdout(c), 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format+"\n", source.PrintableArgs(args)...) }
	p("Policy: %s", policy.Describe())
	p("")
	p("fail_on\t%s (%s)", e.FailOn.Value, e.FailOn.Source)
	p("missing_evidence\t%s (%s)", e.MissingEvidence.Value, e.MissingEvidence.Source)
	p("fail_on_stale_baseline\t%s (%s)", e.FailOnStaleBaseline.Value, e.FailOnStaleBaseline.Source)
	p("accept_new_waivers\t%s (%s)", e.AcceptNewWaivers.Value, e.AcceptNewWaivers.Source)
	p("mask_personal_data\t%s (%s)", e.MaskPersonalData.Value, e.MaskPersonalData.Source)
	p("")
	p("CHECK\tRUNS\tSEVERITY\tORIGIN")
	for _, ch := range e.Checks {
		runs := "yes"
		if !ch.Enabled {
			runs = "no"
		}
		p("%s\t%s\t%s (%s)\t%s", ch.Name, runs, ch.Severity.Value, ch.Severity.Source, strings.ReplaceAll(ch.Origin, "_", "-"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	w := stdout(c)
	line := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", source.PrintableArgs(args)...) }
	heading := false
	for _, ch := range e.Checks {
		if len(ch.Options) == 0 && len(ch.NotApplicable) == 0 {
			continue
		}
		if !heading {
			line("\nOptions and scope")
			heading = true
		}
		line("  %s", ch.Name)
		for _, o := range ch.Options {
			from := "default"
			if o.Set {
				from = "policy"
			}
			line("    %s = %s (%s)", o.Name, o.Value, from)
		}
		if len(ch.NotApplicable) > 0 {
			line("    not applicable to %s", strings.Join(ch.NotApplicable, ", "))
		}
	}
	if len(e.Hosts) > 0 {
		line("\nHosts")
		for _, h := range e.Hosts {
			line("  %s: role %s, release %s", h.Name, orUnset(h.Role), orUnset(h.Release))
		}
	}
	if len(e.Clusters) > 0 {
		line("\nClusters")
		for _, cl := range e.Clusters {
			line("  %s: XSPs %s; Application Servers %s", cl.Name, orUnset(strings.Join(cl.XSPs, ", ")), orUnset(strings.Join(cl.ApplicationServers, ", ")))
		}
	}
	line("\nWaivers (as of %s)", day.Format(time.DateOnly))
	if len(e.Waivers) == 0 {
		line("  none")
	}
	for _, wv := range e.Waivers {
		hosts := "every host"
		if len(wv.Hosts) > 0 {
			hosts = strings.Join(wv.Hosts, ", ")
		}
		state := "holds through " + wv.Expires
		if wv.Expired {
			state = "EXPIRED after " + wv.Expires
		}
		owner := "owner " + orUnset(wv.Owner)
		if wv.ApprovedBy != "" {
			owner += ", approved by " + wv.ApprovedBy
		}
		if wv.Granted != "" {
			owner += " on " + wv.Granted
		}
		line("  %s: %s on %s, %s, %s: %s", wv.Name, wv.Check, hosts, state, owner, wv.Reason)
	}
	return nil
}

// writeJSON writes v as indented JSON, as the reports are written.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func orUnset(s string) string {
	if s == "" {
		return "(not set)"
	}
	return s
}
