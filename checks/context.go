package checks

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/lint"
)

// cliContext names a context the way operators read it in a prompt:
// "XSP_CLI/System/…". The server prefix comes from the capture when there
// is one, so an ADP host is named ADP_CLI.
func cliContext(cmd *bwcli.Command, fallbackServer, path string) string {
	server := fallbackServer
	if cmd != nil && cmd.Server.Text != "" {
		server = cmd.Server.Text // a shell command (listPatch.pl) has none
	}
	return server + "_CLI/" + strings.Trim(path, "/")
}

// notCaptured is the gap reason for a context without output; the gap
// itself carries the command that captures it.
func notCaptured(h *inputs.Host, server, path string) string {
	return fmt.Sprintf("%s_CLI/%s was not captured on %s", server, path, h.Name)
}

// hostList joins host names for messages.
func hostList(names []string) string { return strings.Join(names, ", ") }

// sameHost compares host names the way DNS does: case-insensitively and
// ignoring a trailing dot, since cluster files are typed by hand.
func sameHost(a, b string) bool {
	return strings.EqualFold(strings.TrimSuffix(a, "."), strings.TrimSuffix(b, "."))
}

// findHost returns the snapshot host a hand-typed name refers to, or nil.
func findHost(snap *inputs.Snapshot, name string) *inputs.Host {
	if h := snap.Host(name); h != nil {
		return h
	}
	for _, h := range snap.Hosts {
		if sameHost(h.Name, name) {
			return h
		}
	}
	return nil
}

// reportUncapturedASes records an evidence gap for every Application
// Server a Partner Hub cluster lists that the snapshot does not show as
// one: no folder, or a folder whose captures are not of an AS. The
// cluster says the AS serves Webex users, so the check applies to it, and
// leaving it out without a word would read as a pass. ev is the capture
// the check reads first, which also shows the role.
func reportUncapturedASes(p *lint.Pass, ev lint.Evidence) { reportUncaptured(p, ev, inputs.RoleAS) }

// reportUncaptured records an evidence gap for every host of role (AS or
// XSP) a Partner Hub cluster lists that the snapshot does not show as
// one, and returns how many it found; see reportUncapturedASes.
func reportUncaptured(p *lint.Pass, ev lint.Evidence, role inputs.Role) int {
	label := strings.ToUpper(string(role))
	prompts := label + "_CLI"
	if role == inputs.RoleXSP {
		prompts = "XSP_CLI or ADP_CLI"
	}
	seen := map[string]bool{}
	n := 0
	for _, c := range p.Snapshot.Clusters {
		listed := c.ApplicationServers
		if role == inputs.RoleXSP {
			listed = c.XSPs
		}
		for _, as := range listed {
			name := strings.ToLower(strings.TrimSuffix(as.Text, "."))
			if seen[name] {
				continue
			}
			seen[name] = true
			h := findHost(p.Snapshot, as.Text)
			if (h == nil || h.Role != role) && p.Applies(as.Text) && (h == nil || p.Applies(h.Name)) {
				n++
			}
			switch {
			case h == nil:
				p.Gap(as.Text, ev, "%s lists %s %q but the snapshot has no hosts/%s/ folder", clusterName(c), label, as.Text, as.Text)
			case h.Role == inputs.RoleUnknown:
				p.Gap(h.Name, ev, "%s lists %s %q but %s/ holds no capture that shows its role (no %s prompt, no bwshowver.txt)", clusterName(c), label, as.Text, h.Dir, prompts)
			case h.Role != role:
				p.Gap(h.Name, ev, "%s lists %s %q but the captures in %s/ are of a %s server", clusterName(c), label, as.Text, h.Dir, strings.ToUpper(string(h.Role)))
			}
		}
	}
	return n
}

// runsAuthService reports whether a host's captures leave it possible that
// it runs the authentication service, and when not, the applications its
// bwshowver lists (see application.runs); a digest of the key export
// keysFile shows the service too.
func runsAuthService(h *inputs.Host, keysFile string) (bool, []string) {
	app := authServiceApp
	app.digest = keysFile
	return app.runs(h)
}

// notRunningAuthService is the not-evaluated reason for a host whose
// bwshowver shows it does not run the authentication service.
func notRunningAuthService(h *inputs.Host, apps []string) string {
	return authServiceApp.notRunning(h, apps)
}

// setFix is the fix of a key that must hold a value: set it at its
// context, then show the context again to check; then, said as the
// step to take otherwise, what else may be the one to change.
func setFix(context, key, value, otherwise string) []lint.FixStep {
	steps := []lint.FixStep{{Context: context, Command: "set " + key + " " + cliArg(value)}, {Context: context, Command: "get"}}
	if otherwise != "" {
		steps = append(steps, lint.FixStep{Comment: otherwise})
	}
	return steps
}

// cliArg quotes a value for a bwcli command when it holds a space or a
// quote, as the CLI reads it; other values are typed as they are.
func cliArg(v string) string {
	if v == "" || strings.ContainsAny(v, " \t\"") {
		return `"` + strings.ReplaceAll(v, `"`, `\"`) + `"`
	}
	return v
}
