package source

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTextSecrets covers the lines a parser understood: their shape alone
// must be enough to hide the secrets the model does not name.
func TestTextSecrets(t *testing.T) {
	const r = Redacted
	for _, tc := range []struct{ in, want string }{
		{"AS_CLI/Interface/Messaging> set provisioningPassword S3cret", "AS_CLI/Interface/Messaging> set provisioningPassword " + r},
		{"AS_CLI/Interface/Messaging>set provisioningPassword S3cret", "AS_CLI/Interface/Messaging>set provisioningPassword " + r},
		{`AS_CLI> sys;sec;set password "S3 cret" userId bob`, `AS_CLI> sys;sec;set password ` + r + ` userId bob`},
		{"AS_CLI/Interface/Messaging> set provisioningUserId bob provisioningPassword S3cret", "AS_CLI/Interface/Messaging> set provisioningUserId bob provisioningPassword " + r},
		{"AS_CLI/X> add community public S3cret", "AS_CLI/X> add community " + r + " S3cret"},
		{"AS_CLI/X> set password=S3cret", "AS_CLI/X> set password=" + r},
		// The CLI takes a command's prefix: "se" and "s" are set, "ad" is add.
		{"AS_CLI/Interface/SNMP> se readCommunity S3cret", "AS_CLI/Interface/SNMP> se readCommunity " + r},
		{"AS_CLI> int;mess;Se provisioningPassword S3cret", "AS_CLI> int;mess;Se provisioningPassword " + r},
		{"AS_CLI/X> s password S3cret", "AS_CLI/X> s password " + r},
		{"AS_CLI/X> ad community public S3cret", "AS_CLI/X> ad community " + r + " S3cret"},
		{"\x1b[1;32mAS_CLI/X>\x1b[0m set \x1b[1mpassword\x1b[0m S3cret\x1b[K", "\x1b[1;32mAS_CLI/X>\x1b[0m set \x1b[1mpassword\x1b[0m " + r},
		{"AS_CLI/X> get", "AS_CLI/X> get"},
		{"AS_CLI/X> set provisioningPassword", "AS_CLI/X> set provisioningPassword"},
		{"  provisioningPassword = S3cret", "  provisioningPassword = " + r},
		{`  "provisioningPassword": "S3cret",`, `  "provisioningPassword": ` + r},
		{"  provisioningUrl = https://x.example:8443/p", "  provisioningUrl = https://x.example:8443/p"},
		{"  provisioningUrl = https://prov:S3cret@x.example:8443/p", "  provisioningUrl = https://prov:" + r + "@x.example:8443/p"},
		{"  tokenDurationInHours = 24", "  tokenDurationInHours = 24"},
		{"  provisioningPassword S3cretNoEq", "  provisioningPassword " + r},
		{"  readCommunity public2", "  readCommunity " + r},
		{"  Password  Status", "  Password  " + r}, // generous: a header costs a word, never a secret
		{"  someValue = ********", "  someValue = " + r},
		{"%XSI_API_KEY%\tS3cret\ttrue", "%XSI_API_KEY%\t" + r + "\ttrue"},
		{"* -> Patch(es) applied from this bundle.", "* -> Patch(es) applied from this bundle."},
		{"Please confirm (Yes, Y, No, N): y", "Please confirm (Yes, Y, No, N): y"},
	} {
		if got := MaskSpans(tc.in, TextSecrets(tc.in)); got != tc.want {
			t.Errorf("%q\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestProseSecrets covers lines no parser understood: everything after a
// word that names a secret is hidden, wherever the word stands.
func TestProseSecrets(t *testing.T) {
	const r = Redacted
	for _, tc := range []struct{ in, want string }{
		{"The keystore password is S3cret, keep it safe", "The keystore password " + r},
		{"    provisioning  bw.ldap.bindPassword  S3cret  extra", "    provisioning  bw.ldap.bindPassword  " + r},
		{`%ADMIN_PASSWORD%,"S3cret`, `%ADMIN_PASSWORD%,"` + r},
		{"%XSI_API_KEY%\tS3cret", "%XSI_API_KEY%\t" + r},
		{"  provisioningPassword <password>  The password BroadWorks sends", "  provisioningPassword " + r},
		{"login with https://admin:S3cret@bw.example/x then", "login with https://admin:" + r + "@bw.example/x then"},
		{"Password|S3cret", "Password|" + r},
		{"password", "password"},
		{"nothing hidden here: 42", "nothing hidden here: 42"},
	} {
		if got := MaskSpans(tc.in, ProseSecrets(tc.in)); got != tc.want {
			t.Errorf("%q\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestURLSecrets(t *testing.T) {
	for in, want := range map[string]string{
		"https://user:S3cret@host/p":        "https://user:" + Redacted + "@host/p",
		"https://user:p@ss@host":            "https://user:" + Redacted + "@host",
		"ldaps://cn=admin:S3cret@ldap:636":  "ldaps://cn=admin:" + Redacted + "@ldap:636",
		"https://host:8443/p?u=a@b":         "https://host:8443/p?u=a@b",
		"https://user@host/":                "https://user@host/",
		"a https://u:1@h b https://v:2@i c": "a https://u:" + Redacted + "@h b https://v:" + Redacted + "@i c",
		"://":                               "://",
	} {
		if got := MaskSpans(in, URLSecrets(in)); got != want {
			t.Errorf("%q\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestIsSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"provisioningPassword": true, "%XSI_API_KEY%": true, "api-key:": true, "bw.ldap.bindPassword": true,
		"Read Community": true, "tokenDurationInHours": false, "tokenIssuer": false, "keystore": false,
		"KeyManagement": false, "authService.keys": false, "%%": false, "": false,
		// Typos of a secret's name still name a secret.
		"provisioningPasword": true, "provisioningPasswrd": true, "adminPwd": true, "bypassMedia": false,
	} {
		if got := IsSecretName(name); got != want {
			t.Errorf("IsSecretName(%q) = %v, want %v", name, got, want)
		}
	}
}

// FuzzTextSecrets: whatever a line holds, its secrets lie inside it, in
// order, and a password typed after a secret name never survives masking.
func FuzzTextSecrets(f *testing.F) {
	for _, s := range []string{
		"AS_CLI/Interface/Messaging> set provisioningPassword S3cret",
		"\x1b[1;32mAS_CLI/X>\x1b[0m set \x1b[1mpassword\x1b[0m S3cret\x1b[K",
		`AS_CLI> sys;sec;set password "S3 cret`,
		"  provisioningPassword = S3cret",
		"\"key\": ****",
		"> set password=",
		"see https://u:p@h/x and password: y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		for name, find := range map[string]func(string) []Span{"TextSecrets": TextSecrets, "ProseSecrets": ProseSecrets, "URLSecrets": URLSecrets} {
			at := 0
			for _, sp := range find(line) {
				if sp.Start < at || sp.End > len(line) || sp.Start >= sp.End {
					t.Fatalf("%s(%q): span %v out of order or bounds", name, line, sp)
				}
				at = sp.End
			}
		}
		if !utf8.ValidString(line) {
			return
		}
		const typed = "AS_CLI/X> set password Zq9"
		if strings.HasPrefix(line, typed+" ") || line == typed {
			if masked := MaskSpans(line, TextSecrets(line)); strings.Contains(masked, "Zq9") {
				t.Fatalf("%q masked as %q", line, masked)
			}
		}
		if i := strings.Index(line, "password Zq9"); i >= 0 {
			if masked := MaskSpans(line, ProseSecrets(line)); strings.Contains(masked, "Zq9") && !strings.Contains(line[i+12:], "Zq9") && strings.Count(line, "Zq9") == 1 {
				t.Fatalf("prose %q masked as %q", line, masked)
			}
		}
	})
}
