package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/users"
	"github.com/bwlint/bwlint/lint"
)

// The template evidence template_flags reads.
var flagTemplates = lint.PartnerHub("copy each customer template into a JSON file (docs/inputs.md)", "partnerhub/templates/<name>.json").
	Reading("each template's cluster, default, flowThroughProvisioning, provisioningAccountName, emailTrust, autoCreateOrgs, customerOrgs, enterpriseMode, authenticationMode, prefillEmail, idpEntityId and idpName")

// relatedLimit bounds the related locations of a finding about many
// users: the message counts them all.
const relatedLimit = 20

var templateFlags = &lint.Check{
	Name:  "template_flags",
	Title: "customer template settings fit each other and the users they provision",
	Doc: `Each Partner Hub customer template's settings must not rule out the users it provisions, nor
each other. The rules, with the part of the troubleshooting guide each comes from:

- **Trusted email** (` + "`\"emailTrust\": \"trusted\"`" + `): every user the template serves must have a
  valid email address. "User provisioning failures in response from provisioning bridge",
  400 Bad Request: "Can not trust BroadWorks email" is the bridge refusing a user whose address
  is missing, invalid or mistyped while the template asserts that addresses can be trusted.
  Addresses are judged as ` + "`users_email_valid_unique`" + ` judges them.
- **No new organisations** (` + "`\"autoCreateOrgs\": false`" + `): every user the template serves must
  belong to a customer organisation that exists. The same section's second 400, "Customer org is
  not found in database and also new org creation flag is not enabled", is the bridge refusing
  the first user of a group (Service Provider mode) or enterprise (Enterprise mode) that has no
  organisation yet. Partner Hub has no export of its customers, so which exist is known only from
  the template's ` + "`customerOrgs`" + ` (docs/inputs.md): without that list the rule is not
  evaluated. An organisation named in any template's list exists.
- **Flow-through provisioning on** (` + "`\"flowThroughProvisioning\": true`" + `) needs the
  provisioning account name the Application Servers authenticate with: without one every request
  is refused with 401 (the guide's PSLog analysis).
- **Authentication mode**: "Prefill user email addresses in login page" works only with BroadWorks
  authentication, and then only for users whose email address is one of their alternate user ids
  (end-user code 100006: the user otherwise has to type the BroadWorks user id), which the OCI-P
  user details show; partner SAML needs the IdP entity id, partner OpenID Connect the IdP name.
- **One default per cluster**: when several templates serve one BroadWorks cluster, exactly one is
  marked ` + "`\"default\": true`" + `; it serves the enterprises no template lists, and it is the one
  ` + "`as_imp_matches_template`" + ` compares the Application Servers with.

The users a template serves are those assigned Integrated IM&P of its cluster whose enterprise its
` + "`enterprises`" + ` lists, and, for the cluster's default template, those no template lists.`,
	Fix: `Change the template in Partner Hub (Services > Webex for BroadWorks > Templates), then copy
the change into its file under partnerhub/templates/. Or correct the users the finding names:
give them valid addresses (trusted email), or create their customer organisations first (new
organisations off). Turn trusted email off when BroadWorks addresses cannot be vouched for: users
then confirm their address when they activate. Mark exactly one template of each cluster
` + "`\"default\": true`" + `.`,
	Severity: lint.Error,
	Applies: `Every Partner Hub template of the snapshot; the rules about users apply to the users assigned
a service of the ` + "`services`" + ` option (Integrated IMP by default), which are optional evidence. Users
without any template are an evidence gap.`,
	Evidence: []lint.Evidence{flagTemplates, userDetails, userServices},
	Tags:     []string{"partnerhub", "users", "provisioning"},
	Options:  newSubscriberOptions,
	Run:      runTemplateFlags,
}

func runTemplateFlags(p *lint.Pass) error {
	opts := lint.OptionsOf[subscriberOptions](p)
	snap := p.Snapshot
	provisioned, templateOf, ok := templatesAndUsers(p, flagTemplates, opts.Services, "the settings that provision them cannot be checked")
	if !ok {
		return nil
	}
	served := map[*partnerhub.Template][]*users.User{}
	for _, u := range provisioned {
		if t := templateOf[u]; t != nil {
			served[t] = append(served[t], u)
		}
	}
	for _, t := range snap.Templates {
		us := served[t]
		trustedEmail(p, t, us)
		newOrgs(p, t, us)
		flowThroughAccount(p, t)
		authentication(p, t, us)
	}
	oneDefaultPerCluster(p)
	return nil
}

// templateContext is the logical context of a finding about a template:
// its name, which survives a re-capture into another file.
func templateContext(t *partnerhub.Template) string { return "partnerhub/templates/" + t.Name.Text }

// emailDefect is why a user's address cannot be trusted; "" when it can,
// known false when no capture shows it. pslog_provisioning uses it to name
// the user behind a 400 "Can not trust BroadWorks email".
func emailDefect(f userField) (defect string, known bool) {
	switch {
	case !f.Known:
		return "", false
	case f.Empty():
		return "no email address", true
	}
	if p := emailProblem(f.Value.Text); p != "" {
		return fmt.Sprintf("email address %q is invalid: %s", f.Value.Text, p), true
	}
	return "", true
}

func trustedEmail(p *lint.Pass, t *partnerhub.Template, us []*users.User) {
	if t.EmailTrust.Text != partnerhub.EmailTrusted || len(us) == 0 {
		return
	}
	var bad []*users.User
	var related []lint.Related
	var personal []string
	unknown := 0
	for _, u := range us {
		f := fieldOf(p.Snapshot, u, u.EmailAddress)
		defect, known := emailDefect(f)
		if !known {
			unknown++
		}
		if !known || defect == "" {
			continue
		}
		bad = append(bad, u)
		personal = append(personal, u.UserID.Text, f.Value.Text)
		if len(related) < relatedLimit {
			related = append(related, lint.Related{Location: f.At.Range(), Message: "user " + u.UserID.Text + ": " + defect})
		}
	}
	if unknown > 0 {
		p.NotEvaluatedPart("", "template %s trusts BroadWorks email, and no capture shows the email address of %s it provisions (a users/*.csv without the emailAddress column)",
			t.Name.Text, countNoun(unknown, "user", "users"))
	}
	if len(bad) == 0 {
		return
	}
	p.Report(lint.Finding{
		Message: fmt.Sprintf("template %s trusts BroadWorks email but %d of the users it provisions %s a missing or invalid address (%s): the provisioning bridge refuses them with 400 \"Can not trust BroadWorks email\"",
			t.Name.Text, len(bad), plural(len(bad), "has", "have"), userIDs(bad, 5)),
		Location: t.EmailTrust.Range(),
		Logical:  lint.Logical{Context: templateContext(t), Key: "emailTrust"},
		Related:  related,
		Value:    userIDs(bad, len(bad)),
		Personal: personal,
	})
}

func newOrgs(p *lint.Pass, t *partnerhub.Template, us []*users.User) {
	if on, ok := partnerhub.Bool(t.AutoCreateOrgs); !ok || on || len(us) == 0 {
		return
	}
	mode := modeOf(t)
	if mode == modeUnknown {
		return // the template's enterpriseMode is an input problem
	}
	if _, listed := t.Field("customerOrgs"); !listed {
		p.NotEvaluatedPart("", "template %s does not create organisations, and its file lists no customerOrgs, so whether the organisations its users need exist is not known (%s; docs/inputs.md)",
			t.Name.Text, countNoun(len(us), "user", "users"))
		return
	}
	missing := map[string][]*users.User{}
	var order []string
	for _, u := range us {
		id := orgSource(mode, u)
		org := orgName(id.Text)
		if org == "" || orgExists(p, org) {
			continue
		}
		if len(missing[org]) == 0 {
			order = append(order, org)
		}
		missing[org] = append(missing[org], u)
	}
	if len(order) == 0 {
		return
	}
	var what []string
	var related []lint.Related
	for _, org := range order {
		first := missing[org][0]
		id := orgSource(mode, first)
		what = append(what, fmt.Sprintf("%q (%s, %s)", org, orgOwner(mode, first), countNoun(len(missing[org]), "user", "users")))
		if len(related) < relatedLimit {
			related = append(related, lint.Related{Location: id.Range(), Message: fmt.Sprintf("%s has no customer organisation %q", orgOwner(mode, first), org)})
		}
	}
	p.Report(lint.Finding{
		Message: fmt.Sprintf("template %s does not create organisations but no template lists %s among its customerOrgs: %s; the provisioning bridge refuses their users with 400 \"new org creation flag is not enabled\"",
			t.Name.Text, plural(len(order), "the organisation its users need", "the organisations its users need"), joinAnd(what)),
		Location: t.AutoCreateOrgs.Range(),
		Logical:  lint.Logical{Context: templateContext(t), Key: "autoCreateOrgs"},
		Related:  related,
		Value:    strings.Join(order, "\n"),
	})
}

// orgExists reports whether a template lists org among its customerOrgs.
func orgExists(p *lint.Pass, org string) bool {
	return slices.ContainsFunc(p.Snapshot.Templates, func(t *partnerhub.Template) bool {
		_, ok := existingOrg(t, org)
		return ok
	})
}

// orgOwner names the group or enterprise a user's organisation is named
// after.
func orgOwner(m orgMode, u *users.User) string {
	if m == modeServiceProvider {
		return fmt.Sprintf("group %q of service provider %q", u.GroupID.Text, u.ServiceProviderID.Text)
	}
	return fmt.Sprintf("enterprise %q", u.ServiceProviderID.Text)
}

func flowThroughAccount(p *lint.Pass, t *partnerhub.Template) {
	on, ok := partnerhub.Bool(t.FlowThroughProvisioning)
	if !ok || !on || strings.TrimSpace(t.ProvisioningAccountName.Text) != "" {
		return
	}
	p.Report(lint.Finding{
		Message:  fmt.Sprintf("template %s has flow-through provisioning on but no provisioning account name: the provisioning bridge refuses every request of the Application Servers (401)", t.Name.Text),
		Location: t.FlowThroughProvisioning.Range(),
		Logical:  lint.Logical{Context: templateContext(t), Key: "provisioningAccountName"},
	})
}

func authentication(p *lint.Pass, t *partnerhub.Template, us []*users.User) {
	mode := t.AuthenticationMode
	needs := func(field string, v source.Value, what string) {
		if strings.TrimSpace(v.Text) != "" {
			return
		}
		p.Report(lint.Finding{
			Message:  fmt.Sprintf("template %s uses %s authentication but has no %s (%s)", t.Name.Text, mode.Text, field, what),
			Location: mode.Range(),
			Logical:  lint.Logical{Context: templateContext(t), Key: field},
		})
	}
	switch mode.Text {
	case partnerhub.AuthPartnerSAML:
		needs("idpEntityId", t.IDPEntityID, "the IdP Entity ID of the partner's SAML identity provider")
	case partnerhub.AuthPartnerOIDC:
		needs("idpName", t.IDPName, "the name of the partner's OpenID Connect identity provider")
	}
	if prefill, ok := partnerhub.Bool(t.PrefillEmail); !ok || !prefill {
		return
	}
	if mode.Text != partnerhub.AuthBroadWorks {
		p.Report(lint.Finding{
			Message:  fmt.Sprintf("template %s prefills email addresses on the login page with %s authentication: prefilling works with BroadWorks authentication only", t.Name.Text, mode.Text),
			Location: t.PrefillEmail.Range(),
			Logical:  lint.Logical{Context: templateContext(t), Key: "prefillEmail"},
			Related:  []lint.Related{{Location: mode.Range(), Message: "authentication mode " + mode.Text}},
			Expected: "prefillEmail false, or authenticationMode broadworks",
			Actual:   "prefillEmail true with authenticationMode " + mode.Text,
		})
		return
	}
	prefillAlternateIDs(p, t, us)
}

// prefillAlternateIDs reports users of a template that prefills email
// addresses whose address is not one of their user ids, as far as OCI-P
// user details show their alternate ids.
func prefillAlternateIDs(p *lint.Pass, t *partnerhub.Template, us []*users.User) {
	var bad []*users.User
	var related []lint.Related
	var personal []string
	for _, u := range us {
		email := strings.TrimSpace(u.EmailAddress.Text)
		if email == "" || !detailCaptured(p.Snapshot, u) || strings.EqualFold(email, u.UserID.Text) ||
			slices.ContainsFunc(u.AlternateUserIDs, func(a source.Value) bool { return strings.EqualFold(a.Text, email) }) {
			continue
		}
		bad = append(bad, u)
		personal = append(personal, u.UserID.Text, email)
		if len(related) < relatedLimit {
			related = append(related, lint.Related{Location: u.EmailAddress.Range(), Message: "user " + u.UserID.Text + ": the address is not an alternate user id"})
		}
	}
	if len(bad) == 0 {
		return
	}
	p.Report(lint.Finding{
		Severity: lint.Warning,
		Message: fmt.Sprintf("template %s prefills email addresses on the login page, but for %s the address is not an alternate user id (%s): signing in with the prefilled address fails (100006) and they must type their BroadWorks user id",
			t.Name.Text, countNoun(len(bad), "user", "users"), userIDs(bad, 5)),
		Location: t.PrefillEmail.Range(),
		Logical:  lint.Logical{Context: templateContext(t), Key: "prefillEmail"},
		Related:  related,
		Value:    userIDs(bad, len(bad)),
		Personal: personal,
	})
}

// oneDefaultPerCluster reports each cluster that several templates serve
// without exactly one marked default.
func oneDefaultPerCluster(p *lint.Pass) {
	byCluster := map[string][]*partnerhub.Template{}
	var order []string
	for _, t := range p.Snapshot.Templates {
		if !t.Cluster.Present() || strings.TrimSpace(t.Cluster.Text) == "" {
			continue // an input problem says so
		}
		k := strings.ToLower(t.Cluster.Text)
		if len(byCluster[k]) == 0 {
			order = append(order, k)
		}
		byCluster[k] = append(byCluster[k], t)
	}
	for _, k := range order {
		ts := byCluster[k]
		if len(ts) < 2 {
			continue
		}
		var defaults []*partnerhub.Template
		for _, t := range ts {
			if t.IsDefault() {
				defaults = append(defaults, t)
			}
		}
		if len(defaults) == 1 {
			continue
		}
		f := lint.Finding{
			Logical: lint.Logical{Context: "partnerhub/templates", Key: "cluster=" + ts[0].Cluster.Text},
			Value:   fmt.Sprint(len(defaults)),
		}
		if len(defaults) == 0 {
			f.Severity = lint.Warning
			f.Message = fmt.Sprintf("templates %s %s serve cluster %q and none is marked \"default\": true: enterprises no template lists have no template, and the Application Servers' settings have none to match", templateNames(ts), bothOrAll(len(ts)), ts[0].Cluster.Text)
			f.Location = ts[0].Cluster.Range()
			for _, t := range ts[1:] {
				f.Related = append(f.Related, lint.Related{Location: t.Cluster.Range(), Message: fmt.Sprintf("template %s also serves cluster %q", t.Name.Text, t.Cluster.Text)})
			}
		} else {
			f.Message = fmt.Sprintf("templates %s serve cluster %q and are %s marked \"default\": true: one cluster has one default template", templateNames(defaults), ts[0].Cluster.Text, bothOrAll(len(defaults)))
			f.Location = defaults[1].Default.Range()
			for _, t := range slices.Concat(defaults[:1], defaults[2:]) {
				f.Related = append(f.Related, lint.Related{Location: t.Default.Range(), Message: fmt.Sprintf("template %s is marked default too", t.Name.Text)})
			}
		}
		p.Report(f)
	}
}

func templateNames(ts []*partnerhub.Template) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name.Text
	}
	return joinAnd(names)
}
