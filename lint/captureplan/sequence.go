package captureplan

import (
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/bwlint/bwlint/lint"
)

// capture is one capture a host needs, merged over the checks that want
// it.
type capture struct {
	ev        lint.Evidence
	file      string
	wants     []want
	ifPresent bool
}

// sequence orders the captures of one host as they are typed: the shell
// commands that need no CLI session first (bwshowver), then one bwcli
// session that visits each context once, every command a capture needs
// first before it, then the shell commands that need something typed in
// the session first (the digest of a key export). A command several
// captures need is typed once. Deployment captures are not the host's.
func sequence(h Host, wants []want) ([]Step, error) {
	caps, err := merge(wants)
	if err != nil {
		return nil, err
	}
	s := &sequencer{server: h.server(), byCtx: map[string]*group{}, byKey: map[string]*Step{}}
	for _, c := range caps {
		if err := s.add(c); err != nil {
			return nil, err
		}
	}
	return s.steps()
}

// merge joins the wants of one capture and sorts the captures: shell
// before CLI, then by context and command, so that the order never
// depends on the order of the checks.
func merge(wants []want) ([]*capture, error) {
	var caps []*capture
	byKey := map[string]*capture{}
	for _, w := range wants {
		if !atHost(w.ev) {
			continue
		}
		if err := checkSafe(w); err != nil {
			return nil, err
		}
		k := w.ev.Key()
		c := byKey[k]
		if c == nil {
			c = &capture{ev: w.ev, file: w.file, ifPresent: w.ifPresent}
			byKey[k] = c
			caps = append(caps, c)
		} else if c.file != w.file {
			return nil, &ConflictError{Capture: w.ev.Line(lint.Server(w.ev.Role)), Files: [2]string{c.file, w.file}, CheckA: c.wants[0].check, CheckB: w.check}
		}
		c.ifPresent = c.ifPresent && w.ifPresent
		c.wants = append(c.wants, w)
	}
	slices.SortFunc(caps, func(a, b *capture) int {
		return cmp.Or(cmp.Compare(sourceRank(a.ev.Source), sourceRank(b.ev.Source)),
			cmp.Compare(strings.ToLower(contextOf(a.ev.Command)), strings.ToLower(contextOf(b.ev.Command))),
			cmp.Compare(a.ev.Text, b.ev.Text), cmp.Compare(a.file, b.file))
	})
	return caps, nil
}

// group is the commands typed in one CLI context.
type group struct {
	context string
	steps   []*Step
	// after are the contexts whose commands must be typed before these.
	after map[string]bool
}

type sequencer struct {
	server    string
	pre, post []*Step
	groups    []*group
	byCtx     map[string]*group
	byKey     map[string]*Step
}

func (s *sequencer) add(c *capture) error {
	var st *Step
	switch c.ev.Source {
	case lint.FromCLI:
		g := s.group(c.ev.Context)
		for _, b := range c.ev.Before {
			bs := s.before(b, &s.pre)
			s.prepare(bs, c)
			if b.Source == lint.FromCLI && !strings.EqualFold(contextOf(b), g.context) {
				g.after[strings.ToLower(contextOf(b))] = true
			}
		}
		st = s.cli(c.ev.Command)
	case lint.FromShell:
		list := &s.pre
		if slices.ContainsFunc(c.ev.Before, func(b lint.Command) bool { return b.Source == lint.FromCLI }) {
			list = &s.post
		}
		for _, b := range c.ev.Before {
			s.prepare(s.before(b, list), c)
		}
		st = s.shell(c.ev.Command, list)
		if list == &s.post && slices.Contains(s.pre, st) {
			return fmt.Errorf("%s is needed both before and after the bwcli session: no order of the plan serves every declaration", st.Line())
		}
	}
	if st.File != "" && st.File != c.file {
		return &ConflictError{Capture: st.Line(), Files: [2]string{st.File, c.file}, CheckA: st.Needs[0].Check, CheckB: c.wants[0].check}
	}
	st.File = c.file
	st.IfPresent = st.IfPresent && c.ifPresent
	for _, w := range c.wants {
		st.need(w.check, w.ev.Optional)
		st.because(w.reasons...)
	}
	return nil
}

// prepare records that step is typed for capture c. A step starts as
// wanted only where its context exists, and stays so while every capture
// that needs it is (site rules for any role).
func (s *sequencer) prepare(step *Step, c *capture) {
	step.IfPresent = step.IfPresent && c.ifPresent
	if !slices.Contains(step.Prepares, c.file) {
		step.Prepares = append(step.Prepares, c.file)
		slices.Sort(step.Prepares)
	}
	for _, w := range c.wants {
		step.need(w.check, w.ev.Optional)
	}
}

func (s *sequencer) before(b lint.Command, shellList *[]*Step) *Step {
	if b.Source == lint.FromCLI {
		return s.cli(b)
	}
	return s.shell(b, shellList)
}

func (s *sequencer) group(context string) *group {
	k := strings.ToLower(strings.Trim(context, "/"))
	g := s.byCtx[k]
	if g == nil {
		g = &group{context: strings.Trim(context, "/"), after: map[string]bool{}}
		s.byCtx[k] = g
		s.groups = append(s.groups, g)
	}
	return g
}

// commandKey identifies a command, whatever capture needs it.
func commandKey(c lint.Command) string {
	k := []string{string(c.Source), strings.ToLower(contextOf(c)), c.Text}
	for _, p := range c.Params {
		k = append(k, p.Name+"="+p.Value)
	}
	return strings.Join(k, "\x1f")
}

func (s *sequencer) cli(c lint.Command) *Step {
	k := commandKey(c)
	if st := s.byKey[k]; st != nil {
		st.Confirms = st.Confirms || c.Confirms
		return st
	}
	st := &Step{Command: c, Server: s.server, IfPresent: true}
	st.Context = strings.Trim(c.Context, "/")
	s.byKey[k] = st
	g := s.group(c.Context)
	g.steps = append(g.steps, st)
	return st
}

func (s *sequencer) shell(c lint.Command, list *[]*Step) *Step {
	k := commandKey(c)
	if st := s.byKey[k]; st != nil {
		return st
	}
	st := &Step{Command: c, Server: s.server, IfPresent: true}
	s.byKey[k] = st
	*list = append(*list, st)
	return st
}

// steps lays the sequence out: the shell before the session, the
// contexts in an order that types every command a capture needs first
// before it (by name otherwise), the shell after.
func (s *sequencer) steps() ([]Step, error) {
	var out []*Step
	out = append(out, s.pre...)
	done := map[string]bool{}
	pending := slices.Clone(s.groups)
	slices.SortFunc(pending, func(a, b *group) int {
		return strings.Compare(strings.ToLower(a.context), strings.ToLower(b.context))
	})
	for len(pending) > 0 {
		i := slices.IndexFunc(pending, func(g *group) bool {
			for ctx := range g.after {
				if !done[ctx] {
					return false
				}
			}
			return true
		})
		if i < 0 {
			return nil, fmt.Errorf("the commands typed before captures in %s and %s each need the other's context first: no single visit per context serves them", pending[0].context, pending[1%len(pending)].context)
		}
		out = append(out, pending[i].steps...)
		done[strings.ToLower(pending[i].context)] = true
		pending = slices.Delete(pending, i, i+1)
	}
	out = append(out, s.post...)
	return deref(out), nil
}

// contextOf is a CLI command's context without its slashes; "" for other
// sources.
func contextOf(c lint.Command) string {
	if c.Source != lint.FromCLI {
		return ""
	}
	return strings.Trim(c.Context, "/")
}

// UnsafeError is a declaration a capture script could not type safely, or
// could not save where it says: a CLI context that is no path of context
// names, a command of several lines or several CLI commands, a file that
// leaves its folder. It names the check that declares it, which may be a
// site rule of the policy.
type UnsafeError struct {
	Check string
	What  string
}

func (e *UnsafeError) Error() string { return e.Check + ": " + e.What }

// contextPath matches a CLI context as a script navigates to it: names of
// letters, digits, '-', '_' and '.', separated by '/'.
var contextPath = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)*)?$`)
})

// checkSafe rejects what a script must not type or write.
func checkSafe(w want) error {
	bad := func(format string, args ...any) error {
		return &UnsafeError{Check: w.check, What: fmt.Sprintf(format, args...)}
	}
	cmds := append([]lint.Command{w.ev.Command}, w.ev.Before...)
	for _, c := range cmds {
		if strings.TrimSpace(c.Text) == "" || strings.ContainsFunc(c.Text, unicode.IsControl) {
			return bad("the command %q is empty or holds a control character", c.Text)
		}
		for _, p := range c.Params {
			if strings.ContainsFunc(p.Name+p.Value, unicode.IsControl) {
				return bad("the OCI-P element %q of %s holds a control character", p.Name, c.Text)
			}
		}
		if c.Source != lint.FromCLI {
			continue
		}
		if ctx := strings.Trim(c.Context, "/"); !contextPath().MatchString(ctx) {
			return bad("the CLI context %q is no path of context names (letters, digits, '-', '_' and '.', separated by '/'): a script that navigated to it could type something else", c.Context)
		}
		if strings.Contains(c.Text, ";") {
			return bad("the CLI command %q holds ';', which chains commands: a capture types one command at a time", c.Text)
		}
	}
	// The declared file: the host's name in it is a folder's name, which
	// the scripts quote.
	if w.ev.File != "" && !safeFile(w.ev.File) {
		return bad("the file %q is no relative path inside the snapshot", w.ev.File)
	}
	return nil
}

// safeFile reports whether a file of the snapshot can be written where it
// says: a clean relative path, without "..", backslashes or control
// characters.
func safeFile(f string) bool {
	if f == "" || path.IsAbs(f) || path.Clean(f) != f || strings.ContainsAny(f, "\\") || strings.ContainsFunc(f, unicode.IsControl) {
		return false
	}
	for _, el := range strings.Split(f, "/") {
		if el == ".." || el == "." || el == "" {
			return false
		}
	}
	return true
}
