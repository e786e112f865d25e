package checks

import (
	"fmt"
	"net/netip"
	"net/url"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

type sbcAddressOptions struct {
	AddressTag   string   `hcl:"address_tag,optional" doc:"the tag that names the SBC the Webex app registers through"`
	PortTag      string   `hcl:"port_tag,optional" doc:"the tag that gives the SBC's port; \"\" when the template gives no port tag"`
	WebexSuffix  string   `hcl:"webex_suffix,optional" doc:"the end of the names of the Webex app's tags: a tag set holding one is a Webex tag set"`
	Placeholders []string `hcl:"placeholders,optional" doc:"values that stand for an address not yet known, compared without regard to case; * stands for any run of characters"`
}

// Validate rejects tag names that no tag can have, and an empty
// placeholder, which would call every empty value a placeholder rather
// than empty.
func (o *sbcAddressOptions) Validate() error {
	tags := [][2]string{{"address_tag", o.AddressTag}}
	if o.PortTag != "" {
		tags = append(tags, [2]string{"port_tag", o.PortTag})
	}
	if err := tagOptions(o.WebexSuffix, tags...); err != nil {
		return err
	}
	if slices.Contains(o.Placeholders, "") {
		return &lint.OptionError{Option: "placeholders", Msg: "an empty placeholder would match every empty value; the check reports empty values anyway"}
	}
	return nil
}

var dmSBCAddressWXT = &lint.Check{
	Name:  "dm_sbc_address_wxt",
	Title: "the Webex tag sets name the SBC the Webex app registers through",
	Doc: `The Webex app reads the SBC it sends its SIP REGISTER to from its device profile, which
BroadWorks fills from ` + "`%SBC_ADDRESS_WXT%`" + `. The troubleshooting guide, under "Misconfiguration of
BroadWorks tags", asks that the tags the Webex app needs be set without conflicts or wrong
values, and says in particular that ` + "`%SBC_ADDRESS_WXT%`" + ` must be the SBC facing the SIP registrar
for Webex app clients. A wrong value shows as Phone Services without an SSO session: the app
signs in but cannot register.

The check judges:

- **Presence.** Every Webex tag set — a tag set that holds a tag ending in ` + "`_WXT%`" + ` — holds
  ` + "`%SBC_ADDRESS_WXT%`" + `, or the system default tag set does (its devices get both sets). When
  no named set holds a Webex tag, the system default set is the Webex set.
- **Value**, wherever the tag is defined (tag sets, the system default set, the custom tags of
  device types and devices, the tags users' devices resolve to): not empty, no spaces around it,
  not a placeholder (` + "`TBD`" + `, ` + "`TODO`" + `, ` + "`changeme`" + `, ` + "`<…>`" + `, ` + "`x.x.x.x`" + `), and a host name, an IPv4
  address or an IPv6 address (in brackets when a port follows), with an optional ` + "`:port`" + `; not
  a URL, and not a loopback or unspecified address, which no client can reach.
- **Port.** ` + "`%SBC_PORT_WXT%`" + `, where the same set (or, for a named set, the system default
  set) defines it, is a port number from 1 to 65535, and agrees with a port written into the
  address.

What is known and what is not: the guide states only what the tag must point at. The
definition of the Webex tags is in the Webex for Cisco BroadWorks Configuration Guide, whose
text was not available when this check was written; the name of the port tag is therefore an
option, and an address without a port tag is not reported. bwlint resolves no names and sees no
SBC: it cannot tell whether the address is the right SBC, whether it resolves, or whether the
SBC listens on the port — only that the value is one a client can use. An encrypted value is not
judged (the check says so).`,
	Fix: `Set the tag to the SBC's fully qualified name (or address) in each tag set named in a finding,
as a system administrator in the BroadWorks web portal (System > Resources > Device Management
Tag Sets, the set, the tag) or over OCI-P:

` + "```xml" + `
<command xsi:type="SystemDeviceManagementTagModifyRequest" xmlns="">
  <tagSetName>TAG_SET</tagSetName>
  <tagName>%SBC_ADDRESS_WXT%</tagName>
  <tagValue>sbc.example.net</tagValue>
</command>
` + "```" + `

Add it with ` + "`SystemDeviceManagementTagAddRequest22`" + ` (same elements) where it is missing, and
write ` + "`<systemDefaultTagSet>true</systemDefaultTagSet>`" + ` instead of ` + "`<tagSetName>`" + ` for the system
default set; correct ` + "`%SBC_PORT_WXT%`" + ` the same way. Custom tags are changed where they are
defined (Group > Resources > Identity/Device Profile Types > the type > Custom Tags). Then
rebuild the files of the Webex device types
(` + "`<command xsi:type=\"SystemCPEConfigRebuildConfigFileRequest\" xmlns=\"\"><deviceType>Business Communicator - PC</deviceType></command>`" + `)
and sign the app in again.`,
	Severity: lint.Error,
	Applies: `Every AS cluster of the snapshot. A cluster whose Application Servers are captured but none
of its tag sets, or whose captured tag sets hold no Webex tag (so that its Webex tag set was not
captured), is an evidence gap; without an Application Server and without tag sets the check is
not evaluated.`,
	Evidence: []lint.Evidence{tagSetCapture, customTagCapture},
	Tags:     []string{"devicemgmt", "tags", "registration"},
	Options: func() any {
		return &sbcAddressOptions{
			AddressTag: "%SBC_ADDRESS_WXT%", PortTag: "%SBC_PORT_WXT%", WebexSuffix: "_WXT%",
			Placeholders: []string{"TBD", "TODO", "changeme", "<*>", "x.x.x.x"},
		}
	},
	Run: runSBCAddressWXT,
}

func runSBCAddressWXT(p *lint.Pass) error {
	opts := lint.OptionsOf[sbcAddressOptions](p)
	for _, c := range judgedTagSets(p) {
		sbcPresence(p, c, opts)
		for _, ts := range c.sets() {
			if t, ok := ts.Lookup(opts.AddressTag); ok {
				sbcValue(p, c, ts, t, opts)
			}
		}
	}
	return nil
}

// sbcPresence reports each Webex tag set that neither holds the address
// tag nor gets it from the system default set.
func sbcPresence(p *lint.Pass, c clusterTagSets, opts *sbcAddressOptions) {
	sets := webexSets(c, opts.WebexSuffix)
	if len(sets) == 0 {
		if c.hasTagSets() {
			var names []string
			for _, ts := range append(c.named, c.def) {
				if ts != nil {
					name, _ := ts.Describe()
					names = append(names, name)
				}
			}
			p.Gap("", tagSetCapture, "no captured tag set%s holds a tag ending in %s (%s), so the Webex tag set was not captured", ofCluster(c.name), opts.WebexSuffix, strings.Join(names, ", "))
		}
		return
	}
	for _, ts := range sets {
		if _, _, ok := c.resolve(ts, opts.AddressTag); ok {
			continue // its own, or the system default set's
		}
		name, key := ts.Describe()
		also := ""
		if c.def != nil && c.def != ts {
			also = ", nor does the system default tag set"
		}
		p.Report(lint.Finding{
			Message:  fmt.Sprintf("%s%s holds Webex tags but no %s%s: the Webex app gets no SBC to register through", name, ofCluster(c.name), opts.AddressTag, also),
			Location: hcl.Range{Filename: ts.Path},
			Logical:  lint.Logical{Context: clusterContext(c.name, key), Key: opts.AddressTag},
			Expected: opts.AddressTag + " = the SBC's host name or address",
			Fix:      tagFix(ts, opts.AddressTag, "", sbcWhat, false),
		})
	}
}

// sbcValue judges one definition of the address tag, and the port tag
// beside it.
func sbcValue(p *lint.Pass, c clusterTagSets, ts *tagset.TagSet, t tagset.Tag, opts *sbcAddressOptions) {
	name, key := ts.Describe()
	where := name + ofCluster(c.name)
	if t.Secret() {
		p.NotEvaluatedPart("", "%s in %s is encrypted, so its value cannot be judged", opts.AddressTag, where)
		return
	}
	v := t.Value.Text
	report := func(why string) {
		is := fmt.Sprintf("is %q, ", v)
		if v == "" {
			is = "is "
		}
		p.Report(lint.Finding{
			Message:  fmt.Sprintf("%s in %s %s%s", opts.AddressTag, where, is, why),
			Location: valueOrRow(t),
			Logical:  lint.Logical{Context: clusterContext(c.name, key), Key: opts.AddressTag},
			Expected: "the SBC's host name or address, such as sbc.example.net or sbc.example.net:5075",
			Actual:   v,
			Fix:      tagFix(ts, opts.AddressTag, sbcAddressIn(v), sbcWhat, true),
		})
	}
	host, port, ip, ok := hostPort(v)
	switch {
	case strings.TrimSpace(v) == "":
		report("empty: the Webex app gets no SBC to register through")
		return
	case isPlaceholder(v, opts.Placeholders):
		report("a placeholder, not the SBC's address")
		return
	case strings.TrimSpace(v) != v:
		report("with spaces around it, which the Webex app takes as part of the address")
		return
	case strings.Contains(v, "://") || strings.HasPrefix(strings.ToLower(v), "sip:") || strings.HasPrefix(strings.ToLower(v), "sips:"):
		report("a URI, where the tag takes a host name or address")
		return
	case !ok:
		report("which is neither a host name nor an IPv4 or IPv6 address (with an optional :port)")
		return
	case ip && unusableAddress(host):
		report("an address no Webex app can reach")
		return
	}
	sbcPort(p, c, ts, port, where, key, opts)
}

// sbcPort judges the port tag that goes with an address in ts: a port
// number, equal to the port the address names, if any.
func sbcPort(p *lint.Pass, c clusterTagSets, ts *tagset.TagSet, addrPort, where, key string, opts *sbcAddressOptions) {
	if opts.PortTag == "" {
		return
	}
	pt, from, ok := c.resolve(ts, opts.PortTag)
	if !ok || pt.Secret() {
		return
	}
	if from != ts {
		name, k := from.Describe()
		where, key = name+ofCluster(c.name), k
	}
	v := pt.Value.Text
	f := lint.Finding{
		Location: valueOrRow(pt),
		Logical:  lint.Logical{Context: clusterContext(c.name, key), Key: opts.PortTag},
		Actual:   v,
	}
	switch {
	case !validPort(v):
		f.Message = fmt.Sprintf("%s in %s is %q, not a port number from 1 to 65535", opts.PortTag, where, v)
		f.Expected = "a port number, such as 5075"
		f.Fix = tagFix(from, opts.PortTag, addrPort, "the SBC's port number", true)
	case addrPort != "" && addrPort != v:
		f.Message = fmt.Sprintf("%s in %s is %s but %s names port %s", opts.PortTag, where, v, opts.AddressTag, addrPort)
		f.Expected = addrPort
		f.Fix = tagFix(from, opts.PortTag, addrPort, "", true)
	default:
		return
	}
	p.Report(f)
}

// sbcWhat names the value of the address tag when a fix does not know it.
const sbcWhat = "the SBC's fully qualified name (or its address)"

// sbcAddressIn is the address a wrong value of the address tag holds
// after all, when it is plain: a value with spaces around it, or a URI
// whose host (and port) is one a client can reach; "" otherwise.
func sbcAddressIn(v string) string {
	s := strings.TrimSpace(v)
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "sip:"), strings.HasPrefix(lower, "sips:"):
		_, s, _ = strings.Cut(s, ":")
		if at := strings.LastIndexByte(s, '@'); at >= 0 {
			s = s[at+1:] // never a user part
		}
		s, _, _ = strings.Cut(s, ";")
	case strings.Contains(s, "://"):
		u, err := url.Parse(s)
		if err != nil || u.User != nil {
			return ""
		}
		s = u.Host
	}
	host, _, ip, ok := hostPort(s)
	if s == v || !ok || ip && unusableAddress(host) {
		return ""
	}
	return s
}

// isPlaceholder reports whether v is one of the placeholders.
func isPlaceholder(v string, placeholders []string) bool {
	v = strings.TrimSpace(v)
	return slices.ContainsFunc(placeholders, func(pl string) bool { return wildcardMatch(pl, v) })
}

// unusableAddress reports an address literal no client can reach: a
// loopback or unspecified address.
func unusableAddress(host string) bool {
	a, err := netip.ParseAddr(host)
	return err == nil && (a.IsLoopback() || a.IsUnspecified())
}

// valueOrRow locates a tag's value, or its row when the value is empty
// and its range holds nothing to point at.
func valueOrRow(t tagset.Tag) hcl.Range {
	if t.Value.Range().Start.Byte == t.Value.Range().End.Byte {
		return t.Range
	}
	return t.Value.Range()
}
