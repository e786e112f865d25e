package config

import (
	"path"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// selectChecks applies a lint.checks list, as staticcheck does: entries
// are processed in order, each adding ("name", "all", "xsp_*") or removing
// ("-name", "-xsp_*") checks, so later entries refine earlier ones. A nil
// list selects every check.
//
// The checks of the policy itself (whose evidence is the policy file, such
// as config_waiver_expired) stay on unless an entry names them: a
// selection written to narrow the snapshot checks ("xsp_*") must not make
// expired waivers pass in silence.
func (c *Config) selectChecks(entries []source.Value) (map[string]bool, hcl.Diagnostics) {
	sel := map[string]bool{}
	if entries == nil {
		for _, ch := range c.checks {
			sel[ch.Name] = true
		}
		return sel, nil
	}
	var diags hcl.Diagnostics
	for _, e := range entries {
		pattern, remove := strings.CutPrefix(strings.TrimSpace(e.Text), "-")
		names, d := c.expand(pattern, e)
		if d != nil {
			diags = append(diags, d)
			continue
		}
		for _, n := range names {
			sel[n] = !remove
		}
	}
	for _, ch := range c.checks {
		if _, named := sel[ch.Name]; !named && watchesPolicy(ch) {
			sel[ch.Name] = true
		}
	}
	return sel, diags
}

// expand returns the check names one selection entry stands for.
func (c *Config) expand(pattern string, e source.Value) ([]string, *hcl.Diagnostic) {
	all := c.checkNames()
	switch {
	case pattern == "all":
		return all, nil
	case strings.ContainsAny(pattern, "*?["):
		var names []string
		for _, n := range all {
			ok, err := path.Match(pattern, n)
			if err != nil {
				return nil, errorAt(e.Range(), "Invalid check pattern", "%q is not a valid pattern: %v. Patterns use * ? and [...] as in shell globs.", pattern, err)
			}
			if ok {
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			return nil, errorAt(e.Range(), "Pattern matches no check", "No check name matches %q. Run \"bwlint checks\" for the list.", pattern)
		}
		return names, nil
	case slices.Contains(all, pattern):
		return []string{pattern}, nil
	}
	return nil, c.unknownCheck(source.Value{Text: pattern, Loc: source.LocOf(e.Range())})
}

// Checks returns the checks to run, in name order: the built-in checks the
// lint.checks selection and the enabled attributes leave on, the custom
// rules, and the policy's own checks (config_waiver_expired,
// config_waiver_unused), whose findings the judging stage writes. Their
// Run does nothing; they are in the list so that every report lists them
// as rules.
func (c *Config) Checks() []*lint.Check {
	var out []*lint.Check
	for _, ch := range c.checks {
		if c.selected[ch.Name] {
			out = append(out, ch)
		}
	}
	slices.SortFunc(out, func(a, b *lint.Check) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// AllChecks returns every check the policy knows, selected or not: the
// built-in checks, the configuration's own and the custom rules, in name
// order. "bwlint checks" and "bwlint explain" list and look up these.
func (c *Config) AllChecks() []*lint.Check {
	out := slices.Clone(c.checks)
	slices.SortFunc(out, func(a, b *lint.Check) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// watchesPolicy reports whether a check reads the policy file itself
// rather than the snapshot: its waivers cannot be waived and stay on
// unless named.
func watchesPolicy(ch *lint.Check) bool {
	return slices.ContainsFunc(ch.Evidence, func(e lint.Evidence) bool { return e.Source == lint.FromPolicy })
}
