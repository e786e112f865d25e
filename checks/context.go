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
func reportUncapturedASes(p *lint.Pass, ev lint.Evidence) {
	seen := map[string]bool{}
	for _, c := range p.Snapshot.Clusters {
		for _, as := range c.ApplicationServers {
			name := strings.ToLower(strings.TrimSuffix(as.Text, "."))
			if seen[name] {
				continue
			}
			seen[name] = true
			switch h := findHost(p.Snapshot, as.Text); {
			case h == nil:
				p.Gap(as.Text, ev, "%s lists AS %q but the snapshot has no hosts/%s/ folder", c.Name.Text, as.Text, as.Text)
			case h.Role == inputs.RoleUnknown:
				p.Gap(h.Name, ev, "%s lists AS %q but %s/ holds no capture that shows its role (no AS_CLI prompt, no bwshowver.txt)", c.Name.Text, as.Text, h.Dir)
			case h.Role != inputs.RoleAS:
				p.Gap(h.Name, ev, "%s lists AS %q but the captures in %s/ are of a %s server", c.Name.Text, as.Text, h.Dir, strings.ToUpper(string(h.Role)))
			}
		}
	}
}

// runsAuthService reports whether a host's captures leave it possible that
// it runs the authentication service, and when not, the applications its
// bwshowver lists. Only a bwshowver application list without the service,
// on a host with no other sign of it (a digest of the key export, a
// capture of an AuthenticationService context), shows that it does not:
// a host without that list is taken to run it, so that missing evidence
// is a gap rather than a silent pass.
func runsAuthService(h *inputs.Host, keysFile string) (bool, []string) {
	if h.ShowVer == nil || len(h.ShowVer.Applications) == 0 {
		return true, nil
	}
	var names []string
	for _, a := range h.ShowVer.Applications {
		name, path := strings.ToLower(a.Name.Text), strings.ToLower(a.ContextPath.Text)
		if strings.Contains(name, "authenticationservice") || strings.Contains(name, "authservice") || path == "/authservice" {
			return true, nil
		}
		names = append(names, a.Name.Text)
	}
	if _, ok := h.Digest(keysFile); ok {
		return true, nil
	}
	for _, c := range h.Commands {
		if c.Known && strings.HasPrefix(strings.ToLower(c.Path), "applications/authenticationservice") {
			return true, nil
		}
	}
	return false, names
}

// notRunningAuthService is the not-evaluated reason for a host whose
// bwshowver shows it does not run the authentication service.
func notRunningAuthService(h *inputs.Host, apps []string) string {
	return fmt.Sprintf("%s does not run the authentication service: its bwshowver (%s) lists %s and no capture shows the service",
		h.Name, h.ShowVer.Server.Range.Filename, hostList(apps))
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
