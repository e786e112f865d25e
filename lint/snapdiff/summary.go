package snapdiff

import (
	"fmt"
	"slices"

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
}

// States lists finding states in the order reports show them: what needs
// attention first.
var States = []judge.State{judge.StateNew, judge.StateChanged, judge.StateFixed, judge.StateUnchanged}

// Summary counts a Review. Every map holds every key, zero or not, so
// that consumers need not guess.
type Summary struct {
	Changes      int            `json:"changes"`
	ByKind       map[Kind]int   `json:"by_kind"`
	FilesChanged int            `json:"files_changed"`
	Findings     map[string]int `json:"findings"`
	Introduced   int            `json:"introduced"`
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
}

// Summarize counts r.
func Summarize(r *Review, o Options) Summary {
	s := Summary{
		Changes:         len(r.Changes),
		ByKind:          map[Kind]int{},
		FilesChanged:    len(r.Captures),
		Findings:        map[string]int{},
		Introduced:      len(r.Introduced(o.Threshold)),
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
	}
	if r.Before.Result != nil {
		s.EvidenceGaps.Before = len(r.Before.Result.Gaps)
	}
	s.EvidenceGaps.After = len(r.Gaps())
	s.InputProblems.Before = len(r.Before.Snapshot.Problems)
	s.InputProblems.After = len(r.After.Snapshot.Problems)
	return s
}

// byState returns the findings ordered by States, keeping the report
// order within each state.
func byState(fs []judge.Finding) []judge.Finding {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b judge.Finding) int {
		return slices.Index(States, a.State) - slices.Index(States, b.State)
	})
	return out
}

// hostsOf lists the hosts that have changes or captures, in order; ""
// (Partner Hub and device management) first, as in the lint report.
func hostsOf(r *Review) []string {
	seen := map[string]bool{}
	for _, c := range r.Changes {
		seen[c.Host] = true
	}
	for _, c := range r.Captures {
		seen[c.Host] = true
	}
	return sortedKeys(seen)
}

func hostTitle(host string) string {
	if host == "" {
		return "Partner Hub and device management"
	}
	return "host " + host
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
	if f.State == judge.StateFixed {
		return "before"
	}
	return "after"
}
