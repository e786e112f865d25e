package wms

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// describeUsers flattens a user file into lines that show every fact and
// position a check relies on.
func describeUsers(f *UserFile) []string {
	enc := f.Encoding.Name
	if f.Encoding.BOM {
		enc += " with BOM"
	}
	if v := f.Encoding.FirstInvalid; v.Present() {
		enc += fmt.Sprintf(", first non-UTF-8 byte 0x%02X (%q) at %s", v.Text[0], f.Encoding.FirstInvalidChar(), span(v.Range()))
	}
	var hdr []string
	for _, h := range f.Header {
		hdr = append(hdr, show(h))
	}
	out := []string{
		fmt.Sprintf("encoding %s; extension %q; delimiter %q", enc, f.Ext, f.Delimiter),
		fmt.Sprintf("header line %d: %s", f.HeaderLine, strings.Join(hdr, " ")),
	}
	for _, r := range f.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, show(c))
		}
		line := fmt.Sprintf("row %d %s: %s", r.Line, span(r.Range), strings.Join(cells, " "))
		if r.Missing > 0 {
			line += fmt.Sprintf(" | missing %d", r.Missing)
		}
		if len(r.Extra) > 0 {
			line += fmt.Sprintf(" | %d extra", len(r.Extra))
		}
		if r.Blank {
			line += " | blank"
		}
		if r.OtherDelimiter {
			line += " | other delimiter"
		}
		for _, d := range r.Defects {
			line += fmt.Sprintf(" | %s at %s", d.Kind, span(d.Range))
		}
		out = append(out, line)
	}
	if len(f.BlankLines) > 0 {
		out = append(out, fmt.Sprintf("blank lines %v", f.BlankLines))
	}
	return out
}

func TestParseUsersFixtures(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{{
		// Excel's "Unicode Text": UTF-16LE with a byte-order mark, tabs,
		// CRLF. Row 3 lacks its last column, reported at the row's end.
		file: "users/excel-unicode-text-missing-column.txt",
		want: []string{
			`encoding UTF-16LE with BOM; extension ".txt"; delimiter '\t'`,
			`header line 1: "USERID"@1:1-1:7 "ACTIVE"@1:8-1:14 "FIRSTNAME"@1:15-1:24 "LASTNAME"@1:25-1:33 "EMAIL"@1:34-1:39 "LANGUAGE"@1:40-1:48 "HOSTPRIV"@1:49-1:57 "TIMEZONE"@1:58-1:66 "DIVISION"@1:67-1:75 "TC1"@1:76-1:79`,
			`row 2 2:1-2:91: ""@2:1-2:1 "Y"@2:2-2:3 "Ingrid"@2:4-2:10 "Søndergaard"@2:11-2:22 "ingrid.sondergaard@example.net"@2:23-2:53 "en_US"@2:54-2:59 "HOST"@2:60-2:64 "GMT+01:00"@2:65-2:74 "Sales"@2:75-2:80 "EMEA-North"@2:81-2:91`,
			`row 3 3:1-3:70: ""@3:1-3:1 "Y"@3:2-3:3 "Tomás"@3:4-3:9 "Okafor"@3:10-3:16 "tomas.okafor@example.net"@3:17-3:41 "es_ES"@3:42-3:47 "HOST"@3:48-3:52 "GMT+01:00"@3:53-3:62 "Support"@3:63-3:70 | missing 1`,
			`row 4 4:1-4:61: ""@4:1-4:1 "N"@4:2-4:3 "Wen"@4:4-4:7 "Li"@4:8-4:10 "wen.li@example.net"@4:11-4:29 "zh_CN"@4:30-4:35 "ADMN"@4:36-4:40 "GMT+08:00"@4:41-4:50 "Sales"@4:51-4:56 "APAC"@4:57-4:61`,
		},
	}, {
		file: "users/utf8-bom-comma.csv",
		want: []string{
			`encoding UTF-8 with BOM; extension ".csv"; delimiter ','`,
			`header line 1: "USERID"@1:1-1:7 "ACTIVE"@1:8-1:14 "FIRSTNAME"@1:15-1:24 "LASTNAME"@1:25-1:33 "EMAIL"@1:34-1:39 "LANGUAGE"@1:40-1:48 "HOSTPRIV"@1:49-1:57 "TIMEZONE"@1:58-1:66 "DIVISION"@1:67-1:75 "DEPARTMENT"@1:76-1:86`,
			`row 2 2:1-2:93: ""@2:1-2:1 "Y"@2:2-2:3 "Anaïs"@2:4-2:9 "Dupont, Jr."@2:11-2:22 "anais.dupont@example.org"@2:24-2:48 "fr_FR"@2:49-2:54 "HOST"@2:55-2:59 "GMT+01:00"@2:60-2:69 "R&D \"Labs\""@2:71-2:83 "Platform"@2:85-2:93`,
			`row 3 3:1-3:69: ""@3:1-3:1 "Y"@3:2-3:3 "Kwame"@3:4-3:9 "Mensah"@3:10-3:16 "kwame.mensah@example.org"@3:17-3:41 "en_GB"@3:42-3:47 "HOST"@3:48-3:52 "GMT+00:00"@3:53-3:62 "Sales"@3:63-3:68 ""@3:69-3:69`,
			`row 4 4:1-4:10: ""@4:1-4:1 ""@4:2-4:2 ""@4:3-4:3 ""@4:4-4:4 ""@4:5-4:5 ""@4:6-4:6 ""@4:7-4:7 ""@4:8-4:8 ""@4:9-4:9 ""@4:10-4:10 | blank`,
			`row 6 6:1-6:78: ""@6:1-6:1 "Y"@6:2-6:3 "Priya"@6:4-6:9 "Raman"@6:10-6:15 "priya.raman@example.org"@6:16-6:39 "en_US"@6:40-6:45 "ADMN"@6:46-6:50 "GMT-05:00"@6:51-6:60 "Sales"@6:61-6:66 "Field"@6:67-6:72 "extra"@6:73-6:78 | 1 extra`,
			`blank lines [5]`,
		},
	}, {
		// Saved as "ANSI" on Windows: 0x92 is a curly apostrophe only in
		// Windows-1252.
		file: "users/ansi-windows-1252.csv",
		want: []string{
			`encoding Windows-1252, first non-UTF-8 byte 0xFC ('ü') at 2:5-2:6; extension ".csv"; delimiter ','`,
		},
	}, {
		file: "users/latin1.csv",
		want: []string{
			`encoding ISO-8859-1 or Windows-1252, first non-UTF-8 byte 0xE9 ('é') at 2:7-2:8; extension ".csv"; delimiter ','`,
		},
	}, {
		file: "users/iconv-utf16le-no-bom.txt",
		want: []string{
			`encoding UTF-16LE; extension ".txt"; delimiter '\t'`,
			`header line 1: "USERID"@1:1-1:7 "ACTIVE"@1:8-1:14 "FIRSTNAME"@1:15-1:24 "LASTNAME"@1:25-1:33 "EMAIL"@1:34-1:39`,
			`row 2 2:1-2:38: ""@2:1-2:1 "Y"@2:2-2:3 "Aiko"@2:4-2:8 "Tanaka"@2:9-2:15 "aiko.tanaka@example.jp"@2:16-2:38`,
		},
	}, {
		file: "users/utf16be.txt",
		want: []string{
			`encoding UTF-16BE with BOM; extension ".txt"; delimiter '\t'`,
			`header line 1: "USERID"@1:1-1:7 "ACTIVE"@1:8-1:14 "FIRSTNAME"@1:15-1:24 "LASTNAME"@1:25-1:33 "EMAIL"@1:34-1:39`,
			`row 2 2:1-2:34: ""@2:1-2:1 "Y"@2:2-2:3 "Leif"@2:4-2:8 "Berg"@2:9-2:13 "leif.berg@example.se"@2:14-2:34`,
		},
	}, {
		file: "users/mixed-delimiters.csv",
		want: []string{
			`encoding UTF-8; extension ".csv"; delimiter '\t'`,
			`header line 1: "USERID"@1:1-1:7 "ACTIVE"@1:8-1:14 "FIRSTNAME"@1:15-1:24 "LASTNAME"@1:25-1:33 "EMAIL"@1:34-1:39`,
			`row 2 2:1-2:44: ""@2:1-2:1 "Y"@2:2-2:3 "Marta"@2:4-2:9 "Kowalska"@2:10-2:18 "marta.kowalska@example.pl"@2:19-2:44`,
			`row 3 3:1-3:38: ",Y,Piotr,Nowak,piotr.nowak@example.pl"@3:1-3:38 | missing 4 | other delimiter`,
			`row 4 4:1-4:35: ""@4:1-4:1 "Y"@4:2-4:3 "Ewa\tZielińska\tewa.z@example.pl"@4:5-4:35 | missing 2 | unclosed quote at 4:4-4:35`,
			`row 5 5:1-5:39: ""@5:1-5:1 "Y"@5:2-5:3 "\"Jan\"ek"@5:4-5:11 "Wiśniewski"@5:12-5:22 "jan.w@example.pl"@5:23-5:39 | text after closing quote at 5:9-5:11`,
		},
	}}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f, probs := ParseUsers("wms/"+tc.file, readFixture(t, tc.file))
			if f == nil {
				t.Fatalf("no file; problems %v", problems(probs))
			}
			if len(probs) != 0 {
				t.Errorf("problems %v; a user file's defects are facts, not input problems", problems(probs))
			}
			checkUsers(t, f)
			got := describeUsers(f)
			if len(tc.want) < len(got) && len(tc.want) <= 1 {
				got = got[:len(tc.want)] // the encoding is what the case is about
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseUsersEdgeCases(t *testing.T) {
	tests := []struct {
		name  string
		raw   string
		want  []string
		probs []string
	}{{
		name: "blank lines before the header, no final line ending",
		raw:  "\n  \nEMAIL\nx@example.com",
		want: []string{
			`encoding UTF-8; extension ".csv"; delimiter ','`,
			`header line 3: "EMAIL"@3:1-3:6`,
			`row 4 4:1-4:14: "x@example.com"@4:1-4:14`,
		},
	}, {
		name: "a one-column header takes the first row's tab",
		raw:  "EMAIL\na@example.com\tY\n",
		want: []string{
			`encoding UTF-8; extension ".csv"; delimiter '\t'`,
			`header line 1: "EMAIL"@1:1-1:6`,
			`row 2 2:1-2:16: "a@example.com"@2:1-2:14 "Y"@2:15-2:16 | 1 extra`,
		},
	}, {
		name: "empty file",
		raw:  "",
		want: []string{
			`encoding UTF-8; extension ".csv"; delimiter '\x00'`,
			`header line 0: `,
		},
	}, {
		name: "columns count code points",
		raw:  "FIRSTNAME,LASTNAME\nZoë,Ærø\n",
		want: []string{
			`encoding UTF-8; extension ".csv"; delimiter ','`,
			`header line 1: "FIRSTNAME"@1:1-1:10 "LASTNAME"@1:11-1:19`,
			`row 2 2:1-2:8: "Zoë"@2:1-2:4 "Ærø"@2:5-2:8`,
		},
	}, {
		name:  "binary",
		raw:   "EMAIL\x00\x01\x02",
		probs: []string{`1:6-1:7 error: file holds a NUL byte at offset 5: binary data, not a text capture`},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, probs := ParseUsers("wms/users/u.csv", []byte(tc.raw))
			if diff := cmp.Diff(tc.probs, problems(probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if tc.want == nil {
				if f != nil {
					t.Fatalf("got a file, want none")
				}
				return
			}
			checkUsers(t, f)
			if diff := cmp.Diff(tc.want, describeUsers(f)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestUserFileColumn(t *testing.T) {
	f, _ := ParseUsers("wms/users/u.csv", []byte(" email ,Email,FirstName\na,b\n"))
	if got := f.Column("EMAIL"); got != 0 {
		t.Errorf("Column(EMAIL) = %d, want the first of the two, 0", got)
	}
	if got := f.Column("firstname"); got != 2 {
		t.Errorf("Column(firstname) = %d, want 2", got)
	}
	if got := f.Column("TC1"); got != -1 {
		t.Errorf("Column(TC1) = %d, want -1", got)
	}
	if _, ok := f.Rows[0].Cell(2); ok {
		t.Error("a row of two cells has a third")
	}
	if c, ok := f.Rows[0].Cell(1); !ok || c.Text != "b" {
		t.Errorf("Cell(1) = %q, %v", c.Text, ok)
	}
}

func TestKnownColumns(t *testing.T) {
	for _, name := range []string{"USERID", "active", " FirstName ", "EMAIL", "HOSTPRIV", "TC1", "tc10"} {
		if _, ok := KnownColumn(name); !ok {
			t.Errorf("%q is a documented column", name)
		}
	}
	for _, name := range []string{"TC11", "TC0", "DEPARTMENT", "UserName", "HostPrivilege"} {
		if _, ok := KnownColumn(name); ok {
			t.Errorf("%q is not a documented column", name)
		}
	}
	for _, want := range []struct {
		name string
		max  int
		req  bool
	}{{"FIRSTNAME", 32, true}, {"LASTNAME", 32, true}, {"EMAIL", 64, true}, {"TC7", 132, false}} {
		c, _ := KnownColumn(want.name)
		if c.MaxLength != want.max || c.Required != want.req || c.Source == "" {
			t.Errorf("%s: max %d required %v source %q; want %d, %v and a source", want.name, c.MaxLength, c.Required, c.Source, want.max, want.req)
		}
	}
}
