package config_test

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
)

// TestStarterLoadsAsDefaults: the starter file loads without a single
// diagnostic and runs what no file at all runs.
func TestStarterLoadsAsDefaults(t *testing.T) {
	cfg, diags := config.Parse(config.FileName, config.Starter(checks.All()), checks.Catalog())
	if len(diags) > 0 {
		t.Fatal(render(diags, cfg))
	}
	def, _ := config.Load("", checks.Catalog())
	if diff := cmp.Diff(names(def.Checks()), names(cfg.Checks())); diff != "" {
		t.Errorf("checks (-default +starter):\n%s", diff)
	}
	if got, ok := cfg.FailOn(); !ok || got != lint.Threshold(lint.Warning) {
		t.Errorf("fail_on %v, %v; want warning", got, ok)
	}
}

// commentedCode matches the starter's commented-out examples: "# " and
// then HCL, which is either a block header, an attribute, a closing brace
// or an indented line inside a block.
var commentedCode = regexp.MustCompile(`(?m)^# ((?:[a-z]+ "[^"]*" \{|  .*|\}))$`)

// TestStarterExamplesLoad uncomments every example in the starter and
// loads the result: the options it lists, with their defaults, and the
// host, cluster, waiver and rule examples are all valid, and the check
// blocks repeat the defaults exactly.
func TestStarterExamplesLoad(t *testing.T) {
	text := commentedCode.ReplaceAll(config.Starter(checks.All()), []byte("$1"))
	cfg, diags := config.Parse(config.FileName, text, checks.Catalog())
	if len(diags) > 0 {
		t.Fatalf("%s\n%s", render(diags, cfg), text)
	}
	inv := cfg.Inventory()
	if len(cfg.Settings().Severity) != len(checks.All()) || len(cfg.Policy(today).Waivers) != 1 || len(cfg.AllChecks()) != len(checks.Builtin())+1 ||
		len(inv.Hosts) != 1 || len(inv.Clusters) != 1 {
		t.Errorf("not every example was uncommented:\n%s", text)
	}
	for _, c := range checks.All() {
		if c.Options == nil {
			continue
		}
		got := lint.OptionDocs(&lint.Check{Options: func() any { return cfg.Settings().Options[c.Name] }})
		if diff := cmp.Diff(lint.OptionDocs(c), got); diff != "" {
			t.Errorf("%s: the starter's options differ from the defaults (-default +starter):\n%s", c.Name, diff)
		}
	}
}
