package captureplan

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
)

// Host is a host to capture.
type Host struct {
	Name string
	Role inputs.Role
	// Server is the prefix of the host's CLI prompt ("AS", "XSP",
	// "ADP"); "" stands for its role's (lint.Server).
	Server string
}

func (h Host) server() string { return cmp.Or(h.Server, lint.Server(h.Role)) }

// Need is a check that needs a step.
type Need struct {
	Check string
	// Optional: the check reads the capture when the snapshot holds it,
	// and is not evaluated on it otherwise (lint.Evidence.Optional).
	Optional bool
}

// Step is one command to type, or one thing to copy or send.
type Step struct {
	lint.Command
	// Server is the prompt prefix the command is typed after.
	Server string
	// Host is the host a deployment step is about, when a gap names
	// one; "" for host steps, whose host is their plan's.
	Host string
	// File is where the output belongs in the snapshot, for the plan's
	// host ("<host>" in a role's plan); "" for a command typed only
	// because a capture needs it first (exportKeys).
	File string
	// Prepares are the files whose captures need this command first.
	Prepares []string
	// Needs are the checks that read the capture, or that need the
	// command first, sorted by name.
	Needs []Need
	// IfPresent marks a capture every host may hold (a site rule for any
	// role): a host without the context is skipped, not failed.
	IfPresent bool
	// Reasons say why the capture is missing, for a plan made from the
	// evidence gaps of a snapshot.
	Reasons []string
}

// Optional reports whether every check that needs the step takes it as
// optional.
func (s Step) Optional() bool {
	return len(s.Needs) > 0 && !slices.ContainsFunc(s.Needs, func(n Need) bool { return !n.Optional })
}

// Line is the command as typed, after its prompt.
func (s Step) Line() string { return s.Command.Line(s.Server) }

// Manual reports whether the step is done by hand rather than over ssh:
// copying from Partner Hub or Meetings Server, or sending an OCI-P
// request.
func (s Step) Manual() bool { return slices.Contains(deploymentSources, s.Source) }

// deploymentSources are the sources of the captures no ssh session
// makes, in the order a plan lists them: copies from Partner Hub, OCI-P
// requests, then the files taken from Meetings Server, a product of its
// own.
var deploymentSources = []lint.Source{lint.FromPartnerHub, lint.FromOCIP, lint.FromMeetingsServer}

// HostPlan is what to capture on one host, in the order to type it.
type HostPlan struct {
	Host
	// WholeRole is set when the host needs every capture of its role: a
	// plan made from the checks alone, or a host the snapshot lacks.
	WholeRole bool
	Steps     []Step
}

// RolePlan is what the enabled checks read on every host of a role, with
// "<host>" in its files.
type RolePlan struct {
	Role   inputs.Role
	Server string
	// Hosts are the plan's hosts of the role.
	Hosts []string
	Steps []Step
}

// Plan is a capture plan.
type Plan struct {
	// Checks are the enabled checks the plan serves, in name order.
	Checks []string
	// Missing is set for a plan of what a snapshot lacks (its evidence
	// gaps); unset, the plan lists everything the checks read.
	Missing bool
	// Roles are the captures of each role the checks read, whatever the
	// hosts: the reference a host's plan is drawn from.
	Roles []RolePlan
	// Hosts are the hosts with something to capture, by name.
	Hosts []HostPlan
	// Deployment are the steps about no single host: Partner Hub copies,
	// OCI-P requests and Meetings Server files.
	Deployment []Step
}

// Host returns the plan of the named host, or nil.
func (p *Plan) Host(name string) *HostPlan {
	for i := range p.Hosts {
		if p.Hosts[i].Name == name {
			return &p.Hosts[i]
		}
	}
	return nil
}

// want is one capture a check wants, with what is known of why.
type want struct {
	ev      lint.Evidence
	check   string
	file    string // resolved for the host, or the declared file
	reasons []string
	// ifPresent: evidence of any role, wanted wherever it exists.
	ifPresent bool
	// host is the host a deployment capture is about, from a gap.
	host string
}

// Full plans everything the checks read: for each role, and for each of
// hosts, the captures of its role, leaving out the checks the policy says
// do not apply to a host (notApplicable, by check as lint.Settings holds
// it).
func Full(checks []*lint.Check, notApplicable map[string][]lint.Exemption, hosts []Host) (*Plan, error) {
	p := &Plan{Checks: checkNames(checks)}
	var deployment []want
	for _, c := range checks {
		for _, e := range c.Evidence {
			if e.Source.Captured() && !atHost(e) {
				deployment = append(deployment, want{ev: e, check: c.Name, file: e.File})
			}
		}
	}
	if err := p.addRoles(checks, hosts); err != nil {
		return nil, err
	}
	for _, h := range sortedHosts(hosts) {
		steps, err := sequence(h, roleWants(checks, notApplicable, h))
		if err != nil {
			return nil, err
		}
		if len(steps) > 0 {
			p.Hosts = append(p.Hosts, HostPlan{Host: h, WholeRole: true, Steps: steps})
		}
	}
	var err error
	p.Deployment, err = deploymentSteps(deployment)
	return p, err
}

// Missing plans what a snapshot lacks: the captures its evidence gaps
// name (a lint run with the policy, which has left out the hosts a check
// does not apply to). hosts are the hosts the plan may name, with their
// roles and prompts; those of them whole names, which the snapshot does
// not have at all, need every capture of their role.
func Missing(checks []*lint.Check, notApplicable map[string][]lint.Exemption, gaps []lint.Gap, hosts []Host, whole []string) (*Plan, error) {
	p := &Plan{Checks: checkNames(checks), Missing: true}
	known := map[string]Host{}
	for _, h := range hosts {
		known[h.Name] = h
	}
	byHost := map[string][]want{}
	var deployment []want
	for _, g := range gaps {
		w := want{ev: g.Evidence, check: g.Check, file: g.File, reasons: []string{g.Reason}}
		if g.Host == "" || !atHost(g.Evidence) {
			w.host = g.Host
			deployment = append(deployment, w)
			continue
		}
		byHost[g.Host] = append(byHost[g.Host], w)
		if _, ok := known[g.Host]; !ok {
			known[g.Host] = Host{Name: g.Host, Role: g.Evidence.Role, Server: g.Server}
		}
	}
	for _, name := range whole {
		if _, ok := known[name]; !ok {
			return nil, fmt.Errorf("no role is known for host %q", name)
		}
		byHost[name] = append(roleWants(checks, notApplicable, known[name]), byHost[name]...)
	}
	var planned []Host
	for name := range byHost {
		planned = append(planned, known[name])
	}
	if err := p.addRoles(checks, planned); err != nil {
		return nil, err
	}
	for _, h := range sortedHosts(planned) {
		steps, err := sequence(h, byHost[h.Name])
		if err != nil {
			return nil, err
		}
		if len(steps) > 0 {
			p.Hosts = append(p.Hosts, HostPlan{Host: h, WholeRole: slices.Contains(whole, h.Name), Steps: steps})
		}
	}
	var err error
	p.Deployment, err = deploymentSteps(deployment)
	return p, err
}

// addRoles plans each role the checks read, and each role of hosts.
func (p *Plan) addRoles(checks []*lint.Check, hosts []Host) error {
	roles := map[inputs.Role]bool{}
	anyRole := false
	for _, c := range checks {
		for _, e := range c.Evidence {
			switch {
			case !e.Source.Captured() || !atHost(e):
			case e.Role == inputs.RoleUnknown:
				anyRole = true
			default:
				roles[e.Role] = true
			}
		}
	}
	for _, h := range hosts {
		if h.Role != inputs.RoleUnknown && (anyRole || roles[h.Role]) {
			roles[h.Role] = true
		}
	}
	if anyRole && len(roles) == 0 {
		roles[inputs.RoleUnknown] = true
	}
	for _, r := range sortedRoles(roles) {
		rp := RolePlan{Role: r, Server: lint.Server(r)}
		for _, h := range sortedHosts(hosts) {
			if h.Role == r {
				rp.Hosts = append(rp.Hosts, h.Name)
			}
		}
		steps, err := sequence(Host{Role: r}, roleWants(checks, nil, Host{Role: r}))
		if err != nil {
			return err
		}
		rp.Steps = steps
		p.Roles = append(p.Roles, rp)
	}
	return nil
}

// roleWants are the captures a host of h's role needs from the checks
// that apply to it.
func roleWants(checks []*lint.Check, notApplicable map[string][]lint.Exemption, h Host) []want {
	var out []want
	for _, c := range checks {
		if h.Name != "" && slices.ContainsFunc(notApplicable[c.Name], func(x lint.Exemption) bool { return strings.EqualFold(x.Host, h.Name) }) {
			continue
		}
		for _, e := range c.Evidence {
			if !e.Source.Captured() || !atHost(e) {
				continue
			}
			switch e.Role {
			case inputs.RoleUnknown:
				out = append(out, want{ev: e, check: c.Name, file: fileFor(e.File, h.Name), ifPresent: true})
			case h.Role:
				out = append(out, want{ev: e, check: c.Name, file: fileFor(e.File, h.Name)})
			}
		}
	}
	return out
}

// atHost reports whether evidence is captured on a host over ssh (typed
// at its CLI or shell) rather than by hand or over OCI-P.
func atHost(e lint.Evidence) bool { return e.Source == lint.FromCLI || e.Source == lint.FromShell }

func fileFor(file, host string) string {
	if host == "" {
		return file
	}
	return strings.ReplaceAll(file, "<host>", host)
}

// checkNames are the names of the checks that read captures: the
// policy's own checks, which read the policy, serve no capture.
func checkNames(checks []*lint.Check) []string {
	out := []string{}
	for _, c := range checks {
		if slices.ContainsFunc(c.Evidence, func(e lint.Evidence) bool { return e.Source.Captured() }) {
			out = append(out, c.Name)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func sortedHosts(hosts []Host) []Host {
	out := slices.Clone(hosts)
	slices.SortFunc(out, func(a, b Host) int { return strings.Compare(a.Name, b.Name) })
	return slices.CompactFunc(out, func(a, b Host) bool { return a.Name == b.Name })
}

// sortedRoles orders roles as operators meet them: AS, XSP, then the
// others by name, and "any role" last.
func sortedRoles(set map[inputs.Role]bool) []inputs.Role {
	rank := func(r inputs.Role) string {
		switch r {
		case inputs.RoleAS:
			return "0"
		case inputs.RoleXSP:
			return "1"
		case inputs.RoleUnknown:
			return "3"
		}
		return "2" + string(r)
	}
	var out []inputs.Role
	for r := range set {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b inputs.Role) int { return strings.Compare(rank(a), rank(b)) })
	return out
}

// deploymentSteps merges the captures about no single host: by hand from
// Partner Hub, then OCI-P requests, then by hand from Meetings Server.
func deploymentSteps(wants []want) ([]Step, error) {
	var steps []*Step
	byKey := map[string]*Step{}
	slices.SortStableFunc(wants, func(a, b want) int {
		return cmp.Or(cmp.Compare(sourceRank(a.ev.Source), sourceRank(b.ev.Source)), cmp.Compare(a.ev.Text, b.ev.Text), cmp.Compare(a.file, b.file))
	})
	for _, w := range wants {
		if err := checkSafe(w); err != nil {
			return nil, err
		}
		k := w.ev.Key() + "\x1f" + w.file + "\x1f" + w.host
		s := byKey[k]
		if s == nil {
			s = &Step{Command: commandOf(w.ev), Server: lint.Server(w.ev.Role), File: w.file, Host: w.host}
			byKey[k] = s
			steps = append(steps, s)
		}
		s.need(w.check, w.ev.Optional)
		s.because(w.reasons...)
	}
	return deref(steps), nil
}

// sourceOrder is the order of a plan's captures by source: over ssh
// first, then by hand.
var sourceOrder = append([]lint.Source{lint.FromShell, lint.FromCLI}, deploymentSources...)

func sourceRank(s lint.Source) int { return slices.Index(sourceOrder, s) }

// commandOf is the command of a declaration, without what is typed
// before it.
func commandOf(e lint.Evidence) lint.Command {
	c := e.Command
	c.Params = slices.Clone(c.Params)
	return c
}

func (s *Step) need(check string, optional bool) {
	i := slices.IndexFunc(s.Needs, func(n Need) bool { return n.Check == check })
	if i < 0 {
		s.Needs = append(s.Needs, Need{Check: check, Optional: optional})
		slices.SortFunc(s.Needs, func(a, b Need) int { return strings.Compare(a.Check, b.Check) })
		return
	}
	s.Needs[i].Optional = s.Needs[i].Optional && optional
}

func (s *Step) because(reasons ...string) {
	for _, r := range reasons {
		if !slices.Contains(s.Reasons, r) {
			s.Reasons = append(s.Reasons, r)
		}
	}
}

func deref(steps []*Step) []Step {
	out := make([]Step, len(steps))
	for i, s := range steps {
		out[i] = *s
	}
	return out
}

// ConflictError says that two declarations of one capture name different
// files: no plan can put one output in two places.
type ConflictError struct {
	Capture        string
	Files          [2]string
	CheckA, CheckB string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s and %s declare the same capture, %s, into different files: %s and %s", e.CheckA, e.CheckB, e.Capture, e.Files[0], e.Files[1])
}
