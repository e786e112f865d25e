package showver

import (
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
)

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
		var lines []source.Line
		for sc := source.NewLines(text); ; {
			l, ok := sc.Next()
			if !ok {
				break
			}
			lines = append(lines, l)
		}
		if _, counts, _ := ParseLines(source.NewPositions("v.txt", text), lines, true); counts.Total() != len(lines) {
			t.Fatalf("line counts %+v sum to %d; the text has %d lines", counts, counts.Total(), len(lines))
		}
		for _, v := range []string{sv.Release.Text, string(text)} {
			ParseRelease(v)
		}
	})
}
