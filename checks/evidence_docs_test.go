package checks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
)

// TestDocsNameTheCaptureCommands checks that every check's page tells an
// operator exactly what to type, at which prompt, for each capture the
// check reads, and where to save it.
func TestDocsNameTheCaptureCommands(t *testing.T) {
	for _, c := range All() {
		page, err := os.ReadFile(filepath.Join(docsDir, c.Name+".md"))
		if err != nil {
			t.Fatalf("%s: %v (run go test ./checks -update)", c.Name, err)
		}
		captured := 0
		for _, e := range c.Evidence {
			if e.Source == lint.FromPolicy || e.Source == lint.FromBaseline {
				continue
			}
			captured++
			for _, line := range e.Lines(lint.Server(e.Role)) {
				if !strings.Contains(string(page), "`"+line+"`") {
					t.Errorf("%s: the page does not show the command %q", c.Name, line)
				}
			}
			if !strings.Contains(string(page), "`"+e.File+"`") {
				t.Errorf("%s: the page does not say where %q is saved (%s)", c.Name, e.Text, e.File)
			}
		}
		if captured == 0 {
			t.Errorf("%s reads no capture", c.Name)
		}
	}
}
