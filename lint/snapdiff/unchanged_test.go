package snapdiff

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHostComparedWhole checks that a host with one file changed is
// compared with all of its files: the value in force may come from a file
// that did not change once a later capture stops printing it, and a file
// added to a host whose other files are the same brings its settings.
func TestHostComparedWhole(t *testing.T) {
	const msg = "AS_CLI/Interface/Messaging"
	get := func(attrs string) string { return msg + "> get\n" + attrs }
	base := map[string]string{
		"hosts/as1/1-first.txt": get("  provisioningUrl = https://prov.example.net/a\n  enableSynchronization = true\n"),
		"hosts/as1/2-later.txt": get("  provisioningUrl = https://prov.example.net/b\n"),
		"hosts/as2/m.txt":       get("  provisioningUrl = https://prov.example.net/a\n"),
		"hosts/xsp1/cert.txt":   "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get\n  allowUserApp = false\n",
	}
	for _, tc := range []struct {
		name    string
		changes map[string]string
		want    []changeRow
	}{{
		name: "a later capture no longer prints the value",
		changes: map[string]string{
			"hosts/as1/2-later.txt": get("  enableSynchronization = true\n"),
		},
		want: []changeRow{{Host: "as1", Context: msg, Key: "provisioningUrl", Kind: Changed, Before: "https://prov.example.net/b", After: "https://prov.example.net/a"}},
	}, {
		name: "a value moves to another file of its host",
		changes: map[string]string{
			"hosts/as1/1-first.txt": get("  enableSynchronization = true\n"),
			"hosts/as1/2-later.txt": get("  provisioningUrl = https://prov.example.net/b\n  enableSynchronization = true\n"),
		},
	}, {
		name: "a file added beside files that are the same",
		changes: map[string]string{
			"hosts/xsp1/more.txt": "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get\n  allowClientApp = true\n",
		},
		want: []changeRow{{Host: "xsp1", Context: "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication", Key: "allowClientApp", Kind: Added, After: "true"}},
	}, {
		name: "a file removed from a host",
		changes: map[string]string{
			"hosts/as1/2-later.txt": "",
		},
		want: []changeRow{{Host: "as1", Context: msg, Key: "provisioningUrl", Kind: Changed, Before: "https://prov.example.net/b", After: "https://prov.example.net/a"}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(Side{Snapshot: snapshot(t, base)}, Side{Snapshot: snapshot(t, withFiles(base, tc.changes))}, ReviewOptions{})
			if d := cmp.Diff(tc.want, rows(r.Changes)); d != "" {
				t.Errorf("changes (-want +got):\n%s", d)
			}
		})
	}
}
