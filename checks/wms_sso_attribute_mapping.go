package checks

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/wms"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// The evidence wms_sso_attribute_mapping reads.
var (
	ssoCaptures = wmsSSOCaptures.Reading("the subject's NameID and every attribute with its values")
	ssoSettings = wmsSettingsFile.Reading("whether auto account update is on, and the usage, input mode and active dropdown values of each tracking code")
)

type ssoMappingOptions struct {
	RequiredAttributes       []string       `hcl:"required_attributes,optional" doc:"attributes every assertion must carry with a value, spelt as Meetings Server matches them (case-sensitive)"`
	MaxLengths               map[string]int `hcl:"max_lengths,optional" doc:"attribute → the longest value Meetings Server accepts, in characters"`
	TrackingCodeMaxLength    int            `hcl:"tracking_code_max_length,optional" doc:"the longest value of a tracking-code attribute (TC1 to TC10), in characters"`
	SubjectAttributes        []string       `hcl:"subject_attributes,optional" doc:"the names IdPs give the subject's NameID in their mappings; an attribute so named (in any case) must hold the NameID's value"`
	UpdateTimestampAttribute string         `hcl:"update_timestamp_attribute,optional" doc:"the attribute auto account update needs, as Meetings Server spells it"`
	NameIDIsEmail            bool           `hcl:"name_id_is_email,optional" doc:"report a NameID that is not the user's email address, as the guide recommends (a warning)"`
}

// Validate rejects names and limits the check cannot work with.
func (o *ssoMappingOptions) Validate() error {
	for _, list := range []struct {
		option string
		names  []string
	}{{"required_attributes", o.RequiredAttributes}, {"subject_attributes", o.SubjectAttributes}} {
		if slices.ContainsFunc(list.names, func(n string) bool { return strings.TrimSpace(n) == "" }) {
			return &lint.OptionError{Option: list.option, Msg: "an attribute name is empty"}
		}
	}
	for _, name := range wmsSortedKeys(o.MaxLengths) {
		if n := o.MaxLengths[name]; n < 1 {
			return &lint.OptionError{Option: "max_lengths", Msg: fmt.Sprintf("attribute %s: a length must be at least 1, got %d", name, n)}
		}
	}
	if o.TrackingCodeMaxLength < 1 {
		return &lint.OptionError{Option: "tracking_code_max_length", Msg: fmt.Sprintf("a length must be at least 1, got %d", o.TrackingCodeMaxLength)}
	}
	if strings.TrimSpace(o.UpdateTimestampAttribute) == "" {
		return &lint.OptionError{Option: "update_timestamp_attribute", Msg: "it must name the attribute, such as \"updateTimestamp\""}
	}
	return nil
}

var wmsSSOAttributeMapping = &lint.Check{
	Name:  "wms_sso_attribute_mapping",
	Title: "SSO assertions carry the attributes Meetings Server creates and updates accounts from",
	Doc: `When a user signs in to Cisco WebEx Meetings Server through SAML 2.0 SSO, Meetings Server
creates or updates the user's account from the assertion the identity provider (IdP) sends. Its
troubleshooting guide ("Auto Account Creation or Auto Account Update Has Failed") traces the
messages "Auto Account Creation failed" and "Auto Account Update failed" to the IdP's attribute
mappings, and its SSO URL API reference gives the fields and their longest values. Each SAML
response of ` + "`wms/sso/`" + ` is judged as Meetings Server would read it:

- the attributes ` + "`firstname`" + `, ` + "`lastname`" + ` and ` + "`email`" + ` are present with a value, no longer than
  32, 32 and 64 characters. The guide calls attribute names case-sensitive: an attribute whose
  name differs only in case (` + "`firstName`" + `) does not count, and is reported as such;
- the subject has a NameID. The guide recommends the email address there (a warning when it
  holds something else);
- ` + "`Name_ID`" + ` (in ADFS) and ` + "`SAML_SUBJECT`" + ` (in other IdPs) are the names IdPs give the NameID in their
  mapping screens, and the guide asks for both to hold the same value. Where an IdP also sends
  an attribute so named, its value must equal the NameID;
- with auto account update on (` + "`wms/settings.hcl`" + `), the ` + "`updateTimestamp`" + ` attribute is present:
  the guide names its absence as the cause of failed updates. Cisco's own pages also spell it
  ` + "`updatetimestamp`" + ` and ` + "`updateTimeStamp`" + `, so a name that differs only in case is a warning of its
  own rather than an error;
- the tracking codes TC1 to TC10 that Users > Tracking Codes makes required are mapped with a
  value; a code whose input mode is a dropdown holds one of its active values (empty is allowed
  where the code is optional); no value is longer than 132 characters.

Findings in a base64 capture point at the base64 characters that encode the value (for a
DEFLATE-compressed capture, at the whole value) and quote where the value stands in the decoded
XML, as a SAML tracer shows it. Findings name the user by the email address the assertion carries
(else its NameID); first and last names are not quoted, only their lengths. Two captures of one
user are judged once per finding, the first in path order.`,
	Fix: `In the identity provider, edit the claim rules (ADFS: the relying party trust of the Meetings
Server site; other IdPs: its attribute mapping) so that the assertion carries, spelt exactly so:

` + "```" + `
E-Mail-Addresses  ->  Name_ID (the NameID; SAML_SUBJECT in IdPs that call it so)
E-Mail-Addresses  ->  email
Given-Name        ->  firstname
Surname           ->  lastname
(a last-change time) -> updateTimestamp   (when auto account update is on)
` + "```" + `

Map each tracking code that Users > Tracking Codes makes required (TC1 to TC10), with one of
the active values of its dropdown list where it has one. Shorten values in the directory that
exceed the limits. Sign in again and capture the new response to confirm.`,
	Severity: lint.Error,
	Applies: `Every SAML response of the snapshot (` + "`wms/sso/*`" + `). A snapshot without one is not evaluated.
Without ` + "`wms/settings.hcl`" + `, or where it does not say, whether ` + "`updateTimestamp`" + ` is needed and the
tracking codes are not judged (not evaluated, never passed); the rest of each assertion is.`,
	Evidence: []lint.Evidence{ssoCaptures, ssoSettings},
	Tags:     []string{"wms", "sso", "saml"},
	Options: func() any {
		o := &ssoMappingOptions{
			RequiredAttributes:       []string{"firstname", "lastname", "email"},
			MaxLengths:               map[string]int{},
			TrackingCodeMaxLength:    wmsTrackingCodeMaxLength,
			SubjectAttributes:        []string{"Name_ID", "SAML_SUBJECT"},
			UpdateTimestampAttribute: "updateTimestamp",
			NameIDIsEmail:            true,
		}
		for _, name := range o.RequiredAttributes {
			if c, ok := wms.KnownColumn(name); ok && c.MaxLength > 0 {
				o.MaxLengths[name] = c.MaxLength
			}
		}
		return o
	},
	Run: runWMSSSOAttributeMapping,
}

func runWMSSSOAttributeMapping(p *lint.Pass) error {
	snap := p.Snapshot
	if len(snap.WMS.SSO) == 0 {
		p.NotEvaluated("", "%s", wmsNoCaptures(snap))
		return nil
	}
	r := &ssoReview{p: p, opts: lint.OptionsOf[ssoMappingOptions](p), settings: snap.WMS.Settings, reported: map[string]bool{}}
	if r.settings == nil {
		p.NotEvaluatedPart("", "whether %s is needed, and the tracking codes, are not judged: %s", r.opts.UpdateTimestampAttribute, wmsNoSettings(snap))
	} else {
		r.update, r.updateKnown = wmsSwitch(r.settings.AutoAccountUpdate)
		if !r.updateKnown {
			p.NotEvaluatedPart("", "whether %s is needed is not judged: %s does not give auto_account_update", r.opts.UpdateTimestampAttribute, wmsSettingsPath)
		}
		for _, tc := range r.settings.TrackingCodes {
			if !tc.Usage.Present() {
				p.NotEvaluatedPart("", "%s: %s does not give its usage (required, optional or not_used), so its mapping is not judged", strings.ToUpper(tc.Code.Text), wmsSettingsPath)
			} else if !tc.Input.Present() && tc.Usage.Text != wms.UsageNotUsed {
				p.NotEvaluatedPart("", "%s: %s does not give its input mode (text or dropdown), so its values are not judged", strings.ToUpper(tc.Code.Text), wmsSettingsPath)
			}
		}
	}
	for _, m := range snap.WMS.SSO {
		r.message(m)
	}
	return nil
}

// ssoReview judges the snapshot's SAML captures.
type ssoReview struct {
	p                   *lint.Pass
	opts                *ssoMappingOptions
	settings            *wms.Settings
	update, updateKnown bool
	// reported holds the identities reported, so that a second capture
	// of one user does not report a finding again.
	reported map[string]bool
	// m, a and ctx are the capture, the assertion and the findings'
	// logical context being judged.
	m   *wms.SAMLMessage
	a   *wms.Assertion
	ctx string
	// who names the user in messages.
	who string
}

func (r *ssoReview) message(m *wms.SAMLMessage) {
	r.m = m
	if len(m.Assertions) == 0 {
		switch {
		case m.EncryptedAssertions > 0:
			r.p.NotEvaluatedPart("", "%s: the assertion is encrypted (EncryptedAssertion), and bwlint cannot read it without Meetings Server's private key", m.Path)
		case m.StatusCode.Present() && m.StatusCode.Text != wms.StatusSuccess:
			r.p.NotEvaluatedPart("", "%s: the IdP answered with status %s and sent no assertion: it signed nobody in", m.Path, m.StatusCode.Text)
		default:
			r.p.NotEvaluatedPart("", "%s: the response holds no assertion", m.Path)
		}
		return
	}
	for _, a := range m.Assertions {
		r.a = a
		user, shown := wmsSSOUser(a)
		r.ctx, r.who = "wms/sso/"+user, "the assertion for "+shown
		if user == "" {
			name := path.Base(m.Path)
			r.ctx, r.who = "wms/sso/"+name, "the assertion of "+name
		}
		if a.EncryptedAttributes > 0 {
			r.p.NotEvaluatedPart("", "%s: %d of its attributes are encrypted (EncryptedAttribute) and cannot be read; an attribute among them is reported as missing", m.Path, a.EncryptedAttributes)
		}
		r.nameID()
		r.subjectAttributes()
		r.required()
		r.lengths()
		r.updateTimestamp()
		r.trackingCodes()
	}
}

// report records a finding about the assertion being judged, once per
// identity.
func (r *ssoReview) report(f lint.Finding) {
	f.Logical.Context = r.ctx
	id := strings.ToLower(r.ctx + "\x1f" + f.Logical.Key)
	if r.reported[id] {
		return
	}
	r.reported[id] = true
	r.p.Report(f)
}

// at is where an item stands, with its place in the decoded XML for an
// encoded capture.
func (r *ssoReview) at(it wms.Item) (hcl.Range, string) {
	return it.Range(), wmsDecoded(r.m, it.Doc)
}

// missingAt is where a finding about something the assertion lacks
// points.
func (r *ssoReview) missingAt() (hcl.Range, string) {
	rg, doc := wmsAnchor(r.a)
	return rg, wmsDecoded(r.m, doc)
}

// nameID judges the subject's NameID: present, not empty, and, as the
// guide recommends, the email address.
func (r *ssoReview) nameID() {
	a := r.a
	id := a.NameID.Value
	switch {
	case a.EncryptedID:
		r.p.NotEvaluatedPart("", "%s: the subject's NameID is encrypted (EncryptedID) and cannot be read", r.m.Path)
	case !id.Present():
		at, where := r.missingAt()
		r.report(lint.Finding{
			Message:  fmt.Sprintf("%s has no NameID in its subject%s; Meetings Server identifies the user by it: map the email address to it (Name_ID in ADFS, SAML_SUBJECT in other IdPs)", r.who, where),
			Location: at,
			Logical:  lint.Logical{Key: "NameID"},
		})
	case id.Text == "":
		at, where := r.at(id)
		r.report(lint.Finding{
			Message:  fmt.Sprintf("%s: the subject's NameID is empty%s; Meetings Server identifies the user by it: map the email address to it (Name_ID in ADFS, SAML_SUBJECT in other IdPs)", r.who, where),
			Location: at,
			Logical:  lint.Logical{Key: "NameID"},
		})
	case r.opts.NameIDIsEmail:
		r.nameIDIsEmail(id)
	}
}

// nameIDIsEmail reports, as a warning, a NameID that is not the user's
// email address.
func (r *ssoReview) nameIDIsEmail(id wms.Item) {
	at, where := r.at(id)
	f := lint.Finding{Severity: lint.Warning, Location: at, Logical: lint.Logical{Key: "NameID"}, Actual: id.Text}
	if email, ok := wmsEmail(r.a); ok {
		if strings.EqualFold(email.Text, id.Text) {
			return
		}
		f.Message = fmt.Sprintf("%s: the subject's NameID is %q%s, not the email address %q the email attribute holds; the guide recommends mapping the email address to Name_ID", r.who, id.Text, where, email.Text)
		f.Expected = email.Text
		r.report(f)
		return
	}
	if strings.Contains(id.Text, "@") {
		return
	}
	f.Message = fmt.Sprintf("%s: the subject's NameID is %q%s, which is not an email address; the guide recommends mapping the email address to Name_ID", r.who, id.Text, where)
	r.report(f)
}

// value returns the first value of the attribute named name exactly.
func (r *ssoReview) value(name string) (wms.Item, bool) {
	at, _ := wmsAttribute(r.a, name)
	if at == nil {
		return wms.Item{}, false
	}
	return wmsFirstValue(*at)
}

// subjectAttributes compares attributes named like the IdPs' names for
// the NameID with the NameID itself.
func (r *ssoReview) subjectAttributes() {
	id := r.a.NameID.Value
	if !id.Present() || r.a.EncryptedID {
		return
	}
	for _, at := range r.a.Attributes {
		if !slices.ContainsFunc(r.opts.SubjectAttributes, func(n string) bool { return strings.EqualFold(n, at.Name.Text) }) {
			continue
		}
		v, ok := wmsFirstValue(at)
		if !ok || v.Secret || v.Text == id.Text {
			continue
		}
		vAt, vWhere := r.at(v)
		_, idWhere := r.at(id)
		also := ""
		if strings.EqualFold(v.Text, id.Text) {
			also = " (they differ only in case)"
		}
		r.report(lint.Finding{
			Message: fmt.Sprintf("%s: the attribute %s holds %q%s, but the subject's NameID is %q%s%s; %s and the NameID must hold the same value, the user's email address",
				r.who, at.Name.Text, v.Text, vWhere, id.Text, idWhere, also, at.Name.Text),
			Location: vAt,
			Logical:  lint.Logical{Key: at.Name.Text},
			Expected: id.Text,
			Actual:   v.Text,
			Related:  []lint.Related{{Location: id.Range(), Message: "the subject's NameID" + idWhere}},
		})
	}
}

// required reports each required attribute that is missing, spelt in
// another case, or empty.
func (r *ssoReview) required() {
	for _, name := range r.opts.RequiredAttributes {
		r.present(name, "Meetings Server needs it to create or update the account", false, nil)
	}
}

// present reports the attribute named name when it is missing, differs
// from name only in case, or has no value; why says what needs it,
// related where that is set. A name that differs only in case is an
// error, or a warning where Cisco itself spells the name in several ways
// (spellingsDiffer). It returns the attribute's first value when there is
// one to judge.
func (r *ssoReview) present(name, why string, spellingsDiffer bool, related []lint.Related) (wms.Item, bool) {
	exact, caseOnly := wmsAttribute(r.a, name)
	switch {
	case exact == nil && caseOnly != nil:
		at, where := r.at(caseOnly.Name)
		severity := lint.Error
		msg := fmt.Sprintf("%s carries the attribute %s%s, whose name differs from %s only in case; the guide calls attribute names case-sensitive, so Meetings Server finds no %s (%s)",
			r.who, caseOnly.Name.Text, where, name, name, why)
		if spellingsDiffer {
			severity = lint.Warning
			msg = fmt.Sprintf("%s carries the attribute %s%s, whose name differs from %s only in case; the guide calls attribute names case-sensitive, though Cisco's own pages spell this one in several ways (updatetimestamp, updateTimeStamp): check which one your Meetings Server release reads, and set update_timestamp_attribute to it (%s)",
				r.who, caseOnly.Name.Text, where, name, why)
		}
		r.report(lint.Finding{
			Severity: severity,
			Message:  msg,
			Location: at,
			Logical:  lint.Logical{Key: name + " case"},
			Expected: name,
			Actual:   caseOnly.Name.Text,
			Related:  related,
		})
	case exact == nil:
		at, where := r.missingAt()
		r.report(lint.Finding{
			Message:  fmt.Sprintf("%s carries no %s attribute%s; %s", r.who, name, where, why),
			Location: at,
			Logical:  lint.Logical{Key: name},
			Related:  related,
		})
	default:
		v, ok := wmsFirstValue(*exact)
		if ok && (v.Secret || v.Text != "") {
			return v, !v.Secret
		}
		at, where := r.at(exact.Name)
		if ok {
			at, where = r.at(v)
		}
		r.report(lint.Finding{
			Message:  fmt.Sprintf("%s carries the attribute %s%s without a value; %s", r.who, name, where, why),
			Location: at,
			Logical:  lint.Logical{Key: name},
			Related:  related,
		})
	}
	return wms.Item{}, false
}

// lengths reports values longer than Meetings Server takes. Names are
// personal data and are not quoted; the address is the user's identity
// anyway, and a tracking code's value is not personal.
func (r *ssoReview) lengths() {
	limits := map[string]int{}
	for name, n := range r.opts.MaxLengths {
		limits[name] = n
	}
	for _, code := range wmsTrackingCodes {
		limits[code] = r.opts.TrackingCodeMaxLength
	}
	for _, name := range wmsSortedKeys(limits) {
		v, ok := r.value(name)
		if !ok || v.Secret || wmsLength(v.Text) <= limits[name] {
			continue
		}
		at, where := r.at(v)
		what := name
		if strings.EqualFold(name, "email") || slices.Contains(wmsTrackingCodes, name) {
			what = fmt.Sprintf("%s %q", name, v.Text)
		}
		r.report(lint.Finding{
			Message:  fmt.Sprintf("%s: %s%s is %d characters long; Meetings Server takes at most %d", r.who, what, where, wmsLength(v.Text), limits[name]),
			Location: at,
			Logical:  lint.Logical{Key: name + " length"},
			Value:    v.Text,
		})
	}
}

// updateTimestamp reports a missing update timestamp when auto account
// update is on.
func (r *ssoReview) updateTimestamp() {
	if !r.updateKnown || !r.update {
		return
	}
	on := r.settings.AutoAccountUpdate
	r.present(r.opts.UpdateTimestampAttribute, "auto account update is on, and without it Meetings Server cannot update the account (\"Auto Account Update failed\")",
		true, []lint.Related{{Location: on.Range(), Message: "auto account update is on"}})
}

// trackingCodes reports required tracking codes that are not mapped and
// dropdown codes that hold no active value.
func (r *ssoReview) trackingCodes() {
	if r.settings == nil {
		return
	}
	for _, tc := range r.settings.TrackingCodes {
		if !tc.Usage.Present() {
			continue
		}
		code := strings.ToUpper(tc.Code.Text)
		var v wms.Item
		var ok bool
		if tc.Usage.Text == wms.UsageRequired {
			v, ok = r.present(code, "Users > Tracking Codes makes "+wmsCodeLabel(tc)+" required", false,
				[]lint.Related{{Location: tc.Usage.Range(), Message: code + " is required"}})
		} else {
			v, ok = r.value(code)
			ok = ok && !v.Secret
		}
		if !ok || tc.Input.Text != wms.InputDropdown {
			continue
		}
		if why := wmsDropdownValue(tc, v.Text); why != "" {
			at, where := r.at(v)
			r.report(lint.Finding{
				Message:  fmt.Sprintf("%s: %s%s: %s", r.who, code, where, why),
				Location: at,
				Logical:  lint.Logical{Key: code + " value"},
				Related:  []lint.Related{{Location: tc.Input.Range(), Message: code + " takes a value from its dropdown list"}},
				Value:    v.Text,
			})
		}
	}
}
