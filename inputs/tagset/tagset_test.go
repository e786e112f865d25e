package tagset

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

const header = "Tag Name\tTag Value\tIs Overridable\n"

func span(r hcl.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

func show(v source.Value) string {
	if !v.Present() {
		return "absent"
	}
	return fmt.Sprintf("%q@%s", v.Text, span(v.Range()))
}

// describe flattens a parse result into lines that show every position.
func describe(s *TagSet, probs []source.Problem) []string {
	if s == nil {
		out := []string{"no tag set"}
		for _, p := range probs {
			out = append(out, fmt.Sprintf("%s %s: %s", span(p.Range), p.Severity, p.Message))
		}
		return out
	}
	var hdr []string
	for _, h := range s.Header {
		hdr = append(hdr, show(h))
	}
	out := []string{"header " + strings.Join(hdr, " ")}
	for _, t := range s.Tags {
		line := fmt.Sprintf("tag %s = %s overridable %s row %s", show(t.Name), show(t.Value), show(t.Overridable), span(t.Range))
		if t.Encrypted.Present() {
			line += fmt.Sprintf(" encrypted %s secret=%v", show(t.Encrypted), t.Secret())
		}
		out = append(out, line)
	}
	for _, p := range probs {
		out = append(out, fmt.Sprintf("%s %s: %s", span(p.Range), p.Severity, p.Message))
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{{
		name: "tab-separated",
		text: header + "%SBC_ADDRESS_WXT%\tsbc.example.com\ttrue\n%WEB_CALL_SETTINGS_TARGET_WXT%\tcsw\tfalse\n",
		want: []string{
			`header "Tag Name"@1:1-1:9 "Tag Value"@1:10-1:19 "Is Overridable"@1:20-1:34`,
			`tag "%SBC_ADDRESS_WXT%"@2:1-2:18 = "sbc.example.com"@2:19-2:34 overridable "true"@2:35-2:39 row 2:1-2:39`,
			`tag "%WEB_CALL_SETTINGS_TARGET_WXT%"@3:1-3:31 = "csw"@3:32-3:35 overridable "false"@3:36-3:41 row 3:1-3:41`,
		},
	}, {
		name: "CRLF, trailing spaces and blank lines",
		text: "\r\nTag Name\tTag Value\tIs Overridable  \r\n\r\n%A%\t value \ttrue  \r\n \t\t\r\n",
		want: []string{
			`header "Tag Name"@2:1-2:9 "Tag Value"@2:10-2:19 "Is Overridable"@2:20-2:34`,
			`tag "%A%"@4:1-4:4 = " value "@4:5-4:12 overridable "true"@4:13-4:17 row 4:1-4:19`,
		},
	}, {
		// "Ü" is one code point in two bytes: the value starts 10 bytes
		// into its line, at column 10; counting bytes would say 11.
		name: "columns count code points",
		text: header + "%GRÜSSE%\thallo\ttrue\n",
		want: []string{
			`header "Tag Name"@1:1-1:9 "Tag Value"@1:10-1:19 "Is Overridable"@1:20-1:34`,
			`tag "%GRÜSSE%"@2:1-2:9 = "hallo"@2:10-2:15 overridable "true"@2:16-2:20 row 2:1-2:20`,
		},
	}, {
		name: "encrypted column",
		text: "Tag Name\tTag Value\tIs Overridable\tIs Encrypted\n%PWD%\ts3cr3t\tfalse\ttrue\n%HOST%\th\tfalse\tfalse\n%ODD%\tx\tfalse\tmaybe\n",
		want: []string{
			`header "Tag Name"@1:1-1:9 "Tag Value"@1:10-1:19 "Is Overridable"@1:20-1:34 "Is Encrypted"@1:35-1:47`,
			`tag "%PWD%"@2:1-2:6 = "s3cr3t"@2:7-2:13 overridable "false"@2:14-2:19 row 2:1-2:24 encrypted "true"@2:20-2:24 secret=true`,
			`tag "%HOST%"@3:1-3:7 = "h"@3:8-3:9 overridable "false"@3:10-3:15 row 3:1-3:21 encrypted "false"@3:16-3:21 secret=false`,
			`tag "%ODD%"@4:1-4:6 = "x"@4:7-4:8 overridable "false"@4:9-4:14 row 4:1-4:20 encrypted "maybe"@4:15-4:20 secret=true`,
			`4:15-4:20 warning: Is Encrypted of tag "%ODD%" is "(secret, not shown)"; want "true" or "false"; the value is treated as secret`,
		},
	}, {
		name: "comma-separated with quotes",
		text: "Tag Name,Tag Value,Is Overridable\n%A%,\"a,b \"\"c\"\"\",false\n\"%B%\", \"\" ,TRUE\n,,\n%C%,,true\n",
		want: []string{
			`header "Tag Name"@1:1-1:9 "Tag Value"@1:10-1:19 "Is Overridable"@1:20-1:34`,
			`tag "%A%"@2:1-2:4 = "a,b \"c\""@2:6-2:15 overridable "false"@2:17-2:22 row 2:1-2:22`,
			`tag "%B%"@3:2-3:5 = ""@3:9-3:9 overridable "TRUE"@3:12-3:16 row 3:1-3:16`,
			`tag "%C%"@5:1-5:4 = ""@5:5-5:5 overridable "true"@5:6-5:10 row 5:1-5:10`,
		},
	}, {
		name: "header in another order and case",
		text: " tag value \tTAG NAME\tis overridable\nv\t%A%\tfalse\n",
		want: []string{
			`header "tag value"@1:2-1:11 "TAG NAME"@1:13-1:21 "is overridable"@1:22-1:36`,
			`tag "%A%"@2:3-2:6 = "v"@2:1-2:2 overridable "false"@2:7-2:12 row 2:1-2:12`,
		},
	}, {
		name: "wrong header",
		text: "Name\tValue\tOverridable\n%A%\tv\ttrue\n",
		want: []string{
			`header "Name"@1:1-1:5 "Value"@1:6-1:11 "Overridable"@1:12-1:23`,
			`tag "%A%"@2:1-2:4 = "v"@2:5-2:6 overridable "true"@2:7-2:11 row 2:1-2:11`,
			`1:1-1:23 error: header is "Name", "Value", "Overridable": unknown columns "Name", "Value", "Overridable"; missing columns "Tag Name", "Tag Value", "Is Overridable"; want "Tag Name", "Tag Value", "Is Overridable" and optionally "Is Encrypted"`,
		},
	}, {
		name: "header lacks a column",
		text: "Tag Name\tValue\tIs Overridable\n",
		want: []string{
			`header "Tag Name"@1:1-1:9 "Value"@1:10-1:15 "Is Overridable"@1:16-1:30`,
			`1:1-1:30 error: header is "Tag Name", "Value", "Is Overridable": unknown column "Value"; missing column "Tag Value"; want "Tag Name", "Tag Value", "Is Overridable" and optionally "Is Encrypted"`,
		},
	}, {
		name: "extra and repeated header columns",
		text: "Tag Name\tTag Value\tIs Overridable\tTag Name\tComment\n%A%\tv\ttrue\t%B%\tnote\n",
		want: []string{
			`header "Tag Name"@1:1-1:9 "Tag Value"@1:10-1:19 "Is Overridable"@1:20-1:34 "Tag Name"@1:35-1:43 "Comment"@1:44-1:51`,
			`tag "%A%"@2:1-2:4 = "v"@2:5-2:6 overridable "true"@2:7-2:11 row 2:1-2:20`,
			`1:1-1:51 error: header is "Tag Name", "Tag Value", "Is Overridable", "Tag Name", "Comment": column "Tag Name" appears twice; unknown column "Comment"; want "Tag Name", "Tag Value", "Is Overridable" and optionally "Is Encrypted"`,
		},
	}, {
		name: "header left out",
		text: "%A%\tsecret value\ttrue\n%B%\tv\tfalse\n",
		want: []string{
			"header ",
			`tag "%A%"@1:1-1:4 = "secret value"@1:5-1:17 overridable "true"@1:18-1:22 row 1:1-1:22`,
			`tag "%B%"@2:1-2:4 = "v"@2:5-2:6 overridable "false"@2:7-2:12 row 2:1-2:12`,
			`1:1-1:22 error: first row is a tag, not the header; want "Tag Name", "Tag Value", "Is Overridable" and optionally "Is Encrypted"`,
		},
	}, {
		name: "bad rows",
		text: header +
			"%A%\tv\n" +
			"%B%\tv\tyes please\n" +
			"%C%\tv\ttrue\textra\n" +
			"%B%\tw\tfalse\n" +
			" \tv\ttrue\n" +
			"%D%\t\"unterminated\ttrue\n" +
			"%E%\t\"x\"y\ttrue\n" +
			"%F%\tok\tN\n",
		want: []string{
			`header "Tag Name"@1:1-1:9 "Tag Value"@1:10-1:19 "Is Overridable"@1:20-1:34`,
			`tag "%B%"@3:1-3:4 = "v"@3:5-3:6 overridable "yes please"@3:7-3:17 row 3:1-3:17`,
			`tag "%F%"@9:1-9:4 = "ok"@9:5-9:7 overridable "N"@9:8-9:9 row 9:1-9:9`,
			`2:1-2:6 error: row has 2 fields, header has 3`,
			`3:7-3:17 warning: Is Overridable of tag "%B%" is "yes please"; want "true" or "false"`,
			`4:1-4:17 error: row has 4 fields, header has 3`,
			`5:1-5:4 error: tag "%B%" is defined twice; first at line 3`,
			`6:2-6:2 error: row has an empty Tag Name`,
			`7:5-7:23 error: quoted field at column 5 has no closing quote on its line`,
			`8:8-8:9 error: unexpected character after the closing quote of the field at column 5; a quote inside a quoted field must be doubled`,
		},
	}, {
		name: "empty file",
		text: "\n  \n",
		want: []string{
			"no tag set",
			`1:1-1:1 error: file holds no header line; want "Tag Name", "Tag Value", "Is Overridable" and optionally "Is Encrypted", separated by tabs`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, probs := Parse("devicemgmt/tagsets/WXT.tsv", "WXT", tt.text)
			if set != nil && (set.Path != "devicemgmt/tagsets/WXT.tsv" || set.Name != "WXT") {
				t.Errorf("Parse set Path, Name = %q, %q", set.Path, set.Name)
			}
			if diff := cmp.Diff(tt.want, describe(set, probs)); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
			checkInvariants(t, "devicemgmt/tagsets/WXT.tsv", tt.text, set, probs)
		})
	}
}

func TestLookupAndSecrets(t *testing.T) {
	set, probs := Parse("t.tsv", "t", "Tag Name\tTag Value\tIs Overridable\tIs Encrypted\n%SBC%\tsbc.example.com\ttrue\tfalse\n%KEY%\tk3y\tfalse\ttrue\n%MASKED%\t********\tfalse\tfalse\n")
	if len(probs) != 0 {
		t.Fatalf("Parse problems: %v", probs)
	}
	type result struct {
		Found       bool
		Printable   string
		Overridable bool
	}
	var got []result
	for _, name := range []string{"%SBC%", "%sbc%", "%KEY%", "%MASKED%"} {
		tag, ok := set.Lookup(name)
		overridable, _ := tag.IsOverridable()
		got = append(got, result{ok, tag.PrintableValue(), overridable})
	}
	want := []result{{true, "sbc.example.com", true}, {false, "", false}, {true, "(encrypted)", false}, {true, "(encrypted)", false}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Lookup mismatch (-want +got):\n%s", diff)
	}
}

// TestMessagesHideSecrets makes sure no problem quotes a tag value, even
// when the header is missing or a row is malformed.
func TestMessagesHideSecrets(t *testing.T) {
	const secret = "hunter2"
	text := "%PWD%\t" + secret + "\ttrue\ttrue\n%X%\t\"" + secret + "\"oops\ttrue\ttrue\n%Y%\t" + secret + "\n%PWD%\t" + secret + "\tmaybe\tmaybe\n"
	_, probs := Parse("t.tsv", "t", text)
	if len(probs) < 4 {
		t.Errorf("Parse gave %d problems, want at least 4: %v", len(probs), probs)
	}
	for _, p := range probs {
		if strings.Contains(p.Message, secret) {
			t.Errorf("problem %q shows the secret value", p.Message)
		}
	}
}

// checkInvariants is the fuzz oracle: every value slices back to its text
// (quoted fields: to their content with "" undoubled) at the positions the
// index computes, and every problem range lies inside the text.
func tagsOf(set *TagSet) []Tag {
	if set == nil {
		return nil
	}
	return set.Tags
}

func checkInvariants(t *testing.T, path string, text string, set *TagSet, probs []source.Problem) {
	t.Helper()
	ix := source.NewIndex(path, text)
	checkRange := func(what string, r hcl.Range) bool {
		t.Helper()
		if r.Filename != path || r.Start.Byte < 0 || r.Start.Byte > r.End.Byte || r.End.Byte > len(text) {
			t.Errorf("%s range %+v lies outside the %d-byte text", what, r, len(text))
			return false
		}
		if r.Start != ix.Pos(r.Start.Byte) || r.End != ix.Pos(r.End.Byte) {
			t.Errorf("%s range %+v, want %+v-%+v", what, r, ix.Pos(r.Start.Byte), ix.Pos(r.End.Byte))
			return false
		}
		return true
	}
	var values []source.Value
	if set == nil {
		if !slices.ContainsFunc(probs, func(p source.Problem) bool { return p.Severity == source.Error }) {
			t.Errorf("no tag set and no error: %v", probs)
		}
	} else {
		values = append(values, set.Header...)
	}
	for _, tag := range tagsOf(set) {
		checkRange("row", tag.Range)
		values = append(values, tag.Name, tag.Value, tag.Overridable, tag.Encrypted)
	}
	for _, v := range values {
		if !v.Present() || !checkRange("value", v.Range()) {
			continue
		}
		raw := string(text[v.Range().Start.Byte:v.Range().End.Byte])
		// No unquoted field starts right after a quote: a field that
		// begins with one is a quoted field.
		quoted := v.Range().Start.Byte > 0 && text[v.Range().Start.Byte-1] == '"'
		if quoted {
			raw = strings.ReplaceAll(raw, `""`, `"`)
		}
		if raw != v.Text {
			t.Errorf("value %q (quoted %v) has range %s holding %q", v.Text, quoted, span(v.Range()), raw)
		}
	}
	for _, p := range probs {
		checkRange("problem", p.Range)
		if p.Message == "" {
			t.Errorf("problem at %s has no message", span(p.Range))
		}
	}
}
