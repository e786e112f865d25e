package ocip

import (
	"fmt"
	"regexp"
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

// declEncodingPattern is what declEncoding finds, as a regular expression:
// the specification the scanner is held to.
var declEncodingPattern = regexp.MustCompile(`<\?xml\s[^>]*?\bencoding\s*=\s*\\?["']([A-Za-z][A-Za-z0-9._:-]{0,63})\\?["']`)

// declarations are the shapes an XML declaration takes in captures and
// logs, and the near misses the scanner must reject as the pattern does.
var declarations = []string{
	`<?xml version="1.0" encoding="ISO-8859-1"?>`,
	`<?xml version='1.0' encoding='UTF-8' standalone='yes'?>`,
	`<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>`,
	"2026-11-02 10:00:01 DEBUG b'<?xml version=\\'1.0\\' encoding=\\'windows-1252\\'?>\\n<BroadsoftDocument'",
	"<?xml\tversion=\"1.0\"\r\n  encoding  =\n \"latin1\"?>",
	`<?xml encoding="x"?>`,
	`<?xmlencoding="UTF-8"?>`,
	`<?xml version="1.0" xencoding="UTF-8"?>`,
	`<?xml version="1.0" _encoding="UTF-8"?>`,
	`<?xml version="1.0" -encoding="UTF-8"?>`,
	`<?xml version="1.0" encoding="1252"?>`,
	`<?xml version="1.0" encoding=UTF-8?>`,
	`<?xml version="1.0" encoding="UTF-8?>`,
	`<?xml version="1.0" encoding="UTF 8"?>`,
	`<?xml version="1.0"> encoding="UTF-8"?>`,
	`<?xml version="1.0" encoding="` + strings.Repeat("a", 64) + `"?>`,
	`<?xml version="1.0" encoding="` + strings.Repeat("a", 65) + `"?>`,
	`<?xml version="1.0" encoding="` + strings.Repeat("a", 65) + `" encoding="ISO-8859-2"?>`,
	`<?xml version="1.0" encoding="UTF-8\"?>`,
	`<?xml version="1.0" encoding=\"UTF-8'?>`,
	`<?xml version="1.0" encoding="\UTF-8"?>`,
	`<?xml version="1.0" encoding=` + "\v" + `"UTF-8"?>`,
	`<?xml version="1.0"?><a/><?xml version="1.0" encoding="ISO-8859-2"?>`,
	`<?xml version="1.0" encoding="bad name"?><?xml version="1.0" encoding="ISO-8859-2"?>`,
	"<?xml version=\"1.0\" \xff\xfeencoding=\"ISO-8859-1\"?>",
	"<?xml version=\"1.0\" é encoding=\"ISO-8859-1\"?>",
	"<?xml version=\"1.0\" éencoding=\"ISO-8859-1\"?>",
	`<?xml version="1.0" encoding`, `<?xml version="1.0" encoding=`, `<?xml version="1.0" encoding="`, `<?xml `, `<?xml`,
	"", "<", "<?", `<?XML version="1.0" encoding="ISO-8859-1"?>`,
}

func TestDeclEncodingMatchesThePattern(t *testing.T) {
	for _, s := range declarations {
		checkDeclEncoding(t, s)
	}
}

func FuzzDeclEncoding(f *testing.F) {
	for _, s := range declarations {
		f.Add(s)
	}
	f.Fuzz(checkDeclEncoding)
}

func checkDeclEncoding(t *testing.T, s string) {
	want := []int{-1, -1}
	if m := declEncodingPattern.FindStringSubmatchIndex(s); m != nil {
		want = m[2:4]
	}
	start, end := declEncoding(s)
	if start != want[0] || end != want[1] {
		t.Errorf("declEncoding(%q) = %d, %d; the pattern finds %v", s, start, end, want)
	}
	if bs, be := declEncoding([]byte(s)); bs != start || be != end {
		t.Errorf("declEncoding of the bytes of %q = %d, %d; of the string %d, %d", s, bs, be, start, end)
	}
}
