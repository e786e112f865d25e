package users

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// ServiceIntegratedIMP is the BroadWorks service that provisions a user to
// Webex, as OCI-P spells it.
const ServiceIntegratedIMP = "Integrated IMP"

// User is one BroadWorks subscriber.
type User struct {
	// UserID is the user's primary user id, such as
	// "alice@example.com".
	UserID    source.Value
	FirstName source.Value
	LastName  source.Value
	// PhoneNumber is the primary number (DN) as captured; OCI-P gives the
	// national number and CountryCode apart.
	PhoneNumber source.Value
	// CountryCode is the country calling code; OCI-P only.
	CountryCode source.Value
	// Extension is the user's extension; OCI-P only.
	Extension    source.Value
	EmailAddress source.Value
	GroupID      source.Value
	// ServiceProviderID is the service provider or enterprise.
	ServiceProviderID source.Value
	// IMPID is the Integrated IM&P id; OCI-P only.
	IMPID source.Value
	// AlternateUserIDs are the user's alternate ids; OCI-P only.
	AlternateUserIDs []source.Value
	// Services are the names of the services assigned to the user.
	Services []source.Value
	// Devices are the user's primary endpoint and shared call appearances.
	Devices []Device
	// Range covers the record the user was first read from: a CSV row or
	// an OCI-P response.
	Range hcl.Range
}

// Device is an access device a user has a line on.
type Device struct {
	// Level is where the device is defined: "System", "Service Provider"
	// or "Group".
	Level source.Value
	Name  source.Value
	// Type is the device type, such as "Business Communicator - PC"; zero
	// until a capture names it (see AttachDeviceTypes).
	Type source.Value
	// LinePort is the user's line/port on the device.
	LinePort source.Value
	// Shared marks a shared call appearance rather than the user's primary
	// endpoint.
	Shared bool
}

// HasService reports whether the service named name is assigned to the
// user, comparing names without regard to case or spacing.
func (u *User) HasService(name string) bool {
	for _, s := range u.Services {
		if sameName(s.Text, name) {
			return true
		}
	}
	return false
}

// AccessDevice is an access device as a device list or a device's detail
// shows it: where it is defined, its name and its type. It lets
// AttachDeviceTypes name the types of the devices a user's record lists by
// name only.
type AccessDevice struct {
	// Level is "System", "Service Provider" or "Group".
	Level             string
	ServiceProviderID source.Value
	GroupID           source.Value
	Name              source.Value
	Type              source.Value
}

// AttachDeviceTypes fills in Device.Type for devices whose type no capture
// of the user gave, from the access devices captured: a group device is
// looked up in the user's group, a service-provider device in the user's
// service provider, a system device by name alone. Users are modified in
// place.
func AttachDeviceTypes(us []*User, devices []AccessDevice) {
	byKey := make(map[string]source.Value, len(devices))
	for _, d := range devices {
		if d.Type.Text == "" {
			continue
		}
		k := deviceKey(d.Level, d.ServiceProviderID.Text, d.GroupID.Text, d.Name.Text)
		if _, seen := byKey[k]; !seen {
			byKey[k] = d.Type
		}
	}
	for _, u := range us {
		for i := range u.Devices {
			d := &u.Devices[i]
			if d.Type.Present() {
				continue
			}
			if t, ok := byKey[deviceKey(d.Level.Text, u.ServiceProviderID.Text, u.GroupID.Text, d.Name.Text)]; ok {
				d.Type = t
			}
		}
	}
}

// deviceKey identifies a device: its name is unique within the group,
// service provider or system that defines it.
func deviceKey(level, sp, group, name string) string {
	switch strings.ToLower(strings.Join(strings.Fields(level), " ")) {
	case "group":
		return "g\x00" + strings.ToLower(sp) + "\x00" + strings.ToLower(group) + "\x00" + name
	case "service provider":
		return "s\x00" + strings.ToLower(sp) + "\x00" + name
	}
	return "y\x00" + name
}

// sameName compares two names without regard to case or white space:
// "Integrated IMP", "integrated imp" and "IntegratedIMP" are one service,
// "User Id" and "userId" one column.
func sameName(a, b string) bool {
	return foldName(a) == foldName(b)
}

func foldName(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.ToLower(strings.Join(strings.Fields(s), ""))
		}
		if c >= 'A' && c <= 'Z' || isSpace(c) {
			simple = false
		}
	}
	if simple {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isSpace(c):
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
