package showver

import (
	"fmt"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// asOutput is bwshowver on an Application Server, as printed in Cisco's
// "Configure New Administrator Users in BroadWorks".
const asOutput = `AS version Rel_24.0_1.944

Built  Sat Jun  6 00:26:50 EDT 2020
- BASE revision 909962
- AS revision 909962

Patching Info:
  Active Patches: 701
`

// adpOutput is bwshowver on an ADP, as printed in Cisco's "BroadWorks
// Servers R25 Upgrade Method Of Procedure".
const adpOutput = `ADP version Rel_2022.11_1.273

Applications Info:
- Xsi-Actions version 2022.11_1.273 context path /com.broadsoft.xsi-actions
- Xsi-Events version 2022.11_1.273 context path /com.broadsoft.xsi-events
- BroadworksDms version 2022.11_1.273 context path /dms
- AuthenticationService version 2022.11_1.273 context path /authservice
`

func span(r hcl.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

func show(name string, v source.Value) string {
	if !v.Present() {
		return name + " absent"
	}
	return fmt.Sprintf("%s %q %s", name, v.Text, span(v.Range()))
}

// describe flattens a parse result into lines that show every position.
func describe(sv *ShowVer, probs []source.Problem) []string {
	out := []string{show("server", sv.Server), show("release", sv.Release), show("built", sv.Built), show("patches", sv.ActivePatches)}
	for _, a := range sv.Applications {
		out = append(out, fmt.Sprintf("app %s %s %s line %s", show("name", a.Name), show("version", a.Version), show("path", a.ContextPath), span(a.Range)))
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
		name: "application server",
		text: asOutput,
		want: []string{
			`server "AS" 1:1-1:3`,
			`release "24.0_1.944" 1:16-1:26`,
			`built "Sat Jun  6 00:26:50 EDT 2020" 3:8-3:36`,
			`patches "701" 8:19-8:22`,
		},
	}, {
		name: "ADP with applications",
		text: adpOutput,
		want: []string{
			`server "ADP" 1:1-1:4`,
			`release "2022.11_1.273" 1:17-1:30`,
			"built absent",
			"patches absent",
			`app name "Xsi-Actions" 4:3-4:14 version "2022.11_1.273" 4:23-4:36 path "/com.broadsoft.xsi-actions" 4:50-4:76 line 4:1-4:76`,
			`app name "Xsi-Events" 5:3-5:13 version "2022.11_1.273" 5:22-5:35 path "/com.broadsoft.xsi-events" 5:49-5:74 line 5:1-5:74`,
			`app name "BroadworksDms" 6:3-6:16 version "2022.11_1.273" 6:25-6:38 path "/dms" 6:52-6:56 line 6:1-6:56`,
			`app name "AuthenticationService" 7:3-7:24 version "2022.11_1.273" 7:33-7:46 path "/authservice" 7:60-7:72 line 7:1-7:72`,
		},
	}, {
		// Operators often capture the shell line with the output.
		name: "shell line first",
		text: "bwadmin@as1.example.net$ bwshowver\nAS version Rel_24.0_1.944\n",
		want: []string{
			`server "AS" 2:1-2:3`,
			`release "24.0_1.944" 2:16-2:26`,
			"built absent",
			"patches absent",
		},
	}, {
		name: "CRLF and trailing spaces",
		text: "XSP version Rel_24.0_1.944  \r\n\r\nBuilt  Sat Jun  6 00:26:50 EDT 2020 \r\n- AuthenticationService version 24.0_1.944 context path /authService\r\n",
		want: []string{
			`server "XSP" 1:1-1:4`,
			`release "24.0_1.944" 1:17-1:27`,
			`built "Sat Jun  6 00:26:50 EDT 2020" 3:8-3:36`,
			"patches absent",
			`app name "AuthenticationService" 4:3-4:24 version "24.0_1.944" 4:33-4:43 path "/authService" 4:57-4:69 line 4:1-4:69`,
		},
	}, {
		// "Ü" is one code point in two bytes: the path starts 43 bytes
		// into its line, at column 43; counting bytes would say 44.
		name: "columns count code points",
		text: "XSP version Rel_24.0_1.944\n- ÜberApp version 24.0_1.944 context path /über\n",
		want: []string{
			`server "XSP" 1:1-1:4`,
			`release "24.0_1.944" 1:17-1:27`,
			"built absent",
			"patches absent",
			`app name "ÜberApp" 2:3-2:10 version "24.0_1.944" 2:19-2:29 path "/über" 2:43-2:48 line 2:1-2:48`,
		},
	}, {
		name: "unrecognised lines are warnings",
		text: "AS version Rel_24.0_1.944\nLicense: expires 2030\n  Active Patches: many\n- Broken version 1.0 context /x\nsomething else entirely, a long line of text that goes on\n",
		want: []string{
			`server "AS" 1:1-1:3`,
			`release "24.0_1.944" 1:16-1:26`,
			"built absent",
			`patches "many" 3:19-3:23`,
			`2:1-2:22 warning: line not recognised in bwshowver output: "License: expires 2030"`,
			`3:19-3:23 warning: Active Patches is "many"; want a number`,
			`4:1-4:32 warning: application line "- Broken version 1.0 context /x" does not end in "context path <path>"`,
			`5:1-5:58 warning: line not recognised in bwshowver output: "something else entirely, a long line of ..."`,
		},
	}, {
		name: "odd release and repeated lines",
		text: "MS version Rel_trunk extra\nBuilt\nBuilt Mon\nBuilt Tue\nActive Patches: 1\nActive Patches: 2\nAS version Rel_24.0\n",
		want: []string{
			`server "MS" 1:1-1:3`,
			`release "trunk" 1:16-1:21`,
			`built "Mon" 3:7-3:10`,
			`patches "1" 5:17-5:18`,
			`1:16-1:21 warning: release "trunk" is not a BroadWorks release such as "24.0_1.944" or "2022.11_1.273"`,
			`1:22-1:27 warning: unexpected "extra" after the release`,
			`2:1-2:6 warning: "Built" line has no date`,
			`4:1-4:10 warning: second "Built" line; the first is at line 3`,
			`6:1-6:18 warning: second "Active Patches" line; the first is at line 5`,
			`7:1-7:20 warning: second version line; the first is at line 1`,
		},
	}, {
		// Any other command before the output is not the capture asked for.
		name: "other shell command before the output",
		text: "[bwadmin@as1 ~]$ cat notes\nAS version Rel_24.0_1.944\n",
		want: []string{
			`server "AS" 2:1-2:3`,
			`release "24.0_1.944" 2:16-2:26`,
			"built absent",
			"patches absent",
			`1:1-1:27 error: first line "[bwadmin@as1 ~]$ cat notes" is not "<SERVER> version Rel_<release>"`,
		},
	}, {
		name: "blank file",
		text: " \r\n\n",
		want: []string{
			"server absent", "release absent", "built absent", "patches absent",
			`1:1-1:1 error: file holds no text; want bwshowver output starting with "<SERVER> version Rel_<release>"`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sv, probs := Parse("servers/as1/bwshowver.txt", tt.text)
			if diff := cmp.Diff(tt.want, describe(sv, probs)); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
			checkInvariants(t, "servers/as1/bwshowver.txt", tt.text, sv, probs)
		})
	}
}

func TestLooks(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{asOutput, true},
		{adpOutput, true},
		{"\r\n  \nNFM version Rel_2023.03_1.411\r\n", true},
		{"DBS version Rel_x", true},
		{"", false},
		{"\n\n", false},
		{"as version Rel_24.0", false},
		{"AS version 24.0", false},
		{"AS version Rel_", false},
		{"AS_CLI> help\nAS version Rel_24.0\n", false},
		{"Version Rel_24.0", false},
		{"bwadmin@as1.example.net$ bwshowver\r\nAS version Rel_24.0_1.944\n", true},
		{"[bwadmin@as1 ~]# bwshowver\nAS version Rel_24.0_1.944\n", true},
		{"bwadmin@as1$ bwcli\nAS version Rel_24.0_1.944\n", false},
	}
	for _, tt := range tests {
		if got := Looks(tt.text); got != tt.want {
			t.Errorf("Looks(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestParseRelease(t *testing.T) {
	type result struct {
		Release Release
		OK      bool
	}
	tests := []struct {
		in   string
		want result
	}{
		{"Rel_24.0_1.944", result{Release{Major: "24.0"}, true}},
		{"24.0_1.944", result{Release{Major: "24.0"}, true}},
		{"24.0", result{Release{Major: "24.0"}, true}},
		{"22.0", result{Release{Major: "22.0"}, true}},
		{"23", result{Release{Major: "23.0"}, true}},
		{"R24", result{Release{Major: "24.0"}, true}},
		{"R21SP1", result{Release{Major: "21.sp1"}, true}},
		{"21.sp1_1.551", result{Release{Major: "21.sp1"}, true}},
		{"Rel_21.sp1_1.551", result{Release{Major: "21.sp1"}, true}},
		{"2023.03_1.411", result{Release{Major: "2023.03", Independent: true}, true}},
		{"Rel_2022.11_1.273", result{Release{Major: "2022.11", Independent: true}, true}},
		{"", result{}},
		{"Rel_", result{}},
		{"R", result{}},
		{"trunk", result{}},
		{"2022", result{}},
		{"2022.sp1", result{}},
		{"123.0", result{}},
		{"24.", result{}},
		{"24.x", result{}},
		{"24.0_", result{}},
		{"24.0_1", result{}},
		{"24.0_1.", result{}},
		{"24.0_1.944 ", result{}},
		{"24.0.1", result{}},
		{"21.sp", result{}},
	}
	for _, tt := range tests {
		r, ok := ParseRelease(tt.in)
		if diff := cmp.Diff(tt.want, result{r, ok}); diff != "" {
			t.Errorf("ParseRelease(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

// checkInvariants is the fuzz oracle: every value slices back to its text
// at the positions the index computes, and every problem range lies inside
// the text.
func checkInvariants(t *testing.T, path string, text string, sv *ShowVer, probs []source.Problem) {
	t.Helper()
	if sv == nil {
		t.Fatal("Parse returned a nil ShowVer")
	}
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
	values := []source.Value{sv.Server, sv.Release, sv.Built, sv.ActivePatches}
	for _, a := range sv.Applications {
		checkRange("application line", a.Range)
		values = append(values, a.Name, a.Version, a.ContextPath)
	}
	for _, v := range values {
		if !v.Present() {
			continue
		}
		if checkRange("value", v.Range()) {
			// The value is what a terminal showed of its bytes.
			if raw := string(text[v.Range().Start.Byte:v.Range().End.Byte]); raw != v.Text && shownText(raw) != v.Text {
				t.Errorf("value %q has range %s holding %q", v.Text, span(v.Range()), raw)
			}
		}
	}
	for _, p := range probs {
		checkRange("problem", p.Range)
		if p.Message == "" {
			t.Errorf("problem at %s has no message", span(p.Range))
		}
	}
}

func shownText(raw string) string {
	l, _ := source.NewLines(raw).Next()
	return l.Text
}
