package checks

import "github.com/bwlint/bwlint/lint"

// configWaiverExpired reports a waiver of the policy file past its
// expiry. Its findings are about the policy, not the snapshot: the
// judging stage (lint/judge, Policy and Waive) writes them, so Run does
// nothing. It is a check so that every report, SARIF rule list and
// "bwlint explain" knows it, and lint.checks and check blocks can select
// it and set its severity like any other.
var configWaiverExpired = &lint.Check{
	Name:  "config_waiver_expired",
	Title: "a waiver in the configuration has expired",
	Doc: `A ` + "`waiver`" + ` block in .bwlint.hcl accepts the findings of one check,
on some hosts or all, until the day its ` + "`expires`" + ` attribute names. After that
day the waiver covers nothing: the findings it covered count again, and
this finding, located at the waiver block, says so.

Waivers expire so that accepted risk is reviewed rather than forgotten: an
exception agreed for a change window should not outlive it.`,
	Fix: `Fix what the waiver covered and delete the waiver block, or, if the
exception still stands, agree a new date with the waiver's owner and update
` + "`expires`" + ` (and ` + "`reason`" + ` when it changed).`,
	Severity: lint.Warning,
	Evidence: []lint.Evidence{lint.Policy("the waiver blocks, judged on the day of the run (or --as-of)")},
	Tags:     []string{"config"},
	Run:      func(*lint.Pass) error { return nil },
}
