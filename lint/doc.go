// Package lint is bwlint's engine and vocabulary: a Check is a value (name,
// documentation, default severity, the evidence it reads declared as data,
// options, run function); Run executes checks concurrently on a read-only
// inputs.Snapshot and returns a Result of findings, evidence gaps, checks
// not evaluated and failures, sorted so that the same snapshot always
// gives byte-identical reports.
//
// Checks report through a Pass: Report for a finding; Gap when the check
// applies to a host whose capture it needs is missing, unreadable or not
// understood; NotEvaluated for what no capture can settle. Missing evidence
// is never a pass: a gap fails the run (exit code 2) unless gaps are only
// reported (MissingEvidence). A check that returns an error or panics is
// recorded as failed and the others still run. What a finding means for
// the run — waived, known from a baseline, new or fixed since an earlier
// capture — is the next stage's (package lint/judge); reporters (package
// lint/report) only render its judged Result. Coverage and Lost compare what two
// runs established per check and host, for reviews.
package lint
