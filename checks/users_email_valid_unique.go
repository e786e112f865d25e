package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/users"
	"github.com/bwlint/bwlint/lint"
)

// Where users_email_valid_unique looks for a duplicate.
const (
	scopeCluster  = "cluster"
	scopeSnapshot = "snapshot"
)

type emailOptions struct {
	Services []string `hcl:"services,optional" doc:"BroadWorks services (as OCI-P spells them) whose assignment provisions a user to Webex; users assigned none of them are not checked"`
	// RequireEmail can be turned off by partners whose templates do not
	// trust BroadWorks email and let users enter their own address.
	RequireEmail bool   `hcl:"require_email,optional" doc:"report users without an email address; turn off when the templates leave email to the users (untrusted email, self-activation)"`
	Scope        string `hcl:"scope,optional" doc:"where an address must be unique: \"cluster\" (the users of one AS cluster) or \"snapshot\" (every user of the snapshot)"`
}

// Validate implements lint.OptionsValidator.
func (o *emailOptions) Validate() error {
	if o.Scope != scopeCluster && o.Scope != scopeSnapshot {
		return &lint.OptionError{Option: "scope", Msg: fmt.Sprintf("%q is neither %q nor %q", o.Scope, scopeCluster, scopeSnapshot)}
	}
	return validateServices(o.Services)
}

var usersEmailValidUnique = &lint.Check{
	Name:  "users_email_valid_unique",
	Title: "every user provisioned to Webex has a valid email address of their own",
	Doc: `Every user who is assigned Integrated IM&P must have an email address, the address must be
one Webex can use, and no two users of an AS cluster may share it (compared without regard to
case).

The troubleshooting guide ("Analyze PSLog for user provisioning issues") says the subscriber
profile's ` + "`email`" + ` becomes the user's id in Webex and "must be valid and unique to Webex,
otherwise provisioning fails". A second user with the same address is refused as an existing
user (409, end-user codes 200042, 200044, 200047–200049); a mistyped address is refused with
400 "Can not trust BroadWorks email" when the template trusts BroadWorks addresses, or sends the
user to a new organisation when its domain is wrong.

An address is valid when it is a plain mailbox address: ASCII, one @, a part before it of
letters, digits, dots (not first, last or doubled) and ` + "`" + atextSpecials + "`" + `, and a host name
with a dot after it, each label of letters, digits and inner hyphens. Quoted forms, address
literals and non-ASCII addresses are refused. One finding per user: a missing address (unless
the ` + "`require_email`" + ` option is off), an invalid one, or one an earlier user already has, with
every other user of that address as a related location.`,
	Fix: `Give each user named in a finding a correct address of their own, then provision the user
again (remove and re-assign Integrated IM&P). In the web portal: the user's Profile > Email
Address; over OCI-P:

` + "```xml" + `
<command xsi:type="UserModifyRequest22" xmlns="">
  <userId>USER</userId>
  <emailAddress>ADDRESS</emailAddress>
</command>
` + "```" + `

When two users really are one person, keep Integrated IM&P on one of them only. An address that
Webex already knows from an account outside the partner's organisations (a free account) must be
removed there, or the user provisioned with another address.`,
	Severity: lint.Error,
	Applies:  subscriberApplies,
	Evidence: []lint.Evidence{userDetails, userServices},
	Tags:     []string{"users", "provisioning"},
	Options: func() any {
		return &emailOptions{Services: defaultProvisioningServices(), RequireEmail: true, Scope: scopeCluster}
	},
	Run: runUsersEmailValidUnique,
}

func runUsersEmailValidUnique(p *lint.Pass) error {
	opts := lint.OptionsOf[emailOptions](p)
	snap := p.Snapshot
	provisioned, ok := provisionedUsers(p, opts.Services)
	if !ok {
		return nil
	}
	var uncaptured, valid []*users.User
	for _, u := range provisioned {
		f := fieldOf(snap, u, u.EmailAddress)
		switch {
		case !f.Known:
			uncaptured = append(uncaptured, u)
		case f.Empty():
			if opts.RequireEmail {
				reportNoEmail(p, u, f, opts.Services)
			}
		case emailProblem(f.Value.Text) != "":
			p.Report(lint.Finding{
				Message:  fmt.Sprintf("email address %q of user %s is not an address Webex can use: %s", f.Value.Text, u.UserID.Text, emailProblem(f.Value.Text)),
				Location: f.At.Range(),
				Logical:  lint.Logical{Context: userContext(u), Key: "emailAddress"},
				Value:    f.Value.Text,
				Personal: []string{u.UserID.Text, f.Value.Text},
				Fix:      userFix(u, opts.Services, fmt.Sprintf("a correct email address in place of %q", f.Value.Text), emailPage, "emailAddress", "the address"),
			})
		default:
			valid = append(valid, u)
		}
	}
	notEvaluatedField(p, uncaptured, "emailAddress", "email address")
	for _, d := range duplicateEmails(snap, valid, opts.Scope == scopeSnapshot) {
		reportDuplicate(p, d, opts.Services)
	}
	return nil
}

func reportNoEmail(p *lint.Pass, u *users.User, f userField, services []string) {
	what := "no email address"
	if f.Value.Present() {
		what = "an empty email address"
	}
	p.Report(lint.Finding{
		Message: fmt.Sprintf("user %s is assigned %s but has %s: Webex takes the address as the user's id, and provisioning fails without one",
			u.UserID.Text, strings.Join(services, " or "), what),
		Location: f.At.Range(),
		Logical:  lint.Logical{Context: userContext(u), Key: "emailAddress"},
		Personal: []string{u.UserID.Text},
		Fix:      userFix(u, services, "an email address of the user's own", emailPage, "emailAddress", "the address"),
	})
}

// emailPage is where the web portal shows a user's email address.
const emailPage = "Profile > Email Address"

// duplicate is a user whose address an earlier user of the same scope
// already has, with every other user of that address.
type duplicate struct {
	User   *users.User
	Others []*users.User
}

// duplicateEmails finds, among users with valid addresses, those whose
// address (case aside) an earlier user has: within each AS cluster, or
// across the snapshot when acrossClusters. Users are taken in the order
// their records were read. pslog_provisioning names the users it finds as
// the cause of a 409.
func duplicateEmails(snap *inputs.Snapshot, us []*users.User, acrossClusters bool) []duplicate {
	us = slices.Clone(us)
	sortUsersByPosition(us)
	groups := map[string][]*users.User{}
	var order []string
	for _, u := range us {
		k := emailKey(u.EmailAddress.Text)
		if !acrossClusters {
			k = snap.ClusterOf(u.Range.Filename) + "\x00" + k
		}
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], u)
	}
	var out []duplicate
	for _, k := range order {
		g := groups[k]
		for i, u := range g[1:] {
			others := slices.Concat(g[:i+1], g[i+2:])
			out = append(out, duplicate{User: u, Others: others})
		}
	}
	return out
}

func reportDuplicate(p *lint.Pass, d duplicate, services []string) {
	u := d.User
	personal := []string{u.UserID.Text, u.EmailAddress.Text}
	var related []lint.Related
	for _, o := range d.Others {
		related = append(related, lint.Related{Location: o.EmailAddress.Range(), Message: "user " + o.UserID.Text + " has the same address"})
		personal = append(personal, o.UserID.Text, o.EmailAddress.Text)
	}
	p.Report(lint.Finding{
		Message: fmt.Sprintf("email address %q of user %s is also the address of %s: Webex needs an address of its own for each user, and refuses the second as an existing user (409)",
			u.EmailAddress.Text, u.UserID.Text, usersPhrase(d.Others)),
		Location: u.EmailAddress.Range(),
		Logical:  lint.Logical{Context: userContext(u), Key: "emailAddress"},
		Related:  related,
		Value:    "duplicate " + emailKey(u.EmailAddress.Text),
		Personal: personal,
		Fix: append(userFix(u, services, fmt.Sprintf("an address of the user's own in place of %q, which %s %s too", u.EmailAddress.Text, usersPhrase(d.Others), verb(len(d.Others), "has", "have")), emailPage, "emailAddress", "the address"),
			lint.FixStep{Comment: fmt.Sprintf("if %s and %s are one person, keep %s on one of them only", u.UserID.Text, usersPhrase(d.Others), strings.Join(services, " or "))}),
	})
}

// usersPhrase names other users: "user a", "users a and b".
func usersPhrase(us []*users.User) string {
	ids := make([]string, len(us))
	for i, u := range us {
		ids[i] = u.UserID.Text
	}
	if len(ids) == 1 {
		return "user " + ids[0]
	}
	return "users " + joinAnd(ids)
}
