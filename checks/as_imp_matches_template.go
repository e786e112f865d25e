package checks

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

const messagingContext = "Interface/Messaging"

// The evidence as_imp_matches_template reads.
var (
	impMessaging = lint.CLI(inputs.RoleAS, messagingContext, "get", "hosts/<host>/interface-messaging.txt").
			Reading("provisioningUrl, provisioningUserId and provisioningPassword")
	impTemplates = lint.PartnerHub("copy each customer template into a JSON file (docs/inputs.md)", "partnerhub/templates/<name>.json").
			Reading("each template's cluster, provisioningUrl and provisioningAccountName, whether it is the default, and provisioningPasswordSha256 when recorded")
	impClusters = lint.PartnerHub("copy each BroadWorks cluster into a JSON file (docs/inputs.md)", "partnerhub/clusters/<name>.json").
			Reading("the applicationServers of each cluster, which say the template that serves an AS; needed when the templates name more than one cluster")
)

var asIMPMatchesTemplate = &lint.Check{
	Name:  "as_imp_matches_template",
	Title: "AS Integrated IM&P settings match the Partner Hub template",
	Doc: `On each Application Server, the system-level Integrated IM&P settings in
` + "`AS_CLI/Interface/Messaging`" + ` must match the Partner Hub customer template that
serves the AS's cluster: ` + "`provisioningUrl`" + ` must equal the template's
` + "`provisioningUrl`" + ` and ` + "`provisioningUserId`" + ` its ` + "`provisioningAccountName`" + `.

The troubleshooting guide ("Integrated IM&P errors for specific enterprises /
customers") says these settings "must match, or provisioning fails for all
users in the enterprise"; a provisioning bridge answering 401 means the
credentials differ, 403 often that the URL is wrong. URL scheme and host are
compared case-insensitively, everything else exactly.

The AS's cluster is the Partner Hub cluster whose ` + "`applicationServers`" + ` lists it;
with no cluster files, a snapshot whose templates all name one cluster uses
them. When several templates serve one cluster, the one marked
` + "`\"default\": true`" + ` is compared; without exactly one default the ambiguity is
reported and the AS is not evaluated.

The password is printed masked (` + "`********`" + `) by the CLI, so it cannot be compared:
the check says so (not evaluated) rather than claim a match. When a capture
does show a clear-text password and the template records
` + "`provisioningPasswordSha256`" + `, their digests are compared and neither is shown.

Enterprise-level settings (Services > Integrated IM&P of an enterprise, "Use
Messaging Server" with its own URL, username and password) take precedence
over the system level for that enterprise. They are not visible in AS_CLI
captures; this check covers the system level only, which is what enterprises
without their own setting use.`,
	Fix: `Copy the values from the template in Partner Hub to each AS named in a
finding (use the fully qualified provisioning URL, never an IP address):

` + "```" + `
AS_CLI/Interface/Messaging> set provisioningUrl <Provisioning URL from the template>
AS_CLI/Interface/Messaging> set provisioningUserId <Provisioning Account Name from the template>
AS_CLI/Interface/Messaging> set provisioningPassword <provisioning account password>
AS_CLI/Interface/Messaging> get
` + "```" + `

If the template is the one that is wrong, correct it in Partner Hub instead. When several
templates serve one cluster, mark the one the Application Servers follow with
` + "`\"default\": true`" + ` in its file under partnerhub/templates/.`,
	Severity: lint.Error,
	Applies: `Every Application Server that serves Webex: each one in the ` + "`applicationServers`" + ` of a
Partner Hub cluster, and, without cluster files, every Application Server of the snapshot. An
Application Server that cluster files exist for but none lists does not serve Webex as far as the
snapshot shows, and is not evaluated. A cluster that lists an AS the snapshot lacks, or a folder
without AS captures, is an evidence gap.`,
	Evidence: []lint.Evidence{impMessaging, impTemplates, impClusters},
	Tags:     []string{"as", "partnerhub", "provisioning"},
	Run:      runIMPMatchesTemplate,
}

func runIMPMatchesTemplate(p *lint.Pass) error {
	snap := p.Snapshot
	reportUncapturedASes(p, impMessaging)
	ases := p.HostsWithRole(inputs.RoleAS)
	switch {
	case len(ases) == 0:
		p.NotEvaluated("", "no Application Server host in the snapshot")
		return nil
	case len(snap.Templates) == 0:
		p.Gap("", impTemplates, "the snapshot has no Partner Hub template in partnerhub/templates/, so the Integrated IM&P settings of %s cannot be compared with one", hostList(hostNames(ases)))
		return nil
	}
	served := map[string]bool{}
	for _, h := range ases {
		if cluster, ok := clusterOf(snap, h); ok {
			served[strings.ToLower(cluster)] = true
		}
	}
	chosen, ambiguous := chooseTemplates(p, served)
	for _, h := range ases {
		cluster, ok := clusterOf(snap, h)
		switch {
		case !ok && len(snap.Clusters) > 0:
			// The cluster files are the evidence that it serves no
			// Webex cluster.
			p.NotEvaluated(h.Name, "%s", noClusterReason(snap, h))
			continue
		case !ok:
			p.Gap(h.Name, impClusters, "%s", noClusterReason(snap, h))
			continue
		}
		t, ok := chosen[strings.ToLower(cluster)]
		switch {
		case !ok && ambiguous[strings.ToLower(cluster)]:
			p.NotEvaluated(h.Name, "several templates serve cluster %q of %s and none is the single default (see the warning)", cluster, h.Name)
			continue
		case !ok:
			p.Gap(h.Name, impTemplates, "no template in partnerhub/templates/ serves cluster %q of %s (the templates name %s)", cluster, h.Name, templateClusters(snap))
			continue
		}
		if !h.Captured(messagingContext) {
			p.Gap(h.Name, impMessaging, "%s", notCaptured(h, lint.ServerOf(h, inputs.RoleAS), messagingContext))
			continue
		}
		compareIMP(p, h, t)
	}
	return nil
}

// hostNames lists the hosts' names.
func hostNames(hs []*inputs.Host) []string {
	names := make([]string, len(hs))
	for i, h := range hs {
		names[i] = h.Name
	}
	return names
}

// noClusterReason says why no cluster is known to serve an AS.
func noClusterReason(snap *inputs.Snapshot, h *inputs.Host) string {
	if len(snap.Clusters) > 0 {
		return fmt.Sprintf("%s is not listed in the applicationServers of any partnerhub cluster, so no template is known to serve it", h.Name)
	}
	if named := clusterNames(snap); len(named) > 0 {
		return fmt.Sprintf("there are no partnerhub cluster files and the templates do not agree on one cluster (they name %s), so no template is known to serve %s", strings.Join(named, ", "), h.Name)
	}
	return fmt.Sprintf("there are no partnerhub cluster files and no template names a cluster, so no template is known to serve %s", h.Name)
}

// templateClusters describes the clusters the templates name, for messages.
func templateClusters(snap *inputs.Snapshot) string {
	if named := clusterNames(snap); len(named) > 0 {
		return strings.Join(named, ", ")
	}
	return "no cluster"
}

// clusterNames returns the distinct, quoted cluster names of the templates,
// sorted.
func clusterNames(snap *inputs.Snapshot) []string {
	var names []string
	for _, t := range snap.Templates {
		if c := strconv.Quote(t.Cluster.Text); t.Cluster.Text != "" && !slices.Contains(names, c) {
			names = append(names, c)
		}
	}
	slices.Sort(names)
	return names
}

// clusterOf returns the name of the cluster that serves an AS.
func clusterOf(snap *inputs.Snapshot, h *inputs.Host) (string, bool) {
	for _, c := range snap.Clusters {
		for _, as := range c.ApplicationServers {
			if sameHost(as.Text, h.Name) {
				return c.Name.Text, true
			}
		}
	}
	if len(snap.Clusters) > 0 {
		return "", false
	}
	// Without cluster files the templates may still agree on one cluster.
	name := snap.Templates[0].Cluster.Text
	for _, t := range snap.Templates[1:] {
		if !strings.EqualFold(t.Cluster.Text, name) {
			return "", false
		}
	}
	return name, name != ""
}

// chooseTemplates picks the template each cluster is compared with, keyed by
// lower-case cluster name, and reports the clusters serving an AS whose
// templates are ambiguous.
func chooseTemplates(p *lint.Pass, served map[string]bool) (chosen map[string]*partnerhub.Template, ambiguous map[string]bool) {
	byCluster := map[string][]*partnerhub.Template{}
	var order []string
	for _, t := range p.Snapshot.Templates {
		k := strings.ToLower(t.Cluster.Text)
		if _, seen := byCluster[k]; !seen {
			order = append(order, k)
		}
		byCluster[k] = append(byCluster[k], t)
	}
	chosen, ambiguous = map[string]*partnerhub.Template{}, map[string]bool{}
	for _, k := range order {
		ts := byCluster[k]
		if len(ts) == 1 {
			chosen[k] = ts[0]
			continue
		}
		var defaults, paths []string
		var def *partnerhub.Template
		for _, t := range ts {
			paths = append(paths, t.Path)
			if t.IsDefault() {
				defaults = append(defaults, t.Path)
				def = t
			}
		}
		if len(defaults) == 1 {
			chosen[k] = def
			continue
		}
		ambiguous[k] = true
		if !served[k] {
			continue // no AS depends on this cluster's templates
		}
		slices.Sort(paths)
		what := "none is marked \"default\": true"
		if len(defaults) > 1 {
			what = fmt.Sprintf("%d are marked \"default\": true", len(defaults))
		}
		var related []lint.Related
		for _, t := range ts[1:] {
			related = append(related, lint.Related{Location: t.Cluster.Range(), Message: fmt.Sprintf("template %s also serves cluster %q", t.Name.Text, t.Cluster.Text)})
		}
		p.Report(lint.Finding{
			Severity: lint.Warning,
			Message:  fmt.Sprintf("templates %s all serve cluster %q and %s: the AS settings cannot be compared with one of them; mark exactly one \"default\": true", hostList(paths), ts[0].Cluster.Text, what),
			Location: ts[0].Cluster.Range(),
			Logical:  lint.Logical{Context: "partnerhub/templates", Key: "cluster=" + ts[0].Cluster.Text},
			Related:  related,
		})
	}
	return chosen, ambiguous
}

func compareIMP(p *lint.Pass, h *inputs.Host, t *partnerhub.Template) {
	compareIMPValue(p, h, t, "provisioningUrl", t.ProvisioningURL, "provisioningUrl", sameProvisioningURL)
	compareIMPValue(p, h, t, "provisioningUserId", t.ProvisioningAccountName, "provisioningAccountName", func(a, b string) bool { return a == b })
	comparePassword(p, h, t)
}

func compareIMPValue(p *lint.Pass, h *inputs.Host, t *partnerhub.Template, key string, want source.Value, field string, same func(a, b string) bool) {
	if !want.Present() {
		// The template file lacks the field (an input problem says so):
		// comparing with nothing would report a mismatch that is not one.
		p.Gap(h.Name, impTemplates, "template %s (%s) has no %s, so %s on %s cannot be compared", t.Name.Text, t.Path, field, key, h.Name)
		return
	}
	kv, cmd, ok := h.Attr(messagingContext, key)
	ctx := cliContext(lastIn(h, messagingContext), "AS", messagingContext)
	related := []lint.Related{{Location: want.Range(), Message: fmt.Sprintf("template %s sets %s", t.Name.Text, field)}}
	if !ok {
		p.Report(lint.Finding{
			Host:     h.Name,
			Message:  fmt.Sprintf("%s is not set on %s; template %s expects %s", key, h.Name, t.Name.Text, want.Text),
			Location: lastIn(h, messagingContext).Input.Range(),
			Logical:  lint.Logical{Context: ctx, Key: key},
			Expected: want.Text,
			Related:  related,
			Fix:      setFix(ctx, key, want.Text, templateIsWrong(t)),
		})
		return
	}
	if same(kv.Value.Text, want.Text) {
		return
	}
	ctx = cliContext(cmd, "AS", messagingContext)
	p.Report(lint.Finding{
		Host:     h.Name,
		Message:  fmt.Sprintf("%s on %s is %q but template %s has %s %q", key, h.Name, kv.Value.Text, t.Name.Text, field, want.Text),
		Location: kv.Value.Range(),
		Logical:  lint.Logical{Context: ctx, Key: key},
		Expected: want.Text,
		Actual:   kv.Value.Text,
		Related:  related,
		Fix:      setFix(ctx, key, want.Text, templateIsWrong(t)),
	})
}

// templateIsWrong is the other way to fix a mismatch with a template.
func templateIsWrong(t *partnerhub.Template) string {
	return "if template " + t.Name.Text + " is the one that is wrong, correct it in Partner Hub instead"
}

// lastIn returns the last command that printed the context, where a
// missing key is reported: a "set" typed after it may carry a secret and is
// not what showed the key to be absent.
func lastIn(h *inputs.Host, context string) *bwcli.Command {
	cmds := h.Read(context)
	return cmds[len(cmds)-1]
}

// sameProvisioningURL compares URLs the way HTTP does: scheme and host are
// case-insensitive, the rest (port, path, query) is compared exactly.
func sameProvisioningURL(got, want string) bool {
	if got == want {
		return true
	}
	a, errA := url.Parse(got)
	b, errB := url.Parse(want)
	if errA != nil || errB != nil {
		return false
	}
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Host, b.Host) &&
		a.User.String() == b.User.String() && a.RawPath == b.RawPath && a.Path == b.Path &&
		a.RawQuery == b.RawQuery && a.Fragment == b.Fragment && a.Opaque == b.Opaque
}

// comparePassword compares the provisioning password only when both sides
// allow it; a masked capture is reported as not evaluated, never as a match.
func comparePassword(p *lint.Pass, h *inputs.Host, t *partnerhub.Template) {
	kv, cmd, ok := h.Attr(messagingContext, "provisioningPassword")
	switch {
	case !ok:
		p.NotEvaluatedPart(h.Name, "provisioningPassword is not in the capture of AS_CLI/%s, so it cannot be compared with template %s", messagingContext, t.Name.Text)
		return
	case kv.Value.Masked():
		p.NotEvaluatedPart(h.Name, "provisioningPassword is masked in the capture (%s), so it cannot be compared with template %s; verify it against Partner Hub by hand", kv.Value.Loc.Filename(), t.Name.Text)
		return
	case !t.ProvisioningPasswordSHA256.Present() || t.ProvisioningPasswordSHA256.Masked():
		p.NotEvaluatedPart(h.Name, "template %s records no provisioningPasswordSha256, so the password captured on %s cannot be compared", t.Name.Text, h.Name)
		return
	}
	sum := sha256.Sum256([]byte(kv.Value.Text))
	if strings.EqualFold(hex.EncodeToString(sum[:]), t.ProvisioningPasswordSHA256.Text) {
		return
	}
	p.Report(lint.Finding{
		Host:     h.Name,
		Message:  fmt.Sprintf("provisioningPassword on %s does not match the provisioningPasswordSha256 of template %s", h.Name, t.Name.Text),
		Location: kv.Value.Range(),
		Logical:  lint.Logical{Context: cliContext(cmd, "AS", messagingContext), Key: "provisioningPassword"},
		Related:  []lint.Related{{Location: t.ProvisioningPasswordSHA256.Range(), Message: "template password digest"}},
		Fix: []lint.FixStep{{Context: cliContext(cmd, "AS", messagingContext),
			Comment: fmt.Sprintf("type set provisioningPassword followed by the password of the provisioning account of template %s, then get", t.Name.Text)}},
	})
}
