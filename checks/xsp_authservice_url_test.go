package checks

import (
	"net"
	"testing"
)

// TestIsIPAddressAgreesWithNetParseIP: the check tells an address from a
// name as package net does, on the hosts a URL can carry.
func TestIsIPAddressAgreesWithNetParseIP(t *testing.T) {
	for _, host := range []string{
		"192.0.2.10", "0.0.0.0", "255.255.255.255", "192.0.2", "192.0.2.256", "192.000.2.1", "01.2.3.4",
		"2001:db8::1", "::", "::1", "::ffff:192.0.2.1", "fe80::1%eth0", "fe80::1%25eth0", "2001:db8::g",
		"xsp.example.com", "localhost", "", " 192.0.2.10", "[2001:db8::1]", "1e100.net",
	} {
		if got, want := isIPAddress(host), net.ParseIP(host) != nil; got != want {
			t.Errorf("isIPAddress(%q) = %v, net.ParseIP says %v", host, got, want)
		}
	}
}
