package checks

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// The evidence dm_call_settings_webview_tags reads beside the tag sets.
var (
	cswShowVer = lint.Shell(inputs.RoleXSP, "bwshowver", "hosts/<host>/bwshowver.txt").
			Reading("whether an XSP deploys Call Settings Webview (an application on a context path the `xsp_context_paths` option names), and the XSP's name").
			AsOptional()
	cswClusters = lint.PartnerHub("copy each BroadWorks cluster into a JSON file (docs/inputs.md)", "partnerhub/clusters/<name>.json").
			Reading("the host names of the XSP farm, from the cluster's Xsi, authentication-service and CTI URLs and its `xsps`").
			AsOptional()
)

type callSettingsOptions struct {
	TargetTag       string   `hcl:"target_tag,optional" doc:"the tag that says where the Webex app opens call settings"`
	Target          string   `hcl:"target,optional" doc:"the value the target tag must hold for Call Settings Webview"`
	URLTag          string   `hcl:"url_tag,optional" doc:"the tag that gives the Call Settings Webview URL"`
	WebexSuffix     string   `hcl:"webex_suffix,optional" doc:"the end of the names of the Webex app's tags: a tag set holding one is a Webex tag set"`
	XSPContextPaths []string `hcl:"xsp_context_paths,optional" doc:"context paths of the Call Settings Webview application in an XSP's bwshowver, compared without regard to case; an XSP that lists one shows the feature in use"`
}

// Validate rejects names that no tag can have and an empty target.
func (o *callSettingsOptions) Validate() error {
	if err := tagOptions(o.WebexSuffix, [2]string{"target_tag", o.TargetTag}, [2]string{"url_tag", o.URLTag}); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(o.Target) == "":
		return &lint.OptionError{Option: "target", Msg: "it must name the target, such as \"csw\""}
	case slices.ContainsFunc(o.XSPContextPaths, func(p string) bool { return !strings.HasPrefix(p, "/") }):
		return &lint.OptionError{Option: "xsp_context_paths", Msg: "each must be a context path starting with /, such as \"/callsettings\""}
	}
	return nil
}

var dmCallSettingsWebviewTags = &lint.Check{
	Name:  "dm_call_settings_webview_tags",
	Title: "the Webex tag sets open call settings in Call Settings Webview on an XSP of the deployment",
	Doc: `With Call Settings Webview, the Webex app shows the user's call settings in a view served by
the XSP, as the two tags of its configuration template say: ` + "`%WEB_CALL_SETTINGS_TARGET_WXT%`" + `
must be ` + "`csw`" + ` and ` + "`%WEB_CALL_SETTINGS_URL_WXT%`" + ` the view's https URL, ending in ` + "`/`" + `
(such as ` + "`https://xsp.example.net/callsettings/`" + `).

The troubleshooting guide's "Call settings webview issues" say that when the Self Care button
or link is missing from the Webex app, or opens an external browser, the client template must
be deployed and the CSW tags set correctly; a blank page or an error after clicking it points at
the view's deployment on the XSP. The check judges:

- every Webex tag set (a tag set holding a tag ending in ` + "`_WXT%`" + `, else the system default
  set) defines both tags, itself or through the system default set;
- wherever a tag is defined (tag sets, custom tags of device types and devices, users' devices):
  the target is exactly ` + "`csw`" + `; the URL is an https URL with a host, whose path ends in
  ` + "`/`" + `, and whose host is an XSP of the snapshot — a host folder of an XSP or ADP, or a
  host name of the XSP farm in a Partner Hub cluster file (its Xsi, authentication-service and CTI
  URLs, its ` + "`xsps`" + `), compared without regard to case. When the snapshot names no XSP,
  the host is not judged, and the check says so.

The check applies where Call Settings Webview is in use as far as the captures show: a tag set
defines one of its tags, or an XSP's ` + "`bwshowver`" + ` lists an application on its context
path (` + "`/callsettings`" + `, an option). bwlint does not fetch the URL, so whether the view
answers there is not known.`,
	Fix: `Set both tags in each Webex tag set named in a finding, as a system administrator in the
BroadWorks web portal (System > Resources > Device Management Tag Sets, the set) or over OCI-P:

` + "```xml" + `
<command xsi:type="SystemDeviceManagementTagModifyRequest" xmlns="">
  <tagSetName>TAG_SET</tagSetName>
  <tagName>%WEB_CALL_SETTINGS_TARGET_WXT%</tagName>
  <tagValue>csw</tagValue>
</command>
<command xsi:type="SystemDeviceManagementTagModifyRequest" xmlns="">
  <tagSetName>TAG_SET</tagSetName>
  <tagName>%WEB_CALL_SETTINGS_URL_WXT%</tagName>
  <tagValue>https://xsp.example.net/callsettings/</tagValue>
</command>
` + "```" + `

Use ` + "`SystemDeviceManagementTagAddRequest22`" + ` (same elements) for a tag that is missing, and
` + "`<systemDefaultTagSet>true</systemDefaultTagSet>`" + ` instead of ` + "`<tagSetName>`" + ` for the system
default set. Then rebuild the files of the Webex device types
(` + "`<command xsi:type=\"SystemCPEConfigRebuildConfigFileRequest\" xmlns=\"\"><deviceType>Business Communicator - PC</deviceType></command>`" + `)
and sign the app in again.`,
	Severity: lint.Error,
	Applies: `Every AS cluster of a snapshot that uses Call Settings Webview as far as its captures show: a
tag set or custom tag defines one of the two tags, or an XSP's bwshowver lists the view's
application. A cluster whose Application Servers are captured without its tag sets, or whose
tag sets hold no Webex tag, is then an evidence gap. Otherwise the check is not evaluated.`,
	Evidence: []lint.Evidence{tagSetCapture, customTagCapture, cswShowVer, cswClusters},
	Tags:     []string{"devicemgmt", "tags", "xsp"},
	Options: func() any {
		return &callSettingsOptions{
			TargetTag: "%WEB_CALL_SETTINGS_TARGET_WXT%", Target: "csw", URLTag: "%WEB_CALL_SETTINGS_URL_WXT%",
			WebexSuffix: "_WXT%", XSPContextPaths: []string{"/callsettings"},
		}
	},
	Run: runCallSettingsWebviewTags,
}

func runCallSettingsWebviewTags(p *lint.Pass) error {
	opts := lint.OptionsOf[callSettingsOptions](p)
	inUse, why := callSettingsInUse(p, opts)
	if !inUse {
		p.NotEvaluated("", "Call Settings Webview is not in use as far as the snapshot shows: no tag set or custom tag defines %s or %s, and no XSP's bwshowver lists an application on %s",
			opts.TargetTag, opts.URLTag, strings.Join(opts.XSPContextPaths, " or "))
		return nil
	}
	xsps := xspNames(p)
	if len(xsps) == 0 {
		p.NotEvaluatedPart("", "the snapshot names no XSP (no XSP or ADP host folder, no Partner Hub cluster file), so the host of %s is not compared with one", opts.URLTag)
	}
	for _, c := range judgedTagSets(p) {
		sets := webexSets(c, opts.WebexSuffix)
		if len(sets) == 0 && c.hasTagSets() {
			p.Gap("", tagSetCapture, "Call Settings Webview is in use (%s) but no captured tag set%s holds a tag ending in %s, so the Webex tag set was not captured", why, ofCluster(c.name), opts.WebexSuffix)
		}
		for _, ts := range sets {
			for _, tag := range []string{opts.TargetTag, opts.URLTag} {
				if _, _, ok := c.resolve(ts, tag); !ok {
					fix := tagFix(ts, tag, opts.Target, "", false)
					if tag == opts.URLTag {
						fix = tagFix(ts, tag, "", cswURLWhat, false)
					}
					reportMissingTag(p, c, ts, tag, why, fix)
				}
			}
		}
		for _, ts := range c.sets() {
			for _, tag := range []string{opts.TargetTag, opts.URLTag} {
				if t, ok := ts.Lookup(tag); ok && t.Secret() {
					name, _ := ts.Describe()
					p.NotEvaluatedPart("", "%s in %s%s is encrypted, so its value cannot be judged", tag, name, ofCluster(c.name))
				}
			}
			if t, ok := ts.Lookup(opts.TargetTag); ok && !t.Secret() && t.Value.Text != opts.Target {
				name, key := ts.Describe()
				p.Report(lint.Finding{
					Message:  fmt.Sprintf("%s in %s%s is %q, not %q: the Webex app does not open call settings in Call Settings Webview", opts.TargetTag, name, ofCluster(c.name), t.Value.Text, opts.Target),
					Location: valueOrRow(t),
					Logical:  lint.Logical{Context: clusterContext(c.name, key), Key: opts.TargetTag},
					Expected: opts.Target,
					Actual:   t.Value.Text,
					Fix:      tagFix(ts, opts.TargetTag, opts.Target, "", true),
				})
			}
			if t, ok := ts.Lookup(opts.URLTag); ok && !t.Secret() {
				judgeCallSettingsURL(p, c, ts, t, xsps)
			}
		}
	}
	return nil
}

// callSettingsInUse reports whether the captures show Call Settings
// Webview in use, and how.
func callSettingsInUse(p *lint.Pass, opts *callSettingsOptions) (bool, string) {
	for _, ts := range p.Snapshot.TagSets {
		for _, tag := range []string{opts.TargetTag, opts.URLTag} {
			if _, ok := ts.Lookup(tag); ok {
				name, _ := ts.Describe()
				return true, fmt.Sprintf("%s defines %s", name, tag)
			}
		}
	}
	for _, h := range p.HostsWithRole(inputs.RoleXSP) {
		if h.ShowVer == nil {
			continue
		}
		for _, a := range h.ShowVer.Applications {
			if slices.ContainsFunc(opts.XSPContextPaths, func(path string) bool {
				return strings.EqualFold(strings.TrimSuffix(a.ContextPath.Text, "/"), strings.TrimSuffix(path, "/"))
			}) {
				return true, fmt.Sprintf("%s deploys %s on %s", h.Name, a.Name.Text, a.ContextPath.Text)
			}
		}
	}
	return false, ""
}

// reportMissingTag reports a Webex tag set that lacks a tag Call Settings
// Webview needs, and does not get it from the system default set.
func reportMissingTag(p *lint.Pass, c clusterTagSets, ts *tagset.TagSet, tag, why string, fix []lint.FixStep) {
	name, key := ts.Describe()
	also := ""
	if c.def != nil && c.def != ts {
		also = ", nor does the system default tag set"
	}
	p.Report(lint.Finding{
		Message:  fmt.Sprintf("%s%s holds Webex tags but no %s%s, though Call Settings Webview is in use (%s)", name, ofCluster(c.name), tag, also, why),
		Location: hcl.Range{Filename: ts.Path},
		Logical:  lint.Logical{Context: clusterContext(c.name, key), Key: tag},
		Fix:      fix,
	})
}

// cswURLWhat names the value of the URL tag when a fix does not know it.
const cswURLWhat = "the https URL of Call Settings Webview on your XSP farm, ending in /"

// judgeCallSettingsURL reports what is wrong with one definition of the
// URL tag, in one finding: its scheme, its final slash, its host.
func judgeCallSettingsURL(p *lint.Pass, c clusterTagSets, ts *tagset.TagSet, t tagset.Tag, xsps []string) {
	opts := lint.OptionsOf[callSettingsOptions](p)
	v := t.Value.Text
	u, err := url.Parse(v)
	var wrong []string
	want := ""
	hostKnown := true // the URL's host is an XSP of the snapshot, or none is known
	switch {
	case strings.TrimSpace(v) == "":
		wrong = append(wrong, "is empty")
	case strings.TrimSpace(v) != v:
		wrong = append(wrong, "has spaces around it")
	case err != nil || u.Host == "":
		wrong = append(wrong, "is not a URL with a host")
	default:
		fixed := *u
		if !strings.EqualFold(u.Scheme, "https") {
			wrong = append(wrong, fmt.Sprintf("uses %s, not https", cmp.Or(u.Scheme, "no scheme")))
			fixed.Scheme = "https"
		}
		if !strings.HasSuffix(u.Path, "/") || u.RawQuery != "" || u.Fragment != "" {
			wrong = append(wrong, "does not end in /")
			fixed.Path, fixed.RawQuery, fixed.Fragment = u.Path+"/", "", ""
		}
		if len(xsps) > 0 && !slices.ContainsFunc(xsps, func(x string) bool { return sameHost(x, u.Hostname()) }) {
			wrong = append(wrong, fmt.Sprintf("names host %s, which is no XSP of the snapshot (%s)", u.Hostname(), strings.Join(xsps, ", ")))
			hostKnown = false
		}
		want = fixed.String()
	}
	if len(wrong) == 0 {
		return
	}
	name, key := ts.Describe()
	if want == v {
		want = ""
	}
	// The corrected URL is typed only when its host is right; a URL
	// with credentials in it never is.
	typed := want
	if u, err := url.Parse(want); !hostKnown || err != nil || u.User != nil {
		typed = ""
	}
	p.Report(lint.Finding{
		Message:  fmt.Sprintf("%s in %s%s %s", opts.URLTag, name, ofCluster(c.name), strings.Join(wrong, "; ")),
		Location: valueOrRow(t),
		Logical:  lint.Logical{Context: clusterContext(c.name, key), Key: opts.URLTag},
		Expected: want,
		Actual:   v,
		Fix:      tagFix(ts, opts.URLTag, typed, cswURLWhat, true),
	})
}

// xspNames lists the names the snapshot gives its XSPs, lower-cased and
// sorted: the folders of XSP and ADP hosts, and the hosts of the Partner
// Hub clusters' URLs and xsps lists.
func xspNames(p *lint.Pass) []string {
	seen := map[string]bool{}
	add := func(name string) {
		name = strings.ToLower(strings.TrimSuffix(name, "."))
		if name != "" {
			seen[name] = true
		}
	}
	for _, h := range p.HostsWithRole(inputs.RoleXSP) {
		add(h.Name)
	}
	for _, c := range p.Snapshot.Clusters {
		for _, v := range []string{c.AuthServiceURL.Text, c.XsiActionsURL.Text, c.XsiEventsURL.Text, c.CTIURL.Text} {
			if u, err := url.Parse(v); err == nil {
				add(u.Hostname())
			}
		}
		for _, x := range c.XSPs {
			add(x.Text)
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
