package jsonpos

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

const testPath = "partnerhub/x.json"

// problemLine renders a problem the way a user sees it, plus its end, so a
// table can state the whole position in one string.
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

func TestParseSyntaxErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", "1:1-1:1 error: invalid JSON: expected a JSON value, found end of input"},
		{"only space", " \n ", "2:2-2:2 error: invalid JSON: expected a JSON value, found end of input"},
		{"missing comma", "{\n  \"a\": 1\n  \"b\": 2\n}", `3:3-3:4 error: invalid JSON: expected ',' or '}' after object member, found '"'`},
		{"trailing comma object", `{"a": 1,}`, `1:9-1:10 error: invalid JSON: expected '"' to start an object key after ',', found '}'`},
		{"trailing comma array", `[1,]`, `1:4-1:5 error: invalid JSON: expected a value after ',', found ']'`},
		{"unquoted key", `{a: 1}`, `1:2-1:3 error: invalid JSON: expected '"' to start an object key, or '}', found unquoted text of 1 character (strings need double quotes)`},
		{"bare secret", `{"provisioningPassword": S3cretBare}`, `1:26-1:36 error: invalid JSON: expected a value after ':', found unquoted text of 10 characters (strings need double quotes)`},
		{"missing colon", `{"a" 1}`, `1:6-1:7 error: invalid JSON: expected ':' after object key, found '1'`},
		{"bare word", `{"a": yes}`, `1:7-1:10 error: invalid JSON: expected a value after ':', found unquoted text "yes"`},
		{"truncated literal", `[tru]`, `1:2-1:5 error: invalid JSON: expected a value or ']', found unquoted text "tru"`},
		{"unclosed object", `{"a": 1`, `1:8-1:8 error: invalid JSON: expected ',' or '}' after object member, found end of input`},
		{"unclosed array", `[1 2]`, `1:4-1:5 error: invalid JSON: expected ',' or ']' after array element, found '2'`},
		{"unclosed string", `["abc`, `1:6-1:6 error: invalid JSON: expected '"' to close the string that starts at line 1, column 2, found end of input`},
		{"newline in string", "[\"abc\n\"]", `1:6-2:1 error: invalid JSON: expected '"' to close the string that starts at line 1, column 2 before the end of the line, found '\n'`},
		{"control in string", "[\"a\tb\"]", `1:4-1:5 error: invalid JSON: control character '\t' must be written as an escape inside a string`},
		{"bad escape", `["a\x"]`, `1:5-1:6 error: invalid JSON: expected an escape character (one of " \ / b f n r t u) after '\', found 'x'`},
		{"short unicode escape", `["\u12"]`, `1:7-1:8 error: invalid JSON: expected a hexadecimal digit in a '\u' escape (which takes exactly 4), found '"'`},
		{"leading zero", `[012]`, `1:2-1:3 error: invalid JSON: a number must not start with 0 followed by more digits`},
		{"minus alone", `[-]`, `1:3-1:4 error: invalid JSON: expected a digit after '-', found ']'`},
		{"dot without digits", `1.`, `1:3-1:3 error: invalid JSON: expected a digit after the decimal point, found end of input`},
		{"exponent without digits", `1e+x`, `1:4-1:5 error: invalid JSON: expected a digit in the exponent, found unquoted text of 1 character (strings need double quotes)`},
		{"trailing content", `{} {}`, `1:4-1:5 error: invalid JSON: expected end of input after the top-level value, found '{'`},
		{"byte order mark", "\uFEFF{}", `1:1-1:2 error: invalid JSON: expected a JSON value, found '\ufeff'`},
		{"invalid utf-8 outside string", "[\xff]", `1:2-1:3 error: invalid JSON: expected a value or ']', found byte 0xFF`},
		{"single quotes", `{'a': 1}`, `1:2-1:3 error: invalid JSON: expected '"' to start an object key, or '}', found '\''`},
		{"comment", "{\n// c\n}", `2:1-2:2 error: invalid JSON: expected '"' to start an object key, or '}', found '/'`},
		{"unicode column", `{"é": ü}`, `1:7-1:8 error: invalid JSON: expected a value after ':', found 'ü'`},
		{"crlf", "{\r\n  \"a\": 1,\r\n  \"b\" 2\r\n}", `3:7-3:8 error: invalid JSON: expected ':' after object key, found '2'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, probs := Parse(testPath, tt.in)
			if root != nil {
				t.Errorf("Parse returned a tree for invalid JSON")
			}
			if diff := cmp.Diff([]string{tt.want}, problemLines(probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseDepthLimit(t *testing.T) {
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if root, probs := Parse(testPath, ok); root == nil || len(probs) != 0 {
		t.Fatalf("nesting of exactly %d: got root %v, problems %v", MaxDepth, root != nil, probs)
	}
	deep := strings.Repeat(`{"a":[`, 100000)
	root, probs := Parse(testPath, deep)
	if root != nil {
		t.Fatal("Parse accepted nesting beyond MaxDepth")
	}
	want := fmt.Sprintf("1:%d-1:%d error: invalid JSON: objects and arrays nest deeper than 1000 levels", 5*500+500+1, 5*500+500+2)
	if diff := cmp.Diff([]string{want}, problemLines(probs)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestParseDuplicateKeys(t *testing.T) {
	in := "{\n  \"name\": \"a\",\n  \"x\": {\"k\": 1, \"k\": 2},\n  \"name\": \"b\"\n}"
	root, probs := Parse(testPath, in)
	want := []string{
		`3:17-3:20 error: key "k" appears twice; first at line 3, column 9`,
		`4:3-4:9 error: key "name" appears twice; first at line 2`,
	}
	if diff := cmp.Diff(want, problemLines(probs)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if root == nil || len(root.Members) != 3 {
		t.Fatalf("want a tree with all 3 members, got %+v", root)
	}
	if m, _ := root.Lookup("name"); m.Value.Value.Text != "a" {
		t.Errorf("Lookup(name) = %q, want the first member's value", m.Value.Value.Text)
	}
}

func TestParseDuplicateKeysManyMembers(t *testing.T) {
	// Past keySetLinearLimit members the map path finds repeats.
	var b strings.Builder
	b.WriteString("{")
	for i := range 20 {
		fmt.Fprintf(&b, `"k%d":1,`, i)
	}
	b.WriteString(`"k3":2,"k19":3,"k3":4}`)
	_, probs := Parse(testPath, b.String())
	var got []string
	for _, p := range probs {
		got = append(got, p.Message)
	}
	want := []string{
		`key "k3" appears twice; first at line 1, column 23`,
		`key "k19" appears twice; first at line 1, column 144`,
		`key "k3" appears twice; first at line 1, column 23`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
}

func TestParseTree(t *testing.T) {
	in := "{\"s\": \"é\\n\\u00e9\\ud83d\\ude00\\ud800x\", \"n\": -1.5e3,\r\n \"b\": true, \"z\": null, \"a\": [1, {}]}"
	root, probs := Parse(testPath, in)
	if len(probs) != 0 {
		t.Fatalf("unexpected problems: %v", probs)
	}
	ix := source.NewIndex(testPath, in)
	type flat struct {
		Key, Kind, Text string
		Escaped         bool
		Value, Whole    string
	}
	rng := func(r hcl.Range) string {
		return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
	}
	var got []flat
	for _, m := range root.Members {
		v := m.Value
		got = append(got, flat{m.Key.Text, v.Kind.String(), v.Value.Text, v.Escaped, rng(v.Value.Range()), rng(v.Range)})
	}
	want := []flat{
		{"s", "string", "é\né😀\uFFFDx", true, "1:8-1:36", "1:7-1:37"},
		{"n", "number", "-1.5e3", false, "1:44-1:50", "1:44-1:50"},
		{"b", "boolean", "true", false, "2:7-2:11", "2:7-2:11"},
		{"z", "null", "null", false, "2:18-2:22", "2:18-2:22"},
		{"a", "array", "[1, {}]", false, "2:29-2:36", "2:29-2:36"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(ix.Range(0, len(in)), root.Range); diff != "" {
		t.Errorf("root range (-want +got):\n%s", diff)
	}
	arr := root.Members[4].Value
	if len(arr.Elems) != 2 || arr.Elems[1].Kind != Object || arr.Elems[1].Value.Text != "{}" {
		t.Errorf("array elements = %+v", arr.Elems)
	}
	checkTree(t, in, root)
}

// checkTree holds every node and key of the tree to the position
// conventions: ranges agree with source.Index, texts agree with the bytes
// they cover unless escapes were used.
func checkTree(t *testing.T, text string, root *Node) {
	t.Helper()
	ix := source.NewIndex(testPath, text)
	var walk func(n *Node)
	walk = func(n *Node) {
		checkRange(t, ix, text, n.Range)
		checkValue(t, ix, text, n.Value, n.Kind == String, n.Escaped)
		if n.Kind == String {
			checkAgainstEncodingJSON(t, text, n)
		}
		for _, m := range n.Members {
			checkRange(t, ix, text, m.KeyRange)
			checkValue(t, ix, text, m.Key, true, m.KeyEscaped)
			walk(m.Value)
		}
		for _, e := range n.Elems {
			walk(e)
		}
	}
	walk(root)
}

// checkValue checks v; escaped is whether v is a string that used escapes,
// and str whether it is a string at all.
func checkValue(t *testing.T, ix *source.Index, text string, v source.Value, str, escaped bool) {
	t.Helper()
	if !checkRange(t, ix, text, v.Range()) {
		return
	}
	raw := string(text[v.Range().Start.Byte:v.Range().End.Byte])
	if str && escaped != strings.Contains(raw, `\`) {
		t.Errorf("value %q at %v: Escaped = %v but source %q", v.Text, v.Range(), escaped, raw)
	}
	if !escaped && raw != v.Text {
		t.Errorf("value at %v: Text %q, source bytes %q", v.Range(), v.Text, raw)
	}
}

func checkRange(t *testing.T, ix *source.Index, text string, r hcl.Range) bool {
	t.Helper()
	if r.Filename != testPath {
		t.Errorf("range %v: Filename %q, want %q", r, r.Filename, testPath)
	}
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

// checkAgainstEncodingJSON compares a decoded string with encoding/json.
// encoding/json replaces invalid UTF-8 where this reader keeps the bytes,
// so only valid UTF-8 is compared.
func checkAgainstEncodingJSON(t *testing.T, text string, n *Node) {
	t.Helper()
	raw := text[n.Range.Start.Byte:n.Range.End.Byte]
	if !utf8.ValidString(raw) {
		return
	}
	var want string
	if err := json.Unmarshal([]byte(raw), &want); err != nil {
		t.Errorf("encoding/json rejects string %q that Parse accepted: %v", raw, err)
		return
	}
	if want != n.Value.Text {
		t.Errorf("string %q decoded to %q, encoding/json says %q", raw, n.Value.Text, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"a": [1, -2.5e+3, true, false, null, {"b": "c\u00e9\n"}]}`,
		"{\r\n\"é\": \"ü\",\r\n\"é\": 1}",
		`["\ud83d\ude00", "\ud800", "\/"]`,
		"[\"\xff\xfe\", 0]",
		`{"a":`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := string(raw)
		root, probs := Parse(testPath, text)
		ix := source.NewIndex(testPath, text)
		for _, p := range probs {
			checkRange(t, ix, text, p.Range)
		}
		tooDeep := len(probs) > 0 && strings.Contains(probs[len(probs)-1].Message, "nest deeper")
		if valid := json.Valid(raw); valid != (root != nil) && !tooDeep {
			t.Fatalf("encoding/json says valid=%v, Parse returned tree=%v, problems %v", valid, root != nil, probs)
		}
		if root != nil {
			checkTree(t, text, root)
		}
	})
}

func BenchmarkParseMinified(b *testing.B) {
	// One long line: positions must not be recounted from the line start.
	var sb strings.Builder
	sb.WriteString(`{"items":[`)
	for i := range 20000 {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"id":%d,"name":"é-%d","on":true}`, i, i)
	}
	sb.WriteString("]}")
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, probs := Parse(testPath, text); len(probs) != 0 {
			b.Fatal(probs)
		}
	}
}
