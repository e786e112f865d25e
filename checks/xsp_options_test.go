package checks

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/linttest"
)

// summary lists what a run found, one line per finding and gap.
func summary(res *lint.Result) string {
	var lines []string
	for _, f := range res.Findings {
		lines = append(lines, f.Host+" "+f.Logical.Key+": "+f.Message)
	}
	for _, g := range res.Gaps {
		lines = append(lines, "gap "+g.Host+" "+g.Evidence.Text)
	}
	return strings.Join(lines, "\n")
}

// TestXSPCheckOptions runs the XSP checks with options other than their
// defaults, on the cases their golden files cover with the defaults, and
// checks that each option changes what a user would see.
func TestXSPCheckOptions(t *testing.T) {
	tests := []struct {
		name      string
		check     *lint.Check
		testCase  string
		opts      any
		want      []string // substrings the findings must show
		notWanted []string // and must not
	}{
		{
			name: "a minimum of 720 hours accepts the deployment chapter's example", check: xspTokenDuration, testCase: "example",
			opts: &tokenDurationOptions{MinHours: 720, Issuer: "BroadWorks"}, notWanted: []string{"tokenDurationInHours"},
		},
		{
			name: "another issuer", check: xspTokenDuration, testCase: "good",
			opts: &tokenDurationOptions{MinHours: 1440, Issuer: "ExampleSP"}, want: []string{`tokenIssuer on xsp1 is "BroadWorks", must be "ExampleSP"`},
		},
		{
			name: "an expected application name is required of every host", check: xspXsiEventsAppName, testCase: "good",
			opts: &xsiEventsAppNameOptions{Expected: "webex-events"}, want: []string{`callControlApplicationName on xsp1 is "com.broadsoft.xsi-events", must be "webex-events"`, "on xsp2"},
		},
		{
			name: "oldest empty reports no older protocol", check: xspTLSProtocols, testCase: "example",
			opts: &tlsProtocolsOptions{Required: []string{"TLSv1.2"}}, notWanted: []string{"TLSv1.1"},
		},
		{
			name: "TLSv1.3 required", check: xspTLSProtocols, testCase: "example",
			opts: &tlsProtocolsOptions{Required: []string{"tlsv1.3"}, Oldest: "TLSv1.2"}, want: []string{"HTTP interface 10.20.1.32:443 of xsp2 does not allow TLSv1.3 (it allows TLSv1.1, TLSv1.2)"},
		},
		{
			name: "another scope and a private Webex domain", check: xspIdentityProvider, testCase: "good",
			opts: &identityProviderOptions{Scopes: []string{"spark:people_read"}, Domains: []string{"webex.com"}},
			want: []string{"scope spark:people_read is not listed for the Cisco identity provider on xsp1", "whose host broadworks-idp-proxy-a.wbx2.com is in none of the Webex domains webex.com"},
		},
		{
			name: "aliases pinned", check: xspWebexClientCATrusted, testCase: "good",
			opts: &webexClientCAOptions{Issuers: []string{"Internal Private Root"}, Aliases: []string{"webexclientroot2023", "webexclient2024"}},
			want: []string{`do not trust a Webex client CA under the alias "webexclient2024"`}, notWanted: []string{`alias "webexclientroot2023"`},
		},
		{
			name: "another service path", check: xspAuthserviceURL, testCase: "good",
			opts: &authServiceURLOptions{ServicePath: "/auth", InternalSuffixes: []string{".local"}}, want: []string{`its path "/authService" does not end with /auth,`},
		},
		{
			name: "an internal suffix", check: xspAuthserviceURL, testCase: "good",
			opts: &authServiceURLOptions{ServicePath: "/authService", InternalSuffixes: []string{".example.net"}}, want: []string{"its host xsp.example.net is under .example.net"},
		},
		{
			name: "ignored keys are not compared", check: xspFarmDrift, testCase: "example",
			opts:      &farmDriftOptions{Contexts: []string{tokenManagementContext, certificateAuthContext}, IgnoreKeys: []string{"ALLOWUSERAPP"}},
			want:      []string{"tokenDurationInHours"},
			notWanted: []string{"allowUserApp"},
		},
		{
			name: "a context of the policy's choosing, and its gap", check: xspFarmDrift, testCase: "example",
			opts: &farmDriftOptions{Contexts: []string{"/Interface/Http/HttpServer/"}},
			want: []string{"gap xsp1 get", "gap xsp2 get", "gap xsp3 get"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(runWith(t, tc.check, tc.opts, tc.check.Name, tc.testCase))
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("the run does not say %q; it says:\n%s", w, got)
				}
			}
			for _, w := range tc.notWanted {
				if strings.Contains(got, w) {
					t.Errorf("the run says %q; it should not:\n%s", w, got)
				}
			}
		})
	}
}

// TestXSPCheckOptionsValidate checks that unusable option values are
// rejected at the option that holds them.
func TestXSPCheckOptionsValidate(t *testing.T) {
	tests := []struct {
		opts   lint.OptionsValidator
		option string
	}{
		{&tokenDurationOptions{MinHours: 0, Issuer: "BroadWorks"}, "min_hours"},
		{&tokenDurationOptions{MinHours: 1440, Issuer: " "}, "issuer"},
		{&authServiceURLOptions{ServicePath: "authService"}, "service_path"},
		{&authServiceURLOptions{ServicePath: "/"}, "service_path"},
		{&authServiceURLOptions{ServicePath: "/authService", InternalSuffixes: []string{"local"}}, "internal_suffixes"},
		{&identityProviderOptions{Domains: []string{"webex.com"}}, "scopes"},
		{&identityProviderOptions{Scopes: []string{"broadworks-connector:user"}, Domains: []string{".webex.com"}}, "webex_domains"},
		{&identityProviderOptions{Scopes: []string{"broadworks-connector:user"}}, "webex_domains"},
		{&webexClientCAOptions{}, "issuers"},
		{&webexClientCAOptions{Issuers: []string{"Internal Private Root"}, Aliases: []string{""}}, "aliases"},
		{&tlsProtocolsOptions{Required: []string{"TLS1.2"}}, "required"},
		{&tlsProtocolsOptions{Required: []string{"TLSv1.2"}, Oldest: "TLSv2"}, "oldest"},
		{&tlsProtocolsOptions{}, "required"},
		{&farmDriftOptions{}, "contexts"},
		{&farmDriftOptions{Contexts: []string{"XSP_CLI/Applications/Xsi-Events/GeneralSettings"}}, "contexts"},
		{&farmDriftOptions{Contexts: []string{"Applications/Xsi-Events/GeneralSettings", "applications/xsi-events/generalsettings/"}}, "contexts"},
		{&farmDriftOptions{Contexts: []string{"Applications/Xsi-Events> get"}}, "contexts"},
	}
	for _, tc := range tests {
		err := tc.opts.Validate()
		var oe *lint.OptionError
		if !errors.As(err, &oe) || oe.Option != tc.option {
			t.Errorf("%#v: Validate() = %v, want an error about %s", tc.opts, err, tc.option)
		}
	}
}

// TestFarmDriftNeverShowsSecrets plants clear-text secrets that differ
// between hosts in a compared context and checks that no finding, and no
// line of the text report, shows them, while the difference is still
// reported.
func TestFarmDriftNeverShowsSecrets(t *testing.T) {
	secrets := []string{"Zq7-first-secret-Ab", "Wx4-other-secret-Cd", "rT-9f8e7d6c5b4a"}
	res := runWith(t, xspFarmDrift, xspFarmDrift.Options(), xspFarmDrift.Name, "secret")
	if len(res.Findings) == 0 {
		t.Fatal("the drifting secret is not reported")
	}
	for _, f := range res.Findings {
		fields := []string{f.Message, f.Expected, f.Actual, f.Value, f.Logical.Context, f.Logical.Key}
		for _, r := range f.Related {
			fields = append(fields, r.Message)
		}
		for _, s := range secrets {
			for _, field := range fields {
				if strings.Contains(field, s) {
					t.Errorf("finding on %s shows the secret %q: %q", f.Host, s, field)
				}
			}
		}
		if !strings.Contains(f.Message, "clientSecret differs") {
			t.Errorf("finding on %s does not name the secret that differs: %s", f.Host, f.Message)
		}
	}
	report := linttest.Report(t, xspFarmDrift, filepath.Join("testdata", xspFarmDrift.Name, "secret"))
	for _, s := range secrets {
		if strings.Contains(report, s) {
			t.Errorf("the text report shows the secret %q:\n%s", s, report)
		}
	}
}
