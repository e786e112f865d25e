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

// serverOf returns the prompt prefix a host's captures use, or the given
// default when it has none.
func serverOf(h *inputs.Host, def string) string {
	for _, c := range h.Commands {
		if c.Server.Text != "" {
			return c.Server.Text
		}
	}
	return def
}

// notCaptured is the not-evaluated reason for a context without output.
func notCaptured(h *inputs.Host, server, path, command string) string {
	return fmt.Sprintf("%s was not captured on %s (capture \"%s> %s\" into %s/)",
		server+"_CLI/"+path, h.Name, server+"_CLI/"+path, command, h.Dir)
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

// reportUncapturedASes records every Application Server a Partner Hub
// cluster lists that the snapshot does not show as one: no folder, or a
// folder whose captures are not of an AS. It serves users, so leaving it
// out of an AS check without a word would read as a pass.
func reportUncapturedASes(p *lint.Pass) {
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
				p.NotEvaluated(as.Text, "%s lists AS %q but the snapshot has no hosts/%s/ folder", c.Name.Text, as.Text, as.Text)
			case h.Role == inputs.RoleUnknown:
				p.NotEvaluated(h.Name, "%s lists AS %q but %s/ holds no capture that shows its role (no AS_CLI prompt, no bwshowver.txt)", c.Name.Text, as.Text, h.Dir)
			case h.Role != inputs.RoleAS:
				p.NotEvaluated(h.Name, "%s lists AS %q but the captures in %s/ are of a %s server", c.Name.Text, as.Text, h.Dir, strings.ToUpper(string(h.Role)))
			}
		}
	}
}
