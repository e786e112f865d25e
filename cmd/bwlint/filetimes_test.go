package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testFileTime is the modification time the tests give every file of
// the snapshots they report on: reports record it as the capture time of
// a file that shows none, and a checkout's times are those of the
// checkout, different on every clone.
var testFileTime = time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)

// withPinnedFileTimes runs the rest of the test in a copy of the
// repository's testdata and README and of this package's test inputs, laid out as
// they are (so that paths print as they do from this directory), with
// every file's time set to testFileTime. It returns the package's own
// directory, where golden files are read and written.
func withPinnedFileTimes(t *testing.T) string {
	t.Helper()
	pkg, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	scratch := t.TempDir()
	copyPinned(t, filepath.Join(pkg, "..", "..", "testdata"), filepath.Join(scratch, "testdata"), nil)
	// A file, not a directory, where a snapshot is expected.
	readme, err := os.ReadFile(filepath.Join(pkg, "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(scratch, "README.md"), readme, 0o644); err != nil {
		t.Fatal(err)
	}
	here := filepath.Join(scratch, "cmd", "bwlint")
	copyPinned(t, filepath.Join(pkg, "testdata"), filepath.Join(here, "testdata"), func(name string) bool {
		return strings.HasSuffix(name, ".golden")
	})
	t.Chdir(here)
	return pkg
}

// copyPinned copies the tree from into to, leaving out the files skip
// names, and sets every file's time to testFileTime.
func copyPinned(t *testing.T, from, to string, skip func(string) bool) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dest := filepath.Join(to, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(dest, 0o755)
		case skip != nil && skip(d.Name()), !d.Type().IsRegular():
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dest, data, 0o644); err != nil {
			return err
		}
		return os.Chtimes(dest, testFileTime, testFileTime)
	})
	if err != nil {
		t.Fatal(err)
	}
}
