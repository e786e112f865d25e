package config

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// Rule is a rule block: a site check on one value of a CLI context, an
// attribute (Key) or a table cell (Column of the row RowKey picks). The
// policy only decodes and validates it; the check template that runs it
// is the catalog's SiteRule (checks.SiteRule).
type Rule struct {
	Name string
	// At is the rule block, which the rule's documentation cites.
	At       hcl.Range
	Title    string
	Doc      string
	Fix      string
	Severity lint.Severity
	// SecuritySeverity is the score code scanning ranks a security rule
	// by ("7.5"); "" when the rule is not about security.
	SecuritySeverity string
	// Role is the role of the hosts the rule reads; RoleUnknown for any
	// host that captured the context.
	Role inputs.Role
	// Context is the CLI context, without the <SERVER>_CLI/ prefix.
	Context string
	Key     string
	Column  string
	RowKey  []Condition
	Require Requirement
	// File is where the context's capture belongs: the file a built-in
	// check already names for it, so that one capture serves both.
	File string
}

// Condition selects table rows: the cell in Column equals Value.
type Condition struct{ Column, Value string }

// ruleNameRE is the form of check names (lint.Validate), so custom rules
// read like built-in checks in every report.
var ruleNameRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)+$`) })

// serverPrefixRE recognises a context given with its prompt prefix.
var serverPrefixRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^/?[a-z]+_cli/`) })

func (c *Config) readRules(blocks []*ruleBlock) hcl.Diagnostics {
	var diags hcl.Diagnostics
	seen := map[string]hcl.Range{}
	for _, b := range blocks {
		name := source.Value{Text: b.Name, Loc: source.LocOf(b.NameRange)}
		switch prev, dup := seen[b.Name]; {
		case dup:
			diags = append(diags, duplicate("rule", b.Name, b.DefRange, prev))
			continue
		case !ruleNameRE().MatchString(b.Name):
			diags = append(diags, errorAt(name.Range(), "Invalid rule name",
				"%q is not a check name: use snake_case with a prefix, such as \"site_client_cert_auth\", so the rule reads like the built-in checks.", b.Name))
			continue
		case c.check(b.Name) != nil:
			diags = append(diags, errorAt(name.Range(), "Rule name taken",
				"%q is the name of a built-in check; give the rule its own name, such as \"site_%s\".", b.Name, b.Name))
			continue
		}
		seen[b.Name] = b.DefRange
		if c.siteRule == nil {
			diags = append(diags, errorAt(name.Range(), "Site rules unsupported", "This build of bwlint has no template for site rules, so rule %q cannot run.", b.Name))
			continue
		}
		r, d := readRule(b)
		diags = append(diags, d...)
		if d.HasErrors() {
			continue
		}
		r.File = c.captureFileOf(r.Context)
		c.checks = append(c.checks, c.siteRule(*r))
		c.siteRules[r.Name] = true
	}
	return diags
}

func readRule(b *ruleBlock) (*Rule, hcl.Diagnostics) {
	r := &Rule{Name: b.Name, At: b.DefRange, Severity: lint.Warning}
	rd := &ruleReader{block: b}
	r.Title = strings.TrimSuffix(rd.required(b.Title, "title", `title = "client applications must authenticate with certificates"`).Text, ".")
	r.Doc = rd.optional(b.Doc).Text
	r.Fix = rd.optional(b.Fix).Text
	if b.Severity != nil {
		sev, d := severityValue(b.Severity)
		rd.diags = append(rd.diags, d...)
		if sev != nil {
			r.Severity = *sev
		}
	}
	r.SecuritySeverity = rd.securitySeverity()
	if v := rd.optional(b.Role); v.Present() {
		if bad := oneOf(v, "role", "as", "xsp", "any"); bad != nil {
			rd.diags = append(rd.diags, bad)
		} else if v.Text != "any" {
			r.Role = inputs.Role(v.Text)
		}
	}
	r.Context = rd.context()
	r.Key, r.Column, r.RowKey = rd.where()
	r.Require = rd.requirement()
	return r, rd.diags
}

// ruleReader reads one rule block, collecting diagnostics as it goes so
// that readRule reads as the list of the block's attributes.
type ruleReader struct {
	block *ruleBlock
	diags hcl.Diagnostics
}

func (rd *ruleReader) optional(a *hcl.Attribute) source.Value {
	if a == nil {
		return source.Value{}
	}
	v, d := stringValue(a)
	rd.diags = append(rd.diags, d...)
	return v
}

func (rd *ruleReader) required(a *hcl.Attribute, attr, example string) source.Value {
	if a == nil {
		rd.diags = append(rd.diags, errorAt(rd.block.DefRange, "Rule without "+attr, "rule %q needs %s, such as %s.", rd.block.Name, attr, example))
		return source.Value{}
	}
	v := rd.optional(a)
	if v.Present() && strings.TrimSpace(v.Text) == "" {
		rd.diags = append(rd.diags, errorAt(v.Range(), "Empty "+attr, "rule %q needs a non-empty %s, such as %s.", rd.block.Name, attr, example))
	}
	return v
}

// securityScoreRE is the form of a security-severity score: GitHub code
// scanning reads a decimal number, and ranks 9.0 and above critical, 7.0
// high, 4.0 medium and anything lower low.
var securityScoreRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]{1,2}(\.[0-9]+)?$`) })

// securitySeverity reads the optional security_severity: a score from
// 0.0 to 10.0, given as a string ("7.5") or a number (7.5).
func (rd *ruleReader) securitySeverity() string {
	v := rd.optional(rd.block.SecuritySeverity)
	if !v.Present() {
		return ""
	}
	score, err := strconv.ParseFloat(v.Text, 64)
	if !securityScoreRE().MatchString(v.Text) || err != nil || score > 10 {
		rd.diags = append(rd.diags, errorAt(v.Range(), "Invalid security_severity",
			"security_severity must be a score from 0.0 to 10.0, such as \"7.5\" (code scanning ranks 9.0 and above critical, 7.0 high, 4.0 medium, lower low); %q is not.", v.Text))
		return ""
	}
	return v.Text
}

func (rd *ruleReader) context() string {
	v := rd.required(rd.block.Context, "context", `context = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"`)
	if prefix := serverPrefixRE().FindString(v.Text); prefix != "" {
		rd.diags = append(rd.diags, errorAt(v.Range(), "Context with a server prefix",
			"Write the context without %q, as %q: the rule's role says which servers it reads, and ADP hosts print ADP_CLI.",
			prefix, v.Text[len(prefix):]))
	}
	return strings.Trim(v.Text, "/")
}

// where reads what the rule looks at: an attribute, or a table cell.
func (rd *ruleReader) where() (key, column string, rowKey []Condition) {
	b := rd.block
	switch {
	case b.Key != nil && (b.Column != nil || b.RowKey != nil):
		other := b.Column
		if other == nil {
			other = b.RowKey
		}
		rd.diags = append(rd.diags, errorAt(other.NameRange, "Both key and table cell",
			"A rule reads either an attribute (key) or a table cell (column and row_key), not both."))
	case b.Key != nil:
		return rd.required(b.Key, "key", `key = "allowClientApp"`).Text, "", nil
	case b.Column == nil && b.RowKey == nil:
		rd.diags = append(rd.diags, errorAt(b.DefRange, "Rule without a value",
			"rule %q must say which value it reads: key = \"allowClientApp\" for an attribute, or column = \"Option Value\" with row_key = \"Option Name=bw.imp.useProvisioningUrl\" for a table cell.", b.Name))
	case b.Column == nil || b.RowKey == nil:
		rd.diags = append(rd.diags, errorAt(b.DefRange, "Incomplete table cell",
			"rule %q needs both column (the cell's column) and row_key (\"Column=Value\", which row) to read a table cell.", b.Name))
	default:
		column = rd.required(b.Column, "column", `column = "Option Value"`).Text
		rowKey = rd.rowKey()
	}
	return key, column, rowKey
}

func (rd *ruleReader) rowKey() []Condition {
	vals, d := stringOrList(rd.block.RowKey)
	rd.diags = append(rd.diags, d...)
	var conds []Condition
	for _, v := range vals {
		col, val, ok := strings.Cut(v.Text, "=")
		if !ok || strings.TrimSpace(col) == "" || strings.TrimSpace(val) == "" {
			rd.diags = append(rd.diags, errorAt(v.Range(), "Invalid row_key",
				"row_key is \"Column=Value\", such as \"Option Name=bw.imp.useProvisioningUrl\", or a list of them when one column does not identify the row; %q is not.", v.Text))
			continue
		}
		conds = append(conds, Condition{Column: strings.TrimSpace(col), Value: strings.TrimSpace(val)})
	}
	return conds
}
