package lint

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Check is one rule. Checks are values listed explicitly (checks.All);
// nothing registers itself.
type Check struct {
	// Name is the stable identifier used in configuration, reports and
	// fingerprints: snake_case, "<component>_<subject>".
	Name string
	// Title is one line: lower-case start, no final period.
	Title string
	// Doc says what is checked and why, citing the Cisco guide it comes
	// from. Markdown.
	Doc string
	// Fix says how to correct a finding, with the exact CLI commands.
	// Markdown; full sentences ending in a period.
	Fix string
	// Severity is the default severity of the check's findings.
	Severity Severity
	// Evidence declares every capture the check reads: on which hosts,
	// what is typed at which prompt, and the file of a snapshot it
	// belongs in. The documentation's "Evidence it reads" and the
	// commands an evidence gap tells the operator to run come from it.
	Evidence []Evidence
	// Applies says, in Markdown, on which hosts the check applies: where
	// missing evidence is an evidence gap rather than not evaluated.
	Applies string
	// Tags classify the check for code-scanning platforms: its component
	// ("as", "xsp", "partnerhub") and topic ("security", "provisioning").
	Tags []string
	// SecuritySeverity, when set, is the CVSS-like score ("7.5") that code
	// scanning uses to rank security findings.
	SecuritySeverity string
	// DocPage is the page that documents the check, relative to the
	// repository root, with an optional "#anchor"; empty means the page
	// generated from the check, docs/checks/<Name>.md. A site rule, whose
	// documentation is its own block in the policy file, points at the
	// page that explains rule blocks.
	DocPage string
	// Options returns a fresh pointer to the check's options, filled with
	// defaults; nil when the check has none. Fields carry hcl tags for the
	// check's configuration block and doc tags for the documentation. When
	// the options implement OptionsValidator, the configuration rejects
	// values the check cannot work with.
	Options func() any
	// Run examines the snapshot and reports through the pass.
	Run func(*Pass) error
}

// OptionsValidator is implemented by options whose valid values the types
// alone do not capture, such as a list that must not be empty. Validate
// returns an *OptionError so that the problem is shown at the attribute.
type OptionsValidator interface {
	Validate() error
}

// OptionError is an invalid option value: Option is the attribute's name in
// the check's block.
type OptionError struct {
	Option string
	Msg    string
}

func (e *OptionError) Error() string { return e.Option + ": " + e.Msg }

// DocPath returns the page that documents the check (see DocPage).
func (c *Check) DocPath() string {
	if c.DocPage != "" {
		return c.DocPage
	}
	return "docs/checks/" + c.Name + ".md"
}

var nameRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)+$`) })

// Validate checks a list of checks for the mistakes a test should catch
// before a user does: duplicate or malformed names, missing documentation,
// titles and fixes that break the house style, missing run functions.
func Validate(checks []*Check) error {
	var errs []error
	seen := map[string]bool{}
	for i, c := range checks {
		fail := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("check %d (%s): %s", i, c.Name, fmt.Sprintf(format, args...)))
		}
		switch {
		case !nameRE().MatchString(c.Name):
			fail("name must be snake_case with a component prefix, like xsp_certificate_auth_flags")
		case seen[c.Name]:
			fail("name is used twice")
		}
		seen[c.Name] = true
		if c.Title == "" || strings.HasSuffix(c.Title, ".") || !lowerOrAcronym(c.Title) {
			fail("title must be set, start lower-case (or with an acronym such as AS) and have no final period")
		}
		if strings.TrimSpace(c.Doc) == "" {
			fail("doc is empty")
		}
		if !strings.HasSuffix(strings.TrimSpace(c.Fix), ".") {
			fail("fix must be full sentences ending in a period")
		}
		if c.Severity < Note || c.Severity > Error {
			fail("severity is not set")
		}
		if len(c.Evidence) == 0 {
			fail("evidence is not declared: say what the check reads, at which prompt, into which file")
		}
		for _, e := range c.Evidence {
			if err := e.validate(); err != nil {
				fail("%v", err)
			}
		}
		if c.Run == nil {
			fail("run function is nil")
		}
		if c.Options != nil {
			opts := c.Options()
			if opts == nil {
				fail("options function returns nil")
			} else if v, ok := opts.(OptionsValidator); ok {
				if err := v.Validate(); err != nil {
					fail("default options are invalid: %v", err)
				}
			}
		}
		if i > 0 && checks[i-1].Name >= c.Name {
			fail("list is not sorted by name (after %s)", checks[i-1].Name)
		}
	}
	return errors.Join(errs...)
}

// lowerOrAcronym reports whether a title starts with a lower-case word or an
// acronym ("AS", "XSP"): titles read as sentence fragments after a name.
func lowerOrAcronym(title string) bool {
	first, _, _ := strings.Cut(title, " ")
	return strings.ToLower(first) == first || strings.ToUpper(first) == first
}

// ReadsHosts reports whether the check reads captures of hosts, so that a
// policy can say it does not apply to one; the policy's and the
// baseline's own checks read neither.
func (c *Check) ReadsHosts() bool {
	return slices.ContainsFunc(c.Evidence, func(e Evidence) bool { return e.inHosts() })
}
