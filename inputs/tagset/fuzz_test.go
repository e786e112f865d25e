package tagset

import "testing"

// FuzzParse checks that Parse never panics and that every range it returns
// points back at the text it claims to come from.
func FuzzParse(f *testing.F) {
	f.Add([]byte(header + "%SBC_ADDRESS_WXT%\tsbc.example.com\ttrue\r\n"))
	f.Add([]byte("Tag Name,Tag Value,Is Overridable,Is Encrypted\n%A%,\"a,b \"\"c\"\"\",false,true\n,,\n"))
	f.Add([]byte("%GRÜSSE%\t\"x\"y\tmaybe\n%GRÜSSE%\t\"open\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := string(raw)
		set, probs := Parse("f.tsv", "f", text)
		checkInvariants(t, "f.tsv", text, set, probs)
		for _, tag := range tagsOf(set) {
			if tag.Secret() && tag.PrintableValue() == tag.Value.Text && tag.Value.Text != "" {
				t.Errorf("secret tag %q prints its value", tag.Name.Text)
			}
			if got, ok := set.Lookup(tag.Name.Text); !ok || got.Range != tag.Range {
				t.Errorf("Lookup(%q) = %v, %v; want the row at %s", tag.Name.Text, got.Range, ok, span(tag.Range))
			}
		}
	})
}
