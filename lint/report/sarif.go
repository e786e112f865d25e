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
	"time"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
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
func SARIF(w io.Writer, r *lint.Result, o Options) error {
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

func (b *sarifBuilder) build(r *lint.Result) sarifRun {
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
	run := sarifRun{
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
		Properties: &sarifRunProperties{Profile: b.profile, FailOn: b.o.Threshold.String(), MissingEvidence: b.o.MissingEvidence.String()},
	}
	audit := b.profile == SARIFProfileAudit
	for _, f := range r.Findings {
		switch {
		case !audit && f.Waiver != nil:
			run.Properties.OmittedWaived++
			continue
		case !audit && f.State == lint.StateFixed:
			run.Properties.OmittedFixed++
			continue
		}
		run.Results = append(run.Results, b.result(f, audit))
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
	run.Artifacts, run.LogicalLocations = b.artifacts, b.logical
	return run
}

// HelpURI is the web page of a check's documentation (lint.Check.DocPath).
func HelpURI(c *lint.Check) string {
	return lint.InformationURI + "/blob/main/" + c.DocPath()
}

// helpURIs maps the names of the checks that ran to their pages; a
// finding of a check not among them has no page to link to.
func helpURIs(checks []*lint.Check) map[string]string {
	m := make(map[string]string, len(checks))
	for _, c := range checks {
		m[c.Name] = HelpURI(c)
	}
	return m
}

func (b *sarifBuilder) addRule(c *lint.Check) int {
	if i, ok := b.ruleIndex[c.Name]; ok {
		return i
	}
	doc, fix := strings.TrimSpace(c.Doc), strings.TrimSpace(c.Fix)
	props := &sarifRuleProperty{Tags: slices.Clone(c.Tags), SecuritySeverity: c.SecuritySeverity}
	// GitHub ranks a rule by security-severity only when it is tagged
	// "security".
	if c.SecuritySeverity != "" && !slices.Contains(props.Tags, "security") {
		props.Tags = append(props.Tags, "security")
	}
	if len(props.Tags) == 0 && props.SecuritySeverity == "" {
		props = nil
	}
	d := sarifDescriptor{
		ID:               c.Name,
		Name:             pascalCase(c.Name),
		ShortDescription: &sarifText{Text: sentence(upperFirst(c.Title))},
		FullDescription:  &sarifText{Text: limitText(doc, 1024), Markdown: doc},
		Help: &sarifText{
			Text:     doc + "\n\nHow to fix:\n\n" + fix,
			Markdown: doc + "\n\n## How to fix\n\n" + fix,
		},
		HelpURI:              HelpURI(c),
		DefaultConfiguration: &sarifRuleConfig{Level: c.Severity.String()},
		Properties:           props,
	}
	b.ruleIndex[c.Name] = len(b.rules)
	b.rules = append(b.rules, d)
	return len(b.rules) - 1
}

// rule returns the index of a check's rule, adding a bare rule for a name
// that is not among the checks that ran (a finding must always resolve).
// Such a rule has no helpUri: there is no page known to exist for it, and
// code scanning wants a working link or none.
func (b *sarifBuilder) rule(name string) int {
	if i, ok := b.ruleIndex[name]; ok {
		return i
	}
	i := b.addRule(&lint.Check{Name: name, Title: name, Doc: "Reported by " + lint.ToolName + ".", Fix: "Run `bwlint explain " + name + "`.", Severity: lint.Warning})
	b.rules[i].HelpURI = ""
	return i
}

func (b *sarifBuilder) result(f lint.Finding, audit bool) sarifResult {
	res := sarifResult{
		RuleID:              f.Check,
		RuleIndex:           b.rule(f.Check),
		Level:               f.Severity.String(),
		Message:             sarifText{Text: sentence(f.Message)},
		PartialFingerprints: map[string]string{fingerprintKey: f.Fingerprint()},
		BaselineState:       sarifBaselineState(f.State),
	}
	// A fixed finding's range is in the earlier capture: no snippet.
	showSource := !f.Secret && f.State != lint.StateFixed
	loc := b.location(f.Location, f.Host, showSource)
	loc.LogicalLocations = b.logicalLocations(f.Logical)
	res.Locations = []sarifLocation{loc}
	for i, rel := range f.Related {
		l := b.location(rel.Location, f.Host, showSource)
		l.ID = ptr(i + 1)
		l.Message = &sarifText{Text: sentence(rel.Message)}
		res.RelatedLocations = append(res.RelatedLocations, l)
	}
	props := &sarifResultProps{Secret: f.Secret, Baselined: f.Baselined}
	if !f.Secret {
		props.Expected, props.Actual = f.Expected, f.Actual
	}
	if *props != (sarifResultProps{}) {
		res.Properties = props
	}
	if audit {
		// SARIF §3.27.23: suppressions are present on every result of a
		// run or on none; an empty list says "not suppressed".
		sups := []sarifSuppression{}
		if wv := f.Waiver; wv != nil {
			sups = append(sups, sarifSuppression{
				Kind: "external", Status: "accepted", Justification: wv.Reason,
				Properties: sarifSuppressionProps{Waiver: wv.Name, Owner: wv.Owner, Expires: wv.Expires},
			})
		}
		res.Suppressions = &sups
	}
	return res
}

func sarifBaselineState(s lint.State) string {
	switch s {
	case lint.StateNew:
		return "new"
	case lint.StateUnchanged:
		return "unchanged"
	case lint.StateChanged:
		return "updated"
	case lint.StateFixed:
		return "absent"
	}
	return ""
}

// location converts a range. Code scanning rejects a whole upload when
// one result lacks a file (codeql-action "expected artifact location"),
// and the multitool wants a region on every result, so:
//   - a range without a file (evidence that is absent) points at the
//     host's folder, where the missing capture belongs, else at the
//     snapshot directory, line 1;
//   - a range without a line covers the whole file.
//
// Snippets are added only when showSource is set (never for secrets).
func (b *sarifBuilder) location(r hcl.Range, host string, showSource bool) sarifLocation {
	if r.Filename == "" {
		dir := ""
		if b.o.Snapshot != nil && host != "" {
			if h := b.o.Snapshot.Host(host); h != nil {
				dir = h.Dir
			}
		}
		return sarifLocation{PhysicalLocation: &sarifPhysical{
			ArtifactLocation: sarifArtifactLocation{URI: fileURI(b.paths.fromRoot(dir), true)},
			Region:           &sarifRegion{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 1},
		}}
	}
	phys := &sarifPhysical{ArtifactLocation: b.artifact(r.Filename)}
	if r.Start.Line == 0 {
		phys.Region = b.wholeFile(r.Filename)
		return sarifLocation{PhysicalLocation: phys}
	}
	phys.Region = &sarifRegion{StartLine: r.Start.Line, StartColumn: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column}
	if showSource {
		phys.Region.Snippet, phys.ContextRegion = b.snippet(r)
	}
	return sarifLocation{PhysicalLocation: phys}
}

// wholeFile is the region of a whole file: first line to the end of the
// last; line 1 alone when the text is unknown or empty.
func (b *sarifBuilder) wholeFile(path string) *sarifRegion {
	reg := &sarifRegion{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 1}
	if b.o.Snapshot == nil {
		return reg
	}
	f := b.o.Snapshot.File(path)
	if f == nil || len(f.Text) == 0 {
		return reg
	}
	lines := strings.Split(strings.TrimSuffix(f.Text, "\n"), "\n")
	last := strings.TrimSuffix(lines[len(lines)-1], "\r")
	reg.EndLine, reg.EndColumn = len(lines), utf8.RuneCountInString(last)+1
	return reg
}

// snippet returns the text of a one-line range and its whole line, unless
// the line holds a secret value: a snippet is the artifact's text, so a
// masked one would be false evidence, and none is shown instead.
func (b *sarifBuilder) snippet(r hcl.Range) (*sarifText, *sarifRegion) {
	l, ok := b.src.Line(r.Filename, r.Start.Line)
	if !ok || r.End.Line != r.Start.Line || len(l.Secrets) > 0 {
		return nil, nil
	}
	line := l.Text
	runes := []rune(line)
	start, end := r.Start.Column-1, r.End.Column-1
	if start < 0 || end > len(runes) || start >= end {
		return nil, nil
	}
	ctx := &sarifRegion{StartLine: r.Start.Line, StartColumn: 1, EndLine: r.Start.Line, EndColumn: len(runes) + 1, Snippet: &sarifText{Text: line}}
	return &sarifText{Text: string(runes[start:end])}, ctx
}

// artifact returns the location of a snapshot file ("" for the snapshot
// directory itself), adding the file to artifacts[] on first use.
func (b *sarifBuilder) artifact(path string) sarifArtifactLocation {
	uri := fileURI(b.paths.fromRoot(path), path == "")
	if path == "" {
		return sarifArtifactLocation{URI: uri}
	}
	if i, ok := b.artifactIndex[path]; ok {
		return sarifArtifactLocation{URI: uri, Index: ptr(i)}
	}
	a := b.describeArtifact(path)
	a.Location = sarifArtifactLocation{URI: uri}
	if a.Hashes == nil {
		a.Length = -1 // SARIF's "unknown": a length without a digest proves nothing
	}
	i := len(b.artifacts)
	b.artifacts = append(b.artifacts, a)
	b.artifactIndex[path] = i
	return sarifArtifactLocation{URI: uri, Index: ptr(i)}
}

// describeArtifact says what bwlint read at path: a snapshot file, the
// policy or baseline file, or nothing it knows (a finding's file that is
// not evidence of this run). Only a digest of bytes actually read is
// recorded; an empty one would be a claim about no bytes at all.
func (b *sarifBuilder) describeArtifact(path string) sarifArtifact {
	if b.o.Snapshot != nil {
		if f := b.o.Snapshot.File(path); f != nil {
			a := sarifArtifact{
				Roles:      []string{"analysisTarget"},
				Encoding:   sarifEncoding(f.Encoding),
				Properties: &sarifArtifactProps{Kind: string(f.Kind), Status: string(f.Status), Host: f.Host},
			}
			if f.SHA256 != "" {
				a.Length, a.Hashes = f.Size, map[string]string{"sha-256": f.SHA256}
			}
			return a
		}
	}
	for _, e := range b.o.Evidence {
		if e.Path != path {
			continue
		}
		// SARIF §3.24.6: a configuration file the user named, or one the
		// tool found by itself.
		role := "toolSpecifiedConfiguration"
		if e.Explicit {
			role = "userSpecifiedConfiguration"
		}
		a := sarifArtifact{Roles: []string{role}, Properties: &sarifArtifactProps{Kind: e.Kind}}
		if e.SHA256 != "" {
			a.Length, a.Hashes = e.Size, map[string]string{"sha-256": e.SHA256}
		}
		return a
	}
	return sarifArtifact{}
}

// sarifEncoding names an input encoding as IANA does; a byte-order mark
// is part of the file, not of the encoding's name.
func sarifEncoding(e source.Encoding) string {
	switch e {
	case source.UTF8, source.UTF8BOM:
		return "utf-8"
	case source.UTF16LE:
		return "utf-16le"
	case source.UTF16BE:
		return "utf-16be"
	}
	return ""
}

// logicalLocations places a finding in BroadWorks terms as a chain in
// run.logicalLocations: host (kind "module"), CLI context or Partner Hub
// object ("namespace"), key ("member"). The result references the most
// specific one; parentIndex links lead back to the host.
func (b *sarifBuilder) logicalLocations(l lint.Logical) []sarifLogical {
	parent := -1
	var fqn []string
	add := func(name, kind string) {
		fqn = append(fqn, name)
		parent = b.logicalNode(name, strings.Join(fqn, "/"), kind, parent)
	}
	if l.Host != "" {
		add(l.Host, "module")
	}
	if l.Context != "" {
		add(l.Context, "namespace")
	}
	if l.Key != "" {
		add(l.Key, "member")
	}
	if parent < 0 {
		return nil
	}
	n := b.logical[parent]
	return []sarifLogical{{Name: n.Name, FullyQualifiedName: n.FullyQualifiedName, Kind: n.Kind, Index: ptr(parent)}}
}

func (b *sarifBuilder) logicalNode(name, fqn, kind string, parent int) int {
	id := kind + "\x00" + fqn
	if i, ok := b.logicalIndex[id]; ok {
		return i
	}
	n := sarifLogical{Name: name, FullyQualifiedName: fqn, Kind: kind}
	if parent >= 0 {
		n.ParentIndex = ptr(parent)
	}
	b.logicalIndex[id] = len(b.logical)
	b.logical = append(b.logical, n)
	return len(b.logical) - 1
}

// Notification descriptors, referenced by index from
// toolExecutionNotifications.
const (
	notifyInputProblem = iota
	notifyNotEvaluated
	notifyCheckFailure
	notifyEvidenceGap
	notifyLostEvidence
)

var notificationDescriptors = []sarifDescriptor{
	notifyInputProblem: notificationDescriptor("input_problem",
		"An input file could not be read completely.",
		"What an unreadable file or line would have shown is not evidence: the run exits 2 on an input error, never passes in silence. docs/inputs.md describes the files bwlint reads."),
	notifyNotEvaluated: notificationDescriptor("not_evaluated",
		"A check lacked the evidence it needs.",
		"A check that is not evaluated neither passed nor failed; the reason names the capture to add."),
	notifyCheckFailure: notificationDescriptor("check_failure",
		"A check failed internally.",
		"The check's findings are missing from the run, which exits 4; please report it."),
	notifyEvidenceGap: notificationDescriptor("evidence_gap",
		"A check applies to a host but a capture it needs is missing.",
		"An evidence gap is not a pass: the check could not look. The notification names the commands that capture the missing evidence and the file it belongs in. A gap fails the run with exit code 2 (level error) unless it is baselined or --missing-evidence report is given (level warning)."),
	notifyLostEvidence: notificationDescriptor("lost_evidence",
		"A check evaluated before the change is not evaluated after it.",
		"The review's later snapshot lacks evidence the earlier one had: what the check found before is neither confirmed nor fixed."),
}

func notificationDescriptor(id, short, full string) sarifDescriptor {
	return sarifDescriptor{
		ID: id, Name: pascalCase(id),
		ShortDescription: &sarifText{Text: short},
		FullDescription:  &sarifText{Text: full},
		Help:             &sarifText{Text: full},
		HelpURI:          lint.InformationURI + "/blob/main/docs/output.md",
	}
}

func notificationRef(i int) *sarifRef {
	return &sarifRef{ID: notificationDescriptors[i].ID, Index: i}
}

// exitCodeDescriptions follow the exit-code contract of docs/output.md.
var exitCodeDescriptions = map[int]string{
	0: "no finding at or above the failure threshold",
	1: "findings at or above the failure threshold",
	2: "input problems or evidence gaps: some evidence could not be read or is missing",
	3: "usage or configuration error",
	4: "a check failed internally",
}

func (b *sarifBuilder) invocation(r *lint.Result) sarifInvocation {
	inv := sarifInvocation{
		StartTimeUTC:        sarifTime(b.o.Start),
		EndTimeUTC:          sarifTime(b.o.End),
		ExecutionSuccessful: len(r.Failures) == 0 && !r.HasInputErrors() && len(r.CountingGaps(b.o.MissingEvidence)) == 0,
		ExitCode:            b.o.ExitCode,
		ExitCodeDescription: exitCodeDescriptions[b.o.ExitCode],
		Properties:          &sarifInvocationProps{Policy: b.o.Policy.OrNone()},
	}
	// A review lists the evidence it lost first, as every review format
	// does.
	for _, l := range b.o.LostEvidence {
		note := sarifNotification{
			Level:          "warning",
			Message:        sarifText{Text: sentence(fmt.Sprintf("%s was evaluated on %s before the change and is not after it (%s): %s", l.Check, l.Host, l.Status, strings.Join(l.Reasons, "; ")))},
			Descriptor:     notificationRef(notifyLostEvidence),
			AssociatedRule: &sarifRef{ID: l.Check, Index: b.rule(l.Check)},
			Locations:      []sarifLocation{{LogicalLocations: b.logicalLocations(lint.Logical{Host: l.Host})}},
			Properties:     &sarifNotificationProps{Host: l.Host, Status: string(l.Status)},
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, note)
	}
	for _, g := range r.Gaps {
		level := "error"
		if !g.Counts(b.o.MissingEvidence) {
			level = "warning"
		}
		note := sarifNotification{
			Level: level,
			Message: sarifText{Text: sentence(fmt.Sprintf("%s has an evidence gap on %s: %s; capture into %s: %s",
				g.Check, cmp.Or(g.Host, "the snapshot"), g.Reason, b.paths.fromRoot(g.File), strings.Join(g.Capture(), "; ")))},
			Descriptor:     notificationRef(notifyEvidenceGap),
			AssociatedRule: &sarifRef{ID: g.Check, Index: b.rule(g.Check)},
			Properties: &sarifNotificationProps{Host: g.Host, Context: g.Context(), Command: g.Command(), Capture: g.Capture(),
				File: b.paths.fromRoot(g.File), Baselined: g.Baselined},
		}
		if g.Host != "" {
			note.Locations = []sarifLocation{{LogicalLocations: b.logicalLocations(lint.Logical{Host: g.Host})}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, note)
	}
	for _, p := range r.Problems {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:      p.Severity.String(),
			Message:    sarifText{Text: sentence(p.Message)},
			Locations:  []sarifLocation{b.location(p.Range, "", false)},
			Descriptor: notificationRef(notifyInputProblem),
		})
	}
	for _, n := range r.NotEvaluated {
		host := cmp.Or(n.Host, "all hosts")
		note := sarifNotification{
			Level:          "note",
			Message:        sarifText{Text: sentence(fmt.Sprintf("%s not evaluated on %s: %s", n.Check, host, n.Reason))},
			Descriptor:     notificationRef(notifyNotEvaluated),
			AssociatedRule: &sarifRef{ID: n.Check, Index: b.rule(n.Check)},
		}
		if n.Host != "" {
			note.Locations = []sarifLocation{{LogicalLocations: b.logicalLocations(lint.Logical{Host: n.Host})}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, note)
	}
	for _, f := range r.Failures {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:          "error",
			Message:        sarifText{Text: sentence(fmt.Sprintf("check %s failed: %s", f.Check, f.Err))},
			Descriptor:     notificationRef(notifyCheckFailure),
			AssociatedRule: &sarifRef{ID: f.Check, Index: b.rule(f.Check)},
		})
	}
	return inv
}

func sarifTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// sentence ends a message with a period, as SARIF messages should.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// pascalCase turns a check name into a SARIF rule name:
// xsp_certificate_auth_flags → XspCertificateAuthFlags.
func pascalCase(name string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(name, "_") {
		b.WriteString(upperFirst(part))
	}
	return b.String()
}

// limitText cuts markdown to at most n bytes at a paragraph break (code
// scanning rejects longer descriptions), else at a word.
func limitText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndex(s[:n], "\n\n"); i > 0 {
		return s[:i]
	}
	const ellipsis = "…"
	if i := strings.LastIndexByte(s[:n-len(ellipsis)], ' '); i > 0 {
		return s[:i] + ellipsis
	}
	return strings.ToValidUTF8(s[:n], "")
}

func ptr[T any](v T) *T { return &v }
