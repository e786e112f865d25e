package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/report"
	"github.com/bwlint/bwlint/lint/snapdiff"
	"github.com/hashicorp/hcl/v2"
	"github.com/urfave/cli/v2"
)

// diffFormats are the renderers of a review. SARIF is the lint report's
// own renderer, fed the after snapshot's result with the classified
// findings, so that code scanning sees baselineState.
var diffFormats = map[string]func(io.Writer, *snapdiff.Review, snapdiff.Options) error{
	"text":     snapdiff.Text,
	"json":     snapdiff.JSON,
	"markdown": snapdiff.Markdown,
	"html":     snapdiff.HTML,
}

func diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "review a change: compare two snapshots and their findings",
		ArgsUsage: "BEFORE AFTER",
		Description: "Compares a snapshot taken before a change with one taken after it: settings per host, CLI\n" +
			"context and key, table rows by their identifying column, hosts added or removed, Partner Hub\n" +
			"templates and clusters, tag sets and digests, with both values and both locations, and a\n" +
			"line diff of every capture. Runs the checks on both sides and classifies the findings as\n" +
			"new, changed, fixed or unchanged. Lists first every check evaluated on a host before and\n" +
			"not after (lost evidence). Secret and masked values are never shown.\n\n" +
			"Both sides are linted with one policy file, found as lint finds it but at the AFTER\n" +
			"snapshot's root: --config FILE, else $BWLINT_CONFIG, else ./.bwlint.hcl, else\n" +
			"AFTER/.bwlint.hcl. Its fail_on applies unless --fail-on is given. When each snapshot holds\n" +
			"its own .bwlint.hcl, the review lists the policy's changes too, and a new or changed finding\n" +
			"that only a waiver new in AFTER waives still counts, unless --accept-new-waivers.\n\n" +
			"The report opens with the verdict, GO or NO-GO and why. A finding of BEFORE whose evidence\n" +
			"AFTER lost (a capture deleted or no longer understood, a host gone) is unverified, never\n" +
			"fixed.\n\n" +
			"Exit codes: 0 the change introduces no finding at or above --fail-on (it may fix some); 1 it\n" +
			"introduces new or changed findings at or above --fail-on; 2 either snapshot has input\n" +
			"problems, or AFTER has evidence gaps or leaves findings unverified (unless\n" +
			"--missing-evidence report); 3 usage error; 4 a check failed.",
		Flags: slices.Concat([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: text, json, markdown, html or sarif"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of stdout"},
			&cli.StringFlag{Name: "fail-on", Value: lint.DefaultThreshold.String(), Usage: "lowest severity of an introduced finding that fails the review: error, warning, note or none"},
			missingEvidenceFlag(),
			maskPersonalFlag(),
			&cli.BoolFlag{Name: "accept-new-waivers", Usage: "let a waiver new in AFTER's policy accept a new or changed finding (default: such a finding counts, since the change brings it and its acceptance together; or the policy's accept_new_waivers)"},
			&cli.BoolFlag{Name: "hunks", Usage: "add the line diff of every capture that changed to the text report"},
		}, sarifFlags("SARIF"), policyFlags("AFTER"), inputFlags()),
		Action: runDiff,
	}
}

func runDiff(c *cli.Context) error {
	if c.NArg() != 2 {
		return usageErrorf("diff: takes two arguments, BEFORE and AFTER snapshots, got %d (see bwlint diff --help)", c.NArg())
	}
	format := c.String("format")
	_, known := diffFormats[format]
	if !known && format != "sarif" {
		return usageErrorf("diff: unknown format %q: use text, json, markdown, html or sarif", format)
	}
	beforeDir, afterDir := c.Args().Get(0), c.Args().Get(1)
	if err := checkWritesOutside(c, beforeDir, afterDir); err != nil {
		return err
	}
	run, err := runFlags(c)
	if err != nil {
		return err
	}
	flagThreshold, start, day := run.threshold, run.start, run.day
	// One policy for both sides, so that a finding differs between them
	// only because the deployment did; it is looked for where the change
	// lands, at the after snapshot.
	cfg, found, err := loadPolicy(c, afterDir)
	if err != nil {
		return err
	}
	if err := checkAuditOwners(c, cfg, format == "sarif" && c.String("sarif-profile") == report.SARIFProfileAudit); err != nil {
		return err
	}
	// The two sides load at once: each load reads its files in
	// parallel, but walking, assembling hosts and merging channels are
	// not, and overlap with the other side's reading. A mistyped path is
	// refused before either is read, and what a load says is written
	// afterwards, before's first, as when they loaded in turn.
	if err := cmp.Or(checkSnapshotDir(c, beforeDir), checkSnapshotDir(c, afterDir)); err != nil {
		return err
	}
	inv := cfg.Inventory()
	var beforeSnap, afterSnap *inputs.Snapshot
	var beforeErr, afterErr error
	var wg sync.WaitGroup
	wg.Go(func() { beforeSnap, beforeErr = loadSnapshot(c, beforeDir, inv) })
	afterSnap, afterErr = loadSnapshot(c, afterDir, inv)
	wg.Wait()
	if beforeErr != nil {
		return beforeErr
	}
	checkInventory(c, cfg, beforeSnap, sideHeading("before", beforeDir))
	if afterErr != nil {
		return afterErr
	}
	checkInventory(c, cfg, afterSnap, sideHeading("after", afterDir))
	if err := checkPolicyHosts(c, cfg, beforeSnap, afterSnap); err != nil {
		return err
	}
	threshold := failOn(c, cfg, flagThreshold)
	missing := missingEvidence(c, cfg, run.missing)
	var before, after snapdiff.Side
	wg.Go(func() { before = lintSide(c, cfg, beforeSnap, day) })
	after = lintSide(c, cfg, afterSnap, day)
	wg.Wait()
	before.Policy, before.Waivers = beforePolicy(c, cfg, found, beforeDir, day)
	after.Policy, after.Waivers = cfg, waiversOf(c, cfg, day)
	mask := maskPersonal(c, cfg)
	before.MaskPersonal, after.MaskPersonal = mask, mask
	review := snapdiff.Compare(before, after, snapdiff.ReviewOptions{AcceptNewWaivers: acceptNewWaivers(c, cfg)})
	if mask {
		review = review.MaskPersonal(judge.NewMasker(beforeSnap, afterSnap))
	}
	code := diffExitCode(review, threshold, missing)
	out := &output{path: c.String("output"), stdout: stdout(c),
		reads: readFiles{snapshots: []*inputs.Snapshot{beforeSnap, afterSnap}, files: []string{cfg.Path()}}}
	if format == "sarif" {
		err = writeDiffSARIF(out.Writer(), review, sarifOptions(c, report.Options{
			Snapshot: after.Snapshot, Threshold: threshold, MissingEvidence: missing, ExitCode: code, Start: start, End: time.Now(),
			Earlier: beforeSnap, LostEvidence: review.LostEvidence, Policy: policyInfo(found, cfg), Invocation: invocation(c),
			Evidence: policyEvidence(afterDir, cfg, found), MaskPersonal: mask,
		}))
		if err != nil {
			return err
		}
	} else {
		o := snapdiff.Options{Threshold: threshold, MissingEvidence: missing, ExitCode: code, Policy: policyInfo(found, cfg), Invocation: invocation(c), Hunks: c.Bool("hunks")}
		if format == "text" {
			toStdout := c.String("output") == "" || c.String("output") == "-"
			o.Color = toStdout && colorFor(c, c.App.Writer)
			o.Width = textWidth(writerOf(toStdout, c))
		}
		if err := diffFormats[format](out.Writer(), review, o); err != nil {
			return internalErrorf("writing report: %v", err)
		}
	}
	if err := out.Close(); err != nil {
		return err
	}
	return exitWith(code)
}

// sideHeading introduces the policy's warnings about one side of a review.
func sideHeading(side, dir string) string {
	return fmt.Sprintf("bwlint: diff: the policy on the %s snapshot %s:", side, dir)
}

// beforePolicy is the policy a lint of the before snapshot alone would
// apply, to compare with the after side's: the same file unless each
// side's own .bwlint.hcl is found at its root. A before policy that
// cannot be read or has errors is compared as none, with a warning: every
// waiver of the after side is then new, which a review should show.
func beforePolicy(c *cli.Context, after *config.Config, afterFound config.Discovery, dir string, day time.Time) (*config.Config, judge.Policy) {
	found, err := config.Discover(c.String("config"), os.Getenv(config.EnvVar), ".", dir)
	if err == nil && found.Path == afterFound.Path {
		return after, waiversOf(c, after, day)
	}
	path := found.Path
	if err != nil {
		warnf(c, "diff: warning: the before snapshot's policy is not compared: %v", err)
		path = ""
	}
	cfg, diags := config.Load(path, checks.Catalog())
	if diags.HasErrors() {
		warnf(c, "diff: warning: the before snapshot's policy %s has errors, so it is compared as no policy (bwlint config %s shows them)", source.Printable(path), source.Printable(dir))
		cfg, _ = config.Load("", checks.Catalog())
	}
	return cfg, waiversOf(c, cfg, day)
}

// waiversOf are a policy's waivers as of day; none with --no-waivers.
func waiversOf(c *cli.Context, cfg *config.Config, day time.Time) judge.Policy {
	if c.Bool("no-waivers") {
		return judge.Policy{Day: day}
	}
	return cfg.Policy(day)
}

// acceptNewWaivers is --accept-new-waivers when given, else the policy's
// accept_new_waivers, else false.
func acceptNewWaivers(c *cli.Context, cfg *config.Config) bool {
	if on, ok := cfg.AcceptNewWaivers(); ok && !c.IsSet("accept-new-waivers") {
		return on
	}
	return c.Bool("accept-new-waivers")
}

// writerOf is where a report goes, for asking its width: the terminal
// (or pipe) of stdout, or nothing for a file.
func writerOf(toStdout bool, c *cli.Context) io.Writer {
	if toStdout {
		return c.App.Writer
	}
	return io.Discard
}

// lintSide lints one snapshot of the review with the policy. Findings in
// the policy file are located relative to the snapshot's root, as lint
// locates them.
func lintSide(c *cli.Context, cfg *config.Config, snap *inputs.Snapshot, day time.Time) snapdiff.Side {
	res := lintWithPolicy(c, cfg, snap, day).Relocated(relocations(snap.Root, cfg.Path()))
	return snapdiff.Side{Snapshot: snap, Result: res}
}

// diffExitCode decides a review's exit code: a failed check outranks
// unreadable evidence on either side and missing evidence after the change
// — gaps, and findings whose evidence the change lost — (unless m only
// reports it), which outrank introduced findings. Findings that were
// there before, or that the change fixes, never fail.
func diffExitCode(r *snapdiff.Review, t lint.Threshold, m lint.MissingEvidence) int {
	switch {
	case r.CheckFailures() > 0, r.Before.Snapshot.HasInternalErrors(), r.After.Snapshot.HasInternalErrors():
		return exitInternal
	case r.HasInputErrors(), len(r.CountingGaps(m)) > 0, len(r.Unverified(t, m)) > 0:
		return exitInput
	case len(r.Introduced(t)) > 0:
		return exitFindings
	}
	return exitOK
}

// writeDiffSARIF renders the review with the lint report's SARIF writer:
// the after snapshot's run, its findings carrying their State (which SARIF
// writes as baselineState), and the fixed ones from before as absent where
// the profile keeps them (audit; code scanning ignores baselineState, so
// the github profile leaves them out and closes their alerts by their
// absence).
func writeDiffSARIF(w io.Writer, r *snapdiff.Review, o report.Options) error {
	rep, err := report.Lookup("sarif")
	if err != nil {
		return usageErrorf("diff: %v", err)
	}
	res := *r.After.Result
	res.Findings = fixedFromBefore(r.Findings, r.Before.Snapshot.Root, r.After.Snapshot.Root)
	if err := rep(w, &res, o); err != nil {
		return internalErrorf("writing report: %v", err)
	}
	return nil
}

// fixedFromBefore returns fs with the locations of fixed findings, which
// are relative to the before snapshot's root, made relative to the after
// snapshot's root, from which the SARIF run resolves every path. A fixed
// finding would otherwise point at the after snapshot's file of the same
// name, whose text and hash are another capture's.
func fixedFromBefore(fs []judge.Finding, beforeRoot, afterRoot string) []judge.Finding {
	from, errB := filepath.Abs(beforeRoot)
	to, errA := filepath.Abs(afterRoot)
	if errB != nil || errA != nil {
		return fs
	}
	move := func(r *hcl.Range) {
		if r.Filename == "" || filepath.IsAbs(r.Filename) {
			return
		}
		if rel, err := filepath.Rel(to, filepath.Join(from, filepath.FromSlash(r.Filename))); err == nil {
			r.Filename = filepath.ToSlash(rel)
		}
	}
	out := slices.Clone(fs)
	for i := range out {
		f := &out[i]
		if f.State != judge.StateFixed && f.State != judge.StateUnverified {
			continue
		}
		move(&f.Location)
		// The waiver that covered it was located relative to the before
		// root too: its place in the policy file is the same file.
		if f.Waiver != nil {
			w := *f.Waiver
			move(&w.At)
			f.Waiver = &w
		}
		f.Related = slices.Clone(f.Related)
		for j := range f.Related {
			move(&f.Related[j].Location)
		}
	}
	return out
}
