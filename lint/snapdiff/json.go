package snapdiff

import (
	"io"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/report"
)

// JSONVersion is the version of the review's JSON schema (docs/review.md).
// It changes only when a field is removed or changes meaning. Version 2:
// the after snapshot's evidence gaps fail the review (exit code 2) unless
// missing_evidence is "report"; lost_evidence and evidence_gaps are new.
// Version 3: a finding whose evidence the change lost is "unverified",
// no longer "fixed", and fails the review; a new or changed finding
// waived only by a waiver the change adds counts; changes are ordered by
// risk.
const JSONVersion = 3

type jsonReview struct {
	Version       int                         `json:"version"`
	Kind          string                      `json:"kind"`
	Tool          report.JSONTool             `json:"tool"`
	Policy        report.Policy               `json:"policy"`
	Before        string                      `json:"before"`
	After         string                      `json:"after"`
	LostEvidence  []jsonLost                  `json:"lost_evidence"`
	Changes       []jsonChange                `json:"changes"`
	PolicyChanges []jsonPolicyChange          `json:"policy_changes"`
	Files         []jsonFile                  `json:"files"`
	Findings      []jsonFinding               `json:"findings"`
	EvidenceGaps  map[string][]report.JSONGap `json:"evidence_gaps"`
	NotEvaluated  []jsonNotEvaluated          `json:"not_evaluated"`
	InputProblems map[string][]jsonProb       `json:"input_problems"`
	CheckFailures []jsonFailure               `json:"check_failures"`
	Summary       Summary                     `json:"summary"`
}

// jsonLost is a check evaluated on a host before the change and not after:
// status is what the after snapshot established instead (not_evaluated,
// evidence_gap, host_removed), reasons say why.
type jsonLost struct {
	Check   string   `json:"check"`
	Host    string   `json:"host"`
	Status  string   `json:"status"`
	Reasons []string `json:"reasons"`
}

// jsonChange's before and after are null on the side where the thing does
// not exist, and on both sides of a secret.
type jsonChange struct {
	Host           string               `json:"host"`
	Context        string               `json:"context"`
	Key            string               `json:"key"`
	Row            string               `json:"row"`
	Kind           Kind                 `json:"kind"`
	Before         *string              `json:"before"`
	After          *string              `json:"after"`
	Secret         bool                 `json:"secret,omitempty"`
	BeforeLocation *report.JSONLocation `json:"before_location"`
	AfterLocation  *report.JSONLocation `json:"after_location"`
	// Effects are the findings the change is tied to (indexes into
	// findings[]); read_by the checks whose evidence is its place, none
	// when no check judges it.
	Effects []jsonEffect `json:"effects"`
	ReadBy  []string     `json:"read_by"`
}

type jsonEffect struct {
	Kind    EffectKind `json:"kind"`
	Finding int        `json:"finding"`
}

// jsonPolicyChange is a difference between the sides' policy files;
// before and after are the attribute as written, null on the side without
// it and for a whole block; waives lists the findings (indexes into
// findings[]) a waiver the change adds or widens waives.
type jsonPolicyChange struct {
	Block          string               `json:"block"`
	Name           string               `json:"name"`
	Attribute      string               `json:"attribute"`
	Kind           string               `json:"kind"`
	Before         *string              `json:"before"`
	After          *string              `json:"after"`
	BeforeLocation *report.JSONLocation `json:"before_location"`
	AfterLocation  *report.JSONLocation `json:"after_location"`
	Waives         []int                `json:"waives"`
}

type jsonNotEvaluated struct {
	Check   string `json:"check"`
	Host    string `json:"host"`
	Reason  string `json:"reason"`
	Partial bool   `json:"partial,omitempty"`
}

type jsonFile struct {
	Path   string     `json:"path"`
	Host   string     `json:"host"`
	Status Kind       `json:"status"`
	Hunks  []jsonHunk `json:"hunks"`
}

type jsonHunk struct {
	Header string   `json:"header"`
	Lines  []string `json:"lines"`
}

type jsonFinding struct {
	Check    string               `json:"check"`
	Severity string               `json:"severity"`
	Host     string               `json:"host"`
	Message  string               `json:"message"`
	Snapshot string               `json:"snapshot"`
	Location *report.JSONLocation `json:"location"`
	Logical  jsonLogical          `json:"logical"`
	// Expected and Actual are "" for secrets, as in the lint report.
	Expected string      `json:"expected"`
	Actual   string      `json:"actual"`
	State    judge.State `json:"state"`
	// Before is the before snapshot's side of a changed finding; null
	// in every other state.
	Before *jsonBefore `json:"before"`
	// Counting is true when the finding fails the review at the threshold:
	// introduced by the change, or unverified with missing evidence
	// failing.
	Counting  bool               `json:"counting"`
	Baselined bool               `json:"baselined"`
	Waived    *report.JSONWaiver `json:"waived"`
	// NewWaiver is true when the waiver is new in the change: the before
	// snapshot's policy would not waive the finding.
	NewWaiver bool `json:"new_waiver"`
	// Lost is, for an unverified finding, the evidence the change lost;
	// null in every other state.
	Lost        *jsonLost `json:"lost"`
	Secret      bool      `json:"secret,omitempty"`
	Fingerprint string    `json:"fingerprint"`
}

// jsonBefore is what a changed finding said in the before snapshot; its
// location is relative to the before root.
type jsonBefore struct {
	Message  string               `json:"message"`
	Expected string               `json:"expected"`
	Actual   string               `json:"actual"`
	Location *report.JSONLocation `json:"location"`
}

type jsonLogical struct {
	Host    string `json:"host"`
	Context string `json:"context"`
	Key     string `json:"key"`
}

type jsonProb struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type jsonFailure struct {
	Snapshot string `json:"snapshot"`
	Check    string `json:"check"`
	Error    string `json:"error"`
}

// JSON writes the review as versioned JSON. Lists are never null.
func JSON(w io.Writer, r *Review, o Options) error {
	rep := jsonReview{
		Version:       JSONVersion,
		Kind:          report.KindDiff,
		Tool:          report.CurrentTool(),
		Policy:        o.Policy.OrNone(),
		Before:        r.Before.Snapshot.Root,
		After:         r.After.Snapshot.Root,
		LostEvidence:  []jsonLost{},
		Changes:       []jsonChange{},
		PolicyChanges: []jsonPolicyChange{},
		NotEvaluated:  []jsonNotEvaluated{},
		Files:         []jsonFile{},
		Findings:      []jsonFinding{},
		EvidenceGaps:  map[string][]report.JSONGap{"before": gapsJSON(r.Before, lint.ReportGaps), "after": gapsJSON(r.After, o.MissingEvidence)},
		InputProblems: map[string][]jsonProb{"before": problemsJSON(r.Before), "after": problemsJSON(r.After)},
		CheckFailures: []jsonFailure{},
		Summary:       Summarize(r, o),
	}
	for _, l := range r.LostEvidence {
		rep.LostEvidence = append(rep.LostEvidence, jsonLost{Check: l.Check, Host: l.Host, Status: string(l.Status), Reasons: l.Reasons})
	}
	// Findings are listed by state; effects and waivers index that list.
	order := stateOrder(r.Findings)
	at := make([]int, len(r.Findings))
	for k, i := range order {
		at[i] = k
	}
	for _, c := range r.Changes {
		jc := changeJSON(c)
		for _, e := range c.Effects {
			jc.Effects = append(jc.Effects, jsonEffect{Kind: e.Kind, Finding: at[e.Finding]})
		}
		rep.Changes = append(rep.Changes, jc)
	}
	for _, pc := range r.PolicyChanges {
		jp := jsonPolicyChange{Block: pc.Block, Name: pc.Name, Attribute: pc.Attribute, Kind: pc.Kind,
			BeforeLocation: report.Location(pc.BeforeAt), AfterLocation: report.Location(pc.AfterAt), Waives: []int{}}
		if pc.Attribute != "" && pc.BeforeAt.Filename != "" {
			jp.Before = &pc.Before
		}
		if pc.Attribute != "" && pc.AfterAt.Filename != "" {
			jp.After = &pc.After
		}
		for _, i := range pc.Waives {
			jp.Waives = append(jp.Waives, at[i])
		}
		rep.PolicyChanges = append(rep.PolicyChanges, jp)
	}
	for _, n := range r.NotEvaluated() {
		rep.NotEvaluated = append(rep.NotEvaluated, jsonNotEvaluated(n))
	}
	for _, c := range r.Captures {
		jf := jsonFile{Path: c.Path, Host: c.Host, Status: c.Status, Hunks: []jsonHunk{}}
		for _, h := range c.Hunks {
			jh := jsonHunk{Header: hunkHeader(h), Lines: []string{}}
			for _, l := range h.Lines {
				jh.Lines = append(jh.Lines, string(l.Op)+l.Text)
			}
			jf.Hunks = append(jf.Hunks, jh)
		}
		rep.Files = append(rep.Files, jf)
	}
	for _, i := range order {
		rep.Findings = append(rep.Findings, findingJSON(r, r.Findings[i], o))
	}
	for i, s := range []Side{r.Before, r.After} {
		if s.Result == nil {
			continue
		}
		for _, f := range s.Result.Failures {
			rep.CheckFailures = append(rep.CheckFailures, jsonFailure{Snapshot: []string{"before", "after"}[i], Check: f.Check, Error: f.Err})
		}
	}
	return report.WriteJSON(w, rep)
}

func findingJSON(r *Review, f judge.Finding, o Options) jsonFinding {
	jf := jsonFinding{
		Check: f.Check, Severity: f.Severity.String(), Host: f.Host, Message: f.Message,
		Snapshot: findingSide(f), Location: report.Location(f.Location), Logical: jsonLogical(f.Logical),
		State: f.State, Counting: r.introduces(f, o.Threshold) || f.CountsAsMissingEvidence(o.Threshold, o.MissingEvidence),
		Baselined: f.Baselined, Waived: report.Waiver(f.Waiver), NewWaiver: f.NewWaiver, Secret: f.Secret, Fingerprint: f.Fingerprint(),
	}
	if l := f.Lost; l != nil {
		jf.Lost = &jsonLost{Check: l.Check, Host: l.Host, Status: string(l.Status), Reasons: l.Reasons}
	}
	// A value secret on either side is shown on neither.
	secret := f.Secret || f.Before != nil && f.Before.Secret
	if !secret {
		jf.Expected, jf.Actual = f.Expected, f.Actual
	}
	if b := f.Before; b != nil {
		jf.Before = &jsonBefore{Message: b.Message, Location: report.Location(b.Location)}
		if !secret {
			jf.Before.Expected, jf.Before.Actual = b.Expected, b.Actual
		}
	}
	return jf
}

func changeJSON(c Change) jsonChange {
	jc := jsonChange{
		Host: c.Host, Context: c.Context, Key: c.Key, Row: c.Row, Kind: c.Kind, Secret: c.Secret,
		BeforeLocation: report.Location(c.BeforeLocation), AfterLocation: report.Location(c.AfterLocation),
		Effects: []jsonEffect{}, ReadBy: append([]string{}, c.ReadBy...),
	}
	if !c.Secret && c.BeforeLocation.Filename != "" {
		jc.Before = &c.Before
	}
	if !c.Secret && c.AfterLocation.Filename != "" {
		jc.After = &c.After
	}
	return jc
}

// gapsJSON is one side's gaps, counting as m says: the before side's
// never count, since they were there before the change.
func gapsJSON(s Side, m lint.MissingEvidence) []report.JSONGap {
	if s.Result == nil {
		return []report.JSONGap{}
	}
	return report.Gaps(s.Result.Gaps, m)
}

func problemsJSON(s Side) []jsonProb {
	out := []jsonProb{}
	for _, p := range s.Snapshot.Problems {
		out = append(out, jsonProb{Path: p.Range.Filename, Line: p.Range.Start.Line, Column: p.Range.Start.Column, Severity: p.Severity.String(), Message: p.Message})
	}
	return out
}
