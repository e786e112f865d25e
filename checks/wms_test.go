package checks

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks/codes"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/linttest"
)

// wmsChecks are the Meetings Server checks.
func wmsChecks() []*lint.Check {
	var out []*lint.Check
	for _, c := range All() {
		if strings.HasPrefix(c.Name, "wms_") {
			out = append(out, c)
		}
	}
	return out
}

// caseDirs lists the test cases of a check: the folders under
// testdata/<check>/.
func caseDirs(t *testing.T, c *lint.Check) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", c.Name))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, filepath.Join("testdata", c.Name, e.Name()))
		}
	}
	return out
}

// runCase lints one test case with one check.
func runCase(t *testing.T, c *lint.Check, dir string) *lint.Result {
	t.Helper()
	snap, err := inputs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return lint.Run(context.Background(), snap, []*lint.Check{c}, lint.Settings{})
}

// TestWMSIdentities holds the Meetings Server checks to the rule that a
// finding's identity (check, host, context, key) is its own: two findings
// of one run never share it, so that a baseline or a waiver names exactly
// one. And their evidence is optional: no case has an evidence gap.
func TestWMSIdentities(t *testing.T) {
	for _, c := range wmsChecks() {
		for _, dir := range caseDirs(t, c) {
			res := runCase(t, c, dir)
			seen := map[string]string{}
			for _, f := range res.Findings {
				if prev, dup := seen[f.Key()]; dup {
					t.Errorf("%s: two findings share the identity %q:\n  %s\n  %s", dir, f.Key(), prev, f.Message)
				}
				seen[f.Key()] = f.Message
			}
			for _, g := range res.Gaps {
				t.Errorf("%s: evidence gap %s", dir, g.Reason)
			}
		}
	}
}

// TestWMSCodes keeps the table of error messages in step with the
// checks: each Meetings Server message names at least one check, and every Meetings Server check it names exists, so
// that bwlint explain points at real checks.
func TestWMSCodes(t *testing.T) {
	exists := map[string]bool{}
	for _, c := range All() {
		exists[c.Name] = true
	}
	n := 0
	for _, e := range codes.All() {
		if e.Family != codes.MeetingsServer {
			continue
		}
		n++
		if len(e.Checks) == 0 {
			t.Errorf("%s names no check", e.ID)
		}
		for _, c := range append(slices.Clone(e.Checks), e.ReportedBy...) {
			if !exists[c] {
				t.Errorf("%s names %q, which is no check", e.ID, c)
			}
		}
	}
	if n < 4 {
		t.Errorf("the table holds %d Meetings Server messages; the guide's three sections show four", n)
	}
}

// BenchmarkWMSLargeImport lints a user file of 100,000 rows (Meetings
// Server allows 400,000 accounts in a system's lifetime), every tenth row
// with a defect, and 1,000 SAML captures against it.
func BenchmarkWMSLargeImport(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("USERID,ACTIVE,FIRSTNAME,LASTNAME,EMAIL,LANGUAGE,HOSTPRIV,TIMEZONE,DIVISION,TC1,TC2,TC3\r\n")
	for i := range 100_000 {
		switch i % 10 {
		case 3:
			fmt.Fprintf(&sb, ",Y,First%d,Last%d,user%d@example.com,English,HOST\r\n", i, i, i)
		case 7:
			fmt.Fprintf(&sb, ",Y,First%d,Last%d,user%d@example.com,English,HOST,GMT+01:00,Sales,CC-1000,North,\r\n", i, i, i)
		default:
			fmt.Fprintf(&sb, ",Y,First%d,Last%d,user%d@example.com,English,HOST,GMT+01:00,Sales,CC-4410,North,\r\n", i, i, i)
		}
	}
	files := map[string]string{
		"wms/users/users.csv": sb.String(),
		"wms/settings.hcl": "auto_account_creation = false\nauto_account_update = true\n" +
			"tracking_code \"TC1\" {\n  usage = \"required\"\n  input = \"dropdown\"\n  values = [\"CC-4410\"]\n  inactive_values = [\"CC-1000\"]\n}\n",
	}
	for i := range 1000 {
		files[fmt.Sprintf("wms/sso/user%d.xml", i)] = fmt.Sprintf(`<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="a%d" Version="2.0">`+
			`<saml:Subject><saml:NameID>user%d@example.com</saml:NameID></saml:Subject><saml:AttributeStatement>`+
			`<saml:Attribute Name="email"><saml:AttributeValue>user%d@example.com</saml:AttributeValue></saml:Attribute>`+
			`<saml:Attribute Name="firstname"><saml:AttributeValue>First</saml:AttributeValue></saml:Attribute>`+
			`<saml:Attribute Name="TC1"><saml:AttributeValue>CC-4410</saml:AttributeValue></saml:Attribute>`+
			`</saml:AttributeStatement></saml:Assertion>`, i, i*200, i*200)
	}
	snap := linttest.Snapshot(b, files)
	b.ResetTimer()
	for b.Loop() {
		res := lint.Run(context.Background(), snap, wmsChecks(), lint.Settings{})
		if len(res.Findings) < 20_000 {
			b.Fatalf("%d findings, want one per defective row at least", len(res.Findings))
		}
	}
}

// TestWMSReaderFixtures runs the Meetings Server checks on the reader's
// own fixtures (inputs/wms/testdata: files as spreadsheets, editors,
// iconv, SAML tracers and developer tools save them), which these checks'
// cases were not written against: no check fails, every finding points
// into a file of the snapshot within its text, and the files' defects
// are findings, not silence.
func TestWMSReaderFixtures(t *testing.T) {
	from := filepath.Join("..", "inputs", "wms", "testdata")
	dir := t.TempDir()
	for src, dst := range map[string]string{"users": "wms/users", "sso": "wms/sso", "settings": "wms"} {
		if err := os.CopyFS(filepath.Join(dir, filepath.FromSlash(dst)), os.DirFS(filepath.Join(from, src))); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := inputs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if snap.WMS.Settings == nil || len(snap.WMS.Users) < 5 || len(snap.WMS.SSO) < 5 {
		t.Fatalf("the fixtures gave settings %v, %d user files, %d SAML captures", snap.WMS.Settings != nil, len(snap.WMS.Users), len(snap.WMS.SSO))
	}
	res := lint.Run(context.Background(), snap, wmsChecks(), lint.Settings{})
	for _, f := range res.Failures {
		t.Errorf("%s failed: %s", f.Check, f.Err)
	}
	byCheck := map[string]int{}
	for _, f := range res.Findings {
		byCheck[f.Check]++
		file := snap.File(f.Location.Filename)
		if file == nil {
			t.Errorf("%s: %q is no file of the snapshot: %s", f.Check, f.Location.Filename, f.Message)
			continue
		}
		if l := f.Location; l.Start.Line > 0 && (l.Start.Byte > l.End.Byte || l.End.Byte > len(file.Text)) {
			t.Errorf("%s: range %v lies outside %s (%d bytes)", f.Check, l, file.Path, len(file.Text))
		}
	}
	for _, c := range []string{"wms_user_import_file", "wms_sso_attribute_mapping", "wms_auto_account_creation"} {
		if byCheck[c] == 0 {
			t.Errorf("%s found nothing in the reader's fixtures, which hold an ANSI file, a missing column and a NameID that differs from SAML_SUBJECT", c)
		}
	}
}
