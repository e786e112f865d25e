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
// applied) and why it was that one.
type sarifInvocationProps struct {
	Policy Policy `json:"policy"`
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
	Location   sarifArtifactLocation `json:"location"`
	Length     int64                 `json:"length"`
	Encoding   string                `json:"encoding,omitempty"`
	Hashes     map[string]string     `json:"hashes,omitempty"`
	Roles      []string              `json:"roles,omitempty"`
	Properties *sarifArtifactProps   `json:"properties,omitempty"`
}

// sarifArtifactProps is provenance: what bwlint read the file as — a
// snapshot file's kind, parse status and host, or "policy" or "baseline".
type sarifArtifactProps struct {
	Kind   string `json:"kind"`
	Status string `json:"status,omitempty"`
	Host   string `json:"host,omitempty"`
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
	Kind          string                `json:"kind"`
	Status        string                `json:"status"`
	Justification string                `json:"justification"`
	Properties    sarifSuppressionProps `json:"properties"`
}

type sarifSuppressionProps struct {
	Waiver  string `json:"waiver"`
	Owner   string `json:"owner,omitempty"`
	Expires string `json:"expires,omitempty"`
}

type sarifResultProps struct {
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
}
