package checks

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/bwlint/bwlint/lint"
)

// Tag sets, custom tags, device types and users are data of an AS
// cluster, not of one server (docs/inputs.md#scope-and-channels): either
// AS of a redundant pair answers the same, whichever channel carried it.
// Findings about them name no host, and their identity starts with the
// cluster, so that they survive a re-capture through another channel.

// The captures of tag sets and custom tags, which every tag-set check reads
// whole: the tag sets (the system default set included) through either
// channel, and the custom tags of device types and devices, which are
// optional.
var (
	tagSetCapture = lint.OCIP("SystemDeviceManagementTagGetListRequest", "devicemgmt/tagsets/<name>.tsv").
			Reading("the tags of each tag set and of the system default set (`system-default.tsv`), from tag-set files or the same responses as OCI-P (`devicemgmt/tagsets/<name>.xml`, `ocip/**/*.xml`)")
	customTagCapture = lint.OCIP("GroupDeviceTypeCustomTagGetListRequest", "ocip/<name>.xml").
				Reading("the custom tags of device types and devices at service-provider and group level (`ServiceProviderDeviceTypeCustomTagGetListRequest`, `GroupAccessDeviceCustomTagGetListRequest` and their kin) and the tags users' devices resolve to (`UserAccessDeviceTagsGetRequest`)").
				AsOptional()
)

// clusterContext prefixes the key of an item of AS cluster data with its
// cluster, when the snapshot names one: "cluster bw-cluster-1/tagset/Webex".
func clusterContext(cluster, key string) string {
	if cluster == "" {
		return key
	}
	return "cluster " + cluster + "/" + key
}

// ofCluster names a cluster in a message, " of AS cluster "c1"", or nothing
// for a snapshot whose cluster has no name.
func ofCluster(cluster string) string {
	if cluster == "" {
		return ""
	}
	return fmt.Sprintf(" of AS cluster %q", cluster)
}

// clusterOfHost is the AS cluster a host's data belong to.
func clusterOfHost(snap *inputs.Snapshot, h *inputs.Host) string {
	if len(h.Files) > 0 {
		return snap.ClusterOf(h.Files[0])
	}
	return snap.ClusterOf("")
}

// asCluster is one AS cluster a check of cluster data looks at: its
// name, and the Application Servers of the snapshot the check applies to
// in it, which tell that the cluster's data should have been captured.
type asCluster struct {
	name  string
	hosts []*inputs.Host
}

// hostNames lists the names of the cluster's hosts for messages.
func (c asCluster) hostNames() string { return hostList(hostNames(c.hosts)) }

// dataClusters lists the AS clusters of the Application Servers the check
// applies to and of the data captured at paths, in name order.
func dataClusters(p *lint.Pass, paths []string) []asCluster {
	byName := map[string]*asCluster{}
	add := func(name string) *asCluster {
		if byName[name] == nil {
			byName[name] = &asCluster{name: name}
		}
		return byName[name]
	}
	for _, h := range p.HostsWithRole(inputs.RoleAS) {
		c := add(clusterOfHost(p.Snapshot, h))
		c.hosts = append(c.hosts, h)
	}
	for _, path := range paths {
		add(p.Snapshot.ClusterOf(path))
	}
	out := make([]asCluster, 0, len(byName))
	for _, c := range byName {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b asCluster) int { return strings.Compare(a.name, b.name) })
	return out
}

// clusterTagSets are the sets of tags of one AS cluster: the system
// default set, the named sets, and the custom tags below them.
type clusterTagSets struct {
	asCluster
	// def is the system default tag set; nil when not captured.
	def *tagset.TagSet
	// named are the named tag sets, in capture order.
	named []*tagset.TagSet
	// custom are the custom tags of device types and devices, and the
	// tags of users' devices, in capture order.
	custom []*tagset.TagSet
}

// sets returns every set of tags of the cluster: the system default set,
// the named sets, then the custom tags.
func (c clusterTagSets) sets() []*tagset.TagSet {
	var out []*tagset.TagSet
	if c.def != nil {
		out = append(out, c.def)
	}
	return append(append(out, c.named...), c.custom...)
}

// hasTagSets reports whether any tag set of the cluster was captured,
// the system default set included; custom tags alone do not show the
// tag sets.
func (c clusterTagSets) hasTagSets() bool { return c.def != nil || len(c.named) > 0 }

// tagSetsByCluster groups the snapshot's sets of tags by AS cluster, for
// the clusters of dataClusters.
func tagSetsByCluster(p *lint.Pass) []clusterTagSets {
	var paths []string
	for _, ts := range p.Snapshot.TagSets {
		paths = append(paths, ts.Path)
	}
	var out []clusterTagSets
	for _, c := range dataClusters(p, paths) {
		cs := clusterTagSets{asCluster: c}
		for _, ts := range p.Snapshot.TagSets {
			if p.Snapshot.ClusterOf(ts.Path) != c.name {
				continue
			}
			switch {
			case ts.Scope.Kind == tagset.ScopeTagSet && ts.Scope.SystemDefault:
				cs.def = ts
			case ts.Scope.Kind == tagset.ScopeTagSet:
				cs.named = append(cs.named, ts)
			default:
				cs.custom = append(cs.custom, ts)
			}
		}
		out = append(out, cs)
	}
	return out
}

// judgedTagSets returns the AS clusters whose sets of tags a tag-set
// check judges. It records that the check was not evaluated when the
// snapshot holds neither an Application Server nor a tag set, and an
// evidence gap for each cluster whose Application Servers are captured
// but none of its tag sets: every Webex deployment has some.
func judgedTagSets(p *lint.Pass) []clusterTagSets {
	clusters := tagSetsByCluster(p)
	if len(clusters) == 0 {
		p.NotEvaluated("", "no Application Server and no tag set in the snapshot (hosts/<as>/, devicemgmt/tagsets/, OCI-P tag lists)")
	}
	for _, c := range clusters {
		if !c.hasTagSets() && len(c.hosts) > 0 {
			p.Gap("", tagSetCapture, "no tag set%s was captured, though the snapshot holds its Application Servers (%s)", ofCluster(c.name), c.hostNames())
		}
	}
	return clusters
}

// webexSets returns the Webex tag sets of a cluster: the named sets that
// hold a Webex tag, else the system default set when it does.
func webexSets(c clusterTagSets, suffix string) []*tagset.TagSet {
	holds := func(ts *tagset.TagSet) bool {
		return slices.ContainsFunc(ts.Tags, func(t tagset.Tag) bool { return strings.HasSuffix(t.Name.Text, suffix) })
	}
	var out []*tagset.TagSet
	for _, ts := range c.named {
		if holds(ts) {
			out = append(out, ts)
		}
	}
	if len(out) == 0 && c.def != nil && holds(c.def) {
		out = append(out, c.def)
	}
	return out
}

// resolve finds the tag named name for the devices of ts: in ts itself,
// else, for a named tag set, in the system default set its devices also
// get. from is the set that defines it.
func (c clusterTagSets) resolve(ts *tagset.TagSet, name string) (t tagset.Tag, from *tagset.TagSet, ok bool) {
	if t, ok := ts.Lookup(name); ok {
		return t, ts, true
	}
	if ts.Scope.Kind == tagset.ScopeTagSet && c.def != nil && c.def != ts {
		if t, ok := c.def.Lookup(name); ok {
			return t, c.def, true
		}
	}
	return tagset.Tag{}, nil, false
}

// tagOptions checks the options of a tag-set check that name tags, as
// option → tag name pairs, and the suffix of Webex tags: an error names
// the first that no tag can have.
func tagOptions(webexSuffix string, tags ...[2]string) error {
	for _, t := range tags {
		if len(t[1]) < 3 || !strings.HasPrefix(t[1], "%") || !strings.HasSuffix(t[1], "%") {
			return &lint.OptionError{Option: t[0], Msg: fmt.Sprintf("%q is not a tag name: it must start and end with %%, such as \"%%SBC_ADDRESS_WXT%%\"", t[1])}
		}
	}
	if webexSuffix == "" || !strings.HasSuffix(webexSuffix, "%") {
		return &lint.OptionError{Option: "webex_suffix", Msg: fmt.Sprintf("%q is not the end of a tag name: it must end with %%, such as \"_WXT%%\"", webexSuffix)}
	}
	return nil
}

// wildcardMatch reports whether s matches pattern without regard to
// case, where '*' in the pattern stands for any run of characters.
func wildcardMatch(pattern, s string) bool {
	p, v := strings.ToLower(pattern), strings.ToLower(s)
	parts := strings.Split(p, "*")
	if len(parts) == 1 {
		return p == v
	}
	if !strings.HasPrefix(v, parts[0]) {
		return false
	}
	v = v[len(parts[0]):]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(v, part)
		if i < 0 {
			return false
		}
		v = v[i+len(part):]
	}
	return strings.HasSuffix(v, parts[len(parts)-1])
}

// hostPort splits an address as tags and URLs write it — a DNS name, an
// IPv4 address or an IPv6 address (bracketed when a port follows), with
// an optional ":port" — and reports whether it is one. port is "" when
// none is given; ip is set for an address literal.
func hostPort(s string) (host, port string, ip bool, ok bool) {
	host = s
	switch {
	case strings.HasPrefix(s, "["):
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return "", "", false, false
		}
		host, port = s[1:end], s[end+1:]
		if port != "" {
			if port[0] != ':' {
				return "", "", false, false
			}
			port = port[1:]
		}
		if a, err := netip.ParseAddr(host); err != nil || !a.Is6() {
			return "", "", false, false
		}
		return host, port, true, port == "" || validPort(port)
	case strings.Count(s, ":") > 1:
		a, err := netip.ParseAddr(s)
		return s, "", true, err == nil && a.Is6()
	case strings.Contains(s, ":"):
		host, port, _ = strings.Cut(s, ":")
		if !validPort(port) {
			return "", "", false, false
		}
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return host, port, true, a.Is4()
	}
	return host, port, false, dnsName(host)
}

// validPort reports whether s is a TCP or UDP port number, 1 to 65535.
func validPort(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= 65535 && strconv.Itoa(n) == s
}

// dnsName reports whether s is a host name as DNS writes it: labels of
// letters, digits and hyphens, 1 to 63 characters, not starting or ending
// with a hyphen, at most 253 characters in all, an optional final dot,
// and a last label that is not all digits (which would be a mistyped
// address).
func dnsName(s string) bool {
	s = strings.TrimSuffix(s, ".")
	if s == "" || len(s) > 253 {
		return false
	}
	labels := strings.Split(s, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !isHostChar(c) {
				return false
			}
		}
	}
	last := labels[len(labels)-1]
	return strings.Trim(last, "0123456789") != ""
}

// isHostChar reports a letter, digit or hyphen, the characters of a DNS
// label.
func isHostChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

// qualified reports whether a DNS name is fully qualified: it has a
// domain, not only a host label such as "localhost".
func qualified(name string) bool {
	return strings.Contains(strings.TrimSuffix(name, "."), ".")
}

// tagFix is how to give a tag a value in the set of tags ts: value, or,
// when the value is not known, what names what it must be ("the SBC's
// fully qualified name"). exists says whether the set defines the tag
// already, which picks the OCI-P request. Tag sets are changed as a
// system administrator in the web portal or over OCI-P, custom tags where
// they are defined; the tags of a user's device are the result of the
// others and have no fix of their own (nil). Never call it with the value
// of a secret tag.
func tagFix(ts *tagset.TagSet, tag, value, what string, exists bool) []lint.FixStep {
	to := what
	if value != "" {
		to = strconv.Quote(value)
	}
	name, _ := ts.Describe()
	var step string
	switch kind := ts.Scope.Kind; {
	case kind == tagset.ScopeUserDevice:
		return nil
	case kind == tagset.ScopeTagSet:
		request := "SystemDeviceManagementTagAddRequest22"
		if exists {
			request = "SystemDeviceManagementTagModifyRequest"
		}
		set := "tagSetName " + strconv.Quote(ts.Name)
		if ts.Scope.SystemDefault {
			set = "systemDefaultTagSet true"
		}
		elements := set + ", tagName " + strconv.Quote(tag)
		if value != "" {
			elements += ", tagValue " + strconv.Quote(value)
		}
		step = fmt.Sprintf("in %s, set %s to %s: in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with %s (%s)", name, tag, to, request, elements)
	case kind == tagset.ScopeDeviceType && ts.Scope.GroupID.Text != "":
		step = fmt.Sprintf("in %s, set %s to %s (Group > Resources > Identity/Device Profile Types > %q > Custom Tags)", name, tag, to, ts.Scope.DeviceType.Text)
	case kind == tagset.ScopeDeviceType:
		step = fmt.Sprintf("in %s, set %s to %s, where the device type's custom tags are defined", name, tag, to)
	default:
		step = fmt.Sprintf("in %s, set %s to %s, where the device's custom tags are defined", name, tag, to)
	}
	return []lint.FixStep{{Comment: step}, rebuildStep}
}

// tagDeleteStep deletes a tag from the set of tags ts: a tag set in the
// web portal or over OCI-P, custom tags where they are defined.
func tagDeleteStep(ts *tagset.TagSet, tag string) lint.FixStep {
	name, _ := ts.Describe()
	if ts.Scope.Kind != tagset.ScopeTagSet {
		return lint.FixStep{Comment: fmt.Sprintf("delete %s from %s, where they are defined", tag, name)}
	}
	set := "tagSetName " + strconv.Quote(ts.Name)
	if ts.Scope.SystemDefault {
		set = "systemDefaultTagSet true"
	}
	return lint.FixStep{Comment: fmt.Sprintf("delete %s from %s: in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagDeleteListRequest (%s, tagName %s)", tag, name, set, strconv.Quote(tag))}
}

// rebuildStep is what follows a change of tags: the devices read them
// from files BroadWorks builds.
var rebuildStep = lint.FixStep{Comment: "then rebuild the files of the device types that use the tags (SystemCPEConfigRebuildConfigFileRequest) and sign the Webex app in again"}
