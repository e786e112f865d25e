package config_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs/golden"
	"github.com/bwlint/bwlint/lint/config"
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
			cfg, diags := config.Load(file, checks.Catalog())
			if !diags.HasErrors() {
				snap := loadWith(t, exampleSnapshot, cfg.Inventory())
				diags = append(diags, cfg.CheckHosts(snap)...)
				diags = append(diags, cfg.CheckInventory(snap)...)
			}
			if len(diags) == 0 {
				t.Fatal("no diagnostic")
			}
			for _, d := range diags {
				if d.Subject == nil || d.Subject.Filename != file || d.Subject.Start.Line == 0 {
					t.Errorf("diagnostic %q is not positioned in %s: %v", d.Summary, file, d.Subject)
				}
			}
			golden.File(t, strings.TrimSuffix(file, ".hcl")+".golden", render(diags, cfg))
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	cfg, diags := config.Load("testdata/no-such.hcl", checks.Catalog())
	if !diags.HasErrors() {
		t.Fatal("a missing file loaded without error")
	}
	want := "testdata/no-such.hcl: error: Cannot read the configuration file\nno such file or directory.\n\n"
	if got := render(diags, cfg); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteDiagnosticsColor(t *testing.T) {
	cfg, diags := config.Load("testdata/errors/bad_fail_on.hcl", checks.Catalog())
	var b strings.Builder
	if err := config.WriteDiagnostics(&b, diags, cfg.Files(), true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[") {
		t.Errorf("no colour in %q", b.String())
	}
	if !strings.HasPrefix(b.String(), "testdata/errors/bad_fail_on.hcl:2:14: error: Invalid fail_on\n") {
		t.Errorf("header is not file:line:column: %q", b.String())
	}
}

// TestDiagnosticFloods: a file that is no policy at all yields one
// diagnostic per token; at most config.MaxDiagnostics are shown, with a count of
// the rest, and every line shown is cut to a width, so that the output
// stays small whatever the file holds. Binary data is refused in one
// diagnostic.
func TestDiagnosticFloods(t *testing.T) {
	for name, src := range map[string]string{
		"32768 syntax errors": strings.Repeat("@\n", 32768),
		"one long line":       strings.Repeat("@", 1<<16),
		"NUL bytes":           strings.Repeat("\x00", 1<<20),
	} {
		cfg, diags := config.Parse("flood.hcl", []byte(src), checks.Catalog())
		if !diags.HasErrors() {
			t.Fatalf("%s: no error", name)
		}
		out := render(diags, cfg)
		if len(out) > 32<<10 {
			t.Errorf("%s: %d bytes of diagnostics", name, len(out))
		}
		if n := strings.Count(out, "flood.hcl"); n > 2*config.MaxDiagnostics {
			t.Errorf("%s: %d diagnostics shown", name, n)
		}
		if len(diags) > config.MaxDiagnostics && !strings.Contains(out, fmt.Sprintf("bwlint: %d more diagnostics not shown", len(diags)-config.MaxDiagnostics)) {
			t.Errorf("%s: %d diagnostics and no count of those not shown:\n%s", name, len(diags), out)
		}
		if strings.ContainsAny(out, "\x00\x1b\r") {
			t.Errorf("%s: control characters in the output", name)
		}
	}
	_, diags := config.Parse("nul.hcl", []byte("lint {}\n\x00"), checks.Catalog())
	if len(diags) != 1 || diags[0].Summary != "Not a policy file" {
		t.Errorf("binary file: %v", diags)
	}
}

// TestDiagnosticsHideSecrets: the value a policy expects of a secret is
// never shown in a snippet or a message, whatever the mistake next to it,
// nor is the password of a URL; values of other rules are.
func TestDiagnosticsHideSecrets(t *testing.T) {
	for name, src := range map[string]string{
		"misspelt attribute": `rule "site_pw" {
  title   = "the provisioning password"
  role    = "as"
  context = "Interface/Messaging"
  key     = "provisioningPassword"
  equal   = "Zq9Secret1"
  fix     = "Set it."
}
`,
		"two requirements on a row": `rule "site_pw" {
  title   = "the admin password"
  role    = "as"
  context = "Maintenance/ContainerOptions"
  column  = "Option Value"
  row_key = ["Container Name=provisioning", "Option Name=bw.imp.adminPassword"]
  equals  = "Zq9Secret1"
  matches = "^Zq9Secret1$"
  fix     = "Set it."
}
`,
		"syntax error": "rule \"x\" {\n  key    = \"provisioningPassword\"\n  equals = \"Zq9Secret1\n}\n",
		"url":          "rule \"site_url\" {\n  title   = \"the URL\"\n  role    = \"as\"\n  context = \"Interface/Messaging\"\n  key     = \"provisioningUrl\"\n  equal   = \"https://prov:Zq9Secret1@bridge.example.net/p\"\n}\n",
	} {
		cfg, diags := config.Parse("p.hcl", []byte(src), checks.Catalog())
		if !diags.HasErrors() {
			t.Fatalf("%s: no error", name)
		}
		if out := render(diags, cfg); strings.Contains(out, "Zq9Secret1") || !strings.Contains(out, "(secret, not shown)") {
			t.Errorf("%s:\n%s", name, out)
		}
	}
	cfg, diags := config.Load("testdata/errors/rule_bad_regex.hcl", checks.Catalog())
	if out := render(diags, cfg); !strings.Contains(out, `matches = "com\\.broadsoft\\.(xsi-events"`) {
		t.Errorf("a value that is no secret is hidden:\n%s", out)
	}
}
