//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bwlint runs the CLI in-process and returns its exit code, stdout and
// stderr.
func bwlint(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"bwlint"}, args...), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// copyExample copies the example snapshot into a temporary directory.
func copyExample(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "snap")
	if err := os.CopyFS(dir, os.DirFS("../../testdata/example")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestLinkOutsideSnapshot: a capture linked to a file outside the snapshot
// is an input problem in every command, and no byte of what it leads to
// reaches any output, unless --follow-links lets it be read.
func TestLinkOutsideSnapshot(t *testing.T) {
	secretFile := filepath.Join(t.TempDir(), "passwd")
	const line = "root:x:0:0:OUTSIDE-LINE-7Q:/root:/bin/bash\n"
	if err := os.WriteFile(secretFile, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	before := copyExample(t)
	after := copyExample(t)
	for _, snap := range []string{before, after} {
		if err := os.Symlink(secretFile, filepath.Join(snap, "hosts", "as1", "p.sha256")); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(before, "hosts", "as1", "p.sha256")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"lint", "--as-of", "2026-11-22", after},
		{"lint", "--as-of", "2026-11-22", "--format", "json", after},
		{"lint", "--as-of", "2026-11-22", "--format", "sarif", after},
		{"parse", after},
		{"parse", "--format", "json", after},
		{"diff", before, after},
		{"diff", "--format", "json", before, after},
	} {
		code, stdout, stderr := bwlint(t, args...)
		if code != exitInput {
			t.Errorf("bwlint %s: exit %d, want %d", strings.Join(args, " "), code, exitInput)
		}
		if strings.Contains(stdout+stderr, "OUTSIDE-LINE") || strings.Contains(stdout+stderr, "root:x") {
			t.Errorf("bwlint %s shows the file outside the snapshot", strings.Join(args, " "))
		}
		// The text report wraps its lines: the message is read as words.
		if !strings.Contains(strings.Join(strings.Fields(stdout), " "), "a symbolic link to "+secretFile+", outside the snapshot") {
			t.Errorf("bwlint %s does not say why hosts/as1/p.sha256 was not read:\n%s", strings.Join(args, " "), stdout)
		}
	}
	// --follow-links reads it: the digest file is then a bad digest file.
	code, stdout, _ := bwlint(t, "parse", "--follow-links", after)
	if code != exitInput || !strings.Contains(stdout, "hosts/as1/p.sha256:1:1: error: line is not a digest line") {
		t.Errorf("parse --follow-links: exit %d:\n%s", code, stdout)
	}
}

// TestSnapshotSizeLimit: --max-snapshot-size refuses a snapshot larger than
// it with exit 2 and the numbers; a malformed size is a usage error.
func TestSnapshotSizeLimit(t *testing.T) {
	code, _, stderr := bwlint(t, "lint", "--max-snapshot-size", "1KiB", "../../testdata/example")
	if code != exitInput || !strings.Contains(stderr, "more than the limit of 1024 (raise it with --max-snapshot-size)") {
		t.Errorf("1KiB: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = bwlint(t, "parse", "--max-snapshot-size", "lots", "../../testdata/example")
	if code != exitUsage || !strings.Contains(stderr, `--max-snapshot-size: "lots" is no size`) {
		t.Errorf("lots: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := bwlint(t, "parse", "--max-snapshot-size", "16MiB", "../../testdata/example"); code != exitOK {
		t.Errorf("16MiB: exit %d, stderr %q", code, stderr)
	}
}

// bwlintWithin is bwlint that fails the test when the run does not end
// within ten seconds, as a read of a named pipe or a device would not.
func bwlintWithin(t *testing.T, args ...string) (code int, stderr string) {
	t.Helper()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"bwlint"}, args...), &stdout, &stderr)
		done <- result{code, stderr.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stderr
	case <-time.After(10 * time.Second):
		t.Fatalf("bwlint %s does not end", strings.Join(args, " "))
	}
	return 0, ""
}

// TestPolicyAndBaselineReadBounded: a policy or baseline that is a device
// or a named pipe, named by flag, by the environment or found at the
// snapshot root, is a configuration error (exit 3), never a run that
// blocks, grows without bound, or goes on without its policy.
func TestPolicyAndBaselineReadBounded(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	example := "../../testdata/example"
	for _, tc := range []struct {
		args []string
		env  string
		want string
	}{
		{[]string{"lint", "--config", "/dev/zero", example}, "", "--config /dev/zero: not a regular file but a device"},
		{[]string{"lint", "--config", fifo, example}, "", "not a regular file but a named pipe"},
		{[]string{"checks"}, "/dev/zero", "BWLINT_CONFIG /dev/zero: not a regular file but a device"},
		{[]string{"diff", example, example}, fifo, "not a regular file but a named pipe"},
		{[]string{"lint", "--baseline", "/dev/zero", example}, "", "--baseline: /dev/zero: cannot read baseline: not a regular file but a device"},
		{[]string{"lint", "--baseline", fifo, example}, "", "cannot read baseline: not a regular file but a named pipe"},
	} {
		t.Setenv("BWLINT_CONFIG", tc.env)
		code, stderr := bwlintWithin(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("bwlint %s (BWLINT_CONFIG=%s): exit %d, stderr %q; want exit 3 and %q", strings.Join(tc.args, " "), tc.env, code, stderr, tc.want)
		}
	}
	t.Setenv("BWLINT_CONFIG", "")

	// At the snapshot root, where the policy is looked for: a directory,
	// a named pipe and a link to a device all stop the run.
	for name, create := range map[string]func(string) error{
		"directory":  func(p string) error { return os.Mkdir(p, 0o755) },
		"named pipe": func(p string) error { return syscall.Mkfifo(p, 0o600) },
		"device":     func(p string) error { return os.Symlink("/dev/zero", p) },
	} {
		snap := copyExample(t)
		policy := filepath.Join(snap, ".bwlint.hcl")
		if err := os.Remove(policy); err != nil {
			t.Fatal(err)
		}
		if err := create(policy); err != nil {
			t.Fatal(err)
		}
		code, stderr := bwlintWithin(t, "lint", snap)
		want := policy + ": not a regular file but a " + name + "; the policy file must be a plain file"
		if name == "directory" {
			want = policy + ": is a directory; the policy file must be a plain file"
		}
		if code != exitUsage || !strings.Contains(stderr, want) {
			t.Errorf("%s at the snapshot root: exit %d, stderr %q; want exit 3 and %q", name, code, stderr, want)
		}
	}
}

// TestControlCharactersEscaped: file names, host names and values that
// hold control characters reach no human-readable output raw. A file
// named "evil\n::error file=x::X.txt" must not give a line that GitHub
// Actions reads as a workflow command, ESC must not reach a terminal, and
// a carriage return or backspace must not overwrite what was printed.
func TestControlCharactersEscaped(t *testing.T) {
	snap := copyExample(t)
	write := func(rel, content string) {
		p := filepath.Join(snap, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hosts/as1/evil\n::error file=x::X.txt", "not a capture\n")
	write("hosts/as1/\x1b[2Jclear\u202etxt.txt", "no prompt here\n")
	write("hosts/as\x1b]0;pwned\x07/bwshowver.txt", "AS version Rel_24.0_1.944\n")
	write("hosts/as2/values.txt", "AS_CLI/Interface/Messaging> get\n  description = safe\rEVIL\b\b\b\x1b[31mred\x1b[0m\n")
	policy := filepath.Join(t.TempDir(), "policy.hcl")
	rule := "rule \"site_description\" {\n  title   = \"description\"\n  role    = \"as\"\n  context = \"Interface/Messaging\"\n  key     = \"description\"\n  equals  = \"x\"\n  fix     = \"Set it.\"\n}\n"
	if err := os.WriteFile(policy, []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	var runs [][]string
	for _, f := range []string{"text", "markdown", "github", "junit"} {
		runs = append(runs, []string{"lint", "--as-of", "2026-11-22", "--config", policy, "--format", f, snap})
	}
	runs = append(runs, []string{"parse", snap})
	for _, f := range []string{"text", "markdown"} {
		runs = append(runs, []string{"diff", "--as-of", "2026-11-22", "--config", policy, "--format", f, "../../testdata/example", snap})
	}
	for _, args := range runs {
		code, stdout, stderr := bwlint(t, args...)
		name := "bwlint " + strings.Join(args[:len(args)-1], " ")
		if code == exitInternal || code == exitUsage {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		for _, out := range []string{stdout, stderr} {
			if i := strings.IndexAny(out, "\x1b\r\b\x07\u202e"); i >= 0 {
				t.Errorf("%s: a control character at byte %d: %q", name, i, out[max(0, i-40):min(len(out), i+40)])
			}
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "::error file=x") || (!strings.Contains(name, "github") && strings.HasPrefix(line, "::")) {
					t.Errorf("%s: a line reads as a workflow command: %q", name, line)
				}
			}
		}
		if !strings.Contains(name, "diff --as-of 2026-11-22 --config "+policy+" --format markdown") && !strings.Contains(stdout, `evil\n`) {
			t.Errorf("%s does not name the file with its newline escaped:\n%s", name, stdout)
		}
	}
}

// TestReportOntoHardLink: a report or baseline whose destination is a
// hard link to a capture is refused (exit 3) and the capture keeps its
// bytes; an ordinary report replaces its old file whole, through a
// temporary file that does not stay behind; a device is written as it is.
func TestReportOntoHardLink(t *testing.T) {
	snap := copyExample(t)
	capture := filepath.Join(snap, "hosts", "as1", "patching.txt")
	before, err := os.ReadFile(capture)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	link := filepath.Join(out, "report.txt")
	if err := os.Link(capture, link); err != nil {
		t.Skipf("hard link: %v", err)
	}
	for _, args := range [][]string{
		{"lint", "--output", link, snap},
		{"lint", "--report", "sarif=" + link, snap},
		{"lint", "--write-baseline", link, snap},
		{"parse", "--output", link, snap},
		{"diff", "--output", link, "../../testdata/example", snap},
	} {
		code, _, stderr := bwlint(t, args...)
		if code != exitUsage || !strings.Contains(stderr, "is "+capture+", which this run reads") {
			t.Errorf("bwlint %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr)
		}
	}
	if after, err := os.ReadFile(capture); err != nil || !bytes.Equal(after, before) {
		t.Fatalf("%s was changed through its hard link", capture)
	}

	report := filepath.Join(out, "lint.json")
	if err := os.WriteFile(report, []byte("an older, longer report that must go entirely"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := bwlint(t, "lint", "--as-of", "2026-11-22", "--format", "json", "--output", report, snap); code != exitFindings {
		t.Fatalf("lint --output: exit %d: %s", code, stderr)
	}
	if b, err := os.ReadFile(report); err != nil || !bytes.HasPrefix(b, []byte("{")) || bytes.Contains(b, []byte("older")) {
		t.Errorf("the report was not replaced whole: %.60q, %v", b, err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 2 {
		t.Errorf("left in the report folder: %v", entries)
	}
	if code, _, stderr := bwlint(t, "lint", "--output", "/dev/null", snap); code != exitFindings {
		t.Errorf("lint --output /dev/null: exit %d: %s", code, stderr)
	}
}
