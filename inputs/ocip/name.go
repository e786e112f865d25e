package ocip

import "strings"

// Name is a command's type, the value of its xsi:type attribute, taken
// apart. OCI-P names a command <Base><Kind><Version>: the version is the
// release where that variant appeared ("14sp4", "22", "23V13"), or "RI",
// and is absent from the first variant, so that
// "SystemSIPDeviceTypeGetResponse23V13" has base
// "SystemSIPDeviceTypeGet", kind "Response" and version "23V13".
type Name struct {
	// Full is the name without any namespace prefix ("c:ErrorResponse"
	// becomes "ErrorResponse").
	Full string
	// Base is the name up to its kind; Full when Kind is empty.
	Base string
	// Kind is "Request" or "Response"; empty for a name that is neither.
	Kind string
	// Version is the variant suffix; empty for the first variant.
	Version string
}

// Kinds of command.
const (
	KindRequest  = "Request"
	KindResponse = "Response"
)

// ParseName takes a command type apart; a namespace prefix is dropped.
func ParseName(typ string) Name {
	full := localName(strings.TrimSpace(typ))
	n := Name{Full: full, Base: full}
	for _, kind := range []string{KindResponse, KindRequest} {
		i := strings.LastIndex(full, kind)
		if i <= 0 {
			continue
		}
		if version := full[i+len(kind):]; isVersion(version) {
			n.Base, n.Kind, n.Version = full[:i], kind, version
			return n
		}
	}
	return n
}

// isVersion reports whether s is a variant suffix: empty, "RI", or
// digits, optionally "sp" and digits, optionally "V" and digits.
func isVersion(s string) bool {
	if s == "" || s == "RI" {
		return true
	}
	i := digits(s, 0)
	if i == 0 {
		return false
	}
	if strings.HasPrefix(s[i:], "sp") {
		j := digits(s, i+2)
		if j == i+2 {
			return false
		}
		i = j
	}
	if strings.HasPrefix(s[i:], "V") {
		j := digits(s, i+1)
		if j == i+1 {
			return false
		}
		i = j
	}
	return i == len(s)
}

func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// Is reports whether the name is base's response (or request, per kind)
// in any version: Is("SystemSoftwareVersionGet", KindResponse) holds for
// SystemSoftwareVersionGetResponse and SystemSoftwareVersionGetResponseRI.
func (n Name) Is(base, kind string) bool { return n.Base == base && n.Kind == kind }

// IsError reports an ErrorResponse.
func (n Name) IsError() bool { return n.Full == "ErrorResponse" }

// answers reports whether a response named n can answer a request named
// req: its own response in any version, or an ErrorResponse or
// SuccessResponse.
func (n Name) answers(req Name) bool {
	if req.Kind != KindRequest || n.Kind != KindResponse {
		return false
	}
	return n.Base == req.Base || n.Full == "ErrorResponse" || n.Full == "SuccessResponse"
}
