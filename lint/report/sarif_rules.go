package report

import (
	"slices"
	"strings"

	"github.com/bwlint/bwlint/lint"
)

// The rules of a SARIF run: one descriptor per check, with its help.

// HelpURI is the web page of a check's documentation (lint.Check.DocPath).
func HelpURI(c *lint.Check) string {
	return lint.InformationURI + "/blob/main/" + c.DocPath()
}

// helpURIs maps the names of the checks that ran to their pages; a
// finding of a check not among them has no page to link to.
func helpURIs(checks []*lint.Check) map[string]string {
	m := make(map[string]string, len(checks))
	for _, c := range checks {
		m[c.Name] = HelpURI(c)
	}
	return m
}

func (b *sarifBuilder) addRule(c *lint.Check) int {
	if i, ok := b.ruleIndex[c.Name]; ok {
		return i
	}
	doc, fix := strings.TrimSpace(c.Doc), strings.TrimSpace(c.Fix)
	props := &sarifRuleProperty{Tags: slices.Clone(c.Tags), SecuritySeverity: c.SecuritySeverity}
	// GitHub ranks a rule by security-severity only when it is tagged
	// "security".
	if c.SecuritySeverity != "" && !slices.Contains(props.Tags, "security") {
		props.Tags = append(props.Tags, "security")
	}
	if len(props.Tags) == 0 && props.SecuritySeverity == "" {
		props = nil
	}
	d := sarifDescriptor{
		ID:               c.Name,
		Name:             pascalCase(c.Name),
		ShortDescription: &sarifText{Text: sentence(upperFirst(c.Title))},
		FullDescription:  &sarifText{Text: limitText(doc, 1024), Markdown: doc},
		Help: &sarifText{
			Text:     doc + "\n\nHow to fix:\n\n" + fix,
			Markdown: doc + "\n\n## How to fix\n\n" + fix,
		},
		HelpURI:              HelpURI(c),
		DefaultConfiguration: &sarifRuleConfig{Level: c.Severity.String()},
		Properties:           props,
	}
	b.ruleIndex[c.Name] = len(b.rules)
	b.rules = append(b.rules, d)
	return len(b.rules) - 1
}

// rule returns the index of a check's rule, adding a bare rule for a name
// that is not among the checks that ran (a finding must always resolve).
// Such a rule has no helpUri: there is no page known to exist for it, and
// code scanning wants a working link or none.
func (b *sarifBuilder) rule(name string) int {
	if i, ok := b.ruleIndex[name]; ok {
		return i
	}
	i := b.addRule(&lint.Check{Name: name, Title: name, Doc: "Reported by " + lint.ToolName + ".", Fix: "Run `bwlint explain " + name + "`.", Severity: lint.Warning})
	b.rules[i].HelpURI = ""
	return i
}

// sentence ends a message with a period, as SARIF messages should.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// pascalCase turns a check name into a SARIF rule name:
// xsp_certificate_auth_flags → XspCertificateAuthFlags.
func pascalCase(name string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(name, "_") {
		b.WriteString(upperFirst(part))
	}
	return b.String()
}

// limitText cuts markdown to at most n bytes at a paragraph break (code
// scanning rejects longer descriptions), else at a word.
func limitText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndex(s[:n], "\n\n"); i > 0 {
		return s[:i]
	}
	const ellipsis = "…"
	if i := strings.LastIndexByte(s[:n-len(ellipsis)], ' '); i > 0 {
		return s[:i] + ellipsis
	}
	return strings.ToValidUTF8(s[:n], "")
}
