package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSiteRuleSecuritySeverityInSARIF: a site rule's security_severity
// reaches code scanning as the rule's security-severity, with the
// "security" tag GitHub needs to rank it.
func TestSiteRuleSecuritySeverityInSARIF(t *testing.T) {
	policy := filepath.Join(t.TempDir(), "policy.hcl")
	err := os.WriteFile(policy, []byte(`rule "site_client_cert_auth" {
  title             = "client applications must authenticate with certificates"
  security_severity = "8.1"
  role              = "xsp"
  context           = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key               = "allowClientApp"
  equals            = "true"
}
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"bwlint", "lint", "--format", "sarif", "--config", policy, "../../testdata/example"}, &stdout, &stderr); code != exitFindings {
		t.Fatalf("exit code %d, stderr %s", code, stderr.String())
	}
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string `json:"id"`
						Properties struct {
							Tags             []string `json:"tags"`
							SecuritySeverity string   `json:"security-severity"`
						} `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Runs[0].Tool.Driver.Rules {
		if r.ID != "site_client_cert_auth" {
			continue
		}
		if d := cmp.Diff([]string{"custom", "xsp", "security"}, r.Properties.Tags); d != "" || r.Properties.SecuritySeverity != "8.1" {
			t.Errorf("rule properties: security-severity %q, tags (-want +got):\n%s", r.Properties.SecuritySeverity, d)
		}
		return
	}
	t.Error("no SARIF rule for the site rule")
}
