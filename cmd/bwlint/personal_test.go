package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/lint/report"
)

// personalSnapshots writes two snapshots of the provisioning example: the
// example with OCI-P user details and Meetings Server files added, and the same after a change to
// the users, so that a review shows the changed rows.
func personalSnapshots(t *testing.T) (before, after string) {
	t.Helper()
	root := t.TempDir()
	before, after = filepath.Join(root, "before"), filepath.Join(root, "after")
	for _, dir := range []string{before, after} {
		copyTree(t, filepath.Join("..", "..", "testdata", "provisioning"), dir)
		copyTree(t, filepath.Join("..", "..", "checks", "testdata", "template_flags", "prefill_alternate_ids", "ocip"), filepath.Join(dir, "ocip"))
		// Meetings Server evidence too, its SAML captures saved under
		// names that are not a person's, as docs/output.md advises: file
		// names are shown as they are.
		wms := filepath.Join("..", "..", "testdata", "wms-only", "wms")
		copyTree(t, filepath.Join(wms, "users"), filepath.Join(dir, "wms", "users"))
		for from, to := range map[string]string{"grete.lindqvist.xml": "adfs-1.xml", "renata.kowalczyk.txt": "okta-1.txt"} {
			b, err := os.ReadFile(filepath.Join(wms, "sso", from))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(dir, "wms", "sso"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "wms", "sso", to), b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	csv := filepath.Join(after, "users", "export.csv")
	b, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(b), "+4685550104,Li.Wen@acme.example", "+4685550199,wen.li@acme.example", 1)
	changed += "4685550108@voice.example.net,Märta,Sjöberg,+46 8 555 01 08,marta.sjoberg@acme.example,Acme-Stockholm,Nordic-SP,Integrated IMP\n"
	if err := os.WriteFile(csv, []byte(changed), 0o600); err != nil {
		t.Fatal(err)
	}
	return before, after
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// personalValues are the personal data of the snapshots that a report
// could quote: every user field and PSLog subscriber value of five
// characters or more (shorter ones, such as a two-letter surname, stand
// inside ordinary words).
func personalValues(t *testing.T, dirs ...string) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	for _, dir := range dirs {
		snap, err := inputs.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range redact.PersonalValues(snap) {
			if len([]rune(v)) >= 5 && !seen[strings.ToLower(v)] {
				seen[strings.ToLower(v)] = true
				out = append(out, v)
			}
		}
	}
	if len(out) < 20 {
		t.Fatalf("the snapshots hold %d personal values; the test would look for too little", len(out))
	}
	return out
}

// TestMaskPersonalData runs lint in every format and diff in every
// format with --mask-personal-data, and with the policy's
// mask_personal_data, and finds no personal value in any byte written;
// without masking the same runs show them, so the test can fail.
func TestMaskPersonalData(t *testing.T) {
	before, after := personalSnapshots(t)
	values := personalValues(t, before, after)
	policy := filepath.Join(t.TempDir(), "mask.hcl")
	if err := os.WriteFile(policy, []byte("lint {\n  mask_personal_data = true\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var masked, plain [][]string
	for _, f := range report.Names() {
		masked = append(masked, []string{"lint", "--mask-personal-data", "--format", f, after})
		plain = append(plain, []string{"lint", "--format", f, after})
	}
	for _, f := range []string{"text", "json", "markdown", "html", "sarif"} {
		masked = append(masked, []string{"diff", "--mask-personal-data", "--format", f, before, after})
		plain = append(plain, []string{"diff", "--format", f, before, after})
	}
	masked = append(masked,
		[]string{"lint", "--config", policy, "--format", "sarif", after},
		[]string{"diff", "--config", policy, before, after},
	)
	find := func(args []string) (string, []string) {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"bwlint"}, args...), &stdout, &stderr); code == exitInternal || code == exitUsage {
			t.Fatalf("bwlint %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
		}
		out := stdout.String() + stderr.String()
		var shown []string
		for _, v := range values {
			if regexp.MustCompile(`(?i)` + regexp.QuoteMeta(v)).MatchString(out) {
				shown = append(shown, v)
			}
		}
		return out, shown
	}
	for _, args := range masked {
		out, shown := find(args)
		if len(shown) > 0 {
			t.Errorf("bwlint %s shows %q", strings.Join(args, " "), shown)
		}
		if !strings.Contains(out, "[personal ") && !strings.Contains(out, redact.PersonalHidden) {
			t.Errorf("bwlint %s shows no mask: did it mask anything?", strings.Join(args, " "))
		}
	}
	for _, args := range plain {
		if _, shown := find(args); len(shown) == 0 {
			t.Errorf("bwlint %s shows no personal value unmasked either: the test proves nothing for it", strings.Join(args, " "))
		}
	}
	// An explicit flag overrides the policy.
	if _, shown := find([]string{"lint", "--config", policy, "--mask-personal-data=false", after}); len(shown) == 0 {
		t.Error("--mask-personal-data=false did not override the policy's mask_personal_data = true")
	}
}
