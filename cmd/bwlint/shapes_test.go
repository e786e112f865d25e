package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
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
