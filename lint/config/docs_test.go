package config_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs/golden"
	"github.com/bwlint/bwlint/lint/config"
)

const docsPath = "../../docs/config.md"

// diagnosticsBlock is a diagnostics example in docs/config.md: a marker
// naming a case of testdata/errors, then a text block with its output.
var diagnosticsBlock = regexp.MustCompile("(?s)<!-- diagnostics: ([a-z_]+) -->\n```text\n(.*?)```\n")

// TestDocsDiagnostics keeps the diagnostics shown in docs/config.md real:
// each is the output for its testdata/errors case, loaded as .bwlint.hcl.
// go test -update rewrites them.
func TestDocsDiagnostics(t *testing.T) {
	doc, err := os.ReadFile(docsPath)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	updated := diagnosticsBlock.ReplaceAllFunc(doc, func(block []byte) []byte {
		n++
		m := diagnosticsBlock.FindSubmatch(block)
		name := string(m[1])
		src, err := os.ReadFile("testdata/errors/" + name + ".hcl")
		if err != nil {
			t.Errorf("docs show diagnostics of %s: %v", name, err)
			return block
		}
		cfg, diags := config.Parse(config.FileName, src, checks.Catalog())
		if !diags.HasErrors() {
			snap := loadWith(t, exampleSnapshot, cfg.Inventory())
			diags = append(diags, cfg.CheckHosts(snap)...)
			diags = append(diags, cfg.CheckInventory(snap)...)
		}
		got := render(diags, cfg)
		if !*golden.Update {
			if diff := cmp.Diff(got, string(m[2])); diff != "" {
				t.Errorf("docs/config.md, diagnostics of %s differ from the real output (-real +docs; go test -update rewrites them):\n%s", name, diff)
			}
		}
		return []byte("<!-- diagnostics: " + name + " -->\n```text\n" + got + "```\n")
	})
	if n == 0 {
		t.Error("docs/config.md shows no diagnostics example")
	}
	if *golden.Update {
		if err := os.WriteFile(docsPath, updated, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
