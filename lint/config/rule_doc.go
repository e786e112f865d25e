package config

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// server is the prompt prefix of the rule's hosts, for documentation;
// findings use the prefix each capture shows (ADP hosts print ADP_CLI).
func (r *rule) server() string {
	switch r.role {
	case inputs.RoleAS:
		return "AS"
	case inputs.RoleXSP:
		return "XSP"
	}
	return "<SERVER>"
}

func (r *rule) hostsPhrase() string {
	switch r.role {
	case inputs.RoleAS:
		return "every Application Server"
	case inputs.RoleXSP:
		return "every XSP and ADP host"
	}
	return "every host where the context was captured"
}

// label names the value the rule reads: the attribute, or the cell.
func (r *rule) label() string {
	if r.column == "" {
		return r.key
	}
	return r.column + " of row " + r.rowKeyText()
}

func (r *rule) rowKeyText() string {
	parts := make([]string, len(r.rowKey))
	for i, c := range r.rowKey {
		parts[i] = c.column + "=" + c.value
	}
	return strings.Join(parts, ",")
}

// show renders a value for messages and docs, hiding secrets: the whole
// value when the rule's name says it is one, else the password of a URL.
func (r *rule) show(v string) string {
	if r.secret {
		return source.Redacted
	}
	return quote(source.Reveal("", v))
}

func (r *rule) markdownValue(v string) string {
	if r.secret {
		return source.Redacted
	}
	return "`" + source.Reveal("", v) + "`"
}

// describe writes the rule's documentation from its attributes.
func (r *rule) describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "A site rule, defined in `%s` at line %d rather than in bwlint.\n\n", r.at.Filename, r.at.Start.Line)
	what := "the attribute `" + r.key + "`"
	if r.column != "" {
		what = "the `" + r.column + "` cell of the row where " + r.rowKeyMarkdown()
	}
	fmt.Fprintf(&b, "On %s, %s in `%s_CLI/%s` %s.", r.hostsPhrase(), what, r.server(), r.context, r.req.want(r.markdownValue))
	if r.req.kind == reqMatches {
		b.WriteString(" The regular expression (RE2 syntax) must match the whole value.")
	}
	if r.role != inputs.RoleUnknown {
		fmt.Fprintf(&b, " A host where the context was not captured is an evidence gap.")
	}
	if r.doc != "" {
		b.WriteString("\n\n" + strings.TrimSpace(r.doc))
	}
	return b.String()
}

func (r *rule) rowKeyMarkdown() string {
	parts := make([]string, len(r.rowKey))
	for i, c := range r.rowKey {
		parts[i] = "`" + c.column + "` is `" + c.value + "`"
	}
	return strings.Join(parts, " and ")
}

// fixText is the rule's fix attribute, or a generic instruction; either
// way a sentence that ends in a period, as lint.Validate requires.
func (r *rule) fixText() string {
	fix := strings.TrimSpace(r.fix)
	if fix == "" {
		fix = fmt.Sprintf("On each host named in a finding, correct %s in `%s_CLI/%s`: it %s",
			r.label(), r.server(), r.context, r.req.want(r.markdownValue))
	}
	if !strings.HasSuffix(fix, ".") {
		fix += "."
	}
	return fix
}

// evidence declares what the rule reads: the output of "get" in its
// context on every host of its role.
func (r *rule) evidence() lint.Evidence {
	reads := "the attribute " + r.key
	if r.column != "" {
		cols := []string{r.column}
		for _, c := range r.rowKey {
			cols = append(cols, c.column)
		}
		reads = "a table with the columns " + strings.Join(cols, ", ")
	}
	return lint.CLI(r.role, r.context, "get", r.file).Reading(reads)
}

// captureFileOf is where the "get" of a context belongs: the file a check
// the policy knows declares for it, else one named after the context.
func (c *Config) captureFileOf(context string) string {
	for _, ch := range c.checks {
		for _, e := range ch.Evidence {
			if e.Source == lint.FromCLI && e.Text == "get" && strings.EqualFold(strings.Trim(e.Context, "/"), context) {
				return e.File
			}
		}
	}
	return "hosts/<host>/" + captureFile(context)
}

// captureFile names the file a context's capture is saved in, from its
// last part: "ContainerOptions" → "container-options.txt".
func captureFile(context string) string {
	last := context[strings.LastIndex(context, "/")+1:]
	var b strings.Builder
	for i, c := range last {
		if unicode.IsUpper(c) && i > 0 && !unicode.IsUpper(rune(last[i-1])) {
			b.WriteByte('-')
		}
		b.WriteRune(unicode.ToLower(c))
	}
	if b.Len() == 0 {
		return "cli.txt"
	}
	return b.String() + ".txt"
}
