package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/hashicorp/hcl/v2"
)

// The coverage matrix of a run — host × check: passed, finding, waived,
// not evaluated, evidence gap — as the JSON, Markdown, HTML and SARIF
// (audit profile) reports show it. judge.Result.Coverage computes it.

// coverage is the matrix of a judged run; an unknown snapshot has no
// hosts.
func coverage(r *judge.Result, snap *inputs.Snapshot) []judge.Cell {
	if snap == nil {
		snap = &inputs.Snapshot{}
	}
	return r.Coverage(snap)
}

// JSONCell is one cell of the coverage matrix in the JSON formats.
type JSONCell struct {
	Check    string   `json:"check"`
	Host     string   `json:"host"`
	Status   string   `json:"status"`
	Findings int      `json:"findings"`
	Waived   int      `json:"waived"`
	Reasons  []string `json:"reasons"`
}

// CoverageJSON converts the cells for the JSON formats; never nil.
func CoverageJSON(cells []judge.Cell) []JSONCell {
	out := make([]JSONCell, 0, len(cells))
	for _, c := range cells {
		reasons := c.Reasons
		if reasons == nil {
			reasons = []string{}
		}
		out = append(out, JSONCell{Check: c.Check, Host: c.Host, Status: string(c.Status), Findings: c.Findings, Waived: c.Waived, Reasons: reasons})
	}
	return out
}

// CoverageSummary counts the cells of each status, every status present.
func CoverageSummary(cells []judge.Cell) map[string]int {
	out := map[string]int{}
	for s, n := range judge.CoverageCounts(cells) {
		out[string(s)] = n
	}
	return out
}

// coverageCounts is the summary's counts in words, in the order
// judge.CellStatuses explains them.
func coverageCounts(counts map[string]int) string {
	words := map[judge.CellStatus]string{judge.CellPassed: "passed", judge.CellFinding: "with findings", judge.CellWaived: "waived",
		judge.CellNotEvaluated: "not evaluated", judge.CellGap: "with evidence gaps"}
	var parts []string
	total := 0
	for _, st := range judge.CellStatuses {
		parts = append(parts, fmt.Sprintf("%d %s", counts[string(st)], words[st]))
		total += counts[string(st)]
	}
	return plural(total, "host × check cell") + ": " + strings.Join(parts, ", ")
}

// matrix lays the cells out as a table: one row per host ("" for the
// snapshot as a whole, first), one column per check, both sorted.
type matrix struct {
	hosts, checks []string
	cells         map[[2]string]judge.Cell // by host and check
}

func newMatrix(cells []judge.Cell) matrix {
	m := matrix{cells: map[[2]string]judge.Cell{}}
	for _, c := range cells {
		if !slices.Contains(m.hosts, c.Host) {
			m.hosts = append(m.hosts, c.Host)
		}
		if !slices.Contains(m.checks, c.Check) {
			m.checks = append(m.checks, c.Check)
		}
		m.cells[[2]string{c.Host, c.Check}] = c
	}
	slices.Sort(m.hosts)
	slices.Sort(m.checks)
	return m
}

// cell returns the cell of a host and check; ok is false where the check
// does not read the host (another role).
func (m matrix) cell(host, check string) (judge.Cell, bool) {
	c, ok := m.cells[[2]string{host, check}]
	return c, ok
}

// cellLabel is a cell in words, "partly" when a part of the host could
// not be evaluated, and with the findings of a gap's host counted.
func cellLabel(c judge.Cell) string {
	label := strings.ReplaceAll(string(c.Status), "_", " ")
	switch {
	case (c.Status == judge.CellPassed || c.Status == judge.CellFinding || c.Status == judge.CellWaived) && len(c.Reasons) > 0:
		label += ", partly"
	case c.Status == judge.CellGap && c.Findings > 0:
		label += fmt.Sprintf(" and %s", plural(c.Findings, "finding"))
	}
	return label
}

// hostLabel names a row of the matrix.
func hostLabel(host string) string { return cmp.Or(host, "(snapshot)") }

// coverage writes the matrix: hosts down, checks across, since a
// deployment has many more hosts than bwlint has checks.
func (m mdWriter) coverage(cells []judge.Cell) {
	if len(cells) == 0 {
		return
	}
	mx := newMatrix(cells)
	m.p("")
	m.p("### Coverage")
	m.p("")
	m.p("What each check established on each host: passed, finding, waived (every finding waived), not evaluated, evidence gap; \"partly\" when a part of the host could not be evaluated (see below), \"-\" where the check does not read the host.")
	m.p("")
	head, rule := "| Host |", "| --- |"
	for _, c := range mx.checks {
		head += " " + mdCode(c) + " |"
		rule += " --- |"
	}
	m.p("%s", head)
	m.p("%s", rule)
	for _, h := range mx.hosts {
		row := "| " + mdEscape(hostLabel(h)) + " |"
		for _, ch := range mx.checks {
			c, ok := mx.cell(h, ch)
			switch {
			case !ok:
				row += " - |"
			case c.Status == judge.CellFinding || c.Status == judge.CellGap:
				row += " **" + cellLabel(c) + "** |"
			default:
				row += " " + cellLabel(c) + " |"
			}
		}
		m.p("%s", row)
	}
}

// coverageResults are the audit profile's results for the cells that are
// not findings: a check that passed on a host is a result of kind "pass",
// one not evaluated there of kind "notApplicable" (SARIF §3.27.9; their
// level is "none"), so that the log says what was checked, not only what
// was found. Waived and finding cells are the findings' results, and
// evidence gaps are notifications, as in every profile.
func (b *sarifBuilder) coverageResults(cells []judge.Cell) []sarifResult {
	var out []sarifResult
	for _, c := range cells {
		var kind, msg string
		switch c.Status {
		case judge.CellPassed:
			kind, msg = "pass", fmt.Sprintf("%s passed on %s: no finding on the evidence the check evaluated", c.Check, hostOrSnapshot(c.Host))
			if len(c.Reasons) > 0 {
				msg += ", all but: " + strings.Join(c.Reasons, "; ")
			}
		case judge.CellNotEvaluated:
			kind, msg = "notApplicable", fmt.Sprintf("%s was not evaluated on %s: %s", c.Check, hostOrSnapshot(c.Host), strings.Join(c.Reasons, "; "))
		default:
			continue
		}
		loc := b.location(hcl.Range{}, c.Host, false)
		loc.LogicalLocations = b.logicalLocations(lint.Logical{Host: c.Host})
		// The identity of a cell, apart from any finding's: a finding's
		// context is a CLI context or a Partner Hub object, never this.
		id := lint.Finding{Check: c.Check, Logical: lint.Logical{Host: c.Host, Context: "bwlint:coverage"}}
		out = append(out, sarifResult{
			RuleID: c.Check, RuleIndex: b.rule(c.Check), Kind: kind, Level: "none",
			Message:             sarifText{Text: sentence(msg)},
			Locations:           []sarifLocation{loc},
			PartialFingerprints: map[string]string{fingerprintKey: id.Fingerprint()},
			Suppressions:        &[]sarifSuppression{},
			Properties:          &sarifResultProps{Coverage: string(c.Status)},
		})
	}
	return out
}

func hostOrSnapshot(host string) string { return cmp.Or(host, "the snapshot") }
