package report

import (
	"strings"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// Invocation is how bwlint was called for a run: with the policy file
// (Options.Policy), the threshold and the treatment of evidence gaps, what
// decided the outcome besides the evidence itself. Every format that
// serves an audit records it (JSON invocation, SARIF invocations[0],
// Markdown, HTML), so that a report can be reproduced and its verdict
// explained.
type Invocation struct {
	// Arguments are the command line as typed, the program's name first;
	// nil when the caller is no command line (a test of a reporter).
	// Arguments hold flags, paths and dates; the environment, which may
	// hold secrets, is never recorded.
	Arguments []string
	// AsOf is --as-of as given: the day waivers were judged on; "" when
	// they were judged on the day of the run.
	AsOf string
	// NoWaivers is --no-waivers: no waiver was applied.
	NoWaivers bool
}

// CommandLine is the command line as a POSIX shell would take it: each
// argument that holds anything but letters, digits and -_./:=@%+,
// single-quoted. "" when no arguments are known.
func (inv Invocation) CommandLine() string {
	quoted := make([]string, len(inv.Arguments))
	for i, a := range inv.Arguments {
		quoted[i] = shellQuote(a)
	}
	return strings.Join(quoted, " ")
}

// WaiversApplied says in words which waivers the run applied and as of
// which day.
func (inv Invocation) WaiversApplied() string {
	switch {
	case inv.NoWaivers:
		return "none (--no-waivers)"
	case inv.AsOf != "":
		return "the policy's, as of " + inv.AsOf + " (--as-of)"
	}
	return "the policy's, as of the day of the run"
}

// jsonInvocation is an Invocation in the JSON formats, with the settings
// that decided the exit code whether a flag or the policy gave them.
type jsonInvocation struct {
	CommandLine     string   `json:"command_line"`
	Arguments       []string `json:"arguments"`
	AsOf            string   `json:"as_of"`
	NoWaivers       bool     `json:"no_waivers"`
	MissingEvidence string   `json:"missing_evidence"`
	FailOn          string   `json:"fail_on"`
}

func invocationJSON(o Options) jsonInvocation {
	args := o.Invocation.Arguments
	if args == nil {
		args = []string{}
	}
	return jsonInvocation{CommandLine: o.Invocation.CommandLine(), Arguments: args, AsOf: o.Invocation.AsOf,
		NoWaivers: o.Invocation.NoWaivers, MissingEvidence: o.MissingEvidence.String(), FailOn: o.Threshold.String()}
}

// ToolDescription is the tool as reports name it in prose: name, version
// and, when the build recorded it, commit.
func ToolDescription() string {
	d := lint.ToolName + " " + lint.Version
	if lint.Commit != "" {
		d += " (commit " + lint.Commit + ")"
	}
	return d
}

// invocation writes the summary table's rows on how bwlint was called:
// the command line, when known, the waivers applied and what evidence
// gaps do.
func (m mdWriter) invocation(o Options) {
	if cl := o.Invocation.CommandLine(); cl != "" {
		m.p("| Command | %s |", mdCode(cl))
	}
	m.p("| Waivers applied | %s |", mdEscape(o.Invocation.WaiversApplied()))
	m.p("| Missing evidence | %s |", missingEvidenceMeaning(o.MissingEvidence))
}

// missingEvidenceMeaning says what --missing-evidence made of the gaps.
func missingEvidenceMeaning(m lint.MissingEvidence) string {
	if m == lint.ReportGaps {
		return "`report`: evidence gaps are reported and do not fail the run"
	}
	return "`fail`: an evidence gap fails the run (exit code 2) unless baselined"
}

// waiverProvenance says who answers for a waiver and for how long: owner,
// approver and grant day when the policy names them, and expiry.
func waiverProvenance(w *judge.Waiver) string {
	parts := []string{"owner " + orNone(w.Owner)}
	if w.ApprovedBy != "" {
		parts = append(parts, "approved by "+w.ApprovedBy)
	}
	if w.Granted != "" {
		parts = append(parts, "granted "+w.Granted)
	}
	parts = append(parts, "expires "+orNone(w.Expires))
	return strings.Join(parts, ", ")
}
