package checks

import (
	"os"
	"path/filepath"
	"testing"

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

// TestEveryCheckHasCasesAndDocs keeps the three places a check lives in
// step: its definition, its test cases and its generated page.
func TestEveryCheckHasCasesAndDocs(t *testing.T) {
	for _, c := range All() {
		if _, err := os.Stat(filepath.Join("testdata", c.Name)); err != nil {
			t.Errorf("check %s has no testdata/%s/ cases", c.Name, c.Name)
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
