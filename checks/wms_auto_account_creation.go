package checks

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/wms"
	"github.com/bwlint/bwlint/lint"
)

// The evidence wms_auto_account_creation reads.
var (
	accountSignIns = wmsSSOCaptures.Reading("who signs in: the email attribute and the subject's NameID")
	accountFiles   = wmsUserFiles.Reading("the email address of every row: the accounts Meetings Server has")
	accountSwitch  = wmsSettingsFile.Reading("whether auto account creation is on")
)

var wmsAutoAccountCreation = &lint.Check{
	Name:  "wms_auto_account_creation",
	Title: "users who sign in through SSO have an account, or Meetings Server creates one",
	Doc: `Cisco WebEx Meetings Server tells a user who signs in through SSO "No user account found in the
system" when the user has no account and auto account creation is off: its troubleshooting guide
("No User Account Found in the System") gives exactly these two conditions.

With auto account creation off (` + "`auto_account_creation = false`" + ` in ` + "`wms/settings.hcl`" + `), every user
a captured SAML response signs in (` + "`wms/sso/*`" + `) must have a row in a user file of ` + "`wms/users/`" + `: the
email attribute's value or the subject's NameID must equal a row's ` + "`EMAIL`" + `, compared without regard
to case, since Meetings Server keys accounts by email address. The files are taken as the list of
accounts: a user added by hand on the administration site is in none of them, so put the file of
Users > Export beside the import files when such users exist. With auto account creation on,
Meetings Server creates the missing accounts, and there is nothing to report.`,
	Fix: `Add each user the findings name to Meetings Server (Users > Add User, or a row in the next
import file), or turn auto account creation on in the SSO settings of the administration site
and update ` + "`auto_account_creation`" + ` in ` + "`wms/settings.hcl`" + `. If the user does have an account, put the
file of Users > Export in ` + "`wms/users/`" + ` so that bwlint knows it.`,
	Severity: lint.Error,
	Applies: `Every user a SAML response of the snapshot signs in, when ` + "`wms/settings.hcl`" + ` says auto account
creation is off. Without a SAML response, without the settings (or the switch in them), or without a
user file to compare with, the check is not evaluated.`,
	Evidence: []lint.Evidence{accountSignIns, accountFiles, accountSwitch},
	Tags:     []string{"wms", "sso", "users"},
	Run:      runWMSAutoAccountCreation,
}

func runWMSAutoAccountCreation(p *lint.Pass) error {
	snap := p.Snapshot
	if len(snap.WMS.SSO) == 0 {
		p.NotEvaluated("", "%s", wmsNoCaptures(snap))
		return nil
	}
	if snap.WMS.Settings == nil {
		p.NotEvaluated("", "whether auto account creation is on is not known: %s", wmsNoSettings(snap))
		return nil
	}
	sw := snap.WMS.Settings.AutoAccountCreation
	on, known := wmsSwitch(sw)
	switch {
	case !known:
		p.NotEvaluated("", "whether auto account creation is on is not known: %s does not give auto_account_creation", wmsSettingsPath)
		return nil
	case on:
		return nil // Meetings Server creates the accounts it lacks.
	case len(snap.WMS.Users) == 0:
		p.NotEvaluated("", "auto account creation is off, and %s to tell which users have an account", wmsNoUserFiles(snap))
		return nil
	}
	accounts := wmsAccounts(snap.WMS.Users)
	reported := map[string]bool{}
	for _, m := range snap.WMS.SSO {
		if len(m.Assertions) == 0 {
			p.NotEvaluatedPart("", "%s: the response holds no readable assertion, so who signs in is not known", m.Path)
			continue
		}
		for _, a := range m.Assertions {
			key, shown := wmsSSOUser(a)
			if key == "" {
				p.NotEvaluatedPart("", "%s: the assertion names no user (no email attribute, no NameID)", m.Path)
				continue
			}
			if reported[key] || hasAccount(accounts, a) {
				continue
			}
			reported[key] = true
			at, doc := a.NameID.Value.Range(), a.NameID.Value.Doc
			if email, ok := wmsEmail(a); ok {
				at, doc = email.Range(), email.Doc
			}
			p.Report(lint.Finding{
				Message: fmt.Sprintf("%s signs in through SSO%s, but no user file of wms/users/ has a row for the address, and auto account creation is off: Meetings Server answers %q",
					shown, wmsDecoded(m, doc), "No user account found in the system"),
				Location: at,
				Logical:  lint.Logical{Context: "wms/sso/" + key, Key: "account"},
				Related:  []lint.Related{{Location: sw.Range(), Message: "auto account creation is off"}},
				Fix: []lint.FixStep{
					{Comment: fmt.Sprintf("add %s to Meetings Server: Users > Add User on the administration site, or a row with EMAIL %s in the next import file", shown, shown)},
					{Comment: "if the user has an account already, put the file of Users > Export in wms/users/; if every user is to get one, turn auto account creation on in the SSO settings and set auto_account_creation = true in " + wmsSettingsPath},
				},
			})
		}
	}
	return nil
}

// wmsAccounts returns the email addresses the user files give accounts
// to, lower-cased.
func wmsAccounts(files []*wms.UserFile) map[string]bool {
	out := map[string]bool{}
	for _, f := range files {
		col := f.Column("EMAIL")
		for _, row := range f.Rows {
			if c, ok := row.Cell(col); ok && !row.OtherDelimiter {
				if e := strings.ToLower(strings.TrimSpace(c.Text)); e != "" {
					out[e] = true
				}
			}
		}
	}
	return out
}

// hasAccount reports whether the email attribute or the NameID of the
// assertion is an account's address.
func hasAccount(accounts map[string]bool, a *wms.Assertion) bool {
	if email, ok := wmsEmail(a); ok && accounts[strings.ToLower(email.Text)] {
		return true
	}
	return accounts[strings.ToLower(a.NameID.Value.Text)]
}
