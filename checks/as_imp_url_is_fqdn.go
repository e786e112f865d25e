package checks

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/ocip"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// The evidence as_imp_url_is_fqdn reads.
var (
	impURLMessaging = lint.CLI(inputs.RoleAS, messagingContext, "get", "hosts/<host>/interface-messaging.txt").
			Reading("provisioningUrl and enableSynchronization")
	impURLSystem = lint.OCIP("SystemBroadCloudGetRequest22", "hosts/<host>/ocip/<name>.xml").
			Reading("the same two settings over OCI-P, for an AS whose CLI capture is missing (a file in `hosts/<as>/` belongs to that AS's cluster, one in `ocip/` to the snapshot's)").
			AsOptional()
	impURLLevels = lint.OCIP("ServiceProviderIntegratedIMPGetRequest22", "ocip/<name>.xml").
			Reading("the provisioningUrl an enterprise or service provider uses instead of the system's (`useSystemMessagingServer` false), and likewise of resellers (`ResellerIntegratedIMPGetRequest22`) and groups (`GroupIntegratedIMPGetRequest23`)").
			AsOptional()
)

type impURLOptions struct {
	BridgeHosts []string `hcl:"bridge_hosts,optional" doc:"host names the provisioning URL may name, compared without regard to case; * stands for any run of characters; [] accepts any fully qualified name"`
}

// Validate rejects an empty pattern, which no host name matches.
func (o *impURLOptions) Validate() error {
	if slices.Contains(o.BridgeHosts, "") {
		return &lint.OptionError{Option: "bridge_hosts", Msg: "an empty pattern matches no host; list patterns such as \"broadworks-provisioning-bridge-*.wbx2.com\", or none to accept any fully qualified name"}
	}
	return nil
}

var asIMPURLIsFQDN = &lint.Check{
	Name:  "as_imp_url_is_fqdn",
	Title: "AS provisions Webex users through the provisioning bridge's fully qualified https URL",
	Doc: `The Application Server sends each Webex user it provisions to the provisioning bridge at
` + "`provisioningUrl`" + ` of ` + "`AS_CLI/Interface/Messaging`" + `, when ` + "`enableSynchronization`" + ` is true.
The troubleshooting guide's PSLog analysis says a 403 answer can mean the Application Server is
misconfigured: the request should target the provisioning bridge URL shown on the Partner Hub
template, not an IP address — and that an IP address there can also mean a missing patch
(ap373197, see [` + "`as_required_patches`" + `](as_required_patches.md)). The Solution Guide asks for the
fully qualified name as Control Hub gives it, with an ` + "`/etc/hosts`" + ` entry on the AS if it cannot
resolve it.

The check judges, on every Application Server:

- ` + "`provisioningUrl`" + ` is an https URL whose host is a fully qualified name — not an IPv4 or IPv6
  address (bracketed or not), not a single label such as ` + "`localhost`" + ` — matching the
  ` + "`bridge_hosts`" + ` option (` + "`broadworks-provisioning-bridge-*.wbx2.com`" + `, the provisioning bridges'
  names);
- ` + "`enableSynchronization`" + ` is true.

The settings are read from the AS CLI, or, where an AS has no CLI capture, from the OCI-P response
to ` + "`SystemBroadCloudGetRequest22`" + ` of its cluster: both show the same system setting. The
Integrated IM&P setting of a reseller, an enterprise or service provider, or a group that does not
use the level above (` + "`useSystemMessagingServer`" + ` or ` + "`useServiceProviderMessagingServer`" + ` false) has
its own provisioning URL, judged the same way where OCI-P captured it (such findings name no
host). An AS whose provisioning URL is unset and whose synchronization is off does not provision
Webex users through the bridge, and is not evaluated. Whether the URL is the one of the right
template is [` + "`as_imp_matches_template`" + `](as_imp_matches_template.md)'s concern; bwlint resolves
no names.`,
	Fix: `On each AS named in a finding, set the provisioning URL exactly as the Partner Hub template shows
it, with its fully qualified host name, and turn synchronization on:

` + "```" + `
AS_CLI/Interface/Messaging> set provisioningUrl https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/<template id>
AS_CLI/Interface/Messaging> set enableSynchronization true
AS_CLI/Interface/Messaging> get
` + "```" + `

If the AS cannot resolve the name, add it to ` + "`/etc/hosts`" + ` on the AS rather than typing an
address. For an enterprise, service provider or group with its own setting, correct its URL in
the BroadWorks web portal (the enterprise's or group's Services > Integrated IM&P) or over OCI-P
(` + "`ServiceProviderIntegratedIMPModifyRequest`" + `, ` + "`GroupIntegratedIMPModifyRequest`" + ` with
` + "`<provisioningUrl>`" + `).`,
	Severity: lint.Error,
	Applies: `Every Application Server of the snapshot, and every one a Partner Hub cluster lists (a listed AS
the snapshot lacks is an evidence gap), unless its provisioning URL is unset and synchronization
off. An AS with neither the CLI capture nor its cluster's OCI-P system setting is an evidence gap.
The settings of resellers, service providers and groups are judged where captured (optional).`,
	Evidence: []lint.Evidence{impURLMessaging, impURLSystem, impURLLevels},
	Tags:     []string{"as", "provisioning"},
	Options: func() any {
		return &impURLOptions{BridgeHosts: []string{"broadworks-provisioning-bridge-*.wbx2.com"}}
	},
	Run: runIMPURLIsFQDN,
}

// impSetting is the provisioning URL and synchronization flag of one AS
// or level, whichever channel captured them.
type impSetting struct {
	url, sync source.Value
	// urlSet and syncSet say whether the capture shows the setting at all.
	urlSet, syncSet bool
	// at locates the capture, for a setting it lacks.
	at hcl.Range
}

func runIMPURLIsFQDN(p *lint.Pass) error {
	snap := p.Snapshot
	reportUncapturedASes(p, impURLMessaging)
	systemOf := map[string]*ocip.IntegratedIMP{} // cluster → first system-level OCI-P capture
	var levels []*ocip.IntegratedIMP
	for _, imp := range snap.IMP {
		cluster := snap.ClusterOf(imp.Command.Range().Filename)
		switch {
		case imp.Level != "system":
			levels = append(levels, imp)
		case systemOf[cluster] == nil:
			systemOf[cluster] = imp
		}
	}
	ases := p.HostsWithRole(inputs.RoleAS)
	if len(ases) == 0 && len(snap.IMP) == 0 {
		p.NotEvaluated("", "no Application Server host and no Integrated IM&P capture in the snapshot")
		return nil
	}
	for _, h := range ases {
		cluster := clusterOfHost(snap, h)
		var s impSetting
		switch imp := systemOf[cluster]; {
		case h.Captured(messagingContext):
			s = cliIMPSetting(h)
		case imp != nil:
			s = ocipIMPSetting(imp)
		default:
			p.Gap(h.Name, impURLMessaging, "%s", notCaptured(h, lint.ServerOf(h, inputs.RoleAS), messagingContext))
			continue
		}
		ctx := cliContext(nil, lint.ServerOf(h, inputs.RoleAS), messagingContext)
		judgeIMPSetting(p, h.Name, h.Name, ctx, s, true, impFix{cli: ctx, template: servingTemplate(snap, h)})
	}
	for _, cluster := range slices.Sorted(maps.Keys(systemOf)) {
		imp := systemOf[cluster]
		if !slices.ContainsFunc(ases, func(h *inputs.Host) bool { return clusterOfHost(snap, h) == cluster }) {
			// A system setting of a cluster none of whose Application
			// Servers is in the snapshot: judged for the cluster.
			judgeIMPSetting(p, "", "the system messaging server"+ofCluster(cluster), clusterContext(cluster, "integratedimp/system"), ocipIMPSetting(imp), true,
				impFix{cli: cliContext(nil, "AS", messagingContext), on: "on each Application Server" + ofCluster(cluster) + ":"})
		}
	}
	for _, imp := range levels {
		judgeIMPLevel(p, imp)
	}
	return nil
}

// cliIMPSetting reads the settings from the AS CLI.
func cliIMPSetting(h *inputs.Host) impSetting {
	s := impSetting{at: lastIn(h, messagingContext).Input.Range()}
	if kv, _, ok := h.Attr(messagingContext, "provisioningUrl"); ok {
		s.url, s.urlSet = kv.Value, true
	}
	if kv, _, ok := h.Attr(messagingContext, "enableSynchronization"); ok {
		s.sync, s.syncSet = kv.Value, true
	}
	return s
}

// ocipIMPSetting reads the settings from an OCI-P response, where an
// absent element is an unset setting.
func ocipIMPSetting(imp *ocip.IntegratedIMP) impSetting {
	return impSetting{
		url: imp.ProvisioningURL, urlSet: imp.ProvisioningURL.Present(),
		sync: imp.EnableSynchronization, syncSet: imp.EnableSynchronization.Present(),
		at: imp.Command.Type().Range(),
	}
}

// judgeIMPLevel judges the Integrated IM&P setting of a reseller, service
// provider or group that does not use the level above.
func judgeIMPLevel(p *lint.Pass, imp *ocip.IntegratedIMP) {
	if parent, ok := source.Bool(imp.UseParent.Text); ok && parent {
		return
	}
	cluster := p.Snapshot.ClusterOf(imp.Command.Range().Filename)
	var owner, key string
	switch imp.Level {
	case "group":
		owner, key = fmt.Sprintf("group %q of %q", imp.GroupID.Text, imp.ServiceProviderID.Text), "integratedimp/group/"+imp.ServiceProviderID.Text+"/"+imp.GroupID.Text
	case "reseller":
		owner, key = fmt.Sprintf("reseller %q", imp.ResellerID.Text), "integratedimp/reseller/"+imp.ResellerID.Text
	default:
		owner, key = fmt.Sprintf("service provider or enterprise %q", imp.ServiceProviderID.Text), "integratedimp/serviceprovider/"+imp.ServiceProviderID.Text
	}
	if !imp.ProvisioningURL.Present() {
		p.NotEvaluatedPart("", "the Integrated IM&P capture of the %s%s shows no provisioningUrl (group administrators do not see it; capture as a reseller or system administrator)", owner, ofCluster(cluster))
		return
	}
	judgeIMPSetting(p, "", "the "+owner+ofCluster(cluster), clusterContext(cluster, key), impSetting{url: imp.ProvisioningURL, urlSet: true, at: imp.Command.Type().Range()}, false,
		impFix{level: imp, owner: owner})
}

// judgeIMPSetting reports what is wrong with one setting: its URL, and,
// for the system level, its synchronization flag. host is "" for a level
// below the system; who names the AS or level in messages.
func judgeIMPSetting(p *lint.Pass, host, who, context string, s impSetting, system bool, fix impFix) {
	opts := lint.OptionsOf[impURLOptions](p)
	on, isBool := source.Bool(s.sync.Text)
	syncOn := isBool && on
	if system && strings.TrimSpace(s.url.Text) == "" && !syncOn {
		p.NotEvaluated(host, "%s does not provision users to Webex: provisioningUrl is unset and enableSynchronization is not true", who)
		return
	}
	if system && !syncOn {
		f := lint.Finding{Host: host, Logical: lint.Logical{Context: context, Key: "enableSynchronization"}, Expected: "true"}
		if s.syncSet {
			f.Message = fmt.Sprintf("enableSynchronization on %s is %q, so users are not provisioned to Webex", who, s.sync.Text)
			f.Location, f.Actual = valueOrAt(s.sync, s.at), s.sync.Text
		} else {
			f.Message = fmt.Sprintf("enableSynchronization is not set on %s, so users are not provisioned to Webex", who)
			f.Location = s.at
		}
		f.Fix = fix.set("enableSynchronization", "true")
		p.Report(f)
	}
	f := lint.Finding{Host: host, Logical: lint.Logical{Context: context, Key: "provisioningUrl"}, Actual: s.url.Text}
	wrong, want := provisioningURLProblems(s.url.Text, opts.BridgeHosts)
	if len(wrong) == 0 {
		return
	}
	f.Message = fmt.Sprintf("provisioningUrl on %s %s", who, strings.Join(wrong, "; "))
	f.Location, f.Expected = valueOrAt(s.url, s.at), want
	if s.url.Text == "" {
		f.Message = fmt.Sprintf("provisioningUrl is not set on %s, though enableSynchronization is true", who)
	}
	f.Fix = fix.url(want, s.url.Text, opts.BridgeHosts)
	p.Report(f)
}

// impFix is how to change one Integrated IM&P setting: at the AS CLI
// (cli, with on saying where when the setting is a whole cluster's), or,
// for a level below the system, in the web portal or over OCI-P.
type impFix struct {
	cli, on string
	// template serves the AS, when the snapshot shows which one does.
	template *partnerhub.Template
	level    *ocip.IntegratedIMP
	owner    string // the level, for people: `group "g1" of "sp1"`
}

// set types key's value at the CLI; a level's has no such setting.
func (x impFix) set(key, value string) []lint.FixStep {
	if x.cli == "" {
		return nil
	}
	steps := setFix(x.cli, key, value, "")
	if x.on != "" {
		steps = append([]lint.FixStep{{Comment: x.on}}, steps...)
	}
	return steps
}

// url sets the provisioning URL to want, the corrected URL when only its
// scheme was wrong, else to the URL of the template that serves the AS
// when that one is right itself; with neither, the URL is not known.
func (x impFix) url(want, got string, bridgeHosts []string) []lint.FixStep {
	if want == "" && x.template != nil && x.template.ProvisioningURL.Text != got {
		if wrong, _ := provisioningURLProblems(x.template.ProvisioningURL.Text, bridgeHosts); len(wrong) == 0 {
			want = x.template.ProvisioningURL.Text
		}
	}
	if u, err := url.Parse(want); err != nil || u.User != nil {
		// A URL with credentials in it is never typed into a fix.
		return nil
	}
	switch {
	case x.level != nil && want != "":
		return []lint.FixStep{{Comment: fmt.Sprintf("set the provisioning URL of the %s to %s: in the web portal (its Services > Integrated IM&P), or over OCI-P with %s and <provisioningUrl>%s</provisioningUrl>", x.owner, want, levelModifyRequest(x.level), want)}}
	case x.level != nil:
		return []lint.FixStep{{Comment: fmt.Sprintf("set the provisioning URL of the %s to the Provisioning URL of its Partner Hub template, with its fully qualified host name: in the web portal (its Services > Integrated IM&P), or over OCI-P with %s", x.owner, levelModifyRequest(x.level))}}
	case want != "":
		return x.set("provisioningUrl", want)
	}
	return nil // the URL is not known: the check's general fix says where to find it
}

// levelModifyRequest names the OCI-P request that changes a level's
// setting, with the level's ids.
func levelModifyRequest(imp *ocip.IntegratedIMP) string {
	switch imp.Level {
	case "group":
		return fmt.Sprintf("GroupIntegratedIMPModifyRequest (serviceProviderId %s, groupId %s)", imp.ServiceProviderID.Text, imp.GroupID.Text)
	case "reseller":
		return "the reseller's Integrated IM&P modify request"
	}
	return fmt.Sprintf("ServiceProviderIntegratedIMPModifyRequest (serviceProviderId %s)", imp.ServiceProviderID.Text)
}

// servingTemplate is the Partner Hub template that serves an AS, when the
// snapshot shows it: the one template of its cluster, or the single one
// marked default; nil otherwise (as_imp_matches_template says why).
func servingTemplate(snap *inputs.Snapshot, h *inputs.Host) *partnerhub.Template {
	if len(snap.Templates) == 0 {
		return nil
	}
	cluster, ok := clusterOf(snap, h)
	if !ok {
		return nil
	}
	var all, defaults []*partnerhub.Template
	for _, t := range snap.Templates {
		if strings.EqualFold(t.Cluster.Text, cluster) {
			all = append(all, t)
			if t.IsDefault() {
				defaults = append(defaults, t)
			}
		}
	}
	switch {
	case len(all) == 1:
		return all[0]
	case len(defaults) == 1:
		return defaults[0]
	}
	return nil
}

// provisioningURLProblems says what is wrong with a provisioning URL, and
// the URL corrected where a correction is known.
func provisioningURLProblems(raw string, bridgeHosts []string) (wrong []string, want string) {
	if strings.TrimSpace(raw) == "" {
		return []string{"is empty"}, ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return []string{fmt.Sprintf("is %q, not a URL with a host", raw)}, ""
	}
	host := u.Hostname()
	if !strings.EqualFold(u.Scheme, "https") {
		wrong = append(wrong, fmt.Sprintf("uses %s, not https", u.Scheme))
		fixed := *u
		fixed.Scheme = "https"
		want = fixed.String()
	}
	switch {
	case targetsAddress(host):
		wrong = append(wrong, fmt.Sprintf("targets the address %s, not the provisioning bridge's fully qualified name: the bridge refuses such requests (403)", host))
	case !dnsName(host) || !qualified(host):
		wrong = append(wrong, fmt.Sprintf("targets %q, which is not a fully qualified host name", host))
	case len(bridgeHosts) > 0 && !slices.ContainsFunc(bridgeHosts, func(pattern string) bool { return wildcardMatch(pattern, strings.TrimSuffix(host, ".")) }):
		wrong = append(wrong, fmt.Sprintf("targets %s, which is not a provisioning bridge (%s)", host, strings.Join(bridgeHosts, ", ")))
	}
	if len(wrong) > 1 {
		want = "" // the host is wrong too, and its right name is not known here
	}
	return wrong, want
}

// targetsAddress reports whether hostport — a URL's host or a Host
// header, with or without a port — is an IP address rather than a name:
// an IPv4 or IPv6 literal, or digits and dots alone (a shortened or
// mistyped IPv4 address, which no DNS name is). The provisioning bridge
// refuses requests sent to an address (403); pslog_provisioning judges
// the requests a PSLog records by the same test.
func targetsAddress(hostport string) bool {
	host, _, ip, _ := hostPort(hostport)
	return ip || host != "" && strings.Trim(host, "0123456789.") == ""
}

// valueOrAt locates a value, or the capture when the value is absent.
func valueOrAt(v source.Value, at hcl.Range) hcl.Range {
	if v.Loc.Filename() == "" {
		return at
	}
	return v.Range()
}
