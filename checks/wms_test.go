package checks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
