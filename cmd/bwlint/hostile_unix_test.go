//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bwlint runs the CLI in-process and returns its exit code, stdout and
// stderr.
func bwlint(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"bwlint"}, args...), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// copySnapshot copies a snapshot under testdata into a temporary directory.
func copySnapshot(t *testing.T, from string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "snap")
	if err := os.CopyFS(dir, os.DirFS(from)); err != nil {
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
	before := copySnapshot(t, "../../testdata/example")
	after := copySnapshot(t, "../../testdata/example")
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
		if !strings.Contains(stdout, "a symbolic link to "+secretFile+", outside the snapshot") {
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
