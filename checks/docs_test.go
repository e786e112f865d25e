package checks

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/linttest"
)

// docsDir is where the generated check pages live.
const docsDir = "../docs/checks"

// TestGeneratedDocs renders docs/checks/<name>.md and the index from the
// check definitions (documented), with each check's "example" case as real output, and
// fails when a checked-in page is stale. -update rewrites them.
func TestGeneratedDocs(t *testing.T) {
	var index strings.Builder
	index.WriteString("# Checks\n\nGenerated from the check definitions by `go test ./checks -update`; do not edit.\n\n")
	index.WriteString("The built-in checks, and the checks of the policy file (`config_…`) and of the baseline (`baseline_…`). ")
	index.WriteString("Site rules, defined in a policy file's `rule` blocks, are documented there; see [config.md](../config.md#rule-a-site-check-without-go).\n\n")
	index.WriteString("| check | default severity | title |\n| --- | --- | --- |\n")
	for _, c := range Documented() {
		fmt.Fprintf(&index, "| [%s](%s.md) | %s | %s |\n", c.Name, c.Name, c.Severity, c.Title)
		page := c.Markdown()
		if example := filepath.Join("testdata", c.Name, "example.golden"); fileExists(example) {
			b, err := os.ReadFile(example)
			if err != nil {
				t.Fatal(err)
			}
			page += "\n## Example\n\nOutput of `bwlint lint` on the check's example snapshot (`checks/testdata/" + c.Name + "/example/`):\n\n```text\n" + string(b) + "```\n"
		}
		linttest.Golden(t, filepath.Join(docsDir, c.Name+".md"), page)
	}
	linttest.Golden(t, filepath.Join(docsDir, "README.md"), index.String())
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
