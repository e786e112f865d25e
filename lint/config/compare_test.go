package config_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bwlint/bwlint/lint/config"
)

// TestComparePolicies: a waiver added, a waiver's hosts widened, a check's
// severity lowered, a lint setting removed, and a rule dropped, each one
// change with both sides as written and where; a secret-named attribute
// is never shown.
func TestComparePolicies(t *testing.T) {
	before := parseFixture(t, `
lint {
  fail_on = "warning"
  fail_on_stale_baseline = true
}
check "as_alpha" { severity = "error" }
waiver "old" {
  check   = "as_alpha"
  hosts   = ["as1"]
  reason  = "r"
  expires = "2027-01-31"
}
rule "site_x" {
  title   = "x must be y"
  role    = "as"
  context = "Interface/Messaging"
  key     = "x"
  equals  = "y"
}
`)
	after := parseFixture(t, `
lint {
  fail_on = "warning"
}
check "as_alpha" { severity = "note" }
waiver "old" {
  check   = "as_alpha"
  hosts   = ["as1", "as2"]
  reason  = "r"
  expires = "2027-01-31"
}
waiver "new" {
  check   = "xsp_alpha"
  reason  = "r"
  expires = "2027-01-31"
}
`)
	type row struct{ Subject, Kind, Before, After string }
	var got []row
	for _, c := range config.ComparePolicies(before, after) {
		got = append(got, row{c.Subject(), c.Kind, c.Before, c.After})
		if c.Kind != config.PolicyAdded && c.BeforeAt.Start.Line == 0 || c.Kind != config.PolicyRemoved && c.AfterAt.Start.Line == 0 {
			t.Errorf("%s is not located on its sides: %+v", c.Subject(), c)
		}
	}
	want := []row{
		{"lint fail_on_stale_baseline", "removed", "true", ""},
		{`check "as_alpha" severity`, "changed", `"error"`, `"note"`},
		{`waiver "old" hosts`, "changed", `["as1"]`, `["as1", "as2"]`},
		{`waiver "new"`, "added", "", ""},
		{`rule "site_x"`, "removed", "", ""},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if n := len(config.ComparePolicies(after, after)); n != 0 {
		t.Errorf("a policy compared with itself has %d changes", n)
	}
	none, _ := config.Load("", fixtureCatalog())
	if n := len(config.ComparePolicies(none, after)); n != 4 {
		t.Errorf("from no policy: %d changes, want the 4 blocks added", n)
	}
}

// TestComparePoliciesHidesSecrets: a rule on a password changes its
// expected value; the change is reported without either value.
func TestComparePoliciesHidesSecrets(t *testing.T) {
	rule := func(v string) string {
		return `rule "site_pw" {
  title   = "the password is the agreed one"
  role    = "as"
  context = "Interface/Messaging"
  key     = "provisioningPassword"
  equals  = "` + v + `"
}
`
	}
	cs := config.ComparePolicies(parseFixture(t, rule("hunter2-before")), parseFixture(t, rule("hunter2-after")))
	if len(cs) != 1 || cs[0].Attribute != "equals" {
		t.Fatalf("changes %+v, want the rule's equals", cs)
	}
	for _, v := range []string{cs[0].Before, cs[0].After} {
		if strings.Contains(v, "hunter2") {
			t.Errorf("a secret is shown: %q", v)
		}
	}
}
