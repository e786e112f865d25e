package checks

import (
	"fmt"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

const (
	authServiceContext = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService"
	// authServiceContainer and authServiceOption name the container
	// option that gives the web container the service's URL.
	authServiceContainer = "tomcat"
	authServiceOption    = "bw.authservice.authServiceUrl"
	// loopbackAuthURL is where the Solution Guide has an XSP's own
	// applications reach the service.
	loopbackAuthURL = "http://127.0.0.1:80/authService"
)

// The evidence xsp_authservice_url reads.
var (
	authServiceURLGet = lint.CLI(inputs.RoleXSP, authServiceContext, "get", "hosts/<host>/authservice.txt").
				Reading("url, where the XSP's own applications reach the authentication service")
	authServiceContainerGet = lint.CLI(inputs.RoleXSP, containerOptionsContext, "get", "hosts/<host>/container-options.txt").
				Reading("the tomcat container option " + authServiceOption)
	authServiceClusters = clusterFiles("each cluster's authServiceUrl, the Xsi URLs that name the farm, and its xsps: the hosts that must agree, and an XSP it lists that the snapshot lacks is an evidence gap")
)

type authServiceURLOptions struct {
	ServicePath      string   `hcl:"service_path,optional" doc:"the path a cluster's authServiceUrl must end with: the context path the authentication service is activated on, compared exactly"`
	InternalSuffixes []string `hcl:"internal_suffixes,optional" doc:"DNS suffixes that public DNS does not serve: a cluster's authServiceUrl on a host under one cannot be reached by Webex"`
}

// Validate rejects a path that is not one and suffixes that would match
// every name or none.
func (o *authServiceURLOptions) Validate() error {
	if !strings.HasPrefix(o.ServicePath, "/") || strings.Trim(o.ServicePath, "/") == "" || strings.ContainsAny(o.ServicePath, " ?#") {
		return &lint.OptionError{Option: "service_path", Msg: fmt.Sprintf("%q is not a URL path below the root, such as \"/authService\"", o.ServicePath)}
	}
	for _, s := range o.InternalSuffixes {
		if !strings.HasPrefix(s, ".") || len(s) < 2 || strings.ContainsAny(s, " /:") {
			return &lint.OptionError{Option: "internal_suffixes", Msg: fmt.Sprintf("%q is not a DNS suffix such as \".local\"", s)}
		}
	}
	return nil
}

var xspAuthserviceURL = &lint.Check{
	Name:  "xsp_authservice_url",
	Title: "the authentication service URL is given to every XSP and to the Partner Hub cluster",
	Doc: `On every XSP and ADP that runs the authentication service:

- ` + "`XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService`" + `
  sets ` + "`url`" + `, an http or https URL;
- the tomcat container option ` + "`bw.authservice.authServiceUrl`" + ` (` + "`Maintenance/ContainerOptions`" + `)
  holds the same URL (scheme and host compared case-insensitively, the rest exactly);
- all hosts of a farm hold the same ` + "`url`" + `: the xsps of a Partner Hub cluster, or, without
  cluster files, every XSP and ADP host. A host whose URL differs from the one most hosts
  hold is reported with those hosts as related locations; when no URL is held by more hosts
  than any other, every host is reported.

The URL is the host's own loopback address in the Solution Guide
(` + "`http://127.0.0.1:80/authService`" + `): Xsi-Actions on the same host calls the service there
to validate the Webex app's token, so an IP address is correct here and is not reported.

For each Partner Hub cluster, ` + "`authServiceUrl`" + ` is the address Webex itself calls over the
internet, so it must be an https URL whose path ends with ` + "`service_path`" + ` (` + "`/authService`" + `)
and whose host is the farm's public name: not an IP address, not a single-label or
internal name (` + "`internal_suffixes`" + `), the host the cluster's Xsi-Actions and Xsi-Events URLs
use (a warning when it differs), and not the name of one XSP of a farm of several (a
warning: Webex would reach that XSP only). Names are compared as written; bwlint makes no
DNS look-ups.

The troubleshooting guide's checklist for a misconfigured authentication service asks that
its URL be given to the web container on every XSP and entered correctly in the cluster in
Partner Hub; otherwise the Webex app signs in but its phone services never get an SSO
session.`,
	Fix: `At the CLI of each XSP or ADP named in a finding, paste:

` + "```" + `
cd /System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService
set url http://127.0.0.1:80/authService
get
cd /Maintenance/ContainerOptions
add tomcat bw.authservice.authServiceUrl http://127.0.0.1:80/authService
get
` + "```" + `

When the container option already holds another URL, type
` + "`delete tomcat bw.authservice.authServiceUrl`" + ` in ` + "`/Maintenance/ContainerOptions`" + ` before the
` + "`add`" + `. Restart BroadWorks on the host (` + "`restartbw`" + ` at the shell, in a maintenance window)
for the web container to read the option.

For a cluster named in a finding, edit the cluster in Partner Hub (Settings, BroadWorks
Calling) and set its authentication service URL to
https://<the farm's public name>/authService, the name its Xsi URLs use; then copy the
cluster into its file under partnerhub/clusters/ again.`,
	Severity: lint.Error,
	Applies: `Every XSP and ADP host that runs the authentication service, and every XSP a Partner Hub
cluster lists; every Partner Hub cluster file. A host whose bwshowver lists its applications
without the authentication service (and that holds no other sign of it, such as a digest of its
keys) does not run it, and is not evaluated; a host without that list is taken to run it. Without
cluster files, the Partner Hub URL is not evaluated (the cluster files are optional evidence). When
cluster files list xsps, an XSP none of them lists is compared with no other host.`,
	Evidence:         []lint.Evidence{authServiceURLGet, authServiceContainerGet, xspShowVer(authServiceApp), authServiceClusters},
	Tags:             []string{"xsp", "partnerhub", "authentication"},
	SecuritySeverity: "5.0",
	Options: func() any {
		return &authServiceURLOptions{
			ServicePath:      "/authService",
			InternalSuffixes: []string{".local", ".localdomain", ".internal", ".intranet", ".lan", ".corp", ".home.arpa"},
		}
	},
	Run: runAuthserviceURL,
}

func runAuthserviceURL(p *lint.Pass) error {
	opts := lint.OptionsOf[authServiceURLOptions](p)
	snap := p.Snapshot
	reportUncaptured(p, authServiceURLGet, inputs.RoleXSP)
	xsps := p.HostsWithRole(inputs.RoleXSP)
	if len(xsps) == 0 && len(snap.Clusters) == 0 {
		p.NotEvaluated("", "%s, and no Partner Hub cluster file", noXSPs)
		return nil
	}
	running := map[*inputs.Host]bool{}
	votes := map[*inputs.Host]vote{}
	for _, h := range xsps {
		if runs, apps := authServiceApp.runs(h); !runs {
			p.NotEvaluated(h.Name, "%s", authServiceApp.notRunning(h, apps))
			continue
		}
		running[h] = true
		if v, ok := checkLocalAuthURL(p, h); ok {
			votes[h] = v
		}
		if len(snap.Clusters) == 0 {
			p.NotEvaluatedPart(h.Name, "the snapshot has no partnerhub cluster file, so the authServiceUrl Webex uses to reach %s was not checked", h.Name)
		}
	}
	groups, loose := xspGroups(p, authServiceURLGet)
	for _, h := range loose {
		if running[h] {
			p.NotEvaluatedPart(h.Name, "%s", notInCluster(h))
		}
	}
	for _, g := range groups {
		var vs []vote
		for _, h := range g.hosts {
			if v, ok := votes[h]; ok {
				vs = append(vs, v)
			}
		}
		for _, d := range dissenters(vs) {
			// The container option must follow the url to its new value.
			var more []lint.FixStep
			if url, ok := d.majority(); ok {
				more = authContainerFix(d.host, url)
			}
			reportDissent(p, g, d, authServiceContext, "url", "every XSP of a farm must reach the authentication service the same way", more...)
		}
	}
	for _, c := range snap.Clusters {
		checkClusterAuthURL(p, c, groups, opts)
	}
	return nil
}

// checkLocalAuthURL checks one host's url and container option, and
// returns its url as a vote when it is one.
func checkLocalAuthURL(p *lint.Pass, h *inputs.Host) (vote, bool) {
	var v vote
	if c := captureOf(h, authServiceContext); c.ok() {
		v = checkURLAttr(p, c)
	} else {
		c.gap(p, authServiceURLGet)
	}
	opts := captureOf(h, containerOptionsContext)
	if !opts.ok() {
		opts.gap(p, authServiceContainerGet)
		return v, v.host != nil
	}
	f := lint.Finding{Host: h.Name, Logical: lint.Logical{Context: opts.cliContext(), Key: authServiceContainer + " " + authServiceOption}}
	option := authServiceContainer + " " + authServiceOption
	want := "the authentication service's URL"
	if v.host != nil {
		want = strings.Trim(v.shown, `"`)
		f.Related = []lint.Related{{Location: v.at, Message: fmt.Sprintf("%s sets url %s", h.Name, v.shown)}}
	}
	val, found := containerOption(opts.cmds, authServiceContainer, authServiceOption)
	switch {
	case !found:
		f.Message = fmt.Sprintf("container option %s is not set on %s: the web container does not know where the authentication service is; it must be %s", option, h.Name, want)
		f.Location, f.Expected = opts.last().Input.Range(), want
		if v.host != nil {
			f.Fix = authContainerFix(h, v.value)
		}
	case v.host != nil && urlKey(val.Text) != v.key:
		f.Message = fmt.Sprintf("container option %s on %s is %s but the AuthService url is %s: the two must name the same URL", option, h.Name, quoteOrEmpty(val.Text), v.shown)
		f.Location, f.Expected, f.Actual = val.Range(), want, val.Text
		f.Fix = authContainerFix(h, v.value)
	case v.host == nil && strings.TrimSpace(val.Text) == "":
		f.Message = fmt.Sprintf("container option %s on %s is empty; it must be the authentication service's URL", option, h.Name)
		f.Location = val.Range()
	default:
		return v, v.host != nil
	}
	p.Report(f)
	return v, v.host != nil
}

// checkURLAttr checks the url attribute of a host's AuthService context;
// the vote is empty when the url is not usable.
func checkURLAttr(p *lint.Pass, c capture) vote {
	const key = "url"
	kv, cmd, ok := c.attr(key)
	if !ok {
		reportMissing(p, c, key, authServiceContext, "the XSP's applications cannot reach the authentication service; set it, such as "+loopbackAuthURL, loopbackAuthURL,
			append(setFix(c.cliContext(), key, loopbackAuthURL, ""), authContainerFix(c.host, loopbackAuthURL)...))
		return vote{}
	}
	got := strings.TrimSpace(kv.Value.Text)
	if _, problem := urlTrouble(got, "http", "https"); problem != "" {
		ctx := cliContext(cmd, lint.ServerOf(c.host, inputs.RoleXSP), authServiceContext)
		p.Report(lint.Finding{
			Host:     c.host.Name,
			Message:  fmt.Sprintf("url on %s %s: the XSP's applications cannot reach the authentication service; set it, such as %s", c.host.Name, problem, loopbackAuthURL),
			Location: kv.Value.Range(),
			Logical:  lint.Logical{Context: ctx, Key: key},
			Expected: loopbackAuthURL,
			Actual:   got,
			Fix:      append(setFix(ctx, key, loopbackAuthURL, ""), authContainerFix(c.host, loopbackAuthURL)...),
		})
		return vote{}
	}
	return vote{host: c.host, key: urlKey(got), shown: strconv.Quote(got), value: got, at: kv.Value.Range()}
}

// authContainerFix gives the web container of h the service's url: the
// container option added, after deleting the one it holds when that is
// another URL, nothing when it holds this one; then a restart, for the
// container reads its options when it starts.
func authContainerFix(h *inputs.Host, url string) []lint.FixStep {
	c := captureOf(h, containerOptionsContext)
	ctx := cliContext(nil, lint.ServerOf(h, inputs.RoleXSP), containerOptionsContext)
	var steps []lint.FixStep
	if c.ok() {
		ctx = c.cliContext()
		val, found := containerOption(c.cmds, authServiceContainer, authServiceOption)
		switch {
		case found && urlKey(val.Text) == urlKey(url):
			return nil
		case found:
			steps = append(steps, lint.FixStep{Context: ctx, Command: "delete " + authServiceContainer + " " + authServiceOption})
		}
	}
	return append(steps,
		lint.FixStep{Context: ctx, Command: "add " + authServiceContainer + " " + authServiceOption + " " + cliArg(url)},
		lint.FixStep{Context: ctx, Command: "get"},
		lint.FixStep{Comment: "restart BroadWorks on " + h.Name + " (restartbw at the shell, in a maintenance window) for the web container to read the option"})
}

// urlProblem is one thing wrong with a cluster's authServiceUrl.
type urlProblem struct {
	what string
	at   hcl.Range
	warn bool // the farm's name is in doubt, not the URL's form
}

func checkClusterAuthURL(p *lint.Pass, c *partnerhub.Cluster, groups []xspGroup, opts *authServiceURLOptions) {
	v := c.AuthServiceURL
	if !v.Present() {
		p.Gap("", authServiceClusters, "cluster %s (%s) has no authServiceUrl, so the URL Webex uses to reach its authentication service cannot be checked", clusterName(c), c.Path)
		return
	}
	farm := farmNames(c)
	probs := clusterURLProblems(v, opts)
	if u, err := url.Parse(strings.TrimSpace(v.Text)); err == nil && u.Hostname() != "" && !isIPAddress(u.Hostname()) {
		probs = append(probs, farmNameProblems(v, u.Hostname(), farm, clusterXSPNames(c, groups))...)
	}
	if len(probs) == 0 {
		return
	}
	sev := lint.Warning
	var whats []string
	for _, pr := range probs {
		whats = append(whats, pr.what)
		if !pr.warn {
			sev = lint.Error
		}
	}
	want := "https://<the farm's public name>" + opts.ServicePath
	if len(farm) > 0 {
		want = "https://" + farm[0] + opts.ServicePath
	}
	var related []lint.Related
	if c.XsiActionsURL.Present() {
		related = append(related, lint.Related{Location: c.XsiActionsURL.Range(), Message: "the cluster's xsiActionsUrl is " + strconv.Quote(c.XsiActionsURL.Text)})
	}
	var fix []lint.FixStep
	if len(farm) > 0 && urlKey(want) != urlKey(v.Text) {
		fix = []lint.FixStep{{Comment: fmt.Sprintf("in Partner Hub (Settings, BroadWorks Calling), set the authentication service URL of cluster %s to %s, the name its Xsi URLs use; then copy the cluster into %s again", clusterName(c), want, c.Path)}}
	}
	p.Report(lint.Finding{
		Severity: sev,
		Message:  fmt.Sprintf("authServiceUrl of cluster %s is %q: %s", clusterName(c), v.Text, strings.Join(whats, "; ")),
		Location: probs[0].at,
		Logical:  lint.Logical{Context: "partnerhub/clusters/" + clusterName(c), Key: "authServiceUrl"},
		Expected: want,
		Actual:   v.Text,
		Related:  related,
		Fix:      fix,
	})
}

// isIPAddress reports whether host is an IPv4 or IPv6 address without a
// zone, as net.ParseIP accepts them. It is not net.ParseIP because
// importing package net links the C library into bwlint, whose loader
// costs every run about a millisecond before main starts.
func isIPAddress(host string) bool {
	a, err := netip.ParseAddr(host)
	return err == nil && a.Zone() == ""
}

// clusterURLProblems checks the form of a cluster's authServiceUrl: an
// https URL on a public name with the service's path.
func clusterURLProblems(v source.Value, opts *authServiceURLOptions) []urlProblem {
	text := v.Text
	u, err := url.Parse(strings.TrimSpace(text))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return []urlProblem{{what: "it is not an absolute URL", at: v.Range()}}
	}
	var probs []urlProblem
	if !strings.EqualFold(u.Scheme, "https") {
		i := strings.Index(text, u.Scheme)
		probs = append(probs, urlProblem{what: fmt.Sprintf("it uses %s, not https: Webex calls the service across the internet", u.Scheme), at: subRange(v, i, i+len(u.Scheme))})
	}
	host := u.Hostname()
	hostAt := v.Range()
	if i := strings.Index(text, "//"+host); i >= 0 {
		hostAt = subRange(v, i+2, i+2+len(host))
	}
	lower := strings.ToLower(strings.TrimSuffix(host, "."))
	switch {
	case isIPAddress(host):
		probs = append(probs, urlProblem{what: fmt.Sprintf("its host %s is an IP address, not the farm's public name", host), at: hostAt})
	case lower == "localhost" || !strings.Contains(lower, "."):
		probs = append(probs, urlProblem{what: fmt.Sprintf("its host %q is not a fully qualified name that public DNS serves", host), at: hostAt})
	default:
		for _, s := range opts.InternalSuffixes {
			if strings.HasSuffix(lower, strings.ToLower(s)) {
				probs = append(probs, urlProblem{what: fmt.Sprintf("its host %s is under %s, which public DNS does not serve", host, s), at: hostAt})
				break
			}
		}
	}
	path := strings.TrimSuffix(u.Path, "/")
	if !strings.HasSuffix(path, opts.ServicePath) {
		at := v.Range()
		if i := strings.LastIndex(text, u.Path); u.Path != "" && i >= 0 {
			at = subRange(v, i, i+len(u.Path))
		}
		what := fmt.Sprintf("its path %q does not end with %s, the path the authentication service is activated on", u.Path, opts.ServicePath)
		if strings.HasSuffix(strings.ToLower(path), strings.ToLower(opts.ServicePath)) {
			what += " (paths are case-sensitive)"
		}
		probs = append(probs, urlProblem{what: what, at: at})
	}
	return probs
}

// farmNames are the hosts of a cluster's Xsi URLs, which name the farm
// Webex reaches; the first is Xsi-Actions'.
func farmNames(c *partnerhub.Cluster) []string {
	var out []string
	for _, v := range []source.Value{c.XsiActionsURL, c.XsiEventsURL} {
		u, err := url.Parse(strings.TrimSpace(v.Text))
		if err != nil || u.Hostname() == "" {
			continue
		}
		if !slices.ContainsFunc(out, func(n string) bool { return sameHost(n, u.Hostname()) }) {
			out = append(out, u.Hostname())
		}
	}
	return out
}

// clusterXSPNames are the names of the XSPs that serve a cluster: the
// ones it lists, and the hosts of its group in the snapshot.
func clusterXSPNames(c *partnerhub.Cluster, groups []xspGroup) []string {
	var out []string
	add := func(n string) {
		if !slices.ContainsFunc(out, func(o string) bool { return sameHost(o, n) }) {
			out = append(out, n)
		}
	}
	for _, x := range c.XSPs {
		add(x.Text)
	}
	for _, g := range groups {
		if g.def == c {
			for _, h := range g.hosts {
				add(h.Name)
			}
		}
	}
	return out
}

// farmNameProblems compares the host of a cluster's authServiceUrl with
// the farm's public name and with the names of its XSPs.
func farmNameProblems(v source.Value, host string, farm, xsps []string) []urlProblem {
	at := v.Range()
	if i := strings.Index(v.Text, "//"+host); i >= 0 {
		at = subRange(v, i+2, i+2+len(host))
	}
	var probs []urlProblem
	if len(farm) > 0 && !slices.ContainsFunc(farm, func(n string) bool { return sameHost(n, host) }) {
		probs = append(probs, urlProblem{what: fmt.Sprintf("its host %s is not %s, the farm's public name the cluster's Xsi URLs use", host, strings.Join(farm, " or ")), at: at, warn: true})
	}
	if len(xsps) > 1 {
		for _, x := range xsps {
			if sameHost(x, host) || !strings.Contains(x, ".") && strings.EqualFold(x, firstLabel(host)) {
				probs = append(probs, urlProblem{what: fmt.Sprintf("its host %s names XSP %s alone, not the farm of %d XSPs: Webex would reach that XSP only", host, x, len(xsps)), at: at, warn: true})
				break
			}
		}
	}
	return probs
}

// firstLabel is the first label of a DNS name.
func firstLabel(host string) string {
	label, _, _ := strings.Cut(host, ".")
	return label
}
