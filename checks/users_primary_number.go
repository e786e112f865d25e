package checks

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/users"
	"github.com/bwlint/bwlint/lint"
)

var usersPrimaryNumber = &lint.Check{
	Name:  "users_primary_number",
	Title: "every user provisioned to Webex has a primary phone number",
	Doc: `Every user who is assigned Integrated IM&P (the service that provisions a user to
Webex through flow-through provisioning) must have a primary phone number, a DID.

The troubleshooting guide says so twice: in "Analyze PSLog for user provisioning issues",
the subscriber profile's ` + "`primaryPhoneNumber`" + ` "must exist" and provisioning fails
without it; in "Integrated IM&P errors for specific users", a user without a primary number
is one cause of ` + "`[Error 18215] Provisioning error with Messaging server`" + `, since every
Webex for Cisco BroadWorks subscriber needs a DID. The provisioning bridge then answers 400,
or accepts the request and the user never appears in Control Hub.

Users come from OCI-P user details (` + "`UserGetResponse`" + `, whose ` + "`phoneNumber`" + ` is left out
when the user has none) and from ` + "`users/*.csv`" + ` (the ` + "`phoneNumber`" + ` column; an empty cell is no
number). A user whose services no capture shows is not evaluated, nor is one read from a CSV
without the ` + "`phoneNumber`" + ` column. One finding per user, at the user's number (or user id).`,
	Fix: `Assign a primary number to each user named in a finding, then provision the user again
(remove and re-assign Integrated IM&P, or let the next synchronisation send the profile). In
the web portal: the user's Profile > Addresses > Phone Number; over OCI-P:

` + "```xml" + `
<command xsi:type="UserModifyRequest22" xmlns="">
  <userId>USER</userId>
  <phoneNumber>DID</phoneNumber>
</command>
` + "```" + `

Users who are not to be provisioned to Webex should not have Integrated IM&P assigned.`,
	Severity: lint.Error,
	Applies:  subscriberApplies,
	Evidence: []lint.Evidence{userDetails, userServices},
	Tags:     []string{"users", "provisioning"},
	Options:  newSubscriberOptions,
	Run:      runUsersPrimaryNumber,
}

func runUsersPrimaryNumber(p *lint.Pass) error {
	opts := lint.OptionsOf[subscriberOptions](p)
	snap := p.Snapshot
	provisioned, ok := provisionedUsers(p, opts.Services)
	if !ok {
		return nil
	}
	var uncaptured []*users.User
	for _, u := range provisioned {
		has, known := hasPrimaryNumber(snap, u)
		switch {
		case !known:
			uncaptured = append(uncaptured, u)
			continue
		case has:
			continue
		}
		f := fieldOf(snap, u, u.PhoneNumber)
		what := "no primary phone number"
		if f.Value.Present() {
			what = "an empty primary phone number"
		}
		p.Report(lint.Finding{
			Message: fmt.Sprintf("user %s is assigned %s but has %s: the provisioning bridge refuses a subscriber profile without primaryPhoneNumber (group %q, service provider %q)",
				u.UserID.Text, strings.Join(opts.Services, " or "), what, u.GroupID.Text, u.ServiceProviderID.Text),
			Location: f.At.Range(),
			Logical:  lint.Logical{Context: userContext(u), Key: "phoneNumber"},
			Personal: []string{u.UserID.Text},
			Fix:      userFix(u, opts.Services, "a primary phone number, a DID", "Profile > Addresses > Phone Number", "phoneNumber", "the DID"),
		})
	}
	notEvaluatedField(p, uncaptured, "phoneNumber", "primary phone number")
	return nil
}
