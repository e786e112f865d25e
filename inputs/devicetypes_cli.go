package inputs

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/devicetype"
	"github.com/bwlint/bwlint/inputs/source"
)

// deviceTypeContext is where the AS CLI lists SIP device types ("get")
// and prints one type's attributes (`detail "<type>"`).
const deviceTypeContext = "System/DeviceType/SIP"

// The headings of the CLI's device-type table, each with the names it is
// printed under; the first that a table has is read.
var (
	cliTypeName     = []string{"Device Type", "Device Profile Type", "Name"}
	cliTypeProfile  = []string{"Profile", "Signaling Address Type"}
	cliTypeObsolete = []string{"Is Obsolete", "Obsolete"}
	cliTypeReseller = []string{"Reseller Id"}
)

// cliDeviceTypes reads the device types a host's AS CLI captures print,
// into the model OCI-P fills: a row of the "get" table is a type as a
// list shows it, the output of "detail" a type's detail. Superseded reads
// are left out, as everywhere. lists are the tables of a host that holds a
// complete list: its "get" tables, which presence is compared against.
func cliDeviceTypes(h *Host, text func(path string) string) (types []*devicetype.DeviceType, lists []*bwcli.Table) {
	for _, c := range h.Read(deviceTypeContext) {
		switch c.Verb {
		case "get":
			for _, t := range c.Tables {
				name := columnOf(t, cliTypeName)
				if name < 0 {
					continue
				}
				lists = append(lists, t)
				profile, obsolete, reseller := columnOf(t, cliTypeProfile), columnOf(t, cliTypeObsolete), columnOf(t, cliTypeReseller)
				for _, r := range t.Rows {
					if r.Cell(name).Text == "" {
						continue
					}
					types = append(types, &devicetype.DeviceType{
						Path:       r.Loc.Filename(),
						Name:       r.Cell(name),
						Profile:    r.Cell(profile),
						Obsolete:   r.Cell(obsolete),
						ResellerID: r.Cell(reseller),
						Range:      r.Range(),
					})
				}
			}
		case "detail":
			name := detailName(c, text(c.Input.Loc.Filename()))
			if name.Text == "" || len(c.Attrs) == 0 {
				continue
			}
			types = append(types, &devicetype.DeviceType{
				Path:   c.Loc.Filename(),
				Name:   name,
				Range:  c.Range(),
				Detail: cliDetail(c),
			})
		}
	}
	return types, lists
}

// columnOf returns the first of names that t has as a column, or -1.
func columnOf(t *bwcli.Table, names []string) int {
	for _, n := range names {
		if i := t.Column(n); i >= 0 {
			return i
		}
	}
	return -1
}

// detailName is the device type a "detail" command names, without its
// quotes, positioned in the command line when the line's text is its
// bytes in the file (no terminal escapes in between), else at the whole
// command line.
func detailName(c *bwcli.Command, file string) source.Value {
	name := strings.TrimSpace(c.Args)
	if len(name) >= 2 && name[0] == '"' && name[len(name)-1] == '"' {
		name = name[1 : len(name)-1]
	}
	v := source.Value{Text: name, Loc: c.Input.Loc}
	in := c.Input
	r := in.Range()
	a, b := r.Start.Byte, r.End.Byte
	if name == "" || r.Start.Line != r.End.Line || a < 0 || b > len(file) || a > b || file[a:b] != in.Text {
		return v
	}
	i := strings.LastIndex(in.Text, name)
	if i < 0 {
		return v
	}
	return in.Slice(i, i+len(name))
}

// cliDetail types the attributes of a "detail" output under the names
// devicetype.Detail gives them; the CLI's deviceAccessContextName is
// OCI-P's deviceAccessContext.
func cliDetail(c *bwcli.Command) *devicetype.Detail {
	d := &devicetype.Detail{Range: c.Range(), Attrs: make([]devicetype.Attr, 0, len(c.Attrs))}
	fields := [...]struct {
		key string
		v   *source.Value
	}{
		{"deviceAccessProtocol", &d.DeviceAccessProtocol},
		{"deviceAccessURI", &d.DeviceAccessURI},
		{"deviceAccessContextName", &d.DeviceAccessContext},
		{"defaultDeviceEncoding", &d.DefaultDeviceEncoding},
		{"supportRemotePartyInfo", &d.SupportRemotePartyInfo},
		{"registrationCapable", &d.RegistrationCapable},
		{"numberOfPorts", &d.Ports},
		{"tagMode", &d.TagMode},
		{"tagSet", &d.TagSet},
	}
	for _, kv := range c.Attrs {
		for _, f := range fields {
			if strings.EqualFold(kv.Key.Text, f.key) {
				*f.v = kv.Value
			}
		}
		d.Attrs = append(d.Attrs, devicetype.Attr{
			Key:    kv.Key,
			Path:   kv.Key.Text,
			Value:  kv.Value,
			Secret: source.IsSecretName(kv.Key.Text) || kv.Value.Masked(),
		})
	}
	return d
}
