package lint

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
)

// Result is everything a run produced, sorted deterministically: what the
// checks found, before any waiver, baseline or comparison (lint/judge)
// says what it means.
type Result struct {
	// Checks are the checks that ran, in name order.
	Checks       []*Check
	Findings     []Finding
	NotEvaluated []NotEvaluated
	// Gaps are the evidence gaps: checks that apply to a host whose
	// evidence is missing there.
	Gaps []Gap
	// Failures are checks that returned an error or panicked.
	Failures []Failure
	// Problems are the snapshot's input problems.
	Problems []source.Problem
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
	// NotApplicable lists, by check name, the hosts the check does not
	// apply to, as the policy says.
	NotApplicable map[string][]Exemption
}

// Exemption says that a check does not apply to a host: it is not run
// there, what it would report there is dropped, and the host is recorded
// as not evaluated with Reason, which says where the policy says so.
type Exemption struct {
	Host   string
	Reason string
}

// Run executes checks concurrently on snap. snap is read-only for the
// duration; each check writes only to its own Pass.
func Run(ctx context.Context, snap *inputs.Snapshot, checks []*Check, set Settings) *Result {
	passes := make([]*Pass, len(checks))
	failures := make([]*Failure, len(checks))
	for i, c := range checks {
		opts := set.Options[c.Name]
		if opts == nil && c.Options != nil {
			opts = c.Options()
		}
		passes[i] = &Pass{Check: c, Snapshot: snap, Options: opts, exempt: exemptions(set.NotApplicable[c.Name])}
	}
	// One worker per processor takes the checks in turn: a goroutine
	// per check would grow a new stack for each of them.
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(len(checks), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				if err := ctx.Err(); err != nil {
					failures[i] = &Failure{Check: checks[i].Name, Err: err.Error()}
					continue
				}
				failures[i] = runOne(passes[i])
			}
		})
	}
	for i := range checks {
		next <- i
	}
	close(next)
	wg.Wait()

	r := &Result{Problems: snap.Problems}
	for i, p := range passes {
		r.Checks = append(r.Checks, p.Check)
		if f := failures[i]; f != nil {
			r.Failures = append(r.Failures, *f)
			continue
		}
		p.dropExempt()
		for _, f := range p.findings {
			if sev, ok := set.Severity[p.Check.Name]; ok {
				f.Severity = sev
			}
			r.Findings = append(r.Findings, f)
		}
		r.NotEvaluated = append(r.NotEvaluated, p.skipped...)
		r.Gaps = append(r.Gaps, p.gaps...)
	}
	slices.SortFunc(r.Checks, func(a, b *Check) int { return cmp.Compare(a.Name, b.Name) })
	SortFindings(r.Findings)
	slices.SortStableFunc(r.NotEvaluated, func(a, b NotEvaluated) int {
		return cmp.Or(cmp.Compare(a.Check, b.Check), cmp.Compare(a.Host, b.Host), cmp.Compare(a.Reason, b.Reason))
	})
	SortGaps(r.Gaps)
	slices.SortFunc(r.Failures, func(a, b Failure) int { return cmp.Compare(a.Check, b.Check) })
	return r
}

// SortGaps orders gaps by check, host, file and command.
func SortGaps(gs []Gap) {
	slices.SortStableFunc(gs, func(a, b Gap) int {
		return cmp.Or(cmp.Compare(a.Check, b.Check), cmp.Compare(a.Host, b.Host), cmp.Compare(a.File, b.File),
			cmp.Compare(a.Evidence.Key(), b.Evidence.Key()), cmp.Compare(a.Reason, b.Reason))
	})
}

func exemptions(es []Exemption) map[string]Exemption {
	if len(es) == 0 {
		return nil
	}
	m := make(map[string]Exemption, len(es))
	for _, e := range es {
		m[strings.ToLower(e.Host)] = e
	}
	return m
}

// dropExempt removes what the check reported about hosts it does not
// apply to, and records each such host of the snapshot, or that the check
// spoke of, as not evaluated once, with the policy's reason: a check the
// policy scopes out is not run there, and says so.
func (p *Pass) dropExempt() {
	if len(p.exempt) == 0 {
		return
	}
	named := map[string]bool{}
	keep := func(host string) bool {
		if p.Applies(host) {
			return true
		}
		named[strings.ToLower(host)] = true
		return false
	}
	p.findings = slices.DeleteFunc(p.findings, func(f Finding) bool { return !keep(f.Host) })
	p.gaps = slices.DeleteFunc(p.gaps, func(g Gap) bool { return !keep(g.Host) })
	p.skipped = slices.DeleteFunc(p.skipped, func(n NotEvaluated) bool { return !keep(n.Host) })
	for _, h := range p.Snapshot.Hosts {
		if !p.Applies(h.Name) {
			named[strings.ToLower(h.Name)] = true
		}
	}
	for host, e := range p.exempt {
		if named[host] {
			p.skipped = append(p.skipped, NotEvaluated{Check: p.Check.Name, Host: e.Host, Reason: e.Reason})
		}
	}
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
