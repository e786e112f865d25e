package redact

import (
	"strings"
	"testing"
	"unicode/utf8"
)

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
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		spans := merge(textSecrets(line))
		at := 0
		for _, sp := range spans {
			if sp.start < at || sp.end > len(line) || sp.start >= sp.end {
				t.Fatalf("%q: span %v out of order or bounds", line, sp)
			}
			at = sp.end
		}
		if !utf8.ValidString(line) {
			return
		}
		l := Line{Text: line}
		for _, sp := range spans {
			l.Secrets = append(l.Secrets, [2]int{utf8.RuneCountInString(line[:sp.start]), utf8.RuneCountInString(line[:sp.end])})
		}
		masked := l.Masked()
		const typed = "AS_CLI/X> set password Zq9"
		if strings.HasPrefix(line, typed+" ") || line == typed {
			if strings.Contains(masked, "Zq9") {
				t.Fatalf("%q masked as %q", line, masked)
			}
		}
	})
}
