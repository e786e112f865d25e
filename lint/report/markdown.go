package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// Markdown writes a report for a change ticket, a pull-request comment or
// a CI job summary (GitHub-flavoured Markdown): the verdict and a summary
// table, findings per host with the values compared and their fixes,
// then not-evaluated checks, check failures and input problems. Paths are
// relative to the report root, as in SARIF and the GitHub annotations, so
// that the three reports of one run name every file alike.
func Markdown(w io.Writer, r *judge.Result, o Options) error {
	paths, err := newReportPaths(o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	m := mdWriter{w: bw, paths: paths}
	s := Summarize(r, o)
	verdict := "passed"
	if s.ExitCode != 0 {
		verdict = fmt.Sprintf("failed (exit code %d)", s.ExitCode)
	}
	m.p("## %s: %s", lint.ToolName, verdict)
	m.p("")
	m.p("| | |")
	m.p("| --- | --- |")
	if o.Snapshot != nil {
		m.p("| Snapshot | %s (%s) |", mdCode(o.Snapshot.Root), plural(len(o.Snapshot.Files), "file"))
		m.manifest(o.Snapshot)
	}
	m.p("| Tool | %s, %s |", mdEscape(ToolDescription()), plural(s.ChecksRun, "check"))
	if o.Policy.Origin != "" {
		m.p("| Policy | %s |", o.Policy.Markdown())
	}
	m.invocation(o)
	m.p("| Findings | %d: %s, %s, %s |", s.Findings, plural(s.BySeverity["error"], "error"), plural(s.BySeverity["warning"], "warning"), plural(s.BySeverity["note"], "note"))
	m.p("| Counting at `--fail-on %s` | %d |", s.FailOn, s.Counting)
	m.p("| Waived | %d |", s.Waived)
	if s.Baseline != nil {
		m.p("| Baseline | %s |", baselineCounts(s.Baseline))
	}
	m.p("| Evidence gaps | %s |", mdGapCount(s))
	m.p("| Not evaluated | %d |", s.NotEvaluated)
	m.p("| Input problems | %d |", s.Problems)
	m.p("| Check failures | %d |", s.Failures)
	m.p("| Coverage | %s |", coverageCounts(s.Coverage))
	if len(r.Findings) > 0 {
		m.findingsTable(r.Findings)
		m.findingsByHost(r.Findings, helpURIs(r.Checks))
	}
	m.coverage(coverage(r, o.Snapshot))
	m.gaps(r, o)
	m.notEvaluated(r)
	if len(r.Failures) > 0 {
		m.p("")
		m.p("### Checks that failed to run")
		m.p("")
		for _, f := range r.Failures {
			m.p("- %s: %s", mdCode(f.Check), mdEscape(f.Err))
		}
	}
	if len(r.Problems) > 0 {
		m.p("")
		m.p("### Input problems")
		m.p("")
		m.p("| Severity | File | Line | Problem |")
		m.p("| --- | --- | --- | --- |")
		for _, p := range r.Problems {
			line := "-"
			if p.Range.Start.Line > 0 {
				line = fmt.Sprintf("%d:%d", p.Range.Start.Line, p.Range.Start.Column)
			}
			m.p("| %s | %s | %s | %s |", p.Severity, mdCode(p.Range.Filename), line, mdEscape(p.Message))
		}
	}
	return bw.Flush()
}

type mdWriter struct {
	w     *bufio.Writer
	paths reportPaths
}

func (m mdWriter) p(format string, args ...any) { fmt.Fprintf(m.w, format+"\n", args...) }

func (m mdWriter) findingsTable(fs []judge.Finding) {
	m.p("")
	m.p("| Severity | Check | Host | Location | Status |")
	m.p("| --- | --- | --- | --- | --- |")
	for _, f := range fs {
		m.p("| %s | %s | %s | %s | %s |", f.Severity, mdCode(f.Check), mdEscape(cmp.Or(f.Host, "-")), mdCode(m.paths.position(f.Location)), findingStatus(f))
	}
}

// findingStatus says whether a finding counts and why not.
func findingStatus(f judge.Finding) string {
	switch {
	case f.StaleBaselineEntry() && f.Counts():
		return "stale baseline entry, failing"
	case f.StaleBaselineEntry():
		return "stale baseline entry"
	case f.UnusedBaselineEntry():
		return "baseline entry, evidence gone"
	case f.State == judge.StateUnverified:
		return "unverified"
	case f.State == judge.StateFixed:
		return "fixed"
	case f.Waiver != nil:
		return "waived (" + mdEscape(f.Waiver.Name) + ")"
	case f.Baselined:
		return "baselined"
	case f.State == judge.StateChanged:
		return "changed"
	case f.State == judge.StateNew:
		return "new"
	}
	return "open"
}

func (m mdWriter) findingsByHost(fs []judge.Finding, help map[string]string) {
	host := "\x00"
	for _, f := range fs {
		if f.Host != host {
			host = f.Host
			m.p("")
			if host == "" {
				m.p("### Partner Hub and snapshot-wide")
			} else {
				m.p("### Host %s", mdEscape(host))
			}
		}
		m.p("")
		m.p("- **%s** %s at %s: %s", f.Severity, mdCode(f.Check), mdCode(m.paths.position(f.Location)), mdEscape(f.Message))
		if f.Logical.Context != "" {
			m.p("  - in %s", mdCode(f.Logical.Context+keySuffix(f.Logical.Key)))
		}
		if d := f.Diff(); d != "" && !f.Secret {
			m.p("  - expected (-) and actual (+):")
			m.p("")
			fence := mdFence(d)
			m.p("    %sdiff", fence)
			for _, l := range strings.Split(strings.TrimSuffix(d, "\n"), "\n") {
				m.p("    %s", source.Printable(l))
			}
			m.p("    %s", fence)
			m.p("")
		}
		for _, rel := range f.Related {
			m.p("  - related: %s: %s", mdCode(m.paths.position(rel.Location)), mdEscape(rel.Message))
		}
		if f.Waiver != nil {
			m.p("  - waived by %s: %s (%s)", mdCode(f.Waiver.Name), mdEscape(f.Waiver.Reason), mdEscape(waiverProvenance(f.Waiver)))
		}
		switch status := findingStatus(f); {
		case f.Waiver != nil || status == "open":
		case f.Baselined:
			m.p("  - known from the baseline: does not count")
		case f.StaleBaselineEntry() && f.Counts():
			m.p("  - a stale baseline entry: its finding is gone while its evidence is there; it fails the run (fail on stale baseline entries)")
		case f.StaleBaselineEntry():
			m.p("  - a stale baseline entry: its finding is gone while its evidence is there; it does not count")
		case f.UnusedBaselineEntry():
			m.p("  - a baseline entry whose evidence is gone: the finding may still be there; it does not count")
		default:
			m.p("  - %s since the baseline", status)
		}
		what := "fix"
		if len(f.Fix) > 0 {
			m.fixSteps(f.Fix)
			what = "the check"
		}
		if uri := help[f.Check]; uri != "" {
			m.p("  - %s: [%s](%s)", what, f.Check, uri)
		} else {
			m.p("  - %s: %s", what, mdCode("bwlint explain "+f.Check))
		}
	}
}

// fixSteps writes a finding's own fix: its prose as list text and each
// run of commands as a code block that pastes as it is.
func (m mdWriter) fixSteps(steps []lint.FixStep) {
	m.p("  - fix on this host:")
	var code []string
	flush := func() {
		if len(code) == 0 {
			return
		}
		fence := mdFence(strings.Join(code, "\n"))
		m.p("")
		m.p("    %s", fence)
		for _, c := range code {
			m.p("    %s", source.Printable(c))
		}
		m.p("    %s", fence)
		m.p("")
		code = nil
	}
	for _, l := range FixLines(steps) {
		if l.Code {
			code = append(code, l.Text)
			continue
		}
		flush()
		m.p("    %s", mdEscape(l.Text))
	}
	flush()
}

// Markdown is Describe in Markdown: the path as code, with the digest of
// the bytes read.
func (p Policy) Markdown() string {
	if p.Path == "" {
		return "none (" + mdEscape(p.Reason) + ")"
	}
	out := mdCode(p.Path) + " (" + mdEscape(p.Reason) + ")"
	if p.SHA256 != "" {
		out += ", sha256 " + mdCode(p.SHA256)
	}
	return out
}

// mdGapCount is the summary row of the evidence gaps.
func mdGapCount(s Summary) string {
	switch {
	case s.EvidenceGaps == 0:
		return "0"
	case s.MissingEvidence == lint.ReportGaps.String():
		return fmt.Sprintf("%d, reported only (`--missing-evidence report`)", s.EvidenceGaps)
	}
	return fmt.Sprintf("%d, %d failing the run", s.EvidenceGaps, s.GapsCounting)
}

// gaps lists the evidence gaps with the commands that capture them.
func (m mdWriter) gaps(r *judge.Result, o Options) {
	if len(r.Gaps) == 0 {
		return
	}
	m.p("")
	m.p("### Evidence gaps")
	m.p("")
	if o.MissingEvidence == lint.ReportGaps {
		m.p("These checks apply to these hosts but a capture they need is missing. Reported only: `--missing-evidence report`.")
	} else {
		m.p("These checks apply to these hosts but a capture they need is missing: the run fails until it is captured, unless the gap is baselined.")
	}
	m.p("")
	m.p("| Check | Host | Missing | Capture | Into |")
	m.p("| --- | --- | --- | --- | --- |")
	for _, g := range r.Gaps {
		var lines []string
		for _, l := range g.Capture() {
			lines = append(lines, mdCode(l))
		}
		host := mdEscape(cmp.Or(g.Host, "snapshot"))
		if g.Baselined {
			host += " (baselined)"
		}
		m.p("| %s | %s | %s | %s | %s |", mdCode(g.Check), host, mdEscape(g.Reason), strings.Join(lines, "<br>"), mdCode(g.File))
	}
}

func (m mdWriter) notEvaluated(r *judge.Result) {
	if len(r.NotEvaluated) == 0 {
		return
	}
	m.p("")
	m.p("### Not evaluated")
	m.p("")
	m.p("These checks could not be evaluated on these hosts, for the reasons given; that is not a pass.")
	m.p("")
	m.p("| Check | Host | Reason |")
	m.p("| --- | --- | --- |")
	for _, n := range r.NotEvaluated {
		m.p("| %s | %s | %s |", mdCode(n.Check), mdEscape(cmp.Or(n.Host, "all hosts")), mdEscape(n.Reason))
	}
}

// mdEscape makes text literal in Markdown: characters that start
// emphasis, links, code, HTML, entities or table cells are backslash-escaped, and
// control characters escaped (source.Printable), newlines too, so a list item
// stays one item.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range source.Printable(s) {
		if strings.ContainsRune("\\`*_[]<>|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCode writes s as an inline code span, with a backtick fence longer
// than any run of backticks inside; "|" still ends a table cell inside
// a code span in GitHub's tables, so it is escaped.
func mdCode(s string) string {
	s = strings.ReplaceAll(source.Printable(s), "|", "\\|")
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// mdFence is a code-block fence longer than any backtick run in s.
func mdFence(s string) string { return strings.Repeat("`", max(3, longestRun(s, '`')+1)) }

func longestRun(s string, c rune) int {
	longest, n := 0, 0
	for _, r := range s {
		if r == c {
			n++
			longest = max(longest, n)
		} else {
			n = 0
		}
	}
	return longest
}
