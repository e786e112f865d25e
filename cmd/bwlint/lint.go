package main

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bounded"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/report"
	"github.com/urfave/cli/v2"
)

func lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "run the checks on a snapshot and report findings",
		ArgsUsage: "SNAPSHOT",
		Description: "Runs every check on the snapshot directory and reports findings, evidence gaps (a check\n" +
			"that applies to a host lacks a capture), checks that could not be evaluated, and input problems.\n\n" +
			"A failing run's text report opens with why it failed and the ways forward, with the commands\n" +
			"to type: fix, waive (a waiver block to paste), or record the run in the baseline. Waived and\n" +
			"baselined findings take one line each unless --verbose. Text wraps to $COLUMNS, else the\n" +
			"terminal's width, else 80.\n\n" +
			"Exit codes: 0 no finding at or above --fail-on; 1 such findings (or, with\n" +
			"--fail-on-stale-baseline, stale baseline entries); 2 input problems or evidence gaps (even\n" +
			"when findings exist, which are still reported; --missing-evidence report lets gaps pass);\n" +
			"3 usage or configuration error; 4 a check failed.",
		Flags: slices.Concat([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: " + joinNames(report.Names())},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of stdout"},
			&cli.StringFlag{Name: "fail-on", Value: lint.DefaultThreshold.String(), Usage: "lowest severity that fails the run: error, warning, note or none"},
			missingEvidenceFlag(),
			maskPersonalFlag(),
			&cli.StringSliceFlag{Name: "report", Usage: "also write a report in `FORMAT=FILE` (repeatable), e.g. --report sarif=out.sarif --report junit=junit.xml"},
			&cli.BoolFlag{Name: "verbose", Usage: "show waived and baselined findings in full in the text report (default: one line each)"},
		}, sarifFlags("SARIF, JUnit, GitHub, Markdown and code-quality"), policyFlags("SNAPSHOT"), baselineFlags(), inputFlags()),
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
	if err := checkWritesOutside(c, dir); err != nil {
		return err
	}
	targets, err := reportTargets(c)
	if err != nil {
		return err
	}
	run, err := runFlags(c)
	if err != nil {
		return err
	}
	flagThreshold, start, day := run.threshold, run.start, run.day
	cfg, found, err := loadPolicy(c, dir)
	if err != nil {
		return err
	}
	if err := checkAuditOwners(c, cfg, auditing(c, targets)); err != nil {
		return err
	}
	snap, err := loadWithPolicy(c, cfg, dir, "")
	if err != nil {
		return err
	}
	if err := checkPolicyHosts(c, cfg, snap); err != nil {
		return err
	}
	threshold := failOn(c, cfg, flagThreshold)
	missing := missingEvidence(c, cfg, run.missing)
	res := lintWithPolicy(c, cfg, snap, day)
	reads := readFiles{snapshots: []*inputs.Snapshot{snap}, files: []string{cfg.Path(), c.String("baseline")}}
	gate := gateOf(c, cfg, dir, day)
	res, baselineData, err := applyBaselineFlags(c, cfg, snap, res, reads, report.ShellLine(gate.WriteBaseline))
	if err != nil {
		return err
	}
	res = res.Relocated(relocations(dir, cfg.Path(), c.String("baseline")))
	mask := maskPersonal(c, cfg)
	if mask {
		res = res.MaskPersonal(judge.NewMasker(snap))
	}
	evidence := policyEvidence(dir, cfg, found)
	if baselineData != nil {
		evidence = append(evidence, report.NewEvidenceFile(snapshotRelative(dir, c.String("baseline")), report.EvidenceBaseline, true, baselineData))
	}
	code := res.ExitCode(threshold, missing)
	opts := sarifOptions(c, report.Options{
		Snapshot: snap, Threshold: threshold, MissingEvidence: missing, ExitCode: code, Start: start, End: time.Now(),
		Evidence: evidence, Policy: policyInfo(found, cfg), Invocation: invocation(c), Verbose: c.Bool("verbose"), Gate: gate, MaskPersonal: mask,
	})
	warnOutsideRoot(c, targets, opts)
	if err := writeReports(c, targets, res, opts, reads); err != nil {
		return err
	}
	return exitWith(code)
}

// gateOf is how the run was asked for, for the ways forward of a failing
// text report: the command again, with the flags that decide the gate as
// they were given; the command that records the baseline the gate reads
// (or bwlint-baseline.json); and where a waiver goes.
func gateOf(c *cli.Context, cfg *config.Config, dir string, day time.Time) *report.Gate {
	var policy []string
	if c.IsSet("config") {
		policy = []string{"--config", c.String("config")}
	}
	rerun := append([]string{"lint"}, policy...)
	for _, name := range []string{"baseline", "fail-on", "missing-evidence", "as-of"} {
		if c.IsSet(name) {
			rerun = append(rerun, "--"+name, c.String(name))
		}
	}
	for _, name := range []string{"no-waivers", "fail-on-stale-baseline"} {
		if c.IsSet(name) {
			rerun = append(rerun, "--"+name)
		}
	}
	reportGaps := slices.Clone(rerun)
	if i := slices.Index(reportGaps, "--missing-evidence"); i >= 0 {
		reportGaps = slices.Delete(reportGaps, i, i+2)
	}
	reportGaps = append(reportGaps, "--missing-evidence", "report", dir)
	file := cmp.Or(c.String("baseline"), c.String("write-baseline"), "bwlint-baseline.json")
	write := append(append([]string{"lint"}, policy...), "--write-baseline", file, dir)
	policyFile := cfg.Path()
	if policyFile == "" {
		policyFile = filepath.Join(dir, config.FileName)
	}
	return &report.Gate{Rerun: append(rerun, dir), WriteBaseline: write, Baseline: file, ReportGaps: reportGaps, PolicyFile: policyFile, Day: day}
}

// relocations are the new names of the policy and baseline files, which
// findings may be located in (judge.Result.Relocated): relative to the
// snapshot root, as every other finding's path is, so that every format
// resolves them from the same base; a file outside the snapshot gets a
// path that starts with "../". Both paths are made absolute first, since
// the file may be named relative to the working directory and the
// snapshot absolutely, or the other way round.
func relocations(snapshotRoot string, files ...string) map[string]string {
	moved := map[string]string{}
	for _, f := range files {
		if f != "" {
			moved[f] = snapshotRelative(snapshotRoot, f)
		}
	}
	return moved
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
		return usageErrorf("%s: --sarif-root %s: %v", c.Command.Name, root, bounded.WithoutPath(err))
	case !st.IsDir():
		return usageErrorf("%s: --sarif-root %s: not a directory", c.Command.Name, root)
	}
	return nil
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
		warnf(c, "warning: snapshot %s is outside the report root (%s): its paths in the SARIF, JUnit, GitHub, Markdown and code-quality reports start with ../ and match no file of a checkout there; run from the checkout root or set --sarif-root to it", source.Printable(opts.Snapshot.Root), source.Printable(root))
	}
}

// auditing reports whether a report in SARIF's audit profile is among
// the targets: sarif-audit, or sarif with --sarif-profile audit.
func auditing(c *cli.Context, targets []reportTarget) bool {
	for _, t := range targets {
		if t.format == "sarif-audit" || t.format == "sarif" && c.String("sarif-profile") == report.SARIFProfileAudit {
			return true
		}
	}
	return false
}

// reportTarget is one report to write: the main one (--format, --output)
// or an extra --report FORMAT=FILE.
type reportTarget struct {
	format string
	path   string // "" or "-" for stdout
	render report.Reporter
	flag   string // the flag that asked for it, for messages
}

func (t reportTarget) toStdout() bool { return t.path == "" || t.path == "-" }

func reportTargets(c *cli.Context) ([]reportTarget, error) {
	main, err := report.Lookup(c.String("format"))
	if err != nil {
		return nil, usageErrorf("lint: %v", err)
	}
	mainFlag := "--format " + c.String("format")
	if c.String("output") != "" {
		mainFlag = "--output " + c.String("output")
	}
	targets := []reportTarget{{format: c.String("format"), path: c.String("output"), render: main, flag: mainFlag}}
	for _, spec := range c.StringSlice("report") {
		format, path, ok := strings.Cut(spec, "=")
		if !ok || path == "" {
			return nil, usageErrorf("lint: --report %q: want FORMAT=FILE, e.g. sarif=bwlint.sarif", spec)
		}
		render, err := report.Lookup(format)
		if err != nil {
			return nil, usageErrorf("lint: --report %q: %v", spec, err)
		}
		targets = append(targets, reportTarget{format: format, path: path, render: render, flag: "--report " + spec})
	}
	return targets, checkDestinations(c, targets)
}

// checkDestinations rejects reports that would overwrite one another or a
// file the run reads or writes: one file named by two reports, a report
// onto the policy or baseline file, or more than one report on stdout,
// where they would run together. Writing only the last would lose the
// others in silence.
func checkDestinations(c *cli.Context, targets []reportTarget) error {
	taken := map[string]string{} // file → the flag that names it
	for _, flag := range []string{"config", "baseline", "write-baseline"} {
		if path := c.String(flag); path != "" {
			taken[sameFile(path)] = "--" + flag + " " + path
		}
	}
	stdout := ""
	for _, t := range targets {
		if t.toStdout() {
			if stdout != "" {
				return usageErrorf("lint: %s and %s both write to stdout; only one report can: name a file for the other", stdout, t.flag)
			}
			stdout = t.flag
			continue
		}
		key := sameFile(t.path)
		if other, ok := taken[key]; ok {
			return usageErrorf("lint: %s and %s name the same file %s; give each its own file", other, t.flag, t.path)
		}
		taken[key] = t.flag
	}
	return nil
}

// sameFile is the key under which two names of one file compare equal:
// the cleaned absolute path.
func sameFile(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// writeReports renders every target; colour only ever goes to a terminal.
func writeReports(c *cli.Context, targets []reportTarget, res *judge.Result, opts report.Options, reads readFiles) error {
	for _, t := range targets {
		out := &output{path: t.path, stdout: stdout(c), reads: reads}
		o := opts
		o.Color = t.format == "text" && t.toStdout() && colorFor(c, c.App.Writer)
		o.Width = textWidth(writerOf(t.toStdout(), c))
		if err := t.render(out.Writer(), res, o); err != nil {
			return internalErrorf("writing %s report: %v", t.format, err)
		}
		if err := out.Close(); err != nil {
			return err
		}
	}
	return nil
}
