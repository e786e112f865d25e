package config

import (
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint/judge"
)

// waiver is a waiver block: the findings of one check, on some hosts or
// all, accepted until a date for a stated reason.
type waiver struct {
	name   string
	check  source.Value
	hosts  []source.Value
	reason string
	owner  string
	// approvedBy and granted are who approved it and on which day
	// (YYYY-MM-DD); "" when the block does not say.
	approvedBy, granted string
	expires             string // YYYY-MM-DD, the last day the waiver holds
	at                  hcl.Range
}

func (c *Config) readWaivers(blocks []*waiverBlock) hcl.Diagnostics {
	var diags hcl.Diagnostics
	names := blockNames{kind: "waiver"}
	for _, b := range blocks {
		if d := names.repeated(b.Name, b.DefRange); d != nil {
			diags = append(diags, d)
			continue
		}
		w, d := c.readWaiver(b)
		diags = append(diags, d...)
		if !d.HasErrors() {
			c.waivers = append(c.waivers, w)
		}
	}
	return diags
}

func (c *Config) readWaiver(b *waiverBlock) (*waiver, hcl.Diagnostics) {
	w := &waiver{name: b.Name, at: b.DefRange}
	var diags hcl.Diagnostics
	required := func(a *hcl.Attribute, attr, why string) (source.Value, bool) {
		if a == nil {
			diags = append(diags, errorAt(b.DefRange, "Waiver without "+attr, "waiver %q has no %s. %s", b.Name, attr, why))
			return source.Value{}, false
		}
		v, d := stringValue(a)
		diags = append(diags, d...)
		if !d.HasErrors() && strings.TrimSpace(v.Text) == "" {
			diags = append(diags, errorAt(v.Range(), "Empty "+attr, "waiver %q has an empty %s. %s", b.Name, attr, why))
			return v, false
		}
		return v, !d.HasErrors()
	}
	if v, ok := required(b.Check, "check", `Name the check whose findings it covers: check = "as_required_patches".`); ok {
		if ch := c.check(v.Text); ch == nil {
			diags = append(diags, c.unknownCheck(v))
		} else if watchesPolicy(ch) {
			diags = append(diags, errorAt(v.Range(), "Waiver of a waiver check", "%s reports on the waivers themselves and cannot be waived; fix or remove the waiver it names.", ch.Name))
		}
		w.check = v
	}
	if v, ok := required(b.Reason, "reason", `Say why the findings are acceptable, so that auditors can judge it: reason = "patch in change CHG-1234".`); ok {
		w.reason = v.Text
	}
	if v, ok := required(b.Expires, "expires", `Give the last day it holds, YYYY-MM-DD: expires = "2027-01-31". A waiver never lasts forever.`); ok {
		if _, err := time.Parse(time.DateOnly, v.Text); err != nil {
			diags = append(diags, errorAt(v.Range(), "Invalid expiry date", "expires must be a date written YYYY-MM-DD, such as \"2027-01-31\", not %q.", v.Text))
		}
		w.expires = v.Text
	}
	// Optional, but never empty: an empty approver or date is a
	// provenance that says nothing while looking filled in.
	optional := func(a *hcl.Attribute, attr, why string) (source.Value, bool) {
		if a == nil {
			return source.Value{}, false
		}
		return required(a, attr, why)
	}
	if b.Owner != nil {
		v, d := stringValue(b.Owner)
		diags = append(diags, d...)
		w.owner = v.Text
	}
	if v, ok := optional(b.ApprovedBy, "approved_by", `Name who approved it, or leave approved_by out: approved_by = "change board CAB-77".`); ok {
		w.approvedBy = v.Text
	}
	if v, ok := optional(b.Granted, "granted", `Give the day it was granted, YYYY-MM-DD, or leave granted out: granted = "2026-11-02".`); ok {
		switch _, err := time.Parse(time.DateOnly, v.Text); {
		case err != nil:
			diags = append(diags, errorAt(v.Range(), "Invalid grant date", "granted must be a date written YYYY-MM-DD, such as \"2026-11-02\", not %q.", v.Text))
		case w.expires != "" && v.Text > w.expires:
			diags = append(diags, errorAt(v.Range(), "Granted after it expires", "waiver %q is granted on %s, after it expires on %s; correct one of the dates.", b.Name, v.Text, w.expires))
		}
		w.granted = v.Text
	}
	if b.Hosts != nil {
		var d hcl.Diagnostics
		w.hosts, d = stringList(b.Hosts)
		diags = append(diags, d...)
		if !d.HasErrors() && len(w.hosts) == 0 {
			diags = append(diags, errorAt(b.Hosts.Expr.Range(), "Empty host list",
				"hosts = [] would waive nothing; leave hosts out to cover every host, or name them."))
		}
	}
	return w, diags
}

// Policy returns what the policy says about judging a run on day: its
// waivers, the severities of its check blocks, and the checks it turns
// off (see judge.Policy).
func (c *Config) Policy(day time.Time) judge.Policy {
	p := judge.Policy{Day: day, Severity: c.Settings().Severity, Off: map[string]bool{}}
	for _, ch := range c.checks {
		if !c.selected[ch.Name] {
			p.Off[ch.Name] = true
		}
	}
	for _, w := range c.waivers {
		hosts := make([]string, len(w.hosts))
		for i, h := range w.hosts {
			hosts[i] = h.Text
		}
		p.Waivers = append(p.Waivers, judge.Waiver{Name: w.name, Check: w.check.Text, Hosts: hosts,
			Reason: w.reason, Owner: w.owner, ApprovedBy: w.approvedBy, Granted: w.granted, Expires: w.expires, At: w.at})
	}
	return p
}

// CheckOwners returns an error for every waiver that names no owner. An
// audit report (SARIF's audit profile) records who answers for each
// waiver it applies, and an exception nobody owns is not evidence an
// auditor can accept: the CLI requires owners when it writes one.
func (c *Config) CheckOwners(why string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, w := range c.waivers {
		if strings.TrimSpace(w.owner) == "" {
			diags = append(diags, errorAt(w.at, "Waiver without owner",
				`waiver %q names no owner, and %s records who answers for every waiver it applies. Name one: owner = "voice-ops"; or report without waivers (--no-waivers).`, w.name, why))
		}
	}
	return diags
}
