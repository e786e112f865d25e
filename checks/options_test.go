package checks

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
)

// TestOptionsRejected checks that each check's options refuse the values
// it cannot work with, naming the attribute at fault.
func TestOptionsRejected(t *testing.T) {
	for _, tt := range []struct {
		check, option string
		set           func(o any)
	}{
		{"dm_tag_names_valid", "max_length", func(o any) { o.(*tagNamesOptions).MaxLength = 65 }},
		{"dm_tag_names_valid", "max_length", func(o any) { o.(*tagNamesOptions).MaxLength = 2 }},
		{"dm_tag_names_valid", "reserved_prefixes", func(o any) { o.(*tagNamesOptions).ReservedPrefixes = []string{"BW"} }},
		{"dm_sbc_address_wxt", "address_tag", func(o any) { o.(*sbcAddressOptions).AddressTag = "SBC_ADDRESS_WXT" }},
		{"dm_sbc_address_wxt", "port_tag", func(o any) { o.(*sbcAddressOptions).PortTag = "%SBC_PORT" }},
		{"dm_sbc_address_wxt", "webex_suffix", func(o any) { o.(*sbcAddressOptions).WebexSuffix = "_WXT" }},
		{"dm_sbc_address_wxt", "placeholders", func(o any) { o.(*sbcAddressOptions).Placeholders = []string{"TBD", ""} }},
		{"dm_call_settings_webview_tags", "url_tag", func(o any) { o.(*callSettingsOptions).URLTag = "" }},
		{"dm_call_settings_webview_tags", "target", func(o any) { o.(*callSettingsOptions).Target = " " }},
		{"dm_call_settings_webview_tags", "xsp_context_paths", func(o any) { o.(*callSettingsOptions).XSPContextPaths = []string{"callsettings"} }},
		{"dm_tag_conflicts", "ignore_tags", func(o any) { o.(*tagConflictOptions).IgnoreTags = []string{"SNTP_SERVER"} }},
		{"as_imp_url_is_fqdn", "bridge_hosts", func(o any) { o.(*impURLOptions).BridgeHosts = []string{""} }},
		{"as_webex_device_types", "desktop", func(o any) {
			w := o.(*webexDeviceTypesOptions)
			w.Desktop, w.Mobile, w.Tablet = "", "", ""
		}},
		{"as_webex_device_types", "device_access_uris", func(o any) {
			o.(*webexDeviceTypesOptions).AccessURIs = map[string]string{"Business Communicator - Mac": "bc/mac/"}
		}},
		{"as_webex_device_types", "device_access_contexts", func(o any) {
			o.(*webexDeviceTypesOptions).AccessContexts = map[string]string{"Business Communicator - PC": ""}
		}},
		{"as_webex_device_types", "min_desktop_ports", func(o any) { o.(*webexDeviceTypesOptions).MinDesktopPorts = 0 }},
		{"as_device_unique_sip_address", "device_types", func(o any) { o.(*uniqueSIPOptions).DeviceTypes = []string{" "} }},
	} {
		c := byName(t, tt.check)
		opts := c.Options()
		tt.set(opts)
		err := opts.(lint.OptionsValidator).Validate()
		var oe *lint.OptionError
		if !errors.As(err, &oe) || oe.Option != tt.option || oe.Msg == "" {
			t.Errorf("%s: Validate() = %v, want an error about %s", tt.check, err, tt.option)
		}
	}
}

// TestOptionsChangeWhatIsJudged runs checks with options other than their
// defaults on their own cases: each option must change the outcome.
func TestOptionsChangeWhatIsJudged(t *testing.T) {
	for _, tt := range []struct {
		check, snapshot string
		set             func(o any)
		want, notWant   string
	}{
		// An override meant by the operator is not reported.
		{"dm_tag_conflicts", "conflicts", func(o any) { o.(*tagConflictOptions).IgnoreTags = []string{"%SNTP_SERVER%"} },
			"%SBC_ADDRESS_WXT% is", "%SNTP_SERVER% is"},
		// Any fully qualified name is accepted when no bridge is listed.
		{"as_imp_url_is_fqdn", "not_fqdn", func(o any) { o.(*impURLOptions).BridgeHosts = []string{} },
			`targets "provbridge"`, "prov.example.com"},
		// A lower port minimum passes the desktop type with 4 ports.
		{"as_webex_device_types", "example", func(o any) { o.(*webexDeviceTypesOptions).MinDesktopPorts = 4 },
			"supportRemotePartyInfo", "ports"},
		// A placeholder of the site's own.
		{"dm_sbc_address_wxt", "good", func(o any) { o.(*sbcAddressOptions).Placeholders = []string{"*.example.net"} },
			`is "sbc.example.net", a placeholder`, "192.0.2.10"},
		// Only the types named are judged.
		{"as_device_unique_sip_address", "example", func(o any) { o.(*uniqueSIPOptions).DeviceTypes = []string{"Connect - Mobile"} },
			"Summary: 0 findings", "alice-laptop"},
		// Names may be longer where the site's own limit is lower.
		{"dm_tag_names_valid", "good", func(o any) { o.(*tagNamesOptions).MaxLength = 15 },
			`"%WEB_CALL_SETTINGS_TARGET_WXT%" in tag set "Webex" is 30 characters long, more than 15`, `"%SNTP_SERVER%"`},
	} {
		c := byName(t, tt.check)
		opts := c.Options()
		tt.set(opts)
		got := reportWith(t, c, "testdata/"+tt.check+"/"+tt.snapshot, opts)
		if !strings.Contains(got, tt.want) || strings.Contains(got, tt.notWant) {
			t.Errorf("%s on %s with %+v: want %q and not %q in:\n%s", tt.check, tt.snapshot, opts, tt.want, tt.notWant, got)
		}
	}
}

func byName(t *testing.T, name string) *lint.Check {
	t.Helper()
	for _, c := range All() {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no check %s", name)
	return nil
}

// reportWith lints a case with one check and the given options, and
// returns the findings' messages and the summary.
func reportWith(t *testing.T, c *lint.Check, dir string, opts any) string {
	t.Helper()
	res := lint.Run(context.Background(), loadSnapshot(t, dir), []*lint.Check{c}, lint.Settings{Options: map[string]any{c.Name: opts}})
	var b strings.Builder
	for _, f := range res.Findings {
		b.WriteString(f.Message + "\n")
	}
	for _, g := range res.Gaps {
		b.WriteString("gap: " + g.Reason + "\n")
	}
	if len(res.Findings) == 0 {
		b.WriteString("Summary: 0 findings\n")
	}
	return b.String()
}
