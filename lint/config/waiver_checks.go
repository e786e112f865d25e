package config

import "github.com/bwlint/bwlint/lint"

// The configuration's own checks. Their findings come from ApplyWaivers,
// not from the snapshot, so Run does nothing; they exist as checks so that
// every report, SARIF rule list and "bwlint explain" knows them, and so
// that lint.checks and check blocks can select them and set their
// severity like any other.
var (
	waiverExpired = &lint.Check{
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
	waiverUnused = &lint.Check{
		Name:  "config_waiver_unused",
		Title: "a waiver in the configuration covers no finding",
		Doc: `A ` + "`waiver`" + ` block whose check reported nothing on the hosts it
names. Either the problem was fixed, or the waiver names the wrong check or
hosts and the finding it was meant for is counting. Either way the waiver
should go or be corrected, so that the list of exceptions stays true.

An expired waiver is reported as config_waiver_expired instead.`,
		Fix: `Delete the waiver block if the problem is fixed; otherwise correct its
` + "`check`" + ` or ` + "`hosts`" + ` to name the finding it is meant for.`,
		Severity: lint.Note,
		Evidence: []lint.Evidence{lint.Policy("the waiver blocks, against the findings of the run")},
		Tags:     []string{"config"},
		Run:      func(*lint.Pass) error { return nil },
	}
	waiverChecks = []*lint.Check{waiverExpired, waiverUnused}
)

// Checks returns the configuration's own checks, config_waiver_expired and
// config_waiver_unused, for "bwlint checks", "bwlint explain" and
// documentation. Config.Checks includes them already.
func Checks() []*lint.Check { return waiverChecks }

func isWaiverCheck(name string) bool {
	return name == waiverExpired.Name || name == waiverUnused.Name
}
