package checks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
)

const tokenManagementContext = "Applications/AuthenticationService/TokenManagement"

// The evidence xsp_token_duration reads.
var tokenManagementGet = lint.CLI(inputs.RoleXSP, tokenManagementContext, "get", "hosts/<host>/authservice.txt").
	Reading("tokenDurationInHours and tokenIssuer")

type tokenDurationOptions struct {
	MinHours int    `hcl:"min_hours,optional" doc:"the shortest tokenDurationInHours accepted, in hours (1440 is 60 days)"`
	Issuer   string `hcl:"issuer,optional" doc:"the tokenIssuer every authentication service must use, compared exactly"`
}

// Validate rejects a minimum no duration can fail and an empty issuer,
// which no capture can match.
func (o *tokenDurationOptions) Validate() error {
	if o.MinHours < 1 {
		return &lint.OptionError{Option: "min_hours", Msg: fmt.Sprintf("%d is not a duration: give at least 1 hour, such as 1440 (60 days)", o.MinHours)}
	}
	if strings.TrimSpace(o.Issuer) == "" {
		return &lint.OptionError{Option: "issuer", Msg: "it must name the token issuer, such as \"BroadWorks\""}
	}
	return nil
}

var xspTokenDuration = &lint.Check{
	Name:  "xsp_token_duration",
	Title: "XSP authentication service issues long-lived tokens as BroadWorks",
	Doc: `On every XSP and ADP that runs the authentication service,
` + "`Applications/AuthenticationService/TokenManagement`" + ` must show a
` + "`tokenDurationInHours`" + ` of at least ` + "`min_hours`" + ` (1440 hours, 60 days, by default) and
` + "`tokenIssuer = BroadWorks`" + `.

The troubleshooting guide follows a sign-in through the authentication
service: the Webex app is given a long-lived JSON web token by the BroadWorks
system, and the authentication-service log shows it generated with BroadWorks
as its issuer. Its section on a misconfigured authentication service sends the
reader to the Solution Guide for the XSPs that host it. The two texts of that
guide disagree on the duration: the deployment chapter's example sets 720 hours
(30 days), while the appendix for the mTLS authentication service asks for at
least 60 days and to leave the issuer as BroadWorks. The default follows the
appendix, the only one of the two written as a requirement; a site that
follows the example can set ` + "`min_hours = 720`" + `.

An attribute missing from the capture counts as wrong; a duration that is
not a whole number of hours is reported as it stands.`,
	Fix: `At the CLI of each XSP or ADP named in a finding, paste:

` + "```" + `
cd /Applications/AuthenticationService/TokenManagement
set tokenIssuer BroadWorks
set tokenDurationInHours 1440
get
` + "```" + `

Tokens already issued keep the lifetime they were issued with.`,
	Severity: lint.Error,
	Applies:  authServiceApplies,
	Evidence: []lint.Evidence{tokenManagementGet, xspShowVer(authServiceApp), xspClusters},
	Tags:     []string{"xsp", "authentication"},
	Options: func() any {
		return &tokenDurationOptions{MinHours: 1440, Issuer: "BroadWorks"}
	},
	Run: runTokenDuration,
}

func runTokenDuration(p *lint.Pass) error {
	opts := lint.OptionsOf[tokenDurationOptions](p)
	for _, h := range xspHostsRunning(p, authServiceApp, tokenManagementGet) {
		c := captureOf(h, tokenManagementContext)
		if !c.ok() {
			c.gap(p, tokenManagementGet)
			continue
		}
		checkTokenDuration(p, c, opts.MinHours)
		checkTokenIssuer(p, c, opts.Issuer)
	}
	return nil
}

// days says a number of hours in days, for messages.
func days(hours int) string {
	if hours%24 != 0 {
		return fmt.Sprintf("%.1f days", float64(hours)/24)
	}
	return fmt.Sprintf("%d days", hours/24)
}

func checkTokenDuration(p *lint.Pass, c capture, minHours int) {
	const key = "tokenDurationInHours"
	want := fmt.Sprintf("%d or more (%s)", minHours, days(minHours))
	kv, cmd, ok := c.attr(key)
	if !ok {
		reportMissing(p, c, key, "the token management settings", "it must be "+want, want,
			setFix(c.cliContext(), key, strconv.Itoa(minHours), tokensKeepTheirLifetime))
		return
	}
	got := strings.TrimSpace(kv.Value.Text)
	n, err := strconv.Atoi(got)
	var msg string
	switch {
	case got == "":
		msg = fmt.Sprintf("%s on %s is empty; it must be %s", key, c.host.Name, want)
	case err != nil:
		msg = fmt.Sprintf("%s on %s is %q, not a number of hours; it must be %s", key, c.host.Name, got, want)
	case n < minHours:
		msg = fmt.Sprintf("%s on %s is %d (%s), shorter than the minimum of %d (%s): users sign in again sooner than the deployment intends", key, c.host.Name, n, days(n), minHours, days(minHours))
	default:
		return
	}
	ctx := cliContext(cmd, lint.ServerOf(c.host, inputs.RoleXSP), c.context)
	p.Report(lint.Finding{
		Host:     c.host.Name,
		Message:  msg,
		Location: kv.Value.Range(),
		Logical:  lint.Logical{Context: ctx, Key: key},
		Expected: want,
		Actual:   got,
		Fix:      setFix(ctx, key, strconv.Itoa(minHours), tokensKeepTheirLifetime),
	})
}

// tokensKeepTheirLifetime is what a new duration does not change.
const tokensKeepTheirLifetime = "tokens already issued keep the lifetime they were issued with"

func checkTokenIssuer(p *lint.Pass, c capture, issuer string) {
	const key = "tokenIssuer"
	kv, cmd, ok := c.attr(key)
	if !ok {
		reportMissing(p, c, key, "the token management settings", fmt.Sprintf("it must be %q", issuer), issuer,
			setFix(c.cliContext(), key, issuer, ""))
		return
	}
	got := strings.TrimSpace(kv.Value.Text)
	if got == issuer {
		return
	}
	msg := fmt.Sprintf("%s on %s is %q, must be %q", key, c.host.Name, got, issuer)
	if strings.EqualFold(got, issuer) {
		msg += " (the issuer is compared exactly: tokens carry it as written)"
	}
	ctx := cliContext(cmd, lint.ServerOf(c.host, inputs.RoleXSP), c.context)
	p.Report(lint.Finding{
		Host:     c.host.Name,
		Message:  msg,
		Location: kv.Value.Range(),
		Logical:  lint.Logical{Context: ctx, Key: key},
		Expected: issuer,
		Actual:   got,
		Fix:      setFix(ctx, key, issuer, ""),
	})
}
