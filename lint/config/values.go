package config

import (
	"fmt"
	"strings"

	"github.com/agext/levenshtein"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/bwlint/bwlint/inputs/source"
)

// stringValue reads an attribute that must be a string. The value's range
// covers the string's content without its quotes where the expression is
// a plain literal, so that it slices back to the text like every other
// source.Value.
func stringValue(a *hcl.Attribute) (source.Value, hcl.Diagnostics) {
	return stringExpr(a.Expr)
}

func stringExpr(e hcl.Expression) (source.Value, hcl.Diagnostics) {
	var s string
	if diags := decode(e, &s); diags.HasErrors() {
		return source.Value{}, diags
	}
	return source.Value{Text: s, Loc: source.LocOf(contentRange(e))}, nil
}

// contentRange is the range of a quoted literal's content, or of the whole
// expression otherwise.
func contentRange(e hcl.Expression) hcl.Range {
	if t, ok := e.(*hclsyntax.TemplateExpr); ok && len(t.Parts) == 1 {
		// An empty string's literal has an empty range after the closing
		// quote, which would point at nothing.
		if lit, ok := t.Parts[0].(*hclsyntax.LiteralValueExpr); ok && !lit.Range().Empty() {
			return lit.Range()
		}
	}
	return e.Range()
}

// stringList reads an attribute that must be a list of strings, keeping
// each element's range.
func stringList(a *hcl.Attribute) ([]source.Value, hcl.Diagnostics) {
	exprs, diags := hcl.ExprList(a.Expr)
	if diags.HasErrors() {
		return nil, hcl.Diagnostics{errorAt(a.Expr.Range(), "Not a list of strings",
			"%s must be a list of strings, such as [\"a\", \"b\"].", a.Name)}
	}
	var out []source.Value
	for _, e := range exprs {
		v, d := stringExpr(e)
		diags = append(diags, d...)
		if !d.HasErrors() {
			out = append(out, v)
		}
	}
	return out, diags
}

// stringOrList reads an attribute that may be one string or a list of them.
func stringOrList(a *hcl.Attribute) ([]source.Value, hcl.Diagnostics) {
	if _, d := hcl.ExprList(a.Expr); !d.HasErrors() {
		return stringList(a)
	}
	v, diags := stringValue(a)
	if diags.HasErrors() {
		return nil, diags
	}
	return []source.Value{v}, nil
}

func boolValue(a *hcl.Attribute) (bool, hcl.Diagnostics) {
	var b bool
	diags := decode(a.Expr, &b)
	return b, diags
}

// decode is gohcl.DecodeExpression without its second complaint about an
// expression that cannot be evaluated: the file has no variables or
// functions, and "value must be known" after "Variables not allowed" only
// repeats the problem.
func decode(e hcl.Expression, target any) hcl.Diagnostics {
	if _, diags := e.Value(nil); diags.HasErrors() {
		return diags
	}
	return gohcl.DecodeExpression(e, nil, target)
}

// errorAt builds an error diagnostic at subject. Summaries are short and
// capitalised, details are full sentences, as in HCL's own diagnostics.
func errorAt(subject hcl.Range, summary, detail string, args ...any) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(detail, args...), Subject: subject.Ptr()}
}

func warningAt(subject hcl.Range, summary, detail string, args ...any) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: summary, Detail: fmt.Sprintf(detail, args...), Subject: subject.Ptr()}
}

// didYouMean returns " Did you mean "x"?" for the candidate closest to
// name, or "" when none is close enough to be a plausible typo.
func didYouMean(name string, candidates []string) string {
	if best := Closest(name, candidates); best != "" {
		return fmt.Sprintf(" Did you mean %q?", best)
	}
	return ""
}

// Closest returns the candidate closest to name by edit distance, or ""
// when none is close enough to be a plausible typo of it: the one notion
// of "did you mean" of the policy file and the command line.
func Closest(name string, candidates []string) string {
	best, bestDist := "", 0
	for _, c := range candidates {
		d := levenshtein.Distance(strings.ToLower(name), c, nil)
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best != "" && bestDist <= max(3, len(name)/3) {
		return best
	}
	return ""
}

// oneOf checks an enumerated string attribute.
func oneOf(v source.Value, attr string, allowed ...string) *hcl.Diagnostic {
	for _, a := range allowed {
		if v.Text == a {
			return nil
		}
	}
	return errorAt(v.Range(), "Invalid "+attr, "%s must be one of %s, not %q.%s",
		attr, quoteList(allowed), v.Text, didYouMean(v.Text, allowed))
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
