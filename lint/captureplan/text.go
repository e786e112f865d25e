package captureplan

import (
	"fmt"
	"io"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// Meta says what a plan was made from, for its heading.
type Meta struct {
	// Snapshot is the snapshot directory the plan was made from, as
	// given; "" for a plan from the checks alone.
	Snapshot string
	// Policy is the policy file whose selection of checks the plan
	// serves.
	Policy Policy
}

// Policy is the policy file in effect and why, as the lint reports name
// it.
type Policy struct {
	Path     string `json:"path"`
	Origin   string `json:"origin"`
	Reason   string `json:"reason"`
	Shadowed string `json:"shadowed"`
	// SHA256 is the digest of the policy file's bytes as read, so that a
	// plan names the very policy it was made for; "" without one.
	SHA256 string `json:"sha256"`
}

// hostGroup is hosts of one role whose plans are the same but for the
// host's name.
type hostGroup struct {
	role  inputs.Role
	names []string
	steps []Step // files with <host> when there are several names
}

// groups gathers the plan's hosts by role, then by identical steps, in
// the order of the roles.
func (p *Plan) groups() []hostGroup {
	var out []hostGroup
	roles := map[inputs.Role]bool{}
	for _, h := range p.Hosts {
		roles[h.Role] = true
	}
	for _, r := range sortedRoles(roles) {
		var gs []hostGroup
		for _, h := range p.Hosts {
			if h.Role != r {
				continue
			}
			generic := genericSteps(h.Name, h.Steps)
			found := false
			for i := range gs {
				if sameSteps(gs[i].steps, generic) {
					gs[i].names = append(gs[i].names, h.Name)
					found = true
					break
				}
			}
			if !found {
				gs = append(gs, hostGroup{role: r, names: []string{h.Name}, steps: generic})
			}
		}
		for _, g := range gs {
			if len(g.names) == 1 {
				g.steps = p.Host(g.names[0]).Steps
			}
			out = append(out, g)
		}
	}
	return out
}

// genericSteps writes a host's files with "<host>" for its name.
func genericSteps(host string, steps []Step) []Step {
	out := make([]Step, len(steps))
	for i, s := range steps {
		s.File = generic(host, s.File)
		s.Prepares = nil
		for _, f := range steps[i].Prepares {
			s.Prepares = append(s.Prepares, generic(host, f))
		}
		out[i] = s
	}
	return out
}

func generic(host, file string) string {
	if rest, ok := strings.CutPrefix(file, "hosts/"+host+"/"); ok {
		return "hosts/<host>/" + rest
	}
	return file
}

func sameSteps(a, b []Step) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if fmt.Sprintf("%#v", a[i]) != fmt.Sprintf("%#v", b[i]) {
			return false
		}
	}
	return true
}

// Text writes the plan for people: per role and host, the commands in the
// order to type them, each with the file it is saved in and the checks
// that read it.
func Text(w io.Writer, p *Plan, m Meta) error {
	t := &textWriter{w: w}
	t.heading(p, m)
	if p.Missing && len(p.Hosts) == 0 && len(p.Deployment) == 0 {
		return t.err
	}
	if p.Missing {
		for _, g := range p.groups() {
			t.group(g, "")
		}
	} else {
		byRole := map[inputs.Role][]hostGroup{}
		for _, g := range p.groups() {
			byRole[g.role] = append(byRole[g.role], g)
		}
		for _, r := range p.Roles {
			if len(byRole[r.Role]) == 0 {
				t.group(hostGroup{role: r.Role, steps: r.Steps}, noHostsNote(r.Role))
			}
			for _, g := range byRole[r.Role] {
				t.group(g, "")
			}
		}
	}
	t.deployment(p.Deployment)
	return t.err
}

func noHostsNote(r inputs.Role) string {
	if r == inputs.RoleUnknown {
		return "no host named"
	}
	return fmt.Sprintf("none named: give --host NAME=%s, or list them in the policy's host and cluster blocks", r)
}

type textWriter struct {
	w   io.Writer
	err error
}

func (t *textWriter) line(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format+"\n", args...)
	}
}

func (t *textWriter) heading(p *Plan, m Meta) {
	checks := plural(len(p.Checks), "enabled check")
	switch {
	case p.Missing && len(p.Hosts) == 0 && len(p.Deployment) == 0:
		t.line("Nothing to capture: the %s have the evidence they need in %s.", checks, source.Printable(m.Snapshot))
	case p.Missing:
		t.line("Capture plan: what %s lacks for the %s", source.Printable(m.Snapshot), checks)
	default:
		hosts := ""
		if len(p.Hosts) > 0 {
			hosts = ", on " + plural(len(p.Hosts), "host")
		}
		t.line("Capture plan: every capture the %s read%s", checks, hosts)
	}
	t.line("  checks: %s", source.Printable(strings.Join(p.Checks, ", ")))
	if m.Policy.Path != "" {
		t.line("  policy: %s", source.Printable(m.Policy.Path))
	} else {
		t.line("  policy: none (built-in defaults)")
	}
}

func (t *textWriter) group(g hostGroup, note string) {
	t.line("")
	names := source.Printable(strings.Join(g.names, ", "))
	switch {
	case note != "":
		t.line("%s (%s)", roleName(string(g.role)), note)
	default:
		t.line("%s: %s", roleName(string(g.role)), names)
	}
	for i, ph := range phases(g.steps) {
		switch {
		case ph.cli:
			t.line("  %d. in bwcli:", i+1)
		case ph.afterCLI:
			t.line("  %d. at the shell, after bwcli:", i+1)
		default:
			t.line("  %d. at the shell:", i+1)
		}
		for _, l := range ph.lines {
			t.line("       %s%s", source.Printable(l.prompt), source.Printable(l.text))
			for _, n := range lineNotes(l) {
				t.line("           %s", source.Printable(n.plain))
			}
		}
	}
}

// note is one thing a plan says under a typed line, for people (plain)
// and in Markdown.
type note struct {
	plain, md string
	// missing marks a reason the capture is missing.
	missing bool
}

func plainNote(s string) note { return note{plain: s, md: mdEscape(s)} }

// lineNotes are what a plan says under a typed line: the answer to give,
// where the output goes and for which checks, and why it is missing.
func lineNotes(l typedLine) []note {
	if l.exit {
		return []note{plainNote("answer y when it asks to confirm")}
	}
	s := l.step
	if s == nil {
		return nil
	}
	var out []note
	if s.Confirms {
		out = append(out, plainNote("answer y when it asks to confirm"))
	}
	if needsInput(s) {
		out = append(out, plainNote("fill in "+strings.Join(placeholder().FindAllString(s.Text, -1), ", ")+" first"))
	}
	return append(out, stepNotes(s)...)
}

// stepNotes say where a step's output goes and which checks need it, and
// why it is missing.
func stepNotes(s *Step) []note {
	var out []note
	switch {
	case s.File != "":
		out = append(out, note{plain: "save as " + s.File + ", " + forChecks(s.Needs),
			md: "save as " + mdCode(s.File) + ", " + mdEscape(forChecks(s.Needs))})
	case len(s.Prepares) > 0:
		var files []string
		for _, f := range s.Prepares {
			files = append(files, mdCode(f))
		}
		out = append(out, note{plain: "not saved: typed first for " + strings.Join(s.Prepares, ", ") + " (" + needs(s.Needs) + ")",
			md: "not saved: typed first for " + strings.Join(files, ", ") + " (" + mdEscape(needs(s.Needs)) + ")"})
	}
	if s.IfPresent && s.Source == lint.FromCLI {
		out = append(out, plainNote("only where the context exists"))
	}
	for _, r := range s.Reasons {
		out = append(out, note{plain: "missing: " + r, md: mdEscape(r), missing: true})
	}
	return out
}

// forChecks says which checks need a step: "for a, b; optional for c".
func forChecks(ns []Need) string {
	s := needs(ns)
	if strings.HasPrefix(s, "optional for ") {
		return s
	}
	return "for " + s
}

// needs names the checks of a step: "a, b; optional for c".
func needs(ns []Need) string {
	var req, opt []string
	for _, n := range ns {
		if n.Optional {
			opt = append(opt, n.Check)
		} else {
			req = append(req, n.Check)
		}
	}
	s := strings.Join(req, ", ")
	if len(opt) > 0 {
		if s != "" {
			s += "; "
		}
		s += "optional for " + strings.Join(opt, ", ")
	}
	return s
}

func (t *textWriter) deployment(steps []Step) {
	for _, src := range deploymentSources {
		first := true
		for i := range steps {
			s := &steps[i]
			if s.Source != src {
				continue
			}
			if first {
				t.line("")
				t.line("%s", deploymentHeading(src))
				first = false
			}
			what := s.Text
			if src == lint.FromOCIP {
				what = strings.TrimPrefix(s.Line(), "OCI-P ")
			}
			if s.Host != "" {
				what += " (for " + s.Host + ")"
			}
			t.line("  %s", source.Printable(what))
			for _, n := range stepNotes(s) {
				t.line("      %s", source.Printable(n.plain))
			}
		}
	}
}

func deploymentHeading(src lint.Source) string {
	switch src {
	case lint.FromOCIP:
		return "OCI-P requests, to one Application Server of each AS cluster (--format ocip writes them)"
	case lint.FromMeetingsServer:
		return "By hand, from Meetings Server (its files as they are, what its administration site shows)"
	}
	return "By hand, from Partner Hub (it has no export)"
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
