package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/linttest"
)

// The Meetings Server evidence end to end: testdata/wms-only, a snapshot
// that holds nothing else, in the formats CI and auditors read, and the
// same files beside the BroadWorks evidence of testdata/example.

func init() {
	cliCases = append(cliCases,
		cliCase{name: "lint_wms_only_text", args: []string{"lint", "--as-of", "2026-11-22", "../../testdata/wms-only"}, code: exitFindings},
		cliCase{name: "lint_wms_only_json", args: []string{"lint", "--as-of", "2026-11-22", "--format", "json", "../../testdata/wms-only"}, code: exitFindings},
	)
	docsWithOutput = append(docsWithOutput, "docs/inputs-wms.md")
}

// runTimes are the SARIF invocation's times, the only part of a log that
// differs from run to run; the golden file holds fixed ones, so that it
// is a valid log itself.
var runTimes = regexp.MustCompile(`"(start|end)TimeUtc": "[^"]*"`)

func pinTimes(log string) string {
	return runTimes.ReplaceAllStringFunc(log, func(m string) string {
		if strings.HasPrefix(m, `"start`) {
			return `"startTimeUtc": "2026-11-22T09:00:00.000Z"`
		}
		return `"endTimeUtc": "2026-11-22T09:00:00.120Z"`
	})
}

// TestWMSOnlySARIF holds the SARIF of the Meetings Server snapshot to a
// golden file, run times aside and file times pinned, and checks what code scanning needs of its
// results: every check of the family among the rules with its page, each
// result located in a file of the snapshot.
func TestWMSOnlySARIF(t *testing.T) {
	pkg := withPinnedFileTimes(t)
	code, stdout, stderr := runCLI("lint", "--as-of", "2026-11-22", "--format", "sarif", "--sarif-root", "../..", "../../testdata/wms-only")
	if code != exitFindings || stderr != "" {
		t.Fatalf("exit code %d, stderr %q; want %d and nothing", code, stderr, exitFindings)
	}
	linttest.Golden(t, filepath.Join(pkg, "testdata", "lint_wms_only.sarif"), pinTimes(stdout))
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	reported := map[string]bool{}
	for _, r := range run.Results {
		reported[r.RuleID] = true
		if uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; !strings.HasPrefix(uri, "testdata/wms-only/wms/") {
			t.Errorf("%s result located at %q, not in the snapshot's wms/ files", r.RuleID, uri)
		}
	}
	for _, rule := range run.Tool.Driver.Rules {
		if !strings.HasPrefix(rule.ID, "wms_") {
			continue
		}
		if !strings.HasSuffix(rule.HelpURI, "/docs/checks/"+rule.ID+".md") {
			t.Errorf("rule %s links to %q", rule.ID, rule.HelpURI)
		}
		if !reported[rule.ID] {
			t.Errorf("testdata/wms-only has no finding of %s: the snapshot should show every Meetings Server check", rule.ID)
		}
	}
}

// jsonReport is what TestBothProducts reads of a JSON report.
type jsonReport struct {
	Findings []struct {
		Check    string `json:"check"`
		Message  string `json:"message"`
		Location struct {
			Path   string `json:"path"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		} `json:"location"`
	} `json:"findings"`
	NotEvaluated []struct {
		Check  string `json:"check"`
		Reason string `json:"reason"`
	} `json:"not_evaluated"`
	Gaps []json.RawMessage `json:"evidence_gaps"`
}

func lintJSON(t *testing.T, snapshot string) jsonReport {
	t.Helper()
	_, stdout, stderr := runCLI("lint", "--as-of", "2026-11-22", "--format", "json", snapshot)
	if stderr != "" {
		t.Fatalf("lint %s: stderr %q", snapshot, stderr)
	}
	var r jsonReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func (r jsonReport) findings() []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, fmt.Sprintf("%s %s:%d:%d %s", f.Check, f.Location.Path, f.Location.Line, f.Location.Column, f.Message))
	}
	slices.Sort(out)
	return out
}

func (r jsonReport) notEvaluated(check string) []string {
	var out []string
	for _, n := range r.NotEvaluated {
		if n.Check == check {
			out = append(out, n.Reason)
		}
	}
	return out
}

// TestBothProducts lints a snapshot that holds the BroadWorks evidence
// of testdata/example and the Meetings Server evidence of
// testdata/wms-only: the findings are exactly those of each alone, the
// checks of either product that had nothing to judge alone are evaluated
// together, and neither product's checks make the other's gaps.
func TestBothProducts(t *testing.T) {
	dir := t.TempDir()
	both := copySnapshot(t, filepath.Join("..", "..", "testdata", "example"), dir, "both")
	if err := os.CopyFS(filepath.Join(both, "wms"), os.DirFS(filepath.Join("..", "..", "testdata", "wms-only", "wms"))); err != nil {
		t.Fatal(err)
	}
	broadworks := lintJSON(t, filepath.Join("..", "..", "testdata", "example"))
	meetings := lintJSON(t, filepath.Join("..", "..", "testdata", "wms-only"))
	together := lintJSON(t, both)

	want := append(broadworks.findings(), meetings.findings()...)
	slices.Sort(want)
	if got := together.findings(); !slices.Equal(got, want) {
		t.Errorf("findings of the snapshot with both products:\n%s\nwant those of each alone:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(broadworks.findings()) == 0 || len(meetings.findings()) == 0 {
		t.Fatal("each snapshot alone must have findings, or the comparison proves nothing")
	}
	for _, check := range []string{"wms_user_import_file", "wms_sso_attribute_mapping", "wms_auto_account_creation", "xsp_certificate_auth_flags", "as_required_patches"} {
		if reasons := together.notEvaluated(check); len(reasons) > 0 {
			t.Errorf("%s is not evaluated on the snapshot with both products: %v", check, reasons)
		}
	}
	if len(broadworks.notEvaluated("wms_user_import_file")) == 0 || len(meetings.notEvaluated("xsp_certificate_auth_flags")) == 0 {
		t.Error("each product's checks must be not evaluated on the other's snapshot")
	}
	if len(together.Gaps) > 0 || len(broadworks.Gaps) > 0 || len(meetings.Gaps) > 0 {
		t.Errorf("evidence gaps: %d together, %d BroadWorks alone, %d Meetings Server alone; want none", len(together.Gaps), len(broadworks.Gaps), len(meetings.Gaps))
	}
}

// TestWMSOnlyEveryFormat: the CI formats carry each Meetings Server
// finding, located in its file, like any other, and none shows the
// encoded SAMLResponse, which is a bearer credential.
func TestWMSOnlyEveryFormat(t *testing.T) {
	snap := filepath.Join("..", "..", "testdata", "wms-only")
	want := len(lintJSON(t, snap).Findings)
	raw, err := os.ReadFile(filepath.Join(snap, "wms", "sso", "renata.kowalczyk.txt"))
	if err != nil {
		t.Fatal(err)
	}
	encoded := string(raw[len("SAMLResponse=")+1000 : len("SAMLResponse=")+1040])
	for _, tc := range []struct {
		format string
		count  func(string) int
	}{
		{"github", func(s string) int { return strings.Count("\n"+s, "\n::") }},
		{"codeclimate", func(s string) int {
			var issues []struct {
				Location struct{ Path string } `json:"location"`
			}
			if err := json.Unmarshal([]byte(s), &issues); err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, i := range issues {
				if strings.HasPrefix(i.Location.Path, "testdata/wms-only/wms/") {
					n++
				}
			}
			return n
		}},
		{"junit", func(s string) int { return strings.Count(s, `file="testdata/wms-only/wms/`) }},
		// Markdown names files relative to --sarif-root, as SARIF does.
		{"markdown", func(s string) int { return strings.Count(s, "`testdata/wms-only/wms/") }},
	} {
		_, out, stderr := runCLI("lint", "--format", tc.format, "--sarif-root", "../..", snap)
		if stderr != "" {
			t.Errorf("%s: stderr %q", tc.format, stderr)
		}
		if got := tc.count(out); got < want {
			t.Errorf("%s carries %d Meetings Server findings, want %d:\n%s", tc.format, got, want, out)
		}
		if strings.Contains(out, encoded) {
			t.Errorf("%s shows the encoded SAMLResponse", tc.format)
		}
	}
}
