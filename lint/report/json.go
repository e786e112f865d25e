package report

import (
	"io"
	"reflect"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/hashicorp/hcl/v2"
)

// JSONVersion is the version of the JSON report's schema (docs/output.md).
// It changes only when a field is removed or changes meaning. Version 2:
// evidence gaps are reported in evidence_gaps and fail the run (exit code
// 2) unless missing_evidence is "report". Version 3: a baseline entry
// that matches no finding has state "unverified", not "fixed", when its
// evidence is gone, and a stale one ("stale": true) counts with
// fail_on_stale_baseline.
const JSONVersion = 3

// The kinds of JSON document bwlint writes: each names its own, so that a
// consumer handed one file knows which schema (docs/schemas/) it follows.
const (
	KindLint  = "lint"
	KindDiff  = "diff"
	KindParse = "parse"
)

type jsonReport struct {
	Version       int                `json:"version"`
	Kind          string             `json:"kind"`
	Tool          JSONTool           `json:"tool"`
	Policy        Policy             `json:"policy"`
	Invocation    jsonInvocation     `json:"invocation"`
	Findings      []jsonFinding      `json:"findings"`
	NotEvaluated  []jsonNotEvaluated `json:"not_evaluated"`
	EvidenceGaps  []JSONGap          `json:"evidence_gaps"`
	InputProblems []jsonProblem      `json:"input_problems"`
	CheckFailures []jsonFailure      `json:"check_failures"`
	Checks        []string           `json:"checks"`
	Coverage      []JSONCell         `json:"coverage"`
	Evidence      EvidencePack       `json:"evidence"`
	Summary       Summary            `json:"summary"`
}

// JSONTool names the tool in the JSON formats: its version and the
// commit it was built from ("" when the build recorded none).
type JSONTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Commit  string `json:"commit"`
}

// CurrentTool is the running bwlint as the JSON formats name it.
func CurrentTool() JSONTool {
	return JSONTool{Name: lint.ToolName, Version: lint.Version, Commit: lint.Commit}
}

// JSONLocation is a range in the JSON formats: path relative to the
// snapshot root with forward slashes; lines and columns from 1, columns
// counting Unicode code points, end exclusive.
type JSONLocation struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	// StartByte and EndByte index the file's decoded text (UTF-8, no
	// byte-order mark), for tools that slice it rather than count lines.
	StartByte int `json:"start_byte"`
	EndByte   int `json:"end_byte"`
}

type jsonLogical struct {
	Host    string `json:"host"`
	Context string `json:"context"`
	Key     string `json:"key"`
}

type jsonRelated struct {
	Location *JSONLocation `json:"location"`
	Message  string        `json:"message"`
}

// JSONWaiver is a finding's waiver in the JSON formats, with its
// provenance: who owns and who approved it, when it was granted, the
// hosts it covers (none: every host) and where the policy file holds it.
type JSONWaiver struct {
	Name       string        `json:"name"`
	Reason     string        `json:"reason"`
	Owner      string        `json:"owner"`
	Expires    string        `json:"expires"`
	ApprovedBy string        `json:"approved_by"`
	Granted    string        `json:"granted"`
	Hosts      []string      `json:"hosts"`
	Location   *JSONLocation `json:"location"`
}

// Waiver converts a finding's waiver for the JSON formats; nil when the
// finding is not waived.
func Waiver(w *judge.Waiver) *JSONWaiver {
	if w == nil {
		return nil
	}
	hosts := w.Hosts
	if hosts == nil {
		hosts = []string{}
	}
	return &JSONWaiver{Name: w.Name, Reason: w.Reason, Owner: w.Owner, Expires: w.Expires,
		ApprovedBy: w.ApprovedBy, Granted: w.Granted, Hosts: hosts, Location: Location(w.At)}
}

type jsonFinding struct {
	Check    string        `json:"check"`
	Severity string        `json:"severity"`
	Host     string        `json:"host"`
	Message  string        `json:"message"`
	Location *JSONLocation `json:"location"`
	Logical  jsonLogical   `json:"logical"`
	Expected string        `json:"expected"`
	Actual   string        `json:"actual"`
	Diff     string        `json:"diff"`
	Secret   bool          `json:"secret,omitempty"`
	Related  []jsonRelated `json:"related"`
	Waived   *JSONWaiver   `json:"waived"`
	// State is new, unchanged, changed, fixed or unverified when the run
	// compared findings with a baseline or an earlier snapshot; omitted
	// otherwise.
	State     string `json:"state,omitempty"`
	Baselined bool   `json:"baselined,omitempty"`
	// Stale is true on a baseline entry that matched no finding while
	// its evidence is there (state fixed).
	Stale bool `json:"stale,omitempty"`
	// Fix is how to fix this finding with its values, when the check
	// says it; empty otherwise (the check's fix applies).
	Fix []JSONFixStep `json:"fix"`
	// Fingerprint is the stable semantic identity (check, host, context,
	// key) shared with SARIF partialFingerprints and baselines.
	Fingerprint string `json:"fingerprint"`
}

type jsonNotEvaluated struct {
	Check  string `json:"check"`
	Host   string `json:"host"`
	Reason string `json:"reason"`
	// Partial is present and true when the check evaluated the host but
	// for the part the reason names.
	Partial bool `json:"partial,omitempty"`
}

// JSONGap is an evidence gap in the JSON formats: the check, the host
// ("" for evidence about the whole deployment), where and what to type
// (context is "" outside the CLI), every line to type in order with its
// prompt, the file it belongs in, and why it is missing.
type JSONGap struct {
	Check   string   `json:"check"`
	Host    string   `json:"host"`
	Source  string   `json:"source"`
	Context string   `json:"context"`
	Command string   `json:"command"`
	Capture []string `json:"capture"`
	File    string   `json:"file"`
	Reason  string   `json:"reason"`
	// Counting is true when the gap fails the run.
	Counting  bool `json:"counting"`
	Baselined bool `json:"baselined"`
}

// Gaps converts gaps for the JSON formats; never nil.
func Gaps(gs []judge.Gap, m lint.MissingEvidence) []JSONGap {
	out := []JSONGap{}
	for _, g := range gs {
		out = append(out, JSONGap{
			Check: g.Check, Host: g.Host, Source: string(g.Evidence.Source), Context: g.Context(), Command: g.Command(),
			Capture: g.Capture(), File: g.File, Reason: g.Reason, Counting: g.Counts(m), Baselined: g.Baselined,
		})
	}
	return out
}

// jsonProblem is positioned as a location is; its fields are inlined.
type jsonProblem struct {
	JSONLocation
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type jsonFailure struct {
	Check string `json:"check"`
	Error string `json:"error"`
}

// Location converts a range for the JSON formats; nil when the range names
// no file.
func Location(r hcl.Range) *JSONLocation {
	if r.Filename == "" {
		return nil
	}
	return &JSONLocation{Path: r.Filename, Line: r.Start.Line, Column: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column,
		StartByte: r.Start.Byte, EndByte: r.End.Byte}
}

// JSON writes the versioned JSON report. Lists are never null.
func JSON(w io.Writer, r *judge.Result, o Options) error {
	rep := jsonReport{
		Version:       JSONVersion,
		Kind:          KindLint,
		Tool:          CurrentTool(),
		Policy:        o.Policy.OrNone(),
		Invocation:    invocationJSON(o),
		Findings:      []jsonFinding{},
		NotEvaluated:  []jsonNotEvaluated{},
		EvidenceGaps:  Gaps(r.Gaps, o.MissingEvidence),
		InputProblems: problemsJSON(r.Problems),
		CheckFailures: []jsonFailure{},
		Checks:        []string{},
		Coverage:      CoverageJSON(coverage(r, o.Snapshot)),
		Evidence:      NewEvidencePack(o.Snapshot),
		Summary:       Summarize(r, o),
	}
	for _, c := range r.Checks {
		rep.Checks = append(rep.Checks, c.Name)
	}
	for _, f := range r.Findings {
		rep.Findings = append(rep.Findings, findingJSON(f))
	}
	for _, n := range r.NotEvaluated {
		rep.NotEvaluated = append(rep.NotEvaluated, jsonNotEvaluated(n))
	}
	for _, f := range r.Failures {
		rep.CheckFailures = append(rep.CheckFailures, jsonFailure{Check: f.Check, Error: f.Err})
	}
	return writeJSON(w, rep)
}

// JSONFixStep is one step of a finding's fix: a command at a CLI context
// ("" at a shell), or a step done by hand (comment alone).
type JSONFixStep struct {
	Context string `json:"context"`
	Command string `json:"command"`
	Comment string `json:"comment"`
}

// FixSteps converts a finding's fix for the JSON formats; never nil.
func FixSteps(steps []lint.FixStep) []JSONFixStep {
	out := []JSONFixStep{}
	for _, s := range steps {
		out = append(out, JSONFixStep(s))
	}
	return out
}

func findingJSON(f judge.Finding) jsonFinding {
	jf := jsonFinding{
		Check:       f.Check,
		Severity:    f.Severity.String(),
		Host:        f.Host,
		Message:     f.Message,
		Location:    Location(f.Location),
		Logical:     jsonLogical(f.Logical),
		Secret:      f.Secret,
		Related:     []jsonRelated{},
		State:       string(f.State),
		Baselined:   f.Baselined,
		Stale:       f.StaleBaselineEntry(),
		Fix:         FixSteps(f.Fix),
		Waived:      Waiver(f.Waiver),
		Fingerprint: f.Fingerprint(),
	}
	if !f.Secret {
		jf.Expected, jf.Actual, jf.Diff = f.Expected, f.Actual, f.Diff()
	}
	for _, rel := range f.Related {
		jf.Related = append(jf.Related, jsonRelated{Location: Location(rel.Location), Message: rel.Message})
	}
	return jf
}

func problemsJSON(ps []source.Problem) []jsonProblem {
	out := []jsonProblem{}
	for _, p := range ps {
		loc := JSONLocation{Path: p.Range.Filename} // should a problem name no file
		if l := Location(p.Range); l != nil {
			loc = *l
		}
		out = append(out, jsonProblem{JSONLocation: loc, Severity: p.Severity.String(), Message: p.Message})
	}
	return out
}

// WriteJSON writes v exactly as encoding/json's Encoder with a two-space
// indent and HTML escaping off writes it, the form of every JSON report,
// but streamed (see jsonStream.stream): the review's report uses it too.
func WriteJSON(w io.Writer, v any) error { return writeJSON(w, v) }

func writeJSON(w io.Writer, v any) error {
	j := newJSONStream(w)
	j.stream(reflect.ValueOf(v))
	return j.finish()
}
