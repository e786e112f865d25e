package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// Options carry what a reporter needs besides the Result.
type Options struct {
	// Snapshot provides file text for source snippets and the snapshot's
	// root for headers.
	Snapshot *inputs.Snapshot
	// Threshold is the --fail-on level; it decides the summary's verdict.
	Threshold lint.Threshold
	// MissingEvidence says whether evidence gaps fail the run
	// (--missing-evidence).
	MissingEvidence lint.MissingEvidence
	// Earlier is, for the SARIF of a review, the earlier snapshot: the
	// findings the change fixed point into its files, which are hashed
	// and described like the later snapshot's.
	Earlier *inputs.Snapshot
	// LostEvidence lists, for the SARIF of a review, the checks that were
	// evaluated on a host before the change and are not after it.
	LostEvidence []lint.LostEvidence
	// ExitCode is the exit code the run ends with.
	ExitCode int
	// Color enables ANSI colour in the text format.
	Color bool
	// Start and End are when the run began and ended (UTC); formats that
	// record an invocation (SARIF) use them.
	Start, End time.Time
	// SARIFRoot is the report root: the directory that SARIF artifact
	// URIs, and the paths of the other RootRelativeFormats, are made
	// relative to. Empty means the current directory.
	SARIFRoot string
	// SARIFCategory is SARIF's automationDetails.id, which code scanning
	// uses to tell runs of different configurations apart.
	SARIFCategory string
	// SARIFProfile is "audit" (waived findings kept, with suppressions)
	// or "github" (waived findings left out).
	SARIFProfile string
	// Policy names the policy file the run applied, or says none was
	// (Origin "none"). Left unset, as by a caller that applies no policy
	// at all (a check's tests), the text and Markdown reports say nothing
	// of it and the others say none.
	Policy Policy
	// MaskPersonal hides personal data in the source lines reports show
	// (--mask-personal-data); the result's own text is masked by
	// lint.MaskPersonal before it is rendered.
	MaskPersonal bool
	// Invocation is how bwlint was called.
	Invocation Invocation
	// Evidence lists the files besides the snapshot that decided the run:
	// the policy file (its waivers) and the baseline (its gating). SARIF
	// records them in artifacts[] with their digests, as it does the
	// snapshot's files.
	Evidence []EvidenceFile
	// Width is the text format's line width: prose wraps at spaces and
	// source lines are cut with CutMarker. 0 keeps every line whole.
	Width int
	// Verbose shows waived and baselined findings in full in the text
	// format; otherwise each is one line.
	Verbose bool
	// Gate, when set, is how the run was asked for: the text format of a
	// failing run then opens with why it failed and the commands of the
	// three ways forward.
	Gate *Gate
}

// Gate is what a failing run's ways forward are written with: the
// commands as the user would type them, and where a waiver goes.
type Gate struct {
	// Rerun is the command that ran, as bwlint's arguments, to run it
	// again after a fix: ["lint", "--baseline", "b.json", "snap"].
	Rerun []string
	// WriteBaseline is the command that records the run's findings in
	// the baseline file the gate reads, or would read: Baseline.
	WriteBaseline []string
	Baseline      string
	// ReportGaps is Rerun with --missing-evidence report.
	ReportGaps []string
	// PolicyFile is where a waiver block goes: the policy file the run
	// applied, or the one a lint of the snapshot would find.
	PolicyFile string
	// Day is the day waivers are judged on; a waiver to paste expires
	// WaiverDays after it.
	Day time.Time
}

// WaiverDays is how long a waiver the text report suggests lasts: long
// enough for a change window, short enough to be looked at again.
const WaiverDays = 30

// Policy names the policy file a run applied and why it was that one,
// for every format to say: a waiver or a rule that did not apply is
// explained by the file that did.
type Policy struct {
	// Path names the file as the user gave it or bwlint found it,
	// relative to the working directory when it was found there or at a
	// snapshot named relative to it; "" when no policy file applied.
	Path string `json:"path"`
	// Origin is how the file was chosen: config_flag (--config),
	// environment ($BWLINT_CONFIG), working_directory (./.bwlint.hcl),
	// snapshot (SNAPSHOT/.bwlint.hcl) or none.
	Origin string `json:"origin"`
	// Reason says the same in words.
	Reason string `json:"reason"`
	// Shadowed is the snapshot's own policy file when the one in the
	// working directory was applied instead; "" otherwise.
	Shadowed string `json:"shadowed"`
	// SHA256 is the hex digest of the bytes the run read from the file;
	// "" when no policy file applied.
	SHA256 string `json:"sha256"`
}

// Describe is the policy in one phrase: its path and why it was chosen,
// or "none" and why.
func (p Policy) Describe() string {
	if p.Path == "" {
		return "none (" + p.Reason + ")"
	}
	return p.Path + " (" + p.Reason + ")"
}

// OrNone is p, or, when it was left unset, the Policy of a run that
// applied no policy file.
func (p Policy) OrNone() Policy {
	if p.Origin == "" {
		p.Origin = "none"
	}
	if p.Reason == "" && p.Path == "" {
		p.Reason = "no policy file: built-in defaults"
	}
	return p
}

// EvidenceFile is a file the run read besides the snapshot.
type EvidenceFile struct {
	// Path names the file as findings located in it do: relative to the
	// snapshot root, with forward slashes ("../" when outside it).
	Path string
	// Kind is EvidencePolicy or EvidenceBaseline.
	Kind string
	// Explicit is true when the user named the file (--config,
	// $BWLINT_CONFIG, --baseline) rather than bwlint finding it.
	Explicit bool
	// SHA256 and Size describe the bytes the run read.
	SHA256 string
	Size   int64
}

// The kinds of EvidenceFile.
const (
	EvidencePolicy   = "policy"
	EvidenceBaseline = "baseline"
)

// NewEvidenceFile describes the bytes data read from a file that path
// names (see EvidenceFile.Path).
func NewEvidenceFile(path, kind string, explicit bool, data []byte) EvidenceFile {
	sum := sha256.Sum256(data)
	return EvidenceFile{Path: path, Kind: kind, Explicit: explicit, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
}

// Reporter writes a Result in one format.
type Reporter func(w io.Writer, r *judge.Result, o Options) error

// formats maps format names to reporters.
var formats = map[string]Reporter{
	"text":         Text,
	"json":         JSON,
	"sarif":        SARIF,
	"sarif-audit":  SARIFAudit,
	"junit":        JUnit,
	"junit-strict": JUnitStrict,
	"github":       GitHub,
	"html":         HTML,
	"markdown":     Markdown,
	"codeclimate":  CodeClimate,
}

// RootRelativeFormats are the formats whose paths are relative to the
// report root (Options.SARIFRoot) rather than to the snapshot: the ones
// that CI systems match against a checkout.
var RootRelativeFormats = []string{"codeclimate", "github", "junit", "junit-strict", "markdown", "sarif", "sarif-audit"}

// Lookup returns the reporter for a format name.
func Lookup(name string) (Reporter, error) {
	if rep, ok := formats[name]; ok {
		return rep, nil
	}
	return nil, fmt.Errorf("unknown format %q: use %s", name, strings.Join(Names(), ", "))
}

// Names lists the format names, sorted.
func Names() []string {
	var names []string
	for n := range formats {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Summary counts what a run produced.
type Summary struct {
	Findings     int            `json:"findings"`
	BySeverity   map[string]int `json:"by_severity"`
	Waived       int            `json:"waived"`
	Counting     int            `json:"counting"`
	NotEvaluated int            `json:"not_evaluated"`
	// EvidenceGaps counts the gaps, and GapsCounting those that fail the
	// run (not baselined, and missing_evidence "fail").
	EvidenceGaps    int    `json:"evidence_gaps"`
	GapsCounting    int    `json:"evidence_gaps_counting"`
	MissingEvidence string `json:"missing_evidence"`
	Problems        int    `json:"input_problems"`
	Failures        int    `json:"check_failures"`
	ChecksRun       int    `json:"checks_run"`
	FailOn          string `json:"fail_on"`
	ExitCode        int    `json:"exit_code"`
	// Coverage counts the cells of the coverage matrix by status.
	Coverage map[string]int `json:"coverage"`

	// Baseline is present when the run was compared with a baseline.
	Baseline *BaselineSummary `json:"baseline,omitempty"`
}

// BaselineSummary counts how a run's findings compared with a baseline:
// findings baselined (known, same value), changed (known, value changed:
// they count again) and new, and baseline entries that matched nothing.
type BaselineSummary struct {
	Baselined     int `json:"baselined"`
	Changed       int `json:"changed"`
	New           int `json:"new"`
	UnusedEntries int `json:"unused_entries"`
	// BaselinedGaps and NewGaps count the evidence gaps the baseline
	// records and those it does not.
	BaselinedGaps int `json:"baselined_gaps"`
	NewGaps       int `json:"new_gaps"`
	// Stale counts the unused entries whose finding is gone while its
	// evidence is there; Unverified those whose evidence is gone.
	// FailOnStale is true when stale entries fail the run.
	Stale       int  `json:"stale"`
	Unverified  int  `json:"unverified"`
	FailOnStale bool `json:"fail_on_stale"`
}

// Summarize counts a Result.
func Summarize(r *judge.Result, o Options) Summary {
	s := Summary{
		Findings:     len(r.Findings),
		BySeverity:   map[string]int{"error": 0, "warning": 0, "note": 0},
		Counting:     len(r.Counting(o.Threshold)),
		NotEvaluated: len(r.NotEvaluated),
		EvidenceGaps: len(r.Gaps),
		GapsCounting: len(r.CountingGaps(o.MissingEvidence)),
		Problems:     len(r.Problems),
		Failures:     len(r.Failures),
		ChecksRun:    len(r.Checks),
		FailOn:       o.Threshold.String(),
		ExitCode:     o.ExitCode,
	}
	s.MissingEvidence = o.MissingEvidence.String()
	s.Coverage = CoverageSummary(coverage(r, o.Snapshot))
	if b := r.Baseline; b != nil {
		s.Baseline = &BaselineSummary{Baselined: b.Baselined, Changed: b.Changed, New: b.New, UnusedEntries: b.Unused,
			BaselinedGaps: b.BaselinedGaps, NewGaps: b.NewGaps, Stale: b.Stale, Unverified: b.Unverified, FailOnStale: b.FailOnStale}
	}
	for _, f := range r.Findings {
		s.BySeverity[f.Severity.String()]++
		if f.Waiver != nil {
			s.Waived++
		}
	}
	return s
}
