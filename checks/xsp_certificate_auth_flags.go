package checks

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

const certificateAuthContext = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"

// The evidence xsp_certificate_auth_flags reads.
var (
	certAuthGet = lint.CLI(inputs.RoleXSP, certificateAuthContext, "get", "hosts/<host>/certificate-auth.txt").
			Reading("the attributes the `expect` option names, allowUserApp and allowClientApp by default")
	certShowVer = lint.Shell(inputs.RoleXSP, "bwshowver", "hosts/<host>/bwshowver.txt").
			Reading("whether the host runs the authentication service (its application list); a host without it is taken to").
			AsOptional()
)

type certificateAuthOptions struct {
	Expect map[string]bool `hcl:"expect,optional" doc:"attribute → required boolean value in the CertificateAuthentication context"`
}

var xspCertificateAuthFlags = &lint.Check{
	Name:  "xsp_certificate_auth_flags",
	Title: "XSP certificate authentication allows client apps and not user apps",
	Doc: `On every XSP and ADP, the external-authentication context
` + "`System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication`" + `
must show ` + "`allowUserApp = false`" + ` and ` + "`allowClientApp = true`" + `.

The Webex for Cisco BroadWorks troubleshooting guide lists this under
"Misconfiguration of authentication service": when external authentication
by certificates is not configured this way, the Webex app signs in but shows
Phone Services without an SSO session, because its client certificate is not
accepted. One finding per host names every wrong attribute; an attribute
missing from the capture counts as wrong.`,
	Fix: `On each XSP or ADP named in a finding, set the flags and check them:

` + "```" + `
XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> set allowUserApp false
XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> set allowClientApp true
XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get
` + "```" + `

Use ADP_CLI instead of XSP_CLI on ADP servers.`,
	Severity: lint.Error,
	Applies: `Every XSP and ADP host that runs the authentication service. A host whose bwshowver lists
its applications without the authentication service (and that holds no other sign of it, such as a
digest of its keys) does not, and is not evaluated; a host without that list is taken to run it.`,
	Evidence:         []lint.Evidence{certAuthGet, certShowVer},
	Tags:             []string{"xsp", "security", "authentication"},
	SecuritySeverity: "7.5",
	Options: func() any {
		return &certificateAuthOptions{Expect: map[string]bool{"allowUserApp": false, "allowClientApp": true}}
	},
	Run: runCertificateAuthFlags,
}

func runCertificateAuthFlags(p *lint.Pass) error {
	opts := lint.OptionsOf[certificateAuthOptions](p)
	keys := make([]string, 0, len(opts.Expect))
	for k := range opts.Expect {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	xsps := p.HostsWithRole(inputs.RoleXSP)
	if len(xsps) == 0 {
		p.NotEvaluated("", "no XSP or ADP host in the snapshot (hosts/<host>/ with XSP_CLI or ADP_CLI captures)")
		return nil
	}
	for _, h := range xsps {
		server := lint.ServerOf(h, inputs.RoleXSP)
		cmds := h.Read(certificateAuthContext)
		if len(cmds) == 0 {
			if runs, apps := runsAuthService(h, defaultKeysFile); !runs {
				p.NotEvaluated(h.Name, "%s", notRunningAuthService(h, apps))
				continue
			}
			p.Gap(h.Name, certAuthGet, "%s", notCaptured(h, server, certificateAuthContext))
			continue
		}
		last := cmds[len(cmds)-1]
		var wrong []string
		var want, got []string
		var sets []string // the set commands the wrong flags need
		var at hcl.Range
		var related []lint.Related
		for _, key := range keys {
			expected := strconv.FormatBool(opts.Expect[key])
			want = append(want, key+" = "+expected)
			kv, _, ok := h.Attr(certificateAuthContext, key)
			if !ok {
				wrong = append(wrong, fmt.Sprintf("%s is missing (must be %s)", key, expected))
				got = append(got, key+" is not set")
				sets = append(sets, "set "+key+" "+expected)
				if at.Filename == "" {
					at = last.Input.Range()
				}
				continue
			}
			got = append(got, key+" = "+kv.Value.Text)
			if b, isBool := source.Bool(kv.Value.Text); isBool && b == opts.Expect[key] {
				continue
			}
			wrong = append(wrong, fmt.Sprintf("%s is %q, must be %s", key, kv.Value.Text, expected))
			sets = append(sets, "set "+key+" "+expected)
			if at.Filename == "" {
				at = kv.Value.Range()
			} else {
				related = append(related, lint.Related{Location: kv.Value.Range(), Message: key + " is " + strconv.Quote(kv.Value.Text)})
			}
		}
		if len(wrong) == 0 {
			continue
		}
		ctx := cliContext(last, server, certificateAuthContext)
		// Only the flags the capture shows wrong are set: the fix never
		// repeats a setting that is right already.
		var fix []lint.FixStep
		for _, cmd := range append(sets, "get") {
			fix = append(fix, lint.FixStep{Context: ctx, Command: cmd})
		}
		p.Report(lint.Finding{
			Host:     h.Name,
			Message:  "certificate authentication on " + h.Name + ": " + strings.Join(wrong, "; "),
			Location: at,
			// The finding is about the host's certificate-authentication
			// settings as a whole, so its identity has no key: which flags
			// are wrong is its value, and a second flag going wrong
			// changes a known finding rather than opening another.
			Logical:  lint.Logical{Context: ctx},
			Expected: strings.Join(want, "\n"),
			Actual:   strings.Join(got, "\n"),
			Related:  related,
			Fix:      fix,
		})
	}
	return nil
}
