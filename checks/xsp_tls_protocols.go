package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

const (
	httpServerContext    = "Interface/Http/HttpServer"
	httpProtocolsContext = "Interface/Http/HttpServer/SSLSettings/Protocols"
	jsseProtocolsContext = "System/SSLCommonSettings/JSSE/Protocols"
)

// The evidence xsp_tls_protocols reads.
var (
	httpServerGet = lint.CLI(inputs.RoleXSP, httpServerContext, "get", "hosts/<host>/http-server.txt").
			Reading("the HTTP interfaces, their ports and whether they are secure")
	httpProtocolsGet = httpProtocols("<Interface IP>", "<Port>")
	jsseProtocolsGet = lint.CLI(inputs.RoleXSP, jsseProtocolsContext, "get", "hosts/<host>/http-server.txt").
				Reading("the protocols of the system, which an interface that lists none of its own inherits")
)

// httpProtocols is the capture of one interface's protocols.
func httpProtocols(ip, port string) lint.Evidence {
	return lint.CLI(inputs.RoleXSP, httpProtocolsContext, "get "+ip+" "+port, "hosts/<host>/http-server.txt").
		Reading("the TLS protocols each secure interface allows, one get per interface")
}

// tlsVersions are the protocol names in age order, as the CLIs print them.
var tlsVersions = []string{"SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"}

// tlsVersion returns the canonical name of a protocol as printed or
// typed ("tlsv1.2", "TLSv1_2", "TLSv1.0"), and its age rank.
func tlsVersion(s string) (string, int, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 4 || len(s) > 10 {
		return "", 0, false // not a protocol name: spare the folding
	}
	var buf [10]byte
	n := buf[:0]
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '_':
			n = append(n, '.')
		case c == ' ' || c == '-':
		case 'A' <= c && c <= 'Z':
			n = append(n, c+'a'-'A')
		default:
			n = append(n, c)
		}
	}
	name := strings.TrimSuffix(string(n), ".0")
	for i, v := range tlsVersions {
		if strings.EqualFold(name, v) {
			return v, i, true
		}
	}
	return "", 0, false
}

type tlsProtocolsOptions struct {
	Required []string `hcl:"required,optional" doc:"protocols every secure HTTP interface must allow"`
	Oldest   string   `hcl:"oldest,optional" doc:"the oldest protocol an interface may allow without a warning; \"\" to report none"`
}

// Validate rejects protocol names bwlint cannot recognise in a capture.
func (o *tlsProtocolsOptions) Validate() error {
	known := strings.Join(tlsVersions, ", ")
	if len(o.Required) == 0 && o.Oldest == "" {
		return &lint.OptionError{Option: "required", Msg: "required or oldest must name a protocol, or the check checks nothing"}
	}
	for _, r := range o.Required {
		if _, _, ok := tlsVersion(r); !ok {
			return &lint.OptionError{Option: "required", Msg: fmt.Sprintf("%q is not a protocol bwlint knows (%s)", r, known)}
		}
	}
	if _, _, ok := tlsVersion(o.Oldest); o.Oldest != "" && !ok {
		return &lint.OptionError{Option: "oldest", Msg: fmt.Sprintf("%q is not a protocol bwlint knows (%s)", o.Oldest, known)}
	}
	return nil
}

var xspTLSProtocols = &lint.Check{
	Name:  "xsp_tls_protocols",
	Title: "secure HTTP interfaces of XSPs allow TLSv1.2",
	Doc: `Every secure HTTP interface of an XSP or ADP (a row of ` + "`Interface/Http/HttpServer`" + `
with ` + "`Secure`" + ` true) must allow TLSv1.2 (the ` + "`required`" + ` protocols), as listed by
` + "`Interface/Http/HttpServer/SSLSettings/Protocols> get <Interface IP> <Port>`" + `. An interface
that lists no protocol of its own inherits the system's,
` + "`System/SSLCommonSettings/JSSE/Protocols`" + `, which is then checked instead. Each protocol older
than ` + "`oldest`" + ` (TLSv1.2) that an interface or the system allows is reported as a warning,
with its position, so that the older protocols still open are known.

The troubleshooting guide's checklist for a misconfigured authentication service sends the
reader to the Solution Guide's XSP services, which configure TLS on the HTTP interfaces that
carry Xsi and the authentication service: Webex and the Webex app reach them with TLSv1.2.
An interface without it refuses them; one that still allows SSLv3, TLSv1 or TLSv1.1 also accepts
protocols with known weaknesses, which no Webex client needs.

Protocol names are compared the way the CLIs spell them (` + "`TLSv1.2`" + `), ignoring case.
The output of the Protocols context is read as a table of protocol names, or as protocol
names in its attribute values.`,
	Fix: `At the CLI of each XSP or ADP named in a finding, paste, with the interface of the
finding:

` + "```" + `
cd /Interface/Http/HttpServer/SSLSettings/Protocols
add 10.20.1.31 443 TLSv1.2
delete 10.20.1.31 443 TLSv1.1
get 10.20.1.31 443
` + "```" + `

Type the ` + "`delete`" + ` line for each older protocol a warning names, once no client you
serve needs it. For a protocol the system level allows, do the same without the address and
port in ` + "`/System/SSLCommonSettings/JSSE/Protocols`" + `.`,
	Severity: lint.Error,
	Applies: `Every XSP and ADP host that runs an application Webex reaches over HTTPS (Xsi-Actions,
Xsi-Events, the authentication service, the device management service), and every XSP a Partner
Hub cluster lists. A host whose bwshowver lists none of them is not evaluated; a host without that
list is taken to run them. A host with no secure HTTP interface is not evaluated (TLS ends before
it). A secure interface whose protocols are not captured is an evidence gap, with the exact get
for it; so is the system level, when an interface inherits it.`,
	Evidence:         []lint.Evidence{httpServerGet, httpProtocolsGet, jsseProtocolsGet, xspShowVer(webexFacingApps), xspClusters},
	Tags:             []string{"xsp", "security", "tls"},
	SecuritySeverity: "5.5",
	Options: func() any {
		return &tlsProtocolsOptions{Required: []string{"TLSv1.2"}, Oldest: "TLSv1.2"}
	},
	Run: runTLSProtocols,
}

// listedProtocol is a protocol as a capture lists it.
type listedProtocol struct {
	name string // canonical
	text string // as the capture spells it, which a delete types
	rank int
	at   hcl.Range
}

// httpInterface is a secure HTTP interface of a host.
type httpInterface struct {
	ip, port source.Value
}

func (i httpInterface) String() string { return i.ip.Text + ":" + i.port.Text }

func runTLSProtocols(p *lint.Pass) error {
	opts := lint.OptionsOf[tlsProtocolsOptions](p)
	for _, h := range xspHostsRunning(p, webexFacingApps, httpServerGet) {
		server := lint.ServerOf(h, inputs.RoleXSP)
		hs := captureOf(h, httpServerContext)
		if !hs.ok() {
			hs.gap(p, httpServerGet)
			continue
		}
		ifaces := secureInterfaces(hs)
		if len(ifaces) == 0 {
			p.NotEvaluated(h.Name, "no HTTP interface of %s is secure (%s), so TLS ends before it", h.Name, hs.last().Loc.Filename())
			continue
		}
		reported := map[string]bool{}
		protocols := captureOf(h, httpProtocolsContext)
		for _, iface := range ifaces {
			cmd, protos, captured := interfaceProtocols(protocols, iface)
			if !captured {
				p.Gap(h.Name, httpProtocols(iface.ip.Text, iface.port.Text), "the protocols of secure HTTP interface %s were not captured on %s", iface, h.Name)
				continue
			}
			where, ctx := fmt.Sprintf("HTTP interface %s of %s", iface, h.Name), httpProtocolsContext
			keyPrefix := "interface " + iface.String()
			// The interface's protocols are typed with its address and
			// port; the system's without.
			args := iface.ip.Text + " " + iface.port.Text
			if len(protos) == 0 {
				// The interface lists none of its own: the system's apply.
				sys := h.Read(jsseProtocolsContext)
				if len(sys) == 0 {
					p.Gap(h.Name, jsseProtocolsGet, "HTTP interface %s of %s lists no protocol of its own (%s), so it inherits the system's, which were not captured", iface, h.Name, cmd.Input.Loc.Filename())
					continue
				}
				cmd, protos = sys[len(sys)-1], protocolsIn(sys)
				where, ctx, keyPrefix, args = fmt.Sprintf("HTTP interface %s of %s, inheriting the system's protocols,", iface, h.Name), jsseProtocolsContext, "system", ""
			}
			judgeProtocols(p, h, cmd, protos, where, cliContext(cmd, server, ctx), keyPrefix, args, opts, reported)
		}
	}
	return nil
}

// secureInterfaces lists a host's secure HTTP interfaces; a table
// without a Secure column counts every interface.
func secureInterfaces(hs capture) []httpInterface {
	var out []httpInterface
	for _, t := range hs.tables() {
		ipc, pc, sc := columnLike(t, "interface ip", "ip address", "address"), columnLike(t, "port"), columnLike(t, "secure")
		for _, r := range t.Rows {
			if sc >= 0 {
				if b, ok := source.Bool(r.Cell(sc).Text); !ok || !b {
					continue
				}
			}
			iface := httpInterface{ip: r.Cell(ipc), port: r.Cell(pc)}
			if !slices.ContainsFunc(out, func(o httpInterface) bool { return o.String() == iface.String() }) {
				out = append(out, iface)
			}
		}
	}
	return out
}

// interfaceProtocols finds the capture of one interface's protocols: a
// get typed with its address and port, or a table with address and port
// columns. captured is false when no capture names the interface.
func interfaceProtocols(protocols capture, iface httpInterface) (*bwcli.Command, []listedProtocol, bool) {
	for i := len(protocols.cmds) - 1; i >= 0; i-- {
		c := protocols.cmds[i]
		if args := strings.Fields(c.Args); len(args) >= 2 && args[0] == iface.ip.Text && args[1] == iface.port.Text {
			return c, protocolsIn([]*bwcli.Command{c}), true
		}
		for _, t := range c.Tables {
			ipc, pc := columnLike(t, "interface ip", "ip address", "address"), columnLike(t, "port")
			if ipc < 0 || pc < 0 {
				continue
			}
			var protos []listedProtocol
			found := false
			for _, r := range t.Rows {
				if r.Cell(ipc).Text != iface.ip.Text || r.Cell(pc).Text != iface.port.Text {
					continue
				}
				found = true
				protos = append(protos, protocolsInCells(r.Cells)...)
			}
			if found {
				return c, protos, true
			}
		}
	}
	return nil, nil, false
}

// protocolsIn collects the protocol names the commands list, in table
// cells or in attribute values ("TLSv1.2, TLSv1.3").
func protocolsIn(cmds []*bwcli.Command) []listedProtocol {
	var out []listedProtocol
	for _, c := range cmds {
		for _, t := range c.Tables {
			for _, r := range t.Rows {
				out = append(out, protocolsInCells(r.Cells)...)
			}
		}
		for _, kv := range c.Attrs {
			out = append(out, protocolsInText(kv.Value)...)
		}
	}
	return out
}

func protocolsInCells(cells []source.Value) []listedProtocol {
	var out []listedProtocol
	for _, cell := range cells {
		out = append(out, protocolsInText(cell)...)
	}
	return out
}

// protocolsInText finds the protocol names in a value, each with its own
// range.
func protocolsInText(v source.Value) []listedProtocol {
	var out []listedProtocol
	i := 0
	for _, word := range strings.FieldsFunc(v.Text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' || r == '\t' }) {
		at := strings.Index(v.Text[i:], word) + i
		i = at + len(word)
		if name, rank, ok := tlsVersion(word); ok {
			out = append(out, listedProtocol{name: name, text: word, rank: rank, at: subRange(v, at, at+len(word))})
		}
	}
	return out
}

func judgeProtocols(p *lint.Pass, h *inputs.Host, cmd *bwcli.Command, protos []listedProtocol, where, ctx, keyPrefix, args string, opts *tlsProtocolsOptions, reported map[string]bool) {
	// typed is a command of the Protocols context, with the interface's
	// address and port when it is an interface's.
	typed := func(verb, protocol string) string {
		return strings.Join(strings.Fields(verb+" "+args+" "+protocol), " ")
	}
	var names []string
	for _, pr := range protos {
		if !slices.Contains(names, pr.name) {
			names = append(names, pr.name)
		}
	}
	allows := "none"
	if len(names) > 0 {
		allows = strings.Join(names, ", ")
	}
	once := func(key string) bool {
		if reported[key] {
			return false
		}
		reported[key] = true
		return true
	}
	for _, r := range opts.Required {
		want, _, _ := tlsVersion(r)
		key := keyPrefix + ", " + want
		if slices.Contains(names, want) || !once(key) {
			continue
		}
		p.Report(lint.Finding{
			Host:     h.Name,
			Message:  fmt.Sprintf("%s does not allow %s (it allows %s): Webex and the Webex app connect with %s", where, want, allows, want),
			Location: cmd.Input.Range(),
			Logical:  lint.Logical{Context: ctx, Key: key},
			Expected: want,
			Actual:   strings.Join(names, "\n"),
			Fix:      []lint.FixStep{{Context: ctx, Command: typed("add", want)}, {Context: ctx, Command: typed("get", "")}},
		})
	}
	oldest, oldRank, ok := tlsVersion(opts.Oldest)
	if !ok {
		return
	}
	for _, pr := range protos {
		key := keyPrefix + ", " + pr.name
		if pr.rank >= oldRank || !once(key) {
			continue
		}
		p.Report(lint.Finding{
			Host:     h.Name,
			Severity: lint.Warning,
			Message:  fmt.Sprintf("%s also allows %s, older than %s (it allows %s)", where, pr.name, oldest, allows),
			Location: pr.at,
			Logical:  lint.Logical{Context: ctx, Key: key},
			Expected: "no protocol older than " + oldest,
			Actual:   pr.name,
			Fix: []lint.FixStep{
				{Comment: "once no client " + h.Name + " serves needs " + pr.name + ":"},
				{Context: ctx, Command: typed("delete", pr.text)},
				{Context: ctx, Command: typed("get", "")},
			},
		})
	}
}
