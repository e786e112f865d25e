package checks

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
)

// BenchmarkProvisioningChecks runs the subscriber, template and PSLog
// checks on a large service provider's users: 20,000 users of 400 groups
// in users/*.csv, two templates, and a PSLog excerpt of 2,000 exchanges,
// a tenth of them refused.
func BenchmarkProvisioningChecks(b *testing.B) {
	dir := b.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	var csv strings.Builder
	csv.WriteString("userId,firstName,lastName,phoneNumber,emailAddress,groupId,serviceProviderId,services\n")
	for i := range 20000 {
		phone := fmt.Sprintf("+46855%06d", i)
		if i%97 == 0 {
			phone = ""
		}
		fmt.Fprintf(&csv, "u%d@voice.example.net,First%d,Last%d,%s,user%d@acme%d.example,Group-%d,SP-%d,Integrated IMP\n", i, i, i, phone, i%19000, i%400, i%400, i%40)
	}
	write("users/export.csv", csv.String())
	for i, trust := range []string{"trusted", "untrusted"} {
		write(fmt.Sprintf("partnerhub/templates/t%d.json", i), fmt.Sprintf(`{"name": "t%d", "cluster": "bw-cluster-1", "provisioningUrl": "https://broadworks-provisioning-bridge-a.wbx2.com/x",
"provisioningAccountName": "w4b", "authenticationMode": "broadworks", "enterpriseMode": false, "autoCreateOrgs": true,
"emailTrust": %q, "package": "standard", "default": %v}`, i, trust, i == 0))
	}
	var log strings.Builder
	for i := range 2000 {
		status := "200 OK"
		if i%10 == 0 {
			status = "409 Conflict"
		}
		fmt.Fprintf(&log, "2025-06-12T10:00:00.%03d INFO [pool-1-thread-%d] POST https://broadworks-provisioning-bridge-a.wbx2.com/api/v1/subscribers body=<subscriberProfile><bwuserid>u%d@voice.example.net</bwuserid><primaryPhoneNumber>+4685%06d</primaryPhoneNumber><email>user%d@acme.example</email></subscriberProfile>\n", i%1000, i, i, i, i)
		fmt.Fprintf(&log, "2025-06-12T10:00:01.%03d INFO [pool-1-thread-%d] HTTP/1.1 %s\n", i%1000, i, status)
	}
	write("logs/pslog/provisioning.log", log.String())
	snap, err := inputs.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	cs := []*lint.Check{pslogProvisioning, templateFlags, templateOrgNameCollision, usersEmailValidUnique, usersPrimaryNumber}
	b.ResetTimer()
	for b.Loop() {
		res := lint.Run(context.Background(), snap, cs, lint.Settings{})
		if len(res.Findings) == 0 || len(res.Failures) != 0 {
			b.Fatalf("%d findings, %d failures: the synthetic snapshot is wrong", len(res.Findings), len(res.Failures))
		}
	}
}
