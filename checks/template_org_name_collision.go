package checks

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// The evidence template_org_name_collision reads besides the users.
var orgTemplates = lint.PartnerHub("copy each customer template into a JSON file (docs/inputs.md)", "partnerhub/templates/<name>.json").
	Reading("each template's enterpriseMode, the enterprises it serves, and the customerOrgs that exist")

var templateOrgNameCollision = &lint.Check{
	Name:  "template_org_name_collision",
	Title: "no two groups or enterprises become customer organisations of the same name",
	Doc: `Flow-through provisioning creates a Webex customer organisation for the first user of each
BroadWorks group or enterprise, and names it after the group or the enterprise lower-cased. The
troubleshooting guide ("Analyze PSLog for user provisioning issues") says which: in a template in
Service Provider mode the subscriber profile's ` + "`group`" + ` becomes the organisation's name, in
Enterprise mode its ` + "`serviceProvider`" + `.

Group ids are unique only within their service provider, and ids differ by case: groups ` + "`Sales`" + `
of two service providers, or enterprises ` + "`Acme`" + ` and ` + "`ACME`" + `, all become the organisation ` + "`sales`" + `
or ` + "`acme`" + `. The second one's users then land in the first one's organisation, or are refused
(end-user code 200051: the id "conflicts with a Service Provider or Enterprise already
provisioned from this BroadWorks Cluster"). The check reports every organisation name that two
groups or enterprises collapse to, at the second one, with the first as a related location; and,
as a warning, a name that differs only by case from an organisation the templates' ` + "`customerOrgs`" + `
say exists.

The groups and enterprises are those of the users assigned Integrated IM&P, each under the mode
of the template that serves the user (the template of the user's AS cluster that lists the
user's enterprise, else the cluster's default), and the ` + "`enterprises`" + ` of templates in
Enterprise mode.`,
	Fix: `Rename one of the colliding groups or enterprises in BroadWorks before its first user is
provisioned (Group > Profile, or Enterprise > Profile), so that the lower-cased names differ, or
serve it with a template of the other mode. When the organisation already exists under a name
that differs only by case, give the group or enterprise exactly that name, lower-cased.`,
	Severity: lint.Error,
	Applies: `The Partner Hub templates, and every user the snapshot holds who is assigned a service of
the ` + "`services`" + ` option (Integrated IMP by default). Users are optional evidence; without them
only the templates' enterprises are compared. Without a template the names cannot be worked out
and the users are an evidence gap.`,
	Evidence: []lint.Evidence{orgTemplates, userDetails, userServices},
	Tags:     []string{"partnerhub", "users", "provisioning"},
	Options:  newSubscriberOptions,
	Run:      runTemplateOrgNameCollision,
}

// orgClaim is a group or an enterprise that becomes a customer
// organisation.
type orgClaim struct {
	Org string // the organisation's name: the id lower-cased
	// ID is the group or enterprise id where it was first seen.
	ID   source.Value
	SP   string // the group's service provider; "" for an enterprise
	Mode orgMode
	// Template names the template whose mode applies.
	Template *partnerhub.Template
}

// entity identifies the group or enterprise: a group by its service
// provider and id, an enterprise by its id, as written.
func (c orgClaim) entity() string {
	if c.Mode == modeServiceProvider {
		return "group\x00" + c.SP + "\x00" + c.ID.Text
	}
	return "enterprise\x00" + c.ID.Text
}

func (c orgClaim) describe() string {
	if c.Mode == modeServiceProvider {
		return fmt.Sprintf("group %q of service provider %q", c.ID.Text, c.SP)
	}
	return fmt.Sprintf("enterprise %q", c.ID.Text)
}

func runTemplateOrgNameCollision(p *lint.Pass) error {
	opts := lint.OptionsOf[subscriberOptions](p)
	snap := p.Snapshot
	provisioned, templateOf, ok := templatesAndUsers(p, orgTemplates, opts.Services, "the names of their customer organisations are not known")
	if !ok {
		return nil
	}
	var claims []orgClaim
	for _, u := range provisioned {
		t := templateOf[u]
		if t == nil {
			continue
		}
		m := modeOf(t)
		id := orgSource(m, u)
		if m == modeUnknown || strings.TrimSpace(id.Text) == "" {
			continue // an input problem says why
		}
		claims = append(claims, orgClaim{Org: orgName(id.Text), ID: id, SP: u.ServiceProviderID.Text, Mode: m, Template: t})
	}
	for _, t := range snap.Templates {
		if modeOf(t) != modeEnterprise {
			continue
		}
		for _, e := range t.Enterprises {
			claims = append(claims, orgClaim{Org: orgName(e.Text), ID: e, Mode: modeEnterprise, Template: t})
		}
	}
	if len(claims) == 0 && len(provisioned) == 0 {
		p.NotEvaluated("", "no user assigned %s and no template in Enterprise mode that lists enterprises: no organisation name to compare", strings.Join(opts.Services, " or "))
		return nil
	}
	reportCollisions(p, claims)
	reportCaseVariants(p, claims)
	return nil
}

// firstClaims keeps the first claim of each group or enterprise, in the
// order of the positions they were read at, and groups them by
// organisation name in the order names first appear.
func firstClaims(claims []orgClaim) (byOrg map[string][]orgClaim, order []string) {
	claims = slices.Clone(claims)
	slices.SortStableFunc(claims, func(a, b orgClaim) int {
		return cmp.Or(cmp.Compare(a.ID.Loc.Filename(), b.ID.Loc.Filename()), cmp.Compare(a.ID.Range().Start.Byte, b.ID.Range().Start.Byte))
	})
	seen := map[string]bool{}
	byOrg = map[string][]orgClaim{}
	for _, c := range claims {
		if seen[c.entity()] {
			continue
		}
		seen[c.entity()] = true
		if len(byOrg[c.Org]) == 0 {
			order = append(order, c.Org)
		}
		byOrg[c.Org] = append(byOrg[c.Org], c)
	}
	return byOrg, order
}

func reportCollisions(p *lint.Pass, claims []orgClaim) {
	byOrg, order := firstClaims(claims)
	for _, org := range order {
		cs := byOrg[org]
		if len(cs) < 2 {
			continue
		}
		var names []string
		var related []lint.Related
		for _, c := range cs {
			names = append(names, c.describe())
		}
		for _, c := range append(cs[:1:1], cs[2:]...) {
			related = append(related, lint.Related{Location: c.ID.Range(), Message: fmt.Sprintf("%s, %s of template %s, also becomes %q", c.describe(), c.Mode, c.Template.Name.Text, org)})
		}
		second := cs[1]
		p.Report(lint.Finding{
			Message: fmt.Sprintf("%s %s become customer organisation %q (lower-cased, %s of template %s): the users of all but the first land in its organisation or are refused (200051)",
				joinAnd(names), bothOrAll(len(names)), org, second.Mode, second.Template.Name.Text),
			Location: second.ID.Range(),
			Logical:  lint.Logical{Context: "partnerhub/customer-orgs", Key: "org=" + org},
			Related:  related,
			Value:    strings.Join(names, "\n"),
		})
	}
}

// reportCaseVariants reports organisation names that differ only by case
// from an organisation a template says exists.
func reportCaseVariants(p *lint.Pass, claims []orgClaim) {
	byOrg, order := firstClaims(claims)
	for _, org := range order {
		c := byOrg[org][0]
	templates:
		for _, t := range p.Snapshot.Templates {
			for _, existing := range t.CustomerOrgs {
				if existing.Text == org || !strings.EqualFold(existing.Text, org) {
					continue
				}
				p.Report(lint.Finding{
					Severity: lint.Warning,
					Message: fmt.Sprintf("%s becomes customer organisation %q (%s of template %s), which differs only by case from organisation %q that template %s lists as existing: flow-through provisioning may create a second organisation or refuse the users",
						c.describe(), org, c.Mode, c.Template.Name.Text, existing.Text, t.Name.Text),
					Location: c.ID.Range(),
					Logical:  lint.Logical{Context: "partnerhub/customer-orgs", Key: "existing=" + org},
					Related:  []lint.Related{{Location: existing.Range(), Message: fmt.Sprintf("template %s lists organisation %q", t.Name.Text, existing.Text)}},
					Expected: existing.Text,
					Actual:   org,
				})
				break templates
			}
		}
	}
}

func bothOrAll(n int) string {
	if n == 2 {
		return "both"
	}
	return "all"
}
