// Package config reads the policy file, .bwlint.hcl: which checks run and
// how (lint and check blocks), what the snapshot cannot tell (host and
// cluster blocks), which findings are accepted for a while (waiver blocks)
// and site rules written without Go (rule blocks). It is data: it decodes
// and validates the file and hands over what it says — the checks and
// their settings to the engine, the inventory to inputs.LoadWith, the
// waivers to lint/judge, and each rule block, as a Rule, to the catalog's
// check template (checks.SiteRule), which runs it.
//
// The flow through a lint run is:
//
//	found, err := config.Discover(flag, os.Getenv(config.EnvVar), ".", snapshotDir)
//	cfg, diags := config.Load(found.Path, checks.Catalog()) // "" loads the defaults; errors: exit 3
//	snap, err := inputs.LoadWith(dir, inputs.LoadOptions{Inventory: cfg.Inventory()})
//	diags = cfg.CheckInventory(snap)                // warnings only, before the run
//	res := lint.Run(ctx, snap, cfg.Checks(), cfg.Settings())
//	j := judge.New(res, checks.Notes()).Waive(cfg.Policy(time.Now())) // unless --no-waivers
//
// Every problem in the file is an hcl.Diagnostic whose Subject points at
// the offending token; WriteDiagnostics prints them with a snippet. The
// package never imports the checks: the Catalog (built-in checks and the
// site rule template) is a parameter, so the engine stays independent of
// what it runs.
//
// docs/config.md is the user's reference for every block and attribute.
package config
