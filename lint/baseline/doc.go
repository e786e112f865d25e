// Package baseline records the findings of a run so that a CI gate fails
// only on new problems.
//
// A baseline file is sorted, indented JSON, one entry per finding: check,
// host, context, key and a hash of the offending value. It never holds
// line numbers, which move with every capture, nor values, which may be
// sensitive; so it stays stable across re-captures and is safe to commit
// and review.
//
// lint/judge compares a run with a baseline: a finding whose entry has
// the same value hash is baselined (reported, not counted); one whose
// value changed counts again; one without an entry is new; entries that
// match nothing are reported so that the file can be pruned.
//
// A baseline also records the run's evidence gaps (check, host, context
// and command): a later run with the baseline reports a known gap
// without failing on it, and fails on a new one.
package baseline
