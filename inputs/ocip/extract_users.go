package ocip

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/devicetype"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/users"
	"github.com/hashicorp/hcl/v2"
)

// user reads a UserGetResponse: the user's detail and primary endpoint.
func (x *extraction) user(c *Command) {
	u := &users.User{
		UserID:            c.Field("userId"),
		FirstName:         c.Field("firstName"),
		LastName:          c.Field("lastName"),
		PhoneNumber:       c.Field("phoneNumber"),
		CountryCode:       c.Field("countryCode"),
		Extension:         c.Field("extension"),
		EmailAddress:      c.Field("emailAddress"),
		GroupID:           c.Field("groupId"),
		ServiceProviderID: c.Field("serviceProviderId"),
		IMPID:             c.Field("impId"),
		Range:             c.Range(),
	}
	if u.UserID.Text == "" {
		x.errorf(c.Type().Range(), "%s has no <userId>; it is not read", c.Name.Full)
		return
	}
	for _, a := range c.Element().ChildrenNamed("alternateUserId") {
		// Since release 21 each entry holds its id and a description;
		// before, the element was the id.
		if id, ok := a.Child("alternateUserId"); ok {
			a = id
		}
		if v := a.Value(); v.Text != "" {
			u.AlternateUserIDs = append(u.AlternateUserIDs, v)
		}
	}
	if ep, ok := c.Element().Child("accessDeviceEndpoint"); ok {
		d := users.Device{
			Level:    fieldOf(ep, "accessDevice", "deviceLevel"),
			Name:     fieldOf(ep, "accessDevice", "deviceName"),
			LinePort: fieldOf(ep, "linePort"),
		}
		if d.Name.Text != "" {
			u.Devices = append(u.Devices, d)
		}
	}
	// "The userId returned in this response is the user's primary userId
	// and may not be the userId passed in the request."
	if asked := requestField(c, "userId"); asked.Text != "" && !strings.EqualFold(asked.Text, u.UserID.Text) {
		x.aliases[strings.ToLower(asked.Text)] = u.UserID
	}
	x.records = append(x.records, u)
	c.Contribution = fmt.Sprintf("user %q", u.UserID.Text)
}

// fieldOf returns the value of the leaf at path below e.
func fieldOf(e Element, path ...string) source.Value {
	if f, ok := e.Find(path...); ok {
		return f.Value()
	}
	return source.Value{}
}

// userOf starts the record of the user a user-level request names; nil,
// with a warning, when the file does not show the request.
func (x *extraction) userOf(c *Command) *users.User {
	if x.lacksRequest(c, "the user") {
		return nil
	}
	id := requestField(c, "userId")
	if id.Text == "" {
		x.warnf(c.Type().Range(), "the request %s answers names no userId, so the user is unknown; it is not read", c.Name.Full)
		return nil
	}
	return &users.User{UserID: id, Range: c.Range()}
}

// userServices reads the services assigned to a user.
func (x *extraction) userServices(c *Command) {
	u := x.userOf(c)
	if u == nil {
		return
	}
	t, ok := x.table(c, "userServicesAssignmentTable", "Service Name", "Assigned")
	if !ok {
		return
	}
	name, assigned := t.column("Service Name"), t.column("Assigned")
	for _, row := range x.rows(t) {
		a, service := t.cell(row, assigned), t.cell(row, name)
		yes, ok := source.Bool(a.Text)
		if !ok {
			x.checkBool(a, fmt.Sprintf("Assigned of service %q", service.Text))
		}
		if yes && service.Text != "" {
			u.Services = append(u.Services, service)
		}
	}
	x.records = append(x.records, u)
	c.Contribution = fmt.Sprintf("services of user %q (%d assigned)", u.UserID.Text, len(u.Services))
}

// sharedCallAppearances reads the devices a user has shared call
// appearances on, with their types.
func (x *extraction) sharedCallAppearances(c *Command) {
	u := x.userOf(c)
	if u == nil {
		return
	}
	t, ok := x.table(c, "endpointTable", "Device Name")
	if !ok {
		return
	}
	level, name, typ, port := t.column("Device Level"), t.column("Device Name"), t.column("Device Type"), t.column("Line/Port")
	for _, row := range x.rows(t) {
		d := users.Device{Level: t.cell(row, level), Name: t.cell(row, name), Type: t.cell(row, typ), LinePort: t.cell(row, port), Shared: true}
		if d.Name.Text != "" {
			u.Devices = append(u.Devices, d)
		}
	}
	x.records = append(x.records, u)
	c.Contribution = fmt.Sprintf("shared call appearances of user %q (%d)", u.UserID.Text, len(u.Devices))
}

// deviceUsers reads the users of one group device: each row is a user's
// line/port on it, as the primary endpoint or a shared call appearance
// ("Endpoint Type"). The device, its group and service provider are the
// request's.
func (x *extraction) deviceUsers(c *Command) {
	if x.lacksRequest(c, "the device") {
		return
	}
	sp, group, device := requestField(c, "serviceProviderId"), requestField(c, "groupId"), requestField(c, "deviceName")
	if device.Text == "" || group.Text == "" {
		x.warnf(c.Type().Range(), "the request %s answers names no device or group, so the device is unknown; it is not read", c.Name.Full)
		return
	}
	t, ok := x.table(c, "deviceUserTable", "Line/Port", "User Id")
	if !ok {
		return
	}
	port, id, kind := t.column("Line/Port"), t.column("User Id"), t.column("Endpoint Type")
	n := 0
	for _, row := range x.rows(t) {
		u := &users.User{UserID: t.cell(row, id), ServiceProviderID: sp, GroupID: group, Range: t.rowRange(row)}
		if u.UserID.Text == "" {
			continue
		}
		endpoint := t.cell(row, kind)
		u.Devices = []users.Device{{
			// The level is the request's, which names a group device; it
			// is written nowhere, so it has the file and no position.
			Level: source.Value{Text: "Group", Loc: source.LocOf(hcl.Range{Filename: x.f.Path})}, Name: device, LinePort: t.cell(row, port),
			Shared: endpoint.Present() && !strings.EqualFold(strings.TrimSpace(endpoint.Text), "Primary"),
		}}
		x.records = append(x.records, u)
		n++
	}
	c.Contribution = fmt.Sprintf("%d %s of device %q in group %q", n, plural(n, "user", "users"), device.Text, group.Text)
}

// groupDevices reads a group's access device list.
func (x *extraction) groupDevices(c *Command) {
	if x.lacksRequest(c, "the group") {
		return
	}
	sp, group := requestField(c, "serviceProviderId"), requestField(c, "groupId")
	if group.Text == "" {
		x.warnf(c.Type().Range(), "the request %s answers names its group by external id only, so the group is unknown; it is not read", c.Name.Full)
		return
	}
	t, ok := x.table(c, "accessDeviceTable", "Device Name", "Device Type")
	if !ok {
		return
	}
	name, typ := t.column("Device Name"), t.column("Device Type")
	n := 0
	for _, row := range x.rows(t) {
		device := t.cell(row, name)
		if device.Text == "" {
			continue
		}
		x.f.AccessDevices = append(x.f.AccessDevices, users.AccessDevice{
			Level: "Group", ServiceProviderID: sp, GroupID: group, Name: device, Type: t.cell(row, typ),
		})
		n++
	}
	c.Contribution = fmt.Sprintf("%d access %s of group %q", n, plural(n, "device", "devices"), group.Text)
}

// accessDevice reads the detail of one access device for its type.
func (x *extraction) accessDevice(c *Command) {
	if x.lacksRequest(c, "the device") {
		return
	}
	d := users.AccessDevice{
		ServiceProviderID: requestField(c, "serviceProviderId"),
		GroupID:           requestField(c, "groupId"),
		Name:              requestField(c, "deviceName"),
		Type:              c.Field("deviceType"),
	}
	switch c.Name.Base {
	case "GroupAccessDeviceGet":
		d.Level = "Group"
	case "ServiceProviderAccessDeviceGet":
		d.Level = "Service Provider"
	default:
		d.Level = "System"
	}
	if d.Name.Text == "" {
		x.warnf(c.Type().Range(), "the request %s answers names its device by external id only, so the device is unknown; it is not read", c.Name.Full)
		return
	}
	x.f.AccessDevices = append(x.f.AccessDevices, d)
	c.Contribution = fmt.Sprintf("access device %q (%s)", d.Name.Text, d.Type.Text)
}

// finish joins the pieces of each user, names their devices' types and
// joins device-type lists with details. Two captures of a user that
// disagree are reported without their values, which are personal data.
func (x *extraction) finish() {
	for _, u := range x.records {
		if primary, ok := x.aliases[strings.ToLower(u.UserID.Text)]; ok {
			u.UserID = primary
		}
	}
	merged, conflicts := users.Merge(x.records)
	for _, cf := range conflicts {
		x.warnf(cf.Other.Range(), "user %q has another %s here than at line %d; the first is used",
			cf.UserID, cf.Field, cf.Kept.Range().Start.Line)
	}
	users.AttachDeviceTypes(merged, x.f.AccessDevices)
	x.f.Users = merged
	x.f.DeviceTypes = devicetype.Merge(x.f.DeviceTypes)
}
