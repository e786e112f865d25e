package checks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/linttest"
)

func TestAllIsValid(t *testing.T) {
	for _, list := range [][]*lint.Check{All(), Policy(), Documented()} {
		if err := lint.Validate(list); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEveryCheckHasCasesAndDocs keeps the places a check lives in step:
// its definition, its test cases (an "example" and a "good" one) and the
// page it names (Check.DocPath), which must exist — for the generated
// pages, run make update.
func TestEveryCheckHasCasesAndDocs(t *testing.T) {
	for _, c := range All() {
		for _, want := range []string{"example", "good"} {
			if _, err := os.Stat(filepath.Join("testdata", c.Name, want)); err != nil {
				t.Errorf("check %s has no testdata/%s/%s/ case", c.Name, c.Name, want)
			}
		}
	}
	for _, c := range Documented() {
		page, _, _ := strings.Cut(c.DocPath(), "#")
		if _, err := os.Stat(filepath.Join("..", filepath.FromSlash(page))); err != nil {
			t.Errorf("check %s names the page %s, which does not exist (make update writes the generated pages)", c.Name, c.DocPath())
		}
	}
}

func TestChecks(t *testing.T) {
	for _, c := range All() {
		t.Run(c.Name, func(t *testing.T) {
			linttest.Run(t, c, filepath.Join("testdata", c.Name))
		})
	}
}

// runWith lints a testdata case with one check and the given options.
func runWith(t *testing.T, c *lint.Check, opts any, dir ...string) *lint.Result {
	t.Helper()
	snap, err := inputs.Load(filepath.Join(append([]string{"testdata"}, dir...)...))
	if err != nil {
		t.Fatal(err)
	}
	set := lint.Settings{}
	if opts != nil {
		set.Options = map[string]any{c.Name: opts}
	}
	res := lint.Run(context.Background(), snap, []*lint.Check{c}, set)
	for _, f := range res.Failures {
		t.Fatalf("check %s failed: %v", f.Check, f.Err)
	}
	return res
}
