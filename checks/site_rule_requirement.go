package checks

import (
	"slices"
	"strings"

	"github.com/bwlint/bwlint/lint/config"
)

// accepts reports whether a value meets the requirement; found is false when the
// value is absent. config.RequireSameOnAllHosts is decided across hosts, not here.
func accepts(t config.Requirement, value string, found bool) bool {
	switch t.Kind {
	case config.RequirePresence:
		return found == t.Present
	case config.RequireEquals, config.RequireOneOf:
		return found && slices.ContainsFunc(t.Values, func(v string) bool { return same(t, v, value) })
	case config.RequireMatch:
		return found && t.Pattern.MatchString(value)
	}
	return true
}

func same(t config.Requirement, a, b string) bool {
	if t.IgnoreCase {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// want says what the requirement is, for messages and documentation;
// show renders a value, or hides it when it is secret.
func want(t config.Requirement, show func(string) string) string {
	var s string
	switch t.Kind {
	case config.RequireEquals:
		s = "must be " + show(t.Values[0])
	case config.RequireOneOf:
		q := make([]string, len(t.Values))
		for i, v := range t.Values {
			q[i] = show(v)
		}
		s = "must be one of " + strings.Join(q, ", ")
	case config.RequireMatch:
		s = "must match " + show(t.Source)
	case config.RequirePresence:
		if !t.Present {
			return "must not be set"
		}
		return "must be set"
	case config.RequireSameOnAllHosts:
		s = "must be the same on every host"
	}
	if t.IgnoreCase {
		s += " (ignoring case)"
	}
	return s
}

// expected is the Expected text of a finding about label.
func expected(t config.Requirement, label string) string {
	switch t.Kind {
	case config.RequireEquals:
		return label + " = " + t.Values[0]
	case config.RequireOneOf:
		return label + " = " + strings.Join(t.Values, " | ")
	case config.RequireMatch:
		return label + " matching " + t.Source
	case config.RequirePresence:
		if t.Present {
			return label + " set"
		}
		return label + " not set"
	}
	return ""
}
