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
		got, exp, err := config.Discover(flag, env, cwd, snap)
		if err != nil || got != wantPath || exp != wantExplicit {
			t.Errorf("%s: got %q, %v, %v; want %q, %v", name, got, exp, err, wantPath, wantExplicit)
		}
	}
	check("nothing anywhere", "", "", "", false)
	write(filepath.Join(snap, config.FileName))
	check("snapshot root", "", "", filepath.Join(snap, config.FileName), false)
	write(filepath.Join(cwd, config.FileName))
	check("cwd before snapshot root", "", "", filepath.Join(cwd, config.FileName), false)
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
		_, explicit, err := config.Discover(tt.flag, tt.env, dir, dir)
		if err == nil || !explicit || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("config.Discover(%q, %q): %v, explicit %v; want error %q", tt.flag, tt.env, err, explicit, tt.want)
		}
	}
}

func TestDiscoverRelativeToDot(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, config.FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	got, _, err := config.Discover("", "", ".", "")
	if err != nil || got != config.FileName {
		t.Errorf("got %q, %v; want %q", got, err, config.FileName)
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
	if _, _, err := config.Discover("", "", "", dir); err == nil || err.Error() != want {
		t.Errorf("a directory at the snapshot root: %v; want %q", err, want)
	}
	big := filepath.Join(t.TempDir(), "big.hcl")
	if err := os.WriteFile(big, make([]byte, config.MaxSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := config.Discover(big, "", "", ""); err == nil || !strings.Contains(err.Error(), "more than the limit of 1048576") {
		t.Errorf("a policy of %d bytes: %v", config.MaxSize+1, err)
	}
}
