package redact

import (
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
)

func hiddenText(text string, spans []source.Span) []string {
	var out []string
	for _, sp := range spans {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

func TestPersonalText(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"user anna.berg@acme.example has no number", []string{"anna.berg@acme.example"}},
		{"4685550101@voice.example.net,Anna,Berg,+46 8 555 01 01,x", []string{"4685550101@voice.example.net", "+46 8 555 01 01"}},
		{"call (212) 555-0100 or 2125550101", []string{"(212) 555-0100", "2125550101"}},
		{"(2125550102 unclosed", []string{"2125550102"}},
		{"08 555 01 01 and 0701-234567", []string{"08 555 01 01", "0701-234567"}},
		{`<firstName>Grete</firstName><ns0:lastName a="1">Lindqvist</ns0:lastName><groupId>G</groupId>`, []string{"Grete", "Lindqvist"}},
		{`{"bwuserid":"4155550101@x","primaryPhoneNumber":"+14155550101","group":"Acme"}`, []string{"4155550101@x", "+14155550101"}},
		{`<callingLineIdFirstName>Åsa</callingLineIdFirstName>`, []string{"Åsa"}},
		// Not phone numbers: dates, times, versions, patches, addresses,
		// ids, short numbers.
		{"2025.06.12 14:02:07:331 Rel_24.0_1.944 AP.as.23.0.1075.ap373197 10.20.30.40:8443 7c1f4e2a-93b8-4d5e-a0c6-2b9d8f31e547 Content-Length: 431 200042", nil},
		{"2025-06-12T10:00:00.480+02:00 session as1,1709547611x", nil},
	} {
		if diff := cmp.Diff(tc.want, hiddenText(tc.text, PersonalText(tc.text))); diff != "" {
			t.Errorf("PersonalText(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}
