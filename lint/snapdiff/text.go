package snapdiff

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// Text writes the review for a terminal: per host, the setting changes
// with both values and locations, then unified-diff style hunks of each
// capture that changed; then the findings by state and a summary.
func Text(w io.Writer, r *Review, o Options) error {
	bw := bufio.NewWriter(w)
	// Every value, name and path comes from the snapshots or the policy:
	// each string is made printable, so that none starts a line or a
	// terminal sequence of its own.
	p := func(format string, args ...any) { fmt.Fprintf(bw, format+"\n", source.PrintableArgs(args)...) }
	p("bwlint diff %s %s", r.Before.Snapshot.Root, r.After.Snapshot.Root)
	p("")
	textLost(p, r.LostEvidence)
	for _, host := range hostsOf(r) {
		p("%s", hostTitle(host))
		for _, c := range r.Changes {
			if c.Host == host {
				textChange(p, c)
			}
		}
		for _, c := range r.Captures {
			if c.Host == host {
				p("")
				textCapture(p, r, c)
			}
		}
		p("")
	}
	if len(r.Changes) == 0 && len(r.Captures) == 0 {
		p("No changes.")
		p("")
	}
	textFindings(p, r.Findings)
	textGaps(p, r, o)
	textProblems(p, r)
	p("Policy: %s", o.Policy.OrNone().Describe())
	textSummary(p, Summarize(r, o))
	return bw.Flush()
}

type printer func(format string, args ...any)

func textChange(p printer, c Change) {
	if c.Kind == HostAdded || c.Kind == HostRemoved {
		verb := "added"
		value, loc := c.After, c.AfterLocation
		if c.Kind == HostRemoved {
			verb, value, loc = "removed", c.Before, c.BeforeLocation
		}
		p("  host %s: %s (%s)", verb, value, position(loc))
		return
	}
	title := subject(c)
	if c.Secret {
		title += " " + source.Redacted
	}
	p("  %-8s %s", c.Kind, title)
	side := func(sign, value, loc string) {
		switch {
		case c.Secret || c.Key == "" && c.Row == "":
			p("    %s %s", sign, loc) // a secret, or a whole object, which has no value
		case value == "":
			p("    %s \"\"  (%s)", sign, loc)
		default:
			p("    %s %s  (%s)", sign, value, loc)
		}
	}
	if c.BeforeLocation.Filename != "" {
		side("-", c.Before, position(c.BeforeLocation))
	}
	if c.AfterLocation.Filename != "" {
		side("+", c.After, position(c.AfterLocation))
	}
}

func textCapture(p printer, r *Review, c Capture) {
	from, to := path.Join(r.Before.Snapshot.Root, c.Path), path.Join(r.After.Snapshot.Root, c.Path)
	switch c.Status {
	case Added:
		from = "/dev/null"
	case Removed:
		to = "/dev/null"
	}
	p("  --- %s", from)
	p("  +++ %s", to)
	for _, h := range c.Hunks {
		p("  %s", hunkHeader(h))
		for _, l := range h.Lines {
			p("  %c%s", l.Op, l.Text)
		}
	}
}

// hunkHeader is the "@@ -a,b +c,d @@" line of diff -u.
func hunkHeader(h Hunk) string {
	return fmt.Sprintf("@@ -%d,%d +%d,%d @@", h.BeforeStart, h.BeforeLines, h.AfterStart, h.AfterLines)
}

func textFindings(p printer, fs []judge.Finding) {
	if len(fs) == 0 {
		return
	}
	p("Findings")
	for _, f := range byState(fs) {
		on := ""
		if f.Host != "" {
			on = " on " + f.Host
		}
		p("  %-9s %-7s %s%s, %s (%s)%s", f.State, f.Severity, f.Check, on, position(f.Location), findingSide(f), marks(f))
		p("    %s", f.Message)
		if b := f.Before; b != nil {
			p("    before: %s (%s, before)", b.Message, position(b.Location))
		}
	}
	p("")
}

// marks notes why a finding does not count although it is shown.
func marks(f judge.Finding) string {
	s := ""
	if f.Baselined {
		s += " (baselined)"
	}
	if f.Waiver != nil {
		s += " (waived by " + f.Waiver.Name + ")"
	}
	return s
}

// textLost lists the checks the change left without evidence, first:
// what they found before is no longer known.
func textLost(p printer, lost []lint.LostEvidence) {
	if len(lost) == 0 {
		return
	}
	p("Lost evidence: evaluated before the change, not after")
	for _, l := range lost {
		p("  %s on %s: %s", l.Check, l.Host, strings.ReplaceAll(string(l.Status), "_", " "))
		for _, why := range l.Reasons {
			p("    %s", why)
		}
	}
	p("")
}

// textGaps lists the after snapshot's evidence gaps with the commands
// that capture them.
func textGaps(p printer, r *Review, o Options) {
	gaps := r.Gaps()
	if len(gaps) == 0 {
		return
	}
	title := "Evidence gaps (after)"
	if o.MissingEvidence == lint.ReportGaps {
		title += ", reported only: --missing-evidence report"
	}
	p("%s", title)
	for _, g := range gaps {
		host := g.Host
		if host == "" {
			host = "(snapshot)"
		}
		p("  %s %s: %s", g.Check, host, g.Reason)
		p("    capture into %s:", g.File)
		for _, l := range g.Capture() {
			p("      %s", l)
		}
	}
	p("")
}

func textProblems(p printer, r *Review) {
	for _, s := range []struct {
		name string
		side Side
	}{{"before", r.Before}, {"after", r.After}} {
		if len(s.side.Snapshot.Problems) > 0 {
			p("Input problems (%s, %s)", s.name, s.side.Snapshot.Root)
			for _, pr := range s.side.Snapshot.Problems {
				p("  %s", pr.Error())
			}
			p("")
		}
		if s.side.Result != nil && len(s.side.Result.Failures) > 0 {
			p("Checks that failed to run (%s)", s.name)
			for _, f := range s.side.Result.Failures {
				p("  %s: %s", f.Check, f.Err)
			}
			p("")
		}
	}
}

func textSummary(p printer, s Summary) {
	verdict := "passed"
	if s.ExitCode != 0 {
		verdict = fmt.Sprintf("failed (exit code %d)", s.ExitCode)
	}
	p("Summary: %s (%d added, %d removed, %d changed, %d hosts added, %d hosts removed) in %s; findings: %d new, %d changed, %d fixed, %d unchanged; %d introduced at --fail-on %s; lost evidence: %d; evidence gaps: %d before, %d after; input problems: %d before, %d after; %s",
		plural(s.Changes, "change"), s.ByKind[Added], s.ByKind[Removed], s.ByKind[Changed], s.ByKind[HostAdded], s.ByKind[HostRemoved],
		plural(s.FilesChanged, "file"), s.Findings["new"], s.Findings["changed"], s.Findings["fixed"], s.Findings["unchanged"],
		s.Introduced, s.FailOn, s.LostEvidence, s.EvidenceGaps.Before, s.EvidenceGaps.After, s.InputProblems.Before, s.InputProblems.After, verdict)
}
