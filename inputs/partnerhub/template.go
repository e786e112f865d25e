package partnerhub

import (
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// Authentication modes a template may use for its users.
const (
	AuthBroadWorks  = "broadworks"
	AuthWebex       = "webex"
	AuthPartnerSAML = "partner_saml"
	AuthPartnerOIDC = "partner_oidc"
)

// Email trust settings: whether Webex believes the email addresses
// BroadWorks supplies without asking users to verify them.
const (
	EmailTrusted   = "trusted"
	EmailUntrusted = "untrusted"
)

// Webex packages a template can assign. A template's package is compared
// with them without regard to case.
const (
	PackageBasic     = "basic"
	PackageStandard  = "standard"
	PackagePremium   = "premium"
	PackageSoftphone = "softphone"
)

var (
	authenticationModes = []string{AuthBroadWorks, AuthWebex, AuthPartnerSAML, AuthPartnerOIDC}
	emailTrustValues    = []string{EmailTrusted, EmailUntrusted}
	packages            = []string{PackageBasic, PackageStandard, PackagePremium, PackageSoftphone}
)

// Template is a Partner Hub customer template, read from
// partnerhub/templates/*.json.
type Template struct {
	Path  string
	Range hcl.Range // the whole top-level object

	Name                       source.Value
	Cluster                    source.Value // name of the BroadWorks cluster
	ProvisioningURL            source.Value
	ProvisioningAccountName    source.Value
	ProvisioningPasswordSHA256 source.Value // optional; may be masked
	AuthenticationMode         source.Value // one of the Auth constants
	EnterpriseMode             source.Value // "true" or "false"; see Bool
	AutoCreateOrgs             source.Value // "true" or "false"; see Bool
	EmailTrust                 source.Value // EmailTrusted or EmailUntrusted
	Package                    source.Value // a Package constant in any case
	Default                    source.Value // optional "true" or "false"

	// FlowThroughProvisioning is "Enable BroadWorks Flow Through
	// Provisioning"; optional "true" or "false". When the file gives it,
	// provisioningAccountName may be absent or empty: a check judges that
	// against the switch rather than the reader.
	FlowThroughProvisioning source.Value
	// PrefillEmail is "Prefill user email addresses in login page";
	// optional "true" or "false".
	PrefillEmail source.Value
	// IDPEntityID is the IdP entity id partner SAML authentication needs,
	// IDPName the IdP name partner OpenID Connect needs; both optional.
	IDPEntityID source.Value
	IDPName     source.Value

	// Enterprises are the BroadWorks enterprise or service provider ids
	// the template serves.
	Enterprises []source.Value
	// CustomerOrgs are the names of the customer organisations that exist
	// in Partner Hub for the enterprises the template serves, as Partner
	// Hub lists them; optional. They tell which users need a new
	// organisation.
	CustomerOrgs []source.Value

	// Fields are all top-level members in file order, known or not.
	Fields []Field
}

// ParseTemplate reads a customer template. It returns nil only when text is
// not JSON or its top level is not an object; otherwise the template holds
// every field that could be read, and the problems say what could not.
func ParseTemplate(path, text string) (*Template, []source.Problem) {
	obj, probs := parseObject(path, text, "template")
	if obj == nil {
		return nil, probs
	}
	r := &memberReader{what: "template", obj: obj}
	flowThrough := r.boolean("flowThroughProvisioning", false)
	accountName := r.requiredString
	if flowThrough.Present() {
		// The file says whether flow-through is on: an account name is
		// needed only then, which is a check's to judge.
		accountName = r.optionalString
	}
	t := &Template{
		Path:                       path,
		Range:                      obj.Range,
		Name:                       r.requiredString("name"),
		Cluster:                    r.requiredString("cluster"),
		ProvisioningURL:            r.requiredString("provisioningUrl"),
		ProvisioningAccountName:    accountName("provisioningAccountName"),
		ProvisioningPasswordSHA256: r.passwordDigest("provisioningPasswordSha256"),
		AuthenticationMode:         r.oneOf("authenticationMode", authenticationModes, false),
		EnterpriseMode:             r.boolean("enterpriseMode", true),
		AutoCreateOrgs:             r.boolean("autoCreateOrgs", true),
		EmailTrust:                 r.oneOf("emailTrust", emailTrustValues, false),
		Package:                    r.oneOf("package", packages, true),
		Enterprises:                r.stringList("enterprises", "enterprise", sameText),
		Default:                    r.boolean("default", false),
		FlowThroughProvisioning:    flowThrough,
		PrefillEmail:               r.boolean("prefillEmail", false),
		IDPEntityID:                r.optionalString("idpEntityId"),
		IDPName:                    r.optionalString("idpName"),
		CustomerOrgs:               r.stringList("customerOrgs", "organisation", strings.ToLower),
		Fields:                     fieldsOf(obj),
	}
	probs = append(probs, r.probs...)
	source.SortProblems(probs)
	return t, probs
}

// sameText is the identity: BroadWorks ids are compared as written.
func sameText(s string) string { return s }

// passwordDigest reads the optional SHA-256 of the provisioning password.
// A masked capture ("********") is accepted as it is: the digest was hidden
// on purpose, and masked values are never checked or shown. The digest
// itself is never echoed in a message either.
func (r *memberReader) passwordDigest(key string) source.Value {
	n := r.find(key, false)
	if n == nil {
		return source.Value{}
	}
	v, ok := r.str(key, n)
	if !ok || v.Masked() {
		return v
	}
	const want = "a SHA-256 digest written as 64 hexadecimal characters"
	if len(v.Text) != 64 {
		r.problem(n.Range, "%q must be %s, found %d characters", key, want, len([]rune(v.Text)))
		return v
	}
	if i := strings.IndexFunc(v.Text, func(c rune) bool { return !isHex(c) }); i >= 0 {
		r.problem(n.Range, "%q must be %s, found a non-hexadecimal character at character %d", key, want, len([]rune(v.Text[:i]))+1)
	}
	return v
}

func isHex(c rune) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// IsDefault reports whether the template is marked as the partner's
// default template.
func (t *Template) IsDefault() bool {
	b, _ := Bool(t.Default)
	return b
}

// PackageName returns the package in lower case, the form the Package
// constants use, or "" when the package is absent.
func (t *Template) PackageName() string {
	return strings.ToLower(t.Package.Text)
}

// Field returns the first top-level member named key, known or not.
func (t *Template) Field(key string) (Field, bool) {
	return lookupField(t.Fields, key)
}

func lookupField(fields []Field, key string) (Field, bool) {
	for _, f := range fields {
		if f.Key.Text == key {
			return f, true
		}
	}
	return Field{}, false
}
