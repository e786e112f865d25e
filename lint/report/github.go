package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/hashicorp/hcl/v2"
)

// GitHub writes GitHub Actions workflow commands: one annotation per
// finding, input problem, not-evaluated check and check failure, then a
// summary line. Waived findings and findings fixed since the baseline are
// left out, as in the SARIF github profile: an annotation cannot say
// "accepted". A baseline entry that matches nothing is annotated on its
// line of the baseline file (an error when stale entries fail the run).
// Paths are relative to the report root (the checkout), as in SARIF and
// the Markdown report.
func GitHub(w io.Writer, r *judge.Result, o Options) error {
	paths, err := newReportPaths(o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	a := annotator{w: bw, paths: paths}
	left := 0
	for _, f := range r.Findings {
		if f.Waiver != nil || f.State == judge.StateFixed && !f.UnusedEntry {
			left++
			continue
		}
		level := githubLevel(f.Severity)
		switch {
		case f.Baselined:
			level = "notice" // known and accepted by the baseline: not a new problem
		case f.UnusedEntry && f.Counts():
			level = "error" // a stale entry, and the run fails on them
		}
		a.annotate(level, f.Location, f.Check+" ("+cmp.Or(f.Host, "snapshot")+")", a.findingMessage(f)...)
	}
	for _, p := range r.Problems {
		a.annotate(githubProblemLevel(p.Severity), p.Range, "input problem", p.Message)
	}
	for _, g := range r.Gaps {
		level := "error"
		if !g.Counts(o.MissingEvidence) {
			level = "warning"
		}
		a.annotate(level, hcl.Range{}, g.Check+" evidence gap ("+cmp.Or(g.Host, "snapshot")+")", gapMessage(g, a.paths.fromRoot(g.File))...)
	}
	for _, n := range r.NotEvaluated {
		a.annotate("notice", hcl.Range{}, n.Check+" not evaluated", fmt.Sprintf("%s on %s: %s", n.Check, cmp.Or(n.Host, "all hosts"), n.Reason))
	}
	for _, f := range r.Failures {
		a.annotate("error", hcl.Range{}, f.Check+" failed", "check "+f.Check+" failed: "+f.Err)
	}
	s := Summarize(r, o)
	fmt.Fprintf(bw, "%s: %s (%d counting at --fail-on %s, %d waived or fixed not annotated), %s, %d not evaluated, %s, %d check failures; exit code %d\n",
		lint.ToolName, plural(s.Findings, "finding"), s.Counting, s.FailOn, left, gapCount(s), s.NotEvaluated, plural(s.Problems, "input problem"), s.Failures, s.ExitCode)
	return bw.Flush()
}

type annotator struct {
	w     *bufio.Writer
	paths reportPaths
}

// annotate writes "::level file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message",
// the message made of lines. A range without a file gives an annotation on
// the run, not on a file. Every control character of the file name, the
// title and each line is escaped (source.Printable), so that nothing a
// snapshot holds starts a line of the log, let alone a workflow command;
// the lines are then joined, and the runner's own escapes applied.
func (a annotator) annotate(level string, r hcl.Range, title string, lines ...string) {
	for i, l := range lines {
		lines[i] = source.Printable(l)
	}
	msg := strings.Join(lines, "\n")
	var props []string
	if r.Filename != "" {
		props = append(props, "file="+escapeProperty(source.Printable(a.paths.fromRoot(r.Filename))))
		if r.Start.Line > 0 {
			props = append(props, "line="+strconv.Itoa(r.Start.Line), "col="+strconv.Itoa(r.Start.Column),
				"endLine="+strconv.Itoa(r.End.Line), "endColumn="+strconv.Itoa(r.End.Column))
		}
	}
	props = append(props, "title="+escapeProperty(source.Printable(title)))
	fmt.Fprintf(a.w, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(msg))
}

// findingMessage is the message first, then where in BroadWorks terms,
// the expected and actual values (never for secrets), related places
// (relative to the report root, like file=) and where the fix is.
func (a annotator) findingMessage(f judge.Finding) []string {
	lines := []string{f.Message}
	if f.Logical.Context != "" {
		lines = append(lines, "in "+f.Logical.Context+keySuffix(f.Logical.Key))
	}
	if d := f.Diff(); d != "" && !f.Secret {
		lines = append(lines, "expected (-) and actual (+):")
		lines = append(lines, strings.Split(strings.TrimSuffix(d, "\n"), "\n")...)
	}
	for _, rel := range f.Related {
		lines = append(lines, "related: "+a.paths.position(rel.Location)+": "+rel.Message)
	}
	if f.Baselined {
		lines = append(lines, "known from the baseline")
	}
	if len(f.Fix) == 0 {
		return append(lines, "fix: bwlint explain "+f.Check)
	}
	lines = append(lines, "fix:")
	for _, l := range FixLines(f.Fix) {
		lines = append(lines, "  "+l.Text)
	}
	return append(lines, "the check: bwlint explain "+f.Check)
}

// gapMessage is an evidence gap's reason, then the commands that capture
// the missing evidence and the file they belong in, named as file.
func gapMessage(g judge.Gap, file string) []string {
	lines := []string{g.Reason}
	if g.Baselined {
		lines = append(lines, "known from the baseline")
	}
	lines = append(lines, "capture into "+file+":")
	return append(lines, g.Capture()...)
}

// githubProblemLevel is the annotation level of an input problem.
func githubProblemLevel(s source.Severity) string {
	switch s {
	case source.Error:
		return "error"
	case source.Note:
		return "notice"
	}
	return "warning"
}

func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message as the Actions runner
// expects (actions/toolkit, command.ts): %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value: the message escapes plus the
// separators ":" and ",".
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
