package checks

import (
	"regexp"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/lint"
)

// cliMention is a context named in a check's documentation:
// "AS_CLI/Maintenance/Patching> listPatch".
var cliMention = regexp.MustCompile(`\b([A-Z]+)_CLI/([A-Za-z0-9/_-]+)>`)

// TestEveryContextIsModelled checks that bwlint's model of the CLIs knows
// every context a check reads, so that an operator's abbreviations there
// ("g", "sys;sec;black;g") are expanded and reach the check.
func TestEveryContextIsModelled(t *testing.T) {
	n := 0
	for _, c := range All() {
		for _, ev := range c.Evidence {
			if ev.Source != lint.FromCLI || ev.Context == "" {
				continue
			}
			n++
			server := "AS"
			if ev.Role == inputs.RoleXSP {
				server = "XSP"
			}
			if !bwcli.KnownContext(server, ev.Context) {
				t.Errorf("check %s reads %s_CLI/%s, which bwlint's model of the CLI does not know: add it to cliContexts in inputs/bwcli/grammar.go", c.Name, server, ev.Context)
			}
		}
		for _, text := range []string{c.Doc, c.Fix} {
			for _, m := range cliMention.FindAllStringSubmatch(text, -1) {
				n++
				if !bwcli.KnownContext(m[1], m[2]) {
					t.Errorf("check %s reads %s_CLI/%s, which bwlint's model of the CLI does not know: add it to cliContexts in inputs/bwcli/grammar.go", c.Name, m[1], m[2])
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no check names a CLI context; the pattern is wrong")
	}
}
