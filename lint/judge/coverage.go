package judge

import (
	"cmp"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
)

// CellStatus is what a judged run established about one check on one
// host: the coverage matrix's cell.
type CellStatus string

// The statuses of a coverage cell.
const (
	// CellPassed: the check evaluated the host and found nothing.
	CellPassed CellStatus = "passed"
	// CellFinding: the check found something on the host that no waiver
	// covers (it may be baselined).
	CellFinding CellStatus = "finding"
	// CellWaived: every finding of the check on the host is waived.
	CellWaived CellStatus = "waived"
	// CellNotEvaluated: the check could not look, for a reason that is
	// not missing evidence.
	CellNotEvaluated CellStatus = "not_evaluated"
	// CellGap: the check applies to the host and its evidence is missing.
	CellGap CellStatus = "evidence_gap"
)

// CellStatuses lists the statuses in the order reports explain them.
var CellStatuses = []CellStatus{CellPassed, CellFinding, CellWaived, CellNotEvaluated, CellGap}

// Cell is one cell of the coverage matrix of a judged run.
type Cell struct {
	Check string
	// Host is the host; "" for what a check says of the whole snapshot
	// (Partner Hub, or every host when there is no host to name).
	Host   string
	Status CellStatus
	// Findings counts the check's findings on the host, and Waived those
	// of them a waiver covers: a cell with an evidence gap may have
	// findings too, from the evidence that was there.
	Findings, Waived int
	// Reasons say why the check was not evaluated or has a gap; on a
	// passed or finding cell, which part of the host it could not
	// evaluate.
	Reasons []string
}

// Coverage is the host × check matrix of the run as judged: for every
// check of the run and every host it reads (lint.Result.Coverage), whether
// it passed, found something, found only what waivers accept, was not
// evaluated, or lacked evidence. A check that says something of the whole
// snapshot — findings without a host, or not evaluated on every host
// because there is none of its role — has a cell with Host "". The
// judging checks (waivers, baseline) are about the policy and baseline
// files, not hosts, and have no cells. Sorted by check, then host.
func (r *Result) Coverage(snap *inputs.Snapshot) []Cell {
	findings, waived := map[cellKey]int{}, map[cellKey]int{}
	for _, f := range r.Findings {
		if f.State == StateFixed || f.UnusedEntry {
			continue // not in this snapshot
		}
		k := cellKey{f.Check, strings.ToLower(f.Host)}
		findings[k]++
		if f.Waiver != nil {
			waived[k]++
		}
	}
	partial := map[cellKey][]string{}
	for _, n := range r.Run.NotEvaluated {
		if n.Partial {
			k := cellKey{n.Check, strings.ToLower(n.Host)}
			partial[k] = append(partial[k], n.Reason)
		}
	}
	var out []Cell
	seen := map[string]bool{}
	for _, c := range r.Run.Coverage(snap) {
		seen[c.Check] = true
		out = append(out, judgedCell(c.Check, c.Host, c.Status, c.Reasons, cellKey{c.Check, strings.ToLower(c.Host)}, findings, waived, partial))
	}
	for _, ch := range r.Run.Checks {
		k := cellKey{ch.Name, ""}
		whole, status := r.wholeSnapshot(ch.Name)
		switch {
		case findings[k] > 0:
			// Findings about the snapshot as a whole (Partner Hub).
			out = append(out, judgedCell(ch.Name, "", lint.Evaluated, nil, k, findings, waived, partial))
		case !seen[ch.Name] && len(whole) > 0:
			out = append(out, Cell{Check: ch.Name, Status: status, Reasons: whole})
		}
	}
	slices.SortFunc(out, func(a, b Cell) int { return cmp.Or(cmp.Compare(a.Check, b.Check), cmp.Compare(a.Host, b.Host)) })
	return out
}

// cellKey names a cell: its check, and its host in lower case, as hosts
// are matched everywhere.
type cellKey struct{ check, host string }

// judgedCell joins one cell of the run's coverage with the judged
// findings of its check and host.
func judgedCell(check, host string, s lint.Status, reasons []string, k cellKey, findings, waived map[cellKey]int, partial map[cellKey][]string) Cell {
	c := Cell{Check: check, Host: host, Findings: findings[k], Waived: waived[k], Reasons: slices.Clone(reasons)}
	switch {
	case s == lint.GapStatus:
		c.Status = CellGap
	case s == lint.NotEvaluatedStatus:
		c.Status = CellNotEvaluated
	case c.Findings > c.Waived:
		c.Status = CellFinding
	case c.Findings > 0:
		c.Status = CellWaived
	default:
		c.Status = CellPassed
	}
	if s == lint.Evaluated {
		c.Reasons = append(c.Reasons, partial[k]...)
	}
	return c
}

// wholeSnapshot returns why a check was not evaluated anywhere — evidence
// about the whole deployment missing (a gap), or no host to evaluate —
// and which of the two it is.
func (r *Result) wholeSnapshot(check string) ([]string, CellStatus) {
	var reasons []string
	status := CellNotEvaluated
	for _, g := range r.Gaps {
		if g.Check == check && g.Host == "" {
			reasons, status = append(reasons, g.Reason), CellGap
		}
	}
	for _, n := range r.Run.NotEvaluated {
		if n.Check == check && n.Host == "" {
			reasons = append(reasons, n.Reason)
		}
	}
	return reasons, status
}

// CoverageCounts counts the cells of each status, every status present.
func CoverageCounts(cells []Cell) map[CellStatus]int {
	out := make(map[CellStatus]int, len(CellStatuses))
	for _, s := range CellStatuses {
		out[s] = 0
	}
	for _, c := range cells {
		out[c.Status]++
	}
	return out
}
