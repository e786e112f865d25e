package captureplan

import (
	"io"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// Markdown writes the plan as a checklist for a change ticket: per role
// and host, each line to type as a task, with the file it is saved in and
// the checks that read it.
func Markdown(w io.Writer, p *Plan, m Meta) error {
	t := &textWriter{w: w}
	t.line("# Capture plan")
	t.line("")
	checks := plural(len(p.Checks), "enabled check")
	switch {
	case p.Missing && len(p.Hosts) == 0 && len(p.Deployment) == 0:
		t.line("Nothing to capture: the %s have the evidence they need in %s.", checks, mdCode(m.Snapshot))
	case p.Missing:
		t.line("What %s lacks for the %s.", mdCode(m.Snapshot), checks)
	case len(p.Hosts) > 0:
		t.line("Every capture the %s read, on %s.", checks, plural(len(p.Hosts), "host"))
	default:
		t.line("Every capture the %s read.", checks)
	}
	t.line("")
	var names []string
	for _, c := range p.Checks {
		names = append(names, mdCode(c))
	}
	t.line("- Checks: %s", strings.Join(names, ", "))
	if m.Policy.Path != "" {
		t.line("- Policy: %s", mdCode(m.Policy.Path))
	} else {
		t.line("- Policy: none (built-in defaults)")
	}
	var groups []hostGroup
	if p.Missing {
		groups = p.groups()
	} else {
		byRole := map[inputs.Role][]hostGroup{}
		for _, g := range p.groups() {
			byRole[g.role] = append(byRole[g.role], g)
		}
		for _, r := range p.Roles {
			if len(byRole[r.Role]) == 0 {
				groups = append(groups, hostGroup{role: r.Role, steps: r.Steps})
			}
			groups = append(groups, byRole[r.Role]...)
		}
	}
	for _, g := range groups {
		t.line("")
		if len(g.names) == 0 {
			t.line("## %s (%s)", roleName(string(g.role)), mdEscape(noHostsNote(g.role)))
		} else {
			t.line("## %s: %s", roleName(string(g.role)), mdEscape(strings.Join(g.names, ", ")))
		}
		t.line("")
		for i, ph := range phases(g.steps) {
			switch {
			case ph.cli:
				t.line("%d. In bwcli:", i+1)
			case ph.afterCLI:
				t.line("%d. At the shell, after bwcli:", i+1)
			default:
				t.line("%d. At the shell:", i+1)
			}
			for _, l := range ph.lines {
				t.task("   ", mdCode(l.prompt+l.text), lineNotes(l))
			}
		}
	}
	for _, src := range deploymentSources {
		first := true
		for i := range p.Deployment {
			s := &p.Deployment[i]
			if s.Source != src {
				continue
			}
			if first {
				t.line("")
				t.line("## %s", deploymentHeading(src))
				t.line("")
				first = false
			}
			what := mdEscape(s.Text)
			if src == lint.FromOCIP {
				what = mdCode(strings.TrimPrefix(s.Line(), "OCI-P "))
			}
			if s.Host != "" {
				what += " (for " + mdEscape(s.Host) + ")"
			}
			t.task("", what, stepNotes(s))
		}
	}
	return t.err
}

// task writes a checklist item: the notes follow on its line, the
// reasons a capture is missing under it.
func (t *textWriter) task(indent, what string, notes []note) {
	var inline, missing []string
	for _, n := range notes {
		if n.missing {
			missing = append(missing, n.md)
		} else {
			inline = append(inline, n.md)
		}
	}
	line := indent + "- [ ] " + what
	if len(inline) > 0 {
		line += " — " + strings.Join(inline, "; ")
	}
	t.line("%s", line)
	for _, r := range missing {
		t.line("%s  - missing: %s", indent, r)
	}
}

// mdEscape makes text literal in Markdown.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range source.Printable(s) {
		if strings.ContainsRune("\\`*_[]<>|~&#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCode writes s as an inline code span, fenced by more backticks than
// any run inside.
func mdCode(s string) string {
	s = source.Printable(s)
	longest, n := 0, 0
	for _, r := range s {
		if r == '`' {
			n++
			longest = max(longest, n)
		} else {
			n = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}
