package ocip

import (
	"fmt"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
)

// The table headings of tag lists (OCI-P table annotations).
const (
	headTagName     = "Tag Name"
	headTagValue    = "Tag Value"
	headOverridable = "Is Overridable"
	headEncrypted   = "Is Encrypted"
	headActual      = "Actual Tag Value"
)

// systemTags reads a SystemDeviceManagementTagGetListResponse: a tag set,
// named by its request's tagSetName, the system default tag set when the
// request says systemDefaultTagSet, else by Options.Name: a lone response
// in system-default.xml is the system default tag set.
func (x *extraction) systemTags(c *Command) {
	set := &tagset.TagSet{Path: x.f.Path}
	isDefault := false
	if c.Request != nil {
		_, isDefault = c.Request.Element().Child("systemDefaultTagSet")
	}
	switch name := requestField(c, "tagSetName"); {
	case name.Present():
		set.Name = name.Text
	case isDefault, c.Request == nil && tagset.IsSystemDefaultName(x.opts.Name):
		set.Scope.SystemDefault = true
	case x.opts.Name != "":
		set.Name = x.opts.Name
	default:
		x.lacksRequest(c, "the tag set it lists")
		return
	}
	if !x.tags(c, "tagsTable", set, true) {
		return
	}
	what := fmt.Sprintf("tag set %q", set.Name)
	if set.Scope.SystemDefault {
		what = "the system default tag set"
	}
	c.Contribution = fmt.Sprintf("%s (%d %s)", what, len(set.Tags), plural(len(set.Tags), "tag", "tags"))
}

// customTags reads the custom tags of a device type or a device, and the
// resolved tags of a user's device; the request says whose they are.
func (x *extraction) customTags(c *Command) {
	set := &tagset.TagSet{Path: x.f.Path}
	sc := &set.Scope
	sc.ServiceProviderID = requestField(c, "serviceProviderId")
	sc.GroupID = requestField(c, "groupId")
	var table, owner string
	switch c.Name.Base {
	case "ServiceProviderDeviceTypeCustomTagGetList":
		table, sc.Kind, owner = "serviceProviderDeviceTypeCustomTagsTable", tagset.ScopeDeviceType, "device type"
	case "GroupDeviceTypeCustomTagGetList":
		table, sc.Kind, owner = "groupDeviceTypeCustomTagsTable", tagset.ScopeDeviceType, "device type"
	case "UserAccessDeviceTagsGet":
		table, sc.Kind, owner = "deviceTagsTable", tagset.ScopeUserDevice, "user's device"
		sc.UserID = requestField(c, "userId")
		sc.DeviceName = requestField(c, "accessDevice", "deviceName")
	default: // the AccessDeviceCustomTagGetList of system, service provider and group
		table, sc.Kind, owner = "deviceCustomTagsTable", tagset.ScopeDevice, "device"
	}
	switch sc.Kind {
	case tagset.ScopeDeviceType:
		sc.DeviceType = requestField(c, "deviceType")
	case tagset.ScopeDevice:
		sc.DeviceName = requestField(c, "deviceName")
	}
	// Without the request the tags are kept, for what they say, but
	// cannot be applied to a device.
	x.lacksRequest(c, "the "+owner+" the tags belong to")
	if !x.tags(c, table, set, false) {
		return
	}
	whose := owner
	switch {
	case sc.DeviceType.Text != "":
		whose += fmt.Sprintf(" %q", sc.DeviceType.Text)
	case sc.DeviceName.Text != "":
		whose += fmt.Sprintf(" %q", sc.DeviceName.Text)
	}
	if sc.GroupID.Text != "" {
		whose += fmt.Sprintf(" in group %q", sc.GroupID.Text)
	} else if sc.ServiceProviderID.Text != "" {
		whose += fmt.Sprintf(" of %q", sc.ServiceProviderID.Text)
	}
	c.Contribution = fmt.Sprintf("tags of the %s (%d %s)", whose, len(set.Tags), plural(len(set.Tags), "tag", "tags"))
}

// tags reads the tag table of c into set and adds set to the file; false
// when the table cannot be read. No message quotes a tag's value, which
// may be secret.
func (x *extraction) tags(c *Command, table string, set *tagset.TagSet, overridable bool) bool {
	need := []string{headTagName, headTagValue}
	if overridable {
		need = append(need, headOverridable)
	}
	t, ok := x.table(c, table, need...)
	if !ok {
		return false
	}
	set.Header = t.headings
	name, value := t.column(headTagName), t.column(headTagValue)
	over, enc, actual := t.column(headOverridable), t.column(headEncrypted), t.column(headActual)
	first := map[string]int{}
	for _, row := range x.rows(t) {
		tag := tagset.Tag{
			Name:        t.cell(row, name),
			Value:       t.cell(row, value),
			Overridable: t.cell(row, over),
			Encrypted:   t.cell(row, enc),
			Actual:      t.cell(row, actual),
			Range:       t.rowRange(row),
		}
		if tag.Secret() {
			x.f.Secrets = append(x.f.Secrets, tag.Value.Range())
			if tag.Actual.Present() {
				x.f.Secrets = append(x.f.Secrets, tag.Actual.Range())
			}
		}
		if tag.Name.Text == "" {
			x.errorf(tag.Range, "row of <%s> has an empty Tag Name; it is not read", t.e.Name())
			continue
		}
		x.checkBool(tag.Overridable, fmt.Sprintf("Is Overridable of tag %q", tag.Name.Text))
		if tag.Encrypted.Present() {
			if _, ok := source.Bool(tag.Encrypted.Text); !ok {
				x.warnf(tag.Encrypted.Range(), "Is Encrypted of tag %q is %q; want \"true\" or \"false\"; the value is treated as secret", tag.Name.Text, tag.Encrypted.Text)
			}
		}
		if line, seen := first[tag.Name.Text]; seen {
			x.errorf(tag.Name.Range(), "tag %q is listed twice; first at line %d", tag.Name.Text, line)
			continue
		}
		first[tag.Name.Text] = tag.Name.Range().Start.Line
		set.Tags = append(set.Tags, tag)
	}
	x.f.TagSets = append(x.f.TagSets, set)
	return true
}
