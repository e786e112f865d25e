package report

// The SARIF objects are small hand-written types (sarif_types.go) rather
// than github.com/owenrumney/go-sarif/v3, whose generated types cannot
// write the empty "suppressions": [] the audit profile needs and whose
// constructors write "-1" indexes that the validator rejects under
// --strict; docs/architecture.md records the trial.

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// SARIF profiles: what a SARIF log is for.
const (
	// SARIFProfileGitHub is for code scanning: waived findings and findings
	// fixed since the baseline are left out, since GitHub does not honour
	// suppressions and would show them as open alerts. The default.
	SARIFProfileGitHub = "github"
	// SARIFProfileAudit is evidence for auditors: every finding is kept,
	// and every result carries suppressions (empty when not waived).
	SARIFProfileAudit = "audit"
)

// SARIFProfiles lists the accepted values of Options.SARIFProfile.
var SARIFProfiles = []string{SARIFProfileGitHub, SARIFProfileAudit}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// fingerprintKey names bwlint's semantic fingerprint; bump the suffix
	// if Finding.Fingerprint ever changes meaning.
	fingerprintKey = "bwlint/v1"
)

// SARIF writes one SARIF 2.1.0 log with one run, in the profile
// o.SARIFProfile (default github).
func SARIF(w io.Writer, r *judge.Result, o Options) error {
	profile := cmp.Or(o.SARIFProfile, SARIFProfileGitHub)
	if !slices.Contains(SARIFProfiles, profile) {
		return fmt.Errorf("unknown SARIF profile %q: use %s", profile, strings.Join(SARIFProfiles, " or "))
	}
	paths, err := newReportPaths(o)
	if err != nil {
		return err
	}
	b := &sarifBuilder{
		o: o, profile: profile, paths: paths, src: sourceOf(o),
		ruleIndex: map[string]int{}, artifactIndex: map[string]int{}, logicalIndex: map[string]int{},
	}
	run := b.build(r)
	return writeJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// SARIFAudit writes SARIF in the audit profile whatever
// Options.SARIFProfile says: the format "sarif-audit", so that one run
// writes both profiles (--report sarif=FILE --report sarif-audit=FILE).
func SARIFAudit(w io.Writer, r *judge.Result, o Options) error {
	o.SARIFProfile = SARIFProfileAudit
	return SARIF(w, r, o)
}

// sarifBuilder assembles one run; the index maps keep rules, artifacts
// and logical locations unique, as the schema requires.
type sarifBuilder struct {
	o             Options
	profile       string
	paths         reportPaths
	src           *redact.Source
	rules         []sarifDescriptor
	ruleIndex     map[string]int
	artifacts     []sarifArtifact
	artifactIndex map[string]int
	logical       []sarifLogical
	logicalIndex  map[string]int
}

func (b *sarifBuilder) build(r *judge.Result) sarifRun {
	for _, c := range r.Checks {
		b.addRule(c)
	}
	if b.o.Snapshot != nil {
		for _, f := range b.o.Snapshot.Files {
			b.artifact(f.Path)
		}
	}
	for _, e := range b.o.Evidence {
		b.artifact(e.Path)
	}
	audit := b.profile == SARIFProfileAudit
	run := sarifRun{
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
		Properties: &sarifRunProperties{Profile: b.profile, FailOn: b.o.Threshold.String(), MissingEvidence: b.o.MissingEvidence.String(),
			ManifestSHA256: NewEvidencePack(b.o.Snapshot).ManifestSHA256},
	}
	if e := b.o.Earlier; e != nil {
		run.Properties.BeforeManifestSHA256 = NewEvidencePack(e).ManifestSHA256
		if audit {
			// The evidence of a review is both snapshots.
			for _, f := range e.Files {
				b.artifact(b.paths.fromOther(e.Root, f.Path))
			}
		}
	}
	for _, f := range r.Findings {
		switch {
		case !audit && f.Waiver != nil:
			run.Properties.OmittedWaived++
			continue
		case !audit && f.State == judge.StateFixed && !f.UnusedEntry:
			run.Properties.OmittedFixed++
			continue
		}
		run.Results = append(run.Results, b.result(f, audit))
	}
	cells := coverage(r, b.o.Snapshot)
	run.Properties.Coverage = CoverageSummary(cells)
	if audit {
		run.Results = append(run.Results, b.coverageResults(cells)...)
	}
	run.Invocations = []sarifInvocation{b.invocation(r)}
	if b.o.SARIFCategory != "" {
		run.AutomationDetails = &sarifAutomation{ID: b.o.SARIFCategory}
	}
	run.Tool = sarifTool{Driver: sarifDriver{
		Name: lint.ToolName, Version: strings.TrimPrefix(lint.Version, "v"), SemanticVersion: lint.SemanticVersion(lint.Version), InformationURI: lint.InformationURI,
		Rules: b.rules, Notifications: notificationDescriptors,
	}}
	if b.rules == nil {
		run.Tool.Driver.Rules = []sarifDescriptor{}
	}
	if lint.Commit != "" {
		run.Tool.Driver.Properties = &sarifDriverProps{Commit: lint.Commit}
	}
	run.Artifacts, run.LogicalLocations = b.artifacts, b.logical
	return run
}

func ptr[T any](v T) *T { return &v }
