package users

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

const header = "userId,firstName,lastName,phoneNumber,emailAddress,groupId,serviceProviderId,services\n"

func span(r hcl.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

func show(v source.Value) string {
	if !v.Present() {
		return "absent"
	}
	return fmt.Sprintf("%q@%s", v.Text, span(v.Range()))
}

// describe flattens users and problems into lines that show every
// position.
func describe(us []*User, probs []source.Problem) []string {
	var out []string
	for _, u := range us {
		line := fmt.Sprintf("user %s first %s last %s phone %s email %s group %s sp %s row %s",
			show(u.UserID), show(u.FirstName), show(u.LastName), show(u.PhoneNumber),
			show(u.EmailAddress), show(u.GroupID), show(u.ServiceProviderID), span(u.Range))
		for _, s := range u.Services {
			line += " service " + show(s)
		}
		out = append(out, line)
	}
	for _, p := range probs {
		out = append(out, fmt.Sprintf("%s %s: %s", span(p.Range), p.Severity, p.Message))
	}
	return out
}

func TestParseCSV(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{{
		name: "documented header",
		text: header + "alice@example.com,Alice,Smith,2025550101,alice@example.com,G1,SP1,Integrated IMP;Shared Call Appearance\n",
		want: []string{
			`user "alice@example.com"@2:1-2:18 first "Alice"@2:19-2:24 last "Smith"@2:25-2:30 phone "2025550101"@2:31-2:41 email "alice@example.com"@2:42-2:59 group "G1"@2:60-2:62 sp "SP1"@2:63-2:66 row 2:1-2:104 service "Integrated IMP"@2:67-2:81 service "Shared Call Appearance"@2:82-2:104`,
		},
	}, {
		// Spreadsheets add spaces after commas and title-case headers;
		// the OCI-P table headings ("User Id") fold to the same names.
		name: "header in another case, order and spacing; CRLF",
		text: " Email Address , User Id,FIRST NAME,lastname,Phone Number,Group Id,Service Provider Id, services \r\n" +
			" bob@example.com , bob@example.com,Bob,Jones,,G1,SP1, Integrated IMP ; ;\r\n\r\n",
		want: []string{
			`user "bob@example.com"@2:20-2:35 first "Bob"@2:36-2:39 last "Jones"@2:40-2:45 phone ""@2:46-2:46 email "bob@example.com"@2:2-2:17 group "G1"@2:47-2:49 sp "SP1"@2:50-2:53 row 2:1-2:73 service "Integrated IMP"@2:55-2:69`,
		},
	}, {
		name: "quoted fields keep commas, quotes and spaces",
		text: header + `"o'hara@example.com","Seán, Jr.","O""Hara",,"  padded@example.com ",G1,SP1,"Integrated IMP;Voice Messaging User"` + "\n",
		want: []string{
			`user "o'hara@example.com"@2:2-2:20 first "Seán, Jr."@2:23-2:32 last "O\"Hara"@2:35-2:42 phone ""@2:44-2:44 email "  padded@example.com "@2:46-2:67 group "G1"@2:69-2:71 sp "SP1"@2:72-2:75 row 2:1-2:113 service "Integrated IMP"@2:77-2:91 service "Voice Messaging User"@2:92-2:112`,
		},
	}, {
		name: "tab-separated",
		text: "userId\tfirstName\tlastName\tphoneNumber\temailAddress\tgroupId\tserviceProviderId\tservices\n" +
			"c@x\tC\tD\t1\tc@x\tG\tS\tIntegrated IMP\n",
		want: []string{
			`user "c@x"@2:1-2:4 first "C"@2:5-2:6 last "D"@2:7-2:8 phone "1"@2:9-2:10 email "c@x"@2:11-2:14 group "G"@2:15-2:16 sp "S"@2:17-2:18 row 2:1-2:33 service "Integrated IMP"@2:19-2:33`,
		},
	}, {
		name: "semicolon-separated, services quoted",
		text: "userId;emailAddress;services\nd@x;d@x;\"Integrated IMP;Call Waiting\"\n",
		want: []string{
			`user "d@x"@2:1-2:4 first absent last absent phone absent email "d@x"@2:5-2:8 group absent sp absent row 2:1-2:38 service "Integrated IMP"@2:10-2:24 service "Call Waiting"@2:25-2:37`,
			`1:1-1:29 warning: header lacks columns firstName, lastName, phoneNumber, groupId, serviceProviderId; checks that need them are not evaluated for these users`,
		},
	}, {
		name: "unknown and repeated columns",
		text: "userId,department,emailAddress,userid,firstName,lastName,phoneNumber,groupId,serviceProviderId,services\n" +
			"e@x,Sales,e@x,other,E,F,1,G,S,\n",
		want: []string{
			`user "e@x"@2:1-2:4 first "E"@2:21-2:22 last "F"@2:23-2:24 phone "1"@2:25-2:26 email "e@x"@2:11-2:14 group "G"@2:27-2:28 sp "S"@2:29-2:30 row 2:1-2:31`,
			`1:32-1:38 error: column "userId" appears twice in the header; the first one is read`,
			`1:1-1:104 warning: header has unknown column "department", not read; the columns read are userId, firstName, lastName, phoneNumber, emailAddress, groupId, serviceProviderId, services`,
		},
	}, {
		name: "bad rows are skipped, the rest read",
		text: header +
			"a@x,A,B,1,a@x,G,S\n" + // ragged
			",A,B,1,a@x,G,S,\n" + // no user id
			"b@x,\"open,B,1,b@x,G,S,\n" + // unterminated quote
			"c@x,\"C\"x,B,1,c@x,G,S,\n" + // text after closing quote
			"d@x,D,E,1,d@x,G,S,\n" +
			"D@X,D,E,1,d@x,G,S,\n", // same user, other case
		want: []string{
			`user "d@x"@6:1-6:4 first "D"@6:5-6:6 last "E"@6:7-6:8 phone "1"@6:9-6:10 email "d@x"@6:11-6:14 group "G"@6:15-6:16 sp "S"@6:17-6:18 row 6:1-6:19`,
			`2:1-2:18 error: row has 7 fields, header has 8; the row is not read`,
			`3:1-3:1 error: row has an empty userId; the row is not read`,
			`4:5-4:23 error: quoted field at column 5 has no closing quote on its line; the row is not read`,
			`5:8-5:9 error: unexpected character after the closing quote of the field at column 5; a quote inside a quoted field must be doubled; the row is not read`,
			`7:1-7:4 error: user "D@X" appears twice; first at line 6; this row is not read`,
		},
	}, {
		name: "no user id column",
		text: "email,name\nx@y,X\n",
		want: []string{
			`1:1-1:11 error: header has no userId column, so no user can be identified; want userId, firstName, lastName, phoneNumber, emailAddress, groupId, serviceProviderId, services`,
		},
	}, {
		name: "unterminated quote in the header",
		text: "\"userId,x\n",
		want: []string{
			`1:1-1:10 error: quoted field at column 1 has no closing quote on its line; the row is not read`,
		},
	}, {
		name: "empty file",
		text: "\n  \n",
		want: []string{
			`1:1-1:1 error: file holds no header line; want userId, firstName, lastName, phoneNumber, emailAddress, groupId, serviceProviderId, services`,
		},
	}, {
		name: "header only",
		text: header,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			us, probs := ParseCSV("users/u.csv", tt.text)
			checkInvariants(t, "users/u.csv", tt.text, us, probs)
			if diff := cmp.Diff(tt.want, describe(us, probs)); diff != "" {
				t.Errorf("ParseCSV (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseCSVFixtures reads files as an operator's tools save them: a
// UTF-16LE export with a byte-order mark and CRLF line ends, and a UTF-8
// one with a byte-order mark, through source.Decode as the loader does.
func TestParseCSVFixtures(t *testing.T) {
	for _, name := range []string{"testdata/utf16le-bom.csv", "testdata/utf8-bom.csv"} {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			text, _, probs, ok := source.Decode(name, raw)
			if !ok || len(probs) > 0 {
				t.Fatalf("decode: ok %v, problems %v", ok, probs)
			}
			us, probs := ParseCSV(name, text)
			checkInvariants(t, name, text, us, probs)
			if len(probs) > 0 {
				t.Fatalf("problems: %v", probs)
			}
			var got []string
			for _, u := range us {
				got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%v", u.UserID.Text, u.FirstName.Text, u.LastName.Text,
					u.PhoneNumber.Text, u.EmailAddress.Text, u.GroupID.Text, u.ServiceProviderID.Text, u.HasService(ServiceIntegratedIMP)))
			}
			want := []string{
				"jose@example.es|José|Muñoz|+34-915550101|jose@example.es|Madrid|Iberia|true",
				"zoe@example.com|Zoë|Ångström||zoe@example.com|Stockholm|Nordics|false",
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("users (-want +got):\n%s", diff)
			}
		})
	}
}

// checkInvariants checks that every value's range lies in the text, agrees
// with source.Index and holds the value's text (quoted fields with doubled
// quotes excepted), and that problems are positioned.
func checkInvariants(t *testing.T, path, text string, us []*User, probs []source.Problem) {
	t.Helper()
	ix := source.NewIndex(path, text)
	check := func(r hcl.Range) bool {
		if r.Filename != path || r.Start.Byte < 0 || r.Start.Byte > r.End.Byte || r.End.Byte > len(text) {
			t.Errorf("range %v lies outside %s of %d bytes", r, path, len(text))
			return false
		}
		if got := ix.Pos(r.Start.Byte); got != r.Start {
			t.Errorf("start %v, source.Index says %v", r.Start, got)
		}
		if got := ix.Pos(r.End.Byte); got != r.End {
			t.Errorf("end %v, source.Index says %v", r.End, got)
		}
		return true
	}
	for _, p := range probs {
		if p.Range.Start.Line == 0 {
			t.Errorf("problem without a position: %v", p)
			continue
		}
		check(p.Range)
	}
	for _, u := range us {
		check(u.Range)
		for _, v := range valuesIn(reflect.ValueOf(u)) {
			if !v.Present() || !check(v.Range()) {
				continue
			}
			raw := text[v.Range().Start.Byte:v.Range().End.Byte]
			if raw != v.Text && strings.ReplaceAll(raw, `""`, `"`) != v.Text {
				t.Errorf("value at %s: Text %q, source bytes %q", span(v.Range()), v.Text, raw)
			}
		}
	}
}

// valuesIn finds every source.Value reachable from v.
func valuesIn(v reflect.Value) []source.Value {
	if sv, ok := v.Interface().(source.Value); ok {
		return []source.Value{sv}
	}
	var out []source.Value
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			out = valuesIn(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			out = append(out, valuesIn(v.Field(i))...)
		}
	case reflect.Slice:
		for i := range v.Len() {
			out = append(out, valuesIn(v.Index(i))...)
		}
	}
	return out
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte(header + "a@x,A,B,1,a@x,G,S,Integrated IMP;X\r\n"))
	f.Add([]byte("User Id;Email Address;Services\n\"b@x\";\"b\"\"x\";\"Integrated IMP;Y\"\n"))
	f.Add([]byte("userId\tservices\n c@x \t\"open\n\"c\"x\t\n"))
	f.Add([]byte("\"userId\nx"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := string(raw)
		us, probs := ParseCSV("u.csv", text)
		checkInvariants(t, "u.csv", text, us, probs)
		seen := map[string]bool{}
		for _, u := range us {
			if u.UserID.Text == "" {
				t.Errorf("user without an id at %s", span(u.Range))
			}
			key := strings.ToLower(u.UserID.Text)
			if seen[key] {
				t.Errorf("user %q returned twice", u.UserID.Text)
			}
			seen[key] = true
		}
		if len(us) == 0 && len(probs) == 0 && strings.TrimSpace(text) == "" {
			t.Error("blank file without a problem")
		}
	})
}
