package main

import (
	"context"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/report"
	"github.com/urfave/cli/v2"
)

// policyFlags are the flags of the commands that apply the policy file.
// root names the snapshot argument whose root is searched for the file.
func policyFlags(root string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "read the policy from `FILE` (default: $BWLINT_CONFIG, ./.bwlint.hcl, then " + root + "/.bwlint.hcl)"},
		&cli.BoolFlag{Name: "no-waivers", Usage: "apply no waiver: report every finding unwaived, for audits"},
		&cli.StringFlag{Name: "as-of", Usage: "judge waiver expiry as of `YYYY-MM-DD` instead of today, to reproduce an earlier report"},
	}
}

// sarifFlags are the flags of the commands that write SARIF; formats
// names the formats whose paths --sarif-root sets.
func sarifFlags(formats string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "sarif-root", Usage: "make " + formats + " paths relative to `DIR` (default: the current directory, normally the repository checkout)"},
		&cli.StringFlag{Name: "sarif-category", Usage: "SARIF automationDetails.id, to tell runs of different configurations apart in code scanning"},
		&cli.StringFlag{Name: "sarif-profile", Value: report.SARIFProfileGitHub, Usage: "github (waived and fixed findings left out) or audit (all findings, waived ones with suppressions, fixed ones absent)"},
	}
}

// checkSARIFProfile rejects an unknown --sarif-profile before any work is
// done, rather than after the checks ran.
func checkSARIFProfile(c *cli.Context) error {
	if p := c.String("sarif-profile"); !slices.Contains(report.SARIFProfiles, p) {
		return usageErrorf("%s: --sarif-profile: unknown profile %q: use %s", c.Command.Name, p, strings.Join(report.SARIFProfiles, " or "))
	}
	return nil
}

// sarifOptions are the SARIF flags as report options.
func sarifOptions(c *cli.Context, o report.Options) report.Options {
	o.SARIFRoot, o.SARIFCategory, o.SARIFProfile = c.String("sarif-root"), c.String("sarif-category"), c.String("sarif-profile")
	return o
}

// missingEvidenceFlag is the flag of lint and diff that says what an
// evidence gap does to the exit code.
func missingEvidenceFlag() cli.Flag {
	return &cli.StringFlag{Name: "missing-evidence", Value: "fail",
		Usage: "what an evidence gap (a check that applies but lacks a capture) does: fail (exit code 2) or report (the findings decide the exit code); default fail, or the policy's missing_evidence"}
}

// runSettings are what the flags lint and diff share decide about a run.
type runSettings struct {
	threshold lint.Threshold // --fail-on; the policy may set it instead
	// missing is --missing-evidence; the policy may set it instead.
	missing lint.MissingEvidence
	start   time.Time // when the run began
	day     time.Time // the day waivers are judged on
}

// runFlags checks the flags lint and diff share before any work is done:
// --fail-on, --missing-evidence, --sarif-profile, --sarif-root and --as-of.
func runFlags(c *cli.Context) (runSettings, error) {
	t, err := lint.ParseThreshold(c.String("fail-on"))
	if err != nil {
		return runSettings{}, usageErrorf("%s: --fail-on: %v", c.Command.Name, err)
	}
	missing, err := lint.ParseMissingEvidence(c.String("missing-evidence"))
	if err != nil {
		return runSettings{}, usageErrorf("%s: --missing-evidence: %v", c.Command.Name, err)
	}
	if err := checkSARIFProfile(c); err != nil {
		return runSettings{}, err
	}
	if err := checkReportRoot(c); err != nil {
		return runSettings{}, err
	}
	start := time.Now()
	day, err := asOf(c, start)
	return runSettings{threshold: t, missing: missing, start: start, day: day}, err
}

// asOf is the day waivers are judged on: --as-of, else today.
func asOf(c *cli.Context, today time.Time) (time.Time, error) {
	v := c.String("as-of")
	if v == "" {
		return today, nil
	}
	day, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, usageErrorf("%s: --as-of %q: want a date such as 2026-11-22", c.Command.Name, v)
	}
	return day, nil
}

// loadPolicy finds and decodes the policy file: --config, else
// $BWLINT_CONFIG, else ./.bwlint.hcl, else .bwlint.hcl at root. found
// says which and why. Its problems are printed as positioned diagnostics
// and end the run with exit code 3. A file in the working directory that
// shadows the snapshot's own is a warning on stderr, as it is in every
// report.
func loadPolicy(c *cli.Context, root string) (cfg *config.Config, found config.Discovery, err error) {
	found, err = config.Discover(c.String("config"), os.Getenv(config.EnvVar), ".", root)
	if err != nil {
		return nil, found, usageErrorf("%s: %v", c.Command.Name, err)
	}
	if found.Shadowed != "" {
		warnf(c, "%s: warning: the policy %s in the working directory applies, not the snapshot's own %s; name the one you mean with --config",
			c.Command.Name, source.Printable(found.Path), source.Printable(found.Shadowed))
	}
	cfg, diags := config.Load(found.Path, checks.Catalog())
	if diags.HasErrors() {
		_ = config.WriteDiagnostics(c.App.ErrWriter, diags, cfg.Files(), colorFor(c, c.App.ErrWriter))
		return nil, found, usageErrorf("%s: the policy file %s has errors (see above)", c.Command.Name, found.Path)
	}
	return cfg, found, nil
}

// policyInfo is the policy a run applied, as reports name it, with the
// digest of the bytes read.
func policyInfo(d config.Discovery, cfg *config.Config) report.Policy {
	p := report.Policy{Path: d.Path, Origin: string(d.Origin), Reason: d.Reason(), Shadowed: d.Shadowed}
	if f := cfg.Files()[cfg.Path()]; cfg.Path() != "" && f != nil {
		p.SHA256 = report.NewEvidenceFile(cfg.Path(), report.EvidencePolicy, false, f.Bytes).SHA256
	}
	return p
}

// policyEvidence is the policy file as evidence of a run on the snapshot
// at dir: its path relative to the snapshot root, as findings located in
// it name it, and the digest of the bytes read; none without a policy.
func policyEvidence(dir string, cfg *config.Config, found config.Discovery) []report.EvidenceFile {
	f := cfg.Files()[cfg.Path()]
	if cfg.Path() == "" || f == nil {
		return nil
	}
	return []report.EvidenceFile{report.NewEvidenceFile(snapshotRelative(dir, cfg.Path()), report.EvidencePolicy, found.Explicit(), f.Bytes)}
}

// typedArgs is the key of the app's metadata that holds the command line
// as typed.
const typedArgs = "args"

// invocation is how bwlint was called, as reports record it.
func invocation(c *cli.Context) report.Invocation {
	args, _ := c.App.Metadata[typedArgs].([]string)
	return report.Invocation{Arguments: args, AsOf: c.String("as-of"), NoWaivers: c.Bool("no-waivers")}
}

// failOn is the run's failure threshold: --fail-on when given, else the
// policy's fail_on, else the flag's default.
func failOn(c *cli.Context, cfg *config.Config, flag lint.Threshold) lint.Threshold {
	if t, ok := cfg.FailOn(); ok && !c.IsSet("fail-on") {
		return t
	}
	return flag
}

// missingEvidence is what the run does with an evidence gap:
// --missing-evidence when given, else the policy's missing_evidence, else
// fail.
func missingEvidence(c *cli.Context, cfg *config.Config, flag lint.MissingEvidence) lint.MissingEvidence {
	if m, ok := cfg.MissingEvidence(); ok && !c.IsSet("missing-evidence") {
		return m
	}
	return flag
}

// checkAuditOwners rejects a policy with a waiver that names no owner
// when an audit report is to be written and waivers apply, with
// positioned diagnostics and exit code 3, before anything runs: the audit
// profile records who answers for every waiver.
func checkAuditOwners(c *cli.Context, cfg *config.Config, audit bool) error {
	if !audit || c.Bool("no-waivers") {
		return nil
	}
	diags := cfg.CheckOwners("the SARIF audit profile")
	if len(diags) == 0 {
		return nil
	}
	_ = config.WriteDiagnostics(c.App.ErrWriter, diags, cfg.Files(), colorFor(c, c.App.ErrWriter))
	return usageErrorf("%s: the policy file %s has a waiver without an owner, which an audit report cannot record (see above)", c.Command.Name, cfg.Path())
}

// checkPolicyHosts rejects a policy whose not_applicable statements name
// hosts that none of the run's snapshots knows, with positioned
// diagnostics and exit code 3.
func checkPolicyHosts(c *cli.Context, cfg *config.Config, snaps ...*inputs.Snapshot) error {
	diags := cfg.CheckHosts(snaps...)
	if len(diags) == 0 {
		return nil
	}
	_ = config.WriteDiagnostics(c.App.ErrWriter, diags, cfg.Files(), colorFor(c, c.App.ErrWriter))
	return usageErrorf("%s: the policy file %s has errors (see above)", c.Command.Name, cfg.Path())
}

// loadWithPolicy reads a snapshot with the policy's host and cluster
// blocks; their warnings (a block for a host the snapshot lacks) go to
// stderr, after heading when one is given.
func loadWithPolicy(c *cli.Context, cfg *config.Config, dir, heading string) (*inputs.Snapshot, error) {
	snap, err := loadSnapshot(c, dir, cfg.Inventory())
	if err != nil {
		return nil, err
	}
	checkInventory(c, cfg, snap, heading)
	return snap, nil
}

// checkInventory writes, under heading, what the policy's hosts and
// clusters say of snap that does not fit it.
func checkInventory(c *cli.Context, cfg *config.Config, snap *inputs.Snapshot, heading string) {
	if diags := cfg.CheckInventory(snap); len(diags) > 0 && !quiet(c) {
		writeHeading(c.App.ErrWriter, heading)
		_ = config.WriteDiagnostics(c.App.ErrWriter, diags, cfg.Files(), colorFor(c, c.App.ErrWriter))
	}
}

// lintWithPolicy runs the policy's checks on snap with their settings,
// and judges the run by its waivers as of day unless --no-waivers is set.
func lintWithPolicy(c *cli.Context, cfg *config.Config, snap *inputs.Snapshot, day time.Time) *judge.Result {
	res := judge.New(lint.Run(context.Background(), snap, cfg.Checks(), cfg.Settings()), checks.Notes())
	if c.Bool("no-waivers") {
		return res
	}
	return res.Waive(cfg.Policy(day))
}

func writeHeading(w io.Writer, heading string) {
	if heading != "" {
		_, _ = io.WriteString(w, source.Printable(heading)+"\n")
	}
}
