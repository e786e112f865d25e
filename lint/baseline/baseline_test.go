package baseline

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/golden"
	"github.com/bwlint/bwlint/lint"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func finding(check, host, key, value string, line int) lint.Finding {
	return lint.Finding{
		Check: check, Severity: lint.Error, Host: host, Actual: value,
		Message:  "m " + value,
		Location: hcl.Range{Filename: "hosts/" + host + "/x.txt", Start: hcl.Pos{Line: line, Column: 3, Byte: 100 * line}},
		Logical:  lint.Logical{Host: host, Context: "AS_CLI/Interface/Messaging", Key: key},
	}
}

func write(t *testing.T, fs []lint.Finding) string {
	t.Helper()
	var buf bytes.Buffer
	if err := FromFindings(fs).Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestWriteIsDeterministic checks that the file is sorted, free of line
// numbers and values, and the same whatever the findings' order.
func TestWriteIsDeterministic(t *testing.T) {
	fs := []lint.Finding{
		finding("xsp_b", "xsp1", "allowUserApp", "secretish-value", 7),
		finding("as_a", "as2", "provisioningUserId", "w4b-prov-admn", 3),
		finding("as_a", "as2", "provisioningUserId", "w4b-prov-admn", 3), // written once
	}
	got := write(t, fs)
	if again := write(t, []lint.Finding{fs[2], fs[0], fs[1]}); again != got {
		t.Errorf("order of findings changes the file:\n%s\n%s", got, again)
	}
	for _, leak := range []string{"secretish-value", "w4b-prov-admn", "line", `"7"`} {
		if strings.Contains(got, leak) {
			t.Errorf("baseline holds %q:\n%s", leak, got)
		}
	}
	golden.File(t, "testdata/write.golden", got)
}

func TestParseErrors(t *testing.T) {
	hash := strings.Repeat("a", 32)
	cases := []struct{ name, text, want string }{
		{"not json", "{\n  \"version\": 1,\n  oops\n}", "b.json:3:3: not valid JSON"},
		{"not an object", "[]", "b.json:1:1: a baseline must be a JSON object"},
		{"no version", `{"entries": []}`, `b.json:1:1: baseline has no "version"`},
		{"future version", "{\n  \"version\": 3,\n  \"entries\": []\n}", "b.json:2:14: baseline version 3 is not supported"},
		{"gaps in version 1", "{\"version\": 1, \"gaps\": []}", `b.json:1:24: a version 1 baseline has no "gaps"`},
		{"gaps not a list", `{"version": 2, "gaps": {}}`, `b.json:1:24: "gaps" must be a list`},
		{"gap without command", "{\"version\": 2, \"gaps\": [\n  {\"check\": \"as_a\", \"host\": \"as1\"}\n]}", `b.json:2:3: gap entry needs "check" and "command"`},
		{"unknown gap field", "{\"version\": 2, \"gaps\": [\n  {\"check\": \"as_a\", \"command\": \"get\", \"file\": \"x\"}\n]}", `b.json:2:3: json: unknown field "file"`},
		{"unknown top field", `{"version": 1, "extra": 1}`, `b.json:1:25: unknown field "extra"`},
		{"entries not a list", `{"version": 1, "entries": {}}`, `b.json:1:27: "entries" must be a list`},
		{"bad hash", "{\"version\": 1, \"entries\": [\n  {\"check\": \"as_a\", \"value_hash\": \"xyz\"}\n]}", `b.json:2:3: entry's "value_hash" must be 32`},
		{"no check", "{\"version\": 1, \"entries\": [\n  {\"check\": \"as_a\", \"value_hash\": \"" + hash + "\"},\n  {\"value_hash\": \"" + hash + "\"}\n]}", `b.json:3:3: entry has no "check"`},
		{"unknown entry field", "{\"version\": 1, \"entries\": [\n  {\"check\": \"as_a\", \"line\": 3}\n]}", `b.json:2:3: json: unknown field "line"`},
		{"wrong type", "{\"version\": 1, \"entries\": [\n  {\"check\": 7}\n]}", `b.json:2:3: "check" must be string, found number`},
		{"version out of range", `{"version": 1e999999}`, `b.json:1:13: "version" must be int, found number 1e999999`},
		{"version a string", `{"version": "1"}`, `b.json:1:13: "version" must be int, found string`},
		{"truncated", `{"version": 1, "entries": [`, "b.json:1:28: unexpected end of file"},
		{"unclosed", `{"version": 1`, "b.json:1:14: unexpected end of file"},
		{"trailing text", "{\"version\": 1}\n{}", "b.json:2:1: unexpected text after the baseline object"},
		// An entry deleted by hand, its comma left behind.
		{"trailing comma", "{\"version\": 2, \"entries\": [\n  {\"check\": \"as_a\", \"value_hash\": \"" + hash + "\"},\n]}", "b.json:3:1: not valid JSON: invalid character ']'"},
		{"comma inside an entry", "{\"version\": 2, \"entries\": [\n  {\"check\": \"as_a\",}\n]}", "b.json:2:20: not valid JSON: invalid character '}'"},
		{"bad version", `{"version": x}`, "b.json:1:13: not valid JSON: invalid character 'x'"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("b.json", []byte(tc.text))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want prefix %q", err, tc.want)
			}
		})
	}
}

// TestReadsWindowsEncodings: a baseline saved again by a Windows editor
// or PowerShell carries a byte-order mark, UTF-8 or UTF-16, and CRLF line
// ends. It reads as the file bwlint wrote, its entries on the same lines;
// a problem in it is located as the editor shows it.
func TestReadsWindowsEncodings(t *testing.T) {
	text := strings.ReplaceAll(write(t, []lint.Finding{finding("as_a", "as1", "k1", "v", 3)}), "\n", "\r\n")
	utf16le := func(s string) string {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	for name, data := range map[string]string{"utf-8 with BOM": "\xEF\xBB\xBF" + text, "utf-16le": utf16le(text)} {
		f, err := Parse("b.json", []byte(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(f.Entries) != 1 || f.Entries[0].Check != "as_a" || f.Entries[0].Range.Start.Line != 4 {
			t.Errorf("%s: entries %+v, want as_a on line 4", name, f.Entries)
		}
	}
	_, err := Parse("b.json", []byte("\xEF\xBB\xBF{\r\n  \"version\": 2,\r\n  oops\r\n}"))
	if err == nil || !strings.HasPrefix(err.Error(), "b.json:3:3: not valid JSON") {
		t.Errorf("error %v, want one at b.json:3:3", err)
	}
	if _, err := Parse("b.json", []byte("\xEF\xBB\xBF{\"version\": 3}")); err == nil || !strings.HasPrefix(err.Error(), "b.json:1:13: ") {
		t.Errorf("error %v, want one at b.json:1:13, the column an editor shows", err)
	}
}

func TestReadMissingFile(t *testing.T) {
	_, _, err := Read(t.TempDir() + "/none.json")
	if err == nil || !strings.Contains(err.Error(), "cannot read baseline: no such file or directory") {
		t.Errorf("error %v", err)
	}
}

// TestRoundTrip checks that a written baseline reads back as written, with
// each entry located.
func TestRoundTrip(t *testing.T) {
	text := write(t, []lint.Finding{finding("as_a", "as1", "k1", "v", 3), finding("as_b", "", "k", "v", 1)})
	f, err := Parse("b.json", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(text, buf.String()); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
	if got := []int{f.Entries[0].Range.Start.Line, f.Entries[1].Range.Start.Line}; !cmp.Equal(got, []int{4, 11}) {
		t.Errorf("entries start on lines %v", got)
	}
}

// gap is an evidence gap of check xsp_a on host: the CLI context's "get"
// is missing.
func gap(host, context string) lint.Gap {
	return lint.Gap{Check: "xsp_a", Host: host, Server: "XSP",
		Evidence: lint.CLI(inputs.RoleXSP, context, "get", "hosts/<host>/x.txt"), File: "hosts/" + host + "/x.txt", Reason: "not captured"}
}

// TestGaps: a baseline records the run's gaps, each once, with the
// context and command that capture them. (lint/judge compares a later
// run with it.)
func TestGaps(t *testing.T) {
	day1 := []lint.Gap{
		gap("xsp1", "System/CertificateAuthentication"),
		gap("xsp2", "System/CertificateAuthentication"),
		gap("xsp2", "System/CertificateAuthentication"), // written once
	}
	var buf bytes.Buffer
	if err := FromRun(nil, day1).Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := Parse("b.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Gaps) != 2 || f.Gaps[0].Context != "XSP_CLI/System/CertificateAuthentication" || f.Gaps[0].Command != "get" {
		t.Fatalf("gaps read back: %+v", f.Gaps)
	}
}

// TestVersion1StillReads: a baseline written before gaps were recorded
// loads, knows no gap, and is written back as version 2.
func TestVersion1StillReads(t *testing.T) {
	old := "{\n  \"version\": 1,\n  \"entries\": [\n    {\"check\": \"as_a\", \"host\": \"as1\", \"context\": \"c\", \"key\": \"k\", \"value_hash\": \"" + strings.Repeat("a", 32) + "\"}\n  ]\n}\n"
	f, err := Parse("old.json", []byte(old))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 1 || len(f.Gaps) != 0 {
		t.Fatalf("read %+v", f)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "{\n  \"version\": 2,") || !strings.Contains(buf.String(), `"gaps": []`) {
		t.Errorf("written back as:\n%s", buf.String())
	}
}
