package inputs

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/devicetype"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/bwlint/bwlint/inputs/users"
	"github.com/hashicorp/hcl/v2"
)

// The channels, as conflicts and messages name them.
const (
	channelTagSetFile = "tag-set file"
	channelCLI        = "AS CLI"
	channelUsersCSV   = "users CSV"
)

// placeClusters reads the AS clusters from the Partner Hub cluster files:
// each lists its application servers. See Snapshot.ClusterOf.
func placeClusters(s *Snapshot) {
	s.clusterOf = map[string]string{}
	for _, c := range s.Clusters {
		if len(c.ApplicationServers) == 0 {
			continue
		}
		cl := ASCluster{Name: c.Name.Text}
		for _, h := range c.ApplicationServers {
			cl.Hosts = append(cl.Hosts, h.Text)
			if _, seen := s.clusterOf[h.Text]; !seen {
				s.clusterOf[h.Text] = c.Name.Text
			}
		}
		s.ASClusters = append(s.ASClusters, cl)
	}
	if len(s.ASClusters) == 1 {
		s.defaultCluster = s.ASClusters[0].Name
	}
}

// merger joins the captures of the channels into the snapshot's model.
// Two captures of one item that disagree are a conflict when they come
// through different channels, and a warning when they come through the
// same one (two files of one channel, as within one file): either way the
// first capture, in path order, is kept.
type merger struct {
	s *Snapshot
}

// mergeChannels builds the snapshot-level model: tag sets, device types
// and users of every channel, and the conflicts between them.
func mergeChannels(s *Snapshot) {
	m := merger{s: s}
	m.tagSets()
	m.deviceTypes()
	m.users()
	slices.SortStableFunc(s.Conflicts, func(a, b Conflict) int {
		return cmp.Or(compareRange(a.A.Value.Range(), b.A.Value.Range()), compareRange(a.B.Value.Range(), b.B.Value.Range()),
			cmp.Compare(a.Key, b.Key), cmp.Compare(a.Field, b.Field))
	})
}

func compareRange(a, b hcl.Range) int {
	return cmp.Or(cmp.Compare(a.Filename, b.Filename), cmp.Compare(a.Start.Byte, b.Start.Byte), cmp.Compare(a.End.Byte, b.End.Byte))
}

// channelOf names the channel of the file at path.
func (m merger) channelOf(path string) string {
	f := m.s.files[path]
	if f == nil {
		return ""
	}
	switch f.Kind {
	case KindTagSet:
		return channelTagSetFile
	case KindOCIP:
		return channelOCIP
	case KindUsers:
		return channelUsersCSV
	case KindTranscript, KindShowVer:
		return channelCLI
	}
	return string(f.Kind)
}

// disagree records that two captures of one item differ: a conflict
// across channels, a warning at b within one.
func (m merger) disagree(c Conflict) {
	c.A.Channel, c.B.Channel = m.channelOf(c.A.Value.Loc.Filename()), m.channelOf(c.B.Value.Loc.Filename())
	if c.A.Channel != c.B.Channel {
		m.s.Conflicts = append(m.s.Conflicts, c)
		return
	}
	what := c.Item
	if c.Field != "" {
		what = c.Field + " of " + c.Item
	}
	at := c.A.Value.Range()
	if c.Kind == ConflictDeviceTypePresence {
		m.s.Problems = append(m.s.Problems, source.Warnf(c.B.Value.Range(),
			"%s is missing from this list but listed at %s:%d; both lists are %s captures of the same AS cluster",
			c.Item, at.Filename, at.Start.Line, c.A.Channel))
		return
	}
	m.s.Problems = append(m.s.Problems, source.Warnf(c.B.Value.Range(),
		"%s differs here from %s:%d, another %s capture of the same AS cluster; the first is used",
		what, at.Filename, at.Start.Line, c.A.Channel))
}

// scopeKey identifies where a set of tags applies.
func scopeKey(ts *tagset.TagSet) string {
	sc := ts.Scope
	return strings.Join([]string{string(sc.Kind), fmt.Sprint(sc.SystemDefault), ts.Name, sc.ServiceProviderID.Text,
		sc.GroupID.Text, sc.DeviceType.Text, sc.DeviceName.Text, strings.ToLower(sc.UserID.Text)}, "\x00")
}

// tagSets merges the tag-set files and the tag sets and custom tags of
// OCI-P, per AS cluster and scope.
func (m merger) tagSets() {
	all := slices.Clone(m.s.Captured.TagSetFiles)
	for _, f := range m.s.Captured.OCIP {
		all = append(all, f.TagSets...)
	}
	slices.SortStableFunc(all, func(a, b *tagset.TagSet) int { return cmp.Compare(a.Path, b.Path) })
	merged := map[string]*tagset.TagSet{}
	for _, ts := range all {
		cluster := m.s.ClusterOf(ts.Path)
		key := cluster + "\x01" + scopeKey(ts)
		into := merged[key]
		if into == nil {
			c := *ts
			c.Tags = slices.Clone(ts.Tags)
			merged[key] = &c
			m.s.TagSets = append(m.s.TagSets, &c)
			continue
		}
		m.mergeTags(cluster, into, ts)
	}
}

// mergeTags adds the tags of ts to into, comparing those both hold.
func (m merger) mergeTags(cluster string, into, ts *tagset.TagSet) {
	setName, setKey := into.Describe()
	for _, t := range ts.Tags {
		i := slices.IndexFunc(into.Tags, func(k tagset.Tag) bool { return k.Name.Text == t.Name.Text })
		if i < 0 {
			into.Tags = append(into.Tags, t)
			continue
		}
		kept := into.Tags[i]
		c := Conflict{Kind: ConflictTagValue, Cluster: cluster, Item: fmt.Sprintf("tag %q of %s", t.Name.Text, setName), Key: setKey + "/" + t.Name.Text}
		secret := kept.Secret() || t.Secret() || source.IsSecretName(t.Name.Text)
		// An encrypted value cannot be compared: each export encrypts
		// it anew, and a masked one shows nothing.
		if !kept.Secret() && !t.Secret() && kept.Value.Text != t.Value.Text {
			c := c
			c.Field, c.Secret = "Tag Value", secret
			c.A.Value, c.B.Value = kept.Value, t.Value
			m.disagree(c)
		}
		for _, flag := range []struct {
			name string
			a, b source.Value
		}{{"Is Overridable", kept.Overridable, t.Overridable}, {"Is Encrypted", kept.Encrypted, t.Encrypted}} {
			if flag.a.Present() && flag.b.Present() && !sameValue(flag.a.Text, flag.b.Text) {
				c := c
				c.Field = flag.name
				c.A.Value, c.B.Value = flag.a, flag.b
				m.disagree(c)
			}
		}
	}
}

// sameValue compares two captured values: booleans by meaning ("true",
// "Y"), everything else exactly, surrounding spaces aside.
func sameValue(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if x, ok := source.Bool(a); ok {
		if y, ok := source.Bool(b); ok {
			return x == y
		}
	}
	return a == b
}

// typeCapture is a device type with the AS cluster it belongs to.
type typeCapture struct {
	cluster string
	t       *devicetype.DeviceType
}

// typeList is a complete list of device types: a CLI "get" table or an
// OCI-P SystemSIPDeviceTypeGetListResponse.
type typeList struct {
	cluster string
	rng     hcl.Range
	names   map[string]bool
}

// deviceTypes merges the device types of the AS CLI and of OCI-P per AS
// cluster, and compares the complete lists of each cluster.
func (m merger) deviceTypes() {
	var captures []typeCapture
	var lists []typeList
	for _, h := range m.s.Hosts {
		types, tables := cliDeviceTypes(h, func(p string) string {
			if f := m.s.files[p]; f != nil {
				return f.Text
			}
			return ""
		})
		m.s.Captured.CLIDeviceTypes = append(m.s.Captured.CLIDeviceTypes, types...)
		for _, t := range types {
			captures = append(captures, typeCapture{m.s.ClusterOf(t.Path), t})
		}
		for _, t := range tables {
			lists = append(lists, cliList(m.s.ClusterOf(t.Loc.Filename()), t))
		}
	}
	for _, f := range m.s.Captured.OCIP {
		cluster := m.s.ClusterOf(f.Path)
		for _, t := range f.DeviceTypes {
			captures = append(captures, typeCapture{cluster, t})
		}
		for _, c := range f.Commands {
			if c.Name.Is("SystemSIPDeviceTypeGetList", "Response") {
				l := typeList{cluster: cluster, rng: c.Range(), names: map[string]bool{}}
				for _, t := range f.DeviceTypes {
					if within(t.Range, l.rng) {
						l.names[t.Name.Text] = true
					}
				}
				lists = append(lists, l)
			}
		}
	}
	slices.SortStableFunc(captures, func(a, b typeCapture) int { return cmp.Compare(a.t.Path, b.t.Path) })
	byCluster := map[string][]*devicetype.DeviceType{}
	var order []string
	for _, c := range captures {
		if _, seen := byCluster[c.cluster]; !seen {
			order = append(order, c.cluster)
		}
		byCluster[c.cluster] = append(byCluster[c.cluster], c.t)
	}
	for _, cluster := range order {
		types := byCluster[cluster]
		m.compareTypes(cluster, types)
		m.s.DeviceTypes = append(m.s.DeviceTypes, devicetype.Merge(types)...)
	}
	m.compareLists(lists, captures)
	for _, l := range lists { // sorted by compareLists
		m.s.DeviceTypeLists = append(m.s.DeviceTypeLists, DeviceTypeList{Cluster: l.cluster, Range: l.rng})
	}
}

func within(r, outer hcl.Range) bool {
	return r.Filename == outer.Filename && r.Start.Byte >= outer.Start.Byte && r.End.Byte <= outer.End.Byte
}

func cliList(cluster string, t *bwcli.Table) typeList {
	l := typeList{cluster: cluster, rng: t.Range(), names: map[string]bool{}}
	name := columnOf(t, cliTypeName)
	for _, r := range t.Rows {
		if n := r.Cell(name).Text; n != "" {
			l.names[n] = true
		}
	}
	return l
}

// typeFields are the attributes of device types compared between
// captures, under the names the documentation gives them.
func typeFields(t *devicetype.DeviceType) []struct {
	name string
	v    source.Value
} {
	out := []struct {
		name string
		v    source.Value
	}{{"Profile", t.Profile}, {"Is Obsolete", t.Obsolete}}
	if d := t.Detail; d != nil {
		out = append(out, []struct {
			name string
			v    source.Value
		}{
			{"deviceAccessProtocol", d.DeviceAccessProtocol},
			{"deviceAccessURI", d.DeviceAccessURI},
			{"deviceAccessContext", d.DeviceAccessContext},
			{"defaultDeviceEncoding", d.DefaultDeviceEncoding},
			{"supportRemotePartyInfo", d.SupportRemotePartyInfo},
			{"registrationCapable", d.RegistrationCapable},
			{"tagMode", d.TagMode},
			{"tagSet", d.TagSet},
		}...)
	}
	return out
}

// compareTypes compares each attribute of the device types of one
// cluster with the first capture that gives it.
func (m merger) compareTypes(cluster string, types []*devicetype.DeviceType) {
	first := map[string]source.Value{} // name \x00 field → first value
	for _, t := range types {
		for _, f := range typeFields(t) {
			if !f.v.Present() {
				continue
			}
			k := t.Name.Text + "\x00" + f.name
			kept, seen := first[k]
			if !seen {
				first[k] = f.v
				continue
			}
			if !sameValue(kept.Text, f.v.Text) {
				m.disagree(Conflict{
					Kind: ConflictDeviceTypeAttr, Cluster: cluster,
					Item: fmt.Sprintf("device type %q", t.Name.Text), Key: "devicetype/" + t.Name.Text, Field: f.name,
					A: ConflictSide{Value: kept}, B: ConflictSide{Value: f.v},
				})
			}
		}
	}
}

// compareLists compares the complete device-type lists of each cluster
// with the first one: a type one lists and the other does not is a
// presence conflict. Reseller-level types are left out: a list may be
// asked for the system's types alone.
func (m merger) compareLists(lists []typeList, captures []typeCapture) {
	slices.SortStableFunc(lists, func(a, b typeList) int { return compareRange(a.rng, b.rng) })
	firstOf := map[string]typeList{}
	for _, l := range lists {
		first, seen := firstOf[l.cluster]
		if !seen {
			firstOf[l.cluster] = l
			continue
		}
		row := func(in typeList, name string) source.Value {
			for _, c := range captures {
				if c.t.Name.Text == name && within(c.t.Range, in.rng) {
					return source.Value{Text: name, Loc: source.LocOf(c.t.Range)}
				}
			}
			return source.Value{Text: name, Loc: source.LocOf(in.rng)}
		}
		reseller := func(in typeList, name string) bool {
			for _, c := range captures {
				if c.t.Name.Text == name && within(c.t.Range, in.rng) && c.t.ResellerID.Text != "" {
					return true
				}
			}
			return false
		}
		for _, pair := range []struct {
			has, lacks typeList
			aHas       bool
		}{{first, l, true}, {l, first, false}} {
			for _, name := range sortedKeys(pair.has.names) {
				if pair.lacks.names[name] || reseller(pair.has, name) {
					continue
				}
				present := ConflictSide{Value: row(pair.has, name)}
				absent := ConflictSide{Value: source.Value{Loc: source.LocOf(pair.lacks.rng)}, Absent: true}
				c := Conflict{Kind: ConflictDeviceTypePresence, Cluster: l.cluster,
					Item: fmt.Sprintf("device type %q", name), Key: "devicetype/" + name}
				if pair.aHas {
					c.A, c.B = present, absent
				} else {
					c.A, c.B = absent, present
				}
				m.disagree(c)
			}
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// users merges the users of OCI-P and of users/*.csv by user id, and
// names the types of their devices from every device list captured.
func (m merger) users() {
	var records []*users.User
	var devices []users.AccessDevice
	for _, f := range m.s.Captured.OCIP {
		records = append(records, f.Users...)
		devices = append(devices, f.AccessDevices...)
	}
	for _, f := range m.s.Captured.UserCSVs {
		records = append(records, f.Users...)
	}
	slices.SortStableFunc(records, func(a, b *users.User) int { return cmp.Compare(a.Range.Filename, b.Range.Filename) })
	merged, conflicts := users.Merge(records)
	users.AttachDeviceTypes(merged, devices)
	m.s.Users = merged
	for _, cf := range conflicts {
		m.disagree(Conflict{
			Kind: ConflictUserField, Cluster: m.s.ClusterOf(cf.Kept.Loc.Filename()),
			Item: fmt.Sprintf("user %q", cf.UserID), Key: "user/" + strings.ToLower(cf.UserID), Field: cf.Field,
			A: ConflictSide{Value: cf.Kept}, B: ConflictSide{Value: cf.Other},
		})
	}
}
