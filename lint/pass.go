package lint

import (
	"fmt"
	"slices"

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
}

// NotEvaluated records a check, or a check on one host, that could not be
// evaluated because its evidence was not captured.
type NotEvaluated struct {
	Check  string
	Host   string
	Reason string
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

// NotEvaluated records that the check could not be evaluated on host
// (empty for the whole check) and why.
func (p *Pass) NotEvaluated(host, format string, args ...any) {
	p.skipped = append(p.skipped, NotEvaluated{Check: p.Check.Name, Host: host, Reason: fmt.Sprintf(format, args...)})
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

// HostsWithRole returns the snapshot's hosts of one role, in name order.
func (p *Pass) HostsWithRole(role inputs.Role) []*inputs.Host {
	var out []*inputs.Host
	for _, h := range p.Snapshot.Hosts {
		if h.Role == role {
			out = append(out, h)
		}
	}
	return out
}
