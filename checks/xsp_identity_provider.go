package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

const (
	ciscoIDPContext   = "Applications/AuthenticationService/IdentityProviders/Cisco"
	ciscoScopeContext = ciscoIDPContext + "/Scopes"
)

// The evidence xsp_identity_provider reads.
var (
	ciscoIDPGet = lint.CLI(inputs.RoleXSP, ciscoIDPContext, "get", "hosts/<host>/identity-provider.txt").
			Reading("enabled, issuerUrl and tokenInfoUrl")
	ciscoScopesGet = lint.CLI(inputs.RoleXSP, ciscoScopeContext, "get", "hosts/<host>/identity-provider.txt").
			Reading("the scopes the authentication service asks Webex for")
)

type identityProviderOptions struct {
	Scopes  []string `hcl:"scopes,optional" doc:"scopes that must be listed in IdentityProviders/Cisco/Scopes, compared exactly"`
	Domains []string `hcl:"webex_domains,optional" doc:"DNS domains an issuerUrl or tokenInfoUrl host must be in (the host itself or a name under it)"`
}

// Validate rejects lists the check cannot use: no scope to look for, or
// a domain no host can be in.
func (o *identityProviderOptions) Validate() error {
	if len(o.Scopes) == 0 || slices.ContainsFunc(o.Scopes, func(s string) bool { return strings.TrimSpace(s) == "" }) {
		return &lint.OptionError{Option: "scopes", Msg: "it must list at least one scope, none empty, such as \"broadworks-connector:user\""}
	}
	if len(o.Domains) == 0 {
		return &lint.OptionError{Option: "webex_domains", Msg: "it must list at least one domain, such as \"webex.com\""}
	}
	for _, d := range o.Domains {
		if d == "" || strings.HasPrefix(d, ".") || !strings.Contains(d, ".") || strings.ContainsAny(d, " /:") {
			return &lint.OptionError{Option: "webex_domains", Msg: fmt.Sprintf("%q is not a domain such as \"webex.com\"", d)}
		}
	}
	return nil
}

var xspIdentityProvider = &lint.Check{
	Name:  "xsp_identity_provider",
	Title: "the authentication service validates Webex tokens with one Webex region",
	Doc: `On every XSP and ADP that runs the authentication service, the Cisco identity
provider (` + "`Applications/AuthenticationService/IdentityProviders/Cisco`" + `) must be
` + "`enabled = true`" + `, its ` + "`issuerUrl`" + ` and ` + "`tokenInfoUrl`" + ` must be https URLs on a Webex
host (` + "`webex_domains`" + `), and its ` + "`Scopes`" + ` must list ` + "`broadworks-connector:user`" + `.
All hosts of a farm (the xsps of a Partner Hub cluster, or every XSP and ADP host without
cluster files) must use the same ` + "`issuerUrl`" + ` and the same ` + "`tokenInfoUrl`" + `: the identity
broker and the IdP proxy of one Webex region. A host whose URL differs from the one most
hosts hold is reported with them as related locations; on a tie every host is.

The troubleshooting guide's sign-in walk-through has the IdP proxy ask the
authentication service for a long-lived token for a user it has validated against
Webex; its section on a misconfigured authentication service sends the reader to the
Solution Guide, which configures this identity provider with the URLs of the partner's
Webex region and the ` + "`broadworks-connector:user`" + ` scope. A host that validates tokens
against another region, or not at all, refuses the token requests of users that another
host of the farm accepts.

Which issuer goes with which IdP proxy is not published; the check compares the hosts
of a farm with one another and does not pair the two URLs. The client secret is masked
in captures and is not compared.`,
	Fix: `At the CLI of each XSP or ADP named in a finding, paste the values the
Solution Guide gives for your Webex region (those of the farm's other hosts):

` + "```" + `
cd /Applications/AuthenticationService/IdentityProviders/Cisco
set enabled true
set issuerUrl <issuer URL of the farm's other hosts>
set tokenInfoUrl <token info URL of the farm's other hosts>
get
cd /Applications/AuthenticationService/IdentityProviders/Cisco/Scopes
set scope broadworks-connector:user
get
` + "```" + `

Type only the lines for the values a finding names.`,
	Severity: lint.Error,
	Applies: authServiceApplies + ` When cluster files list xsps, an XSP none of them lists is not
compared with other hosts.`,
	Evidence:         []lint.Evidence{ciscoIDPGet, ciscoScopesGet, xspShowVer(authServiceApp), xspClusters},
	Tags:             []string{"xsp", "authentication"},
	SecuritySeverity: "6.0",
	Options: func() any {
		return &identityProviderOptions{Scopes: []string{"broadworks-connector:user"}, Domains: []string{"webex.com", "wbx2.com"}}
	},
	Run: runIdentityProvider,
}

func runIdentityProvider(p *lint.Pass) error {
	opts := lint.OptionsOf[identityProviderOptions](p)
	hosts := xspHostsRunning(p, authServiceApp, ciscoIDPGet)
	votes := map[string]map[*inputs.Host]vote{"issuerUrl": {}, "tokenInfoUrl": {}}
	for _, h := range hosts {
		if c := captureOf(h, ciscoIDPContext); c.ok() {
			checkIDPEnabled(p, c)
			for _, attr := range []string{"issuerUrl", "tokenInfoUrl"} {
				if v, ok := checkIDPURL(p, c, attr, opts.Domains); ok {
					votes[attr][h] = v
				}
			}
		} else {
			c.gap(p, ciscoIDPGet)
		}
		if c := captureOf(h, ciscoScopeContext); c.ok() {
			checkScopes(p, c, opts.Scopes)
		} else {
			c.gap(p, ciscoScopesGet)
		}
	}
	groups, loose := xspGroups(p, ciscoIDPGet)
	for _, h := range loose {
		if slices.Contains(hosts, h) {
			p.NotEvaluatedPart(h.Name, "%s", notInCluster(h))
		}
	}
	for _, g := range groups {
		for _, attr := range []string{"issuerUrl", "tokenInfoUrl"} {
			var vs []vote
			for _, h := range g.hosts {
				if v, ok := votes[attr][h]; ok {
					vs = append(vs, v)
				}
			}
			for _, d := range dissenters(vs) {
				reportDissent(p, g, d, ciscoIDPContext, attr, "the hosts of a farm must validate Webex tokens with the same Webex region")
			}
		}
	}
	return nil
}

func checkIDPEnabled(p *lint.Pass, c capture) {
	kv, cmd, ok := c.attr("enabled")
	if !ok {
		reportMissing(p, c, "enabled", "the Cisco identity provider", "it must be true for Webex tokens to be accepted", "true",
			setFix(c.cliContext(), "enabled", "true", ""))
		return
	}
	if b, isBool := source.Bool(kv.Value.Text); isBool && b {
		return
	}
	ctx := cliContext(cmd, lint.ServerOf(c.host, inputs.RoleXSP), ciscoIDPContext)
	p.Report(lint.Finding{
		Host:     c.host.Name,
		Message:  fmt.Sprintf("enabled is %s for the Cisco identity provider on %s, must be true: the authentication service does not accept Webex tokens", quoteOrEmpty(kv.Value.Text), c.host.Name),
		Location: kv.Value.Range(),
		Logical:  lint.Logical{Context: ctx, Key: "enabled"},
		Expected: "true",
		Actual:   kv.Value.Text,
		Fix:      setFix(ctx, "enabled", "true", ""),
	})
}

// checkIDPURL checks that an identity-provider URL is an https URL on a
// Webex host, and returns it as a vote when it is usable at all.
func checkIDPURL(p *lint.Pass, c capture, attr string, domains []string) (vote, bool) {
	want := "an https URL on a host in " + strings.Join(domains, " or ")
	kv, cmd, ok := c.attr(attr)
	if !ok {
		reportMissing(p, c, attr, "the Cisco identity provider", "it must be the https URL of your Webex region", want, nil)
		return vote{}, false
	}
	got := strings.TrimSpace(kv.Value.Text)
	u, problem := urlTrouble(got, "https")
	if problem == "" && !inDomains(u.Hostname(), domains) {
		problem = fmt.Sprintf("is %q, whose host %s is in none of the Webex domains %s", got, u.Hostname(), strings.Join(domains, ", "))
	}
	v := vote{host: c.host, key: urlKey(got), shown: fmt.Sprintf("%q", got), at: kv.Value.Range()}
	if problem == "" {
		// Only a URL that is right in itself is typed on the farm's
		// other hosts.
		v.value = got
		return v, true
	}
	ctx := cliContext(cmd, lint.ServerOf(c.host, inputs.RoleXSP), ciscoIDPContext)
	var fix []lint.FixStep
	if u != nil && !strings.EqualFold(u.Scheme, "https") && inDomains(u.Hostname(), domains) {
		// A Webex URL on http: the same URL on https is the one to type.
		fixed := *u
		fixed.Scheme = "https"
		fix = setFix(ctx, attr, fixed.String(), "")
	}
	p.Report(lint.Finding{
		Host:     c.host.Name,
		Message:  fmt.Sprintf("%s of the Cisco identity provider on %s %s: it must be the https URL of your Webex region", attr, c.host.Name, problem),
		Location: kv.Value.Range(),
		Logical:  lint.Logical{Context: ctx, Key: attr},
		Expected: want,
		Actual:   got,
		Fix:      fix,
	})
	// A URL on the wrong scheme or host still names a region the farm
	// may share.
	return v, u != nil
}

// inDomains reports whether host is one of the domains or a name under
// one, compared as DNS does.
func inDomains(host string, domains []string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	for _, d := range domains {
		d = strings.ToLower(strings.TrimSuffix(d, "."))
		if h == d || strings.HasSuffix(h, "."+d) {
			return true
		}
	}
	return false
}

func checkScopes(p *lint.Pass, sc capture, required []string) {
	var listed []string
	for _, c := range sc.cmds {
		for _, t := range c.Tables {
			for _, r := range t.Rows {
				for _, cell := range r.Cells {
					if s := strings.TrimSpace(cell.Text); s != "" && !slices.Contains(listed, s) {
						listed = append(listed, s)
					}
				}
			}
		}
		for _, kv := range c.Attrs {
			if s := strings.TrimSpace(kv.Value.Text); s != "" && !slices.Contains(listed, s) {
				listed = append(listed, s)
			}
		}
	}
	shown := "none"
	if len(listed) > 0 {
		shown = strings.Join(listed, ", ")
	}
	for _, want := range required {
		if slices.Contains(listed, want) {
			continue
		}
		p.Report(lint.Finding{
			Host:     sc.host.Name,
			Message:  fmt.Sprintf("scope %s is not listed for the Cisco identity provider on %s (it lists %s): token validation with Webex needs it", want, sc.host.Name, shown),
			Location: sc.last().Input.Range(),
			Logical:  lint.Logical{Context: sc.cliContext(), Key: "scope=" + want},
			Expected: want,
			Actual:   strings.Join(listed, "\n"),
			Fix:      setFix(sc.cliContext(), "scope", want, ""),
		})
	}
}
