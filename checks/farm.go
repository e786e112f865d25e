package checks

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// This file holds what the checks of an XSP farm share: which hosts form
// a farm, which applications a host runs, and which hosts of a farm hold a
// value their peers do not.

// xspGroup is a set of XSP and ADP hosts that serve as one: the xsps of a
// Partner Hub cluster, or, without cluster files, every XSP and ADP host.
type xspGroup struct {
	name    string // "cluster bw-cluster-1", or "all XSP and ADP hosts"
	cluster string // the cluster's name; "" for the group of all hosts
	def     *partnerhub.Cluster
	hosts   []*inputs.Host
}

// allXSPs names the group of every XSP and ADP host.
const allXSPs = "all XSP and ADP hosts"

// xspGroups groups XSP hosts by Partner Hub cluster. A host a cluster
// lists that the snapshot lacks is an evidence gap for missing, the
// capture the check reads first: the cluster says it serves Webex. A host
// a cluster lists is grouped whatever its captures show of its role, so
// that a folder whose captures are missing is a gap rather than absent.
// loose are the XSP hosts in no cluster when cluster files list XSPs:
// comparing them with an arbitrary group would prove nothing, and the
// caller says so (see notInCluster).
func xspGroups(p *lint.Pass, missing lint.Evidence) (groups []xspGroup, loose []*inputs.Host) {
	snap := p.Snapshot
	all := p.HostsWithRole(inputs.RoleXSP)
	clustered := false
	inCluster := map[string]bool{}
	for _, c := range snap.Clusters {
		if len(c.XSPs) == 0 {
			continue
		}
		clustered = true
		g := xspGroup{name: "cluster " + clusterName(c), cluster: clusterName(c), def: c}
		for _, x := range c.XSPs {
			h := findHost(snap, x.Text)
			if h == nil {
				p.Gap(x.Text, missing, "%s lists XSP %q but the snapshot has no hosts/%s/ folder", clusterName(c), x.Text, x.Text)
				continue
			}
			if !p.Applies(h.Name) {
				continue
			}
			inCluster[h.Name] = true
			// A host listed twice ("xsp2", "XSP2.") is one vote: the
			// cluster parser warns about the repeat.
			if !slices.Contains(g.hosts, h) {
				g.hosts = append(g.hosts, h)
			}
		}
		groups = append(groups, g)
	}
	if !clustered {
		if len(all) == 0 {
			return nil, nil
		}
		g := xspGroup{name: allXSPs, hosts: all}
		if len(snap.Clusters) == 1 {
			// One cluster that lists no XSPs is served by all of them.
			g.def = snap.Clusters[0]
		}
		return []xspGroup{g}, nil
	}
	for _, h := range all {
		if !inCluster[h.Name] {
			loose = append(loose, h)
		}
	}
	return groups, loose
}

// clusterName names a cluster for messages and identities: its name, or,
// when its file lacks one (an input problem says so), the file.
func clusterName(c *partnerhub.Cluster) string {
	if c.Name.Text != "" {
		return c.Name.Text
	}
	return c.Path
}

// notInCluster is the reason a host in no cluster is not compared.
func notInCluster(h *inputs.Host) string {
	return fmt.Sprintf("XSP %s is not listed in the xsps of any partnerhub cluster, so it has no group to match", h.Name)
}

// key is the suffix that keeps the identity of a host's finding about
// its group apart from its findings about itself, and from those about
// another group: a host may serve two clusters and differ in both.
func (g xspGroup) key() string { return " (" + g.name + ")" }

// groupHosts returns the hosts of every group once, in name order.
func groupHosts(groups []xspGroup) []*inputs.Host {
	var out []*inputs.Host
	for _, g := range groups {
		for _, h := range g.hosts {
			if !slices.Contains(out, h) {
				out = append(out, h)
			}
		}
	}
	slices.SortFunc(out, func(a, b *inputs.Host) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// application is a web application an XSP may run, as bwshowver lists it
// and as the CLI shows its configuration.
type application struct {
	label string // for messages: "the authentication service"
	// names are lower-case substrings of bwshowver's application names.
	names []string
	// paths are lower-case context paths the application is deployed on.
	paths []string
	// contexts are CLI context prefixes whose capture shows it is there.
	contexts []string
	// digest is a file whose recorded digest shows it is there: the
	// authentication service's key export.
	digest string
}

var (
	authServiceApp = application{
		label:    "the authentication service",
		names:    []string{"authenticationservice", "authservice"},
		paths:    []string{"/authservice"},
		contexts: []string{"Applications/AuthenticationService"},
		digest:   defaultKeysFile,
	}
	xsiEventsApp = application{
		label:    "Xsi-Events",
		names:    []string{"xsi-events"},
		paths:    []string{"/com.broadsoft.xsi-events"},
		contexts: []string{"Applications/Xsi-Events"},
	}
	// webexFacingApps are the applications Webex and the Webex app reach
	// over HTTPS.
	webexFacingApps = application{
		label:    "Xsi-Actions, Xsi-Events, the authentication service or the device management service",
		names:    []string{"xsi-actions", "xsi-events", "authenticationservice", "authservice", "broadworksdms", "dms"},
		paths:    []string{"/com.broadsoft.xsi-actions", "/com.broadsoft.xsi-events", "/authservice", "/dms"},
		contexts: []string{"Applications/Xsi-Actions", "Applications/Xsi-Events", "Applications/AuthenticationService"},
	}
)

// runs reports whether a host's captures leave it possible that it runs
// the application, and when not, the applications its bwshowver lists.
// Only a bwshowver application list without it, on a host with no capture
// of its configuration, shows that it does not: a host without that list
// is taken to run it, so that missing evidence is a gap rather than a
// silent pass.
func (a application) runs(h *inputs.Host) (bool, []string) {
	if h.ShowVer == nil || len(h.ShowVer.Applications) == 0 {
		return true, nil
	}
	var names []string
	for _, app := range h.ShowVer.Applications {
		if slices.ContainsFunc(a.paths, func(p string) bool { return strings.EqualFold(app.ContextPath.Text, p) }) ||
			slices.ContainsFunc(a.names, func(n string) bool { return containsFold(app.Name.Text, n) }) {
			return true, nil
		}
		names = append(names, app.Name.Text)
	}
	if _, ok := h.Digest(a.digest); ok && a.digest != "" {
		return true, nil
	}
	for _, c := range h.Commands {
		if c.Known && slices.ContainsFunc(a.contexts, func(ctx string) bool { return inContext(c.Path, ctx) }) {
			return true, nil
		}
	}
	return false, names
}

// containsFold reports whether sub is in s, ignoring ASCII case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// inContext reports whether path is ctx or a context below it, compared
// as the CLIs do, without regard to case.
func inContext(path, ctx string) bool {
	return len(path) >= len(ctx) && strings.EqualFold(path[:len(ctx)], ctx) && (len(path) == len(ctx) || path[len(ctx)] == '/')
}

// notRunning is the not-evaluated reason for a host whose bwshowver shows
// that it does not run the application.
func (a application) notRunning(h *inputs.Host, apps []string) string {
	return fmt.Sprintf("%s does not run %s: its bwshowver (%s) lists %s and no capture shows the service",
		h.Name, a.label, h.ShowVer.Server.Loc.Filename(), hostList(apps))
}

// vote is one host's value in a comparison across a group.
type vote struct {
	host *inputs.Host
	// key is what is compared: hosts with equal keys agree.
	key string
	// shown is the value as messages show it; never a secret.
	shown string
	// value is the value as it is typed at the CLI, for a fix that sets
	// it on the other hosts; "" when no fix should type it.
	value string
	// at is where the host's value is.
	at hcl.Range
}

// dissent is a host whose value its group does not share.
type dissent struct {
	vote
	// peers are the hosts of the largest group holding one value, or,
	// when no value is held by more hosts than every other (tie), every
	// host holding another value.
	peers []vote
	tie   bool
}

// dissenters returns the votes that differ from the value the most hosts
// hold, in the order given; on a tie, every vote. A host's vote counts
// once.
func dissenters(votes []vote) []dissent {
	byKey, order, majority, tie := tally(votes)
	if len(order) < 2 {
		return nil
	}
	var out []dissent
	for _, v := range votes {
		if !tie && v.key == majority {
			continue
		}
		d := dissent{vote: v, tie: tie, peers: byKey[majority]}
		if tie {
			d.peers = nil
			for _, o := range votes {
				if o.key != v.key {
					d.peers = append(d.peers, o)
				}
			}
		}
		out = append(out, d)
	}
	return out
}

// tally counts the votes by key: the votes of each key, the keys in the
// order first given, the key the most votes hold, and whether another key
// is held by as many.
func tally(votes []vote) (byKey map[string][]vote, order []string, majority string, tie bool) {
	byKey = map[string][]vote{}
	for _, v := range votes {
		if _, seen := byKey[v.key]; !seen {
			order = append(order, v.key)
		}
		byKey[v.key] = append(byKey[v.key], v)
	}
	best := 0
	for _, k := range order {
		switch n := len(byKey[k]); {
		case n > best:
			majority, best, tie = k, n, false
		case n == best:
			tie = true
		}
	}
	return byKey, order, majority, tie
}

// majorityValue is the value to type on a host that has none: the one
// the most votes hold, when no other is held by as many and the votes
// carry one.
func majorityValue(votes []vote) (string, bool) {
	byKey, order, majority, tie := tally(votes)
	if len(order) == 0 || tie || byKey[majority][0].value == "" {
		return "", false
	}
	return byKey[majority][0].value, true
}

// peerNames lists the hosts of a dissent's peers, sorted.
func (d dissent) peerNames() []string {
	var names []string
	for _, p := range d.peers {
		if !slices.Contains(names, p.host.Name) {
			names = append(names, p.host.Name)
		}
	}
	slices.Sort(names)
	return names
}

// related lists a dissent's peers as related locations, each saying what
// the peer holds.
func (d dissent) related(what string) []lint.Related {
	out := make([]lint.Related, 0, len(d.peers))
	for _, p := range d.peers {
		out = append(out, lint.Related{Location: p.at, Message: fmt.Sprintf("%s holds %s %s", p.host.Name, what, p.shown)})
	}
	return out
}

// against says whom a dissent differs from, for messages: "xsp1 and xsp3
// of cluster bw-cluster-1, the largest group holding one value, hold …".
func (d dissent) against(g xspGroup, what string) string {
	names := d.peerNames()
	if d.tie {
		return fmt.Sprintf("%s of %s %s a different %s, and no value is held by more hosts than any other",
			joinAnd(names), g.name, verb(len(names), "holds", "hold"), what)
	}
	return fmt.Sprintf("%s of %s, the largest group holding one value, %s %s", joinAnd(names), g.name, verb(len(names), "holds", "hold"), d.peers[0].shown)
}

// joinAnd joins names as prose: "a", "a and b", "a, b and c".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// subRange is the range of text[i:j] within a value, when the value's
// text is exactly its source bytes on one line; else the value's range.
// JSON strings with escapes and values spanning lines keep the whole
// range, which still points at the right token.
func subRange(v source.Value, i, j int) hcl.Range {
	r := v.Range()
	if i < 0 || j > len(v.Text) || i > j || r.Start.Line != r.End.Line || r.End.Byte-r.Start.Byte != len(v.Text) {
		return r
	}
	r.Start.Byte += i
	r.Start.Column += utf8.RuneCountInString(v.Text[:i])
	r.End = r.Start
	r.End.Byte += j - i
	r.End.Column += utf8.RuneCountInString(v.Text[i:j])
	return r
}

// clusterFiles declares the Partner Hub cluster files a check reads, and
// what it takes from them.
func clusterFiles(reads string) lint.Evidence {
	return lint.PartnerHub("copy each BroadWorks cluster into a JSON file (docs/inputs.md)", "partnerhub/clusters/<name>.json").
		Reading(reads).
		AsOptional()
}

// xspClusters is the Partner Hub evidence every XSP check reads: the xsps
// a cluster lists serve Webex, so one the snapshot lacks is a gap.
var xspClusters = clusterFiles("the xsps of each cluster: an XSP a cluster lists that the snapshot lacks is an evidence gap")

// xspShowVer is the bwshowver capture that tells which applications an
// XSP runs.
func xspShowVer(app application) lint.Evidence {
	return lint.Shell(inputs.RoleXSP, "bwshowver", "hosts/<host>/bwshowver.txt").
		Reading("whether the host runs " + app.label + " (its application list); a host without that list is taken to").
		AsOptional()
}

// noXSPs is the reason a check of XSPs is not evaluated at all.
const noXSPs = "no XSP or ADP host in the snapshot (hosts/<host>/ with XSP_CLI or ADP_CLI captures)"

// xspHosts returns the XSP and ADP hosts the check applies to, and
// records an evidence gap (for first, the capture the check reads first)
// for every XSP a Partner Hub cluster lists that the snapshot lacks; with
// neither, the check is not evaluated.
func xspHosts(p *lint.Pass, first lint.Evidence) []*inputs.Host {
	uncaptured := reportUncaptured(p, first, inputs.RoleXSP)
	xsps := p.HostsWithRole(inputs.RoleXSP)
	if len(xsps) == 0 && uncaptured == 0 {
		p.NotEvaluated("", "%s", noXSPs)
	}
	return xsps
}

// xspHostsRunning returns the XSP and ADP hosts that run app as far as
// their captures show, recording the others as not evaluated (see
// xspHosts for the hosts a cluster lists).
func xspHostsRunning(p *lint.Pass, app application, first lint.Evidence) []*inputs.Host {
	var out []*inputs.Host
	for _, h := range xspHosts(p, first) {
		if runs, apps := app.runs(h); !runs {
			p.NotEvaluated(h.Name, "%s", app.notRunning(h, apps))
			continue
		}
		out = append(out, h)
	}
	return out
}

// majority is the value to type on a dissenting host: the one the most
// hosts of its group hold; false on a tie, where no host is known to be
// right, or when the vote carries no value to type.
func (d dissent) majority() (string, bool) {
	if d.tie || d.peers[0].value == "" {
		return "", false
	}
	return d.peers[0].value, true
}

// reportDissent reports a host whose attribute key of a context differs
// from its group's: the message names both values and says why it
// matters (why), the identity carries the group so that it never meets
// the host's findings about the value itself. Its fix sets the majority's
// value, then takes the steps more adds (what else must follow the
// value); on a tie the check's general fix stands.
func reportDissent(p *lint.Pass, g xspGroup, d dissent, context, key, why string, more ...lint.FixStep) {
	ctx := cliContext(lastIn(d.host, context), lint.ServerOf(d.host, inputs.RoleXSP), context)
	expected := strings.Trim(d.peers[0].shown, `"`)
	if d.tie {
		expected = "the " + key + " of " + joinAnd(d.peerNames())
	}
	var fix []lint.FixStep
	if value, ok := d.majority(); ok {
		fix = append(setFix(ctx, key, value, ""), more...)
	}
	p.Report(lint.Finding{
		Host:     d.host.Name,
		Message:  fmt.Sprintf("%s on %s is %s but %s: %s", key, d.host.Name, d.shown, d.against(g, key), why),
		Location: d.at,
		Logical:  lint.Logical{Context: ctx, Key: key + g.key()},
		Expected: expected,
		Actual:   strings.Trim(d.shown, `"`),
		Related:  d.related(key),
		Fix:      fix,
	})
}

// authServiceApplies says where a check of the authentication service's
// settings applies, for its documentation.
const authServiceApplies = `Every XSP and ADP host that runs the authentication service, and every XSP a Partner Hub
cluster lists. A host whose bwshowver lists its applications without the authentication service
(and that holds no other sign of it, such as a digest of its keys) does not run it, and is not
evaluated; a host without that list is taken to run it.`

// reportMissing reports an attribute that the capture of a context does
// not show, at the command that printed the context: what names the
// context for people ("the token management settings"), why says what
// the missing value breaks, fix how to set it (nil when the value to set
// is not known).
func reportMissing(p *lint.Pass, c capture, key, what, why, expected string, fix []lint.FixStep) {
	p.Report(lint.Finding{
		Host:     c.host.Name,
		Message:  fmt.Sprintf("%s is not in the capture of %s on %s: %s", key, what, c.host.Name, why),
		Location: c.last().Input.Range(),
		Logical:  lint.Logical{Context: c.cliContext(), Key: key},
		Expected: expected,
		Fix:      fix,
	})
}

// capture is what a host printed of one context: the commands that read
// it, in capture order (see inputs.Host.Read). A check reads a context
// once and looks at it through its capture, rather than walking every
// command of the host again for each attribute.
type capture struct {
	host    *inputs.Host
	context string
	cmds    []*bwcli.Command
}

// captureOf reads a context the way inputs.Host.Read does. It compares
// lengths before paths: checks read a dozen contexts of every host of a
// large farm, and most of a host's commands print other contexts.
func captureOf(h *inputs.Host, context string) capture {
	want := strings.Trim(context, "/")
	c := capture{host: h, context: context}
	for _, cmd := range h.Commands {
		if len(cmd.Path) >= len(want) && cmd.Reads() && cmd.SupersededBy == nil && bwcli.SameContext(cmd.Path, want) {
			c.cmds = append(c.cmds, cmd)
		}
	}
	return c
}

// ok reports whether the host printed the context at all.
func (c capture) ok() bool { return len(c.cmds) > 0 }

// last is the last command that printed the context, where an absent
// attribute is reported; ok must hold.
func (c capture) last() *bwcli.Command { return c.cmds[len(c.cmds)-1] }

// attr returns the last value of an attribute, as inputs.Host.Attr does.
func (c capture) attr(key string) (bwcli.KV, *bwcli.Command, bool) {
	for i := len(c.cmds) - 1; i >= 0; i-- {
		if kv, ok := c.cmds[i].Attr(key); ok {
			return kv, c.cmds[i], true
		}
	}
	return bwcli.KV{}, nil, false
}

// tables returns the tables printed in the context, in capture order.
func (c capture) tables() []*bwcli.Table {
	var out []*bwcli.Table
	for _, cmd := range c.cmds {
		out = append(out, cmd.Tables...)
	}
	return out
}

// cliContext names the context as the host's prompt does; ok must hold.
func (c capture) cliContext() string {
	return cliContext(c.last(), lint.ServerOf(c.host, inputs.RoleXSP), c.context)
}

// gap records that the host did not print the context, for ev.
func (c capture) gap(p *lint.Pass, ev lint.Evidence) {
	p.Gap(c.host.Name, ev, "%s", notCaptured(c.host, lint.ServerOf(c.host, inputs.RoleXSP), c.context))
}

// urlTrouble says what keeps a captured value from being a URL of one of
// the schemes ("" when nothing does), and returns the URL.
func urlTrouble(got string, schemes ...string) (*url.URL, string) {
	u, err := url.Parse(got)
	switch {
	case got == "":
		return nil, "is empty"
	case err != nil || u.Hostname() == "":
		return nil, fmt.Sprintf("is %q, not a URL", got)
	case !slices.ContainsFunc(schemes, func(s string) bool { return strings.EqualFold(s, u.Scheme) }):
		return u, fmt.Sprintf("is %q, which does not use %s", got, strings.Join(schemes, " or "))
	}
	return u, ""
}

// urlKey is the form in which two URLs are the same: scheme and host
// case-insensitive, the rest as written.
func urlKey(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return s
	}
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	return u.String()
}

// quoteOrEmpty quotes a value for a message, or says it is empty.
func quoteOrEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "empty"
	}
	return strconv.Quote(s)
}
