package wms

import (
	"testing"
)

// FuzzParseUsers checks that ParseUsers never panics, that a file is
// refused only with a reason, and that every range it returns slices back
// to the text it claims, in every encoding.
func FuzzParseUsers(f *testing.F) {
	for _, name := range []string{
		"users/excel-unicode-text-missing-column.txt", "users/utf8-bom-comma.csv", "users/ansi-windows-1252.csv",
		"users/iconv-utf16le-no-bom.txt", "users/utf16be.txt", "users/mixed-delimiters.csv",
	} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte("A\tB\n\"x\"\"\t\"\n\"\"\"\n"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		uf, probs := ParseUsers("wms/users/f.csv", raw)
		if uf == nil {
			if len(probs) == 0 {
				t.Fatal("no file and no problem")
			}
			return
		}
		checkUsers(t, uf)
	})
}

// FuzzParseSSO checks that ParseSSO never panics, that a capture is
// refused only with a reason, and that every item's ranges slice back to
// its text: in the file and in the decoded XML.
func FuzzParseSSO(f *testing.F) {
	for _, name := range []string{
		"sso/adfs-response.xml", "sso/assertion-okta-style.xml", "sso/post-body-nameid-differs.txt",
		"sso/devtools-form-data.txt", "sso/idp-autopost.html", "sso/redirect-url.txt",
	} {
		f.Add(string(readFixture(f, name)))
	}
	f.Add(`<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Subject><saml:NameID> a&amp;b <!--c--> </saml:NameID></saml:Subject></saml:Assertion>`)
	f.Add("SAMLResponse=PHNhbWw6QXNzZXJ0aW9uIHhtbG5zOnNhbWw9InVybjpvYXNpczpuYW1lczp0YzpTQU1MOjIuMDphc3NlcnRpb24iLz4%3D&RelayState=x")
	f.Fuzz(func(t *testing.T, text string) {
		m, probs := ParseSSO("wms/sso/f.txt", text)
		if m == nil {
			if len(probs) == 0 {
				t.Fatal("no message and no problem")
			}
			return
		}
		checkSSO(t, m, text)
	})
}

// FuzzParseSettings checks that ParseSettings never panics, that it
// refuses a file only with a reason, and that every value's range slices
// back to its text.
func FuzzParseSettings(f *testing.F) {
	f.Add(string(readFixture(f, "settings/settings.hcl")))
	f.Add("tracking_code \"TC4\" {\n  input = \"text\"\n  inactive_values = [\"B\", \"\"]\n}\n")
	f.Add("auto_account_update = \"true\"\ntracking_code \"TC1\" {\n  name = \"a\\\"b ${x}\"\n}\n")
	f.Fuzz(func(t *testing.T, text string) {
		s, probs := ParseSettings("wms/settings.hcl", text)
		if s == nil {
			if len(probs) == 0 {
				t.Fatal("no settings and no problem")
			}
			return
		}
		checkSettings(t, s, text)
	})
}
