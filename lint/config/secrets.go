package config

import (
	"cmp"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// describing are the attributes that say where a value is and what a
// block is about, never what a secret is: the rest of a block that names
// a secret holds the secret's expected value (equals, one_of, matches,
// a check's option values, an attribute misspelt).
var describing = map[string]bool{
	"title": true, "doc": true, "fix": true, "severity": true, "security_severity": true,
	"role": true, "context": true, "key": true, "column": true, "row_key": true,
	"present": true, "same_on_all_hosts": true, "ignore_case": true, "enabled": true,
	"check": true, "hosts": true, "reason": true, "owner": true, "expires": true,
	"xsps": true, "application_servers": true, "release": true, "fail_on": true, "checks": true,
}

// policySecrets finds the values a policy file holds for secrets, so that
// no diagnostic shows them: in a block that names a secret (a rule on
// "provisioningPassword", a row key naming "bw.imp.adminPassword"), the
// value of every attribute that does not merely describe the block; the
// value of an attribute named as a secret anywhere; and the password of
// every URL. It returns their byte ranges, sorted and disjoint, and their
// texts. A line that no attribute HCL parsed covers, as in a file with
// syntax errors, is read on its own: if it reads "attribute = value" and
// the attribute describes nothing, its value is hidden, since which block
// it belongs to is not known.
func policySecrets(f *hcl.File) ([]source.Span, []string) {
	var spans []source.Span
	var values []string
	src := f.Bytes
	hide := func(e hclsyntax.Expression) {
		r := e.Range()
		if r.Start.Byte < r.End.Byte && r.End.Byte <= len(src) {
			spans = append(spans, source.Span{Start: r.Start.Byte, End: r.End.Byte})
			values = append(values, literalStrings(e)...)
		}
	}
	var parsed []source.Span // the attributes HCL read
	var walk func(b *hclsyntax.Body)
	walk = func(b *hclsyntax.Body) {
		if b == nil {
			return
		}
		secret := false
		for name, a := range b.Attributes {
			parsed = append(parsed, source.Span{Start: a.SrcRange.Start.Byte, End: a.SrcRange.End.Byte})
			if !describing[name] && source.IsSecretName(name) {
				hide(a.Expr)
			}
			if slices.ContainsFunc(literalStrings(a.Expr), source.IsSecretName) {
				secret = true
			}
		}
		if secret {
			for name, a := range b.Attributes {
				if !describing[name] {
					hide(a.Expr)
				}
			}
		}
		for _, blk := range b.Blocks {
			walk(blk.Body)
		}
	}
	body, _ := f.Body.(*hclsyntax.Body)
	walk(body)
	for _, sp := range lineValues(src, source.MergeSpans(parsed)) {
		spans = append(spans, sp)
		values = append(values, strings.Trim(string(src[sp.Start:sp.End]), " \t\r\""))
	}
	for _, sp := range source.URLSecrets(string(src)) {
		spans = append(spans, sp)
		values = append(values, string(src[sp.Start:sp.End]))
	}
	// A message may quote a value: the longest first, so that no part of
	// one is left after a shorter one is masked; too short a value would
	// mask words that are not it.
	values = slices.DeleteFunc(values, func(v string) bool { return len(v) < 4 })
	slices.SortFunc(values, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return source.MergeSpans(spans), slices.Compact(values)
}

// literalStrings returns the literal strings of an expression: a string,
// or the strings of a list.
func literalStrings(e hclsyntax.Expression) []string {
	switch x := e.(type) {
	case *hclsyntax.TemplateExpr:
		var out []string
		for _, p := range x.Parts {
			if l, ok := p.(*hclsyntax.LiteralValueExpr); ok && l.Val.Type().FriendlyName() == "string" && l.Val.IsKnown() && !l.Val.IsNull() {
				out = append(out, l.Val.AsString())
			}
		}
		return out
	case *hclsyntax.TupleConsExpr:
		var out []string
		for _, el := range x.Exprs {
			out = append(out, literalStrings(el)...)
		}
		return out
	}
	return nil
}

// lineValues reads the lines no parsed attribute covers: the value of
// every "attribute = value" line whose attribute describes nothing.
func lineValues(src []byte, parsed []source.Span) []source.Span {
	var out []source.Span
	for start := 0; start < len(src); {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		for len(parsed) > 0 && parsed[0].End <= start {
			parsed = parsed[1:]
		}
		if len(parsed) > 0 && parsed[0].Start <= end {
			start = end + 1
			continue // inside an attribute HCL read, heredocs included
		}
		line := string(src[start:end])
		name, value, ok := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if ok && name != "" && !strings.ContainsAny(name, " \t\"{") && !describing[name] && strings.TrimSpace(value) != "" {
			lead := len(value) - len(strings.TrimLeft(value, " \t"))
			out = append(out, source.Span{Start: start + len(line) - len(value) + lead, End: end})
		}
		start = end + 1
	}
	return out
}
