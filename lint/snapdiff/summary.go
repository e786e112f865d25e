package snapdiff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/report"
	"github.com/hashicorp/hcl/v2"
)

// Options carry what the renderers need besides the Review.
type Options struct {
	// Threshold is the --fail-on level; it decides which findings are
	// introduced problems.
	Threshold lint.Threshold
	// MissingEvidence says whether the after snapshot's evidence gaps
	// fail the review.
	MissingEvidence lint.MissingEvidence
	// ExitCode is the exit code the command ends with.
	ExitCode int
	// Policy names the policy file both sides were linted with.
	Policy report.Policy
	// Invocation is how bwlint was called, which the HTML report records.
	Invocation report.Invocation
	// Color enables ANSI colour in the text format.
	Color bool
	// Hunks adds the line diff of every capture that changed to the text
	// format (--hunks).
	Hunks bool
	// Width is the text format's line width; 0 leaves lines whole.
	Width int
}

// States lists finding states in the order reports show them: what needs
// attention first.
var States = []judge.State{judge.StateUnverified, judge.StateNew, judge.StateChanged, judge.StateFixed, judge.StateUnchanged}

// Verdicts of a review.
const (
	Go   = "go"
	NoGo = "no-go"
)

// Summary counts a Review. Every map holds every key, zero or not, so
// that consumers need not guess.
type Summary struct {
	Changes      int            `json:"changes"`
	ByKind       map[Kind]int   `json:"by_kind"`
	FilesChanged int            `json:"files_changed"`
	Findings     map[string]int `json:"findings"`
	Introduced   int            `json:"introduced"`
	// Unverified counts the findings whose evidence the change lost
	// that fail the review (not waived, at or above fail_on, missing
	// evidence failing).
	Unverified int `json:"unverified"`
	// NewlyWaived counts the new and changed findings waived only by a
	// waiver the change adds.
	NewlyWaived int `json:"newly_waived"`
	// PolicyChanges counts the differences between the sides' policies.
	PolicyChanges int `json:"policy_changes"`
	// NotEvaluated counts what the after snapshot's checks could not
	// judge.
	NotEvaluated int `json:"not_evaluated"`
	// LostEvidence counts the checks evaluated on a host before and not
	// after.
	LostEvidence int `json:"lost_evidence"`
	EvidenceGaps struct {
		Before int `json:"before"`
		After  int `json:"after"`
	} `json:"evidence_gaps"`
	// GapsCounting counts the after snapshot's gaps that fail the review.
	GapsCounting    int    `json:"evidence_gaps_counting"`
	MissingEvidence string `json:"missing_evidence"`
	InputProblems   struct {
		Before int `json:"before"`
		After  int `json:"after"`
	} `json:"input_problems"`
	CheckFailures int    `json:"check_failures"`
	FailOn        string `json:"fail_on"`
	ExitCode      int    `json:"exit_code"`
	// Verdict is "go" when the review passes (exit code 0), else
	// "no-go"; Reasons say why not, most decisive first.
	Verdict string   `json:"verdict"`
	Reasons []string `json:"reasons"`
}

// Summarize counts r.
func Summarize(r *Review, o Options) Summary {
	s := Summary{
		Changes:         len(r.Changes),
		ByKind:          map[Kind]int{},
		FilesChanged:    len(r.Captures),
		Findings:        map[string]int{},
		Introduced:      len(r.Introduced(o.Threshold)),
		Unverified:      len(r.Unverified(o.Threshold, o.MissingEvidence)),
		PolicyChanges:   len(r.PolicyChanges),
		NotEvaluated:    len(r.NotEvaluated()),
		LostEvidence:    len(r.LostEvidence),
		GapsCounting:    len(r.CountingGaps(o.MissingEvidence)),
		MissingEvidence: o.MissingEvidence.String(),
		CheckFailures:   r.CheckFailures(),
		FailOn:          o.Threshold.String(),
		ExitCode:        o.ExitCode,
	}
	for _, k := range Kinds {
		s.ByKind[k] = 0
	}
	for _, st := range States {
		s.Findings[string(st)] = 0
	}
	for _, c := range r.Changes {
		s.ByKind[c.Kind]++
	}
	for _, f := range r.Findings {
		s.Findings[string(f.State)]++
		if r.introduces(f, o.Threshold) && !f.Counts() {
			s.NewlyWaived++
		}
	}
	if r.Before.Result != nil {
		s.EvidenceGaps.Before = len(r.Before.Result.Gaps)
	}
	s.EvidenceGaps.After = len(r.Gaps())
	s.InputProblems.Before = len(r.Before.Snapshot.Problems)
	s.InputProblems.After = len(r.After.Snapshot.Problems)
	s.Verdict, s.Reasons = Go, []string{}
	if s.ExitCode != 0 {
		s.Verdict, s.Reasons = NoGo, reasons(r, s)
	}
	return s
}

// reasons say why a review fails, most decisive first: what the change
// introduces, what it leaves unverified, evidence it lacks, unreadable
// input, checks that failed.
func reasons(r *Review, s Summary) []string {
	var out []string
	if n := s.Introduced; n > 0 {
		why := fmt.Sprintf("the change introduces %s at or above %s", plural(n, "finding"), s.FailOn)
		if s.NewlyWaived > 0 {
			why += fmt.Sprintf(", %d of them waived only by a waiver the change adds", s.NewlyWaived)
		}
		out = append(out, why)
	}
	if n := s.Unverified; n > 0 {
		out = append(out, fmt.Sprintf("%s unverified: the evidence %s read from is gone", plural(n, "finding"), pronoun(n)))
	}
	if n := s.GapsCounting; n > 0 {
		out = append(out, fmt.Sprintf("the after snapshot lacks evidence (%s)", plural(n, "evidence gap")))
	}
	if r.HasInputErrors() {
		out = append(out, "a snapshot has input errors")
	}
	if n := s.CheckFailures; n > 0 {
		out = append(out, fmt.Sprintf("%s failed to run", plural(n, "check")))
	}
	if len(out) == 0 {
		out = append(out, fmt.Sprintf("exit code %d", s.ExitCode))
	}
	return out
}

func pronoun(n int) string {
	if n == 1 {
		return "it was"
	}
	return "they were"
}

// VerdictLine is the review in one line, which the text and Markdown
// formats open with: GO or NO-GO, why, and the counts of new, unverified
// and fixed findings.
func VerdictLine(s Summary) string {
	counts := fmt.Sprintf("%d new, %d unverified, %d fixed", s.Findings[string(judge.StateNew)], s.Findings[string(judge.StateUnverified)], s.Findings[string(judge.StateFixed)])
	if s.Verdict == Go {
		return fmt.Sprintf("GO: the change introduces no finding at or above %s and leaves none unverified (%s)", s.FailOn, counts)
	}
	return fmt.Sprintf("NO-GO: %s (%s; exit code %d)", strings.Join(s.Reasons, "; "), counts, s.ExitCode)
}

// byState returns the findings ordered by States, keeping the report
// order within each state.
func byState(fs []judge.Finding) []judge.Finding {
	out := make([]judge.Finding, len(fs))
	for k, i := range stateOrder(fs) {
		out[k] = fs[i]
	}
	return out
}

// stateOrder is the order byState puts fs in, as indexes into fs.
func stateOrder(fs []judge.Finding) []int {
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return slices.Index(States, fs[a].State) - slices.Index(States, fs[b].State)
	})
	return idx
}

// subject names what a change is about: context, row and key.
func subject(c Change) string {
	s := c.Context
	if c.Row != "" {
		s += " [" + c.Row + "]"
	}
	if c.Key != "" {
		if s != "" {
			s += " "
		}
		s += c.Key
	}
	return s
}

func position(r hcl.Range) string {
	switch {
	case r.Filename == "":
		return ""
	case r.Start.Line == 0:
		return r.Filename
	}
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

func plural(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// findingSide says which snapshot a finding's location points into.
func findingSide(f judge.Finding) string {
	if f.State == judge.StateFixed || f.State == judge.StateUnverified {
		return "before"
	}
	return "after"
}

// effectWords describes an effect for the change it belongs to: "causes
// new error xsp_certificate_auth_flags on xsp1".
func effectWords(e Effect, f judge.Finding) string {
	what := map[EffectKind]string{Causes: "causes new", Unverifies: "leaves unverified", Alters: "changes", Fixes: "fixes"}[e.Kind]
	s := what + " " + f.Severity.String() + " " + f.Check
	if f.Host != "" {
		s += " on " + f.Host
	}
	if f.Waiver != nil {
		s += " (waived by " + f.Waiver.Name
		if f.NewWaiver {
			s += ", a waiver the change adds"
		}
		s += ")"
	}
	return s
}

// judgedWords says what no effect means for a change: no check judges
// its place, or the checks that read it found nothing wrong.
func judgedWords(c Change) string {
	if len(c.ReadBy) == 0 {
		return "not covered by any check"
	}
	return "read by " + strings.Join(c.ReadBy, ", ") + ": no finding"
}
