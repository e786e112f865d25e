package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bwlint/bwlint/inputs/golden"
	"github.com/bwlint/bwlint/lint/report/browser"
)

// TestHTMLReports writes the HTML report of a lint run and of a review as
// a user does (--format html), keeps each as a golden page, opens it in a
// headless Chromium and holds what the page shows to the JSON report of
// the same run: the findings per severity, the waived ones, and a
// review's findings per state. With -update it also writes the
// screenshot docs/output.md shows.
func TestHTMLReports(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	t.Setenv("FORCE_COLOR", "")
	t.Setenv("BWLINT_CONFIG", "")
	pkg := withPinnedFileTimes(t)
	chromium := browser.Find(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"lint_example", []string{"lint", "--as-of", "2026-11-22", "../../testdata/example"}, exitFindings},
		{"lint_gap", []string{"lint", "--as-of", "2026-11-22", "../../testdata/incomplete"}, exitInput},
		{"diff_example", []string{"diff", "--as-of", "2026-11-22", "--config", before + "/.bwlint.hcl", before, after}, exitFindings},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := filepath.Join(pkg, "testdata", tc.name+".html")
			html := runFormat(t, tc.args, "html", tc.code)
			golden.File(t, page, html)
			var rep struct {
				Findings []struct {
					Severity string
					State    string
					Waived   *struct{ Name string }
				}
			}
			if err := json.Unmarshal([]byte(runFormat(t, tc.args, "json", tc.code)), &rep); err != nil {
				t.Fatal(err)
			}
			want := map[string]int{}
			for _, f := range rep.Findings {
				want["severity "+f.Severity]++
				if f.Waived != nil && f.State != "fixed" {
					want["waived"]++
				}
				if f.State != "" {
					want["state "+f.State]++
				}
			}
			got := map[string]int{}
			dom := chromium.DOM(t, page, "")
			for _, a := range dom.Elements("article") {
				got["severity "+a.Attrs["data-severity"]]++
				if a.Attrs["data-status"] == "waived" {
					got["waived"]++
				}
				if s := a.Attrs["data-state"]; s != "" {
					got["state "+s]++
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("the page shows %v, the JSON report of the same run %v", got, want)
			}
			if code, _ := dom.Text("exit-code"); code != fmt.Sprint(tc.code) {
				t.Errorf("the page gives exit code %q, the run exited %d", code, tc.code)
			}
			if tc.name == "lint_example" && *golden.Update {
				images := filepath.Join(pkg, "..", "..", "docs", "images")
				if err := os.MkdirAll(images, 0o755); err != nil {
					t.Fatal(err)
				}
				chromium.Screenshot(t, page, filepath.Join(images, "html-report.png"), 1200, 1500)
			}
		})
	}
}

// runFormat runs bwlint with --format format added to args, checks its
// exit code, and returns stdout.
func runFormat(t *testing.T, args []string, format string, code int) string {
	t.Helper()
	full := append([]string{args[0], "--format", format}, args[1:]...)
	got, stdout, stderr := runDiffCLI(full...)
	if got != code {
		t.Fatalf("bwlint %v: exit code %d, want %d; stderr: %s", full, got, code, stderr)
	}
	if stderr != "" {
		t.Errorf("bwlint %v: unexpected stderr: %s", full, stderr)
	}
	if format == "html" && !bytes.HasPrefix([]byte(stdout), []byte("<!DOCTYPE html>")) {
		t.Errorf("bwlint %v does not write an HTML page", full)
	}
	return stdout
}
