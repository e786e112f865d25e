package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/linttest"
)

// runDiffCLI runs bwlint in-process with the diff command available,
// whether or not app.go lists it yet.
func runDiffCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	app := newApp(&out, &errb)
	registered := false
	for _, c := range app.Commands {
		registered = registered || c.Name == "diff"
	}
	if !registered {
		app.Commands = append(app.Commands, diffCommand())
	}
	code, msg := codeOf(app.Run(append([]string{"bwlint"}, args...)))
	if msg != "" {
		errb.WriteString("bwlint: " + msg + "\n")
	}
	return code, out.String(), errb.String()
}

const (
	before = "../../testdata/example"
	after  = "../../testdata/example-after"
)

func TestDiffCLI(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string // a fragment stderr must contain; "" means empty
		golden bool
	}{
		{name: "diff_example_text", args: []string{"diff", before, after}, code: exitFindings, golden: true},
		{name: "diff_example_json", args: []string{"diff", "--format", "json", before, after}, code: exitFindings, golden: true},
		{name: "diff_example_markdown", args: []string{"diff", "--format", "markdown", before, after}, code: exitFindings, golden: true},
		// The reverse change fixes xsp1 and breaks as2 again: as2's
		// findings are new in that direction.
		{name: "diff_reverse_text", args: []string{"diff", after, before}, code: exitFindings, golden: true},
		// Nothing changed: every finding is unchanged and none fails.
		{name: "diff_same_text", args: []string{"diff", before, before}, code: exitOK, golden: true},
		{name: "diff_fail_on_none", args: []string{"diff", "--fail-on", "none", before, after}, code: exitOK},
		{name: "diff_broken_after", args: []string{"diff", before, "../../testdata/broken"}, code: exitInput},
		{name: "diff_missing_after", args: []string{"diff", before}, code: exitUsage, stderr: "takes two arguments"},
		{name: "diff_three_args", args: []string{"diff", before, after, after}, code: exitUsage, stderr: "takes two arguments"},
		{name: "diff_bad_format", args: []string{"diff", "--format", "yaml", before, after}, code: exitUsage, stderr: `unknown format "yaml"`},
		{name: "diff_bad_fail_on", args: []string{"diff", "--fail-on", "fatal", before, after}, code: exitUsage, stderr: `unknown failure threshold "fatal"`},
		{name: "diff_no_such_dir", args: []string{"diff", before, "../../testdata/does-not-exist"}, code: exitInput, stderr: "cannot read snapshot"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runDiffCLI(tc.args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d; stderr: %s", code, tc.code, stderr)
			}
			switch {
			case tc.stderr == "" && stderr != "":
				t.Errorf("unexpected stderr: %s", stderr)
			case tc.stderr != "" && !strings.Contains(stderr, tc.stderr):
				t.Errorf("stderr %q does not contain %q", stderr, tc.stderr)
			}
			if tc.golden {
				linttest.Golden(t, filepath.Join("testdata", tc.name+".golden"), stdout)
			}
		})
	}
}

// TestDiffSARIF checks the SARIF route when the SARIF reporter is built
// in: the review's states become baselineState.
func TestDiffSARIF(t *testing.T) {
	code, stdout, stderr := runDiffCLI("diff", "--format", "sarif", before, after)
	if strings.Contains(stderr, `unknown format "sarif"`) {
		t.Skip("the SARIF reporter is not part of this build")
	}
	if code != exitFindings {
		t.Fatalf("exit code %d, stderr %s", code, stderr)
	}
	for _, want := range []string{`"baselineState": "new"`, `"baselineState": "unchanged"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
}

func TestDiffOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "review.md")
	code, stdout, stderr := runDiffCLI("diff", "--format", "markdown", "--output", out, before, after)
	if code != exitFindings {
		t.Fatalf("exit code %d, stderr %s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout not empty with --output: %s", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("## bwlint pre-change review")) {
		t.Errorf("review file lacks its heading:\n%s", b)
	}
}
