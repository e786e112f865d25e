package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/hashicorp/hcl/v2"
)

// ANSI colours for the text format; used only when Options.Color is set.
const (
	reset  = "\x1b[0m"
	bold   = "\x1b[1m"
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	green  = "\x1b[32m"
)

// Text writes findings grouped by host — severity, check, position, the
// source line with the offending token marked, expected against actual,
// the fix — and a summary with not-evaluated checks and input problems.
func Text(w io.Writer, r *judge.Result, o Options) error {
	bw := bufio.NewWriter(w)
	t := &textWriter{w: bw, o: o, src: sourceOf(o), checks: map[string]*lint.Check{}, fixShown: map[string]bool{}}
	for _, c := range r.Checks {
		t.checks[c.Name] = c
	}
	host := "\x00"
	for _, f := range r.Findings {
		if f.Host != host {
			host = f.Host
			t.hostHeading(host)
		}
		t.finding(f)
	}
	t.summary(r)
	return bw.Flush()
}

type textWriter struct {
	w        *bufio.Writer
	o        Options
	src      *redact.Source
	checks   map[string]*lint.Check
	fixShown map[string]bool
}

// painted is text made printable and, when colour is on, wrapped in
// colour codes: line writes it as it is.
type painted string

func (t *textWriter) paint(color, s string) painted {
	s = source.Printable(s)
	if !t.o.Color {
		return painted(s)
	}
	return painted(color + s + reset)
}

// line writes one line. Every string argument is made printable first —
// file names, messages, values and waiver reasons come from the snapshot
// and the policy, and a newline or an escape sequence in one must not
// start a line or a terminal command of its own — while painted ones
// carry bwlint's own colour codes.
func (t *textWriter) line(format string, args ...any) {
	fmt.Fprintf(t.w, format+"\n", source.PrintableArgs(args)...)
}

func (t *textWriter) hostHeading(host string) {
	title := "host " + host
	if host == "" {
		title = "Partner Hub and snapshot-wide"
	}
	t.line("%s", t.paint(bold, title))
}

func (t *textWriter) severity(s lint.Severity) painted {
	switch s {
	case lint.Error:
		return t.paint(red+bold, "error")
	case lint.Warning:
		return t.paint(yellow+bold, "warning")
	}
	return t.paint(cyan, "note")
}

func position(r hcl.Range) string {
	if r.Filename == "" {
		return "(no file)"
	}
	if r.Start.Line == 0 {
		return r.Filename
	}
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

func (t *textWriter) finding(f judge.Finding) {
	var marks []string
	if f.Waiver != nil {
		marks = append(marks, "waived")
	}
	if f.Baselined {
		marks = append(marks, "baselined")
	}
	switch {
	case f.UnusedBaselineEntry():
		marks = append(marks, "unused entry")
	case f.State != "":
		marks = append(marks, string(f.State))
	}
	status := painted("")
	if len(marks) > 0 {
		status = " " + t.paint(green, "("+strings.Join(marks, ", ")+")")
	}
	t.line("  %s %s %s%s", t.severity(f.Severity), t.paint(bold, f.Check), position(f.Location), status)
	t.line("    %s", f.Message)
	if f.Logical.Context != "" {
		t.line("    in %s%s", f.Logical.Context, keySuffix(f.Logical.Key))
	}
	if !f.Secret {
		for _, l := range marked(t.src, f.Location, "    ") {
			t.line("%s", l)
		}
		if d := f.Diff(); d != "" {
			t.line("    expected (-) and actual (+):")
			for _, l := range strings.Split(strings.TrimSuffix(d, "\n"), "\n") {
				color := ""
				switch {
				case strings.HasPrefix(l, "-"):
					color = red
				case strings.HasPrefix(l, "+"):
					color = green
				}
				if color != "" {
					t.line("      %s", t.paint(color, l))
					continue
				}
				t.line("      %s", l)
			}
		}
	}
	for _, rel := range f.Related {
		t.line("    related: %s: %s", position(rel.Location), rel.Message)
	}
	if f.Waiver != nil {
		t.line("    waived by %q: %s (owner %s, expires %s)", f.Waiver.Name, f.Waiver.Reason, orNone(f.Waiver.Owner), f.Waiver.Expires)
	}
	t.fix(f.Check)
	t.line("")
}

func keySuffix(key string) string {
	if key == "" {
		return ""
	}
	return ", " + key
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// fix prints a check's fix under its first finding and points back to it
// afterwards, so a run with many findings of one check stays readable.
func (t *textWriter) fix(name string) {
	c := t.checks[name]
	if c == nil {
		return
	}
	if t.fixShown[name] {
		t.line("    fix: as shown above (bwlint explain %s)", name)
		return
	}
	t.fixShown[name] = true
	t.line("    fix:")
	inFence := false
	for _, l := range strings.Split(strings.TrimSpace(c.Fix), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			inFence = !inFence
			continue
		}
		if !inFence {
			l = plainCode(l)
		}
		t.line("      %s", l)
	}
}

// plainCode writes Markdown's inline code spans as their bare text: a
// terminal shows no code font, and `allowUserApp` reads as noise. Code
// spans follow CommonMark: a run of n backticks opens one that the next
// run of exactly n closes, and one space just inside each end is dropped
// when both are there; a run that closes nothing is text.
func plainCode(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		if line[i] != '`' {
			b.WriteByte(line[i])
			i++
			continue
		}
		n := backticks(line[i:])
		end := -1
		for j := i + n; j < len(line); {
			if line[j] != '`' {
				j++
				continue
			}
			m := backticks(line[j:])
			if m == n {
				end = j
				break
			}
			j += m
		}
		if end < 0 {
			b.WriteString(line[i : i+n])
			i += n
			continue
		}
		code := line[i+n : end]
		if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
			code = code[1 : len(code)-1]
		}
		b.WriteString(code)
		i = end + n
	}
	return b.String()
}

// backticks counts the backticks s starts with.
func backticks(s string) int {
	n := 0
	for n < len(s) && s[n] == '`' {
		n++
	}
	return n
}

// gaps lists the evidence gaps, each with the commands that capture the
// missing evidence and the file they belong in, before the checks not
// evaluated: a gap fails the run, a check not evaluated does not.
func (t *textWriter) gaps(r *judge.Result) {
	if len(r.Gaps) == 0 {
		return
	}
	title := "Evidence gaps"
	if t.o.MissingEvidence == lint.ReportGaps {
		title += " (reported only: --missing-evidence report)"
	}
	t.line("%s", t.paint(bold, title))
	for _, g := range r.Gaps {
		mark := painted("")
		if g.Baselined {
			mark = " " + t.paint(green, "(baselined)")
		}
		t.line("  %s %s%s: %s", t.paint(bold, g.Check), cmp.Or(g.Host, "(snapshot)"), mark, g.Reason)
		t.line("    capture into %s:", g.File)
		for _, l := range g.Capture() {
			t.line("      %s", l)
		}
	}
	t.line("")
}

func (t *textWriter) summary(r *judge.Result) {
	s := Summarize(r, t.o)
	t.gaps(r)
	if len(r.NotEvaluated) > 0 {
		t.line("%s", t.paint(bold, "Not evaluated"))
		for _, n := range r.NotEvaluated {
			host := n.Host
			if host == "" {
				host = "(all hosts)"
			}
			t.line("  %s %s: %s", n.Check, host, n.Reason)
		}
		t.line("")
	}
	if len(r.Failures) > 0 {
		t.line("%s", t.paint(bold, "Checks that failed to run"))
		for _, f := range r.Failures {
			t.line("  %s: %s", f.Check, f.Err)
		}
		t.line("")
	}
	if len(r.Problems) > 0 {
		t.line("%s", t.paint(bold, "Input problems"))
		for _, p := range r.Problems {
			t.line("  %s", p.Error())
		}
		t.line("")
	}
	verdict := t.paint(green, "passed")
	if s.ExitCode != 0 {
		verdict = t.paint(red+bold, fmt.Sprintf("failed (exit code %d)", s.ExitCode))
	}
	baselined := ""
	if b := s.Baseline; b != nil {
		baselined = fmt.Sprintf("; baseline: %s", baselineCounts(b))
	}
	if t.o.Policy.Origin != "" { // a caller that applied no policy says nothing of one
		t.line("%s %s", t.paint(bold, "Policy:"), t.o.Policy.Describe())
	}
	t.line("%s %s (%s, %s, %s; %d waived%s), %d counting at --fail-on %s; %s run, %d not evaluated, %s, %d failed; %s: %s",
		t.paint(bold, "Summary:"), plural(s.Findings, "finding"), plural(s.BySeverity["error"], "error"), plural(s.BySeverity["warning"], "warning"),
		plural(s.BySeverity["note"], "note"), s.Waived, baselined, s.Counting, s.FailOn, plural(s.ChecksRun, "check"), s.NotEvaluated,
		gapCount(s), s.Failures, plural(s.Problems, "input problem"), verdict)
}

// gapCount words the evidence gaps of a summary, with how many fail the
// run when not all do.
func gapCount(s Summary) string {
	n := plural(s.EvidenceGaps, "evidence gap")
	if s.GapsCounting != s.EvidenceGaps {
		n += fmt.Sprintf(" (%d failing)", s.GapsCounting)
	}
	return n
}

// baselineCounts words a BaselineSummary for the text and Markdown
// summaries.
func baselineCounts(b *BaselineSummary) string {
	entries := "unused entries"
	if b.UnusedEntries == 1 {
		entries = "unused entry"
	}
	s := fmt.Sprintf("%d baselined, %d changed, %d new, %d %s", b.Baselined, b.Changed, b.New, b.UnusedEntries, entries)
	if b.BaselinedGaps+b.NewGaps > 0 {
		s += fmt.Sprintf("; gaps: %d baselined, %d new", b.BaselinedGaps, b.NewGaps)
	}
	return s
}
