package checks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/lint"
)

const (
	xsiEventsContext = "Applications/Xsi-Events/GeneralSettings"
	appNameKey       = "callControlApplicationName"
)

// The evidence xsp_xsi_events_app_name reads.
var xsiEventsGet = lint.CLI(inputs.RoleXSP, xsiEventsContext, "get", "hosts/<host>/xsi-events.txt").
	Reading(appNameKey)

type xsiEventsAppNameOptions struct {
	Expected string `hcl:"expected,optional" doc:"the callControlApplicationName every Xsi-Events host must use; empty: any name, as long as all hosts use the same"`
}

var xspXsiEventsAppName = &lint.Check{
	Name:  "xsp_xsi_events_app_name",
	Title: "every Xsi-Events host uses the same call control application name",
	Doc: `Every XSP and ADP that runs Xsi-Events for Webex must show the same
` + "`callControlApplicationName`" + ` in ` + "`Applications/Xsi-Events/GeneralSettings`" + ` (the ` + "`expected`" + `
name, when the option sets one). The hosts compared are all those the Partner Hub cluster files
list as xsps, across clusters, or, without cluster files, every XSP and ADP host. A host whose
name differs from the one most hosts use is reported with them as related locations; when no
name is used by more hosts than any other, every host is reported. A missing or empty name is
reported on its own.

The troubleshooting guide sends the reader who finds the XSPs misconfigured to the
Solution Guide's XSP services. There, all Xsi-Events applications that integrate BroadWorks
with Webex must share one call control application name: Webex subscribes each user on the
Application Server for telephony events (presence, call history) under that name, and the
Application Server uses it to pick the Xsi-Events that receives them. A host with another
name loses those events for the subscriptions it holds.`,
	Fix: `At the CLI of each XSP or ADP named in a finding, paste, with the name the
other hosts use:

` + "```" + `
cd /Applications/Xsi-Events/GeneralSettings
set callControlApplicationName com.broadsoft.xsi-events
get
` + "```" + `

Changing the name on a host in service affects the subscriptions it holds: do it in a
maintenance window.`,
	Severity: lint.Error,
	Applies: `Every XSP and ADP host that runs Xsi-Events, and every XSP a Partner Hub cluster lists. A host
whose bwshowver lists its applications without Xsi-Events (and that has no capture of an
Xsi-Events context) does not run it, and is not evaluated; a host without that list is taken to run
it. When cluster files list xsps, an XSP none of them lists does not serve Webex and is not
evaluated.`,
	Evidence: []lint.Evidence{xsiEventsGet, xspShowVer(xsiEventsApp), xspClusters},
	Tags:     []string{"xsp", "xsi"},
	Options:  func() any { return &xsiEventsAppNameOptions{} },
	Run:      runXsiEventsAppName,
}

func runXsiEventsAppName(p *lint.Pass) error {
	opts := lint.OptionsOf[xsiEventsAppNameOptions](p)
	expected := strings.TrimSpace(opts.Expected)
	running := map[*inputs.Host]bool{}
	for _, h := range xspHostsRunning(p, xsiEventsApp, xsiEventsGet) {
		running[h] = true
	}
	groups, loose := xspGroups(p, xsiEventsGet)
	for _, h := range loose {
		if running[h] {
			p.NotEvaluated(h.Name, "XSP %s is not listed in the xsps of any partnerhub cluster, so it does not serve Webex as far as the snapshot shows", h.Name)
		}
	}
	// The Application Server routes events by name across every farm:
	// all hosts serving Webex form one group.
	all := xspGroup{name: "the Xsi-Events hosts serving Webex"}
	var votes []vote
	var unnamed []unnamedHost
	for _, h := range groupHosts(groups) {
		if !running[h] {
			continue
		}
		all.hosts = append(all.hosts, h)
		c := captureOf(h, xsiEventsContext)
		if !c.ok() {
			c.gap(p, xsiEventsGet)
			continue
		}
		kv, cmd, ok := c.attr(appNameKey)
		got := strings.TrimSpace(kv.Value.Text)
		switch {
		case !ok || got == "":
			unnamed = append(unnamed, unnamedHost{c, kv, cmd, ok})
		case expected != "" && got != expected:
			ctx := cliContext(cmd, lint.ServerOf(h, inputs.RoleXSP), xsiEventsContext)
			p.Report(lint.Finding{
				Host:     h.Name,
				Message:  fmt.Sprintf("%s on %s is %q, must be %q (the expected option): the Application Server sends the telephony events of Webex users to the Xsi-Events of that name", appNameKey, h.Name, got, expected),
				Location: kv.Value.Range(),
				Logical:  lint.Logical{Context: ctx, Key: appNameKey},
				Expected: expected,
				Actual:   got,
				Fix:      setFix(ctx, appNameKey, expected, inMaintenance(h)),
			})
		case expected == "":
			votes = append(votes, vote{host: h, key: got, shown: strconv.Quote(got), value: got, at: kv.Value.Range()})
		}
	}
	// A host without a name takes the expected one, or the one most
	// hosts use.
	name, known := expected, expected != ""
	if !known {
		name, known = majorityValue(votes)
	}
	for _, u := range unnamed {
		reportUnnamed(p, u, expected, name, known)
	}
	for _, d := range dissenters(votes) {
		reportDissent(p, all, d, xsiEventsContext, appNameKey, "the Application Server sends the telephony events of Webex users to the Xsi-Events of one name", lint.FixStep{Comment: inMaintenance(d.host)})
	}
	return nil
}

// unnamedHost is an Xsi-Events host whose capture shows no name, or an
// empty one.
type unnamedHost struct {
	c     capture
	kv    bwcli.KV
	cmd   *bwcli.Command
	shown bool // the capture shows the attribute, empty
}

// reportUnnamed reports a host without a name; name, when known, is the
// one to set.
func reportUnnamed(p *lint.Pass, u unnamedHost, expected, name string, known bool) {
	h := u.c.host
	why := "the Application Server cannot send it the telephony events of Webex users"
	var fix []lint.FixStep
	if !u.shown {
		if known {
			fix = setFix(u.c.cliContext(), appNameKey, name, inMaintenance(h))
		}
		reportMissing(p, u.c, appNameKey, "the Xsi-Events general settings", why, expected, fix)
		return
	}
	ctx := cliContext(u.cmd, lint.ServerOf(h, inputs.RoleXSP), xsiEventsContext)
	if known {
		fix = setFix(ctx, appNameKey, name, inMaintenance(h))
	}
	p.Report(lint.Finding{
		Host:     h.Name,
		Message:  fmt.Sprintf("%s is empty in the Xsi-Events general settings of %s: %s", appNameKey, h.Name, why),
		Location: u.kv.Value.Range(),
		Logical:  lint.Logical{Context: ctx, Key: appNameKey},
		Expected: expected,
		Fix:      fix,
	})
}

// inMaintenance says when to change a host's name: the subscriptions it
// holds are made under the old one.
func inMaintenance(h *inputs.Host) string {
	return "changing the name affects the subscriptions " + h.Name + " holds: make the change in a maintenance window"
}
