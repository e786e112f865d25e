package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

const (
	ctiServerContext  = "Interface/CTI/CTIServer"
	ctiTrustsContext  = "Interface/CTI/SSLCommonSettings/ClientAuthentication/Trusts"
	httpTrustsContext = "Interface/Http/SSLCommonSettings/ClientAuthentication/Trusts"
)

// The evidence xsp_webex_client_ca_trusted reads.
var (
	ctiServerGet = lint.CLI(inputs.RoleXSP, ctiServerContext, "get", "hosts/<host>/cti-server.txt").
			Reading("whether a CTI interface requires client certificates (the Client Auth Req column)")
	ctiTrustsGet = lint.CLI(inputs.RoleXSP, ctiTrustsContext, "get", "hosts/<host>/cti-trusts.txt").
			Reading("the trust anchors of the CTI interfaces: the Alias, Owner and Issuer of each")
	httpTrustsGet = lint.CLI(inputs.RoleXSP, httpTrustsContext, "get", "hosts/<host>/http-trusts.txt").
			Reading("the trust anchors of the HTTP interfaces, where client certificates authenticate Webex to the authentication service; checked where captured").
			AsOptional()
	ctiClusters = clusterFiles("each cluster's ctiUrl, which says Webex uses the CTI interface of its xsps, and the xsps; an XSP a cluster lists that the snapshot lacks is an evidence gap")
)

type webexClientCAOptions struct {
	Issuers []string `hcl:"issuers,optional" doc:"subjects of the CAs that issue the Webex client certificate, each of which a trust list must hold as the Owner of an entry (compared case-insensitively)"`
	Aliases []string `hcl:"aliases,optional" doc:"aliases a trust list must hold too (the Alias column), when your procedure fixes them, such as webexclientroot2023; empty: any alias"`
}

// Validate rejects options that ask for nothing, or for an empty name.
func (o *webexClientCAOptions) Validate() error {
	if len(o.Issuers) == 0 && len(o.Aliases) == 0 {
		return &lint.OptionError{Option: "issuers", Msg: "issuers or aliases must name at least one CA the trust lists must hold"}
	}
	for _, list := range []struct {
		name  string
		items []string
	}{{"issuers", o.Issuers}, {"aliases", o.Aliases}} {
		if slices.ContainsFunc(list.items, func(s string) bool { return strings.TrimSpace(s) == "" }) {
			return &lint.OptionError{Option: list.name, Msg: "it lists an empty name"}
		}
	}
	return nil
}

var xspWebexClientCATrusted = &lint.Check{
	Name:  "xsp_webex_client_ca_trusted",
	Title: "XSP trusts the CAs of the Webex client certificate for mutual TLS",
	Doc: `On every XSP and ADP where Webex authenticates with a client certificate (mutual TLS),
the CAs that issue that certificate — by default the issuing CA
` + "`Internal Private TLS SubCA`" + ` and its root ` + "`Internal Private Root`" + ` — must be trust anchors of
the CTI interface: rows of ` + "`Interface/CTI/SSLCommonSettings/ClientAuthentication/Trusts`" + `
whose Owner is each CA named in ` + "`issuers`" + ` (and whose Alias is each name in ` + "`aliases`" + `,
when the option lists any). Where the HTTP interfaces' list
(` + "`Interface/Http/SSLCommonSettings/ClientAuthentication/Trusts`" + `) is captured, it is held
to the same rule: the mutual-TLS authentication service is reached through them.

The troubleshooting guide's checklist for a misconfigured authentication service says
that with mutual TLS the Webex client certificate, downloaded from Partner Hub's BroadWorks
settings, must be uploaded to the XSPs. Without its CAs in the trust list, the XSP refuses
the TLS connection Webex opens for CTI events (presence, call history) and, in the
mutual-TLS flavour, for tokens. Older anchors may stay beside the new ones: Webex presents
a certificate that matches either while the certificate is renewed, so extra rows are
not reported.

A host uses mutual TLS when its CTI interface table (` + "`Interface/CTI/CTIServer`" + `) has an
interface with ` + "`Client Auth Req`" + ` true, or when a Partner Hub cluster that lists it has a
` + "`ctiUrl`" + `. The CA names are those the Webex client certificate carried when this check was
written; when Cisco renews it, set ` + "`issuers`" + ` to the subjects Partner Hub's certificate shows.`,
	Fix: `Download the Webex client certificate chain from Partner Hub (Settings, BroadWorks
Calling), split it into one PEM file per CA, copy them to /var/broadworks/tmp on each XSP or
ADP named in a finding, and add each CA at its CLI:

` + "```" + `
cd /Interface/CTI/SSLCommonSettings/ClientAuthentication/Trusts
updateTrust webexclientissuing /var/broadworks/tmp/webex-client-issuing.pem
updateTrust webexclientroot /var/broadworks/tmp/webex-client-root.pem
get
` + "```" + `

For the HTTP interfaces, do the same in ` + "`/Interface/Http/SSLCommonSettings/ClientAuthentication/Trusts`" + `.`,
	Severity: lint.Error,
	Applies: `Every XSP and ADP host whose captures show that Webex authenticates to it with a client
certificate: a CTI interface with Client Auth Req true, or a Partner Hub cluster listing the host
with a ctiUrl. Without a CTI interface capture, a host is taken to use mutual TLS unless the cluster
files show that its clusters configure no ctiUrl (then it is not evaluated); a host whose CTI
interfaces require no client certificate is not evaluated. The HTTP trust list is checked where
captured and is never a gap.`,
	Evidence:         []lint.Evidence{ctiServerGet, ctiTrustsGet, httpTrustsGet, ctiClusters},
	Tags:             []string{"xsp", "security", "certificates"},
	SecuritySeverity: "7.0",
	Options: func() any {
		return &webexClientCAOptions{Issuers: []string{"Internal Private TLS SubCA", "Internal Private Root"}}
	},
	Run: runWebexClientCATrusted,
}

func runWebexClientCATrusted(p *lint.Pass) error {
	opts := lint.OptionsOf[webexClientCAOptions](p)
	for _, h := range xspHosts(p, ctiServerGet) {
		server := lint.ServerOf(h, inputs.RoleXSP)
		uses, why := usesMutualTLS(p, h)
		switch uses {
		case mtlsNo:
			p.NotEvaluated(h.Name, "%s", why)
			continue
		case mtlsUnknown:
			p.Gap(h.Name, ctiServerGet, "%s, so whether Webex authenticates to %s with a client certificate is not known", notCaptured(h, server, ctiServerContext), h.Name)
		}
		if c := captureOf(h, ctiTrustsContext); c.ok() {
			checkTrusts(p, c, "CTI", opts)
		} else {
			p.Gap(h.Name, ctiTrustsGet, "%s (%s)", notCaptured(h, server, ctiTrustsContext), why)
		}
		if c := captureOf(h, httpTrustsContext); c.ok() {
			checkTrusts(p, c, "HTTP", opts)
		}
	}
	return nil
}

type mtls int

const (
	mtlsYes mtls = iota
	mtlsNo
	mtlsUnknown
)

// usesMutualTLS tells whether the captures show Webex authenticating to a
// host with a client certificate, and why.
func usesMutualTLS(p *lint.Pass, h *inputs.Host) (mtls, string) {
	var ctiClusters, plain []string
	for _, c := range p.Snapshot.Clusters {
		if !slices.ContainsFunc(c.XSPs, func(x source.Value) bool { return sameHost(x.Text, h.Name) }) {
			continue
		}
		if strings.TrimSpace(c.CTIURL.Text) != "" {
			ctiClusters = append(ctiClusters, clusterName(c))
		} else {
			plain = append(plain, clusterName(c))
		}
	}
	if len(ctiClusters) > 0 {
		return mtlsYes, fmt.Sprintf("cluster %s, which lists %s, has a ctiUrl", joinAnd(ctiClusters), h.Name)
	}
	if cti := captureOf(h, ctiServerContext); cti.ok() {
		for _, t := range cti.tables() {
			col := columnLike(t, "client auth")
			if col < 0 && len(t.Rows) > 0 {
				return mtlsYes, fmt.Sprintf("its CTI interface table (%s) has no Client Auth Req column, so its interfaces are taken to require client certificates", t.Loc.Filename())
			}
			for _, r := range t.Rows {
				if b, ok := source.Bool(r.Cell(col).Text); ok && b {
					return mtlsYes, fmt.Sprintf("its CTI interface %s requires client certificates", interfaceName(t, r))
				}
			}
		}
		return mtlsNo, fmt.Sprintf("no CTI interface of %s requires client certificates (%s), so Webex does not authenticate to it with one", h.Name, cti.last().Loc.Filename())
	}
	if len(plain) > 0 {
		return mtlsNo, fmt.Sprintf("cluster %s, which lists %s, has no ctiUrl, so Webex does not use its CTI interface", joinAnd(plain), h.Name)
	}
	return mtlsUnknown, "it is taken to use mutual TLS for CTI"
}

// interfaceName names a table row by its address and port columns.
func interfaceName(t *bwcli.Table, r bwcli.Row) string {
	ip, port := r.Cell(columnLike(t, "interface ip", "ip address", "address")).Text, r.Cell(columnLike(t, "port")).Text
	switch {
	case ip != "" && port != "":
		return ip + ":" + port
	case ip != "":
		return ip
	}
	return "at line " + fmt.Sprint(r.Range().Start.Line)
}

// trustEntry is one row of a trust list.
type trustEntry struct {
	alias, owner, issuer source.Value
}

func checkTrusts(p *lint.Pass, c capture, iface string, opts *webexClientCAOptions) {
	h := c.host
	var entries []trustEntry
	for _, t := range c.tables() {
		ac, oc, ic := columnLike(t, "alias"), columnLike(t, "owner", "subject"), columnLike(t, "issuer")
		for _, r := range t.Rows {
			entries = append(entries, trustEntry{r.Cell(ac), r.Cell(oc), r.Cell(ic)})
		}
	}
	var held []string
	for _, e := range entries {
		held = append(held, fmt.Sprintf("%s (%s)", e.alias.Text, e.owner.Text))
	}
	shown := "nothing"
	if len(held) > 0 {
		shown = strings.Join(held, ", ")
	}
	ctx := c.cliContext()
	report := func(kind, name string) {
		what := fmt.Sprintf("the Webex client CA %q", name)
		alias := name
		if kind == "Alias" {
			what = fmt.Sprintf("a Webex client CA under the alias %q", name)
		} else {
			alias = peerAlias(p, c, name)
			if slices.ContainsFunc(entries, func(e trustEntry) bool { return strings.EqualFold(strings.TrimSpace(e.alias.Text), alias) }) {
				alias = "" // the host holds another CA under it
			}
		}
		p.Report(lint.Finding{
			Host: h.Name,
			Message: fmt.Sprintf("the %s interfaces of %s do not trust %s (they trust %s): the XSP refuses the certificate Webex presents",
				iface, h.Name, what, shown),
			Location: c.last().Input.Range(),
			Logical:  lint.Logical{Context: ctx, Key: kind + "=" + name},
			Expected: name,
			Actual:   strings.Join(held, "\n"),
			Fix:      trustFix(ctx, h.Name, what, alias),
		})
	}
	for _, want := range opts.Issuers {
		if !slices.ContainsFunc(entries, func(e trustEntry) bool {
			return strings.EqualFold(strings.TrimSpace(e.owner.Text), strings.TrimSpace(want))
		}) {
			report("Owner", want)
		}
	}
	for _, want := range opts.Aliases {
		if !slices.ContainsFunc(entries, func(e trustEntry) bool {
			return strings.EqualFold(strings.TrimSpace(e.alias.Text), strings.TrimSpace(want))
		}) {
			report("Alias", want)
		}
	}
}

// trustFix adds a CA (what names it) to a trust list: its PEM file
// copied to the host under the alias, then updateTrust. Without an alias
// the steps say what to type, since the alias is the operator's choice.
func trustFix(ctx, host, what, alias string) []lint.FixStep {
	const from = "from the chain Partner Hub offers (Settings, BroadWorks Calling)"
	if alias == "" {
		return []lint.FixStep{{Comment: fmt.Sprintf("copy the PEM file of %s, %s, to /var/broadworks/tmp on %s; then, in %s, type updateTrust followed by an alias of your choosing and the file's path, and get",
			what, from, host, lint.FixStep{Context: ctx}.CLIPath())}}
	}
	path := "/var/broadworks/tmp/" + alias + ".pem"
	return []lint.FixStep{
		{Comment: fmt.Sprintf("copy the PEM file of %s, %s, to %s on %s, then:", what, from, path, host)},
		{Context: ctx, Command: "updateTrust " + alias + " " + path},
		{Context: ctx, Command: "get"},
	}
}

// peerAlias is the alias under which another trust list holds the CA
// owner — another host's list of the same interfaces first, then any
// host's list of the other interfaces — so that the lists read alike; ""
// when none does, or the alias is not one word a file can be named after.
func peerAlias(p *lint.Pass, c capture, owner string) string {
	contexts := []string{ctiTrustsContext, httpTrustsContext}
	if c.context == httpTrustsContext {
		contexts[0], contexts[1] = contexts[1], contexts[0]
	}
	for _, context := range contexts {
		for _, h := range p.HostsWithRole(inputs.RoleXSP) {
			if h == c.host && context == c.context {
				continue
			}
			for _, t := range captureOf(h, context).tables() {
				ac, oc := columnLike(t, "alias"), columnLike(t, "owner", "subject")
				for _, r := range t.Rows {
					alias := strings.TrimSpace(r.Cell(ac).Text)
					if strings.EqualFold(strings.TrimSpace(r.Cell(oc).Text), strings.TrimSpace(owner)) && alias != "" && !strings.ContainsAny(alias, " \t/\"'") {
						return alias
					}
				}
			}
		}
	}
	return ""
}
