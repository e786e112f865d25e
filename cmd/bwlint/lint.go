package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/report"
	"github.com/urfave/cli/v2"
)

func lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "run the checks on a snapshot and report findings",
		ArgsUsage: "SNAPSHOT",
		Description: "Runs every check on the snapshot directory and reports findings, checks that could not be\n" +
			"evaluated for lack of evidence, and input problems.\n\n" +
			"Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 input problems (even when\n" +
			"findings exist, which are still reported); 3 usage or configuration error; 4 a check failed.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: " + joinNames(report.Names())},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of stdout"},
			&cli.StringFlag{Name: "fail-on", Value: "warning", Usage: "lowest severity that fails the run: error, warning, note or none"},
			&cli.StringSliceFlag{Name: "report", Usage: "also write a report in `FORMAT=FILE` (repeatable), e.g. --report sarif=out.sarif --report junit=junit.xml"},
			&cli.StringFlag{Name: "sarif-root", Usage: "make SARIF, JUnit, GitHub and code-quality paths relative to `DIR` (default: the current directory, normally the repository checkout)"},
			&cli.StringFlag{Name: "sarif-category", Usage: "SARIF automationDetails.id, to tell runs of different configurations apart in code scanning"},
			&cli.StringFlag{Name: "sarif-profile", Value: report.SARIFProfileGitHub, Usage: "github (waived findings left out) or audit (all findings, waived ones with suppressions)"},
			&cli.StringFlag{Name: "config", Usage: "read the policy from `FILE` (default: $BWLINT_CONFIG, ./.bwlint.hcl, then SNAPSHOT/.bwlint.hcl)"},
			&cli.BoolFlag{Name: "no-waivers", Usage: "apply no waiver: report every finding unwaived, for audits"},
			&cli.StringFlag{Name: "as-of", Usage: "judge waiver expiry as of `YYYY-MM-DD` instead of today, to reproduce an earlier report"},
		}, baselineFlags()...),
		Action: runLint,
	}
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

func runLint(c *cli.Context) error {
	dir, err := oneArg(c, "SNAPSHOT")
	if err != nil {
		return err
	}
	targets, err := reportTargets(c)
	if err != nil {
		return err
	}
	if err := checkReportRoot(c); err != nil {
		return err
	}
	flagThreshold, err := lint.ParseThreshold(c.String("fail-on"))
	if err != nil {
		return usageErrorf("lint: --fail-on: %v", err)
	}
	if p := c.String("sarif-profile"); !slices.Contains(report.SARIFProfiles, p) {
		return usageErrorf("lint: --sarif-profile: unknown profile %q: use %s", p, strings.Join(report.SARIFProfiles, " or "))
	}
	start := time.Now()
	asOf := start
	if v := c.String("as-of"); v != "" {
		if asOf, err = time.Parse(time.DateOnly, v); err != nil {
			return usageErrorf("lint: --as-of %q: want a date such as 2026-11-22", v)
		}
	}
	snap, err := loadSnapshot(dir)
	if err != nil {
		return err
	}
	cfg, explicitPolicy, err := loadPolicy(c, dir)
	if err != nil {
		return err
	}
	threshold := flagThreshold
	if t, ok := cfg.FailOn(); ok && !c.IsSet("fail-on") {
		threshold = t // the policy's fail_on, unless the flag overrides it
	}
	if diags := cfg.ApplyInventory(snap); len(diags) > 0 {
		_ = config.WriteDiagnostics(c.App.ErrWriter, diags, cfg.Files(), colorFor(c.App.ErrWriter))
	}
	res := lint.Run(context.Background(), snap, cfg.Checks(), cfg.Settings())
	if !c.Bool("no-waivers") {
		cfg.ApplyWaivers(res, asOf)
	}
	baselineData, err := applyBaselineFlags(c, res)
	if err != nil {
		return err
	}
	relocate(res, dir, cfg.Path(), c.String("baseline"))
	var evidence []report.EvidenceFile
	if f := cfg.Files()[cfg.Path()]; cfg.Path() != "" && f != nil {
		evidence = append(evidence, report.NewEvidenceFile(snapshotRelative(dir, cfg.Path()), report.EvidencePolicy, explicitPolicy, f.Bytes))
	}
	if baselineData != nil {
		evidence = append(evidence, report.NewEvidenceFile(snapshotRelative(dir, c.String("baseline")), report.EvidenceBaseline, true, baselineData))
	}
	code := res.ExitCode(threshold)
	opts := report.Options{
		Snapshot: snap, Threshold: threshold, ExitCode: code, Start: start, End: time.Now(),
		SARIFRoot: c.String("sarif-root"), SARIFCategory: c.String("sarif-category"), SARIFProfile: c.String("sarif-profile"),
		Evidence: evidence,
	}
	warnOutsideRoot(c, targets, opts)
	if err := writeReports(c, targets, res, opts); err != nil {
		return err
	}
	return exitWith(code)
}

// loadPolicy finds and decodes the policy file; explicit says whether the
// user named it (--config, $BWLINT_CONFIG). Its problems are printed as
// positioned diagnostics and end the run with exit code 3.
func loadPolicy(c *cli.Context, dir string) (cfg *config.Config, explicit bool, err error) {
	path, explicit, err := config.Discover(c.String("config"), os.Getenv(config.EnvVar), ".", dir)
	if err != nil {
		return nil, false, usageErrorf("lint: %v", err)
	}
	cfg, diags := config.Load(path, checks.All())
	if diags.HasErrors() {
		_ = config.WriteDiagnostics(c.App.ErrWriter, diags, cfg.Files(), colorFor(c.App.ErrWriter))
		return nil, false, usageErrorf("lint: %s has errors; nothing was linted", path)
	}
	return cfg, explicit, nil
}

// relocate makes the paths of findings located in the policy or baseline
// file relative to the snapshot root, as every other finding's path is,
// so that every format resolves them from the same base: a file outside
// the snapshot gets a path that starts with "../". Both paths are made
// absolute first, since the file may be named relative to the working
// directory and the snapshot absolutely, or the other way round.
func relocate(res *lint.Result, snapshotRoot string, files ...string) {
	moved := map[string]string{}
	for _, f := range files {
		if f != "" {
			moved[f] = snapshotRelative(snapshotRoot, f)
		}
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		if to, ok := moved[f.Location.Filename]; ok {
			f.Location.Filename = to
		}
		for j := range f.Related {
			if to, ok := moved[f.Related[j].Location.Filename]; ok {
				f.Related[j].Location.Filename = to
			}
		}
	}
	lint.SortFindings(res.Findings)
}

// snapshotRelative returns path relative to the snapshot root with
// forward slashes; an absolute path when no relative one reaches it
// (another volume).
func snapshotRelative(snapshotRoot, path string) string {
	absRoot, err := filepath.Abs(snapshotRoot)
	if err != nil {
		return filepath.ToSlash(path)
	}
	absPath, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(absRoot, absPath)
	if err != nil {
		return filepath.ToSlash(absPath)
	}
	return filepath.ToSlash(rel)
}

// checkReportRoot rejects a --sarif-root that is not a directory: paths
// made relative to a mistyped root would be silently wrong in every
// upload.
func checkReportRoot(c *cli.Context) error {
	root := c.String("sarif-root")
	if root == "" {
		return nil
	}
	st, err := os.Stat(root)
	switch {
	case err != nil:
		return usageErrorf("lint: --sarif-root %s: %v", root, unwrapPathError(err))
	case !st.IsDir():
		return usageErrorf("lint: --sarif-root %s: not a directory", root)
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// warnOutsideRoot says so on stderr when a format with root-relative
// paths is written for a snapshot outside the report root: the paths
// start with "../", which is correct but matches no file of the checkout
// that code scanning or GitLab look in.
func warnOutsideRoot(c *cli.Context, targets []reportTarget, opts report.Options) {
	rooted := false
	for _, t := range targets {
		rooted = rooted || slices.Contains(report.RootRelativeFormats, t.format)
	}
	if !rooted {
		return
	}
	if outside, err := report.OutsideRoot(opts); err == nil && outside {
		root := cmp.Or(opts.SARIFRoot, "the current directory")
		fmt.Fprintf(c.App.ErrWriter, "bwlint: warning: snapshot %s is outside the report root (%s): its paths in the SARIF, JUnit, GitHub and code-quality reports start with ../ and match no file of a checkout there; run from the checkout root or set --sarif-root to it\n", opts.Snapshot.Root, root)
	}
}

// reportTarget is one report to write: the main one (--format, --output)
// or an extra --report FORMAT=FILE.
type reportTarget struct {
	format string
	path   string // "" for stdout
	render report.Reporter
}

func reportTargets(c *cli.Context) ([]reportTarget, error) {
	main, err := report.Lookup(c.String("format"))
	if err != nil {
		return nil, usageErrorf("lint: %v", err)
	}
	targets := []reportTarget{{format: c.String("format"), path: c.String("output"), render: main}}
	for _, spec := range c.StringSlice("report") {
		format, path, ok := strings.Cut(spec, "=")
		if !ok || path == "" {
			return nil, usageErrorf("lint: --report %q: want FORMAT=FILE, e.g. sarif=bwlint.sarif", spec)
		}
		render, err := report.Lookup(format)
		if err != nil {
			return nil, usageErrorf("lint: --report %q: %v", spec, err)
		}
		targets = append(targets, reportTarget{format: format, path: path, render: render})
	}
	return targets, nil
}

// writeReports renders every target; colour only ever goes to a terminal.
func writeReports(c *cli.Context, targets []reportTarget, res *lint.Result, opts report.Options) error {
	for _, t := range targets {
		out := &output{path: t.path, stdout: c.App.Writer}
		o := opts
		o.Color = t.format == "text" && (t.path == "" || t.path == "-") && colorFor(c.App.Writer)
		if err := t.render(out.Writer(), res, o); err != nil {
			return internalErrorf("writing %s report: %v", t.format, err)
		}
		if err := out.Close(); err != nil {
			return err
		}
	}
	return nil
}
