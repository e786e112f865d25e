package lint

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
)

// Result is everything a run produced, sorted deterministically.
type Result struct {
	// Checks are the checks that ran, in name order.
	Checks       []*Check
	Findings     []Finding
	NotEvaluated []NotEvaluated
	// Failures are checks that returned an error or panicked.
	Failures []Failure
	// Problems are the snapshot's input problems.
	Problems []source.Problem
	// Baseline counts how the findings compared with a baseline; nil
	// when the run was compared with none.
	Baseline *BaselineCounts
}

// BaselineCounts says how a run's findings compared with a baseline.
type BaselineCounts struct {
	// Baselined findings matched an entry with the same value.
	Baselined int
	// Changed findings matched an entry by key but their value changed;
	// they count again.
	Changed int
	// New findings matched no entry.
	New int
	// Unused entries matched no finding.
	Unused int
}

// Failure is a check that failed internally.
type Failure struct {
	Check string
	Err   string
}

// Settings adjust a run: per-check severities and options.
type Settings struct {
	// Severity overrides a check's default severity, by check name.
	Severity map[string]Severity
	// Options are the checks' options by check name; a check without an
	// entry runs with its defaults.
	Options map[string]any
}

// Run executes checks concurrently on snap. snap is read-only for the
// duration; each check writes only to its own Pass.
func Run(ctx context.Context, snap *inputs.Snapshot, checks []*Check, set Settings) *Result {
	passes := make([]*Pass, len(checks))
	failures := make([]*Failure, len(checks))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, c := range checks {
		opts := set.Options[c.Name]
		if opts == nil && c.Options != nil {
			opts = c.Options()
		}
		passes[i] = &Pass{Check: c, Snapshot: snap, Options: opts}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if err := ctx.Err(); err != nil {
				failures[i] = &Failure{Check: c.Name, Err: err.Error()}
				return
			}
			failures[i] = runOne(passes[i])
		})
	}
	wg.Wait()

	r := &Result{Problems: snap.Problems}
	for i, p := range passes {
		r.Checks = append(r.Checks, p.Check)
		if f := failures[i]; f != nil {
			r.Failures = append(r.Failures, *f)
			continue
		}
		for _, f := range p.findings {
			if sev, ok := set.Severity[p.Check.Name]; ok {
				f.Severity = sev
			}
			r.Findings = append(r.Findings, f)
		}
		r.NotEvaluated = append(r.NotEvaluated, p.skipped...)
	}
	slices.SortFunc(r.Checks, func(a, b *Check) int { return cmp.Compare(a.Name, b.Name) })
	SortFindings(r.Findings)
	slices.SortStableFunc(r.NotEvaluated, func(a, b NotEvaluated) int {
		return cmp.Or(cmp.Compare(a.Check, b.Check), cmp.Compare(a.Host, b.Host), cmp.Compare(a.Reason, b.Reason))
	})
	slices.SortFunc(r.Failures, func(a, b Failure) int { return cmp.Compare(a.Check, b.Check) })
	return r
}

// runOne runs one check; an error or a panic becomes a Failure and the
// check's partial output is discarded, because a half-run check proves
// nothing.
func runOne(p *Pass) (fail *Failure) {
	defer func() {
		if v := recover(); v != nil {
			fail = &Failure{Check: p.Check.Name, Err: fmt.Sprintf("panic: %v", v)}
		}
	}()
	if err := p.Check.Run(p); err != nil {
		return &Failure{Check: p.Check.Name, Err: err.Error()}
	}
	return nil
}

// Counting returns the findings that count towards the exit code: those at
// or above the threshold that are not waived.
func (r *Result) Counting(t Threshold) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Counts() && t.Fails(f.Severity) {
			out = append(out, f)
		}
	}
	return out
}

// HasInputErrors reports whether any input problem is an error.
func (r *Result) HasInputErrors() bool {
	for _, p := range r.Problems {
		if p.Severity == source.Error {
			return true
		}
	}
	return false
}

// Exit codes of every bwlint command.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitInput    = 2
	ExitUsage    = 3
	ExitInternal = 4
)

// ExitCode decides a run's exit code: a failed check or parser outranks
// unreadable evidence, which outranks findings at or above the threshold.
func (r *Result) ExitCode(t Threshold) int {
	switch {
	case len(r.Failures) > 0, slices.ContainsFunc(r.Problems, func(p source.Problem) bool { return p.Internal }):
		return ExitInternal
	case r.HasInputErrors():
		return ExitInput
	case len(r.Counting(t)) > 0:
		return ExitFindings
	}
	return ExitOK
}
