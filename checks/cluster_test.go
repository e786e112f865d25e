package checks

import "testing"

func TestHostPort(t *testing.T) {
	for _, tt := range []struct {
		in         string
		host, port string
		ip, ok     bool
	}{
		{"sbc.example.net", "sbc.example.net", "", false, true},
		{"sbc.example.net.", "sbc.example.net.", "", false, true},
		{"sbc.example.net:5075", "sbc.example.net", "5075", false, true},
		{"192.0.2.10", "192.0.2.10", "", true, true},
		{"192.0.2.10:5061", "192.0.2.10", "5061", true, true},
		{"[2001:db8::10]:5075", "2001:db8::10", "5075", true, true},
		{"[2001:db8::10]", "2001:db8::10", "", true, true},
		{"2001:db8::10", "2001:db8::10", "", true, true},
		{"sbc.example.net:0", "", "", false, false},
		{"sbc.example.net:65536", "", "", false, false},
		{"sbc.example.net:05075", "", "", false, false},
		{"[192.0.2.10]:5075", "", "", false, false},
		{"[2001:db8::10]5075", "", "", false, false},
		{"192.0.2.300", "192.0.2.300", "", false, false},
		{"sbc_1.example.net", "sbc_1.example.net", "", false, false},
		{"-sbc.example.net", "-sbc.example.net", "", false, false},
		{"sbc..example.net", "sbc..example.net", "", false, false},
		{"", "", "", false, false},
	} {
		host, port, ip, ok := hostPort(tt.in)
		if ok != tt.ok || ok && (host != tt.host || port != tt.port || ip != tt.ip) {
			t.Errorf("hostPort(%q) = %q, %q, ip %v, ok %v; want %q, %q, ip %v, ok %v", tt.in, host, port, ip, ok, tt.host, tt.port, tt.ip, tt.ok)
		}
	}
}

func TestWildcardMatch(t *testing.T) {
	for _, tt := range []struct {
		pattern, s string
		want       bool
	}{
		{"broadworks-provisioning-bridge-*.wbx2.com", "broadworks-provisioning-bridge-a.wbx2.com", true},
		{"broadworks-provisioning-bridge-*.wbx2.com", "BROADWORKS-PROVISIONING-BRIDGE-K.WBX2.COM", true},
		{"broadworks-provisioning-bridge-*.wbx2.com", "broadworks-provisioning-bridge-a.wbx2.com.evil.net", false},
		{"<*>", "<SBC address>", true},
		{"<*>", "sbc", false},
		{"TBD", "tbd", true},
		{"TBD", "TBD2", false},
		{"*a*b*", "xaybz", true},
		{"*a*b*", "xbya", false},
	} {
		if got := wildcardMatch(tt.pattern, tt.s); got != tt.want {
			t.Errorf("wildcardMatch(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}
