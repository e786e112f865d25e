package checks

import (
	"net"
	"net/url"
	"strings"
)

// The host of a URL, as the checks of provisioning URLs judge it. The
// troubleshooting guide (403 Forbidden) wants the provisioning URL's host
// to be the bridge's fully qualified name, never an IP address; the
// Solution Guide asks for "the fully qualified name for the
// provisioningURL parameter". as_imp_url_is_fqdn and pslog_provisioning
// both read hosts through these functions, so that they agree on what an
// IP address is.

// hostKind classifies the host of a URL.
type hostKind int

const (
	// hostNone: the URL has no host (empty, relative or unparsable).
	hostNone hostKind = iota
	// hostIP: an IPv4 or IPv6 address literal.
	hostIP
	// hostShort: a name without a dot, resolved through a search domain
	// or /etc/hosts at best.
	hostShort
	// hostFQDN: a name with at least one dot.
	hostFQDN
)

func (k hostKind) String() string {
	switch k {
	case hostIP:
		return "an IP address"
	case hostShort:
		return "a host name without a domain"
	case hostFQDN:
		return "a fully qualified host name"
	}
	return "no host"
}

// urlHost returns the host of a URL as written (without port, brackets or
// user information) and what kind of host it is. A URL written without a
// scheme ("10.0.0.1:8443/path", "bridge.example.com/api") is read as if it
// had one, since that is how the CLI's values are often typed.
func urlHost(raw string) (string, hostKind) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", hostNone
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		if !strings.Contains(raw, "://") {
			u, err = url.Parse("https://" + raw)
		}
		if err != nil || u == nil || u.Host == "" {
			return "", hostNone
		}
	}
	host := u.Hostname()
	return host, classifyHost(host)
}

// classifyHost says what kind of host name host (without port) is.
func classifyHost(host string) hostKind {
	h := strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	switch {
	case h == "":
		return hostNone
	case isIPLiteral(h):
		return hostIP
	case !strings.Contains(h, "."):
		return hostShort
	}
	return hostFQDN
}

// isIPLiteral reports whether host is an IP address: dotted IPv4, IPv6
// (with a zone or not), and the IPv4 forms resolvers accept besides the
// dotted quad ("10.1", a single number, hexadecimal parts), which are no
// more a host name than the quad is.
func isIPLiteral(host string) bool {
	if i := strings.IndexByte(host, '%'); i >= 0 {
		host = host[:i] // an IPv6 zone
	}
	if net.ParseIP(host) != nil {
		return true
	}
	parts := strings.Split(host, ".")
	if len(parts) > 4 {
		return false
	}
	for _, p := range parts {
		if !isNumericPart(p) {
			return false
		}
	}
	return true
}

// isNumericPart reports whether s is a decimal, octal or hexadecimal
// number as inet_aton reads a part of an IPv4 address.
func isNumericPart(s string) bool {
	if h, ok := strings.CutPrefix(strings.ToLower(s), "0x"); ok {
		return h != "" && strings.Trim(h, "0123456789abcdef") == ""
	}
	return s != "" && strings.Trim(s, "0123456789") == ""
}
