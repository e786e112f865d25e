package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// reqKind names the kind of a requirement.
type reqKind int

const (
	reqEquals reqKind = iota + 1
	reqOneOf
	reqMatches
	reqPresent
	reqSame
)

// requirement is what a rule requires of its value: exactly one of
// equals, one_of, matches, present and same_on_all_hosts.
type requirement struct {
	kind       reqKind
	values     []string       // equals: one; one_of: several
	pattern    *regexp.Regexp // matches, anchored to the whole value
	source     string         // matches, as written
	present    bool           // present
	ignoreCase bool
}

func (rd *ruleReader) requirement() requirement {
	b := rd.block
	var t requirement
	var chosen *hcl.Attribute
	choose := func(a *hcl.Attribute, kind reqKind) bool {
		if a == nil {
			return false
		}
		if chosen != nil {
			rd.diags = append(rd.diags, errorAt(a.NameRange, "Several tests in one rule",
				"rule %q already tests its value with %s; a rule has exactly one of equals, one_of, matches, present and same_on_all_hosts. Write a second rule for a second test.",
				b.Name, chosen.Name))
			return false
		}
		chosen, t.kind = a, kind
		return true
	}
	if choose(b.Equals, reqEquals) {
		v := rd.optional(b.Equals)
		t.values = []string{v.Text}
	}
	if choose(b.OneOf, reqOneOf) {
		vals, d := stringList(b.OneOf)
		rd.diags = append(rd.diags, d...)
		for _, v := range vals {
			t.values = append(t.values, v.Text)
		}
		if !d.HasErrors() && len(vals) == 0 {
			rd.diags = append(rd.diags, errorAt(b.OneOf.Expr.Range(), "Empty one_of", "one_of = [] accepts no value at all; list the values allowed."))
		}
	}
	if choose(b.Matches, reqMatches) {
		v := rd.optional(b.Matches)
		t.source = v.Text
		if _, err := regexp.Compile(v.Text); err != nil {
			rd.diags = append(rd.diags, errorAt(v.Range, "Invalid regular expression", "matches is not a valid RE2 regular expression: %v.", strings.TrimPrefix(err.Error(), "error parsing regexp: ")))
		} else {
			// Anchored: a rule about a value is about all of it, so "true"
			// must not pass for "untrue".
			t.pattern = regexp.MustCompile(`^(?:` + v.Text + `)$`)
		}
	}
	if choose(b.Present, reqPresent) {
		var d hcl.Diagnostics
		t.present, d = boolValue(b.Present)
		rd.diags = append(rd.diags, d...)
	}
	if choose(b.SameOnAllHosts, reqSame) {
		same, d := boolValue(b.SameOnAllHosts)
		rd.diags = append(rd.diags, d...)
		if !d.HasErrors() && !same {
			rd.diags = append(rd.diags, errorAt(b.SameOnAllHosts.Expr.Range(), "same_on_all_hosts = false tests nothing",
				"Leave same_on_all_hosts out, or set it to true to require one value on every host."))
		}
	}
	if b.IgnoreCase != nil {
		var d hcl.Diagnostics
		t.ignoreCase, d = boolValue(b.IgnoreCase)
		rd.diags = append(rd.diags, d...)
		if t.ignoreCase && t.pattern != nil {
			t.pattern = regexp.MustCompile(`(?i)` + t.pattern.String())
		}
	}
	if chosen == nil {
		rd.diags = append(rd.diags, errorAt(b.DefRange, "Rule without a test",
			"rule %q must say what its value must be, with one of equals, one_of, matches, present or same_on_all_hosts.", b.Name))
	}
	return t
}

// accepts reports whether a value meets the requirement; found is false when the
// value is absent. reqSame is decided across hosts, not here.
func (t requirement) accepts(value string, found bool) bool {
	switch t.kind {
	case reqPresent:
		return found == t.present
	case reqEquals, reqOneOf:
		return found && slices.ContainsFunc(t.values, func(v string) bool { return t.same(v, value) })
	case reqMatches:
		return found && t.pattern.MatchString(value)
	}
	return true
}

func (t requirement) same(a, b string) bool {
	if t.ignoreCase {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// want says what the requirement is, for messages and documentation;
// show renders a value, or hides it when it is secret.
func (t requirement) want(show func(string) string) string {
	var s string
	switch t.kind {
	case reqEquals:
		s = "must be " + show(t.values[0])
	case reqOneOf:
		q := make([]string, len(t.values))
		for i, v := range t.values {
			q[i] = show(v)
		}
		s = "must be one of " + strings.Join(q, ", ")
	case reqMatches:
		s = "must match " + show(t.source)
	case reqPresent:
		if !t.present {
			return "must not be set"
		}
		return "must be set"
	case reqSame:
		s = "must be the same on every host"
	}
	if t.ignoreCase {
		s += " (ignoring case)"
	}
	return s
}

// expected is the Expected text of a finding about label.
func (t requirement) expected(label string) string {
	switch t.kind {
	case reqEquals:
		return label + " = " + t.values[0]
	case reqOneOf:
		return label + " = " + strings.Join(t.values, " | ")
	case reqMatches:
		return label + " matching " + t.source
	case reqPresent:
		if t.present {
			return label + " set"
		}
		return label + " not set"
	}
	return ""
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
