package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/bwlint/bwlint/inputs/bounded"
)

// EnvVar names the environment variable that points at a policy file.
const EnvVar = "BWLINT_CONFIG"

// Discover finds the policy file: flagPath (--config), else envPath (the
// value of BWLINT_CONFIG), else .bwlint.hcl in cwd, else .bwlint.hcl at
// the snapshot root. explicit is true when the path came from the flag or
// the environment; such a path must exist, so a typo is an error rather
// than a silent run with the defaults. path is "" when there is no file.
// Pass cwd as "." to have a file found there named relative to it.
//
// A policy file found, or named, that cannot be read as one — a
// directory, a named pipe, a link to a device, a file larger than
// MaxSize — is an error: skipping it would drop its waivers and rules in
// silence, and reading it could block or never end.
func Discover(flagPath, envPath, cwd, snapshotRoot string) (path string, explicit bool, err error) {
	for _, given := range []struct{ path, origin string }{{flagPath, "--config"}, {envPath, EnvVar}} {
		if given.path == "" {
			continue
		}
		st, err := os.Stat(given.path)
		switch {
		case err != nil:
			return "", true, fmt.Errorf("%s %s: %w", given.origin, given.path, bounded.WithoutPath(err))
		case st.IsDir():
			return "", true, fmt.Errorf("%s %s: is a directory; name the file, such as %s", given.origin, given.path, filepath.Join(given.path, FileName))
		}
		if err := bounded.Check(st, MaxSize); err != nil {
			return "", true, fmt.Errorf("%s %s: %w", given.origin, given.path, err)
		}
		return given.path, true, nil
	}
	for _, dir := range []string{cwd, snapshotRoot} {
		if dir == "" {
			continue
		}
		p := filepath.Join(dir, FileName)
		st, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
			// A snapshot root that is no directory holds no policy;
			// loading the snapshot says what is wrong with it.
			continue
		case err != nil:
			return "", false, fmt.Errorf("%s: %w", p, bounded.WithoutPath(err))
		}
		if err := bounded.Check(st, MaxSize); err != nil {
			return "", false, fmt.Errorf("%s: %w; the policy file must be a plain file", p, err)
		}
		return p, false, nil
	}
	return "", false, nil
}
