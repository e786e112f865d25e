package config

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/bwlint/bwlint/inputs/bounded"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// Config is a loaded policy file. The zero policy, from Load(""), runs
// every check with its defaults and waives nothing.
type Config struct {
	path  string
	files map[string]*hcl.File
	// checks are the built-in checks (the snapshot's and the policy's
	// own), then the custom rules: everything a name in the file may
	// refer to.
	checks []*lint.Check
	failOn *lint.Threshold
	// missingEvidence is lint.missing_evidence; nil when not set.
	missingEvidence *lint.MissingEvidence
	// failOnStaleBaseline, acceptNewWaivers and maskPersonal are the
	// lint block's fail_on_stale_baseline, accept_new_waivers and
	// mask_personal_data; nil when not set.
	failOnStaleBaseline, acceptNewWaivers, maskPersonal *bool
	selected                                            map[string]bool
	settings                                            map[string]*checkSetting
	hosts                                               []*hostOverride
	clusters                                            []*clusterOverride
	waivers                                             []*waiver
	// siteRule makes a rule block a check (Catalog.SiteRule); siteRules
	// names the checks it made.
	siteRule  func(Rule) *lint.Check
	siteRules map[string]bool
	// notApplicable are the check and host blocks' statements that a
	// check does not apply to a host.
	notApplicable []notApplicable
}

// checkSetting is what a check block says about one check.
type checkSetting struct {
	enabled  *bool
	severity *lint.Severity
	options  any
}

// MaxSize bounds the size of a policy file. Policies are written by hand;
// one of a mebibyte is already far beyond any real one.
const MaxSize = 1 << 20

// Catalog is what a policy file may refer to, given by the caller so that
// this package never imports the checks: the built-in checks a name may
// name (checks.Builtin), and the template rule blocks instantiate
// (checks.SiteRule). Without a template, a rule block is an error.
type Catalog struct {
	Checks   []*lint.Check
	SiteRule func(Rule) *lint.Check
}

// Load reads the policy file at path and checks it against the catalog.
// An empty path yields the default policy. The Config is never nil, and
// its Files are available for rendering the diagnostics even when they
// hold errors; a Config loaded with errors must not be used for a run.
func Load(path string, cat Catalog) (*Config, hcl.Diagnostics) {
	c := newConfig(path, cat)
	if path == "" {
		c.selected, _ = c.selectChecks(nil)
		return c, nil
	}
	src, err := bounded.ReadFile(path, MaxSize)
	if err != nil {
		return c, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read the configuration file",
			Detail: err.Error() + ".", Subject: &hcl.Range{Filename: path}}}
	}
	return c, c.parse(src)
}

// Parse is Load for a file already in memory; path names it in
// diagnostics and findings.
func Parse(path string, src []byte, cat Catalog) (*Config, hcl.Diagnostics) {
	c := newConfig(path, cat)
	return c, c.parse(src)
}

func newConfig(path string, cat Catalog) *Config {
	return &Config{
		path:      path,
		files:     map[string]*hcl.File{},
		checks:    slices.Clone(cat.Checks),
		siteRule:  cat.SiteRule,
		siteRules: map[string]bool{},
		settings:  map[string]*checkSetting{},
	}
}

func (c *Config) parse(src []byte) hcl.Diagnostics {
	// A NUL byte means binary data, of which HCL would make one error
	// per byte: say it once.
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Not a policy file",
			Detail:  fmt.Sprintf("The file holds a NUL byte at offset %d: it is binary data, not HCL.", i),
			Subject: &hcl.Range{Filename: c.path}}}
	}
	p := hclparse.NewParser()
	f, diags := p.ParseHCL(src, c.path)
	c.files = p.Files()
	if diags.HasErrors() {
		return diags
	}
	var body fileBody
	if diags = append(diags, gohcl.DecodeBody(f.Body, nil, &body)...); diags.HasErrors() {
		return diags
	}
	// Rules come first: check blocks, selections and waivers may name them.
	diags = append(diags, c.readRules(body.Rules)...)
	diags = append(diags, c.readLint(body.Lint)...)
	diags = append(diags, c.readChecks(body.Checks)...)
	diags = append(diags, c.readHosts(body.Hosts)...)
	diags = append(diags, c.readClusters(body.Clusters)...)
	diags = append(diags, c.readWaivers(body.Waivers)...)
	return diags
}

// Path is the file the policy was read from, "" for the default policy.
func (c *Config) Path() string { return c.path }

// Files are the parsed files by name, for WriteDiagnostics.
func (c *Config) Files() map[string]*hcl.File { return c.files }

// FailOn returns the failure threshold the file sets; ok is false when it
// sets none, and a --fail-on flag given explicitly takes precedence.
func (c *Config) FailOn() (t lint.Threshold, ok bool) {
	if c.failOn == nil {
		return 0, false
	}
	return *c.failOn, true
}

// MissingEvidence returns what the file says an evidence gap does to the
// run; ok is false when it says nothing, and a --missing-evidence flag
// given explicitly takes precedence.
func (c *Config) MissingEvidence() (m lint.MissingEvidence, ok bool) {
	if c.missingEvidence == nil {
		return lint.FailOnGaps, false
	}
	return *c.missingEvidence, true
}

// FailOnStaleBaseline returns whether the file says stale baseline entries
// fail the run; ok is false when it says nothing.
func (c *Config) FailOnStaleBaseline() (on, ok bool) { return flagSetting(c.failOnStaleBaseline) }

// AcceptNewWaivers returns whether the file says a review accepts a
// finding that only a waiver new in the reviewed change waives; ok is
// false when it says nothing.
func (c *Config) AcceptNewWaivers() (on, ok bool) { return flagSetting(c.acceptNewWaivers) }

// MaskPersonalData returns whether the file asks reports to mask personal
// data; ok is false when it says nothing, and a --mask-personal-data flag
// given explicitly takes precedence.
func (c *Config) MaskPersonalData() (mask, ok bool) { return flagSetting(c.maskPersonal) }

func flagSetting(b *bool) (on, ok bool) {
	if b == nil {
		return false, false
	}
	return *b, true
}

// Settings returns the severities and options the check blocks set, and
// the hosts each check does not apply to.
func (c *Config) Settings() lint.Settings {
	s := lint.Settings{Severity: map[string]lint.Severity{}, Options: map[string]any{}, NotApplicable: c.exemptions()}
	for name, cs := range c.settings {
		if cs.severity != nil {
			s.Severity[name] = *cs.severity
		}
		if cs.options != nil {
			s.Options[name] = cs.options
		}
	}
	return s
}

// check returns the check a name refers to, built-in or custom.
func (c *Config) check(name string) *lint.Check {
	for _, ch := range c.checks {
		if ch.Name == name {
			return ch
		}
	}
	return nil
}

func (c *Config) checkNames() []string {
	names := make([]string, len(c.checks))
	for i, ch := range c.checks {
		names[i] = ch.Name
	}
	return names
}

// unknownCheck is the diagnostic for a name that is no check.
func (c *Config) unknownCheck(v source.Value) *hcl.Diagnostic {
	return errorAt(v.Range(), "Unknown check", "There is no check named %q.%s Run \"bwlint checks\" for the list.",
		v.Text, didYouMean(v.Text, c.checkNames()))
}

func (c *Config) readLint(b *lintBlock) hcl.Diagnostics {
	var diags hcl.Diagnostics
	var selection []source.Value
	if b != nil && b.FailOn != nil {
		v, d := stringValue(b.FailOn)
		diags = append(diags, d...)
		if !d.HasErrors() {
			if t, err := lint.ParseThreshold(v.Text); err != nil {
				diags = append(diags, oneOf(v, "fail_on", "error", "warning", "note", "none"))
			} else {
				c.failOn = &t
			}
		}
	}
	if b != nil && b.MissingEvidence != nil {
		v, d := stringValue(b.MissingEvidence)
		diags = append(diags, d...)
		if !d.HasErrors() {
			if m, err := lint.ParseMissingEvidence(v.Text); err != nil {
				diags = append(diags, oneOf(v, "missing_evidence", lint.MissingEvidenceModes...))
			} else {
				c.missingEvidence = &m
			}
		}
	}
	for _, a := range []struct {
		attr *hcl.Attribute
		to   **bool
	}{{b.failOnStaleBaseline(), &c.failOnStaleBaseline}, {b.acceptNewWaivers(), &c.acceptNewWaivers}, {b.maskPersonalData(), &c.maskPersonal}} {
		if a.attr == nil {
			continue
		}
		on, d := boolValue(a.attr)
		diags = append(diags, d...)
		if !d.HasErrors() {
			*a.to = &on
		}
	}
	if b != nil && b.Checks != nil {
		var d hcl.Diagnostics
		selection, d = stringList(b.Checks)
		diags = append(diags, d...)
		if selection == nil {
			selection = []source.Value{} // "checks = []" selects nothing
		}
	}
	sel, d := c.selectChecks(selection)
	c.selected = sel
	return append(diags, d...)
}

func (c *Config) readChecks(blocks []*checkBlock) hcl.Diagnostics {
	var diags hcl.Diagnostics
	seen := map[string]hcl.Range{}
	for _, b := range blocks {
		name := source.Value{Text: b.Name, Loc: source.LocOf(b.NameRange)}
		ch := c.check(b.Name)
		if ch == nil {
			diags = append(diags, c.unknownCheck(name))
			continue
		}
		if prev, dup := seen[b.Name]; dup {
			diags = append(diags, duplicate("check", b.Name, b.DefRange, prev))
			continue
		}
		seen[b.Name] = b.DefRange
		cs, d := readCheck(ch, b)
		diags = append(diags, d...)
		diags = append(diags, c.readCheckNotApplicable(ch, b)...)
		c.settings[b.Name] = cs
		if cs.enabled != nil {
			c.selected[b.Name] = *cs.enabled
		}
	}
	return diags
}

// readCheck reads one check block: the engine's enabled and severity, and
// the rest into a fresh copy of the check's options, so defaults survive
// for every option the block does not set.
func readCheck(ch *lint.Check, b *checkBlock) (*checkSetting, hcl.Diagnostics) {
	cs := &checkSetting{}
	var diags hcl.Diagnostics
	if b.Enabled != nil {
		on, d := boolValue(b.Enabled)
		diags = append(diags, d...)
		cs.enabled = &on
	}
	if b.Severity != nil {
		sev, d := severityValue(b.Severity)
		diags = append(diags, d...)
		cs.severity = sev
	}
	if ch.Options == nil {
		var none struct{}
		if d := gohcl.DecodeBody(b.Options, nil, &none); d.HasErrors() {
			for _, dg := range d {
				dg.Detail += fmt.Sprintf(" Check %s has no options; its block takes enabled, severity and not_applicable only.", ch.Name)
			}
			diags = append(diags, d...)
		}
		return cs, diags
	}
	opts := ch.Options()
	d := gohcl.DecodeBody(b.Options, nil, opts)
	suggestEngineAttributes(d)
	diags = append(diags, d...)
	if d.HasErrors() {
		return cs, diags
	}
	if v, ok := opts.(lint.OptionsValidator); ok {
		if err := v.Validate(); err != nil {
			return cs, append(diags, invalidOption(ch, b, err))
		}
	}
	cs.options = opts
	return cs, diags
}

// invalidOption turns a check's rejection of its options into a
// diagnostic at the offending attribute, or at the block.
func invalidOption(ch *lint.Check, b *checkBlock, err error) *hcl.Diagnostic {
	at := b.DefRange
	var oe *lint.OptionError
	if errors.As(err, &oe) {
		if body, ok := b.Options.(*hclsyntax.Body); ok {
			if a, ok := body.Attributes[oe.Option]; ok {
				at = a.SrcRange
			}
		}
		return errorAt(at, "Invalid "+oe.Option, "Check %s cannot use this value of %s: %s.", ch.Name, oe.Option, oe.Msg)
	}
	return errorAt(at, "Invalid options", "Check %s cannot use these options: %v.", ch.Name, err)
}

// unsupportedArgument matches the name in HCL's "Unsupported argument"
// detail, which is all a diagnostic says of the offending attribute.
var unsupportedArgument = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^An argument named "([^"]+)" is not expected here\.`)
})

// suggestEngineAttributes completes HCL's "did you mean" for check blocks
// with options: HCL suggests only among the check's own options, while a
// misspelt "severty" means the engine's severity, enabled or
// not_applicable attribute.
func suggestEngineAttributes(diags hcl.Diagnostics) {
	for _, d := range diags {
		m := unsupportedArgument().FindStringSubmatch(d.Detail)
		if m == nil || strings.Contains(d.Detail, "Did you mean") {
			continue
		}
		d.Detail += didYouMean(m[1], []string{"enabled", "severity", "not_applicable"})
	}
}

func severityValue(a *hcl.Attribute) (*lint.Severity, hcl.Diagnostics) {
	v, diags := stringValue(a)
	if diags.HasErrors() {
		return nil, diags
	}
	sev, err := lint.ParseSeverity(v.Text)
	if err != nil {
		return nil, hcl.Diagnostics{oneOf(v, "severity", "error", "warning", "note")}
	}
	return &sev, nil
}

// blockNames remembers where the blocks of one kind were defined, so that
// a second block of a name is an error that points at the first.
type blockNames struct {
	kind string
	seen map[string]hcl.Range
}

// repeated returns the error for a block of a name already defined, and
// otherwise remembers the block and returns nil.
func (n *blockNames) repeated(name string, at hcl.Range) *hcl.Diagnostic {
	if prev, dup := n.seen[name]; dup {
		return duplicate(n.kind, name, at, prev)
	}
	if n.seen == nil {
		n.seen = map[string]hcl.Range{}
	}
	n.seen[name] = at
	return nil
}

func duplicate(kind, name string, at, prev hcl.Range) *hcl.Diagnostic {
	return errorAt(at, "Duplicate "+kind+" block", "%s %q is already configured at %s; merge the two blocks.", kind, name, lineOf(prev))
}

// lineOf names a position the way compilers do, file:line.
func lineOf(r hcl.Range) string { return fmt.Sprintf("%s:%d", r.Filename, r.Start.Line) }
