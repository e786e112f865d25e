package checks

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
)

// server is the prompt prefix of the rule's hosts, for documentation;
// findings use the prefix each capture shows (ADP hosts print ADP_CLI).
func (r *siteRule) server() string { return lint.Server(r.Role) }

func (r *siteRule) hostsPhrase() string {
	if r.Role == inputs.RoleUnknown {
		return "every host where the context was captured"
	}
	return lint.RolePhrase(r.Role)
}

// label names the value the rule reads: the attribute, or the cell.
func (r *siteRule) label() string {
	if r.Column == "" {
		return r.Key
	}
	return r.Column + " of row " + r.rowKeyText()
}

func (r *siteRule) rowKeyText() string {
	parts := make([]string, len(r.RowKey))
	for i, c := range r.RowKey {
		parts[i] = c.Column + "=" + c.Value
	}
	return strings.Join(parts, ",")
}

// show renders a value for messages and docs, hiding secrets: the whole
// value when the rule's name says it is one, else the password of a URL.
func (r *siteRule) show(v string) string {
	if r.secret {
		return source.Redacted
	}
	return quote(source.Reveal("", v))
}

func (r *siteRule) markdownValue(v string) string {
	if r.secret {
		return source.Redacted
	}
	return "`" + source.Reveal("", v) + "`"
}

// describe writes the rule's documentation from its attributes.
func (r *siteRule) describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "A site rule, defined in `%s` at line %d rather than in bwlint.\n\n", r.At.Filename, r.At.Start.Line)
	what := "the attribute `" + r.Key + "`"
	if r.Column != "" {
		what = "the `" + r.Column + "` cell of the row where " + r.rowKeyMarkdown()
	}
	fmt.Fprintf(&b, "On %s, %s in `%s_CLI/%s` %s.", r.hostsPhrase(), what, r.server(), r.Context, want(r.Require, r.markdownValue))
	if r.Require.Kind == config.RequireMatch {
		b.WriteString(" The regular expression (RE2 syntax) must match the whole value.")
	}
	if r.Role != inputs.RoleUnknown {
		fmt.Fprintf(&b, " A host where the context was not captured is an evidence gap.")
	}
	if r.Doc != "" {
		b.WriteString("\n\n" + strings.TrimSpace(r.Doc))
	}
	return b.String()
}

func (r *siteRule) rowKeyMarkdown() string {
	parts := make([]string, len(r.RowKey))
	for i, c := range r.RowKey {
		parts[i] = "`" + c.Column + "` is `" + c.Value + "`"
	}
	return strings.Join(parts, " and ")
}

// fixText is the rule's fix attribute, or a generic instruction; either
// way a sentence that ends in a period, as lint.Validate requires.
func (r *siteRule) fixText() string {
	fix := strings.TrimSpace(r.Fix)
	if fix == "" {
		fix = fmt.Sprintf("On each host named in a finding, correct %s in `%s_CLI/%s`: it %s",
			r.label(), r.server(), r.Context, want(r.Require, r.markdownValue))
	}
	if !strings.HasSuffix(fix, ".") {
		fix += "."
	}
	return fix
}

// evidence declares what the rule reads: the output of "get" in its
// context on every host of its role.
func (r *siteRule) evidence() lint.Evidence {
	reads := "the attribute " + r.Key
	if r.Column != "" {
		cols := []string{r.Column}
		for _, c := range r.RowKey {
			cols = append(cols, c.Column)
		}
		reads = "a table with the columns " + strings.Join(cols, ", ")
	}
	return lint.CLI(r.Role, r.Context, "get", r.File).Reading(reads)
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
