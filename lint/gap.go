package lint

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Gap is an evidence gap: a check applies to a host — the host has the
// check's role and, as far as the captures show, uses the feature the
// check is about — but a capture the check needs is missing, could not be
// read, or was not understood. A gap is not a pass and not a finding: the
// check could not say whether the host is right. By default a gap fails
// the run with exit code 2 (see MissingEvidence).
//
// What is not a gap, and stays NotEvaluated: a snapshot with no host of
// the check's role; a value that no capture can show by design (a masked
// password); optional evidence the whole snapshot lacks; a host the
// policy says the check does not apply to.
type Gap struct {
	Check string
	// Host is the host that lacks the evidence; "" for evidence about
	// the whole deployment (Partner Hub files).
	Host string
	// Evidence is the declaration of what is missing.
	Evidence Evidence
	// Server is the CLI prompt prefix of the host's captures ("AS",
	// "XSP", "ADP"), or of its role when it has none: the commands to
	// type are written with it.
	Server string
	// File is where the evidence belongs, for this host.
	File string
	// Reason says what is missing, or which file could not be used.
	Reason string
}

// Context is the CLI context the evidence is captured in, with the
// host's prompt prefix ("AS_CLI/Interface/Messaging"); "" for evidence
// from anywhere but the CLI.
func (g Gap) Context() string {
	if g.Evidence.Source != FromCLI {
		return ""
	}
	ctx := g.Server + "_CLI"
	if c := strings.Trim(g.Evidence.Context, "/"); c != "" {
		ctx += "/" + c
	}
	return ctx
}

// Command is what is typed (or copied) to capture the evidence.
func (g Gap) Command() string { return g.Evidence.Text }

// Capture lists the commands that fill the gap, each with its prompt, in
// the order they are typed.
func (g Gap) Capture() []string { return g.Evidence.Lines(g.Server) }

// Key is the gap's identity for baselines and reviews: check, host,
// context and command. The context is compared without its server prefix
// and case-insensitively, so an XSP that became an ADP keeps its gaps.
func (g Gap) Key() string { return GapKey(g.Check, g.Host, g.Context(), g.Command()) }

// GapKey is Gap.Key from its parts, as a baseline records them.
func GapKey(check, host, context, command string) string {
	ctx := strings.ToLower(strings.Trim(serverPrefix().ReplaceAllString(context, ""), "/"))
	return strings.Join([]string{check, host, ctx, command}, "\x1f")
}

var serverPrefix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^/?[A-Za-z]+_CLI(/|$)`) })

// MissingEvidence says what an evidence gap does to a run's exit code.
type MissingEvidence int

// The ways a run treats evidence gaps.
const (
	// FailOnGaps, the default, ends a run with a gap with exit code 2,
	// as an input problem does: a check that could not look has not
	// passed.
	FailOnGaps MissingEvidence = iota
	// ReportGaps reports every gap in every format and lets findings
	// alone decide the exit code.
	ReportGaps
)

// MissingEvidenceModes are the accepted values of --missing-evidence and
// of the policy's missing_evidence.
var MissingEvidenceModes = []string{"fail", "report"}

func (m MissingEvidence) String() string {
	if m == ReportGaps {
		return "report"
	}
	return "fail"
}

// ParseMissingEvidence reads "fail" or "report".
func ParseMissingEvidence(s string) (MissingEvidence, error) {
	switch s {
	case "fail":
		return FailOnGaps, nil
	case "report":
		return ReportGaps, nil
	}
	return 0, fmt.Errorf("unknown value %q: use fail or report", s)
}
