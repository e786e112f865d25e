package config

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// RequirementKind names the test a rule puts its value to.
type RequirementKind int

// The tests of a rule: equals, one_of, matches, present and
// same_on_all_hosts.
const (
	RequireEquals RequirementKind = iota + 1
	RequireOneOf
	RequireMatch
	RequirePresence
	RequireSameOnAllHosts
)

// Requirement is what a rule requires of its value: exactly one of
// equals, one_of, matches, present and same_on_all_hosts.
type Requirement struct {
	Kind RequirementKind
	// Values are equals' one value, or one_of's several.
	Values []string
	// Pattern is matches, anchored to the whole value; Source is the
	// expression as written.
	Pattern *regexp.Regexp
	Source  string
	// Present is what present requires: set, or not set.
	Present    bool
	IgnoreCase bool
}

func (rd *ruleReader) requirement() Requirement {
	b := rd.block
	var t Requirement
	var chosen *hcl.Attribute
	choose := func(a *hcl.Attribute, kind RequirementKind) bool {
		if a == nil {
			return false
		}
		if chosen != nil {
			rd.diags = append(rd.diags, errorAt(a.NameRange, "Several tests in one rule",
				"rule %q already tests its value with %s; a rule has exactly one of equals, one_of, matches, present and same_on_all_hosts. Write a second rule for a second test.",
				b.Name, chosen.Name))
			return false
		}
		chosen, t.Kind = a, kind
		return true
	}
	if choose(b.Equals, RequireEquals) {
		v := rd.optional(b.Equals)
		t.Values = []string{v.Text}
	}
	if choose(b.OneOf, RequireOneOf) {
		vals, d := stringList(b.OneOf)
		rd.diags = append(rd.diags, d...)
		for _, v := range vals {
			t.Values = append(t.Values, v.Text)
		}
		if !d.HasErrors() && len(vals) == 0 {
			rd.diags = append(rd.diags, errorAt(b.OneOf.Expr.Range(), "Empty one_of", "one_of = [] accepts no value at all; list the values allowed."))
		}
	}
	if choose(b.Matches, RequireMatch) {
		v := rd.optional(b.Matches)
		t.Source = v.Text
		if _, err := regexp.Compile(v.Text); err != nil {
			rd.diags = append(rd.diags, errorAt(v.Range(), "Invalid regular expression", "matches is not a valid RE2 regular expression: %v.", strings.TrimPrefix(err.Error(), "error parsing regexp: ")))
		} else {
			// Anchored: a rule about a value is about all of it, so "true"
			// must not pass for "untrue".
			t.Pattern = regexp.MustCompile(`^(?:` + v.Text + `)$`)
		}
	}
	if choose(b.Present, RequirePresence) {
		var d hcl.Diagnostics
		t.Present, d = boolValue(b.Present)
		rd.diags = append(rd.diags, d...)
	}
	if choose(b.SameOnAllHosts, RequireSameOnAllHosts) {
		same, d := boolValue(b.SameOnAllHosts)
		rd.diags = append(rd.diags, d...)
		if !d.HasErrors() && !same {
			rd.diags = append(rd.diags, errorAt(b.SameOnAllHosts.Expr.Range(), "same_on_all_hosts = false tests nothing",
				"Leave same_on_all_hosts out, or set it to true to require one value on every host."))
		}
	}
	if b.IgnoreCase != nil {
		var d hcl.Diagnostics
		t.IgnoreCase, d = boolValue(b.IgnoreCase)
		rd.diags = append(rd.diags, d...)
		if t.IgnoreCase && t.Pattern != nil {
			t.Pattern = regexp.MustCompile(`(?i)` + t.Pattern.String())
		}
	}
	if chosen == nil {
		rd.diags = append(rd.diags, errorAt(b.DefRange, "Rule without a test",
			"rule %q must say what its value must be, with one of equals, one_of, matches, present or same_on_all_hosts.", b.Name))
	}
	return t
}
