package config

import "github.com/hashicorp/hcl/v2"

// The structs below are the file's schema for gohcl. Attributes are kept
// as *hcl.Attribute (nil when absent) rather than decoded straight into Go
// types, so that each value is read with its own range and every problem
// points at the exact token; see values.go.

// FileName is the name discovery looks for in the working directory and at
// the snapshot root.
const FileName = ".bwlint.hcl"

type fileBody struct {
	Lint     *lintBlock      `hcl:"lint,block"`
	Checks   []*checkBlock   `hcl:"check,block"`
	Hosts    []*hostBlock    `hcl:"host,block"`
	Clusters []*clusterBlock `hcl:"cluster,block"`
	Waivers  []*waiverBlock  `hcl:"waiver,block"`
	Rules    []*ruleBlock    `hcl:"rule,block"`
}

type lintBlock struct {
	FailOn          *hcl.Attribute `hcl:"fail_on,optional"`
	Checks          *hcl.Attribute `hcl:"checks,optional"`
	MissingEvidence *hcl.Attribute `hcl:"missing_evidence,optional"`
	// FailOnStaleBaseline makes stale baseline entries fail the run.
	FailOnStaleBaseline *hcl.Attribute `hcl:"fail_on_stale_baseline,optional"`
	// AcceptNewWaivers lets a review accept a finding that only a waiver
	// new in the after snapshot's policy waives.
	AcceptNewWaivers *hcl.Attribute `hcl:"accept_new_waivers,optional"`
	// MaskPersonalData masks names, email addresses and phone numbers in
	// every report.
	MaskPersonalData *hcl.Attribute `hcl:"mask_personal_data,optional"`
}

// checkBlock holds the engine's attributes; everything else in the block
// belongs to the check's own options and is decoded into them.
type checkBlock struct {
	Name      string         `hcl:"name,label"`
	NameRange hcl.Range      `hcl:"name,label_range"`
	Enabled   *hcl.Attribute `hcl:"enabled,optional"`
	Severity  *hcl.Attribute `hcl:"severity,optional"`
	// NotApplicable lists the hosts the check does not apply to.
	NotApplicable *hcl.Attribute `hcl:"not_applicable,optional"`
	Options       hcl.Body       `hcl:",remain"`
	DefRange      hcl.Range      `hcl:",def_range"`
}

type hostBlock struct {
	Name      string         `hcl:"name,label"`
	NameRange hcl.Range      `hcl:"name,label_range"`
	Role      *hcl.Attribute `hcl:"role,optional"`
	Release   *hcl.Attribute `hcl:"release,optional"`
	// NotApplicable lists the checks (names or patterns) that do not
	// apply to the host.
	NotApplicable *hcl.Attribute `hcl:"not_applicable,optional"`
	DefRange      hcl.Range      `hcl:",def_range"`
}

type clusterBlock struct {
	Name               string         `hcl:"name,label"`
	NameRange          hcl.Range      `hcl:"name,label_range"`
	XSPs               *hcl.Attribute `hcl:"xsps,optional"`
	ApplicationServers *hcl.Attribute `hcl:"application_servers,optional"`
	DefRange           hcl.Range      `hcl:",def_range"`
}

type waiverBlock struct {
	Name       string         `hcl:"name,label"`
	NameRange  hcl.Range      `hcl:"name,label_range"`
	Check      *hcl.Attribute `hcl:"check,optional"`
	Hosts      *hcl.Attribute `hcl:"hosts,optional"`
	Reason     *hcl.Attribute `hcl:"reason,optional"`
	Owner      *hcl.Attribute `hcl:"owner,optional"`
	ApprovedBy *hcl.Attribute `hcl:"approved_by,optional"`
	Granted    *hcl.Attribute `hcl:"granted,optional"`
	Expires    *hcl.Attribute `hcl:"expires,optional"`
	DefRange   hcl.Range      `hcl:",def_range"`
}

type ruleBlock struct {
	Name      string    `hcl:"name,label"`
	NameRange hcl.Range `hcl:"name,label_range"`
	DefRange  hcl.Range `hcl:",def_range"`

	Title            *hcl.Attribute `hcl:"title,optional"`
	Doc              *hcl.Attribute `hcl:"doc,optional"`
	Severity         *hcl.Attribute `hcl:"severity,optional"`
	SecuritySeverity *hcl.Attribute `hcl:"security_severity,optional"`
	Fix              *hcl.Attribute `hcl:"fix,optional"`

	// Where the value is.
	Role    *hcl.Attribute `hcl:"role,optional"`
	Context *hcl.Attribute `hcl:"context,optional"`
	Key     *hcl.Attribute `hcl:"key,optional"`
	Column  *hcl.Attribute `hcl:"column,optional"`
	RowKey  *hcl.Attribute `hcl:"row_key,optional"`

	// What it must be: exactly one of these.
	Equals         *hcl.Attribute `hcl:"equals,optional"`
	OneOf          *hcl.Attribute `hcl:"one_of,optional"`
	Matches        *hcl.Attribute `hcl:"matches,optional"`
	Present        *hcl.Attribute `hcl:"present,optional"`
	SameOnAllHosts *hcl.Attribute `hcl:"same_on_all_hosts,optional"`
	IgnoreCase     *hcl.Attribute `hcl:"ignore_case,optional"`
}

func (b *lintBlock) failOnStaleBaseline() *hcl.Attribute {
	if b == nil {
		return nil
	}
	return b.FailOnStaleBaseline
}

func (b *lintBlock) acceptNewWaivers() *hcl.Attribute {
	if b == nil {
		return nil
	}
	return b.AcceptNewWaivers
}

func (b *lintBlock) maskPersonalData() *hcl.Attribute {
	if b == nil {
		return nil
	}
	return b.MaskPersonalData
}
