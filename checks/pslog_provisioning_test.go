package checks

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
)

// TestPSLogLinksEachRefusal is the contract of the check: one finding per
// refused request of the example excerpt, each naming the check that
// finds its cause and pointing at that check's finding.
func TestPSLogLinksEachRefusal(t *testing.T) {
	res := runWith(t, pslogProvisioning, nil, "pslog_provisioning", "example")
	causes := runWith(t, asIMPMatchesTemplate, nil, "pslog_provisioning", "example").Findings
	causes = append(causes, runWith(t, asRequiredPatches, nil, "pslog_provisioning", "example").Findings...)
	causes = append(causes, runWith(t, usersEmailValidUnique, nil, "pslog_provisioning", "example").Findings...)
	want := map[string]string{"401": "as_imp_matches_template", "403": "as_required_patches", "409": "users_email_valid_unique"}
	if len(res.Findings) != len(want) {
		t.Fatalf("want %d findings, got %d: %v", len(want), len(res.Findings), res.Findings)
	}
	for _, f := range res.Findings {
		status, _, _ := strings.Cut(f.Value, "\n")
		check := want[status]
		if check == "" || !strings.Contains(f.Message, "cause in this snapshot: "+check) {
			t.Errorf("the %s finding does not name %s as its cause: %s", status, check, f.Message)
			continue
		}
		linked := false
		for _, c := range causes {
			if c.Check != check {
				continue
			}
			linked = linked || slices.ContainsFunc(f.Related, func(r lint.Related) bool { return r.Location == c.Location && strings.Contains(r.Message, c.Message) })
		}
		if !linked {
			t.Errorf("the %s finding has no related location at the %s finding: %v", status, check, f.Related)
		}
	}
}

// TestPSLogSecretsNeverShown looks for the credentials of every
// Authorization header of the fixtures in the reports of the check.
func TestPSLogSecretsNeverShown(t *testing.T) {
	logs, err := filepath.Glob(filepath.Join("testdata", "pslog_provisioning", "*", "logs", "pslog", "*"))
	if err != nil || len(logs) == 0 {
		t.Fatalf("no excerpt found: %v", err)
	}
	goldens, _ := filepath.Glob(filepath.Join("testdata", "pslog_provisioning", "*.golden"))
	var reports strings.Builder
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		reports.Write(b)
	}
	n := 0
	for _, l := range logs {
		b, _ := os.ReadFile(l)
		text := strings.ReplaceAll(string(b), "\x00", "") // UTF-16, near enough for ASCII
		for _, line := range strings.Split(text, "\n") {
			_, cred, ok := strings.Cut(line, "Basic ")
			if !ok {
				continue
			}
			cred = strings.TrimRight(strings.Fields(cred)[0], ",}\r")
			decoded, _ := base64.StdEncoding.DecodeString(cred)
			_, password, _ := strings.Cut(string(decoded), ":")
			for _, secret := range []string{cred, password} {
				n++
				if secret != "" && strings.Contains(reports.String(), secret) {
					t.Errorf("a report shows %q from %s", secret, l)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("the excerpts hold no Authorization header; the test looks for nothing")
	}
}

// TestTargetsAddress: the hosts a provisioning URL or a PSLog request's
// Host header may name, with and without a port, as as_imp_url_is_fqdn
// and pslog_provisioning both judge them.
func TestTargetsAddress(t *testing.T) {
	for hostport, want := range map[string]bool{
		"10.20.30.40":       true,
		"10.20.30.40:8443":  true,
		"[2001:db8::1]:443": true,
		"2001:db8::1":       true,
		"[2001:db8::1]":     true,
		"10.1":              true, // a shortened IPv4 address
		"203.0.113.9.":      true,
		"broadworks-provisioning-bridge-a.wbx2.com":     false,
		"broadworks-provisioning-bridge-a.wbx2.com:443": false,
		"bridge":           false,
		"1.example":        false,
		"bridge.example.":  false,
		"":                 false,
		"10.20.30.40:http": false, // not a port: not a host either
	} {
		if got := targetsAddress(hostport); got != want {
			t.Errorf("targetsAddress(%q) = %v, want %v", hostport, got, want)
		}
	}
}

func TestContainsToken(t *testing.T) {
	for _, tc := range []struct {
		s, name string
		want    bool
	}{
		{"as1-pslog.log", "as1", true},
		{"pslog_as1.example.net.txt", "as1.example.net", true},
		{"as10-pslog.log", "as1", false},
		{"pslog.log", "as1", false},
		{"xas1.log", "as1", false},
		{"as1", "as1", true},
	} {
		if got := containsToken(tc.s, tc.name); got != tc.want {
			t.Errorf("containsToken(%q, %q) = %v", tc.s, tc.name, got)
		}
	}
}

// TestPSLogLinksTheFQDNFinding: a 403 for a request sent to an IP address
// lists, as its cause, the finding as_imp_url_is_fqdn reports on its own
// for the AS whose provisioning URL names that address.
func TestPSLogLinksTheFQDNFinding(t *testing.T) {
	own := runWith(t, asIMPURLIsFQDN, nil, "pslog_provisioning", "ip_url")
	var want []string
	for _, f := range own.Findings {
		if f.Logical.Key == "provisioningUrl" {
			want = append(want, "cause found by as_imp_url_is_fqdn: "+f.Message)
		}
	}
	if len(want) != 1 {
		t.Fatalf("as_imp_url_is_fqdn finds %d provisioning URLs to fix in the case, want 1: %v", len(want), own.Findings)
	}
	res := runWith(t, pslogProvisioning, nil, "pslog_provisioning", "ip_url")
	if len(res.Findings) != 1 {
		t.Fatalf("want one finding, got %v", res.Findings)
	}
	var from []string
	for _, r := range res.Findings[0].Related {
		if strings.Contains(r.Message, asIMPURLIsFQDN.Name) {
			from = append(from, r.Message)
		}
	}
	if !slices.Equal(from, want) {
		t.Errorf("causes of %s: %q, want %q", asIMPURLIsFQDN.Name, from, want)
	}
}
