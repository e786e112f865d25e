package checks

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks/codes"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
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
		cases, err := os.ReadDir(filepath.Join("testdata", c.Name))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range cases {
			if !e.IsDir() {
				continue
			}
			res := runCase(t, c, filepath.Join("testdata", c.Name, e.Name()))
			seen := map[string]string{}
			for _, f := range res.Findings {
				if prev, dup := seen[f.Key()]; dup {
					t.Errorf("%s/%s: two findings share the identity %q:\n  %s\n  %s", c.Name, e.Name(), f.Key(), prev, f.Message)
				}
				seen[f.Key()] = f.Message
			}
			for _, g := range res.Gaps {
				t.Errorf("%s/%s: evidence gap %s", c.Name, e.Name(), g.Reason)
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
