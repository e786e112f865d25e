package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
)

// Pass is what a check sees while it runs: the snapshot, its options, and
// the means to report. A Pass belongs to one check run; it is not shared.
type Pass struct {
	Check    *Check
	Snapshot *inputs.Snapshot
	// Options is the value Check.Options returned, after configuration.
	Options  any
	findings []Finding
	skipped  []NotEvaluated
	gaps     []Gap
	// exempt holds the hosts the policy says the check does not apply
	// to, by lower-case name.
	exempt map[string]Exemption
}

// NotEvaluated records a check, or a check on one host, that could not be
// evaluated, and why: no host of its role, a value no capture can show,
// optional evidence the snapshot lacks, a host it does not apply to.
// Evidence that is missing where the check applies is a Gap instead.
type NotEvaluated struct {
	Check  string
	Host   string
	Reason string
	// Partial is set when the check evaluated the host, all but the part
	// the reason names (a masked password among settings it compared):
	// the host counts as evaluated.
	Partial bool
}

// Report records a finding. Check and Severity are filled in; a finding
// whose logical key names a secret, or whose values are masked, loses its
// Expected and Actual so no report can print them.
func (p *Pass) Report(f Finding) {
	f.Check = p.Check.Name
	if f.Severity == 0 {
		f.Severity = p.Check.Severity
	}
	if f.Logical.Host == "" {
		f.Logical.Host = f.Host
	}
	if source.IsSecretName(f.Logical.Key) || source.IsMasked(f.Expected) || source.IsMasked(f.Actual) {
		f.Expected, f.Actual, f.Secret = "", "", true
	}
	f.Fix = safeFix(f.Fix, f.Secret)
	// A URL may carry a password ("https://user:S3cret@host/…"): what a
	// check quotes of one is masked before any report can print it.
	f.Message, f.Expected, f.Actual = maskURLs(f.Message), maskURLs(f.Expected), maskURLs(f.Actual)
	if len(f.Related) > 0 {
		f.Related = slices.Clone(f.Related)
		for i := range f.Related {
			f.Related[i].Message = maskURLs(f.Related[i].Message)
		}
	}
	p.findings = append(p.findings, f)
}

func maskURLs(s string) string { return source.MaskSpans(s, source.URLSecrets(s)) }

// safeFix keeps a fix's steps fit to print: a secret finding's steps
// would type its value, so only the steps without a command stay; every
// other step's secrets (a password after a secret name, a URL's
// password) are masked as any line of text is.
func safeFix(steps []FixStep, secret bool) []FixStep {
	if len(steps) == 0 {
		return nil
	}
	out := make([]FixStep, 0, len(steps))
	for _, s := range steps {
		if secret && s.Command != "" {
			continue
		}
		s.Command = source.RedactText(s.Command)
		s.Comment = maskURLs(s.Comment)
		out = append(out, s)
	}
	return out
}

// NotEvaluated records that the check could not be evaluated on host
// (empty for the whole check) and why. Use Gap when the check applies to
// the host and a capture it needs is missing.
func (p *Pass) NotEvaluated(host, format string, args ...any) {
	p.skipped = append(p.skipped, NotEvaluated{Check: p.Check.Name, Host: host, Reason: fmt.Sprintf(format, args...)})
}

// NotEvaluatedPart records that part of what the check reads on host
// could not be evaluated, and why, while the rest was: a password the
// capture masks, among settings that were compared.
func (p *Pass) NotEvaluatedPart(host, format string, args ...any) {
	p.skipped = append(p.skipped, NotEvaluated{Check: p.Check.Name, Host: host, Reason: fmt.Sprintf(format, args...), Partial: true})
}

// Gap records an evidence gap: the check applies to host ("" for evidence
// about the whole deployment) but ev is missing there; the reason says
// what is missing, and the report adds the commands that capture it. Files
// where the evidence could have been but that could not be read are
// named. Optional evidence that the whole snapshot lacks is recorded as
// not evaluated instead, and a host the check does not apply to is left
// to the engine, which says so once.
func (p *Pass) Gap(host string, ev Evidence, format string, args ...any) {
	reason := fmt.Sprintf(format, args...)
	if !p.Applies(host) {
		return
	}
	if ev.Optional && !ev.inSnapshot(p.Snapshot) {
		p.NotEvaluated(host, "%s (optional evidence, and the snapshot holds none)", reason)
		return
	}
	unusable := ""
	if bad := ev.unusable(p.Snapshot, host); len(bad) > 0 {
		unusable = fmt.Sprintf("; %s could not be used (see the input problems)", joinAnd(bad))
	}
	g := Gap{
		Check: p.Check.Name, Host: host, Evidence: ev,
		Server: ServerOf(p.Snapshot.Host(host), ev.Role), File: ev.FileFor(host), Reason: reason + unusable,
	}
	// One capture fills one gap, whatever number of reasons the check
	// found to want it; the files that could not be used are named last.
	for i := range p.gaps {
		if p.gaps[i].Key() != g.Key() {
			continue
		}
		reasons := strings.TrimSuffix(p.gaps[i].Reason, unusable)
		if !slices.Contains(strings.Split(reasons, "; "), reason) {
			reasons += "; " + reason
		}
		p.gaps[i].Reason = reasons + unusable
		return
	}
	p.gaps = append(p.gaps, g)
}

// ServerOf is the CLI prompt prefix to write a host's commands with: the
// one its captures show (Host.Server), else that of its role, else that of
// role. h may be nil, for a host the snapshot lacks.
func ServerOf(h *inputs.Host, role inputs.Role) string {
	if h == nil {
		return Server(role)
	}
	if s := h.Server(); s != "" {
		return s
	}
	if role == inputs.RoleUnknown {
		role = h.Role
	}
	return Server(role)
}

// joinAnd joins names as prose: "a", "a and b", "a, b and c".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// Applies reports whether the check applies to the host named name, as
// far as the policy says: a host the policy exempts from the check is
// left out of HostsWithRole, and what a check reports about it is
// dropped.
func (p *Pass) Applies(name string) bool {
	_, exempt := p.exempt[strings.ToLower(name)]
	return !exempt
}

// OptionsOf returns the pass's options as *T. A mismatch is a programming
// error in the check and panics; the engine turns the panic into a failed
// check.
func OptionsOf[T any](p *Pass) *T {
	o, ok := p.Options.(*T)
	if !ok {
		panic(fmt.Sprintf("check %s: options are %T, not *%T", p.Check.Name, p.Options, *new(T)))
	}
	return o
}

// HostsWithRole returns the snapshot's hosts of one role that the check
// applies to, in name order.
func (p *Pass) HostsWithRole(role inputs.Role) []*inputs.Host {
	var out []*inputs.Host
	for _, h := range p.Snapshot.Hosts {
		if h.Role == role && p.Applies(h.Name) {
			out = append(out, h)
		}
	}
	return out
}
