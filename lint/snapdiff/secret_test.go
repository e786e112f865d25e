package snapdiff

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/google/go-cmp/cmp"
)

// TestSecretsNeverShown changes every kind of secret and asserts that no
// secret value appears in any output, while each change is still reported.
func TestSecretsNeverShown(t *testing.T) {
	secrets := []string{"hunter2", "s3cr3tCommunity", "oldCommunity", "tagS3cret", "tagOld", "newHashValue", "Sup3rToken", "clearOnlyAfter", "rowCommunity", "public123", "oldToken",
		"EarlyPw", "OldPw", "NewPw", "rowTok3n", "sipOld", "sipNew",
		"findingAfterPw", "findingBeforePw", "secretBeforeOnly", "clearAfterOnly",
		"TypedOld", "TypedNew", "nestedOld", "nestedNew", "FreeOld", "FreeNew"}
	beforeFiles := map[string]string{
		"hosts/as1/m.txt": "AS_CLI/Interface/Messaging> get\n  provisioningUserId = admin\n  provisioningPassword = ********\n  apiToken = oldToken\n  legacyField = ********\n" +
			"AS_CLI/Interface/Messaging> set provisioningPassword TypedOld\n...Done\n" +
			"AS_CLI/System/SNMP/Agent> show\n  readCommunity FreeOld\n",
		"hosts/as1/snmp.txt": "AS_CLI/System/SNMP/Agent> get\n  community = oldCommunity\n" +
			"AS_CLI/System/SNMP/Trap> get\n  Host Name  Community\n======================\n     nms1  public123\n\n1 entry found.\n",
		// A row named as a secret, captured twice: the earlier capture is
		// replaced by the later one but still shows in the hunks.
		"hosts/as1/options.txt": "AS_CLI/Maintenance/ContainerOptions> get\n  Container Name           Option Name  Option Value\n====================================================\n    provisioning  bw.imp.adminPassword       EarlyPw\n\n1 entry found.\n" +
			"AS_CLI/Maintenance/ContainerOptions> get\n  Container Name                Option Name  Option Value\n=========================================================\n    provisioning       bw.imp.adminPassword         OldPw\n    provisioning  bw.imp.useProvisioningUrl          true\n\n2 entries found.\n",
		"devicemgmt/tagsets/t.tsv":      "Tag Name\tTag Value\tIs Overridable\tIs Encrypted\n%PWD%\ttagOld\tfalse\ttrue\n%HOST%\th\tfalse\tfalse\n%SIP_PASSWORD%\tsipOld\tfalse\tfalse\n",
		"partnerhub/templates/smb.json": "{\n  \"name\": \"smb\",\n  \"provisioningPasswordSha256\": \"" + strings.Repeat("a", 64) + "\",\n  \"extra\": {\"auth\": [{\"password\": \"nestedOld\"}]}\n}\n",
	}
	afterFiles := map[string]string{
		// password still masked: no change; apiToken changed in clear; a
		// masked value that the after capture prints in clear.
		"hosts/as1/m.txt": "AS_CLI/Interface/Messaging> get\n  provisioningUserId = admin\n  provisioningPassword = ********\n  apiToken = Sup3rToken\n  legacyField = clearOnlyAfter\n" +
			"AS_CLI/Interface/Messaging> set provisioningPassword TypedNew\n...Done\n" +
			"AS_CLI/System/SNMP/Agent> show\n  readCommunity FreeNew\n",
		"hosts/as1/snmp.txt": "AS_CLI/System/SNMP/Agent> get\n  community = s3cr3tCommunity\n" +
			"AS_CLI/System/SNMP/Trap> get\n  Host Name  Community\n======================\n     nms1  rowCommunity\n     nms2  hunter2\n\n2 entries found.\n",
		// The secret-named row changed, and one was added.
		"hosts/as1/options.txt":         "AS_CLI/Maintenance/ContainerOptions> get\n  Container Name                Option Name  Option Value\n=========================================================\n    provisioning       bw.imp.adminPassword         NewPw\n    provisioning  bw.imp.useProvisioningUrl          true\n          tomcat     bw.authservice.apiToken      rowTok3n\n\n3 entries found.\n",
		"devicemgmt/tagsets/t.tsv":      "Tag Name\tTag Value\tIs Overridable\tIs Encrypted\n%PWD%\ttagS3cret\tfalse\ttrue\n%HOST%\th\tfalse\tfalse\n%SIP_PASSWORD%\tsipNew\tfalse\tfalse\n",
		"partnerhub/templates/smb.json": "{\n  \"name\": \"smb\",\n  \"provisioningPasswordSha256\": \"newHashValue\",\n  \"extra\": {\"auth\": [{\"password\": \"nestedNew\"}]}\n}\n",
	}
	r := Compare(Side{Snapshot: snapshot(t, beforeFiles)}, Side{Snapshot: snapshot(t, afterFiles)}, ReviewOptions{})

	want := []changeRow{
		{Context: "devicemgmt/tagsets/t", Row: "Tag Name=%PWD%", Key: "Tag Value", Kind: Changed, Secret: true},
		{Context: "devicemgmt/tagsets/t", Row: "Tag Name=%SIP_PASSWORD%", Key: "Tag Value", Kind: Changed, Secret: true},
		{Context: "partnerhub/templates/smb", Key: "extra", Kind: Changed, Secret: true},
		{Context: "partnerhub/templates/smb", Key: "provisioningPasswordSha256", Kind: Changed, Secret: true},
		{Host: "as1", Context: "AS_CLI/Interface/Messaging", Key: "apiToken", Kind: Changed, Secret: true},
		{Host: "as1", Context: "AS_CLI/Interface/Messaging", Key: "legacyField", Kind: Changed, Secret: true},
		{Host: "as1", Context: "AS_CLI/Maintenance/ContainerOptions", Row: "Option Name=bw.authservice.apiToken", Kind: Added, After: "Container Name=tomcat, Option Name=bw.authservice.apiToken, Option Value=(secret, not shown)"},
		{Host: "as1", Context: "AS_CLI/Maintenance/ContainerOptions", Row: "Option Name=bw.imp.adminPassword", Key: "Option Value", Kind: Changed, Secret: true},
		{Host: "as1", Context: "AS_CLI/System/SNMP/Agent", Key: "community", Kind: Changed, Secret: true},
		{Host: "as1", Context: "AS_CLI/System/SNMP/Trap", Row: "Host Name=nms1", Key: "Community", Kind: Changed, Secret: true},
		{Host: "as1", Context: "AS_CLI/System/SNMP/Trap", Row: "Host Name=nms2", Kind: Added, After: "Host Name=nms2, Community=(secret, not shown)"},
	}
	if d := cmp.Diff(want, rows(r.Changes)); d != "" {
		t.Errorf("changes (-want +got):\n%s", d)
	}

	// Checks keep secret values out of findings; the reports must hold
	// even if one did not, on the after side of a changed finding as on
	// its before side, and when only one side was secret.
	r.Findings = []judge.Finding{
		{Finding: lint.Finding{Check: "as_x", Severity: lint.Error, Host: "as1", Message: "password is wrong", Secret: true}, State: judge.StateNew},
		{
			Finding: lint.Finding{Check: "as_y", Severity: lint.Error, Host: "as1", Message: "password differs", Secret: true, Actual: "findingAfterPw"}, State: judge.StateChanged,
			Before: &lint.Finding{Check: "as_y", Message: "password differed", Secret: true, Actual: "findingBeforePw"},
		},
		{
			Finding: lint.Finding{Check: "as_z", Severity: lint.Error, Host: "as1", Message: "key differs", Actual: "clearAfterOnly"}, State: judge.StateChanged,
			Before: &lint.Finding{Check: "as_z", Message: "key differed", Secret: true, Actual: "secretBeforeOnly"},
		},
	}
	for name, render := range map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return Text(b, r, Options{}) },
		"json":     func(b *bytes.Buffer) error { return JSON(b, r, Options{}) },
		"markdown": func(b *bytes.Buffer) error { return Markdown(b, r, Options{}) },
	} {
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if strings.Contains(buf.String(), s) {
				t.Errorf("%s output shows secret %q:\n%s", name, s, buf.String())
			}
		}
		for _, changed := range []string{"apiToken", "bw.imp.adminPassword"} {
			if !strings.Contains(buf.String(), changed) {
				t.Errorf("%s output does not report the changed secret %s", name, changed)
			}
		}
	}
}
