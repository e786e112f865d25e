package ocip

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/bwlint/bwlint/inputs/source"
)

func utf16le(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestDecode(t *testing.T) {
	const doc = `<BroadsoftDocument protocol="OCI"><command xsi:type="SystemSoftwareVersionGetResponse"><version>%s</version></command></BroadsoftDocument>`
	decl := func(enc string) string { return `<?xml version="1.0" encoding="` + enc + `"?>` + "\n" }
	tests := []struct {
		name     string
		raw      []byte
		wantText string // the <version> value
		wantEnc  source.Encoding
		wantProb string
	}{
		{"ISO-8859-1 as BroadWorks declares it", []byte(decl("ISO-8859-1") + fmt.Sprintf(doc, "Mu\xf1oz")), "Muñoz", "iso-8859-1", ""},
		{"latin1 alias", []byte(decl("latin1") + fmt.Sprintf(doc, "Mu\xf1oz")), "Muñoz", "iso-8859-1", ""},
		{"ISO-8859-2", []byte(decl("ISO-8859-2") + fmt.Sprintf(doc, "\xa3\xf3d\xbc")), "Łódź", "iso-8859-2", ""},
		{"windows-1252", []byte(decl("windows-1252") + fmt.Sprintf(doc, "\x80 5")), "€ 5", "windows-1252", ""},
		{"UTF-8 bytes under an ISO-8859-1 declaration, as loggers re-encode", []byte(decl("ISO-8859-1") + fmt.Sprintf(doc, "Muñoz")), "Muñoz", "utf-8", ""},
		{"no declaration, not UTF-8", []byte(fmt.Sprintf(doc, "Mu\xf1oz")), "Muñoz", "iso-8859-1",
			`1:99-1:100 warning: byte 0xF1 is not valid UTF-8, which the file declares or implies; the file is read as ISO-8859-1`},
		{"UTF-8 declared, Latin-1 bytes", []byte(decl("UTF-8") + fmt.Sprintf(doc, "Mu\xf1oz")), "Muñoz", "iso-8859-1",
			`2:99-2:100 warning: byte 0xF1 is not valid UTF-8, which the file declares or implies; the file is read as ISO-8859-1`},
		{"UTF-8 with a byte-order mark", append([]byte{0xEF, 0xBB, 0xBF}, decl("UTF-8")+fmt.Sprintf(doc, "Zoë")...), "Zoë", "utf-8-bom", ""},
		{"UTF-16LE with a byte-order mark", utf16le(decl("UTF-16")+fmt.Sprintf(doc, "Zoë"), true), "Zoë", "utf-16le", ""},
		{"UTF-16LE without one", utf16le(decl("UTF-16")+fmt.Sprintf(doc, "Zoë"), false), "Zoë", "utf-16le-nobom", ""},
		// A client's log starts with its own line, not the declaration.
		{"UTF-16LE log without one", utf16le("2026-11-20 09:14:05,112 INFO [OCI] response:\r\n"+decl("UTF-16")+fmt.Sprintf(doc, "Zoë"), false), "Zoë", "utf-16le-nobom", ""},
		{"UTF-16 declared in an 8-bit file", []byte(decl("UTF-16") + fmt.Sprintf(doc, "Zoë")), "Zoë", "utf-8", ""},
		{"unknown encoding", []byte(decl("x-klingon") + fmt.Sprintf(doc, "a")), "", "utf-8",
			`1:31-1:40 error: the XML declaration names encoding "x-klingon", which bwlint cannot read; save the file as UTF-8 or ISO-8859-1`},
		{"NUL byte", []byte(fmt.Sprintf(doc, "a\x00b")), "", "utf-8",
			`1:98-1:99 error: file holds a NUL byte at offset 97: binary data, not OCI-P XML`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, probs := Read("f.xml", tt.raw, Options{})
			var got []string
			for _, p := range probs {
				got = append(got, fmt.Sprintf("%s %s: %s", span(p.Range), p.Severity, p.Message))
			}
			if strings.Join(got, "\n") != tt.wantProb {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.wantProb)
			}
			if tt.wantText == "" {
				if f != nil {
					t.Errorf("file read; want none")
				}
				return
			}
			if f == nil {
				t.Fatal("no file")
			}
			checkInvariants(t, f, probs)
			if f.Encoding != tt.wantEnc {
				t.Errorf("encoding %q, want %q", f.Encoding, tt.wantEnc)
			}
			if v := f.Commands[0].Field("version"); v.Text != tt.wantText {
				t.Errorf("value %q, want %q", v.Text, tt.wantText)
			}
		})
	}
}
