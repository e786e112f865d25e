package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
)

func TestVersionFromBuild(t *testing.T) {
	code, out, _ := runCLI("--version")
	if want := "bwlint version " + lint.CurrentBuild.String() + "\n"; code != exitOK || out != want {
		t.Errorf("--version: exit %d, %q; want %q", code, out, want)
	}
}

// TestCompletionScripts checks that every shell gets a script naming
// every command, and runs the bash script's completion function in bash
// as the shell would, on what a user types.
func TestCompletionScripts(t *testing.T) {
	for _, shell := range shells {
		code, out, stderr := runCLI("completion", shell)
		if code != exitOK || stderr != "" {
			t.Fatalf("completion %s: exit %d, %s", shell, code, stderr)
		}
		for _, cmd := range []string{"lint", "diff", "config", "completion", "junit-strict", "xsp_certificate_auth_flags"} {
			if !strings.Contains(out, cmd) {
				t.Errorf("the %s script does not name %s", shell, cmd)
			}
		}
	}
	if code, _, stderr := runCLI("completion", "tcsh"); code != exitUsage || !strings.Contains(stderr, `unknown shell "tcsh": use bash, zsh, fish, powershell`) {
		t.Errorf("completion tcsh: exit %d, %q", code, stderr)
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the bash script in")
	}
	_, script, _ := runCLI("completion", "bash")
	dir := t.TempDir()
	for _, d := range []string{"snap-a", "snap-b"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ line, want string }{
		{"bwlint li", "lint"},
		{"bwlint lint --format ", "codeclimate github html json junit junit-strict markdown sarif sarif-audit text"},
		{"bwlint diff --format j", "json"},
		{"bwlint lint --fail-on w", "warning"},
		{"bwlint lint --no-w", "--no-waivers"},
		{"bwlint lint snap-", "snap-a snap-b"},
		{"bwlint --color never lint --missing-evidence r", "report"},
		{"bwlint explain xsp_c", "xsp_certificate_auth_flags"},
		{"bwlint completion f", "fish"},
		{"bwlint --col", "--color"},
	} {
		words := strings.Split(tc.line, " ")
		prog := script + "\nCOMP_WORDS=(" + quoteWords(words) + ")\nCOMP_CWORD=" + strconv.Itoa(len(words)-1) +
			"\n_bwlint\necho \"${COMPREPLY[*]}\"\n"
		cmd := exec.Command(bash, "--norc", "-c", prog)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		got := strings.Fields(string(out))
		slices.Sort(got) // compgen lists directories in the file system's order
		if err != nil || strings.Join(got, " ") != tc.want {
			t.Errorf("%q<TAB>: %q (%v), want %q", tc.line, got, err, tc.want)
		}
	}
}

func quoteWords(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + w + "'"
	}
	return strings.Join(q, " ")
}

// TestColor checks --color and the environment: NO_COLOR, FORCE_COLOR,
// TERM=dumb, and that the flag wins over them.
func TestColor(t *testing.T) {
	for _, tc := range []struct {
		args           []string
		noColor, force string
		term           string
		want           bool
	}{
		{nil, "", "", "xterm", false}, // not a terminal
		{nil, "", "1", "xterm", true},
		{nil, "", "0", "xterm", false},
		{nil, "1", "1", "xterm", false}, // NO_COLOR wins over FORCE_COLOR
		{[]string{"--color", "always"}, "1", "", "dumb", true},
		{[]string{"--color=never"}, "", "1", "xterm", false},
		{[]string{"--color", "auto"}, "", "1", "xterm", true},
	} {
		t.Setenv("NO_COLOR", tc.noColor)
		t.Setenv("FORCE_COLOR", tc.force)
		t.Setenv("TERM", tc.term)
		args := append(append([]string{"lint"}, tc.args...), "--fail-on", "none", "../../testdata/example")
		_, out, _ := runCLI(args...)
		if got := strings.Contains(out, "\x1b["); got != tc.want {
			t.Errorf("bwlint %s with NO_COLOR=%q FORCE_COLOR=%q TERM=%q: colour %v, want %v", strings.Join(args, " "), tc.noColor, tc.force, tc.term, got, tc.want)
		}
	}
	if code, _, stderr := runCLI("lint", "--color", "sometimes", "../../testdata/example"); code != exitUsage || !strings.Contains(stderr, `--color "sometimes": use auto, always or never`) {
		t.Errorf("--color sometimes: exit %d, %q", code, stderr)
	}
}

// TestQuiet: no report on stdout and no warning on stderr, the same exit
// code, and the files asked for still written.
func TestQuiet(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	sarif := filepath.Join(t.TempDir(), "out.sarif")
	code, out, stderr := runCLI("lint", "-q", "--sarif-root", t.TempDir(), "--report", "sarif="+sarif, "../../testdata/example")
	if code != exitFindings || out != "" || stderr != "" {
		t.Errorf("lint -q: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if b, err := os.ReadFile(sarif); err != nil || !bytes.Contains(b, []byte(`"ruleId"`)) {
		t.Errorf("the SARIF report was not written: %v", err)
	}
	// Without --quiet the same run warns that the snapshot lies outside
	// the report root.
	if _, _, stderr := runCLI("lint", "--sarif-root", t.TempDir(), "--report", "sarif="+sarif, "../../testdata/example"); !strings.Contains(stderr, "outside the report root") {
		t.Errorf("no warning without --quiet: %q", stderr)
	}
	// Errors are still said.
	if code, _, stderr := runCLI("--quiet", "lint", "../../testdata/nope"); code != exitUsage || !strings.Contains(stderr, "does not exist") {
		t.Errorf("--quiet with a usage error: exit %d, %q", code, stderr)
	}
}
