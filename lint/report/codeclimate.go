package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/hashicorp/hcl/v2"
)

// codeClimateIssue is one entry of a GitLab Code Quality report, the
// subset of the Code Climate spec GitLab reads.
type codeClimateIssue struct {
	Type        string              `json:"type"`
	CheckName   string              `json:"check_name"`
	Description string              `json:"description"`
	Categories  []string            `json:"categories"`
	Fingerprint string              `json:"fingerprint"`
	Severity    string              `json:"severity"`
	Location    codeClimateLocation `json:"location"`
}

type codeClimateLocation struct {
	Path  string           `json:"path"`
	Lines codeClimateLines `json:"lines"`
}

type codeClimateLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// CodeClimate writes a GitLab Code Quality report: a JSON array of issues
// for findings, input problems and not-evaluated checks, so that missing
// evidence shows in the merge request too. Waived findings and findings
// fixed since the baseline are left out: GitLab has no "accepted" state.
// An issue without a file points at line 1 of the host's folder or the
// snapshot directory, because GitLab requires a path and a line.
func CodeClimate(w io.Writer, r *judge.Result, o Options) error {
	paths, err := newReportPaths(o)
	if err != nil {
		return err
	}
	checks := map[string]*lint.Check{}
	for _, c := range r.Checks {
		checks[c.Name] = c
	}
	loc := func(rg hcl.Range, host string) codeClimateLocation {
		if rg.Filename == "" {
			dir := ""
			if o.Snapshot != nil && host != "" {
				if h := o.Snapshot.Host(host); h != nil {
					dir = h.Dir
				}
			}
			return codeClimateLocation{Path: paths.fromRoot(dir), Lines: codeClimateLines{Begin: 1, End: 1}}
		}
		begin := max(rg.Start.Line, 1)
		return codeClimateLocation{Path: paths.fromRoot(rg.Filename), Lines: codeClimateLines{Begin: begin, End: max(rg.End.Line, begin)}}
	}
	issues := []codeClimateIssue{}
	for _, f := range r.Findings {
		if f.Waiver != nil || f.State == judge.StateFixed && !f.UnusedEntry {
			continue
		}
		issues = append(issues, codeClimateIssue{
			Type: "issue", CheckName: f.Check, Description: f.Message,
			Categories:  codeClimateCategories(checks[f.Check]),
			Fingerprint: f.Fingerprint(),
			Severity:    codeClimateSeverity(f.Severity, checks[f.Check]),
			Location:    loc(f.Location, f.Host),
		})
	}
	for _, p := range r.Problems {
		sev := "minor"
		switch p.Severity {
		case source.Error:
			sev = "blocker" // the evidence is unreadable: nothing else can be trusted
		case source.Note:
			sev = "info"
		}
		issues = append(issues, codeClimateIssue{
			Type: "issue", CheckName: "bwlint/input_problem", Description: p.Message, Categories: []string{"Bug Risk"},
			Fingerprint: hashKey("input_problem", p.Range.Filename, strconv.Itoa(p.Range.Start.Line), p.Message),
			Severity:    sev, Location: loc(p.Range, ""),
		})
	}
	for _, g := range r.Gaps {
		sev := "minor"
		if g.Counts(o.MissingEvidence) {
			sev = "blocker" // the run fails: the check could not look
		}
		issues = append(issues, codeClimateIssue{
			Type: "issue", CheckName: "bwlint/evidence_gap",
			Description: fmt.Sprintf("%s has an evidence gap on %s: %s; capture into %s: %s", g.Check, cmp.Or(g.Host, "the snapshot"), g.Reason, paths.fromRoot(g.File), strings.Join(g.Capture(), "; ")),
			Categories:  []string{"Bug Risk"},
			Fingerprint: hashKey("evidence_gap", g.Check, g.Host, g.Context(), g.Command()),
			Severity:    sev, Location: loc(hcl.Range{}, g.Host),
		})
	}
	for _, n := range r.NotEvaluated {
		issues = append(issues, codeClimateIssue{
			Type: "issue", CheckName: "bwlint/not_evaluated",
			Description: fmt.Sprintf("%s not evaluated on %s: %s", n.Check, cmp.Or(n.Host, "all hosts"), n.Reason),
			Categories:  []string{"Bug Risk"},
			Fingerprint: hashKey("not_evaluated", n.Check, n.Host, n.Reason),
			Severity:    "info", Location: loc(hcl.Range{}, n.Host),
		})
	}
	return writeJSON(w, issues)
}

// codeClimateSeverity maps severities onto GitLab's five: note → info,
// warning → minor, error → major; an error from a security check with a
// security-severity from 7.0 (GitHub's "high") is critical, from 9.0
// (GitHub's "critical") blocker.
func codeClimateSeverity(s lint.Severity, c *lint.Check) string {
	switch s {
	case lint.Note:
		return "info"
	case lint.Warning:
		return "minor"
	}
	if c == nil {
		return "major"
	}
	score, err := strconv.ParseFloat(c.SecuritySeverity, 64)
	switch {
	case err != nil || score < 7.0:
		return "major"
	case score < 9.0:
		return "critical"
	}
	return "blocker"
}

func codeClimateCategories(c *lint.Check) []string {
	if c != nil && c.SecuritySeverity != "" {
		return []string{"Security"}
	}
	return []string{"Bug Risk"}
}

// hashKey fingerprints issues that are not findings, from their identity.
func hashKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0x1f})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
