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
	"github.com/bwlint/bwlint/lint/report"
	"github.com/hashicorp/hcl/v2"
)

// The colours of the text format, used only with Options.Color.
const (
	bold   = report.ColorBold
	red    = report.ColorRed
	yellow = report.ColorYellow
	green  = report.ColorGreen
)

// Text writes the review for a terminal, verdict first: one line saying
// GO or NO-GO and why; the findings, unverified and new first, each
// unverified one with the evidence it lost; the changes, riskiest first,
// each with its effect (the findings it causes, alters, fixes or leaves
// unverified, else whether any check reads it); the changes of the
// policy; lost evidence, the after snapshot's evidence gaps and what it
// could not evaluate; input problems; with Options.Hunks the line diff of
// every capture; the policy and a summary.
func Text(w io.Writer, r *Review, o Options) error {
	bw := bufio.NewWriter(w)
	t := &textReview{w: bw, o: o}
	s := Summarize(r, o)
	verdict := VerdictLine(s)
	if s.Verdict == Go {
		t.wrapped(t.paint(green+bold, verdict), "", "  ")
	} else {
		t.wrapped(t.paint(red+bold, verdict), "", "  ")
	}
	t.p("bwlint diff %s %s", r.Before.Snapshot.Root, r.After.Snapshot.Root)
	t.p("")
	t.findings(r)
	t.changes(r)
	t.policyChanges(r)
	t.lost(r.LostEvidence)
	t.gaps(r, o)
	t.notEvaluated(r)
	t.problems(r)
	if o.Hunks {
		t.hunks(r)
	}
	t.wrapped("Policy: "+o.Policy.OrNone().Describe(), "", "  ")
	t.wrapped(summaryLine(s), "", "  ")
	return bw.Flush()
}

type textReview struct {
	w *bufio.Writer
	o Options
}

// p writes one line. Every value, name and path comes from the snapshots
// or the policy: each string argument is made printable, so that none
// starts a line or a terminal sequence of its own.
func (t *textReview) p(format string, args ...any) {
	fmt.Fprintf(t.w, format+"\n", source.PrintableArgs(args)...)
}

// wrapped writes prose wrapped to the width, first on the first line and
// rest before the others; s is printable already (made so by its parts).
func (t *textReview) wrapped(s, first, rest string) {
	for _, l := range report.Wrap(s, t.o.Width, first, rest) {
		fmt.Fprintln(t.w, l)
	}
}

// paint makes s printable and, with colour on, wraps it in a colour.
func (t *textReview) paint(color, s string) string { return report.Paint(t.o.Color, color, s) }

// stateColor is the colour of a finding state: red for what the change
// brings, yellow for what it leaves unknown, green for what it fixes.
func stateColor(s judge.State) string {
	switch s {
	case judge.StateNew, judge.StateChanged:
		return red + bold
	case judge.StateUnverified:
		return yellow + bold
	case judge.StateFixed:
		return green
	}
	return ""
}

func (t *textReview) findings(r *Review) {
	if len(r.Findings) == 0 {
		return
	}
	t.p("%s", t.paint(bold, "Findings"))
	for _, f := range byState(r.Findings) {
		on := ""
		if f.Host != "" {
			on = " on " + f.Host
		}
		state := fmt.Sprintf("%-10s", f.State)
		if c := stateColor(f.State); c != "" {
			state = t.paint(c, state)
		}
		head := fmt.Sprintf("%s %-7s %s%s, %s (%s)%s", state, f.Severity, source.Printable(f.Check), source.Printable(on),
			source.Printable(position(f.Location)), findingSide(f), source.Printable(marks(f, r)))
		t.wrapped(head, "  ", "      ")
		t.wrapped(source.Printable(f.Message), "    ", "    ")
		if b := f.Before; b != nil {
			t.wrapped(source.Printable("before: "+b.Message+" ("+position(b.Location)+", before)"), "    ", "    ")
		}
		if l := f.Lost; l != nil {
			t.wrapped(source.Printable("evidence lost on "+l.Host+": "+statusWords(l.Status)+lostReasons(l.Reasons)), "    ", "      ")
		}
	}
	t.p("")
}

// marks notes why a finding does not count although it is shown, and
// what the change did to its waiver.
func marks(f judge.Finding, r *Review) string {
	s := ""
	if f.Baselined {
		s += " (baselined)"
	}
	if f.Waiver != nil {
		s += " (waived by " + f.Waiver.Name
		if f.NewWaiver {
			s += ", new in the change"
			if f.State == judge.StateNew || f.State == judge.StateChanged {
				if r.Options.AcceptNewWaivers {
					s += ": accepted"
				} else {
					s += ": counts"
				}
			}
		}
		s += ")"
	}
	return s
}

func statusWords(s lint.Status) string { return strings.ReplaceAll(string(s), "_", " ") }

func lostReasons(rs []string) string {
	if len(rs) == 0 {
		return ""
	}
	return ": " + strings.Join(rs, "; ")
}

// changes lists every change, riskiest first, each with its values and
// locations and then its effect.
func (t *textReview) changes(r *Review) {
	if len(r.Changes) == 0 {
		t.p("No changes.")
		t.p("")
		return
	}
	t.p("%s", t.paint(bold, fmt.Sprintf("Changes (%d), riskiest first", len(r.Changes))))
	for _, c := range r.Changes {
		t.change(c)
		if len(c.Effects) == 0 {
			t.wrapped(source.Printable(judgedWords(c)), "    = ", "      ")
		}
		for _, e := range c.Effects {
			f := r.Findings[e.Finding]
			t.wrapped(t.paint(stateColor(f.State), effectWords(e, f)), "    = ", "      ")
		}
	}
	t.p("")
}

func (t *textReview) change(c Change) {
	on := ""
	if c.Host != "" {
		on = " on " + c.Host
	}
	if c.Kind == HostAdded || c.Kind == HostRemoved {
		verb := "added"
		value, loc := c.After, c.AfterLocation
		if c.Kind == HostRemoved {
			verb, value, loc = "removed", c.Before, c.BeforeLocation
		}
		t.p("  host %s%s: %s (%s)", verb, on, value, position(loc))
		return
	}
	title := subject(c)
	if c.Secret {
		title += " " + source.Redacted
	}
	t.wrapped(source.Printable(fmt.Sprintf("%-8s%s %s", c.Kind, on, title)), "  ", "      ")
	side := func(sign, value, loc string) {
		switch {
		case c.Secret || c.Key == "" && c.Row == "":
			t.p("    %s %s", sign, loc) // a secret, or a whole object, which has no value
		case value == "":
			t.p("    %s \"\"  (%s)", sign, loc)
		default:
			t.wrapped(source.Printable(value+"  ("+loc+")"), "    "+sign+" ", "      ")
		}
	}
	if c.BeforeLocation.Filename != "" {
		side("-", c.Before, position(c.BeforeLocation))
	}
	if c.AfterLocation.Filename != "" {
		side("+", c.After, position(c.AfterLocation))
	}
}

// policyChanges lists what the change did to the policy, each waiver it
// adds or widens with the findings it waives that the before policy did
// not.
func (t *textReview) policyChanges(r *Review) {
	if len(r.PolicyChanges) == 0 {
		return
	}
	t.p("%s", t.paint(bold, fmt.Sprintf("Policy changes (%d)", len(r.PolicyChanges))))
	for _, pc := range r.PolicyChanges {
		t.wrapped(source.Printable(fmt.Sprintf("%-8s%s", pc.Kind, pc.Subject())), "  ", "      ")
		if pc.BeforeAt.Filename != "" {
			t.wrapped(source.Printable(policySide(pc.Before, pc.BeforeAt)), "    - ", "      ")
		}
		if pc.AfterAt.Filename != "" {
			t.wrapped(source.Printable(policySide(pc.After, pc.AfterAt)), "    + ", "      ")
		}
		for _, i := range pc.Waives {
			f := r.Findings[i]
			t.wrapped(t.paint(stateColor(f.State), waivesWords(f, r)), "    = ", "      ")
		}
	}
	t.p("")
}

// policySide is one side of a policy change: the value as written, and
// where.
func policySide(value string, at hcl.Range) string {
	if value == "" {
		return position(at)
	}
	return value + "  (" + position(at) + ")"
}

// waivesWords says what a waiver the change adds does to a finding.
func waivesWords(f judge.Finding, r *Review) string {
	s := "waives " + string(f.State) + " " + f.Severity.String() + " " + f.Check
	if f.Host != "" {
		s += " on " + f.Host
	}
	if f.State == judge.StateNew || f.State == judge.StateChanged {
		if r.Options.AcceptNewWaivers {
			s += ": accepted (--accept-new-waivers)"
		} else {
			s += ": the change brings the finding and its waiver, so it counts (--accept-new-waivers accepts it)"
		}
	}
	return s
}

// lost lists the checks the change left without evidence: what they
// found before is no longer known.
func (t *textReview) lost(lost []lint.LostEvidence) {
	if len(lost) == 0 {
		return
	}
	t.p("%s", t.paint(bold, "Lost evidence: evaluated before the change, not after"))
	for _, l := range lost {
		t.p("  %s on %s: %s", l.Check, l.Host, statusWords(l.Status))
		for _, why := range l.Reasons {
			t.wrapped(source.Printable(why), "    ", "    ")
		}
	}
	t.p("")
}

// gaps lists the after snapshot's evidence gaps with the commands that
// capture them.
func (t *textReview) gaps(r *Review, o Options) {
	gaps := r.Gaps()
	if len(gaps) == 0 {
		return
	}
	title := "Evidence gaps (after)"
	if o.MissingEvidence == lint.ReportGaps {
		title += ", reported only: --missing-evidence report"
	}
	t.p("%s", t.paint(bold, title))
	for _, g := range gaps {
		host := g.Host
		if host == "" {
			host = "(snapshot)"
		}
		t.wrapped(source.Printable(g.Check+" "+host+": "+g.Reason), "  ", "    ")
		t.p("    capture into %s:", g.File)
		for _, l := range g.Capture() {
			t.p("      %s", l)
		}
	}
	t.p("")
}

// notEvaluated lists what the after snapshot's checks could not judge:
// no pass either.
func (t *textReview) notEvaluated(r *Review) {
	ns := r.NotEvaluated()
	if len(ns) == 0 {
		return
	}
	t.p("%s", t.paint(bold, "Not evaluated (after)"))
	for _, n := range ns {
		host := n.Host
		if host == "" {
			host = "(all hosts)"
		}
		t.wrapped(source.Printable(n.Check+" "+host+": "+n.Reason), "  ", "    ")
	}
	t.p("")
}

func (t *textReview) problems(r *Review) {
	for _, s := range []struct {
		name string
		side Side
	}{{"before", r.Before}, {"after", r.After}} {
		if len(s.side.Snapshot.Problems) > 0 {
			t.p("%s", t.paint(bold, fmt.Sprintf("Input problems (%s, %s)", s.name, source.Printable(s.side.Snapshot.Root))))
			for _, pr := range s.side.Snapshot.Problems {
				t.wrapped(source.Printable(pr.Error()), "  ", "    ")
			}
			t.p("")
		}
		if s.side.Result != nil && len(s.side.Result.Failures) > 0 {
			t.p("%s", t.paint(bold, "Checks that failed to run ("+s.name+")"))
			for _, f := range s.side.Result.Failures {
				t.wrapped(source.Printable(f.Check+": "+f.Err), "  ", "    ")
			}
			t.p("")
		}
	}
}

// hunks writes the line diff of every capture that changed, per host;
// lines longer than the width are cut, with a marker.
func (t *textReview) hunks(r *Review) {
	if len(r.Captures) == 0 {
		return
	}
	t.p("%s", t.paint(bold, "Hunks"))
	for _, c := range r.Captures {
		from, to := path.Join(r.Before.Snapshot.Root, c.Path), path.Join(r.After.Snapshot.Root, c.Path)
		switch c.Status {
		case Added:
			from = "/dev/null"
		case Removed:
			to = "/dev/null"
		}
		t.p("  --- %s", from)
		t.p("  +++ %s", to)
		for _, h := range c.Hunks {
			t.p("  %s", hunkHeader(h))
			for _, l := range h.Lines {
				text, _ := report.Cut(source.Printable(l.Text), t.o.Width, 3, 0, 0)
				line := string(l.Op) + text
				switch l.Op {
				case '-':
					line = t.paint(red, line)
				case '+':
					line = t.paint(green, line)
				default:
					line = source.Printable(line)
				}
				fmt.Fprintln(t.w, "  "+line)
			}
		}
		t.p("")
	}
}

// hunkHeader is the "@@ -a,b +c,d @@" line of diff -u.
func hunkHeader(h Hunk) string {
	return fmt.Sprintf("@@ -%d,%d +%d,%d @@", h.BeforeStart, h.BeforeLines, h.AfterStart, h.AfterLines)
}

func summaryLine(s Summary) string {
	return fmt.Sprintf("Summary: %s (%d added, %d removed, %d changed, %d hosts added, %d hosts removed) in %s; %s; findings: %d new, %d unverified, %d changed, %d fixed, %d unchanged; %d introduced at --fail-on %s; lost evidence: %d; evidence gaps: %d before, %d after; not evaluated: %d after; input problems: %d before, %d after; exit code %d",
		plural(s.Changes, "change"), s.ByKind[Added], s.ByKind[Removed], s.ByKind[Changed], s.ByKind[HostAdded], s.ByKind[HostRemoved],
		plural(s.FilesChanged, "file"), plural(s.PolicyChanges, "policy change"),
		s.Findings["new"], s.Findings["unverified"], s.Findings["changed"], s.Findings["fixed"], s.Findings["unchanged"],
		s.Introduced, s.FailOn, s.LostEvidence, s.EvidenceGaps.Before, s.EvidenceGaps.After, s.NotEvaluated, s.InputProblems.Before, s.InputProblems.After, s.ExitCode)
}
