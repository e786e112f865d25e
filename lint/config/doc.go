// Package config reads the policy file, .bwlint.hcl: which checks run and
// how (lint and check blocks), what the snapshot cannot tell (host and
// cluster blocks), which findings are accepted for a while (waiver blocks)
// and site rules written without Go (rule blocks).
//
// The flow through a lint run is:
//
//	found, err := config.Discover(flag, os.Getenv(config.EnvVar), ".", snapshotDir)
//	cfg, diags := config.Load(found.Path, checks.All()) // "" loads the defaults; errors: exit 3
//	diags = cfg.ApplyInventory(snap)                // warnings only, before the run
//	res := lint.Run(ctx, snap, cfg.Checks(), cfg.Settings())
//	cfg.ApplyWaivers(res, time.Now())               // unless --no-waivers
//
// Every problem in the file is an hcl.Diagnostic whose Subject points at
// the offending token; WriteDiagnostics prints them with a snippet. The
// package never imports the checks: the built-in list is a parameter, so
// the engine stays independent of what it runs.
//
// docs/config.md is the user's reference for every block and attribute.
package config
