package report

// The SARIF 2.1.0 objects bwlint writes: only the fields it fills, so the
// JSON is exactly what the goldens show (see the note atop sarif.go).

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool              sarifTool           `json:"tool"`
	Invocations       []sarifInvocation   `json:"invocations"`
	AutomationDetails *sarifAutomation    `json:"automationDetails,omitempty"`
	ColumnKind        string              `json:"columnKind"`
	Artifacts         []sarifArtifact     `json:"artifacts,omitempty"`
	LogicalLocations  []sarifLogical      `json:"logicalLocations,omitempty"`
	Results           []sarifResult       `json:"results"`
	Properties        *sarifRunProperties `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string            `json:"name"`
	Version         string            `json:"version"`
	SemanticVersion string            `json:"semanticVersion,omitempty"`
	InformationURI  string            `json:"informationUri"`
	Rules           []sarifDescriptor `json:"rules"`
	Notifications   []sarifDescriptor `json:"notifications"`
	Properties      *sarifDriverProps `json:"properties,omitempty"`
}

// sarifDriverProps name the commit the tool was built from, which SARIF's
// toolComponent has no field for.
type sarifDriverProps struct {
	Commit string `json:"commit"`
}

type sarifDescriptor struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name,omitempty"`
	ShortDescription     *sarifText         `json:"shortDescription,omitempty"`
	FullDescription      *sarifText         `json:"fullDescription,omitempty"`
	Help                 *sarifText         `json:"help,omitempty"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration *sarifRuleConfig   `json:"defaultConfiguration,omitempty"`
	Properties           *sarifRuleProperty `json:"properties,omitempty"`
}

// sarifText is SARIF's message and multiformatMessageString.
type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Tags             []string `json:"tags,omitempty"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifInvocation struct {
	CommandLine                string                `json:"commandLine,omitempty"`
	Arguments                  []string              `json:"arguments,omitempty"`
	StartTimeUTC               string                `json:"startTimeUtc,omitempty"`
	EndTimeUTC                 string                `json:"endTimeUtc,omitempty"`
	ExecutionSuccessful        bool                  `json:"executionSuccessful"`
	ExitCode                   int                   `json:"exitCode"`
	ExitCodeDescription        string                `json:"exitCodeDescription,omitempty"`
	ToolExecutionNotifications []sarifNotification   `json:"toolExecutionNotifications,omitempty"`
	Properties                 *sarifInvocationProps `json:"properties,omitempty"`
}

// sarifInvocationProps say what the invocation applied besides the
// snapshot: the policy file (also an artifact, with its digest, when one
// applied) and why it was that one, and the day its waivers were judged
// on, or that none was applied.
type sarifInvocationProps struct {
	Policy Policy `json:"policy"`
	// AsOf is --as-of; absent when waivers were judged on the day of
	// startTimeUtc.
	AsOf      string `json:"asOf,omitempty"`
	NoWaivers bool   `json:"noWaivers"`
}

type sarifNotification struct {
	Level          string                  `json:"level"`
	Message        sarifText               `json:"message"`
	Locations      []sarifLocation         `json:"locations,omitempty"`
	Descriptor     *sarifRef               `json:"descriptor,omitempty"`
	AssociatedRule *sarifRef               `json:"associatedRule,omitempty"`
	Properties     *sarifNotificationProps `json:"properties,omitempty"`
}

// sarifNotificationProps describe an evidence gap, or evidence a review
// lost, for machines: what to type and where it belongs.
type sarifNotificationProps struct {
	Host      string   `json:"host,omitempty"`
	Context   string   `json:"context,omitempty"`
	Command   string   `json:"command,omitempty"`
	Capture   []string `json:"capture,omitempty"`
	File      string   `json:"file,omitempty"`
	Baselined bool     `json:"baselined,omitempty"`
	// Status is what the later snapshot of a review established about
	// lost evidence.
	Status string `json:"status,omitempty"`
}

// sarifRef is a reportingDescriptorReference.
type sarifRef struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifArtifact struct {
	Location            sarifArtifactLocation `json:"location"`
	Length              int64                 `json:"length"`
	Encoding            string                `json:"encoding,omitempty"`
	Hashes              map[string]string     `json:"hashes,omitempty"`
	LastModifiedTimeUTC string                `json:"lastModifiedTimeUtc,omitempty"`
	Roles               []string              `json:"roles,omitempty"`
	Properties          *sarifArtifactProps   `json:"properties,omitempty"`
}

// sarifArtifactProps is provenance: what bwlint read the file as — a
// snapshot file's kind, parse status and host, or "policy" or "baseline"
// — when it was captured, and, in a review, which snapshot holds it.
type sarifArtifactProps struct {
	Kind   string `json:"kind"`
	Status string `json:"status,omitempty"`
	Host   string `json:"host,omitempty"`
	// CapturedAt and CapturedFrom are the evidence pack's capture time
	// (EvidenceEntry).
	CapturedAt   string `json:"capturedAt,omitempty"`
	CapturedFrom string `json:"capturedFrom,omitempty"`
	// Snapshot is "before" for a file of the earlier snapshot of a
	// review; absent for the snapshot the run is about.
	Snapshot string `json:"snapshot,omitempty"`
}

type sarifArtifactLocation struct {
	URI   string `json:"uri"`
	Index *int   `json:"index,omitempty"`
}

type sarifLogical struct {
	Name               string `json:"name,omitempty"`
	FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
	Kind               string `json:"kind,omitempty"`
	Index              *int   `json:"index,omitempty"`
	ParentIndex        *int   `json:"parentIndex,omitempty"`
}

type sarifResult struct {
	RuleID              string              `json:"ruleId"`
	RuleIndex           int                 `json:"ruleIndex"`
	Kind                string              `json:"kind,omitempty"`
	Level               string              `json:"level"`
	Message             sarifText           `json:"message"`
	Locations           []sarifLocation     `json:"locations"`
	RelatedLocations    []sarifLocation     `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string   `json:"partialFingerprints"`
	BaselineState       string              `json:"baselineState,omitempty"`
	Suppressions        *[]sarifSuppression `json:"suppressions,omitempty"`
	Properties          *sarifResultProps   `json:"properties,omitempty"`
}

type sarifLocation struct {
	ID               *int           `json:"id,omitempty"`
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
	ContextRegion    *sarifRegion          `json:"contextRegion,omitempty"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn,omitempty"`
	EndLine     int        `json:"endLine,omitempty"`
	EndColumn   int        `json:"endColumn,omitempty"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification"`
	// Location is where the suppression is kept (§3.35.5): the waiver's
	// block in the policy file.
	Location   *sarifLocation        `json:"location,omitempty"`
	Properties sarifSuppressionProps `json:"properties"`
}

// sarifSuppressionProps are a waiver's provenance.
type sarifSuppressionProps struct {
	Waiver     string   `json:"waiver"`
	Owner      string   `json:"owner,omitempty"`
	ApprovedBy string   `json:"approvedBy,omitempty"`
	Granted    string   `json:"granted,omitempty"`
	Expires    string   `json:"expires,omitempty"`
	Hosts      []string `json:"hosts,omitempty"`
}

type sarifResultProps struct {
	// Coverage is the coverage cell's status of a pass or notApplicable
	// result.
	Coverage  string `json:"coverage,omitempty"`
	Secret    bool   `json:"secret,omitempty"`
	Expected  string `json:"expected,omitempty"`
	Actual    string `json:"actual,omitempty"`
	Baselined bool   `json:"baselined,omitempty"`
	// Unverified marks an earlier finding whose evidence is gone: its
	// baselineState is "unchanged" (nothing shows it gone, so its alert
	// stays open), and LostEvidence says what was lost.
	Unverified   bool   `json:"unverified,omitempty"`
	LostEvidence string `json:"lostEvidence,omitempty"`
}

// sarifRunProperties say what a profile left out, so that a GitHub-bound
// log is never silently smaller than the run.
type sarifRunProperties struct {
	Profile         string `json:"profile"`
	OmittedWaived   int    `json:"omittedWaived"`
	OmittedFixed    int    `json:"omittedFixed"`
	FailOn          string `json:"failOn"`
	MissingEvidence string `json:"missingEvidence"`
	// Coverage counts the cells of the coverage matrix by status.
	Coverage map[string]int `json:"coverage"`
	// ManifestSHA256 is the evidence pack's manifest digest of the
	// snapshot; BeforeManifestSHA256 that of a review's earlier one.
	ManifestSHA256       string `json:"manifestSha256"`
	BeforeManifestSHA256 string `json:"beforeManifestSha256,omitempty"`
}
