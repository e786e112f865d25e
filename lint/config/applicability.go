package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// notApplicable is one statement that a check does not apply to a host,
// from a check block's not_applicable (a list of hosts) or a host block's
// (a list of checks). Where missing evidence would otherwise be an
// evidence gap, such a host is not evaluated, with the statement's place
// as the reason: the policy, not silence, scopes the check.
type notApplicable struct {
	check string
	host  source.Value
	// at is the list element that says so.
	at hcl.Range
	// block names the block it is in, for messages: `check "x"`, `host "y"`.
	block string
}

// readCheckNotApplicable reads a check block's not_applicable: the hosts
// the check does not apply to.
func (c *Config) readCheckNotApplicable(ch *lint.Check, b *checkBlock) hcl.Diagnostics {
	if b.NotApplicable == nil {
		return nil
	}
	hosts, diags := stringList(b.NotApplicable)
	if d := scopedToHosts(ch, b.NotApplicable.NameRange); d != nil {
		return append(diags, d)
	}
	for _, h := range hosts {
		if strings.TrimSpace(h.Text) == "" {
			diags = append(diags, errorAt(h.Range(), "Empty host name", "not_applicable lists hosts by their folder name under hosts/, such as \"xsp3\"."))
			continue
		}
		c.notApplicable = append(c.notApplicable, notApplicable{check: ch.Name, host: h, at: h.Range(), block: fmt.Sprintf("check %q", ch.Name)})
	}
	return diags
}

// readHostNotApplicable reads a host block's not_applicable: the checks,
// by name or pattern as in lint.checks, that do not apply to the host.
func (c *Config) readHostNotApplicable(b *hostBlock) hcl.Diagnostics {
	if b.NotApplicable == nil {
		return nil
	}
	entries, diags := stringList(b.NotApplicable)
	host := source.Value{Text: b.Name, Loc: source.LocOf(b.NameRange)}
	for _, e := range entries {
		names, d := c.expand(strings.TrimSpace(e.Text), e)
		if d != nil {
			diags = append(diags, d)
			continue
		}
		for _, n := range names {
			ch := c.check(n)
			if d := scopedToHosts(ch, e.Range()); d != nil {
				if len(names) == 1 { // a pattern skips such checks quietly
					diags = append(diags, d)
				}
				continue
			}
			c.notApplicable = append(c.notApplicable, notApplicable{check: n, host: host, at: e.Range(), block: fmt.Sprintf("host %q", b.Name)})
		}
	}
	return diags
}

// scopedToHosts rejects not_applicable for a check that reads no host's
// captures: the policy's own checks cannot be scoped to hosts.
func scopedToHosts(ch *lint.Check, at hcl.Range) *hcl.Diagnostic {
	if ch.ReadsHosts() {
		return nil
	}
	return errorAt(at, "Check without hosts", "%s reads no host's captures, so not_applicable cannot scope it to hosts; turn it off with enabled = false instead.", ch.Name)
}

// exemptions are the not_applicable statements as the engine takes them.
func (c *Config) exemptions() map[string][]lint.Exemption {
	if len(c.notApplicable) == 0 {
		return nil
	}
	out := map[string][]lint.Exemption{}
	for _, n := range c.notApplicable {
		out[n.check] = append(out[n.check], lint.Exemption{
			Host: n.host.Text,
			Reason: fmt.Sprintf("the policy says %s does not apply to %s (not_applicable in %s, %s:%d:%d)",
				n.check, n.host.Text, n.block, n.at.Filename, n.at.Start.Line, n.at.Start.Column),
		})
	}
	return out
}

// CheckHosts rejects not_applicable statements about hosts that none of
// the snapshots of the run knows: no folder under hosts/, and no Partner
// Hub cluster (file or cluster block) that lists it. A misspelt host
// would scope nothing and leave the run to fail on a gap with no word
// about why the statement did not hold. A review passes both snapshots:
// a host one of them has is known.
func (c *Config) CheckHosts(snaps ...*inputs.Snapshot) hcl.Diagnostics {
	known := c.knownHosts(snaps)
	var diags hcl.Diagnostics
	for _, n := range c.notApplicable {
		if slices.ContainsFunc(known, func(h string) bool { return sameHost(h, n.host.Text) }) {
			continue
		}
		diags = append(diags, errorAt(n.host.Range(), "Unknown host",
			"No snapshot of this run has a host %q: no hosts/%s/ folder, and no Partner Hub cluster lists it, so %s says nothing.%s",
			n.host.Text, n.host.Text, n.block, didYouMean(n.host.Text, known)))
	}
	return uniqueDiagnostics(diags)
}

// knownHosts are the host names of the snapshots and of the clusters that
// the snapshots and the policy's cluster blocks list, sorted.
func (c *Config) knownHosts(snaps []*inputs.Snapshot) []string {
	var names []string
	for _, s := range snaps {
		names = append(names, hostNames(s)...)
		for _, cl := range s.Clusters {
			for _, v := range slices.Concat(cl.XSPs, cl.ApplicationServers) {
				names = append(names, v.Text)
			}
		}
	}
	for _, cl := range c.clusters {
		for _, v := range slices.Concat(cl.xsps, cl.appServers) {
			names = append(names, v.Text)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// sameHost compares host names as DNS does: case-insensitively, and
// without a trailing dot.
func sameHost(a, b string) bool {
	return strings.EqualFold(strings.TrimSuffix(a, "."), strings.TrimSuffix(b, "."))
}

// uniqueDiagnostics drops repeats: a host block whose pattern matched
// several checks says the same of its host once per check.
func uniqueDiagnostics(diags hcl.Diagnostics) hcl.Diagnostics {
	var out hcl.Diagnostics
	seen := map[string]bool{}
	for _, d := range diags {
		k := fmt.Sprintf("%v\x00%s", d.Subject, d.Detail)
		if !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	return out
}
