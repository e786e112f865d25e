package checks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
)

// TestDocsNameEveryCapture checks that each built-in check's page under
// docs/checks/ names every command that captures its evidence, with the
// prompt it is typed at and the file it is saved in: an operator reading
// the page must learn what to type without reading the code.
func TestDocsNameEveryCapture(t *testing.T) {
	for _, c := range All() {
		b, err := os.ReadFile(filepath.Join(docsDir, c.Name+".md"))
		if err != nil {
			t.Errorf("check %s: %v", c.Name, err)
			continue
		}
		page := string(b)
		captured := 0
		for _, e := range c.Evidence {
			switch e.Source {
			case lint.FromCLI, lint.FromShell, lint.FromOCIP, lint.FromPartnerHub, lint.FromMeetingsServer:
			default:
				continue
			}
			captured++
			for _, line := range e.Lines(lint.Server(e.Role)) {
				if !strings.Contains(page, "`"+line+"`") {
					t.Errorf("docs/checks/%s.md does not name the command %q that captures its evidence", c.Name, line)
				}
			}
			if !strings.Contains(page, "`"+e.File+"`") {
				t.Errorf("docs/checks/%s.md does not say that %q belongs in %s", c.Name, e.Text, e.File)
			}
		}
		if captured == 0 {
			t.Errorf("check %s declares no captured evidence, so its page cannot say what to capture", c.Name)
		}
	}
}
