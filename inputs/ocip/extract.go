package ocip

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/devicetype"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/users"
)

// The responses read into the typed model, by base name. Every name, and
// every element and column heading read below, is as the OCI-P schema
// (R25) defines it — checked against the schema files a public OCI-P
// client carries (github.com/nigelm/broadworks_ocip, ocip_schema/*.xsd):
// OCISchemaSystem.xsd, OCISchemaServiceProvider.xsd, OCISchemaGroup.xsd,
// OCISchemaUser.xsd, OCISchemaDataTypes.xsd,
// Services/OCISchemaServiceIntegratedIMP.xsd,
// Services/OCISchemaServiceSharedCallAppearance.xsd and the deprecated
// variants in OCISchemaDeprecated*.xsd. Any version of a response is read
// (…Response, …Response22, …Response23V13, …ResponseRI): later versions
// add elements, and absent ones stay unset.
func (r *reader) extract() {
	x := &extraction{reader: r, aliases: map[string]source.Value{}}
	for _, c := range r.f.Commands {
		if c.Name.Kind != KindResponse || c.Name.IsError() {
			continue
		}
		if read, ok := extractors[c.Name.Base]; ok {
			read(x, c)
		}
	}
	x.finish()
}

// extraction is the state of one file's typed extraction.
type extraction struct {
	*reader
	// records are pieces of users in file order, joined by finish.
	records []*users.User
	// aliases maps the lower-cased user id a UserGet request asked for to
	// the primary user id the response gave, when they differ.
	aliases map[string]source.Value
}

var extractors = map[string]func(*extraction, *Command){
	"SystemDeviceManagementTagGetList":            (*extraction).systemTags,
	"ServiceProviderDeviceTypeCustomTagGetList":   (*extraction).customTags,
	"GroupDeviceTypeCustomTagGetList":             (*extraction).customTags,
	"GroupAccessDeviceCustomTagGetList":           (*extraction).customTags,
	"ServiceProviderAccessDeviceCustomTagGetList": (*extraction).customTags,
	"SystemAccessDeviceCustomTagGetList":          (*extraction).customTags,
	"UserAccessDeviceTagsGet":                     (*extraction).customTags,
	"SystemSIPDeviceTypeGetList":                  (*extraction).deviceTypeList,
	"SystemSIPDeviceTypeGet":                      (*extraction).deviceTypeDetail,
	"SystemSoftwareVersionGet":                    (*extraction).release,
	"UserGet":                                     (*extraction).user,
	"UserServiceGetAssignmentList":                (*extraction).userServices,
	"UserSharedCallAppearanceGet":                 (*extraction).sharedCallAppearances,
	"GroupAccessDeviceGetList":                    (*extraction).groupDevices,
	"GroupAccessDeviceGetUserList":                (*extraction).deviceUsers,
	"GroupAccessDeviceGet":                        (*extraction).accessDevice,
	"ServiceProviderAccessDeviceGet":              (*extraction).accessDevice,
	"SystemAccessDeviceGet":                       (*extraction).accessDevice,
	"SystemBroadCloudGet":                         (*extraction).integratedIMP,
	"ResellerIntegratedIMPGet":                    (*extraction).integratedIMP,
	"ServiceProviderIntegratedIMPGet":             (*extraction).integratedIMP,
	"GroupIntegratedIMPGet":                       (*extraction).integratedIMP,
}

// requestField returns a field of the request c answers; zero when the
// file does not show the request.
func requestField(c *Command, path ...string) source.Value {
	if c.Request == nil {
		return source.Value{}
	}
	return c.Request.Field(path...)
}

// lacksRequest warns that c cannot be tied to what it describes, and
// reports whether that is so.
func (x *extraction) lacksRequest(c *Command, what string) bool {
	if c.Request != nil {
		return false
	}
	x.warnf(c.Type().Range(), "%s answers a request this file does not hold, so %s is unknown; capture the request with its response, as an OCI-P client's log does", c.Name.Full, what)
	return true
}

// table reads a table of c that must have the given headings; false, with
// a problem, when it is missing or lacks one.
func (x *extraction) table(c *Command, name string, headings ...string) (*tableNodes, bool) {
	e, ok := c.Element().Child(name)
	if !ok {
		x.errorf(c.Type().Range(), "%s has no <%s>; it is not read", c.Name.Full, name)
		return nil, false
	}
	t, ok := e.tableNodes()
	if !ok {
		x.errorf(startTagRange(e), "<%s> of %s is not an OCI-P table (colHeading elements, then rows of col elements); it is not read", e.QName(), c.Name.Full)
		return nil, false
	}
	var missing []string
	for _, h := range headings {
		if t.column(h) < 0 {
			missing = append(missing, fmt.Sprintf("%q", h))
		}
	}
	if len(missing) > 0 {
		x.errorf(startTagRange(e), "<%s> of %s lacks the %s %s; it is not read", e.QName(), c.Name.Full,
			plural(len(missing), "column", "columns"), strings.Join(missing, ", "))
		return nil, false
	}
	return t, true
}

// rows returns the rows of t that have one cell per heading, reporting the
// others.
func (x *extraction) rows(t *tableNodes) []int32 {
	var out []int32
	for i, r := range t.rows {
		n := t.width(r)
		if n == len(t.headings) {
			if out != nil {
				out = append(out, r)
			}
			continue
		}
		if out == nil {
			out = append(make([]int32, 0, len(t.rows)), t.rows[:i]...)
		}
		x.errorf(t.rowRange(r), "row of <%s> has %d cells for %d headings; it is not read", t.e.Name(), n, len(t.headings))
	}
	if out == nil {
		return t.rows // every row fits, the usual case
	}
	return out
}

// checkBool warns about a true/false cell or field that holds something
// else; what names it in the message.
func (x *extraction) checkBool(v source.Value, what string) {
	if v.Present() {
		if _, ok := source.Bool(v.Text); !ok {
			x.warnf(v.Range(), "%s is %q; want \"true\" or \"false\"", what, v.Text)
		}
	}
}

func (x *extraction) release(c *Command) {
	rel := Release{Version: c.Field("version"), ReleaseAnchor: c.Field("releaseAnchor"), Command: c}
	if rel.Version.Text == "" {
		x.errorf(c.Type().Range(), "%s has no <version>; it is not read", c.Name.Full)
		return
	}
	x.f.Releases = append(x.f.Releases, rel)
	c.Contribution = "release " + rel.Version.Text
}

func (x *extraction) deviceTypeList(c *Command) {
	t, ok := x.table(c, "deviceTypeTable", "Device Type")
	if !ok {
		return
	}
	name, profile, obsolete, reseller := t.column("Device Type"), t.column("Profile"), t.column("Is Obsolete"), t.column("Reseller Id")
	n := 0
	for _, row := range x.rows(t) {
		dt := &devicetype.DeviceType{
			Path:       x.f.Path,
			Name:       t.cell(row, name),
			Profile:    t.cell(row, profile),
			Obsolete:   t.cell(row, obsolete),
			ResellerID: t.cell(row, reseller),
			Range:      t.rowRange(row),
		}
		if dt.Name.Text == "" {
			x.errorf(dt.Range, "row of <%s> has an empty Device Type; it is not read", t.e.Name())
			continue
		}
		x.checkBool(dt.Obsolete, fmt.Sprintf("Is Obsolete of device type %q", dt.Name.Text))
		x.f.DeviceTypes = append(x.f.DeviceTypes, dt)
		n++
	}
	c.Contribution = fmt.Sprintf("%d %s", n, plural(n, "device type", "device types"))
}

func (x *extraction) deviceTypeDetail(c *Command) {
	name := requestField(c, "deviceType")
	if !name.Present() {
		if x.opts.Name == "" {
			x.lacksRequest(c, "the device type it describes")
			return
		}
		// The response does not repeat the name: it comes from the
		// file's name, without a position.
		name = source.Value{Text: x.opts.Name, Loc: x.f.loc.WholeFile()}
	}
	d := &devicetype.Detail{
		Range:                  c.Range(),
		Ports:                  c.Field("numberOfPorts", "quantity"),
		UnlimitedPorts:         c.Field("numberOfPorts", "unlimited"),
		SupportRemotePartyInfo: c.Field("supportRemotePartyInfo"),
		RegistrationCapable:    c.Field("registrationCapable"),
	}
	if opts, ok := c.Element().Find("cpeDeviceOptions", "deviceManagementDeviceTypeOptions"); ok {
		field := func(name string) source.Value {
			if e, ok := opts.Child(name); ok {
				return e.Value()
			}
			return source.Value{}
		}
		d.DeviceAccessProtocol = field("deviceAccessProtocol")
		d.DeviceAccessURI = field("deviceAccessURI")
		d.DeviceAccessContext = field("deviceAccessContext")
		d.DefaultDeviceEncoding = field("defaultDeviceEncoding")
		d.TagMode = field("tagMode")
		d.TagSet = field("tagSet")
	}
	x.leafAttrs(c.Element(), "", d)
	x.checkBool(d.SupportRemotePartyInfo, fmt.Sprintf("supportRemotePartyInfo of device type %q", name.Text))
	dt := &devicetype.DeviceType{
		Path:       x.f.Path,
		Name:       name,
		Profile:    c.Field("profile"),
		Obsolete:   c.Field("isObsolete"),
		ResellerID: c.Field("resellerId"),
		Range:      c.Range(),
		Detail:     d,
	}
	x.f.DeviceTypes = append(x.f.DeviceTypes, dt)
	c.Contribution = fmt.Sprintf("device type %q", name.Text)
}

// leafAttrs adds every leaf element below e to d.Attrs, keyed by its path.
func (x *extraction) leafAttrs(e Element, prefix string, d *devicetype.Detail) {
	for _, c := range e.Children() {
		key := prefix + c.Name()
		if !c.IsLeaf() {
			x.leafAttrs(c, key+"/", d)
			continue
		}
		d.Attrs = append(d.Attrs, devicetype.Attr{
			Key:    nameValue(c),
			Path:   key,
			Value:  c.Value(),
			Secret: c.Secret(),
		})
	}
}

func (x *extraction) integratedIMP(c *Command) {
	imp := &IntegratedIMP{
		ProvisioningURL:    c.Field("provisioningUrl"),
		ProvisioningUserID: c.Field("provisioningUserId"),
		ServiceDomain:      c.Field("serviceDomain"),
		Command:            c,
	}
	switch c.Name.Base {
	case "SystemBroadCloudGet":
		imp.Level = "system"
		imp.EnableSynchronization = c.Field("enableSynchronization")
	case "ResellerIntegratedIMPGet":
		imp.Level = "reseller"
		imp.ResellerID = requestField(c, "resellerId")
		imp.UseParent = c.Field("useSystemMessagingServer")
		x.lacksRequest(c, "the reseller")
	case "ServiceProviderIntegratedIMPGet":
		imp.Level = "service provider"
		imp.ServiceProviderID = requestField(c, "serviceProviderId")
		imp.UseParent = c.Field("useSystemMessagingServer")
		x.lacksRequest(c, "the service provider or enterprise")
	case "GroupIntegratedIMPGet":
		imp.Level = "group"
		imp.ServiceProviderID = requestField(c, "serviceProviderId")
		imp.GroupID = requestField(c, "groupId")
		imp.UseParent = c.Field("useServiceProviderMessagingServer")
		x.lacksRequest(c, "the group")
	}
	x.f.IMP = append(x.f.IMP, imp)
	c.Contribution = "Integrated IM&P of the " + imp.Level
	if owner := imp.owner(); owner != "" {
		c.Contribution += " " + owner
	}
}

// owner names the level's owner for messages, "" when unknown.
func (imp *IntegratedIMP) owner() string {
	switch {
	case imp.GroupID.Text != "":
		return fmt.Sprintf("%q of %q", imp.GroupID.Text, imp.ServiceProviderID.Text)
	case imp.ServiceProviderID.Text != "":
		return fmt.Sprintf("%q", imp.ServiceProviderID.Text)
	case imp.ResellerID.Text != "":
		return fmt.Sprintf("%q", imp.ResellerID.Text)
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
