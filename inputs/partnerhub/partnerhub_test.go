package partnerhub

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// problemLine renders a problem with its whole range so a table states
// position and message in one string.
func problemLine(p source.Problem) string {
	return fmt.Sprintf("%d:%d-%d:%d %s: %s", p.Range.Start.Line, p.Range.Start.Column,
		p.Range.End.Line, p.Range.End.Column, p.Severity, p.Message)
}

func problemLines(ps []source.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, problemLine(p))
	}
	return out
}

// memberValue returns the expected Value of member key in a test file that
// uses no escapes: a string's content between its quotes, or a literal.
func memberValue(t *testing.T, path, text, key string) source.Value {
	t.Helper()
	i := strings.Index(text, fmt.Sprintf("%q:", key))
	if i < 0 {
		t.Fatalf("test file has no member %q", key)
	}
	i += len(key) + 3
	for text[i] == ' ' {
		i++
	}
	ix := source.NewIndex(path, text)
	if text[i] == '"' {
		end := i + 1 + strings.IndexByte(text[i+1:], '"')
		return ix.Value(i+1, end)
	}
	end := i + strings.IndexAny(text[i:], ",}\r\n")
	return ix.Value(i, end)
}

// quotedValues returns the expected Values of the given string contents,
// each found after the previous one.
func quotedValues(path, text string, contents ...string) []source.Value {
	ix := source.NewIndex(path, text)
	var out []source.Value
	from := 0
	for _, c := range contents {
		i := from + strings.Index(text[from:], `"`+c+`"`) + 1
		out = append(out, ix.Value(i, i+len(c)))
		from = i + len(c)
	}
	return out
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseTemplateGood(t *testing.T) {
	const path = "partnerhub/templates/gold.json"
	text := readTestdata(t, "template_good.json")
	got, probs := ParseTemplate(path, text)
	if len(probs) != 0 {
		t.Fatalf("unexpected problems: %v", problemLines(probs))
	}
	ix := source.NewIndex(path, text)
	v := func(key string) source.Value { return memberValue(t, path, text, key) }
	want := &Template{
		Path:                       path,
		Range:                      ix.Range(0, strings.LastIndexByte(text, '}')+1),
		Name:                       v("name"),
		Cluster:                    v("cluster"),
		ProvisioningURL:            v("provisioningUrl"),
		ProvisioningAccountName:    v("provisioningAccountName"),
		ProvisioningPasswordSHA256: v("provisioningPasswordSha256"),
		AuthenticationMode:         v("authenticationMode"),
		EnterpriseMode:             v("enterpriseMode"),
		AutoCreateOrgs:             v("autoCreateOrgs"),
		EmailTrust:                 v("emailTrust"),
		Package:                    v("package"),
		Enterprises:                quotedValues(path, text, "ent-001", "sp-acme"),
		Default:                    v("default"),
	}
	keys := []string{"name", "cluster", "provisioningUrl", "provisioningAccountName", "provisioningPasswordSha256",
		"authenticationMode", "enterpriseMode", "autoCreateOrgs", "emailTrust", "package", "enterprises", "default", "region", "extras"}
	kinds := []string{"string", "string", "string", "string", "string", "string", "boolean", "boolean", "string", "string", "array", "boolean", "string", "object"}
	for i, k := range keys {
		key := quotedValues(path, text, k)[0]
		var val source.Value
		switch k {
		case "enterprises":
			s := strings.Index(text, `["ent`)
			val = ix.Value(s, s+strings.IndexByte(text[s:], ']')+1)
		case "extras":
			s := strings.Index(text, `{"a"`)
			val = ix.Value(s, s+strings.Index(text[s:], "]}")+2)
		default:
			val = v(k)
		}
		want.Fields = append(want.Fields, Field{Key: key, Value: val, Kind: kinds[i]})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("template (-want +got):\n%s", diff)
	}
	if !got.IsDefault() {
		t.Error("IsDefault() = false, want true")
	}
	if got.PackageName() != PackagePremium {
		t.Errorf("PackageName() = %q, want %q", got.PackageName(), PackagePremium)
	}
	if on, ok := Bool(got.EnterpriseMode); !on || !ok {
		t.Errorf("Bool(EnterpriseMode) = %v, %v; want true, true", on, ok)
	}
	if f, ok := got.Field("region"); !ok || f.Value.Text != "EU" {
		t.Errorf(`Field("region") = %+v, %v`, f, ok)
	}
}

func TestParseClusterGood(t *testing.T) {
	const path = "partnerhub/clusters/east.json"
	text := readTestdata(t, "cluster_good.json")
	got, probs := ParseCluster(path, text)
	if len(probs) != 0 {
		t.Fatalf("unexpected problems: %v", problemLines(probs))
	}
	ix := source.NewIndex(path, text)
	v := func(key string) source.Value { return memberValue(t, path, text, key) }
	want := &Cluster{
		Path:               path,
		Range:              ix.Range(0, strings.LastIndexByte(text, '}')+1),
		Name:               v("name"),
		AuthServiceURL:     v("authServiceUrl"),
		XsiActionsURL:      v("xsiActionsUrl"),
		XsiEventsURL:       v("xsiEventsUrl"),
		CTIURL:             v("ctiUrl"),
		ApplicationServers: quotedValues(path, text, "as1.example.net", "as2.example.net"),
		XSPs:               quotedValues(path, text, "xsps", "xsp1.example.net")[1:],
	}
	if diff := cmp.Diff(want, got, cmp.FilterPath(func(p cmp.Path) bool { return p.String() == "Fields" }, cmp.Ignore())); diff != "" {
		t.Errorf("cluster (-want +got):\n%s", diff)
	}
	var kinds []string
	for _, f := range got.Fields {
		kinds = append(kinds, f.Key.Text+":"+f.Kind)
	}
	wantKinds := []string{"name:string", "authServiceUrl:string", "xsiActionsUrl:string", "xsiEventsUrl:string",
		"ctiUrl:string", "applicationServers:array", "xsps:array", "note:null"}
	if diff := cmp.Diff(wantKinds, kinds); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	if f, ok := got.Field("note"); !ok || f.Value.Text != "null" {
		t.Errorf(`Field("note") = %+v, %v`, f, ok)
	}
}

// baseTemplate is a minimal valid template with one member per line and no
// indentation, so a case can swap one line and state columns plainly.
var baseTemplate = []string{
	`{`,
	`"name": "n",`,
	`"cluster": "c",`,
	`"provisioningUrl": "https://p",`,
	`"provisioningAccountName": "a",`,
	`"authenticationMode": "webex",`,
	`"enterpriseMode": false,`,
	`"autoCreateOrgs": true,`,
	`"emailTrust": "trusted",`,
	`"package": "basic"`,
	`}`,
}

// templateWith returns baseTemplate with the line starting with each
// prefix (a quoted key) replaced; an empty replacement drops the line.
func templateWith(replace map[string]string) string {
	var lines []string
	for _, l := range baseTemplate {
		for prefix, r := range replace {
			if strings.HasPrefix(l, prefix) {
				l = r
			}
		}
		if l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func TestParseTemplateProblems(t *testing.T) {
	tests := []struct {
		name    string
		replace map[string]string
		want    []string
	}{
		{"valid", nil, nil},
		{"missing cluster", map[string]string{`"cluster"`: ""},
			[]string{`1:1-1:2 error: template is missing required field "cluster"`}},
		{"key in wrong case", map[string]string{`"cluster"`: `"Cluster": "c",`},
			[]string{`1:1-1:2 error: template is missing required field "cluster" (found "Cluster"; field names are case-sensitive)`}},
		{"bool as string", map[string]string{`"enterpriseMode"`: `"enterpriseMode": "yes",`},
			[]string{`7:19-7:24 error: "enterpriseMode" must be true or false, found "yes"`}},
		{"bool as number", map[string]string{`"autoCreateOrgs"`: `"autoCreateOrgs": 1,`},
			[]string{`8:19-8:20 error: "autoCreateOrgs" must be true or false, found 1`}},
		{"name not a string", map[string]string{`"name"`: `"name": ["n"],`},
			[]string{`2:9-2:14 error: "name" must be a string, found an array`}},
		{"required null", map[string]string{`"cluster"`: `"cluster": null,`},
			[]string{`3:12-3:16 error: "cluster" must be a string, found null`}},
		{"empty name", map[string]string{`"name"`: `"name": "  ",`},
			[]string{`2:9-2:13 error: "name" must not be empty`}},
		{"unknown auth mode", map[string]string{`"authenticationMode"`: `"authenticationMode": "saml",`},
			[]string{`6:23-6:29 error: "authenticationMode" must be one of broadworks, webex, partner_saml or partner_oidc, found "saml"`}},
		{"auth mode in wrong case", map[string]string{`"authenticationMode"`: `"authenticationMode": "Webex",`},
			[]string{`6:23-6:30 error: "authenticationMode" must be one of broadworks, webex, partner_saml or partner_oidc (values are case-sensitive), found "Webex"`}},
		{"email trust", map[string]string{`"emailTrust"`: `"emailTrust": "maybe",`},
			[]string{`9:15-9:22 error: "emailTrust" must be trusted or untrusted, found "maybe"`}},
		{"package any case", map[string]string{`"package"`: `"package": "SoftPhone"`}, nil},
		{"unknown package", map[string]string{`"package"`: `"package": "gold"`},
			[]string{`10:12-10:18 error: "package" must be one of basic, standard, premium or softphone, found "gold"`}},
		{"short digest", map[string]string{`"name"`: `"name": "n", "provisioningPasswordSha256": "abc",`},
			[]string{`2:44-2:49 error: "provisioningPasswordSha256" must be a SHA-256 digest written as 64 hexadecimal characters, found 3 characters`}},
		{"digest not hex", map[string]string{`"name"`: `"name": "n", "provisioningPasswordSha256": "` + strings.Repeat("a", 10) + "x" + strings.Repeat("b", 53) + `",`},
			[]string{`2:44-2:110 error: "provisioningPasswordSha256" must be a SHA-256 digest written as 64 hexadecimal characters, found a non-hexadecimal character at character 11`}},
		{"masked digest", map[string]string{`"name"`: `"name": "n", "provisioningPasswordSha256": "********",`}, nil},
		{"null optional", map[string]string{`"name"`: `"name": "n", "provisioningPasswordSha256": null, "default": null, "enterprises": null,`}, nil},
		{"enterprises not array", map[string]string{`"name"`: `"name": "n", "enterprises": "e1",`},
			[]string{`2:29-2:33 error: "enterprises" must be an array of strings, found "e1"`}},
		{"enterprise entries", map[string]string{`"name"`: `"name": "n", "enterprises": ["e1", 7, "", "e1", "E1"],`},
			[]string{
				`2:36-2:37 error: "enterprises" must hold only strings, found 7`,
				`2:39-2:41 error: "enterprises" must not hold an empty enterprise`,
				`2:43-2:47 warning: "enterprises" lists enterprise "e1" twice; first at line 2, column 30`,
			}},
		{"default not bool", map[string]string{`"name"`: `"name": "n", "default": "true",`},
			[]string{`2:25-2:31 error: "default" must be true or false, found "true"`}},
		{"duplicate key", map[string]string{`"name"`: `"name": "n", "name": "m",`},
			[]string{`2:14-2:20 error: key "name" appears twice; first at line 2, column 1`}},
		{"unknown fields are fine", map[string]string{`"name"`: `"name": "n", "whatever": {"x": [true]}, "n": 1,`}, nil},
		// Without flowThroughProvisioning the account name is required, as
		// it always was; with it, whether one is needed is a check's call.
		{"missing account name", map[string]string{`"provisioningAccountName"`: ""},
			[]string{`1:1-1:2 error: template is missing required field "provisioningAccountName"`}},
		{"flow-through on, no account name", map[string]string{`"provisioningAccountName"`: `"flowThroughProvisioning": true,`}, nil},
		{"flow-through off, empty account name", map[string]string{`"provisioningAccountName"`: `"flowThroughProvisioning": false, "provisioningAccountName": "",`}, nil},
		{"flow-through not a bool", map[string]string{`"provisioningAccountName"`: `"flowThroughProvisioning": "on",`},
			[]string{
				`1:1-1:2 error: template is missing required field "provisioningAccountName"`,
				`5:28-5:32 error: "flowThroughProvisioning" must be true or false, found "on"`,
			}},
		{"authentication settings", map[string]string{`"name"`: `"name": "n", "prefillEmail": false, "idpEntityId": "https://idp.example/saml", "idpName": null,`}, nil},
		{"prefill not a bool", map[string]string{`"name"`: `"name": "n", "prefillEmail": "yes",`},
			[]string{`2:30-2:35 error: "prefillEmail" must be true or false, found "yes"`}},
		{"idp entity id not a string", map[string]string{`"name"`: `"name": "n", "idpEntityId": 4,`},
			[]string{`2:29-2:30 error: "idpEntityId" must be a string, found 4`}},
		{"customer orgs", map[string]string{`"name"`: `"name": "n", "customerOrgs": ["acme", "Acme", 3],`},
			[]string{
				`2:39-2:45 warning: "customerOrgs" lists organisation "Acme" twice; first at line 2, column 31`,
				`2:47-2:48 error: "customerOrgs" must hold only strings, found 3`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := templateWith(tt.replace)
			tmpl, probs := ParseTemplate("t.json", text)
			if tmpl == nil {
				t.Fatal("ParseTemplate returned nil for an object")
			}
			if diff := cmp.Diff(tt.want, problemLines(probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s\ninput:\n%s", diff, text)
			}
			checkPositions(t, "t.json", text, tmpl, probs)
		})
	}
}

func TestParseTemplateKeepsTheRest(t *testing.T) {
	text := templateWith(map[string]string{`"enterpriseMode"`: `"enterpriseMode": "yes",`, `"cluster"`: ""})
	tmpl, probs := ParseTemplate("t.json", text)
	if len(probs) != 2 {
		t.Errorf("want 2 problems, got %v", problemLines(probs))
	}
	if tmpl.EnterpriseMode.Present() || tmpl.Cluster.Present() {
		t.Error("a field of the wrong type or a missing field must be absent")
	}
	if tmpl.Name.Text != "n" || tmpl.Package.Text != "basic" {
		t.Errorf("other fields lost: name %q, package %q", tmpl.Name.Text, tmpl.Package.Text)
	}
}

func TestParseTemplateNotAnObject(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{`["a"]`, `1:1-1:6 error: a Partner Hub template must be a JSON object, found an array`},
		{`"x"`, `1:1-1:4 error: a Partner Hub template must be a JSON object, found "x"`},
		{"\n 12", `2:2-2:4 error: a Partner Hub template must be a JSON object, found 12`},
		{`{"name": }`, `1:10-1:11 error: invalid JSON: expected a value after ':', found '}'`},
		{``, `1:1-1:1 error: invalid JSON: expected a JSON value, found end of input`},
	}
	for _, tt := range tests {
		tmpl, probs := ParseTemplate("t.json", tt.in)
		if tmpl != nil {
			t.Errorf("%q: want nil template", tt.in)
		}
		if diff := cmp.Diff([]string{tt.want}, problemLines(probs)); diff != "" {
			t.Errorf("%q: problems (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseTemplateCRLFAndUnicode(t *testing.T) {
	// "Zürich Ä" puts two-byte characters before later values on the line:
	// columns count code points, bytes do not.
	text := strings.ReplaceAll(templateWith(map[string]string{
		`"name"`:           `"name": "Zürich Ä", "x": "é", "enterprises": ["über"],`,
		`"enterpriseMode"`: `"enterpriseMode": "nö",`,
	}), "\n", "\r\n")
	tmpl, probs := ParseTemplate("t.json", text)
	want := []string{`7:19-7:23 error: "enterpriseMode" must be true or false, found "nö"`}
	if diff := cmp.Diff(want, problemLines(probs)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	wantEnt := hcl.Range{Filename: "t.json",
		Start: hcl.Pos{Line: 2, Column: 48, Byte: 3 + 50},
		End:   hcl.Pos{Line: 2, Column: 52, Byte: 3 + 55}}
	if diff := cmp.Diff([]source.Value{{Text: "über", Loc: source.LocOf(wantEnt)}}, tmpl.Enterprises); diff != "" {
		t.Errorf("enterprises (-want +got):\n%s", diff)
	}
	if tmpl.Name.Text != "Zürich Ä" || tmpl.Name.Range().End.Column != 18 {
		t.Errorf("name = %q ending at column %d, want \"Zürich Ä\" ending at column 18", tmpl.Name.Text, tmpl.Name.Range().End.Column)
	}
	if tmpl.AutoCreateOrgs.Range().Start != (hcl.Pos{Line: 8, Column: 19, Byte: strings.Index(text, "true,")}) {
		t.Errorf("autoCreateOrgs starts at %v", tmpl.AutoCreateOrgs.Range().Start)
	}
	checkPositions(t, "t.json", text, tmpl, probs)
}

func TestParseTemplateEscapes(t *testing.T) {
	text := templateWith(map[string]string{
		`"name"`:    `"name": "Caf\u00e9 \"Nord\"\\1",`,
		`"cluster"`: `"clus\u0074er": "c\/1",`,
	})
	tmpl, probs := ParseTemplate("t.json", text)
	if len(probs) != 0 {
		t.Fatalf("unexpected problems: %v", problemLines(probs))
	}
	ix := source.NewIndex("t.json", text)
	nameStart := strings.Index(text, `Caf`)
	want := source.Value{Text: `Café "Nord"\1`, Loc: source.LocOf(ix.Range(nameStart, nameStart+len(`Caf\u00e9 \"Nord\"\\1`)))}
	if diff := cmp.Diff(want, tmpl.Name); diff != "" {
		t.Errorf("name (-want +got):\n%s", diff)
	}
	if tmpl.Cluster.Text != "c/1" {
		t.Errorf("cluster = %q, want %q (key written with an escape)", tmpl.Cluster.Text, "c/1")
	}
	checkPositions(t, "t.json", text, tmpl, probs)
}

func TestParseClusterProblems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"missing urls", `{"name": "c", "xsiEventsUrl": "https://e"}`, []string{
			`1:1-1:2 error: cluster is missing required field "authServiceUrl"`,
			`1:1-1:2 error: cluster is missing required field "xsiActionsUrl"`,
		}},
		{"duplicate hosts", "{\"name\": \"c\", \"authServiceUrl\": \"a\", \"xsiActionsUrl\": \"x\", \"xsiEventsUrl\": \"e\",\n" +
			"\"xsps\": [\"xsp1.example.net\", \"xsp2.example.net\",\n\"XSP1.example.net.\"],\n" +
			"\"applicationServers\": [\"as1\", \"as1\"]}", []string{
			`3:1-3:20 warning: "xsps" lists host "XSP1.example.net." twice; first at line 2`,
			`4:31-4:36 warning: "applicationServers" lists host "as1" twice; first at line 4, column 24`,
		}},
		{"cti wrong type", `{"name": "c", "authServiceUrl": "a", "xsiActionsUrl": "x", "xsiEventsUrl": "e", "ctiUrl": 5}`, []string{
			`1:91-1:92 error: "ctiUrl" must be a string, found 5`,
		}},
		{"not an object", `[]`, []string{`1:1-1:3 error: a Partner Hub cluster must be a JSON object, found an array`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, probs := ParseCluster("c.json", tt.in)
			if diff := cmp.Diff(tt.want, problemLines(probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if c != nil {
				checkPositions(t, "c.json", tt.in, c, probs)
			}
		})
	}
}

func TestBool(t *testing.T) {
	r := hcl.Range{Filename: "f"}
	tests := []struct {
		v         source.Value
		value, ok bool
	}{
		{source.Value{Text: "true", Loc: source.LocOf(r)}, true, true},
		{source.Value{Text: "false", Loc: source.LocOf(r)}, false, true},
		{source.Value{Text: "yes", Loc: source.LocOf(r)}, false, false},
		{source.Value{Text: "true"}, true, false}, // absent: no range
		{source.Value{}, false, false},
	}
	for _, tt := range tests {
		if value, ok := Bool(tt.v); value != tt.value || ok != tt.ok {
			t.Errorf("Bool(%+v) = %v, %v; want %v, %v", tt.v, value, ok, tt.value, tt.ok)
		}
	}
}

// checkPositions is the oracle shared by tests and fuzz targets: every
// Value in result (a *Template or *Cluster) and every problem lies inside
// text with positions that agree with source.Index, and every Value whose
// bytes hold no escape has exactly those bytes as Text.
func checkPositions(t *testing.T, path string, text string, result any, probs []source.Problem) {
	t.Helper()
	ix := source.NewIndex(path, text)
	for _, p := range probs {
		checkRange(t, ix, text, p.Range)
	}
	for _, v := range valuesIn(reflect.ValueOf(result)) {
		if !v.Present() {
			continue
		}
		if !checkRange(t, ix, text, v.Range()) {
			continue
		}
		raw := string(text[v.Range().Start.Byte:v.Range().End.Byte])
		if !strings.Contains(raw, `\`) && raw != v.Text {
			t.Errorf("value at %v: Text %q, source bytes %q", v.Range(), v.Text, raw)
		}
	}
}

func checkRange(t *testing.T, ix *source.Index, text string, r hcl.Range) bool {
	t.Helper()
	if r.Start.Byte < 0 || r.Start.Byte > r.End.Byte || r.End.Byte > len(text) {
		t.Errorf("range %v lies outside the text of %d bytes", r, len(text))
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

// valuesIn finds every source.Value reachable from v through pointers,
// structs and slices, so the oracle covers fields added later too.
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

func FuzzParseTemplate(f *testing.F) {
	f.Add([]byte(templateWith(nil)))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := string(raw)
		tmpl, probs := ParseTemplate("t.json", text)
		checkPositions(t, "t.json", text, tmpl, probs)
		if tmpl == nil && len(probs) == 0 {
			t.Fatal("nil template without a problem")
		}
	})
}

func FuzzParseCluster(f *testing.F) {
	f.Add([]byte(`{"name": "c", "xsps": ["a", "A."]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := string(raw)
		c, probs := ParseCluster("c.json", text)
		checkPositions(t, "c.json", text, c, probs)
		if c == nil && len(probs) == 0 {
			t.Fatal("nil cluster without a problem")
		}
	})
}

func BenchmarkParseTemplate(b *testing.B) {
	text, err := os.ReadFile("testdata/template_good.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, probs := ParseTemplate("t.json", string(text)); len(probs) != 0 {
			b.Fatal(probs)
		}
	}
}

// TestDocumentedTemplates reads the template examples of docs/inputs.md:
// each must be a template bwlint reads without a problem.
func TestDocumentedTemplates(t *testing.T) {
	b, err := os.ReadFile("../../docs/inputs.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	start := strings.Index(doc, "## partnerhub/templates/")
	end := strings.Index(doc, "## partnerhub/clusters/")
	if start < 0 || end < start {
		t.Fatal("docs/inputs.md has no templates section before the clusters section")
	}
	n := 0
	for _, block := range strings.Split(doc[start:end], "```json\n")[1:] {
		text, _, _ := strings.Cut(block, "```")
		n++
		tmpl, probs := ParseTemplate("doc.json", text)
		if tmpl == nil || len(probs) > 0 {
			t.Errorf("documented template %d: %v", n, problemLines(probs))
		}
	}
	if n < 2 {
		t.Errorf("found %d template examples, want the minimal one and the one with every optional field", n)
	}
}
