package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// gate opens the text report of a failing run: why it failed — the
// findings and evidence gaps that fail it, one line each — then the ways
// forward with the commands to type: fix and run again, waive (a waiver
// block to paste, filled in), or record the run in the baseline; for
// gaps, capture them or report them only.
func (t *textWriter) gate(r *judge.Result) {
	g := t.o.Gate
	failing := r.Counting(t.o.Threshold)
	gaps := r.CountingGaps(t.o.MissingEvidence)
	var why []string
	if n := len(r.Failures); n > 0 {
		why = append(why, fmt.Sprintf("%s failed to run (a bug: see \"Checks that failed to run\" below)", plural(n, "check")))
	}
	if r.HasInputErrors() {
		why = append(why, "the snapshot has input errors (see \"Input problems\" below)")
	}
	if n := len(gaps); n > 0 {
		why = append(why, fmt.Sprintf("%s %s the run: a check applies but a capture it needs is missing", plural(n, "evidence gap"), fails(n)))
	}
	// Stale baseline entries fail whatever --fail-on says: name them apart,
	// so the threshold does not seem to reach notes.
	if n := len(failing) - countFunc(failing, judge.Finding.StaleBaselineEntry); n > 0 {
		why = append(why, fmt.Sprintf("%s %s the gate at --fail-on %s", plural(n, "finding"), fails(n), t.o.Threshold))
	}
	if n := countFunc(failing, judge.Finding.StaleBaselineEntry); n > 0 {
		entries := "1 stale baseline entry"
		if n > 1 {
			entries = fmt.Sprintf("%d stale baseline entries", n)
		}
		why = append(why, fmt.Sprintf("%s %s the gate (--fail-on-stale-baseline)", entries, fails(n)))
	}
	if len(why) == 0 {
		why = append(why, fmt.Sprintf("exit code %d", t.o.ExitCode))
	}
	t.wrapped("", "  ", t.paint(ColorRed+ColorBold, fmt.Sprintf("FAILED (exit code %d):", t.o.ExitCode)), " ", strings.Join(why, "; "))
	for _, f := range failing {
		t.failingLine(f)
	}
	for _, gp := range gaps {
		t.wrapped("  ", "      ", fmt.Sprintf("evidence gap %s on %s: %s", gp.Check, cmp.Or(gp.Host, "the snapshot"), gp.Reason))
	}
	if len(failing) == 0 && len(gaps) == 0 {
		t.line("")
		return
	}
	t.line("Ways forward:")
	n := 0
	step := func(text string, cmds ...string) {
		n++
		t.wrapped(fmt.Sprintf("  %d. ", n), "     ", text)
		for _, c := range cmds {
			t.line("       %s", c)
		}
	}
	stale := slices.ContainsFunc(failing, judge.Finding.StaleBaselineEntry)
	failing = slices.DeleteFunc(failing, judge.Finding.StaleBaselineEntry)
	if stale {
		step("Prune: remove the stale entries from "+g.Baseline+" (each is located below), and run", ShellLine(g.Rerun))
		if len(failing) == 0 {
			step("Or write the baseline anew from this run, review its diff, and commit it", ShellLine(g.WriteBaseline))
		}
	}
	if len(failing) > 0 {
		step("Fix: apply the fix under each finding below, capture again, and run", ShellLine(g.Rerun))
		if blocks := waiverBlocks(failing, t.checks, g.Day); len(blocks) > 0 {
			step("Waive for a time: paste into "+g.PolicyFile+", say why in reason, and run again", blocks...)
		}
		step("Accept every finding and gap of today into the baseline, and commit the file", ShellLine(g.WriteBaseline))
	}
	if len(gaps) > 0 {
		if len(failing) > 0 {
			t.line("  For the evidence gaps:")
		}
		step("Capture: type the commands under \"Evidence gaps\" below, save their output where it says, and run", ShellLine(g.Rerun))
		step("Report gaps without failing: run with --missing-evidence report (or missing_evidence = \"report\" in the policy)", ShellLine(g.ReportGaps))
		if len(failing) == 0 {
			step("Accept them into the baseline, and commit the file", ShellLine(g.WriteBaseline))
		}
	}
	t.line("")
}

func countFunc[T any](s []T, f func(T) bool) int {
	n := 0
	for _, v := range s {
		if f(v) {
			n++
		}
	}
	return n
}

func fails(n int) string {
	if n == 1 {
		return "fails"
	}
	return "fail"
}

// failingLine names a finding that fails the gate, wrapped.
func (t *textWriter) failingLine(f judge.Finding) {
	on := ""
	if f.Host != "" {
		on = " on " + f.Host
	}
	state := ""
	switch {
	case f.StaleBaselineEntry():
		state = " (stale baseline entry)"
	case f.State != "":
		state = " (" + string(f.State) + ")"
	}
	t.wrapped("  ", "      ", t.severity(f.Severity), fmt.Sprintf(" %s%s%s at %s: %s", f.Check, on, state, position(f.Location), f.Message))
}

// waiverBlocks are the waiver blocks that would accept the failing
// findings, one per check, naming its hosts, expiring WaiverDays after
// day. reason is left empty, which the policy rejects: only a person can
// say why a finding is acceptable. The policy's own notes and the
// baseline's cannot be waived.
func waiverBlocks(failing []judge.Finding, checks map[string]*lint.Check, day time.Time) []string {
	hosts := map[string][]string{}
	var order []string
	for _, f := range failing {
		if f.UnusedEntry || !waivable(checks[f.Check]) {
			continue
		}
		if _, seen := hosts[f.Check]; !seen {
			order = append(order, f.Check)
			hosts[f.Check] = []string{}
		}
		if f.Host != "" && !slices.Contains(hosts[f.Check], f.Host) {
			hosts[f.Check] = append(hosts[f.Check], f.Host)
		}
	}
	var out []string
	for _, check := range order {
		hs := hosts[check]
		name := check
		if len(hs) > 0 && len(hs) <= 3 {
			name += "-" + strings.Join(hs, "-")
		}
		out = append(out, "waiver "+strconv.Quote(name)+" {", "  check   = "+strconv.Quote(check))
		if len(hs) > 0 {
			quoted := make([]string, len(hs))
			for i, h := range hs {
				quoted[i] = strconv.Quote(h)
			}
			out = append(out, "  hosts   = ["+strings.Join(quoted, ", ")+"]")
		}
		out = append(out,
			`  reason  = ""  # why it is acceptable, and the change that fixes it`,
			`  owner   = ""  # who answers for it`,
			"  expires = "+strconv.Quote(day.AddDate(0, 0, WaiverDays).Format(time.DateOnly)),
			"}")
	}
	for i, l := range out {
		out[i] = source.Printable(l)
	}
	return out
}

// waivable reports whether a check's findings may be waived: every check
// that reads the deployment, not the policy's and the baseline's notes.
func waivable(c *lint.Check) bool {
	if c == nil {
		return false
	}
	return slices.ContainsFunc(c.Evidence, func(e lint.Evidence) bool {
		return e.Source != lint.FromPolicy && e.Source != lint.FromBaseline
	})
}

// ShellLine writes bwlint's command line as a POSIX shell reads it back: each
// argument that holds anything but letters, digits and a few safe
// punctuation marks is single-quoted.
func ShellLine(args []string) string {
	out := []string{lint.ToolName}
	for _, a := range args {
		out = append(out, shellQuote(a))
	}
	return source.Printable(strings.Join(out, " "))
}

func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
