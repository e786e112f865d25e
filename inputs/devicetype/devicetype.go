package devicetype

import (
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// DeviceType is one SIP device type as a capture shows it: a row of the
// device-type list, the detail of one type, or both.
type DeviceType struct {
	// Path is the file the device type was read from.
	Path string
	// Name is the device type's name. For a detail response, which does
	// not repeat it, the name comes from the request or the file name.
	Name source.Value
	// Profile is the signalling address type, such as "Intelligent Proxy
	// Addressing".
	Profile source.Value
	// Obsolete is "true" or "false"; see IsObsolete.
	Obsolete source.Value
	// ResellerID is the reseller a reseller-level type belongs to; zero
	// for system-level types.
	ResellerID source.Value
	// Range covers what the device type was read from: its list row, or
	// the detail response.
	Range hcl.Range
	// Detail is nil when only the list was captured.
	Detail *Detail
}

// Detail holds the attributes of one device type that checks read.
type Detail struct {
	// Range covers the detail as captured.
	Range hcl.Range

	// Ports is the number of ports as written; zero when UnlimitedPorts.
	Ports source.Value
	// UnlimitedPorts is "true" when the type allows any number of ports.
	UnlimitedPorts source.Value

	SupportRemotePartyInfo source.Value
	RegistrationCapable    source.Value
	// DeviceAccessProtocol is how devices fetch their files: "http",
	// "https", "tftp".
	DeviceAccessProtocol source.Value
	DeviceAccessURI      source.Value
	// DeviceAccessContext is the CLI's deviceAccessContextName.
	DeviceAccessContext   source.Value
	DefaultDeviceEncoding source.Value
	// TagMode is "None", "System" or "System And Custom"; TagSet names
	// the tag set the type's files use.
	TagMode source.Value
	TagSet  source.Value

	// Attrs holds every attribute read, under the name the channel gave
	// it (for OCI-P the element's name, nested ones included), in capture
	// order.
	Attrs []Attr
}

// Attr is one attribute of a device type's detail.
type Attr struct {
	// Key is the attribute's name as written: the CLI's key, or the OCI-P
	// element's name.
	Key source.Value
	// Path is Key for the CLI; for OCI-P it is the path of element names
	// below the response, such as
	// "cpeDeviceOptions/deviceManagementDeviceTypeOptions/tagMode".
	Path  string
	Value source.Value
	// Secret marks a credential, whose value is never shown.
	Secret bool
}

// Attr returns the first attribute whose path or key is key, compared
// case-insensitively: "tagMode" and
// "cpeDeviceOptions/deviceManagementDeviceTypeOptions/tagMode" both find
// the OCI-P tag mode.
func (d *Detail) Attr(key string) (source.Value, bool) {
	for _, a := range d.Attrs {
		if strings.EqualFold(a.Path, key) || strings.EqualFold(a.Key.Text, key) {
			return a.Value, true
		}
	}
	return source.Value{}, false
}

// IsObsolete reads Obsolete; ok is false when it holds no boolean.
func (t *DeviceType) IsObsolete() (obsolete, ok bool) {
	return source.Bool(t.Obsolete.Text)
}

// PortCount reads the number of ports. unlimited reports a type without
// a limit; ok is false when the capture holds neither an unlimited flag
// nor a positive number.
func (d *Detail) PortCount() (n int, unlimited, ok bool) {
	if u, isBool := source.Bool(d.UnlimitedPorts.Text); isBool && u {
		return 0, true, true
	}
	if strings.EqualFold(strings.TrimSpace(d.Ports.Text), "unlimited") {
		return 0, true, true
	}
	n, err := strconv.Atoi(strings.TrimSpace(d.Ports.Text))
	if err != nil || n <= 0 {
		return 0, false, false
	}
	return n, false, true
}

// Merge combines captures of the same device types, in the order given:
// a list row and a detail of one name become one DeviceType holding both.
// When two captures give a field, the first one kept wins; telling
// captures that disagree apart is for the caller, which knows the
// channels. The result keeps the order in which names first appear; the
// inputs are not modified.
func Merge(types []*DeviceType) []*DeviceType {
	var out []*DeviceType
	byName := make(map[string]*DeviceType, len(types))
	for _, t := range types {
		m := byName[t.Name.Text]
		if m == nil {
			c := *t
			byName[t.Name.Text] = &c
			out = append(out, &c)
			continue
		}
		fill(&m.Profile, t.Profile)
		fill(&m.Obsolete, t.Obsolete)
		fill(&m.ResellerID, t.ResellerID)
		if m.Detail == nil {
			m.Detail = t.Detail
		}
	}
	return out
}

func fill(dst *source.Value, v source.Value) {
	if !dst.Present() {
		*dst = v
	}
}
