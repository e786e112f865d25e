package checks

import "github.com/bwlint/bwlint/lint"

// configWaiverUnused reports a waiver of the policy file that covers no
// finding. Like configWaiverExpired, the judging stage writes its
// findings.
var configWaiverUnused = &lint.Check{
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
