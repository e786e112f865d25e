package snapdiff

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
)

// Markdown writes the review for a change ticket: the verdict and a
// summary table, the findings that need attention, then the changes per
// host. Capture hunks are left to the text and JSON formats; a ticket
// wants the decision and the settings, not the raw lines.
func Markdown(w io.Writer, r *Review, o Options) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format+"\n", source.PrintableArgs(args)...) }
	s := Summarize(r, o)
	p("## bwlint pre-change review")
	p("")
	p("**%s**", verdict(s))
	p("")
	p("| | |")
	p("| --- | --- |")
	p("| Before | %s |", mdCode(r.Before.Snapshot.Root))
	p("| After | %s |", mdCode(r.After.Snapshot.Root))
	p("| Policy | %s |", o.Policy.OrNone().Markdown())
	p("| Changes | %d: %d added, %d removed, %d changed, in %s |", s.Changes, s.ByKind[Added], s.ByKind[Removed], s.ByKind[Changed], plural(s.FilesChanged, "file"))
	p("| Hosts | %d added, %d removed |", s.ByKind[HostAdded], s.ByKind[HostRemoved])
	p("| Findings | %d new, %d changed, %d fixed, %d unchanged |", s.Findings["new"], s.Findings["changed"], s.Findings["fixed"], s.Findings["unchanged"])
	p("| Lost evidence | %d |", s.LostEvidence)
	p("| Evidence gaps | %d before, %d after |", s.EvidenceGaps.Before, s.EvidenceGaps.After)
	p("| Input problems | %d before, %d after |", s.InputProblems.Before, s.InputProblems.After)
	p("")
	if len(r.LostEvidence) > 0 {
		p("### Lost evidence")
		p("")
		p("Evaluated before the change, not after: what these checks found before is neither confirmed nor fixed.")
		p("")
		p("| Check | Host | After | Why |")
		p("| --- | --- | --- | --- |")
		for _, l := range r.LostEvidence {
			p("| %s | %s | %s | %s |", mdCode(l.Check), mdText(l.Host), strings.ReplaceAll(string(l.Status), "_", " "), mdText(strings.Join(l.Reasons, "; ")))
		}
		p("")
	}
	if len(r.Findings) > 0 {
		p("### Findings")
		p("")
		p("| State | Severity | Check | Host | Finding | Location |")
		p("| --- | --- | --- | --- | --- | --- |")
		for _, f := range byState(r.Findings) {
			msg := mdText(f.Message)
			if b := f.Before; b != nil {
				msg += " (before: " + mdText(b.Message) + ")"
			}
			p("| %s%s | %s | %s | %s | %s | %s (%s) |", f.State, marks(f), f.Severity, mdCode(f.Check), mdText(f.Host), msg, mdCode(position(f.Location)), findingSide(f))
		}
		p("")
	}
	if gaps := r.Gaps(); len(gaps) > 0 {
		p("### Evidence gaps (after)")
		p("")
		p("| Check | Host | Missing | Capture | Into |")
		p("| --- | --- | --- | --- | --- |")
		for _, g := range gaps {
			var lines []string
			for _, l := range g.Capture() {
				lines = append(lines, mdCode(l))
			}
			host := g.Host
			if host == "" {
				host = "snapshot"
			}
			p("| %s | %s | %s | %s | %s |", mdCode(g.Check), mdText(host), mdText(g.Reason), strings.Join(lines, "<br>"), mdCode(g.File))
		}
		p("")
	}
	p("### Changes per host")
	p("")
	if len(r.Changes) == 0 {
		p("No setting changed.")
	}
	for _, host := range hostsOf(r) {
		var cs []Change
		for _, c := range r.Changes {
			if c.Host == host {
				cs = append(cs, c)
			}
		}
		if len(cs) == 0 {
			continue
		}
		p("#### %s", mdText(hostTitle(host)))
		p("")
		p("| Change | Where | Before | After |")
		p("| --- | --- | --- | --- |")
		for _, c := range cs {
			p("| %s | %s | %s | %s |", c.Kind, mdCode(subject(c)), mdValue(c, c.Before, c.BeforeLocation.Filename != ""), mdValue(c, c.After, c.AfterLocation.Filename != ""))
		}
		p("")
	}
	return bw.Flush()
}

func verdict(s Summary) string {
	switch {
	case s.ExitCode == 0 && s.Introduced == 0:
		return fmt.Sprintf("Passed: the change introduces no finding at or above %s.", s.FailOn)
	case s.ExitCode == 2 && s.GapsCounting > 0 && s.InputProblems.Before+s.InputProblems.After == 0:
		return fmt.Sprintf("Failed: the after snapshot lacks evidence the checks need (%s, exit code 2); capture it and review again.", plural(s.GapsCounting, "evidence gap"))
	case s.Introduced > 0:
		return fmt.Sprintf("Failed: the change introduces %s at or above %s (exit code %d).", plural(s.Introduced, "finding"), s.FailOn, s.ExitCode)
	}
	return fmt.Sprintf("Failed with exit code %d: see evidence gaps, input problems or check failures.", s.ExitCode)
}

// mdValue renders one side of a change for a table cell.
func mdValue(c Change, v string, present bool) string {
	switch {
	case !present:
		return "—"
	case c.Secret:
		return mdText(source.Redacted)
	case c.Kind == HostAdded || c.Kind == HostRemoved:
		return mdText(v)
	}
	return mdCode(v)
}

// mdCode renders s as inline code inside a table cell, with a fence longer
// than any run of backticks in s and pipes escaped, which GitHub's tables
// require even inside code.
func mdCode(s string) string {
	if s == "" {
		return "(empty)"
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + escapeCell(s) + pad + fence
}

// mdText escapes text for a table cell.
func mdText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`)
	return escapeCell(r.Replace(s))
}

func escapeCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\r", " ", "\n", " ").Replace(s)
}
