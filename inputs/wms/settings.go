package wms

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/bwlint/bwlint/inputs/source"
)

// Usage of a tracking code, as Users > Tracking Codes sets it.
const (
	UsageRequired = "required"
	UsageOptional = "optional"
	UsageNotUsed  = "not_used"
)

// Input modes of a tracking code.
const (
	InputText     = "text"
	InputDropdown = "dropdown"
)

var (
	usages     = []string{UsageRequired, UsageOptional, UsageNotUsed}
	inputModes = []string{InputText, InputDropdown}
	codeLabel  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^TC([1-9]|10)$`) })
)

// Settings is wms/settings.hcl: what the Meetings Server administration
// site shows and cannot export, written down by the operator. An example:
//
//	# Users > SSO: what happens to users the IdP signs in
//	auto_account_creation = true
//	auto_account_update   = false
//
//	# Users > Tracking Codes, one block per code in use
//	tracking_code "TC1" {
//	  name   = "Cost center"   # the label users see; optional
//	  usage  = "required"      # required, optional or not_used
//	  input  = "dropdown"      # text or dropdown
//	  values = ["CC-4410", "CC-4420"]   # the dropdown's active values
//	  inactive_values = ["CC-1000"]     # listed but inactive; optional
//	}
//
// Every attribute is optional: what is not written down is not known, and
// checks that need it are not evaluated.
type Settings struct {
	Path string
	// AutoAccountCreation and AutoAccountUpdate hold "true" or "false";
	// absent when not written down. See source.Bool.
	AutoAccountCreation, AutoAccountUpdate source.Value
	// TrackingCodes are the tracking_code blocks in file order.
	TrackingCodes []TrackingCode
}

// TrackingCode is a tracking_code block.
type TrackingCode struct {
	// Code is the block's label, "TC1" to "TC10".
	Code source.Value
	// Range covers the block's type and label: tracking_code "TC1".
	Range hcl.Range
	// Name is the label users see; may be absent.
	Name source.Value
	// Usage is one of the Usage constants; absent when not written down.
	Usage source.Value
	// Input is InputText or InputDropdown; absent when not written down.
	Input source.Value
	// Values are the dropdown's active values, InactiveValues the listed
	// ones that are not active.
	Values, InactiveValues []source.Value
}

// TrackingCode returns the block for code ("TC3"), compared without
// regard to case.
func (s *Settings) TrackingCode(code string) (TrackingCode, bool) {
	for _, tc := range s.TrackingCodes {
		if strings.EqualFold(tc.Code.Text, code) {
			return tc, true
		}
	}
	return TrackingCode{}, false
}

// The file's schema for gohcl. Attributes are kept as *hcl.Attribute so
// that each value is read with its own range.
type settingsBody struct {
	AutoAccountCreation *hcl.Attribute       `hcl:"auto_account_creation,optional"`
	AutoAccountUpdate   *hcl.Attribute       `hcl:"auto_account_update,optional"`
	TrackingCodes       []*trackingCodeBlock `hcl:"tracking_code,block"`
}

type trackingCodeBlock struct {
	Code           string         `hcl:"code,label"`
	CodeRange      hcl.Range      `hcl:"code,label_range"`
	DefRange       hcl.Range      `hcl:",def_range"`
	Name           *hcl.Attribute `hcl:"name,optional"`
	Usage          *hcl.Attribute `hcl:"usage,optional"`
	Input          *hcl.Attribute `hcl:"input,optional"`
	Values         *hcl.Attribute `hcl:"values,optional"`
	InactiveValues *hcl.Attribute `hcl:"inactive_values,optional"`
}

// ParseSettings reads wms/settings.hcl. It returns nil when the file is
// not HCL or does not fit the schema; a value outside its allowed set is
// reported and left out, the rest is kept.
func ParseSettings(path, text string) (*Settings, []source.Problem) {
	r := settingsReader{ix: source.NewIndex(path, text)}
	f, diags := hclparse.NewParser().ParseHCL([]byte(text), path)
	if diags.HasErrors() {
		return nil, r.problems(diags)
	}
	var body settingsBody
	if diags := gohcl.DecodeBody(f.Body, nil, &body); diags.HasErrors() {
		return nil, r.problems(diags)
	}
	s := &Settings{Path: path}
	s.AutoAccountCreation = r.boolean(body.AutoAccountCreation)
	s.AutoAccountUpdate = r.boolean(body.AutoAccountUpdate)
	first := map[string]hcl.Range{}
	for _, b := range body.TrackingCodes {
		code := source.Value{Text: b.Code, Loc: source.LocOf(r.inner(b.CodeRange))}
		switch prev, seen := first[strings.ToUpper(b.Code)]; {
		case !codeLabel().MatchString(strings.ToUpper(b.Code)):
			r.errorf(code.Range(), "tracking code %q: want TC1 to TC10, the names Meetings Server gives its ten tracking codes", b.Code)
			continue
		case seen:
			r.errorf(code.Range(), "tracking code %s is described twice; the first block is at line %d", b.Code, prev.Start.Line)
			continue
		}
		first[strings.ToUpper(b.Code)] = code.Range()
		tc := TrackingCode{
			Code:           code,
			Range:          r.ix.Range(b.DefRange.Start.Byte, b.DefRange.End.Byte),
			Name:           r.str(b.Name),
			Usage:          r.oneOf(b.Usage, usages),
			Input:          r.oneOf(b.Input, inputModes),
			Values:         r.list(b.Values),
			InactiveValues: r.list(b.InactiveValues),
		}
		if tc.Input.Text == InputText {
			for _, a := range []*hcl.Attribute{b.Values, b.InactiveValues} {
				if a != nil {
					r.warnf(a.NameRange, "tracking code %s takes text input, so its dropdown values are not used", b.Code)
					break
				}
			}
		}
		for _, v := range tc.Values {
			for _, w := range tc.InactiveValues {
				if v.Text == w.Text {
					r.errorf(w.Range(), "tracking code %s lists %q as active and as inactive", b.Code, w.Text)
				}
			}
		}
		s.TrackingCodes = append(s.TrackingCodes, tc)
	}
	source.SortProblems(r.probs)
	return s, r.probs
}

type settingsReader struct {
	ix    *source.Index
	probs []source.Problem
}

// inner returns r with positions recomputed from its byte offsets, the way
// every bwlint position counts columns (code points, not HCL's grapheme
// clusters), and, for a quoted label, without the quotes.
func (r *settingsReader) inner(rg hcl.Range) hcl.Range {
	s, e := rg.Start.Byte, rg.End.Byte
	if t := r.ix.Text(); e-s >= 2 && t[s] == '"' && t[e-1] == '"' {
		s, e = s+1, e-1
	}
	return r.ix.Range(s, e)
}

func (r *settingsReader) at(rg hcl.Range) hcl.Range { return r.ix.Range(rg.Start.Byte, rg.End.Byte) }

func (r *settingsReader) errorf(rg hcl.Range, format string, args ...any) {
	r.probs = append(r.probs, source.Errorf(r.at(rg), format, args...))
}

func (r *settingsReader) warnf(rg hcl.Range, format string, args ...any) {
	r.probs = append(r.probs, source.Warnf(r.at(rg), format, args...))
}

// problems turns HCL's diagnostics into input problems.
func (r *settingsReader) problems(diags hcl.Diagnostics) []source.Problem {
	out := r.probs
	for _, d := range diags {
		rg := hcl.Range{Filename: r.ix.Name()}
		if d.Subject != nil {
			rg = r.at(*d.Subject)
		}
		msg := d.Summary
		if detail := strings.TrimSpace(d.Detail); detail != "" {
			msg += ": " + strings.TrimSuffix(detail, ".")
		}
		p := source.Problem{Severity: source.Error, Message: msg, Range: rg}
		if d.Severity == hcl.DiagWarning {
			p.Severity = source.Warning
		}
		out = append(out, p)
	}
	return out
}

// decode reads an expression into a Go value, without variables or
// functions; ok is false after a reported problem.
func (r *settingsReader) decode(e hcl.Expression, target any) bool {
	if diags := gohcl.DecodeExpression(e, nil, target); diags.HasErrors() {
		r.probs = r.problems(diags)
		return false
	}
	return true
}

func (r *settingsReader) boolean(a *hcl.Attribute) source.Value {
	var b bool
	if a == nil || !r.decode(a.Expr, &b) {
		return source.Value{}
	}
	return source.Value{Text: fmt.Sprint(b), Loc: source.LocOf(r.contentRange(a.Expr))}
}

func (r *settingsReader) str(a *hcl.Attribute) source.Value {
	if a == nil {
		return source.Value{}
	}
	return r.strExpr(a.Expr)
}

func (r *settingsReader) strExpr(e hcl.Expression) source.Value {
	var s string
	if !r.decode(e, &s) {
		return source.Value{}
	}
	return source.Value{Text: s, Loc: source.LocOf(r.contentRange(e))}
}

// contentRange is the range of a quoted literal's content, or of the
// whole expression otherwise.
func (r *settingsReader) contentRange(e hcl.Expression) hcl.Range {
	if t, ok := e.(*hclsyntax.TemplateExpr); ok && len(t.Parts) == 1 {
		if lit, ok := t.Parts[0].(*hclsyntax.LiteralValueExpr); ok && !lit.Range().Empty() {
			return r.at(lit.Range())
		}
		// An empty string: between its quotes.
		return r.inner(e.Range())
	}
	return r.at(e.Range())
}

func (r *settingsReader) oneOf(a *hcl.Attribute, allowed []string) source.Value {
	v := r.str(a)
	if v.Present() && !slices.Contains(allowed, v.Text) {
		r.errorf(v.Range(), "%s is %q; want %s", a.Name, v.Text, quoteAll(allowed))
		return source.Value{}
	}
	return v
}

func (r *settingsReader) list(a *hcl.Attribute) []source.Value {
	if a == nil {
		return nil
	}
	exprs, diags := hcl.ExprList(a.Expr)
	if diags.HasErrors() {
		r.errorf(a.Expr.Range(), "%s must be a list of quoted strings, such as [\"a\", \"b\"]", a.Name)
		return nil
	}
	var out []source.Value
	seen := map[string]bool{}
	for _, e := range exprs {
		v := r.strExpr(e)
		switch {
		case !v.Present():
		case seen[v.Text]:
			r.warnf(v.Range(), "%s lists %q twice", a.Name, v.Text)
		default:
			seen[v.Text] = true
			out = append(out, v)
		}
	}
	return out
}

func quoteAll(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
