package checks

import (
	"strconv"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/google/go-cmp/cmp"
)

// fixCase is a bad test case and the steps one of its findings must
// carry: the values of the finding filled in, each command at the
// context it is typed in.
type fixCase struct {
	check string
	dir   string // under testdata/<check>/
	// host and key pick the finding (Host and Logical.Key); a key
	// ending in "*" matches the keys it starts.
	host, key string
	in        string // when set, the end of the finding's context
	opts      any    // the check's options; nil for its defaults
	want      []lint.FixStep
}

// fixCases are the findings whose fix the checks fill in, one or more per
// check and kind of finding.
var fixCases = []fixCase{
	{check: "xsp_token_duration", dir: "example", host: "xsp2", key: "tokenDurationInHours", want: []lint.FixStep{
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "set tokenDurationInHours 1440"},
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "get"},
		{Comment: "tokens already issued keep the lifetime they were issued with"},
	}},
	{check: "xsp_token_duration", dir: "issuer", host: "xsp2", key: "tokenIssuer", want: []lint.FixStep{
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "set tokenIssuer BroadWorks"},
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "get"},
	}},
	{check: "xsp_token_duration", dir: "missing_keys", host: "xsp1", key: "tokenIssuer", want: []lint.FixStep{
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "set tokenIssuer BroadWorks"},
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "get"},
	}},
	{check: "xsp_authservice_url", dir: "farm_differs", host: "xsp3", key: "url (cluster bw-cluster-1)", want: []lint.FixStep{
		{Context: authServiceCtx, Command: "set url http://127.0.0.1:80/authService"},
		{Context: authServiceCtx, Command: "get"},
		{Context: containerCtx, Command: "delete tomcat bw.authservice.authServiceUrl"},
		{Context: containerCtx, Command: "add tomcat bw.authservice.authServiceUrl http://127.0.0.1:80/authService"},
		{Context: containerCtx, Command: "get"},
		{Comment: "restart BroadWorks on xsp3 (restartbw at the shell, in a maintenance window) for the web container to read the option"},
	}},
	// xsp1's container option holds the URL already: it is not added again.
	{check: "xsp_authservice_url", dir: "url_bad", host: "xsp1", key: "url", want: []lint.FixStep{
		{Context: authServiceCtx, Command: "set url http://127.0.0.1:80/authService"},
		{Context: authServiceCtx, Command: "get"},
	}},
	{check: "xsp_authservice_url", dir: "example", host: "xsp2", key: "tomcat bw.authservice.authServiceUrl", want: []lint.FixStep{
		{Context: containerCtx, Command: "delete tomcat bw.authservice.authServiceUrl"},
		{Context: containerCtx, Command: "add tomcat bw.authservice.authServiceUrl http://127.0.0.1:80/authService"},
		{Context: containerCtx, Command: "get"},
		{Comment: "restart BroadWorks on xsp2 (restartbw at the shell, in a maintenance window) for the web container to read the option"},
	}},
	{check: "xsp_authservice_url", dir: "example", key: "authServiceUrl", want: []lint.FixStep{
		{Comment: "in Partner Hub (Settings, BroadWorks Calling), set the authentication service URL of cluster bw-cluster-1 to https://xsp.example.net/authService, the name its Xsi URLs use; then copy the cluster into partnerhub/clusters/bw-cluster-1.json again"},
	}},
	{check: "xsp_identity_provider", dir: "disabled", host: "xsp1", key: "enabled", want: []lint.FixStep{
		{Context: ciscoIDPCtx, Command: "set enabled true"},
		{Context: ciscoIDPCtx, Command: "get"},
	}},
	{check: "xsp_identity_provider", dir: "bad_urls", host: "xsp1", key: "issuerUrl", want: []lint.FixStep{
		{Context: ciscoIDPCtx, Command: "set issuerUrl https://idbroker.webex.com/idb"},
		{Context: ciscoIDPCtx, Command: "get"},
	}},
	// A URL outside the Webex domains has no known correction.
	{check: "xsp_identity_provider", dir: "bad_urls", host: "xsp1", key: "tokenInfoUrl"},
	{check: "xsp_identity_provider", dir: "farm_region", host: "xsp3", key: "tokenInfoUrl (cluster us1)", want: []lint.FixStep{
		{Context: ciscoIDPCtx, Command: "set tokenInfoUrl https://broadworks-idp-proxy-a.wbx2.com/broadworks-idp-proxy/api/v1/idp/authenticate"},
		{Context: ciscoIDPCtx, Command: "get"},
	}},
	{check: "xsp_identity_provider", dir: "scope_missing", host: "xsp1", key: "scope=broadworks-connector:user", want: []lint.FixStep{
		{Context: ciscoIDPCtx + "/Scopes", Command: "set scope broadworks-connector:user"},
		{Context: ciscoIDPCtx + "/Scopes", Command: "get"},
	}},
	{check: "xsp_xsi_events_app_name", dir: "example", host: "xsp3", key: "callControlApplicationName*", want: xsiNameFix("xsp3", "com.broadsoft.xsi-events")},
	// A host without a name takes the one the other hosts use.
	{check: "xsp_xsi_events_app_name", dir: "missing_beside_peers", host: "xsp3", key: "callControlApplicationName", want: xsiNameFix("xsp3", "com.broadsoft.xsi-events")},
	{check: "xsp_xsi_events_app_name", dir: "missing_beside_peers", host: "xsp4", key: "callControlApplicationName", want: xsiNameFix("xsp4", "com.broadsoft.xsi-events")},
	// With no other host named, the name is not known.
	{check: "xsp_xsi_events_app_name", dir: "missing", host: "xsp1", key: "callControlApplicationName"},
	{check: "xsp_xsi_events_app_name", dir: "missing", host: "xsp2", key: "callControlApplicationName", opts: &xsiEventsAppNameOptions{Expected: "com.example.events"},
		want: xsiNameFix("xsp2", "com.example.events")},
	{check: "xsp_xsi_events_app_name", dir: "example", host: "xsp1", key: "callControlApplicationName", opts: &xsiEventsAppNameOptions{Expected: "com.example.events"},
		want: xsiNameFix("xsp1", "com.example.events")},
}

// xsiNameFix is the fix of an Xsi-Events host whose name is not name.
func xsiNameFix(host, name string) []lint.FixStep {
	const ctx = "XSP_CLI/Applications/Xsi-Events/GeneralSettings"
	return []lint.FixStep{
		{Context: ctx, Command: "set callControlApplicationName " + name},
		{Context: ctx, Command: "get"},
		{Comment: "changing the name affects the subscriptions " + host + " holds: make the change in a maintenance window"},
	}
}

// The contexts of the fixes above, as the test cases' prompts name them.
const (
	authServiceCtx = "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService"
	containerCtx   = "XSP_CLI/Maintenance/ContainerOptions"
	messagingCtx   = "AS_CLI/Interface/Messaging"
	certAuthCtx    = "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
	ciscoIDPCtx    = "XSP_CLI/Applications/AuthenticationService/IdentityProviders/Cisco"
	protocolsCtx   = "XSP_CLI/Interface/Http/HttpServer/SSLSettings/Protocols"
	ctiTrustsCtx   = "XSP_CLI/Interface/CTI/SSLCommonSettings/ClientAuthentication/Trusts"
)

// TestFindingsCarryTheirFix holds each finding of fixCases to its steps.
func TestFindingsCarryTheirFix(t *testing.T) {
	for _, c := range fixCases {
		t.Run(c.check+"/"+c.dir+"/"+c.host+"/"+c.key, func(t *testing.T) {
			res := runWith(t, byName(t, c.check), c.opts, c.check, c.dir)
			var keys []string
			for _, f := range res.Findings {
				if f.Host == c.host && keyMatches(c.key, f.Logical.Key) && strings.HasSuffix(f.Logical.Context, c.in) {
					if diff := cmp.Diff(c.want, f.Fix); diff != "" {
						t.Errorf("fix of %q (-want +got):\n%s", f.Message, diff)
					}
					return
				}
				keys = append(keys, f.Host+" "+f.Logical.Key)
			}
			t.Fatalf("no finding on %q with key %q; the findings are %q", c.host, c.key, keys)
		})
	}
}

func keyMatches(pattern, key string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(key, prefix)
	}
	return key == pattern
}

// TestFixNeverRepeatsTheCapture runs every check on every test case and
// holds each "set" a fix types on a host to the capture of that host: it
// never sets an attribute to the value the capture already shows, and
// its context is one the host prints, so that the cd of the pasted block
// goes where the finding is.
func TestFixNeverRepeatsTheCapture(t *testing.T) {
	for _, c := range All() {
		for _, dir := range caseDirs(t, c) {
			snap, err := inputs.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			res := runCase(t, c, dir)
			for _, f := range res.Findings {
				h := snap.Host(f.Host)
				for _, s := range f.Fix {
					if s.Command != "" && s.Context != "" && s.Server() == "" {
						t.Errorf("%s: %s: step %q is typed at %q, which names no CLI", dir, f.Message, s.Command, s.Context)
					}
					key, value, ok := setCommand(s.Command)
					if !ok || h == nil {
						continue
					}
					if kv, _, shown := h.Attr(strings.TrimPrefix(s.CLIPath(), "/"), key); shown && strings.TrimSpace(kv.Value.Text) == value {
						t.Errorf("%s: %s: the fix types %q, which %s already shows (%s)", dir, f.Message, s.Command, f.Host, kv.Value.Range)
					}
				}
			}
		}
	}
}

// setCommand reads "set KEY VALUE", the value unquoted as the CLI reads
// it; a set of a table row ("set "Business Communicator - PC" …") is not
// one.
func setCommand(cmd string) (key, value string, ok bool) {
	rest, ok := strings.CutPrefix(cmd, "set ")
	if !ok || strings.HasPrefix(rest, `"`) {
		return "", "", false
	}
	key, value, ok = strings.Cut(rest, " ")
	if strings.HasPrefix(value, `"`) {
		if v, err := strconv.Unquote(value); err == nil {
			value = v
		}
	}
	return key, value, ok
}

// TestSBCAddressIn holds the address a wrong %SBC_ADDRESS_WXT% value
// holds after all to the values an operator types.
func TestSBCAddressIn(t *testing.T) {
	for v, want := range map[string]string{
		" sbc.example.net ":                       "sbc.example.net",
		"sip:sbc.example.net":                     "sbc.example.net",
		"SIPS:sbc.example.net:5061;transport=tls": "sbc.example.net:5061",
		"sip:alice@sbc.example.net":               "sbc.example.net",
		"https://sbc.example.net:8443/register":   "sbc.example.net:8443",
		"https://user:s3cret@sbc.example.net/":    "", // never a URL's credentials
		"sip:127.0.0.1":                           "", // no client reaches it
		"TBD":                                     "",
		"sbc.example.net":                         "", // nothing to correct
		"sip:":                                    "",
		"http://[2001:db8::5]:5061/":              "[2001:db8::5]:5061",
		"sip:sbc_1.example.net":                   "",
	} {
		if got := sbcAddressIn(v); got != want {
			t.Errorf("sbcAddressIn(%q) = %q, want %q", v, got, want)
		}
	}
}
