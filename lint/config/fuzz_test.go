package config_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/lint/config"
)

// FuzzParse holds the loader to its contract on any input: no panic, and
// every diagnostic positioned in the file, so the CLI can always say
// where the problem is.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.hcl")
	seeds = append(seeds, "../../testdata/example/.bwlint.hcl")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add(config.Starter(checks.Builtin()))
	builtin := checks.Catalog()
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, diags := config.Parse(config.FileName, src, builtin)
		for _, d := range diags {
			if d.Subject == nil || d.Subject.Filename != config.FileName {
				t.Fatalf("diagnostic %q has no subject in the file: %v", d.Summary, d.Subject)
			}
		}
		if !diags.HasErrors() {
			_ = cfg.Checks()
			_ = cfg.Settings()
		}
	})
}
