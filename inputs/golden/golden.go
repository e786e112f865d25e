// Package golden compares test output with files checked into testdata,
// and rewrites them when the tests run with -update: every package whose
// tests keep golden files uses this one helper and this one flag, so that
// `make update` (go test … -update) rewrites all of them the same way.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update rewrites golden files instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite golden files and generated documentation")

// File compares got with the file at path, or writes it (creating its
// folder) under -update. A golden file checked out with CRLF line ends
// compares equal to the same text with LF.
func File(t testing.TB, path, got string) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if diff := cmp.Diff(strings.ReplaceAll(string(want), "\r\n", "\n"), got); diff != "" {
		t.Errorf("%s differs (-want +got); run go test with -update if the change is intended:\n%s", path, diff)
	}
}
