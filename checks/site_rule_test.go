package checks

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/golden"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/linttest"
)

const ruleSnapshot = "testdata/site_rules/snapshot"

// runPolicy lints a snapshot under a policy file's checks, as lint does.
func runPolicy(t *testing.T, cfg *config.Config, dir string) *judge.Result {
	t.Helper()
	snap, err := inputs.LoadWith(dir, inputs.LoadOptions{Inventory: cfg.Inventory()})
	if err != nil {
		t.Fatal(err)
	}
	res := judge.New(lint.Run(context.Background(), snap, cfg.Checks(), cfg.Settings()), Notes())
	if len(res.Failures) > 0 {
		t.Fatalf("checks failed: %v", res.Failures)
	}
	return res.Waive(cfg.Policy(time.Date(2026, time.June, 15, 0, 0, 0, 0, time.UTC)))
}

// loadPolicy loads a policy file with the real catalog.
func loadPolicy(t *testing.T, file string) *config.Config {
	t.Helper()
	cfg, diags := config.Load(file, Catalog())
	if len(diags) > 0 {
		var b strings.Builder
		_ = config.WriteDiagnostics(&b, diags, cfg.Files(), false)
		t.Fatal(b.String())
	}
	return cfg
}

// TestSiteRules runs the rules of every testdata/site_rules/rules/*.hcl
// on testdata/site_rules/snapshot, and compares their documentation,
// findings and not-evaluated records with the .golden file. The snapshot
// has three XSPs that disagree in known ways (xsp3 prints ADP_CLI
// prompts), one XSP with nothing captured, and one AS whose password is
// masked.
func TestSiteRules(t *testing.T) {
	files, err := filepath.Glob("testdata/site_rules/rules/*.hcl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".hcl"), func(t *testing.T) {
			cfg := loadPolicy(t, file)
			var b strings.Builder
			custom := map[string]bool{}
			for _, c := range cfg.AllChecks() {
				if c.DocPage != siteRuleDocPage {
					continue
				}
				custom[c.Name] = true
				// Titles are the user's words, free of the house style
				// for built-in titles; everything else must pass.
				styled := *c
				styled.Title = "title"
				if err := lint.Validate([]*lint.Check{&styled}); err != nil {
					t.Errorf("rule %s is not a valid check: %v", c.Name, err)
				}
				b.WriteString(c.Markdown())
				b.WriteString("\n")
			}
			b.WriteString("----- result\n")
			b.WriteString(linttest.Describe(runPolicy(t, cfg, ruleSnapshot), func(c string) bool { return custom[c] }))
			got := b.String()
			for _, secret := range []string{"changeit", "s3cr3t-xsp3"} {
				if strings.Contains(got, secret) {
					t.Errorf("the secret %q appears in the output", secret)
				}
			}
			golden.File(t, strings.TrimSuffix(file, ".hcl")+".golden", got)
		})
	}
}

// TestSiteRuleFingerprintsAreStable: a rule's findings have the semantic
// identity built-in findings have, independent of positions.
func TestSiteRuleFingerprintsAreStable(t *testing.T) {
	res := runPolicy(t, loadPolicy(t, "testdata/site_rules/rules/equals.hcl"), ruleSnapshot)
	var fs []judge.Finding
	for _, f := range res.Findings {
		if f.Check == "site_client_cert_auth" {
			fs = append(fs, f)
		}
	}
	if len(fs) != 1 {
		t.Fatalf("findings: %+v", fs)
	}
	want := strings.Join([]string{"site_client_cert_auth", "xsp3",
		"adp_cli/system/communicationutility/defaultsettings/externalauthentication/certificateauthentication", "allowclientapp"}, "\x1f")
	if got := fs[0].Key(); got != want {
		t.Errorf("key %q, want %q", got, want)
	}
}
