package checks

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/wms"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// The Meetings Server evidence the wms_ checks read, each check adding
// what it takes from it. All of it is optional: a snapshot of a
// BroadWorks deployment alone holds none, and the checks are then not
// evaluated.
var (
	wmsUserFiles = lint.MeetingsServer("the user import file as the administrator uploads it at Users > Import, unchanged (or a Users > Export file)",
		"wms/users/<name>.csv").AsOptional()
	wmsSSOCaptures = lint.MeetingsServer("the SAMLResponse the identity provider posts at sign-in, saved from a browser SAML tracer (XML or the base64 value)",
		"wms/sso/<user>.xml").AsOptional()
	wmsSettingsFile = lint.MeetingsServer("Users > SSO (auto account creation and update) and Users > Tracking Codes of the administration site, written down",
		"wms/settings.hcl").AsOptional()
)

// wmsTrackingCodes are the names of Meetings Server's ten tracking codes,
// which are also their column names in an import file and their attribute
// names in an SSO assertion.
var wmsTrackingCodes = func() []string {
	out := make([]string, 10)
	for i := range out {
		out[i] = fmt.Sprintf("TC%d", i+1)
	}
	return out
}()

// wmsTrackingCodeMaxLength is the longest tracking-code value the
// troubleshooting guide's SSO URL API reference allows (it gives the
// figure for TC1 and presents TC2 to TC10 as the same kind of field).
const wmsTrackingCodeMaxLength = 132

// wmsSettingsPath is where a snapshot holds the administration settings.
const wmsSettingsPath = "wms/settings.hcl"

// wmsNoSettings says why what depends on the settings is not evaluated:
// the file is absent, or was not readable.
func wmsNoSettings(snap *inputs.Snapshot) string {
	if f := snap.File(wmsSettingsPath); f != nil {
		return wmsSettingsPath + " could not be read (see the input problems)"
	}
	return "the snapshot holds no " + wmsSettingsPath
}

// wmsCodeLabel names a tracking code for people, with the label users see
// when the settings give one: `TC1 ("Cost center")`.
func wmsCodeLabel(tc wms.TrackingCode) string {
	code := strings.ToUpper(tc.Code.Text)
	if tc.Name.Text == "" {
		return code
	}
	return fmt.Sprintf("%s (%q)", code, tc.Name.Text)
}

// trackingCodeFix changes one setting of a tracking code on the
// administration site (label, to the choice shown there), then in the
// snapshot's description of the settings (key, to value), so that the
// next run judges the site as it is; otherwise says what to do when the
// setting must stay.
func trackingCodeFix(tc wms.TrackingCode, label, choice, key, value, otherwise string) []lint.FixStep {
	return []lint.FixStep{
		{Comment: fmt.Sprintf("at Users > Tracking Codes of the administration site, set the %s of %s to %s", label, wmsCodeLabel(tc), choice)},
		{Comment: fmt.Sprintf("then set its %s to %q in %s", key, value, wmsSettingsPath)},
		{Comment: otherwise},
	}
}

// wmsDropdownValue judges a tracking code's value against its dropdown
// list: "" when the value is allowed (an active value, or empty where the
// code is not required), else why not. Values compare exactly: the
// guide speaks of the values configured in the list.
func wmsDropdownValue(tc wms.TrackingCode, value string) string {
	if value == "" || slices.ContainsFunc(tc.Values, func(v source.Value) bool { return v.Text == value }) {
		return ""
	}
	if slices.ContainsFunc(tc.InactiveValues, func(v source.Value) bool { return v.Text == value }) {
		return fmt.Sprintf("%q is in the dropdown list of %s but inactive", value, wmsCodeLabel(tc))
	}
	if len(tc.Values) == 0 {
		return fmt.Sprintf("%q is not an active value of %s, whose dropdown list wms/settings.hcl gives no active value", value, wmsCodeLabel(tc))
	}
	return fmt.Sprintf("%q is not an active value of %s (%s)", value, wmsCodeLabel(tc), wmsQuoteList(tc.Values))
}

// wmsQuoteList writes values as prose: "a", "a" or "b", "a", "b" or "c".
func wmsQuoteList(vals []source.Value) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = v.Text
	}
	return wmsJoin(wmsQuoted(q), "or")
}

// wmsQuoted quotes each of ss.
func wmsQuoted(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// wmsWholeFile locates a finding about a file as a whole: its name, no
// line.
func wmsWholeFile(p string) hcl.Range { return hcl.Range{Filename: p} }

// wmsNoUserFiles says why the snapshot gives no user import file to
// judge.
func wmsNoUserFiles(snap *inputs.Snapshot) string {
	for _, f := range snap.Files {
		if f.Kind == inputs.KindWMSUsers {
			return "no user import file of wms/users/ could be read (see the input problems)"
		}
	}
	return "the snapshot holds no Meetings Server user import file (wms/users/*)"
}

// wmsJoin joins words as prose: "a", "a or b", "a, b or c" (conj "or").
func wmsJoin(words []string, conj string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}

// wmsLength counts the characters of s as Meetings Server's length limits
// count them: code points.
func wmsLength(s string) int { return utf8.RuneCountInString(s) }

// wmsSwitch reads auto_account_creation or auto_account_update: on, and
// whether the settings say at all.
func wmsSwitch(v source.Value) (on, known bool) {
	if !v.Present() {
		return false, false
	}
	return source.Bool(v.Text)
}

// wmsNoCaptures says why the snapshot gives no SAML capture to judge.
func wmsNoCaptures(snap *inputs.Snapshot) string {
	for _, f := range snap.Files {
		if f.Kind == inputs.KindWMSSSO {
			return "no SAML capture of wms/sso/ could be read (see the input problems)"
		}
	}
	return "the snapshot holds no SAML response captured at a Meetings Server sign-in (wms/sso/*)"
}

// wmsDecoded names where an item of an encoded SAML capture stands in the
// decoded XML, which is what a SAML tracer's decoded view shows: the
// finding itself points at the base64 characters in the file. "" for an
// XML capture, where the finding points at the XML.
func wmsDecoded(m *wms.SAMLMessage, doc hcl.Range) string {
	if m.Form == wms.FormXML || doc.Start.Line == 0 {
		return ""
	}
	return fmt.Sprintf(" (decoded XML, line %d, column %d)", doc.Start.Line, doc.Start.Column)
}

// wmsFirstValue returns an attribute's first value.
func wmsFirstValue(at wms.Attribute) (wms.Item, bool) {
	if len(at.Values) == 0 {
		return wms.Item{}, false
	}
	return at.Values[0], true
}

// wmsAttribute returns an assertion's first attribute named name exactly
// (SAML attribute names are case-sensitive) and, when there is none, the
// first whose name differs from it only in case.
func wmsAttribute(a *wms.Assertion, name string) (exact, caseOnly *wms.Attribute) {
	for i := range a.Attributes {
		at := &a.Attributes[i]
		switch {
		case at.Name.Text == name:
			return at, nil
		case caseOnly == nil && strings.EqualFold(at.Name.Text, name):
			caseOnly = at
		}
	}
	return nil, caseOnly
}

// wmsSSOUser names the user an assertion signs in, the way Meetings
// Server keys accounts: the email attribute's value, else the NameID.
// key is lower-cased, so that it identifies a finding whatever the IdP's
// case; shown is as the assertion spells it. Both are "" when the
// assertion names nobody.
func wmsSSOUser(a *wms.Assertion) (key, shown string) {
	shown = a.NameID.Value.Text
	if v, ok := wmsEmail(a); ok {
		shown = v.Text
	}
	return strings.ToLower(shown), shown
}

// wmsEmail returns the value of an assertion's email attribute, when it
// has one that is not empty.
func wmsEmail(a *wms.Assertion) (wms.Item, bool) {
	at, _ := wmsAttribute(a, "email")
	if at == nil {
		return wms.Item{}, false
	}
	v, ok := wmsFirstValue(*at)
	return v, ok && v.Text != ""
}

// wmsAnchor is where a finding about something an assertion lacks points:
// its first attribute, where the IdP's attributes are listed, else its
// NameID, else the whole assertion.
func wmsAnchor(a *wms.Assertion) (hcl.Range, hcl.Range) {
	switch {
	case len(a.Attributes) > 0:
		return a.Attributes[0].Name.Range(), a.Attributes[0].Name.Doc
	case a.NameID.Value.Present():
		return a.NameID.Value.Range(), a.NameID.Value.Doc
	}
	return a.Range, a.Doc
}

// wmsSortedKeys returns a map's keys in order, so that options are
// validated and applied the same way on every run.
func wmsSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// wmsCodesContext is the logical context of findings about tracking
// codes: the administration page that sets them.
const wmsCodesContext = "Users > Tracking Codes"

// wmsDescribedCodes returns the tracking codes wms/settings.hcl
// describes; false, after recording why the check is not evaluated, when
// it describes none.
func wmsDescribedCodes(p *lint.Pass) ([]wms.TrackingCode, bool) {
	s := p.Snapshot.WMS.Settings
	switch {
	case s == nil:
		p.NotEvaluated("", "%s", wmsNoSettings(p.Snapshot))
		return nil, false
	case len(s.TrackingCodes) == 0:
		p.NotEvaluated("", "%s describes no tracking code (no tracking_code block)", wmsSettingsPath)
		return nil, false
	}
	return s.TrackingCodes, true
}
