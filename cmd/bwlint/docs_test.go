package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/linttest"
	"github.com/google/go-cmp/cmp"
)

// TestDocs keeps the command output shown in the documentation real. Every
// example block in docsWithOutput is generated: a marker names the command
// that produced it, and this test runs the command in-process and compares
// the block with its output (go test ./cmd/bwlint -run Docs -update
// rewrites the blocks). The syntax, in the Markdown:
//
//	<!-- bwlint-output: ARGS [| STAGE]... -->
//	```text
//	...output of bwlint ARGS...
//	```
//	<!-- /bwlint-output -->
//
// ARGS are bwlint's arguments as a user types them at the repository root
// (double quotes group words). Stages, applied in order:
//
//	exit N             the command exits N (without it: 0)
//	stderr             show stderr after stdout (without it stderr must be empty)
//	file NAME          show the file NAME the command wrote instead of stdout
//	head N             keep the first N lines
//	from TEXT          keep the lines from the first one starting with TEXT
//	json-at P          show only the value at path P
//	json-keep P[SEL]…  keep only the elements of the array at path P that SEL selects
//	json-cut P N       cut strings under path P to N characters, ending them with …
//	json-set P=VALUE   replace the value at path P with the string VALUE
//	json-drop P        remove the object member at path P
//
// A path P is dot-separated object keys and array indexes from the
// document's root ("" is the root itself, as in "[0]"). SEL is a
// comma-separated list of array indexes, FIELD=VALUE (the element's field
// at a dotted path equals VALUE) and FIELD^=PREFIX; an element is kept
// when any of them matches it.
//
// The markers of one document run in order in one scratch directory that
// holds a copy of the repository's testdata, so that commands writing files
// (--output, --report, --write-baseline) never touch the checkout, and a
// later example can read a file an earlier one wrote (a baseline). Paths
// therefore print as a user running from the repository root sees them,
// and every file of the copy has the time testFileTime, which reports show
// as the capture time of a file that shows none of its own.
func TestDocs(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("NO_COLOR", "1")
	t.Setenv("FORCE_COLOR", "")
	t.Setenv(config.EnvVar, "")
	for _, doc := range docsWithOutput {
		t.Run(filepath.Base(doc), func(t *testing.T) {
			path := filepath.Join(root, filepath.FromSlash(doc))
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			examples, err := parseDocExamples(string(src))
			if err != nil {
				t.Fatalf("%s: %v", doc, err)
			}
			if len(examples) == 0 {
				t.Fatalf("%s: no <!-- bwlint-output: --> marker: the test would check nothing", doc)
			}
			scratch := t.TempDir()
			copyPinned(t, filepath.Join(root, "testdata"), filepath.Join(scratch, "testdata"), nil)
			t.Chdir(scratch)
			var out strings.Builder
			last := 0
			for _, ex := range examples {
				got, err := ex.render()
				if err != nil {
					t.Errorf("%s:%d: %s: %v", doc, ex.line, ex.spec, err)
					got = ex.body
				}
				if got != ex.body && !*linttest.Update {
					t.Errorf("%s:%d: the output of `bwlint %s` has changed; run go test ./cmd/bwlint -run Docs -update and review the diff (-doc +real):\n%s",
						doc, ex.line, ex.spec, cmp.Diff(ex.body, got))
				}
				out.WriteString(string(src[last:ex.start]))
				out.WriteString(got)
				last = ex.end
			}
			out.WriteString(string(src[last:]))
			if *linttest.Update && out.String() != string(src) {
				if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("rewrote %s", doc)
			}
		})
	}
}

// docsWithOutput are the documents, relative to the repository root, whose
// command-output examples TestDocs generates.
var docsWithOutput = []string{"docs/output.md", "docs/review.md", "docs/inputs.md", "docs/config.md"}
