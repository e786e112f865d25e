// Package lint is bwlint's engine and vocabulary: a Check is a value (name,
// documentation, default severity, inputs it needs, options, run function);
// Run executes checks concurrently on a read-only inputs.Snapshot and
// returns a Result of findings, checks not evaluated and failures, sorted so
// that the same snapshot always gives byte-identical reports.
//
// Checks report through a Pass: Report for a finding, NotEvaluated when the
// evidence a check needs was not captured. Missing evidence is never a pass.
// A check that returns an error or panics is recorded as failed and the
// others still run. Reporters (package lint/report) only render a Result.
package lint
