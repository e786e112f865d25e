package snapdiff

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
)

// Markdown writes the review for a change ticket, verdict first: a
// heading that says GO or NO-GO and why, a summary table, the findings
// (unverified and new first, with the evidence lost), the changes
// riskiest first with their effects, the policy's changes, lost
// evidence, the after snapshot's evidence gaps and what it could not
// evaluate. Capture hunks are left to the text (--hunks) and JSON
// formats; a ticket wants the decision and the settings, not the raw
// lines.
func Markdown(w io.Writer, r *Review, o Options) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format+"\n", source.PrintableArgs(args)...) }
	s := Summarize(r, o)
	p("## bwlint review: %s", mdText(VerdictLine(s)))
	p("")
	p("| | |")
	p("| --- | --- |")
	p("| Before | %s |", mdCode(r.Before.Snapshot.Root))
	p("| After | %s |", mdCode(r.After.Snapshot.Root))
	p("| Policy | %s |", o.Policy.OrNone().Markdown())
	p("| Changes | %d: %d added, %d removed, %d changed, in %s |", s.Changes, s.ByKind[Added], s.ByKind[Removed], s.ByKind[Changed], plural(s.FilesChanged, "file"))
	p("| Policy changes | %d |", s.PolicyChanges)
	p("| Hosts | %d added, %d removed |", s.ByKind[HostAdded], s.ByKind[HostRemoved])
	p("| Findings | %d new, %d unverified, %d changed, %d fixed, %d unchanged |", s.Findings["new"], s.Findings["unverified"], s.Findings["changed"], s.Findings["fixed"], s.Findings["unchanged"])
	p("| Lost evidence | %d |", s.LostEvidence)
	p("| Evidence gaps | %d before, %d after |", s.EvidenceGaps.Before, s.EvidenceGaps.After)
	p("| Not evaluated | %d after |", s.NotEvaluated)
	p("| Input problems | %d before, %d after |", s.InputProblems.Before, s.InputProblems.After)
	p("")
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
			if l := f.Lost; l != nil {
				msg += " (evidence lost on " + mdText(l.Host) + ": " + mdText(statusWords(l.Status)+lostReasons(l.Reasons)) + ")"
			}
			p("| %s%s | %s | %s | %s | %s | %s (%s) |", f.State, mdText(marks(f, r)), f.Severity, mdCode(f.Check), mdText(f.Host), msg, mdCode(position(f.Location)), findingSide(f))
		}
		p("")
	}
	p("### Changes, riskiest first")
	p("")
	if len(r.Changes) == 0 {
		p("No setting changed.")
		p("")
	} else {
		p("| Host | Change | Where | Before | After | Effect |")
		p("| --- | --- | --- | --- | --- | --- |")
		for _, c := range r.Changes {
			p("| %s | %s | %s | %s | %s | %s |", mdText(cmp.Or(c.Host, "—")), strings.ReplaceAll(string(c.Kind), "_", " "), mdCode(subject(c)),
				mdValue(c, c.Before, c.BeforeLocation.Filename != ""), mdValue(c, c.After, c.AfterLocation.Filename != ""), mdEffects(c, r))
		}
		p("")
	}
	if len(r.PolicyChanges) > 0 {
		p("### Policy changes")
		p("")
		p("| Change | Where | Before | After | Effect |")
		p("| --- | --- | --- | --- | --- |")
		for _, pc := range r.PolicyChanges {
			var waives []string
			for _, i := range pc.Waives {
				waives = append(waives, mdText(waivesWords(r.Findings[i], r)))
			}
			p("| %s | %s | %s | %s | %s |", pc.Kind, mdCode(pc.Subject()), mdPolicyValue(pc.Before, pc.BeforeAt.Filename != ""),
				mdPolicyValue(pc.After, pc.AfterAt.Filename != ""), cmp.Or(strings.Join(waives, "<br>"), "—"))
		}
		p("")
	}
	if len(r.LostEvidence) > 0 {
		p("### Lost evidence")
		p("")
		p("Evaluated before the change, not after: what these checks found before is neither confirmed nor fixed.")
		p("")
		p("| Check | Host | After | Why |")
		p("| --- | --- | --- | --- |")
		for _, l := range r.LostEvidence {
			p("| %s | %s | %s | %s |", mdCode(l.Check), mdText(l.Host), statusWords(l.Status), mdText(strings.Join(l.Reasons, "; ")))
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
			p("| %s | %s | %s | %s | %s |", mdCode(g.Check), mdText(cmp.Or(g.Host, "snapshot")), mdText(g.Reason), strings.Join(lines, "<br>"), mdCode(g.File))
		}
		p("")
	}
	if ns := r.NotEvaluated(); len(ns) > 0 {
		p("### Not evaluated (after)")
		p("")
		p("These checks could not judge these hosts after the change, for the reasons given; that is not a pass.")
		p("")
		p("| Check | Host | Reason |")
		p("| --- | --- | --- |")
		for _, n := range ns {
			p("| %s | %s | %s |", mdCode(n.Check), mdText(cmp.Or(n.Host, "all hosts")), mdText(n.Reason))
		}
		p("")
	}
	return bw.Flush()
}

// mdEffects is a change's effect cell: the findings it is tied to, else
// whether any check judges it.
func mdEffects(c Change, r *Review) string {
	if len(c.Effects) == 0 {
		return mdText(judgedWords(c))
	}
	var out []string
	for _, e := range c.Effects {
		out = append(out, mdText(effectWords(e, r.Findings[e.Finding])))
	}
	return strings.Join(out, "<br>")
}

// mdPolicyValue is one side of a policy change for a table cell.
func mdPolicyValue(v string, present bool) string {
	switch {
	case !present:
		return "—"
	case v == "":
		return "(block)"
	}
	return mdCode(v)
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
