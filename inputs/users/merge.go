package users

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
)

// Conflict is a field two captures of one user give differently. Merge
// keeps the first and returns the pair, so that the caller can report the
// disagreement with both locations.
type Conflict struct {
	UserID string
	// Field is the field's name as in the CSV header, such as
	// "emailAddress".
	Field string
	Kept  source.Value
	Other source.Value
}

// Merge joins the records of each user, in the order given: records whose
// user ids are equal without regard to case become one user. A field
// comes from the first record that has it; services and devices are the
// union of all records'. The result keeps the order in which users first
// appear; the records passed in are not modified.
func Merge(records []*User) ([]*User, []Conflict) {
	var out []*User
	var conflicts []Conflict
	byID := make(map[string]*User, len(records))
	for _, r := range records {
		key := strings.ToLower(r.UserID.Text)
		m := byID[key]
		if m == nil {
			c := *r
			c.AlternateUserIDs = append([]source.Value(nil), r.AlternateUserIDs...)
			c.Services = append([]source.Value(nil), r.Services...)
			c.Devices = append([]Device(nil), r.Devices...)
			byID[key] = &c
			out = append(out, &c)
			continue
		}
		for _, f := range m.fields(r) {
			switch {
			case !f.kept.Present():
				*f.kept = f.other
			case f.other.Present() && f.other.Text != f.kept.Text:
				conflicts = append(conflicts, Conflict{UserID: m.UserID.Text, Field: f.name, Kept: *f.kept, Other: f.other})
			}
		}
		if m.Range.Filename == "" {
			m.Range = r.Range
		}
		m.AlternateUserIDs = appendNew(m.AlternateUserIDs, r.AlternateUserIDs)
		m.Services = appendNew(m.Services, r.Services)
		for _, d := range r.Devices {
			if !m.hasDevice(d) {
				m.Devices = append(m.Devices, d)
			}
		}
	}
	return out, conflicts
}

type fieldPair struct {
	name  string
	kept  *source.Value
	other source.Value
}

// fields pairs the scalar fields of u with those of r.
func (u *User) fields(r *User) []fieldPair {
	return []fieldPair{
		{"firstName", &u.FirstName, r.FirstName},
		{"lastName", &u.LastName, r.LastName},
		{"phoneNumber", &u.PhoneNumber, r.PhoneNumber},
		{"countryCode", &u.CountryCode, r.CountryCode},
		{"extension", &u.Extension, r.Extension},
		{"emailAddress", &u.EmailAddress, r.EmailAddress},
		{"groupId", &u.GroupID, r.GroupID},
		{"serviceProviderId", &u.ServiceProviderID, r.ServiceProviderID},
		{"impId", &u.IMPID, r.IMPID},
	}
}

// hasDevice reports whether u already lists d: the same device, line and
// kind of appearance. A record that knows the device's type fills in one
// that did not.
func (u *User) hasDevice(d Device) bool {
	for i := range u.Devices {
		m := &u.Devices[i]
		if m.Shared == d.Shared && m.Name.Text == d.Name.Text && sameName(m.Level.Text, d.Level.Text) && m.LinePort.Text == d.LinePort.Text {
			if !m.Type.Present() {
				m.Type = d.Type
			}
			return true
		}
	}
	return false
}

// appendNew appends the values of add whose text dst lacks, compared
// without regard to case or spacing.
func appendNew(dst, add []source.Value) []source.Value {
	if len(add) == 0 {
		return dst
	}
	have := make(map[string]bool, len(dst)+len(add))
	for _, d := range dst {
		have[foldName(d.Text)] = true
	}
	for _, v := range add {
		if k := foldName(v.Text); !have[k] {
			have[k] = true
			dst = append(dst, v)
		}
	}
	return dst
}
