package config

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks"
)

// TestErrors loads every testdata/errors/*.hcl and compares the rendered
// diagnostics with its .golden file. A file that loads without errors is
// also applied to the example snapshot, for the inventory's warnings
// and the hosts not_applicable names.
// Every case must produce at least one diagnostic.
func TestErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.hcl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no error cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".hcl"), func(t *testing.T) {
			cfg, diags := Load(file, checks.All())
			if !diags.HasErrors() {
				snap := loadSnapshot(t, exampleSnapshot)
				diags = append(diags, cfg.CheckHosts(snap)...)
				diags = append(diags, cfg.ApplyInventory(snap)...)
			}
			if len(diags) == 0 {
				t.Fatal("no diagnostic")
			}
			for _, d := range diags {
				if d.Subject == nil || d.Subject.Filename != file || d.Subject.Start.Line == 0 {
					t.Errorf("diagnostic %q is not positioned in %s: %v", d.Summary, file, d.Subject)
				}
			}
			golden(t, strings.TrimSuffix(file, ".hcl")+".golden", render(diags, cfg))
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	cfg, diags := Load("testdata/no-such.hcl", checks.All())
	if !diags.HasErrors() {
		t.Fatal("a missing file loaded without error")
	}
	want := "testdata/no-such.hcl: error: Cannot read the configuration file\nno such file or directory.\n\n"
	if got := render(diags, cfg); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteDiagnosticsColor(t *testing.T) {
	cfg, diags := Load("testdata/errors/bad_fail_on.hcl", checks.All())
	var b strings.Builder
	if err := WriteDiagnostics(&b, diags, cfg.Files(), true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[") {
		t.Errorf("no colour in %q", b.String())
	}
	if !strings.HasPrefix(b.String(), "testdata/errors/bad_fail_on.hcl:2:14: error: Invalid fail_on\n") {
		t.Errorf("header is not file:line:column: %q", b.String())
	}
}
