package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/config"
)

func TestDiscover(t *testing.T) {
	dir := t.TempDir()
	cwd := filepath.Join(dir, "cwd")
	snap := filepath.Join(dir, "snap")
	explicit := filepath.Join(dir, "policy.hcl")
	for _, d := range []string{cwd, snap} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("lint {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(explicit)

	check := func(name, flag, env, wantPath string, wantExplicit bool) {
		t.Helper()
		d, err := config.Discover(flag, env, cwd, snap)
		if err != nil || d.Path != wantPath || d.Explicit() != wantExplicit {
			t.Errorf("%s: got %q, %v, %v; want %q, %v", name, d.Path, d.Explicit(), err, wantPath, wantExplicit)
		}
	}
	check("nothing anywhere", "", "", "", false)
	if d, _ := config.Discover("", "", cwd, snap); d.Origin != config.OriginNone || !strings.Contains(d.Reason(), "built-in defaults") {
		t.Errorf("nothing anywhere: %+v, %q", d, d.Reason())
	}
	write(filepath.Join(snap, config.FileName))
	check("snapshot root", "", "", filepath.Join(snap, config.FileName), false)
	write(filepath.Join(cwd, config.FileName))
	check("cwd before snapshot root", "", "", filepath.Join(cwd, config.FileName), false)
	if d, _ := config.Discover("", "", cwd, snap); d.Origin != config.OriginWorkingDir || d.Shadowed != filepath.Join(snap, config.FileName) {
		t.Errorf("cwd's file before the snapshot's own: %+v; want it to name the snapshot's file as shadowed", d)
	}
	if d, _ := config.Discover("", "", snap, snap); d.Shadowed != "" {
		t.Errorf("linting the working directory: %+v; one file cannot shadow itself", d)
	}
	check("environment before cwd", "", explicit, explicit, true)
	check("flag before environment", explicit, filepath.Join(dir, "missing.hcl"), explicit, true)
}

func TestDiscoverExplicitMustExist(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ flag, env, want string }{
		{filepath.Join(dir, "nope.hcl"), "", "--config " + filepath.Join(dir, "nope.hcl") + ": no such file or directory"},
		{"", filepath.Join(dir, "nope.hcl"), "BWLINT_CONFIG " + filepath.Join(dir, "nope.hcl") + ": no such file or directory"},
		{dir, "", "--config " + dir + ": is a directory; name the file, such as " + filepath.Join(dir, config.FileName)},
	} {
		d, err := config.Discover(tt.flag, tt.env, dir, dir)
		if err == nil || !d.Explicit() || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("config.Discover(%q, %q): %v, explicit %v; want error %q", tt.flag, tt.env, err, d.Explicit(), tt.want)
		}
	}
}

func TestDiscoverRelativeToDot(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, config.FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	d, err := config.Discover("", "", ".", "")
	if err != nil || d.Path != config.FileName {
		t.Errorf("got %q, %v; want %q", d.Path, err, config.FileName)
	}
}

// TestDiscoverNotAFile: a .bwlint.hcl that is not a plain file stops the
// run rather than being skipped, which would drop its waivers and rules in
// silence; so does one too large to be a policy.
func TestDiscoverNotAFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, config.FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, config.FileName) + ": is a directory; the policy file must be a plain file"
	if _, err := config.Discover("", "", "", dir); err == nil || err.Error() != want {
		t.Errorf("a directory at the snapshot root: %v; want %q", err, want)
	}
	big := filepath.Join(t.TempDir(), "big.hcl")
	if err := os.WriteFile(big, make([]byte, config.MaxSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := config.Discover(big, "", "", ""); err == nil || !strings.Contains(err.Error(), "more than the limit of 1048576") {
		t.Errorf("a policy of %d bytes: %v", config.MaxSize+1, err)
	}
}
