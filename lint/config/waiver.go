package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// waiver is a waiver block: the findings of one check, on some hosts or
// all, accepted until a date for a stated reason.
type waiver struct {
	name    string
	check   source.Value
	hosts   []source.Value
	reason  string
	owner   string
	expires string // YYYY-MM-DD, the last day the waiver holds
	at      hcl.Range
}

func (c *Config) readWaivers(blocks []*waiverBlock) hcl.Diagnostics {
	var diags hcl.Diagnostics
	seen := map[string]hcl.Range{}
	for _, b := range blocks {
		if prev, dup := seen[b.Name]; dup {
			diags = append(diags, duplicate("waiver", b.Name, b.DefRange, prev))
			continue
		}
		seen[b.Name] = b.DefRange
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
			diags = append(diags, errorAt(v.Range, "Empty "+attr, "waiver %q has an empty %s. %s", b.Name, attr, why))
			return v, false
		}
		return v, !d.HasErrors()
	}
	if v, ok := required(b.Check, "check", `Name the check whose findings it covers: check = "as_required_patches".`); ok {
		if ch := c.check(v.Text); ch == nil {
			diags = append(diags, c.unknownCheck(v))
		} else if isWaiverCheck(ch.Name) {
			diags = append(diags, errorAt(v.Range, "Waiver of a waiver check", "%s reports on the waivers themselves and cannot be waived; fix or remove the waiver it names.", ch.Name))
		}
		w.check = v
	}
	if v, ok := required(b.Reason, "reason", `Say why the findings are acceptable, so that auditors can judge it: reason = "patch in change CHG-1234".`); ok {
		w.reason = v.Text
	}
	if v, ok := required(b.Expires, "expires", `Give the last day it holds, YYYY-MM-DD: expires = "2027-01-31". A waiver never lasts forever.`); ok {
		if _, err := time.Parse(time.DateOnly, v.Text); err != nil {
			diags = append(diags, errorAt(v.Range, "Invalid expiry date", "expires must be a date written YYYY-MM-DD, such as \"2027-01-31\", not %q.", v.Text))
		}
		w.expires = v.Text
	}
	if b.Owner != nil {
		v, d := stringValue(b.Owner)
		diags = append(diags, d...)
		w.owner = v.Text
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

// covers reports whether the waiver applies to a finding.
func (w *waiver) covers(f lint.Finding) bool {
	if f.Check != w.check.Text {
		return false
	}
	if len(w.hosts) == 0 {
		return true
	}
	return slices.ContainsFunc(w.hosts, func(h source.Value) bool { return strings.EqualFold(h.Text, f.Host) })
}

// expiredOn reports whether the waiver has lapsed on day: it holds through
// the day it names. Dates in YYYY-MM-DD order compare as strings.
func (w *waiver) expiredOn(day time.Time) bool {
	return day.Format(time.DateOnly) > w.expires
}

// ApplyWaivers marks the findings each waiver covers, after the run. A
// waived finding stays in the result, and in every report, with the
// waiver's reason, owner and expiry; it no longer counts towards the exit
// code. A waiver past its expiry waives nothing and is itself reported as
// config_waiver_expired; one that covers no finding is reported as
// config_waiver_unused. A finding covered by several waivers takes the
// first in the file. Skipping this call (--no-waivers) shows every finding
// as it is.
func (c *Config) ApplyWaivers(res *lint.Result, today time.Time) {
	for _, w := range c.waivers {
		covered := 0
		expired := w.expiredOn(today)
		for i := range res.Findings {
			f := &res.Findings[i]
			if f.Waiver != nil || !w.covers(*f) {
				continue
			}
			covered++
			if !expired {
				f.Waiver = &lint.Waiver{Name: w.name, Reason: w.reason, Owner: w.owner, Expires: w.expires}
			}
		}
		switch {
		case expired:
			c.reportOnWaiver(res, waiverExpired, w, fmt.Sprintf("waiver %q for %s expired on %s; %s",
				w.name, w.scope(), w.expires, countAgain(covered)))
		case covered == 0 && !c.selected[w.check.Text]:
			c.reportOnWaiver(res, waiverUnused, w, fmt.Sprintf("waiver %q for %s covers no finding because this configuration turns %s off",
				w.name, w.scope(), w.check.Text))
		case covered == 0:
			c.reportOnWaiver(res, waiverUnused, w, fmt.Sprintf("waiver %q for %s covers no finding; remove it, or correct its check or hosts",
				w.name, w.scope()))
		}
	}
	lint.SortFindings(res.Findings)
}

// scope describes what a waiver covers, for messages.
func (w *waiver) scope() string {
	if len(w.hosts) == 0 {
		return w.check.Text + " on every host"
	}
	names := make([]string, len(w.hosts))
	for i, h := range w.hosts {
		names[i] = h.Text
	}
	return w.check.Text + " on " + strings.Join(names, ", ")
}

// reportOnWaiver adds a finding about a waiver, located at its block,
// unless the configuration turned that check off. The check joins the
// result's list when the caller ran without it, so that reports always
// describe the rules of the findings they show.
func (c *Config) reportOnWaiver(res *lint.Result, ch *lint.Check, w *waiver, msg string) {
	if !c.selected[ch.Name] {
		return
	}
	res.Findings = append(res.Findings, lint.Finding{
		Check:    ch.Name,
		Severity: c.severityOf(ch),
		Message:  msg,
		Location: w.at,
		Logical:  lint.Logical{Context: "config", Key: w.name},
	})
	if !slices.Contains(res.Checks, ch) {
		res.Checks = append(res.Checks, ch)
		slices.SortFunc(res.Checks, func(a, b *lint.Check) int { return strings.Compare(a.Name, b.Name) })
	}
}

// countAgain says what an expired waiver's lapse means for the run.
func countAgain(n int) string {
	switch n {
	case 0:
		return "it would cover no finding now, so remove it"
	case 1:
		return "the finding it covered counts again"
	}
	return fmt.Sprintf("the %d findings it covered count again", n)
}
