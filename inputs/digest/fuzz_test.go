package digest

import "testing"

// FuzzParse checks that Parse never panics and that every range it returns
// points back at the text it claims to come from.
func FuzzParse(f *testing.F) {
	f.Add([]byte(hexA + "  authService.keys\n"))
	f.Add([]byte("SHA256 (ключи) = " + hexB + "\r\n"))
	f.Add([]byte(`\` + hexA + ` *a\\b\nc` + "\n# c\n\n"))
	f.Add([]byte("MD5 (x) = d41d8cd98f00b204e9800998ecf8427e\nnot a digest\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := string(raw)
		ds, probs := Parse("f.sha256", text)
		checkInvariants(t, "f.sha256", text, ds, probs)
	})
}
