package report

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/devicetype"
	"github.com/bwlint/bwlint/inputs/ocip"
	"github.com/bwlint/bwlint/inputs/pslog"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/bwlint/bwlint/inputs/users"
	"github.com/bwlint/bwlint/inputs/wms"
)

// The channels' part of the parse view: what the OCI-P captures, user
// exports, Meetings Server files and PSLog excerpts gave, and the merged
// model's device types, users, Integrated IM&P settings and conflicts.
// The text and the JSON form show the same values, built once here.

type parseScope struct {
	Kind            string `json:"kind"`
	SystemDefault   bool   `json:"system_default"`
	ServiceProvider string `json:"service_provider"`
	Group           string `json:"group"`
	DeviceType      string `json:"device_type"`
	Device          string `json:"device"`
	User            string `json:"user"`
}

func scopeOf(ts *tagset.TagSet) parseScope {
	sc := ts.Scope
	kind := string(sc.Kind)
	if kind == "" {
		kind = "tag set"
	}
	return parseScope{Kind: kind, SystemDefault: sc.SystemDefault, ServiceProvider: sc.ServiceProviderID.Text, Group: sc.GroupID.Text,
		DeviceType: sc.DeviceType.Text, Device: sc.DeviceName.Text, User: sc.UserID.Text}
}

// title names a set of tags for people.
func (sc parseScope) title(name string) string {
	var s string
	switch {
	case sc.Kind == "tag set" && sc.SystemDefault:
		s = "system default tag set"
	case sc.Kind == "tag set":
		return "tag set " + name
	case sc.Kind == string(tagset.ScopeDeviceType):
		s = fmt.Sprintf("custom tags of device type %q", sc.DeviceType)
	case sc.Kind == string(tagset.ScopeUserDevice):
		s = fmt.Sprintf("tags of user %q's device %q", sc.User, sc.Device)
	default:
		s = fmt.Sprintf("custom tags of device %q", sc.Device)
	}
	if sc.Group != "" {
		s += fmt.Sprintf(" in group %q", sc.Group)
	}
	if sc.ServiceProvider != "" {
		s += fmt.Sprintf(" of %q", sc.ServiceProvider)
	}
	return s
}

type parseDeviceType struct {
	Name     parseValue    `json:"name"`
	Fields   []parseAttr   `json:"fields"`
	Detail   []parseAttr   `json:"detail"`
	Location *JSONLocation `json:"location"`
}

type parseDevice struct {
	Level    string `json:"level"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	LinePort string `json:"line_port"`
	Shared   bool   `json:"shared"`
}

type parseUser struct {
	UserID   parseValue    `json:"user_id"`
	Fields   []parseAttr   `json:"fields"`
	Services []string      `json:"services"`
	Devices  []parseDevice `json:"devices"`
	Location *JSONLocation `json:"location"`
}

type parseIMP struct {
	Level    string        `json:"level"`
	Owner    parseScope    `json:"owner"`
	Fields   []parseAttr   `json:"fields"`
	Location *JSONLocation `json:"location"`
}

type parseOCIPCommand struct {
	Name string `json:"name"`
	// Kind is "request", "response" or "" for a name that is neither.
	Kind string `json:"kind"`
	// Contribution says what the command gave the model; "" for one kept
	// only as read.
	Contribution string        `json:"contribution"`
	Location     *JSONLocation `json:"location"`
	// Fields are the leaf elements of a response kept only as read.
	Fields []parseAttr `json:"fields"`
}

type parseOCIPFile struct {
	Path      string             `json:"path"`
	Documents int                `json:"documents"`
	Commands  []parseOCIPCommand `json:"commands"`
}

type parseWMSUsers struct {
	Path      string   `json:"path"`
	Encoding  string   `json:"encoding"`
	BOM       bool     `json:"bom"`
	Delimiter string   `json:"delimiter"`
	Header    []string `json:"header"`
	Rows      int      `json:"rows"`
	// RowsMissingColumns and RowsWithExtraColumns count the rows with a
	// column too few or too many.
	RowsMissingColumns   int `json:"rows_missing_columns"`
	RowsWithExtraColumns int `json:"rows_with_extra_columns"`
}

type parseSSO struct {
	Path       string       `json:"path"`
	Form       string       `json:"form"`
	Assertions int          `json:"assertions"`
	NameIDs    []parseValue `json:"name_ids"`
	Attributes []string     `json:"attributes"`
}

type parseTrackingCode struct {
	Code   string   `json:"code"`
	Usage  string   `json:"usage"`
	Input  string   `json:"input"`
	Values []string `json:"values"`
}

type parseWMSSettings struct {
	Path                string              `json:"path"`
	AutoAccountCreation string              `json:"auto_account_creation"`
	AutoAccountUpdate   string              `json:"auto_account_update"`
	TrackingCodes       []parseTrackingCode `json:"tracking_codes"`
}

type parseWMS struct {
	Users    []parseWMSUsers   `json:"users"`
	SSO      []parseSSO        `json:"sso"`
	Settings *parseWMSSettings `json:"settings"`
}

type parseExchange struct {
	Method   string        `json:"method"`
	Target   string        `json:"target"`
	Status   string        `json:"status"`
	Message  string        `json:"message"`
	Pairing  string        `json:"pairing"`
	Location *JSONLocation `json:"location"`
}

type parsePSLog struct {
	Path          string          `json:"path"`
	Lines         int             `json:"lines"`
	ExchangeLines int             `json:"exchange_lines"`
	OtherLines    int             `json:"other_lines"`
	Exchanges     []parseExchange `json:"exchanges"`
}

type parseUserCSV struct {
	Path  string   `json:"path"`
	Users []string `json:"users"`
}

type parseConflictSide struct {
	Channel string     `json:"channel"`
	Value   parseValue `json:"value"`
	Absent  bool       `json:"absent"`
}

type parseConflict struct {
	Kind    string            `json:"kind"`
	Cluster string            `json:"cluster"`
	Host    string            `json:"host"`
	Item    string            `json:"item"`
	Field   string            `json:"field"`
	A       parseConflictSide `json:"a"`
	B       parseConflictSide `json:"b"`
}

// channelsView is the channels' part of the parse view.
type channelsView struct {
	DeviceTypes []parseDeviceType `json:"device_types"`
	Users       []parseUser       `json:"users"`
	IMP         []parseIMP        `json:"integrated_imp"`
	OCIP        []parseOCIPFile   `json:"ocip"`
	UserCSVs    []parseUserCSV    `json:"user_csvs"`
	WMS         parseWMS          `json:"wms"`
	PSLogs      []parsePSLog      `json:"pslogs"`
	Conflicts   []parseConflict   `json:"conflicts"`
}

// attrs makes the present values of pairs (name, value, name, value…)
// into attributes.
func (j parseValues) attrs(pairs ...any) []parseAttr {
	out := []parseAttr{}
	for i := 0; i+1 < len(pairs); i += 2 {
		v := pairs[i+1].(source.Value)
		if v.Present() {
			out = append(out, parseAttr{Key: pairs[i].(string), Value: j.pv(v)})
		}
	}
	return out
}

func (j parseValues) channels(s *inputs.Snapshot) channelsView {
	v := channelsView{DeviceTypes: []parseDeviceType{}, Users: []parseUser{}, IMP: []parseIMP{}, OCIP: []parseOCIPFile{}, UserCSVs: []parseUserCSV{},
		WMS: parseWMS{Users: []parseWMSUsers{}, SSO: []parseSSO{}}, PSLogs: []parsePSLog{}, Conflicts: []parseConflict{}}
	for _, dt := range s.DeviceTypes {
		v.DeviceTypes = append(v.DeviceTypes, j.deviceType(dt))
	}
	for _, u := range s.Users {
		v.Users = append(v.Users, j.user(u))
	}
	for _, imp := range s.IMP {
		v.IMP = append(v.IMP, parseIMP{
			Level:    imp.Level,
			Owner:    parseScope{Kind: imp.Level, ServiceProvider: imp.ServiceProviderID.Text, Group: imp.GroupID.Text},
			Fields:   j.attrs("resellerId", imp.ResellerID, "provisioningUrl", imp.ProvisioningURL, "provisioningUserId", imp.ProvisioningUserID, "useParent", imp.UseParent, "enableSynchronization", imp.EnableSynchronization, "serviceDomain", imp.ServiceDomain),
			Location: Location(imp.Command.Range()),
		})
	}
	for _, f := range s.Captured.OCIP {
		v.OCIP = append(v.OCIP, j.ocipFile(f))
	}
	for _, f := range s.Captured.UserCSVs {
		pu := parseUserCSV{Path: f.Path, Users: []string{}}
		for _, u := range f.Users {
			pu.Users = append(pu.Users, u.UserID.Text)
		}
		v.UserCSVs = append(v.UserCSVs, pu)
	}
	for _, f := range s.WMS.Users {
		v.WMS.Users = append(v.WMS.Users, wmsUsersView(f))
	}
	for _, m := range s.WMS.SSO {
		v.WMS.SSO = append(v.WMS.SSO, j.ssoView(m))
	}
	if st := s.WMS.Settings; st != nil {
		ps := &parseWMSSettings{Path: st.Path, AutoAccountCreation: st.AutoAccountCreation.Text, AutoAccountUpdate: st.AutoAccountUpdate.Text, TrackingCodes: []parseTrackingCode{}}
		for _, tc := range st.TrackingCodes {
			ptc := parseTrackingCode{Code: tc.Code.Text, Usage: tc.Usage.Text, Input: tc.Input.Text, Values: []string{}}
			for _, val := range tc.Values {
				ptc.Values = append(ptc.Values, j.src.Value(val))
			}
			ps.TrackingCodes = append(ps.TrackingCodes, ptc)
		}
		v.WMS.Settings = ps
	}
	for _, l := range s.PSLogs {
		v.PSLogs = append(v.PSLogs, j.pslogView(l))
	}
	for _, c := range s.Conflicts {
		side := func(sd inputs.ConflictSide) parseConflictSide {
			pv := j.pv(sd.Value)
			if c.Secret {
				pv.Text = source.Redacted
			}
			return parseConflictSide{Channel: sd.Channel, Value: pv, Absent: sd.Absent}
		}
		v.Conflicts = append(v.Conflicts, parseConflict{Kind: string(c.Kind), Cluster: c.Cluster, Host: c.Host, Item: c.Item, Field: c.Field, A: side(c.A), B: side(c.B)})
	}
	return v
}

func (j parseValues) deviceType(dt *devicetype.DeviceType) parseDeviceType {
	p := parseDeviceType{Name: j.pv(dt.Name), Fields: j.attrs("Profile", dt.Profile, "Is Obsolete", dt.Obsolete, "Reseller Id", dt.ResellerID), Location: Location(dt.Range)}
	if d := dt.Detail; d != nil {
		p.Detail = []parseAttr{}
		for _, a := range d.Attrs {
			pv := j.pv(a.Value)
			if a.Secret {
				pv.Text = source.Redacted
			}
			p.Detail = append(p.Detail, parseAttr{Key: a.Path, Value: pv})
		}
	}
	return p
}

func (j parseValues) user(u *users.User) parseUser {
	p := parseUser{
		UserID: j.pv(u.UserID),
		Fields: j.attrs("firstName", u.FirstName, "lastName", u.LastName, "phoneNumber", u.PhoneNumber, "countryCode", u.CountryCode,
			"extension", u.Extension, "emailAddress", u.EmailAddress, "groupId", u.GroupID, "serviceProviderId", u.ServiceProviderID, "impId", u.IMPID),
		Services: []string{}, Devices: []parseDevice{}, Location: Location(u.Range),
	}
	for _, sv := range u.Services {
		p.Services = append(p.Services, sv.Text)
	}
	for _, d := range u.Devices {
		p.Devices = append(p.Devices, parseDevice{Level: d.Level.Text, Name: d.Name.Text, Type: d.Type.Text, LinePort: d.LinePort.Text, Shared: d.Shared})
	}
	return p
}

func (j parseValues) ocipFile(f *ocip.File) parseOCIPFile {
	p := parseOCIPFile{Path: f.Path, Documents: len(f.Documents), Commands: []parseOCIPCommand{}}
	for _, c := range f.Commands {
		pc := parseOCIPCommand{Name: c.Name.Full, Kind: strings.ToLower(c.Name.Kind), Contribution: c.Contribution, Location: Location(c.Range()), Fields: []parseAttr{}}
		if c.Contribution == "" && c.Name.Kind == ocip.KindResponse && !c.Name.IsError() {
			j.leaves(c.Element(), "", &pc.Fields)
		}
		p.Commands = append(p.Commands, pc)
	}
	return p
}

// leaves lists the leaf elements below e by their path, secret ones
// redacted; a table is listed as one entry holding its size.
func (j parseValues) leaves(e ocip.Element, prefix string, out *[]parseAttr) {
	for _, c := range e.Children() {
		key := prefix + c.Name()
		if t, ok := c.Table(); ok {
			*out = append(*out, parseAttr{Key: key, Value: parseValue{Text: fmt.Sprintf("table of %d columns, %d rows", len(t.Headings), len(t.Rows)), Location: Location(t.Range)}})
			continue
		}
		if !c.IsLeaf() {
			j.leaves(c, key+"/", out)
			continue
		}
		pv := j.pv(c.Value())
		if c.Secret() {
			pv.Text = source.Redacted
		}
		*out = append(*out, parseAttr{Key: key, Value: pv})
	}
}

func wmsUsersView(f *wms.UserFile) parseWMSUsers {
	p := parseWMSUsers{Path: f.Path, Encoding: f.Encoding.Name, BOM: f.Encoding.BOM, Header: []string{}, Rows: len(f.Rows)}
	switch f.Delimiter {
	case '\t':
		p.Delimiter = "tab"
	case ',':
		p.Delimiter = "comma"
	}
	for _, h := range f.Header {
		p.Header = append(p.Header, h.Text)
	}
	for _, r := range f.Rows {
		if r.Missing > 0 {
			p.RowsMissingColumns++
		}
		if len(r.Extra) > 0 {
			p.RowsWithExtraColumns++
		}
	}
	return p
}

func (j parseValues) ssoView(m *wms.SAMLMessage) parseSSO {
	p := parseSSO{Path: m.Path, Form: string(m.Form), Assertions: len(m.Assertions), NameIDs: []parseValue{}, Attributes: []string{}}
	for _, a := range m.Assertions {
		if a.NameID.Value.Present() {
			p.NameIDs = append(p.NameIDs, j.item(a.NameID.Value))
		}
		for _, at := range a.Attributes {
			p.Attributes = append(p.Attributes, at.Name.Text)
		}
	}
	return p
}

// item shows a SAML value: secret ones, and any of a capture whose whole
// encoded value is secret, redacted.
func (j parseValues) item(it wms.Item) parseValue {
	pv := j.pv(it.Value)
	if it.Secret {
		pv.Text = source.Redacted
	}
	return pv
}

func (j parseValues) pslogView(l *pslog.Log) parsePSLog {
	p := parsePSLog{Path: l.Path, Lines: l.Lines, ExchangeLines: l.ExchangeLines, OtherLines: l.OtherLines, Exchanges: []parseExchange{}}
	for _, e := range l.Exchanges {
		pe := parseExchange{Pairing: string(e.Pairing)}
		if r := e.Request; r != nil {
			pe.Method, pe.Target, pe.Location = r.Method.Text, j.src.Value(r.Target), Location(r.Range)
		}
		if r := e.Response; r != nil {
			pe.Status, pe.Message = r.Status.Text, j.src.Value(r.Message)
			if pe.Location == nil {
				pe.Location = Location(r.Range)
			}
		}
		p.Exchanges = append(p.Exchanges, pe)
	}
	return p
}

// writeChannels writes the channels' part of the text view.
func writeChannels(p func(string, ...any), v channelsView) {
	for _, dt := range v.DeviceTypes {
		p("")
		p("device type %s  (%s)%s", dt.Name.Text, at(dt.Location), inline(dt.Fields))
		for _, a := range dt.Detail {
			p("    %s = %s  %s", a.Key, a.Value.Text, at(a.Value.Location))
		}
	}
	for _, u := range v.Users {
		p("")
		p("user %s  (%s)", u.UserID.Text, at(u.Location))
		for _, a := range u.Fields {
			p("    %s = %s  %s", a.Key, a.Value.Text, at(a.Value.Location))
		}
		if len(u.Services) > 0 {
			p("    services: %s", strings.Join(u.Services, "; "))
		}
		for _, d := range u.Devices {
			kind := "device"
			if d.Shared {
				kind = "shared call appearance on"
			}
			p("    %s %s (%s level), type %s", kind, d.Name, d.Level, orDash(d.Type))
		}
	}
	for _, imp := range v.IMP {
		p("")
		p("Integrated IM&P of the %s  (%s)", imp.Level, at(imp.Location))
		for _, a := range imp.Fields {
			p("    %s = %s  %s", a.Key, a.Value.Text, at(a.Value.Location))
		}
	}
	for _, f := range v.OCIP {
		p("")
		p("OCI-P %s: %s, %s", f.Path, plural(f.Documents, "document"), plural(len(f.Commands), "command"))
		for _, c := range f.Commands {
			gave := c.Contribution
			switch {
			case gave != "":
			case c.Kind == "response" && c.Name != "ErrorResponse":
				gave = "kept as read"
			default:
				gave = orDash(c.Kind)
			}
			p("  %s  %s  (%s)", c.Name, gave, at(c.Location))
			for _, a := range c.Fields {
				p("    %s = %s  %s", a.Key, a.Value.Text, at(a.Value.Location))
			}
		}
	}
	for _, f := range v.UserCSVs {
		p("")
		p("users %s: %s: %s", f.Path, plural(len(f.Users), "user"), orDash(strings.Join(f.Users, ", ")))
	}
	for _, f := range v.WMS.Users {
		bom := "without"
		if f.BOM {
			bom = "with"
		}
		p("")
		p("Meetings Server user import %s: %s %s byte-order mark, %s-delimited, %s, %d missing and %d extra columns",
			f.Path, f.Encoding, bom, orDash(f.Delimiter), plural(f.Rows, "row"), f.RowsMissingColumns, f.RowsWithExtraColumns)
		p("  header: %s", strings.Join(f.Header, ", "))
	}
	for _, m := range v.WMS.SSO {
		p("")
		p("Meetings Server SSO capture %s: %s, %s, attributes %s", m.Path, m.Form, plural(m.Assertions, "assertion"), orDash(strings.Join(m.Attributes, ", ")))
		for _, n := range m.NameIDs {
			p("  NameID %s  %s", n.Text, at(n.Location))
		}
	}
	if st := v.WMS.Settings; st != nil {
		p("")
		p("Meetings Server settings %s: auto account creation %s, auto account update %s", st.Path, orDash(st.AutoAccountCreation), orDash(st.AutoAccountUpdate))
		for _, tc := range st.TrackingCodes {
			p("  tracking code %s: usage %s, input %s, values %s", tc.Code, orDash(tc.Usage), orDash(tc.Input), orDash(strings.Join(tc.Values, ", ")))
		}
	}
	for _, l := range v.PSLogs {
		p("")
		p("PSLog %s: %s, %d lines (%d in exchanges, %d other)", l.Path, plural(len(l.Exchanges), "exchange"), l.Lines, l.ExchangeLines, l.OtherLines)
		for _, e := range l.Exchanges {
			p("  %s %s -> %s %s  (%s, paired by %s)", orDash(e.Method), orDash(e.Target), orDash(e.Status), e.Message, at(e.Location), orDash(e.Pairing))
		}
	}
	if len(v.Conflicts) > 0 {
		p("")
		p("conflicts between channels")
		for _, c := range v.Conflicts {
			what := c.Item
			if c.Field != "" {
				what += ", " + c.Field
			}
			side := func(sd parseConflictSide) string {
				if sd.Absent {
					return fmt.Sprintf("absent from the %s list (%s)", sd.Channel, at(sd.Value.Location))
				}
				return fmt.Sprintf("%q in %s (%s)", sd.Value.Text, sd.Channel, at(sd.Value.Location))
			}
			p("  %s: %s: %s, %s", c.Kind, what, side(c.A), side(c.B))
		}
	}
}

// at writes a location as path:line:column, or "-".
func at(l *JSONLocation) string {
	if l == nil {
		return "-"
	}
	if l.Line == 0 {
		return l.Path
	}
	return fmt.Sprintf("%s:%d:%d", l.Path, l.Line, l.Column)
}

// inline writes attributes on the line of their item.
func inline(as []parseAttr) string {
	var b strings.Builder
	for _, a := range as {
		if a.Value.Text == "" {
			continue
		}
		fmt.Fprintf(&b, "  %s %s", a.Key, a.Value.Text)
	}
	return b.String()
}
