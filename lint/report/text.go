package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/hashicorp/hcl/v2"
)

// Text writes findings grouped by host — severity, check, position, the
// source line with the offending token marked, expected (green) against
// actual (red), the fix with the finding's own values where the check
// gives them — and a summary with evidence gaps, not-evaluated checks and
// input problems. A failing run with Options.Gate opens with why it
// failed and the three ways forward. Waived and baselined findings are
// one line each unless Options.Verbose. Lines wrap to Options.Width.
func Text(w io.Writer, r *judge.Result, o Options) error {
	bw := bufio.NewWriter(w)
	t := &textWriter{w: bw, o: o, src: sourceOf(o), checks: map[string]*lint.Check{}, fixShown: map[string]bool{}}
	for _, c := range r.Checks {
		t.checks[c.Name] = c
	}
	if o.Gate != nil && o.ExitCode != lint.ExitOK {
		t.gate(r)
	}
	host := "\x00"
	for _, f := range r.Findings {
		if f.Host != host {
			host = f.Host
			t.hostHeading(host)
		}
		if !o.Verbose && (f.Waiver != nil || f.Baselined) {
			t.oneLine(f)
			continue
		}
		t.finding(f)
	}
	if t.collapsed {
		t.line("")
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
	// collapsed is set after a one-line finding, so that the next full
	// one is set apart by a blank line.
	collapsed bool
}

// painted is text made printable and, when colour is on, wrapped in
// colour codes: line writes it as it is.
type painted string

func (t *textWriter) paint(color, s string) painted { return painted(Paint(t.o.Color, color, s)) }

// line writes one line. Every string argument is made printable first —
// file names, messages, values and waiver reasons come from the snapshot
// and the policy, and a newline or an escape sequence in one must not
// start a line or a terminal command of its own — while painted ones
// carry bwlint's own colour codes.
func (t *textWriter) line(format string, args ...any) {
	fmt.Fprintf(t.w, format+"\n", source.PrintableArgs(args)...)
}

// wrapped writes prose wrapped to the width: first before the first line,
// rest before the others. Painted parts keep their colours; everything
// else is made printable.
func (t *textWriter) wrapped(first, rest string, parts ...any) {
	var b strings.Builder
	for _, p := range parts {
		switch v := p.(type) {
		case painted:
			b.WriteString(string(v))
		case string:
			b.WriteString(source.Printable(v))
		default:
			b.WriteString(source.Printable(fmt.Sprint(v)))
		}
	}
	for _, l := range Wrap(b.String(), t.o.Width, first, rest) {
		fmt.Fprintln(t.w, l)
	}
}

func (t *textWriter) hostHeading(host string) {
	if t.collapsed {
		t.line("")
		t.collapsed = false
	}
	title := "host " + host
	if host == "" {
		title = "Partner Hub and snapshot-wide"
	}
	t.line("%s", t.paint(ColorBold, title))
}

func (t *textWriter) severity(s lint.Severity) painted {
	switch s {
	case lint.Error:
		return t.paint(ColorRed+ColorBold, "error")
	case lint.Warning:
		return t.paint(ColorYellow+ColorBold, "warning")
	}
	return t.paint(ColorCyan, "note")
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

// marks are what the judging made of a finding, as the text shows them:
// "waived", "baselined", "new", "stale baseline entry".
func marks(f judge.Finding) []string {
	var out []string
	if f.Waiver != nil {
		out = append(out, "waived")
	}
	if f.Baselined {
		out = append(out, "baselined")
	}
	switch {
	case f.StaleBaselineEntry():
		out = append(out, "stale baseline entry")
	case f.UnusedBaselineEntry():
		out = append(out, "baseline entry, evidence gone")
	case f.State != "":
		out = append(out, string(f.State))
	}
	return out
}

func (t *textWriter) finding(f judge.Finding) {
	if t.collapsed {
		t.line("")
		t.collapsed = false
	}
	status := painted("")
	if m := marks(f); len(m) > 0 {
		color := ColorGreen
		if f.Counts() {
			color = ColorRed
		}
		status = " " + t.paint(color, "("+strings.Join(m, ", ")+")")
	}
	t.wrapped("  ", "      ", t.severity(f.Severity), " ", t.paint(ColorBold, f.Check), " ", position(f.Location), status)
	t.wrapped("    ", "    ", f.Message)
	if f.Logical.Context != "" {
		t.wrapped("    ", "      ", "in ", f.Logical.Context, keySuffix(f.Logical.Key))
	}
	if l := f.Lost; l != nil {
		t.wrapped("    ", "      ", "evidence gone: ", lostText(l))
	}
	if !f.Secret {
		for _, l := range marked(t.src, f.Location, "    ", t.o.Width) {
			t.line("%s", l)
		}
		if d := f.Diff(); d != "" {
			t.line("    expected (-) and actual (+):")
			for _, l := range strings.Split(strings.TrimSuffix(d, "\n"), "\n") {
				text, _ := Cut(source.Printable(l), t.o.Width, 6, 0, 0)
				switch {
				case strings.HasPrefix(l, "-"):
					t.line("      %s", painted(Paint(t.o.Color, ColorGreen, text)))
				case strings.HasPrefix(l, "+"):
					t.line("      %s", painted(Paint(t.o.Color, ColorRed, text)))
				default:
					t.line("      %s", painted(text))
				}
			}
		}
	}
	for _, rel := range f.Related {
		t.wrapped("    ", "      ", "related: ", position(rel.Location), ": ", rel.Message)
	}
	if f.Waiver != nil {
		t.wrapped("    ", "      ", fmt.Sprintf("waived by %q: %s (owner %s, expires %s)", f.Waiver.Name, f.Waiver.Reason, orNone(f.Waiver.Owner), f.Waiver.Expires))
	}
	t.fix(f)
	t.line("")
}

// oneLine writes a waived or baselined finding on one line, cut to the
// width: it does not fail the run, and --verbose shows it in full.
func (t *textWriter) oneLine(f judge.Finding) {
	why := strings.Join(marks(f), ", ")
	if w := f.Waiver; w != nil {
		why = "waived by " + w.Name + " until " + w.Expires
		if f.Baselined {
			why += ", baselined"
		}
	}
	on := ""
	if f.Host != "" {
		on = " on " + f.Host
	}
	text := fmt.Sprintf("%s %s%s (%s): %s", f.Severity, f.Check, on, why, f.Message)
	cut, _ := Cut(source.Printable(text), t.o.Width, 2, 0, 0)
	t.line("  %s", painted(cut))
	t.collapsed = true
}

// lostText says what evidence was lost: "xsp2: evidence gap: …".
func lostText(l *lint.LostEvidence) string {
	s := l.Host + ": " + strings.ReplaceAll(string(l.Status), "_", " ")
	if len(l.Reasons) > 0 {
		s += ": " + strings.Join(l.Reasons, "; ")
	}
	return s
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

// fix prints how to fix a finding: its own steps, with its values, when
// the check gives them; else the check's fix, under its first finding,
// and a pointer back to it afterwards, so a run with many findings of one
// check stays readable.
func (t *textWriter) fix(f judge.Finding) {
	if len(f.Fix) > 0 {
		t.line("    fix:")
		for _, l := range FixLines(f.Fix) {
			if l.Code {
				t.line("        %s", l.Text)
			} else {
				t.wrapped("      ", "      ", l.Text)
			}
		}
		return
	}
	c := t.checks[f.Check]
	if c == nil {
		return
	}
	if t.fixShown[f.Check] {
		t.line("    fix: as shown above (bwlint explain %s)", f.Check)
		return
	}
	t.fixShown[f.Check] = true
	t.line("    fix:")
	// The fix is Markdown: a line break inside a paragraph is a space, so
	// a paragraph is wrapped whole rather than line by line, which would
	// leave a word or two on lines of their own. A list item starts a
	// paragraph of its own; fenced lines are kept as they are.
	var para []string
	flush := func() {
		if len(para) > 0 {
			t.wrapped("      ", "      ", plainCode(strings.Join(para, " ")))
			para = nil
		}
	}
	inFence := false
	for _, l := range strings.Split(strings.TrimSpace(c.Fix), "\n") {
		trimmed := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(trimmed, "```"):
			flush()
			inFence = !inFence
		case inFence || trimmed == "":
			flush()
			t.line("      %s", l)
		case listItem().MatchString(trimmed):
			flush()
			para = append(para, trimmed)
		default:
			para = append(para, trimmed)
		}
	}
	flush()
}

// listItem matches the first line of a Markdown list item.
var listItem = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([-*+]|\d+[.)])\s`) })

// fixLines are a check's fix as plain text lines, as the HTML report
// shows them: fences dropped, code spans outside them as their bare text.
func fixLines(fix string) []string {
	var out []string
	inFence := false
	for _, l := range strings.Split(strings.TrimSpace(fix), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			inFence = !inFence
			continue
		}
		if !inFence {
			l = plainCode(l)
		}
		out = append(out, l)
	}
	return out
}

// FixLine is one line of a rendered fix: prose, or a line to paste.
type FixLine struct {
	Text string
	// Code is set on a line to paste into a CLI or a shell.
	Code bool
}

// FixLines renders a finding's fix steps: each step's comment as prose,
// and its command under a "cd" to its CLI context whenever the context
// differs from the command before, so that each run of commands pastes
// into bwcli as it is.
func FixLines(steps []lint.FixStep) []FixLine {
	var out []FixLine
	at := "\x00"
	for _, s := range steps {
		if s.Comment != "" {
			out = append(out, FixLine{Text: s.Comment})
			at = "\x00" // prose between: the next command starts its own block
		}
		if s.Command == "" {
			continue
		}
		if path := s.CLIPath(); path != "" && s.Context != at {
			out = append(out, FixLine{Text: "cd " + path, Code: true})
		}
		at = s.Context
		out = append(out, FixLine{Text: s.Command, Code: true})
	}
	return out
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
	t.line("%s", t.paint(ColorBold, title))
	for _, g := range r.Gaps {
		mark := painted("")
		if g.Baselined {
			mark = " " + t.paint(ColorGreen, "(baselined)")
		}
		t.wrapped("  ", "    ", t.paint(ColorBold, g.Check), " ", cmp.Or(g.Host, "(snapshot)"), mark, ": ", g.Reason)
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
		t.line("%s", t.paint(ColorBold, "Not evaluated"))
		for _, n := range r.NotEvaluated {
			t.wrapped("  ", "    ", n.Check, " ", cmp.Or(n.Host, "(all hosts)"), ": ", n.Reason)
		}
		t.line("")
	}
	if len(r.Failures) > 0 {
		t.line("%s", t.paint(ColorBold, "Checks that failed to run"))
		for _, f := range r.Failures {
			t.wrapped("  ", "    ", f.Check, ": ", f.Err)
		}
		t.line("")
	}
	if len(r.Problems) > 0 {
		t.line("%s", t.paint(ColorBold, "Input problems"))
		for _, p := range r.Problems {
			t.wrapped("  ", "    ", p.Error())
		}
		t.line("")
	}
	verdict := t.paint(ColorGreen, "passed")
	if s.ExitCode != 0 {
		verdict = t.paint(ColorRed+ColorBold, fmt.Sprintf("failed (exit code %d)", s.ExitCode))
	}
	baselined := ""
	if b := s.Baseline; b != nil {
		baselined = fmt.Sprintf("; baseline: %s", baselineCounts(b))
	}
	if t.o.Policy.Origin != "" { // a caller that applied no policy says nothing of one
		t.wrapped("", "  ", t.paint(ColorBold, "Policy:"), " ", t.o.Policy.Describe())
	}
	t.wrapped("", "  ", t.paint(ColorBold, "Summary:"), " ", fmt.Sprintf("%s (%s, %s, %s; %d waived%s), %d counting at --fail-on %s; %s run, %d not evaluated, %s, %d failed; %s: ",
		plural(s.Findings, "finding"), plural(s.BySeverity["error"], "error"), plural(s.BySeverity["warning"], "warning"),
		plural(s.BySeverity["note"], "note"), s.Waived, baselined, s.Counting, s.FailOn, plural(s.ChecksRun, "check"), s.NotEvaluated,
		gapCount(s), s.Failures, plural(s.Problems, "input problem")), verdict)
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
	if b.UnusedEntries > 0 {
		s += fmt.Sprintf(" (%d stale, %d with evidence gone)", b.Stale, b.Unverified)
	}
	if b.BaselinedGaps+b.NewGaps > 0 {
		s += fmt.Sprintf("; gaps: %d baselined, %d new", b.BaselinedGaps, b.NewGaps)
	}
	return s
}
