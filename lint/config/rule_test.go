package config

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/internal/golden"
	"github.com/bwlint/bwlint/lint"
)

const ruleSnapshot = "testdata/snapshot"

// TestRules runs the custom rules of every testdata/rules/*.hcl on
// testdata/snapshot, and compares their documentation, findings and
// not-evaluated records with the .golden file. The snapshot has three XSPs
// that disagree in known ways (xsp3 prints ADP_CLI prompts), one XSP
// with nothing captured, and one AS whose password is masked.
func TestRules(t *testing.T) {
	files, err := filepath.Glob("testdata/rules/*.hcl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".hcl"), func(t *testing.T) {
			cfg, diags := Load(file, checks.Builtin())
			if len(diags) > 0 {
				t.Fatal(render(diags, cfg))
			}
			var b strings.Builder
			custom := map[string]bool{}
			for _, r := range cfg.rules {
				custom[r.name] = true
				c := cfg.check(r.name)
				// Titles are the user's words, free of the house style
				// for built-in titles; everything else must pass.
				styled := *c
				styled.Title = "title"
				if err := lint.Validate([]*lint.Check{&styled}); err != nil {
					t.Errorf("rule %s is not a valid check: %v", r.name, err)
				}
				b.WriteString(c.Markdown())
				b.WriteString("\n")
			}
			b.WriteString("----- result\n")
			res := run(t, cfg, ruleSnapshot)
			b.WriteString(describe(res, func(c string) bool { return custom[c] }))
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

// TestRuleFingerprintsAreStable: a rule's findings have the semantic
// identity built-in findings have, independent of positions.
func TestRuleFingerprintsAreStable(t *testing.T) {
	cfg, diags := Load("testdata/rules/equals.hcl", checks.Builtin())
	if len(diags) > 0 {
		t.Fatal(render(diags, cfg))
	}
	fs := findingsOf(run(t, cfg, ruleSnapshot), "site_client_cert_auth")
	if len(fs) != 1 {
		t.Fatalf("findings: %+v", fs)
	}
	want := strings.Join([]string{"site_client_cert_auth", "xsp3",
		"adp_cli/system/communicationutility/defaultsettings/externalauthentication/certificateauthentication", "allowclientapp"}, "\x1f")
	if got := fs[0].Key(); got != want {
		t.Errorf("key %q, want %q", got, want)
	}
}
