package showver

import "testing"

// FuzzParse checks that Looks and Parse never panic and that every range
// Parse returns points back at the text it claims to come from.
func FuzzParse(f *testing.F) {
	f.Add([]byte(asOutput))
	f.Add([]byte(adpOutput))
	f.Add([]byte("XSP version Rel_24.0_1.944  \r\n- ÜberApp version 1 context path /über\r\nActive Patches:\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := string(raw)
		Looks(text)
		sv, probs := Parse("v.txt", text)
		checkInvariants(t, "v.txt", text, sv, probs)
		for _, v := range []string{sv.Release.Text, string(text)} {
			ParseRelease(v)
		}
	})
}
