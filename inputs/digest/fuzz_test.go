package digest

import (
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
)

// FuzzParse checks that Parse never panics and that every range it returns
// points back at the text it claims to come from.
func FuzzParse(f *testing.F) {
	f.Add([]byte(hexA + "  authService.keys\n"))
	f.Add([]byte("SHA256 (ключи) = " + hexB + "\r\n"))
	f.Add([]byte(`\` + hexA + ` *a\\b\nc` + "\n# c\n\n"))
	f.Add([]byte("MD5 (x) = d41d8cd98f00b204e9800998ecf8427e\nnot a digest\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := string(raw)
		ds, counts, probs := ParseFile("f.sha256", text)
		checkInvariants(t, "f.sha256", text, ds, probs)
		lines := 0
		for sc := source.NewLines(text); ; lines++ {
			if _, ok := sc.Next(); !ok {
				break
			}
		}
		if counts.Total() != lines {
			t.Fatalf("line counts %+v sum to %d; the text has %d lines", counts, counts.Total(), lines)
		}
		if counts.Values != len(ds) {
			t.Fatalf("%d lines counted as values for %d digests", counts.Values, len(ds))
		}
	})
}
