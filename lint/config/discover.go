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

// Origin says how the policy file of a run was chosen.
type Origin string

// The origins of a policy file, in the order Discover tries them.
const (
	OriginFlag       Origin = "config_flag"       // --config FILE
	OriginEnv        Origin = "environment"       // $BWLINT_CONFIG
	OriginWorkingDir Origin = "working_directory" // ./.bwlint.hcl
	OriginSnapshot   Origin = "snapshot"          // SNAPSHOT/.bwlint.hcl
	OriginNone       Origin = "none"              // no policy file: the built-in defaults
)

// Discovery is the policy file Discover chose, and why.
type Discovery struct {
	// Path names the file as given (--config, $BWLINT_CONFIG) or as found
	// (joined to the cwd or snapshot root passed to Discover); "" when
	// there is none.
	Path   string
	Origin Origin
	// Shadowed is the snapshot's own .bwlint.hcl when the one in the
	// working directory was chosen before it, another file: the
	// snapshot's policy is not read, and its waivers and rules do not
	// apply. A run says so, since "bwlint init" at the root of a
	// repository is enough to bring that about.
	Shadowed string
}

// Explicit is true when the user named the file (--config,
// $BWLINT_CONFIG) rather than bwlint finding it.
func (d Discovery) Explicit() bool { return d.Origin == OriginFlag || d.Origin == OriginEnv }

// Reason says in words why the file was chosen, or that none was.
func (d Discovery) Reason() string {
	switch d.Origin {
	case OriginFlag:
		return "named with --config"
	case OriginEnv:
		return "named by $" + EnvVar
	case OriginWorkingDir:
		if d.Shadowed != "" {
			return "found in the working directory, before the snapshot's own " + d.Shadowed + ", which is not read"
		}
		return "found in the working directory"
	case OriginSnapshot:
		return "found at the snapshot root"
	}
	return "no --config, no $" + EnvVar + ", and no " + FileName + " in the working directory or at the snapshot root: built-in defaults"
}

// Discover finds the policy file: flagPath (--config), else envPath (the
// value of BWLINT_CONFIG), else .bwlint.hcl in cwd, else .bwlint.hcl at
// the snapshot root. A path from the flag or the environment must exist,
// so a typo is an error rather than a silent run with the defaults.
// Pass cwd as "." to have a file found there named relative to it.
//
// A policy file found, or named, that cannot be read as one — a
// directory, a named pipe, a link to a device, a file larger than
// MaxSize — is an error: skipping it would drop its waivers and rules in
// silence, and reading it could block or never end.
func Discover(flagPath, envPath, cwd, snapshotRoot string) (Discovery, error) {
	for _, given := range []struct {
		path, flag string
		origin     Origin
	}{{flagPath, "--config", OriginFlag}, {envPath, EnvVar, OriginEnv}} {
		if given.path == "" {
			continue
		}
		st, err := os.Stat(given.path)
		switch {
		case err != nil:
			return Discovery{Origin: given.origin}, fmt.Errorf("%s %s: %w", given.flag, given.path, bounded.WithoutPath(err))
		case st.IsDir():
			return Discovery{Origin: given.origin}, fmt.Errorf("%s %s: is a directory; name the file, such as %s", given.flag, given.path, filepath.Join(given.path, FileName))
		}
		if err := bounded.Check(st, MaxSize); err != nil {
			return Discovery{Origin: given.origin}, fmt.Errorf("%s %s: %w", given.flag, given.path, err)
		}
		return Discovery{Path: given.path, Origin: given.origin}, nil
	}
	var found Discovery
	for _, place := range []struct {
		dir    string
		origin Origin
	}{{cwd, OriginWorkingDir}, {snapshotRoot, OriginSnapshot}} {
		if place.dir == "" {
			continue
		}
		p := filepath.Join(place.dir, FileName)
		st, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
			// A snapshot root that is no directory holds no policy;
			// loading the snapshot says what is wrong with it.
			continue
		case err != nil:
			if found.Path != "" {
				continue // the snapshot's file is not read; cwd's decides
			}
			return Discovery{}, fmt.Errorf("%s: %w", p, bounded.WithoutPath(err))
		}
		if found.Path != "" {
			// The working directory's file was found first: say so when
			// the snapshot holds a policy of its own, another file.
			if first, err := os.Stat(found.Path); err == nil && !os.SameFile(first, st) {
				found.Shadowed = p
			}
			break
		}
		if err := bounded.Check(st, MaxSize); err != nil {
			return Discovery{}, fmt.Errorf("%s: %w; the policy file must be a plain file", p, err)
		}
		found = Discovery{Path: p, Origin: place.origin}
	}
	if found.Path == "" {
		found.Origin = OriginNone
	}
	return found, nil
}
