package config

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// Effective is what a policy makes of a run, resolved against the
// built-in defaults: what "bwlint config" shows.
type Effective struct {
	FailOn          Setting `json:"fail_on"`
	MissingEvidence Setting `json:"missing_evidence"`
	// FailOnStaleBaseline, AcceptNewWaivers and MaskPersonalData are
	// "true" or "false".
	FailOnStaleBaseline Setting           `json:"fail_on_stale_baseline"`
	AcceptNewWaivers    Setting           `json:"accept_new_waivers"`
	MaskPersonalData    Setting           `json:"mask_personal_data"`
	Checks              []EffectiveCheck  `json:"checks"`
	Hosts               []EffectiveHost   `json:"hosts"`
	Clusters            []EffectiveGroup  `json:"clusters"`
	Waivers             []EffectiveWaiver `json:"waivers"`
}

// Setting is one value and where it comes from: "policy" when the file
// sets it, "default" otherwise.
type Setting struct {
	Value  string `json:"value"`
	Source string `json:"source"`
}

// EffectiveCheck is one check as the policy leaves it.
type EffectiveCheck struct {
	Name string `json:"name"`
	// Origin is built_in, policy (config_waiver_expired and
	// config_waiver_unused) or site_rule (a rule block).
	Origin   string  `json:"origin"`
	Enabled  bool    `json:"enabled"`
	Severity Setting `json:"severity"`
	// Options are the check's options after the policy, values as HCL;
	// Set lists those the policy sets.
	Options []EffectiveOption `json:"options"`
	// NotApplicable are the hosts the policy scopes the check away from.
	NotApplicable []string `json:"not_applicable"`
}

// EffectiveOption is one option of a check.
type EffectiveOption struct {
	Name  string `json:"name"`
	Value string `json:"value"` // as HCL
	Set   bool   `json:"set"`   // by the policy; else the default
}

// EffectiveHost is a host block: what the policy says of a host.
type EffectiveHost struct {
	Name    string `json:"name"`
	Role    string `json:"role"`
	Release string `json:"release"`
}

// EffectiveGroup is a cluster block: its members as the policy lists
// them (docs/config.md says how they combine with the cluster file's).
type EffectiveGroup struct {
	Name               string   `json:"name"`
	XSPs               []string `json:"xsps"`
	ApplicationServers []string `json:"application_servers"`
}

// EffectiveWaiver is a waiver block, with its state on the day asked.
type EffectiveWaiver struct {
	Name       string   `json:"name"`
	Check      string   `json:"check"`
	Hosts      []string `json:"hosts"` // empty: every host
	Reason     string   `json:"reason"`
	Owner      string   `json:"owner"`
	ApprovedBy string   `json:"approved_by"`
	Granted    string   `json:"granted"`
	Expires    string   `json:"expires"`
	Expired    bool     `json:"expired"`
}

// Effective resolves the policy as of day (for waiver expiry).
func (c *Config) Effective(day time.Time) Effective {
	e := Effective{
		FailOn:              Setting{Value: lint.DefaultThreshold.String(), Source: "default"},
		MissingEvidence:     Setting{Value: lint.FailOnGaps.String(), Source: "default"},
		FailOnStaleBaseline: flagEffective(c.FailOnStaleBaseline()),
		AcceptNewWaivers:    flagEffective(c.AcceptNewWaivers()),
		MaskPersonalData:    flagEffective(c.MaskPersonalData()),
		Checks:              []EffectiveCheck{},
		Hosts:               []EffectiveHost{},
		Clusters:            []EffectiveGroup{},
		Waivers:             []EffectiveWaiver{},
	}
	if t, ok := c.FailOn(); ok {
		e.FailOn = Setting{Value: t.String(), Source: "policy"}
	}
	if m, ok := c.MissingEvidence(); ok {
		e.MissingEvidence = Setting{Value: m.String(), Source: "policy"}
	}
	exempt := c.exemptions()
	for _, ch := range c.AllChecks() {
		ec := EffectiveCheck{Name: ch.Name, Origin: "built_in", Enabled: c.selected[ch.Name],
			Severity: Setting{Value: ch.Severity.String(), Source: "default"}, Options: []EffectiveOption{}, NotApplicable: []string{}}
		switch {
		case watchesPolicy(ch):
			ec.Origin = "policy"
		case c.siteRules[ch.Name]:
			ec.Origin = "site_rule"
		}
		cs := c.settings[ch.Name]
		if cs != nil && cs.severity != nil {
			ec.Severity = Setting{Value: cs.severity.String(), Source: "policy"}
		}
		if ch.Options != nil {
			defaults := lint.OptionValues(ch.Options())
			current := defaults
			if cs != nil && cs.options != nil {
				current = lint.OptionValues(cs.options)
			}
			for i, o := range current {
				ec.Options = append(ec.Options, EffectiveOption{Name: o.Name, Value: o.Default, Set: o.Default != defaults[i].Default})
			}
		}
		for _, x := range exempt[ch.Name] {
			ec.NotApplicable = append(ec.NotApplicable, x.Host)
		}
		slices.Sort(ec.NotApplicable)
		ec.NotApplicable = slices.Compact(ec.NotApplicable)
		e.Checks = append(e.Checks, ec)
	}
	for _, h := range c.hosts {
		e.Hosts = append(e.Hosts, EffectiveHost{Name: h.name.Text, Role: h.role.Text, Release: h.release.Text})
	}
	for _, cl := range c.clusters {
		e.Clusters = append(e.Clusters, EffectiveGroup{Name: cl.name.Text, XSPs: valueTexts(cl.xsps), ApplicationServers: valueTexts(cl.appServers)})
	}
	for _, w := range c.Policy(day).Waivers {
		e.Waivers = append(e.Waivers, EffectiveWaiver{Name: w.Name, Check: w.Check, Hosts: w.Hosts, Reason: w.Reason,
			Owner: w.Owner, ApprovedBy: w.ApprovedBy, Granted: w.Granted, Expires: w.Expires, Expired: w.ExpiredOn(day)})
	}
	slices.SortFunc(e.Hosts, func(a, b EffectiveHost) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(e.Clusters, func(a, b EffectiveGroup) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(e.Waivers, func(a, b EffectiveWaiver) int { return strings.Compare(a.Name, b.Name) })
	return e
}

// flagEffective is a lint block's true-or-false attribute as a Setting:
// false by default.
func flagEffective(on, set bool) Setting {
	source := "default"
	if set {
		source = "policy"
	}
	return Setting{Value: strconv.FormatBool(on), Source: source}
}

func valueTexts(vs []source.Value) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Text
	}
	return out
}
