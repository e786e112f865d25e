package checks

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/users"
	"github.com/bwlint/bwlint/lint"
)

// What the subscriber checks (users_*, template_*) and pslog_provisioning
// share: which users flow-through provisioning sends to Webex, which
// template serves a user, and the customer organisation a user lands in.

// The user evidence the subscriber checks read. Users are optional
// evidence: a snapshot without any is not evaluated, never a gap.
var (
	userDetails = lint.OCIP("UserGetRequest23V2", "ocip/<name>.xml").
			Reading("each user's user id, primary number, email address, group and service provider; the same columns of `users/*.csv` (docs/inputs-users.md) do as well").
			AsOptional()
	userServices = lint.OCIP("UserServiceGetAssignmentListRequest", "ocip/<name>.xml").
			Reading("the services assigned to each user, to tell who is provisioned to Webex; or the `services` column of `users/*.csv`").
			AsOptional()
)

// subscriberApplies says where the users_* checks apply.
const subscriberApplies = `Every user the snapshot holds who is assigned a service of the ` + "`services`" + ` option
(Integrated IMP by default). Users are optional evidence: a snapshot without any is not evaluated.`

// defaultProvisioningServices are the BroadWorks services that send a user
// to Webex: assigning Integrated IM&P is what starts flow-through
// provisioning.
func defaultProvisioningServices() []string { return []string{users.ServiceIntegratedIMP} }

// subscriberOptions are the options every subscriber check has.
type subscriberOptions struct {
	Services []string `hcl:"services,optional" doc:"BroadWorks services (as OCI-P spells them) whose assignment provisions a user to Webex; users assigned none of them are not checked"`
}

// validateServices rejects a service list the checks cannot select users
// with.
func validateServices(services []string) error {
	if len(services) == 0 || slices.ContainsFunc(services, func(s string) bool { return strings.TrimSpace(s) == "" }) {
		return &lint.OptionError{Option: "services", Msg: "it must name at least one service, none empty, such as \"Integrated IMP\""}
	}
	return nil
}

// Validate implements lint.OptionsValidator.
func (o *subscriberOptions) Validate() error { return validateServices(o.Services) }

// newSubscriberOptions is the Options of the checks whose only option is
// the services that provision a user.
func newSubscriberOptions() any { return &subscriberOptions{Services: defaultProvisioningServices()} }

// subscribers sorts the snapshot's users: those assigned one of services,
// which flow-through provisioning sends to Webex, and those whose services
// no capture shows, which cannot be judged. Users assigned other services
// only are in neither. Each list keeps the snapshot's order.
func subscribers(snap *inputs.Snapshot, services []string) (provisioned, unknown []*users.User) {
	for _, u := range snap.Users {
		switch {
		case slices.ContainsFunc(services, u.HasService):
			provisioned = append(provisioned, u)
		case len(u.Services) == 0:
			unknown = append(unknown, u)
		}
	}
	return provisioned, unknown
}

// provisionedUsers returns the users a subscriber check judges: those
// assigned one of services. ok is false when the snapshot holds no user,
// which it records as not evaluated; users whose services no capture shows
// are recorded as not evaluated too.
func provisionedUsers(p *lint.Pass, services []string) (provisioned []*users.User, ok bool) {
	if len(p.Snapshot.Users) == 0 {
		p.NotEvaluated("", noUsersReason)
		return nil, false
	}
	provisioned, unknown := subscribers(p.Snapshot, services)
	notEvaluatedUnknown(p, unknown, services)
	return provisioned, true
}

// noUsersReason is the not-evaluated reason of a snapshot without users.
const noUsersReason = "the snapshot holds no user: no OCI-P user detail (UserGetRequest) and no users/*.csv (optional evidence)"

// notEvaluatedUnknown records, once, the users whose services no capture
// shows, naming a few of them.
func notEvaluatedUnknown(p *lint.Pass, unknown []*users.User, services []string) {
	if len(unknown) == 0 {
		return
	}
	who, verb := "it is", "it has"
	if len(unknown) > 1 {
		who, verb = "they are", "they have"
	}
	p.NotEvaluatedPart("", "%s: no capture shows which services %s assigned, so whether %s %s is not known (capture UserServiceGetAssignmentListRequest, or fill the services column of users/*.csv)",
		countNoun(len(unknown), "user", "users"), who, verb, strings.Join(services, " or "))
}

// countNoun writes n with its noun: "1 user", "3 users".
func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// notEvaluatedField records, once, the users no capture shows a field of:
// read from a users/*.csv without the column. The reason names the files,
// not the users, whose ids are personal data.
func notEvaluatedField(p *lint.Pass, us []*users.User, column, what string) {
	if len(us) == 0 {
		return
	}
	var files []string
	for _, u := range us {
		if f := u.Range.Filename; !slices.Contains(files, f) {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	p.NotEvaluatedPart("", "%s: no capture shows the %s (%s %s no %s column)",
		countNoun(len(us), "user", "users"), what, strings.Join(files, ", "), plural(len(files), "has", "have"), column)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// userIDs names users for a message: up to limit ids, then how many more.
func userIDs(us []*users.User, limit int) string {
	var ids []string
	for i, u := range us {
		if i == limit {
			ids = append(ids, fmt.Sprintf("and %d more", len(us)-limit))
			break
		}
		ids = append(ids, u.UserID.Text)
	}
	return strings.Join(ids, ", ")
}

// userContext is the logical context of a finding about one user: user ids
// are unique and survive a re-capture.
func userContext(u *users.User) string { return "user/" + u.UserID.Text }

// userFix is how to give a user what a field lacks: what says what to
// give and where the web portal shows the field, element the OCI-P
// element of UserModifyRequest22 and value what to write in it; then the
// user is provisioned again, for the bridge to receive the profile.
func userFix(u *users.User, services []string, what, page, element, value string) []lint.FixStep {
	who := fmt.Sprintf("user %s", u.UserID.Text)
	if u.GroupID.Text != "" {
		who += fmt.Sprintf(" (group %q of %q)", u.GroupID.Text, u.ServiceProviderID.Text)
	}
	return []lint.FixStep{
		{Comment: fmt.Sprintf("give %s %s: in the web portal, the user's %s, or over OCI-P with UserModifyRequest22 (userId %s, %s %s)", who, what, page, u.UserID.Text, element, value)},
		{Comment: fmt.Sprintf("then provision %s again: remove %s from the user and assign it again", u.UserID.Text, strings.Join(services, " or "))},
	}
}

// detailCaptured reports whether a user's detail was captured through
// OCI-P, whose UserGetResponse leaves out the elements a user lacks: there
// an absent phone number or email address means the user has none, while
// in a users/*.csv without the column it means nobody looked. The group
// is a mandatory element of every UserGetResponse.
func detailCaptured(snap *inputs.Snapshot, u *users.User) bool {
	f := snap.File(u.GroupID.Loc.Filename())
	return u.GroupID.Present() && f != nil && f.Kind == inputs.KindOCIP
}

// userField is what a user's record says of one field: the value, whether
// the capture shows it at all, and where to point a finding about it.
type userField struct {
	Value source.Value
	// Known is false when no capture shows the field (a users/*.csv
	// without its column): the user cannot be judged on it.
	Known bool
	At    source.Value
}

// fieldOf reads one of a user's fields for a check: a present value as it
// is, an absent one as empty when the user's OCI-P detail was captured
// (pointing at the user id), else as unknown.
func fieldOf(snap *inputs.Snapshot, u *users.User, v source.Value) userField {
	switch {
	case v.Present():
		return userField{Value: v, Known: true, At: v}
	case detailCaptured(snap, u):
		return userField{Known: true, At: u.UserID}
	}
	return userField{At: u.UserID}
}

// Empty reports whether the field is known to hold nothing.
func (f userField) Empty() bool { return f.Known && strings.TrimSpace(f.Value.Text) == "" }

// hasPrimaryNumber reports whether a user has a primary phone number, as
// far as the captures show: known is false when no capture shows it.
// users_primary_number reports the users it is false for, and
// pslog_provisioning names them as the cause of a refused request.
func hasPrimaryNumber(snap *inputs.Snapshot, u *users.User) (has, known bool) {
	f := fieldOf(snap, u, u.PhoneNumber)
	return f.Known && !f.Empty(), f.Known
}

// templateFor returns the Partner Hub template that serves a user, or nil
// with the reason none is known, which names no user (user ids are
// personal data) so that the users of one reason can be counted together. The candidates are the templates of the
// user's AS cluster (every template when the snapshot knows no cluster of
// the user): the one whose enterprises lists the user's service provider
// or enterprise, else the only candidate that lists none, else the one
// marked default, else the only candidate.
func templateFor(snap *inputs.Snapshot, u *users.User) (*partnerhub.Template, string) {
	if len(snap.Templates) == 0 {
		return nil, "the snapshot has no Partner Hub template"
	}
	cluster := snap.ClusterOf(u.Range.Filename)
	var candidates []*partnerhub.Template
	for _, t := range snap.Templates {
		if cluster == "" || strings.EqualFold(t.Cluster.Text, cluster) {
			candidates = append(candidates, t)
		}
	}
	if len(candidates) == 0 {
		return nil, fmt.Sprintf("no template serves their AS cluster %q", cluster)
	}
	sp := u.ServiceProviderID.Text
	var listing, unlisted, defaults []*partnerhub.Template
	for _, t := range candidates {
		switch {
		case sp != "" && slices.ContainsFunc(t.Enterprises, func(e source.Value) bool { return e.Text == sp }):
			listing = append(listing, t)
		case len(t.Enterprises) == 0:
			unlisted = append(unlisted, t)
		}
		if t.IsDefault() {
			defaults = append(defaults, t)
		}
	}
	switch {
	case len(listing) == 1:
		return listing[0], ""
	case len(listing) > 1:
		return nil, fmt.Sprintf("templates %s all list their service provider %q", templatePaths(listing), sp)
	case len(unlisted) == 1:
		return unlisted[0], ""
	case len(defaults) == 1:
		return defaults[0], ""
	case len(candidates) == 1:
		return candidates[0], ""
	}
	return nil, fmt.Sprintf("templates %s may serve them: none lists their service provider %q and none is the single default", templatePaths(candidates), sp)
}

func templatePaths(ts []*partnerhub.Template) string {
	paths := make([]string, len(ts))
	for i, t := range ts {
		paths[i] = t.Path
	}
	slices.Sort(paths)
	return strings.Join(paths, ", ")
}

// usersByTemplate finds the template of each user. Users no template is
// known to serve are recorded as not evaluated, counted by reason.
func usersByTemplate(p *lint.Pass, us []*users.User) map[*users.User]*partnerhub.Template {
	out := map[*users.User]*partnerhub.Template{}
	unserved := map[string]int{}
	var reasons []string
	for _, u := range us {
		t, why := templateFor(p.Snapshot, u)
		if t == nil {
			if unserved[why] == 0 {
				reasons = append(reasons, why)
			}
			unserved[why]++
			continue
		}
		out[u] = t
	}
	for _, why := range reasons {
		p.NotEvaluatedPart("", "%s: %s", countNoun(unserved[why], "user", "users"), why)
	}
	return out
}

// templatesAndUsers returns the users a template check judges, with the
// template that serves each. ok is false when the snapshot has no
// template: not evaluated without users either, an evidence gap of ev
// with them, since they are provisioned through a template; without says
// what cannot be known then.
func templatesAndUsers(p *lint.Pass, ev lint.Evidence, services []string, without string) (provisioned []*users.User, templateOf map[*users.User]*partnerhub.Template, ok bool) {
	snap := p.Snapshot
	if len(snap.Templates) == 0 {
		if len(snap.Users) == 0 {
			p.NotEvaluated("", "the snapshot has no Partner Hub template and no user")
			return nil, nil, false
		}
		p.Gap("", ev, "the snapshot holds users but no Partner Hub template in partnerhub/templates/, so %s", without)
		return nil, nil, false
	}
	if len(snap.Users) > 0 {
		provisioned, _ = provisionedUsers(p, services)
		templateOf = usersByTemplate(p, provisioned)
	}
	return provisioned, templateOf, true
}

// orgMode is how a template names the customer organisations it creates.
type orgMode int

const (
	modeUnknown orgMode = iota
	// modeServiceProvider: the group becomes the organisation.
	modeServiceProvider
	// modeEnterprise: the enterprise (service provider id) does.
	modeEnterprise
)

// modeOf reads a template's BroadWorks Enterprise Mode.
func modeOf(t *partnerhub.Template) orgMode {
	b, ok := partnerhub.Bool(t.EnterpriseMode)
	switch {
	case !ok:
		return modeUnknown
	case b:
		return modeEnterprise
	}
	return modeServiceProvider
}

func (m orgMode) String() string {
	switch m {
	case modeServiceProvider:
		return "Service Provider mode"
	case modeEnterprise:
		return "Enterprise mode"
	}
	return "an unknown mode"
}

// orgSource is the BroadWorks value a user's customer organisation is
// named after: in Service Provider mode the group, in Enterprise mode the
// service provider (enterprise). The troubleshooting guide: the value is
// lower-cased and becomes the organisation's name.
func orgSource(m orgMode, u *users.User) source.Value {
	switch m {
	case modeServiceProvider:
		return u.GroupID
	case modeEnterprise:
		return u.ServiceProviderID
	}
	return source.Value{}
}

// orgName is the name of the customer organisation a BroadWorks group or
// enterprise id becomes.
func orgName(id string) string { return strings.ToLower(strings.TrimSpace(id)) }

// existingOrg returns the entry of a template's customerOrgs that names
// org exactly (its lower-cased form), and whether one does.
func existingOrg(t *partnerhub.Template, org string) (source.Value, bool) {
	for _, c := range t.CustomerOrgs {
		if orgName(c.Text) == org {
			return c, true
		}
	}
	return source.Value{}, false
}

// sortUsersByPosition orders users by where their record was first read,
// so that "the first" of several users is the same in every run.
func sortUsersByPosition(us []*users.User) {
	slices.SortStableFunc(us, func(a, b *users.User) int {
		return cmp.Or(cmp.Compare(a.Range.Filename, b.Range.Filename), cmp.Compare(a.Range.Start.Byte, b.Range.Start.Byte))
	})
}
