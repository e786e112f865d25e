package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/linttest"
)

// TestShapes runs bwlint parse on each small capture under
// testdata/shapes/, one per shape operators' terminals and tools save
// (see testdata/SNAPSHOTS.md), and compares what was read, with the exit
// code, with testdata/shapes/<shape>.golden.
func TestShapes(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "shapes")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		t.Run(e.Name(), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"bwlint", "parse", filepath.Join(dir, e.Name())}, &stdout, &stderr)
			if stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
			fmt.Fprintf(&stdout, "exit code %d\n", code)
			linttest.Golden(t, filepath.Join("testdata", "shapes", e.Name()+".golden"), stdout.String())
		})
	}
	if n == 0 {
		t.Fatal("no shapes under testdata/shapes")
	}
}

// TestNotesDoNotFail checks that input problems of severity note reach
// every format as notes and leave the exit code alone: a capture whose only
// problem is a command bwlint does not know passes.
func TestNotesDoNotFail(t *testing.T) {
	snap := filepath.Join(t.TempDir(), "snap")
	if err := os.CopyFS(snap, os.DirFS("../../testdata/example")); err != nil {
		t.Fatal(err)
	}
	extra := "AS_CLI/Interface/Messaging> frobnicate\nFrobnicated.\n"
	if err := os.WriteFile(filepath.Join(snap, "hosts", "as1", "extra.txt"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		format, want string
	}{
		{"text", `hosts/as1/extra.txt:1:29: note: "frobnicate" is not a command bwlint knows in AS_CLI/Interface/Messaging; its output is kept as text`},
		{"json", `"severity": "note"`},
		{"sarif", `"level": "note"`},
		{"github", "hosts/as1/extra.txt,line=1,col=29,endLine=1,endColumn=39,title=input problem::"},
		{"junit", "note: &#34;frobnicate&#34; is not a command"},
		{"codeclimate", `"severity": "info"`},
	} {
		var stdout, stderr bytes.Buffer
		args := []string{"bwlint", "lint", "--as-of", "2026-11-22", "--fail-on", "none", "--format", tc.format, snap}
		if code := run(args, &stdout, &stderr); code != exitOK {
			t.Errorf("%s: exit code %d, want %d; stderr %s", tc.format, code, exitOK, stderr.String())
		}
		if !strings.Contains(words(stdout.String()), tc.want) || (tc.format == "github" && !bytes.Contains(stdout.Bytes(), []byte("::notice file="))) {
			t.Errorf("%s: output does not hold %q:\n%s", tc.format, tc.want, stdout.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"bwlint", "parse", snap}, &stdout, &stderr); code != exitOK {
		t.Errorf("parse: exit code %d, want %d", code, exitOK)
	}
}
