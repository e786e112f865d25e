package checks

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/devicetype"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

const deviceTypeContext = "System/DeviceType/SIP"

// The evidence as_webex_device_types reads: the AS CLI's list and
// details, or the same over OCI-P.
var (
	webexTypeList = lint.CLI(inputs.RoleAS, deviceTypeContext, "get", "hosts/<host>/devicetypes.txt").
			Reading("the SIP device types of the AS's cluster, from any one of its Application Servers")
	webexTypeDetail = lint.CLI(inputs.RoleAS, deviceTypeContext, `detail "<device type>"`, "hosts/<host>/devicetypes.txt").
			Reading("for each Webex device type: supportRemotePartyInfo, deviceAccessContextName, deviceAccessURI and the number of ports")
	webexTypeListOCIP = lint.OCIP("SystemSIPDeviceTypeGetListRequest", "ocip/<name>.xml").
				Reading("the same list over OCI-P, instead of the CLI's").
				AsOptional()
	webexTypeDetailOCIP = lint.OCIP("SystemSIPDeviceTypeGetRequest23V13", "ocip/<name>.xml").
				Reading("the same details over OCI-P (`deviceAccessContext`, `deviceAccessURI` under `cpeDeviceOptions/deviceManagementDeviceTypeOptions`, `numberOfPorts`), instead of the CLI's").
				AsOptional()
)

type webexDeviceTypesOptions struct {
	Desktop         string            `hcl:"desktop,optional" doc:"the device type of the Webex app on Windows and macOS; \"\" to require none"`
	Mobile          string            `hcl:"mobile,optional" doc:"the device type of the Webex app on phones; \"\" to require none"`
	Tablet          string            `hcl:"tablet,optional" doc:"the device type of the Webex app on tablets; \"\" to require none"`
	AccessContexts  map[string]string `hcl:"device_access_contexts,optional" doc:"device type → the deviceAccessContext (the CLI's deviceAccessContextName) it must have; a type not listed is not judged on it"`
	AccessURIs      map[string]string `hcl:"device_access_uris,optional" doc:"device type → the deviceAccessURI it must have; a type not listed is not judged on it"`
	MinDesktopPorts int               `hcl:"min_desktop_ports,optional" doc:"the fewest ports the desktop type may have, for shared lines; unlimited always passes"`
}

// names are the Webex device types required, in the order desktop,
// mobile, tablet, without the ones the options leave out.
func (o *webexDeviceTypesOptions) names() []string {
	var out []string
	for _, n := range []string{o.Desktop, o.Mobile, o.Tablet} {
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// Validate rejects options that would check nothing, or name a device
// type the check never looks at.
func (o *webexDeviceTypesOptions) Validate() error {
	names := o.names()
	if len(names) == 0 {
		return &lint.OptionError{Option: "desktop", Msg: "desktop, mobile and tablet are all empty: name at least one Webex device type"}
	}
	for _, m := range []struct {
		option string
		values map[string]string
	}{{"device_access_contexts", o.AccessContexts}, {"device_access_uris", o.AccessURIs}} {
		for _, k := range slices.Sorted(maps.Keys(m.values)) {
			switch {
			case !slices.Contains(names, k):
				return &lint.OptionError{Option: m.option, Msg: fmt.Sprintf("%q is not one of the Webex device types (%s)", k, strings.Join(names, ", "))}
			case strings.TrimSpace(m.values[k]) == "":
				return &lint.OptionError{Option: m.option, Msg: fmt.Sprintf("the value for %q is empty", k)}
			}
		}
	}
	if o.MinDesktopPorts < 1 {
		return &lint.OptionError{Option: "min_desktop_ports", Msg: fmt.Sprintf("%d ports is no limit: it must be 1 or more", o.MinDesktopPorts)}
	}
	return nil
}

var asWebexDeviceTypes = &lint.Check{
	Name:  "as_webex_device_types",
	Title: "AS has the Webex app's device types, set up as the app needs",
	Doc: `The Webex app finds its configuration through the device profile of its device type: the
desktop app looks for ` + "`Business Communicator - PC`" + `, and the troubleshooting guide's "Single Sign
On failed" asks to check that the user has been assigned the device types for the Webex app; its
"Desktop device not provisioned for user" shows the client log naming that type as not found.
The Solution Guide imports one device type each for the desktop, mobile and tablet apps, and
asks for "Support Remote Party Info" on each, and for shared lines, a desktop type with unlimited
ports or at least 10.

In each AS cluster, the check judges:

- **Presence.** Each Webex device type exists: a complete list of the cluster's device types
  (the CLI's ` + "`get`" + ` or OCI-P's ` + "`SystemSIPDeviceTypeGetListRequest`" + `) holds it, or a detail
  of it was captured. Without a list, a type with no detail is an evidence gap, not an absence.
- **` + "`supportRemotePartyInfo`" + `** is true on each.
- **Device access.** ` + "`deviceAccessContext`" + ` (the CLI's ` + "`deviceAccessContextName`" + `) and
  ` + "`deviceAccessURI`" + ` are as the options say: ` + "`dms`" + ` and ` + "`bc/pc/`" + ` for the desktop type, as
  Cisco's own examples of the desktop type show them.
- **Ports.** The desktop type has unlimited ports, or at least ` + "`min_desktop_ports`" + ` (10).

What is verified and what is not: the desktop type's name, its ` + "`dms`" + ` context and ` + "`bc/pc/`" + ` URI,
the remote-party-info and port requirements are in Cisco's guides. The names of the mobile and
tablet types (` + "`Connect - Mobile`" + `, ` + "`Business Communicator - Tablet`" + `) are the ones public OCI-P
client code creates for these apps, but the Solution Guide's table of device profiles could not
be read when this check was written: they are options, and so are the access
context and URI of every type — the mobile and tablet types' are not judged until the options
name them. Whether users are assigned these types is the users' matter, not this check's.`,
	Fix: `Import the missing device type's package in the BroadWorks web portal (System > Resources >
Identity/Device Profile Types > Import), then set it up on the AS CLI:

` + "```" + `
AS_CLI/System/DeviceType/SIP> set "Business Communicator - PC" supportRemotePartyInfo true
AS_CLI/System/DeviceType/SIP> detail "Business Communicator - PC"
` + "```" + `

Set the number of ports (Unlimited, or at least 10 for the desktop type) and, under Device
Management, the device access context and URI in the web portal (System > Resources >
Identity/Device Profile Types > the type > Modify), or over OCI-P with
` + "`SystemSIPDeviceTypeModifyRequest`" + ` (` + "`<numberOfPorts><unlimited>true</unlimited></numberOfPorts>`" + `,
and ` + "`deviceAccessContext`" + ` and ` + "`deviceAccessURI`" + ` in its device-management options).`,
	Severity: lint.Error,
	Applies: `Every AS cluster of the snapshot that has an Application Server or captured device types. A
cluster whose Application Servers are captured without any device type, a Webex type that no list
shows and no detail describes, and a listed type without its detail are evidence gaps; without an
Application Server and without device types the check is not evaluated.`,
	Evidence: []lint.Evidence{webexTypeList, webexTypeDetail, webexTypeListOCIP, webexTypeDetailOCIP},
	Tags:     []string{"as", "devicemgmt", "registration"},
	Options: func() any {
		return &webexDeviceTypesOptions{
			Desktop: "Business Communicator - PC", Mobile: "Connect - Mobile", Tablet: "Business Communicator - Tablet",
			AccessContexts:  map[string]string{"Business Communicator - PC": "dms"},
			AccessURIs:      map[string]string{"Business Communicator - PC": "bc/pc/"},
			MinDesktopPorts: 10,
		}
	},
	Run: runWebexDeviceTypes,
}

func runWebexDeviceTypes(p *lint.Pass) error {
	opts := lint.OptionsOf[webexDeviceTypesOptions](p)
	snap := p.Snapshot
	var paths []string
	for _, t := range snap.DeviceTypes {
		paths = append(paths, t.Path)
	}
	for _, l := range snap.DeviceTypeLists {
		paths = append(paths, l.Range.Filename)
	}
	clusters := dataClusters(p, paths)
	if len(clusters) == 0 {
		p.NotEvaluated("", "no Application Server and no device type in the snapshot")
		return nil
	}
	for _, c := range clusters {
		types := map[string]*devicetype.DeviceType{}
		for _, t := range snap.DeviceTypes {
			if snap.ClusterOf(t.Path) == c.name {
				types[t.Name.Text] = t
			}
		}
		var list *inputs.DeviceTypeList
		for i, l := range snap.DeviceTypeLists {
			if l.Cluster == c.name {
				list = &snap.DeviceTypeLists[i]
				break
			}
		}
		if len(types) == 0 && list == nil {
			if len(c.hosts) > 0 {
				p.Gap("", webexTypeList, "the SIP device types%s were not captured, though the snapshot holds its Application Servers (%s)", ofCluster(c.name), c.hostNames())
			}
			continue
		}
		for _, name := range opts.names() {
			t := types[name]
			switch {
			case t == nil && list != nil:
				p.Report(lint.Finding{
					Message:  fmt.Sprintf("device type %q does not exist%s: the Webex app finds no device profile of that type", name, ofCluster(c.name)),
					Location: list.Range,
					Logical:  lint.Logical{Context: clusterContext(c.name, "devicetype/"+name), Key: "presence"},
					Expected: name,
					Fix: []lint.FixStep{{Comment: fmt.Sprintf("import the device type package of %q%s in the web portal (System > Resources > Identity/Device Profile Types > Import), then set it up as the check's page says",
						name, ofCluster(c.name))}},
				})
			case t == nil:
				p.Gap("", webexTypeDetail, "device type %q%s was not captured: no list of the device types, and no detail of it", name, ofCluster(c.name))
			case t.Detail == nil:
				p.Gap("", webexTypeDetail, "the detail of device type %q%s was not captured", name, ofCluster(c.name))
			default:
				judgeWebexType(p, c.name, t, opts)
			}
		}
	}
	return nil
}

// judgeWebexType reports what is wrong with the detail of one Webex
// device type.
func judgeWebexType(p *lint.Pass, cluster string, t *devicetype.DeviceType, opts *webexDeviceTypesOptions) {
	d := t.Detail
	name := t.Name.Text
	ctx := clusterContext(cluster, "devicetype/"+name)
	report := func(key string, v source.Value, want, what string, fix []lint.FixStep) {
		f := lint.Finding{
			Message:  fmt.Sprintf("device type %q%s: %s", name, ofCluster(cluster), what),
			Location: valueOrAt(v, d.Range),
			Logical:  lint.Logical{Context: ctx, Key: key},
			Expected: want,
			Actual:   v.Text,
			Fix:      fix,
		}
		if v.Range().Start.Byte == v.Range().End.Byte && v.Loc.Filename() != "" {
			f.Location = d.Range // an empty value has nothing to point at
		}
		p.Report(f)
	}

	if !d.SupportRemotePartyInfo.Present() {
		p.NotEvaluatedPart("", "the detail of device type %q%s shows no supportRemotePartyInfo (releases before 20 have none)", name, ofCluster(cluster))
	} else if on, ok := source.Bool(d.SupportRemotePartyInfo.Text); !ok || !on {
		report("supportRemotePartyInfo", d.SupportRemotePartyInfo, "true",
			fmt.Sprintf("supportRemotePartyInfo is %q, must be true", d.SupportRemotePartyInfo.Text), remotePartyInfoFix(cluster, name))
	}

	for _, a := range []struct {
		key, label string
		v          source.Value
		want       map[string]string
	}{{"deviceAccessContext", "device access context", d.DeviceAccessContext, opts.AccessContexts}, {"deviceAccessURI", "device access URI", d.DeviceAccessURI, opts.AccessURIs}} {
		want, ok := a.want[name]
		fix := []lint.FixStep{{Comment: fmt.Sprintf("set the %s of device type %q%s to %q: in the web portal, %s, under Device Management; or over OCI-P with SystemSIPDeviceTypeModifyRequest (deviceType %q) and %s %q in its device-management options",
			a.label, name, ofCluster(cluster), want, deviceTypePage(name), name, a.key, want)}}
		switch {
		case !ok:
		case !a.v.Present() || a.v.Text == "":
			report(a.key, a.v, want, fmt.Sprintf("%s is not set, must be %q", a.key, want), fix)
		case strings.TrimPrefix(a.v.Text, "/") != strings.TrimPrefix(want, "/"):
			report(a.key, a.v, want, fmt.Sprintf("%s is %q, must be %q", a.key, a.v.Text, want), fix)
		}
	}

	if name != opts.Desktop {
		return
	}
	n, unlimited, ok := d.PortCount()
	switch {
	case ok && (unlimited || n >= opts.MinDesktopPorts):
	case !d.Ports.Present() && !d.UnlimitedPorts.Present():
		p.NotEvaluatedPart("", "the detail of device type %q%s shows no number of ports", name, ofCluster(cluster))
	case !ok:
		report("numberOfPorts", d.Ports, "unlimited", fmt.Sprintf("the number of ports is %q, which is neither unlimited nor a number", d.Ports.Text), portsFix(cluster, name, opts.MinDesktopPorts))
	default:
		report("numberOfPorts", d.Ports, fmt.Sprintf("unlimited, or at least %d", opts.MinDesktopPorts),
			fmt.Sprintf("it has %d ports, fewer than %d: shared lines need more (unlimited, or at least %d)", n, opts.MinDesktopPorts, opts.MinDesktopPorts), portsFix(cluster, name, opts.MinDesktopPorts))
	}
}

// remotePartyInfoFix turns supportRemotePartyInfo on at the AS CLI, which
// any Application Server of the cluster takes for the whole cluster.
func remotePartyInfoFix(cluster, name string) []lint.FixStep {
	ctx := cliContext(nil, "AS", deviceTypeContext)
	var steps []lint.FixStep
	if cluster != "" {
		steps = append(steps, lint.FixStep{Comment: fmt.Sprintf("at the CLI of an Application Server of AS cluster %q:", cluster)})
	}
	return append(steps,
		lint.FixStep{Context: ctx, Command: "set " + cliArg(name) + " supportRemotePartyInfo true"},
		lint.FixStep{Context: ctx, Command: "detail " + cliArg(name)})
}

// portsFix sets the desktop type's number of ports, which no CLI context
// sets: the web portal or OCI-P.
func portsFix(cluster, name string, least int) []lint.FixStep {
	return []lint.FixStep{{Comment: fmt.Sprintf("set the Number of Ports of device type %q%s to Unlimited (or at least %d): in the web portal, %s; or over OCI-P with SystemSIPDeviceTypeModifyRequest (deviceType %q) and <numberOfPorts><unlimited>true</unlimited></numberOfPorts>",
		name, ofCluster(cluster), least, deviceTypePage(name), name)}}
}

// deviceTypePage is where the web portal modifies a device type.
func deviceTypePage(name string) string {
	return fmt.Sprintf("System > Resources > Identity/Device Profile Types > %q > Modify", name)
}
