package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/lint/config"
)

// runInitCmd runs "bwlint init" in-process, adding the command to the app
// when app.go does not wire it yet.
func runInitCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := newApp(&out, &errOut)
	if app.Command("init") == nil {
		app.Commands = append(app.Commands, initCommand())
	}
	code, msg := codeOf(app.Run(append([]string{"bwlint", "init"}, args...)))
	if msg != "" {
		errOut.WriteString(msg)
	}
	return code, out.String(), errOut.String()
}

func TestInitWritesStarterThatLoads(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runInitCmd(t, dir)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	path := filepath.Join(dir, config.FileName)
	if !strings.Contains(stdout, "wrote "+path) {
		t.Errorf("stdout %q does not name %s", stdout, path)
	}
	cfg, diags := config.Load(path, checks.Catalog())
	if len(diags) > 0 {
		var b strings.Builder
		_ = config.WriteDiagnostics(&b, diags, cfg.Files(), false)
		t.Fatalf("the starter does not load cleanly:\n%s", b.String())
	}
}

func TestInitRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, config.FileName)
	if err := os.WriteFile(path, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runInitCmd(t, dir)
	if code != exitUsage || !strings.Contains(stderr, "already exists") {
		t.Errorf("exit %d, stderr %q; want %d and a refusal", code, stderr, exitUsage)
	}
	if b, _ := os.ReadFile(path); string(b) != "# mine\n" {
		t.Error("the existing file was changed")
	}

	code, _, stderr = runInitCmd(t, "--force", dir)
	if code != exitOK {
		t.Fatalf("--force: exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, config.Starter(checks.All())) {
		t.Error("--force did not write the starter")
	}
}

func TestInitUsage(t *testing.T) {
	if code, _, _ := runInitCmd(t, "a", "b"); code != exitUsage {
		t.Errorf("two arguments: exit %d, want %d", code, exitUsage)
	}
	if code, _, stderr := runInitCmd(t, filepath.Join(t.TempDir(), "missing")); code != exitUsage || !strings.Contains(stderr, "cannot create") {
		t.Errorf("missing directory: exit %d, stderr %q", code, stderr)
	}
}
