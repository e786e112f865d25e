package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/users"
	"github.com/bwlint/bwlint/lint"
)

// The evidence as_device_unique_sip_address reads: users' devices, from
// the users' side and the devices'.
var (
	uniqueUserDevices = lint.OCIP("UserSharedCallAppearanceGetRequest21sp1", "ocip/<name>.xml").
				Reading("each user's devices and their line/ports: the shared call appearances, with `UserGetRequest23V2` for the primary endpoint, or from the devices' side `GroupAccessDeviceGetUserListRequest21sp1`").
				AsOptional()
	uniqueDeviceTypes = lint.OCIP("GroupAccessDeviceGetListRequest", "ocip/<name>.xml").
				Reading("the types of the group's devices, which name the type of a user's primary endpoint (or `GroupAccessDeviceGetRequest24V3` for one device)").
				AsOptional()
)

type uniqueSIPOptions struct {
	DeviceTypes []string `hcl:"device_types,optional" doc:"the device types judged, by exact name; [] judges every type"`
}

// Validate rejects an empty name, which no device type has.
func (o *uniqueSIPOptions) Validate() error {
	if slices.ContainsFunc(o.DeviceTypes, func(s string) bool { return strings.TrimSpace(s) == "" }) {
		return &lint.OptionError{Option: "device_types", Msg: "an empty name matches no device type; list names such as \"Business Communicator - PC\", or none to judge every type"}
	}
	return nil
}

var asDeviceUniqueSIPAddress = &lint.Check{
	Name:  "as_device_unique_sip_address",
	Title: "a user's devices of one type have SIP addresses of their own",
	Doc: `A user signed in to the Webex app on two computers of the same platform has an SSO session
on one of them only: both use the user's one device of that type. The troubleshooting guide
("Desktop client disconnects phone services after successful SSO connection") calls this by
design, and says that where it must be worked around, BroadWorks can give the user several
instances of the same device type, as long as each has a unique SIP address — its line/port.

For every user whose devices a capture shows, the check groups the devices by type and reports a
type with two or more devices that share a line/port (compared without regard to case), naming
the devices; the line/ports themselves, which often hold a number or an address, are not shown.
Devices come from the user's side (the primary endpoint of ` + "`UserGetResponse`" + `, the shared call
appearances of ` + "`UserSharedCallAppearanceGetResponse`" + `) and from the devices' side
(` + "`GroupAccessDeviceGetUserListResponse`" + `), merged per user whichever file or channel gave them;
a primary endpoint's type comes from the group's device list. No CLI context prints users'
devices, so this evidence is OCI-P only, and optional: a snapshot without it is not evaluated.`,
	Fix: `A line/port cannot be changed in place. For each extra instance named in a finding, remove
the shared call appearance and add it again on a line/port of its own: in the BroadWorks web
portal (the user's Shared Call Appearance, the device, Delete, then Add with the new Line/Port),
or over OCI-P:

` + "```xml" + `
<command xsi:type="UserSharedCallAppearanceDeleteEndpointListRequest14" xmlns="">
  <userId>USER@EXAMPLE.COM</userId>
  <accessDeviceEndpoint>
    <accessDevice><deviceLevel>Group</deviceLevel><deviceName>DEVICE</deviceName></accessDevice>
    <linePort>THE SHARED LINE/PORT</linePort>
  </accessDeviceEndpoint>
</command>
` + "```" + `

then ` + "`UserSharedCallAppearanceAddEndpointRequest22`" + ` with the same device and a new ` + "`<linePort>`" + `
(such as ` + "`user_2@as.example.net`" + `). If the user does not need two instances, remove the extra
device from the user instead.`,
	Severity: lint.Error,
	Applies: `Every user whose devices a capture shows, in every AS cluster. A device whose type no capture
names, among two or more devices of its user, is an evidence gap once the snapshot holds OCI-P
captures; a snapshot without users' devices is not evaluated.`,
	Evidence: []lint.Evidence{uniqueUserDevices, uniqueDeviceTypes},
	Tags:     []string{"as", "users", "registration"},
	Options:  func() any { return &uniqueSIPOptions{DeviceTypes: []string{}} },
	Run:      runDeviceUniqueSIPAddress,
}

func runDeviceUniqueSIPAddress(p *lint.Pass) error {
	opts := lint.OptionsOf[uniqueSIPOptions](p)
	var withDevices []*users.User
	for _, u := range p.Snapshot.Users {
		if len(u.Devices) > 0 {
			withDevices = append(withDevices, u)
		}
	}
	if len(withDevices) == 0 {
		p.NotEvaluated("", "the snapshot shows no user's devices (optional evidence: OCI-P user details, shared call appearances or device user lists)")
		return nil
	}
	for _, u := range withDevices {
		judgeUserDevices(p, u, opts)
	}
	return nil
}

// judgeUserDevices reports each device type of which a user has several
// devices sharing a line/port.
func judgeUserDevices(p *lint.Pass, u *users.User, opts *uniqueSIPOptions) {
	cluster := p.Snapshot.ClusterOf(u.Range.Filename)
	devices := distinctDevices(u.Devices)
	byType := map[string][]users.Device{}
	var types []string
	for _, d := range devices {
		if !d.Type.Present() || d.Type.Text == "" {
			if len(devices) > 1 {
				p.Gap("", uniqueDeviceTypes, "the type of device %q of user %q%s was not captured", d.Name.Text, u.UserID.Text, ofCluster(cluster))
			}
			continue
		}
		t := d.Type.Text
		if len(opts.DeviceTypes) > 0 && !slices.Contains(opts.DeviceTypes, t) {
			continue
		}
		if byType[t] == nil {
			types = append(types, t)
		}
		byType[t] = append(byType[t], d)
	}
	for _, t := range types {
		same := byType[t]
		instances := map[string]bool{}
		for _, d := range same {
			instances[strings.ToLower(d.Level.Text)+"\x00"+d.Name.Text] = true
		}
		if len(instances) < 2 {
			continue // one device, however many lines it has
		}
		byPort := map[string][]users.Device{}
		var ports []string
		for _, d := range same {
			if strings.TrimSpace(d.LinePort.Text) == "" {
				p.NotEvaluatedPart("", "the line/port of device %q of user %q%s was not captured, so it cannot be compared with the user's other devices of type %q", d.Name.Text, u.UserID.Text, ofCluster(cluster), t)
				continue
			}
			k := strings.ToLower(strings.TrimSpace(d.LinePort.Text))
			if byPort[k] == nil {
				ports = append(ports, k)
			}
			byPort[k] = append(byPort[k], d)
		}
		var shared [][]users.Device
		for _, k := range ports {
			if len(byPort[k]) > 1 {
				shared = append(shared, byPort[k])
			}
		}
		if len(shared) > 0 {
			reportSharedLinePorts(p, u, cluster, t, len(instances), shared)
		}
	}
}

// distinctDevices drops the repeats of a device (the same device at the
// same level, such as a primary endpoint that a device user list shows
// again), keeping its first line/port capture.
func distinctDevices(ds []users.Device) []users.Device {
	var out []users.Device
	for _, d := range ds {
		if !slices.ContainsFunc(out, func(o users.Device) bool {
			return o.Name.Text == d.Name.Text && strings.EqualFold(o.Level.Text, d.Level.Text) && strings.EqualFold(o.LinePort.Text, d.LinePort.Text)
		}) {
			out = append(out, d)
		}
	}
	return out
}

// reportSharedLinePorts reports, once per user and type, the devices that
// share a line/port.
func reportSharedLinePorts(p *lint.Pass, u *users.User, cluster, typ string, instances int, shared [][]users.Device) {
	var groups, values []string
	var related []lint.Related
	for _, g := range shared {
		var names []string
		for i, d := range g {
			names = append(names, fmt.Sprintf("%q", d.Name.Text))
			if i > 0 || len(groups) > 0 {
				related = append(related, lint.Related{Location: d.LinePort.Range(), Message: fmt.Sprintf("the line/port of device %q", d.Name.Text)})
			}
		}
		groups = append(groups, joinAndQuoted(names))
		values = append(values, strings.ToLower(g[0].LinePort.Text))
	}
	first := shared[0][0]
	var fix []lint.FixStep
	for _, g := range shared {
		for _, d := range extraInstances(g) {
			fix = append(fix, lint.FixStep{Comment: fmt.Sprintf("for user %q, remove the shared call appearance on device %q (%s level) and add it again on a line/port of its own: in the web portal (the user's Shared Call Appearance), or over OCI-P with UserSharedCallAppearanceDeleteEndpointListRequest14, then UserSharedCallAppearanceAddEndpointRequest22 with the same device and a new linePort",
				u.UserID.Text, d.Name.Text, d.Level.Text)})
		}
	}
	if len(fix) > 0 {
		fix = append(fix, lint.FixStep{Comment: fmt.Sprintf("if user %q does not need several instances, remove the extra devices from the user instead", u.UserID.Text)})
	}
	p.Report(lint.Finding{
		Message: fmt.Sprintf("user %q%s has %d devices of type %q, and %s share one line/port (not shown): the Webex app registers on one of them only",
			u.UserID.Text, ofCluster(cluster), instances, typ, strings.Join(groups, "; ")),
		Location: first.LinePort.Range(),
		Logical:  lint.Logical{Context: clusterContext(cluster, "user/"+strings.ToLower(u.UserID.Text)), Key: "devicetype/" + typ},
		Related:  related,
		// The line/port is personal data: a baseline compares it, no
		// report prints it.
		Value: strings.Join(values, "\n"),
		Fix:   fix,
	})
}

// extraInstances are the devices of a group sharing one line/port that
// are to move to a line/port of their own: the shared call appearances,
// beside the primary endpoint, which keeps the line/port, or beside the
// first of them when the primary is not among them. A primary endpoint
// cannot be deleted and added again as an appearance can.
func extraInstances(same []users.Device) []users.Device {
	var out []users.Device
	keep := !slices.ContainsFunc(same, func(d users.Device) bool { return !d.Shared })
	for _, d := range same {
		switch {
		case !d.Shared:
		case keep:
			keep = false // the first appearance keeps the line/port
		default:
			out = append(out, d)
		}
	}
	return out
}

// joinAndQuoted joins quoted names as prose.
func joinAndQuoted(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
