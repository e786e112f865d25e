package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bounded"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/captureplan"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/urfave/cli/v2"
)

// capturePlanFormats are the formats of capture-plan; the scripts write
// one file per host.
var capturePlanFormats = []string{"text", "json", "markdown", "expect", "shell", "ocip"}

func capturePlanCommand() *cli.Command {
	return &cli.Command{
		Name:      "capture-plan",
		Usage:     "say what to capture, on which hosts and into which files, for the enabled checks; or write the script that captures it",
		ArgsUsage: "[SNAPSHOT]",
		Description: "Lists, per role and per host, the commands to type in the order to type them (the shell\n" +
			"commands, then one bwcli session that visits each context once), each with the checks that\n" +
			"read its output and the file of the snapshot it belongs in, and what to copy from Partner Hub\n" +
			"or request over OCI-P. Only the checks the policy enables count, and not for the hosts its\n" +
			"not_applicable names. The hosts come from --host, else from the policy's host and cluster\n" +
			"blocks and, with SNAPSHOT, from its hosts and Partner Hub clusters.\n\n" +
			"With SNAPSHOT, only what it lacks: the evidence gaps a lint of it with the policy reports, and\n" +
			"everything for a host it does not have at all, a --host or one a cluster lists (--full lists\n" +
			"everything for its hosts).\n\n" +
			"--format expect writes a script that logs in over ssh (with a key, or asking for the password\n" +
			"on the terminal: never on a command line), runs the commands and saves each output under\n" +
			"hosts/<host>/ of the snapshot directory given to it; --format shell writes the same as a\n" +
			"plain ssh loop, with the limits docs/inputs.md lists; --format ocip writes the OCI-P request\n" +
			"documents. One host's script goes to stdout; --output DIR writes one per host.\n\n" +
			"Exit codes: 0 the plan was written, 2 the snapshot could not be read, 3 usage or policy error.",
		Flags: slices.Concat([]cli.Flag{
			&cli.StringFlag{Name: "config", Usage: "read the policy from `FILE` (default: $BWLINT_CONFIG, ./.bwlint.hcl, then SNAPSHOT/.bwlint.hcl)"},
			&cli.StringSliceFlag{Name: "host", Usage: "plan for the host `NAME=ROLE` (as, xsp, adp, ns, ms, ps, dbs, nfm), or NAME when the policy or the snapshot knows its role (repeatable); only these hosts are planned"},
			&cli.BoolFlag{Name: "full", Usage: "with SNAPSHOT, list every capture for its hosts, not only what it lacks"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "format: " + strings.Join(capturePlanFormats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `PATH` instead of stdout: a file; for expect and shell, a directory that gets one script per host, capture-HOST.exp or .sh"},
		}, inputFlags()),
		Action: runCapturePlan,
	}
}

func runCapturePlan(c *cli.Context) error {
	dir := ""
	switch c.NArg() {
	case 0:
	case 1:
		dir = c.Args().First()
	default:
		return usageErrorf("capture-plan: takes at most one SNAPSHOT argument, got %d: %s", c.NArg(), strings.Join(c.Args().Slice(), " "))
	}
	format := c.String("format")
	if !slices.Contains(capturePlanFormats, format) {
		return usageErrorf("capture-plan: unknown format %q: use %s", format, strings.Join(capturePlanFormats, ", "))
	}
	if c.Bool("full") && dir == "" {
		return usageErrorf("capture-plan: --full needs a SNAPSHOT, whose hosts it plans for")
	}
	given, err := hostFlags(c)
	if err != nil {
		return err
	}
	if dir != "" {
		if err := checkWritesOutside(c, dir); err != nil {
			return err
		}
	}
	cfg, found, err := loadPolicy(c, dir)
	if err != nil {
		return err
	}
	in := planInput{cfg: cfg, given: given}
	if dir != "" {
		if in.snap, err = loadWithPolicy(c, cfg, dir, ""); err != nil {
			return err
		}
		if err := checkPolicyHosts(c, cfg, in.snap); err != nil {
			return err
		}
		for _, g := range lintWithPolicy(c, cfg, in.snap, time.Now()).Gaps {
			in.gaps = append(in.gaps, g.Gap)
		}
	}
	plan, err := in.plan(c, dir != "" && !c.Bool("full"))
	if err != nil {
		return err
	}
	for _, g := range given {
		if plan.Host(g.Name) == nil {
			warnf(c, "capture-plan: %s: nothing to capture for the enabled checks", source.Printable(g.Name))
		}
	}
	p := policyInfo(found, cfg)
	meta := captureplan.Meta{Snapshot: dir, Policy: captureplan.Policy{Path: p.Path, Origin: p.Origin, Reason: p.Reason, Shadowed: p.Shadowed, SHA256: p.SHA256}}
	switch format {
	case "expect", "shell":
		return writeScripts(c, plan, format)
	}
	render := map[string]func(io.Writer, *captureplan.Plan, captureplan.Meta) error{
		"text": captureplan.Text, "json": captureplan.JSON, "markdown": captureplan.Markdown, "ocip": captureplan.OCIP,
	}[format]
	var snaps []*inputs.Snapshot
	if in.snap != nil {
		snaps = append(snaps, in.snap)
	}
	out := &output{path: c.String("output"), stdout: stdout(c), reads: readFiles{snapshots: snaps, files: []string{cfg.Path()}}}
	if err := render(out.Writer(), plan, meta); err != nil {
		return internalErrorf("capture-plan: %v", err)
	}
	return out.Close()
}

// planInput is what a plan is made from.
type planInput struct {
	cfg   *config.Config
	snap  *inputs.Snapshot // nil without SNAPSHOT
	gaps  []lint.Gap
	given []captureplan.Host // --host, in the order given
}

// plan makes the plan: of the gaps (missing), or of everything.
func (in planInput) plan(c *cli.Context, missing bool) (*captureplan.Plan, error) {
	known := in.knownHosts(c)
	var hosts []captureplan.Host
	if len(in.given) > 0 {
		for _, g := range in.given {
			h, ok := known[g.Name]
			switch {
			case g.Role != inputs.RoleUnknown:
				h = captureplan.Host{Name: g.Name, Role: g.Role, Server: cmp.Or(g.Server, serverIf(h, g.Role))}
			case !ok || h.Role == inputs.RoleUnknown:
				return nil, usageErrorf("capture-plan: --host %s: no role is known for it; give it as --host %s=ROLE (%s)", source.Printable(g.Name), source.Printable(g.Name), strings.Join(hostRoles, ", "))
			}
			hosts = append(hosts, h)
		}
	} else {
		names := slices.Sorted(maps.Keys(known))
		for _, name := range names {
			h := known[name]
			if h.Role == inputs.RoleUnknown {
				warnf(c, "capture-plan: warning: the role of host %s is unknown, so it is left out: name it with --host %s=ROLE or a host block", source.Printable(h.Name), source.Printable(h.Name))
				continue
			}
			hosts = append(hosts, h)
		}
	}
	settings := in.cfg.Settings()
	checks := in.cfg.Checks()
	var (
		p   *captureplan.Plan
		err error
	)
	if missing {
		gaps := in.gaps
		if len(in.given) > 0 {
			keep := map[string]bool{}
			for _, h := range hosts {
				keep[h.Name] = true
			}
			gaps = slices.DeleteFunc(slices.Clone(gaps), func(g lint.Gap) bool { return g.Host != "" && !keep[g.Host] })
		}
		// A host the snapshot does not have at all (a --host, or one a
		// cluster lists) needs everything of its role.
		var whole []string
		for _, h := range hosts {
			planned := len(in.given) > 0 || slices.ContainsFunc(gaps, func(g lint.Gap) bool { return g.Host == h.Name })
			if planned && in.snap.Host(h.Name) == nil && h.Role != inputs.RoleUnknown {
				whole = append(whole, h.Name)
			}
		}
		p, err = captureplan.Missing(checks, settings.NotApplicable, gaps, hosts, whole)
	} else {
		p, err = captureplan.Full(checks, settings.NotApplicable, hosts)
	}
	var unsafe *captureplan.UnsafeError
	switch {
	case errors.As(err, &unsafe):
		return nil, usageErrorf("capture-plan: %v", err)
	case err != nil:
		return nil, internalErrorf("capture-plan: %v", err)
	}
	return p, nil
}

// hostRoles are the roles --host accepts; adp is an XSP whose prompt is
// ADP_CLI.
var hostRoles = []string{"as", "xsp", "adp", "ns", "ms", "ps", "dbs", "nfm"}

// hostFlags reads --host NAME=ROLE and --host NAME.
func hostFlags(c *cli.Context) ([]captureplan.Host, error) {
	var out []captureplan.Host
	seen := map[string]bool{}
	for _, v := range c.StringSlice("host") {
		name, role, hasRole := strings.Cut(v, "=")
		if err := checkHostName(name); err != nil {
			return nil, usageErrorf("capture-plan: --host %q: %v", v, err)
		}
		if seen[name] {
			return nil, usageErrorf("capture-plan: --host %s is given twice", source.Printable(name))
		}
		seen[name] = true
		h := captureplan.Host{Name: name}
		if hasRole {
			role = strings.ToLower(role)
			if !slices.Contains(hostRoles, role) {
				return nil, usageErrorf("capture-plan: --host %q: unknown role %q: use %s", v, role, strings.Join(hostRoles, ", "))
			}
			h.Role = inputs.RoleOf(role)
			if role == "adp" {
				h.Server = "ADP"
			}
		}
		out = append(out, h)
	}
	return out, nil
}

// checkHostName rejects what cannot be a host folder of a snapshot, and
// so cannot be a host a script captures: an empty name, "." and "..",
// '/' and control characters.
func checkHostName(name string) error {
	switch {
	case name == "":
		return errors.New("no host name")
	case name == "." || name == "..":
		return fmt.Errorf("%q cannot be a host folder", name)
	case strings.Contains(name, "/"):
		return errors.New("a host name holds no '/': it names a folder under hosts/")
	case strings.ContainsFunc(name, unicode.IsControl):
		return errors.New("a host name holds no control character")
	}
	return nil
}

// knownHosts are the hosts the policy and the snapshot name, with their
// roles and prompts: the snapshot's hosts (with the policy's host blocks
// applied), the members of its Partner Hub clusters, and the policy's
// host and cluster blocks. A name that cannot be a host folder is left
// out, with a warning.
func (in planInput) knownHosts(c *cli.Context) map[string]captureplan.Host {
	out := map[string]captureplan.Host{}
	add := func(name string, role inputs.Role, server, from string) {
		if err := checkHostName(name); err != nil {
			warnf(c, "capture-plan: warning: %s names host %q, which is left out: %v", from, source.Printable(name), err)
			return
		}
		if h, ok := out[name]; ok && h.Role != inputs.RoleUnknown {
			return
		}
		out[name] = captureplan.Host{Name: name, Role: role, Server: server}
	}
	if in.snap != nil {
		for _, h := range in.snap.Hosts {
			add(h.Name, h.Role, serverOfHost(h), "the snapshot")
		}
	}
	e := in.cfg.Effective(time.Now())
	for _, h := range e.Hosts {
		add(h.Name, inputs.Role(h.Role), "", "the policy")
	}
	var clusters [][3][]string // name, xsps, application servers
	if in.snap != nil {
		for _, cl := range in.snap.Clusters {
			clusters = append(clusters, [3][]string{{cl.Name.Text}, texts(cl.XSPs), texts(cl.ApplicationServers)})
		}
	}
	for _, cl := range e.Clusters {
		clusters = append(clusters, [3][]string{{cl.Name}, cl.XSPs, cl.ApplicationServers})
	}
	for _, cl := range clusters {
		for _, n := range cl[1] {
			add(n, inputs.RoleXSP, "", "cluster "+cl[0][0])
		}
		for _, n := range cl[2] {
			add(n, inputs.RoleAS, "", "cluster "+cl[0][0])
		}
	}
	return out
}

func texts(vs []source.Value) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Text)
	}
	return out
}

// serverOfHost is the prompt prefix a host's captures show, "" when none
// does.
func serverOfHost(h *inputs.Host) string {
	if len(h.Commands) > 0 && h.Commands[0].Server.Text != "" {
		return strings.ToUpper(h.Commands[0].Server.Text)
	}
	if h.ShowVer != nil {
		return strings.ToUpper(h.ShowVer.Server.Text)
	}
	return ""
}

// serverIf keeps a known host's prompt prefix when --host gives it the
// role it has.
func serverIf(h captureplan.Host, role inputs.Role) string {
	if h.Role == role {
		return h.Server
	}
	return ""
}

// writeScripts writes the capture scripts: one host's to stdout (or to
// --output FILE), or one file per host into --output DIR.
func writeScripts(c *cli.Context, p *captureplan.Plan, format string) error {
	render, ext := captureplan.Expect, ".exp"
	if format == "shell" {
		render, ext = captureplan.Shell, ".sh"
	}
	var hosts []*captureplan.HostPlan
	for i := range p.Hosts {
		hosts = append(hosts, &p.Hosts[i])
	}
	switch {
	case len(hosts) == 0:
		warnf(c, "capture-plan: warning: no host has anything to capture: no script written")
		return nil
	case c.String("output") != "":
		return writeScriptDir(c, p, hosts, c.String("output"), ext, render)
	case len(hosts) > 1:
		return usageErrorf("capture-plan: %d hosts have something to capture (%s): name one with --host, or give --output DIR for one script each",
			len(hosts), source.Printable(hostList(hosts)))
	}
	return scriptError(render(stdout(c), p, hosts[0]))
}

// scriptError is the exit a script that could not be written ends with:
// a host the script cannot name is the command line's or the snapshot's
// fault, anything else bwlint's.
func scriptError(err error) error {
	var se *captureplan.ScriptError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &se):
		return usageErrorf("capture-plan: %v", err)
	}
	return internalErrorf("capture-plan: %v", err)
}

func writeScriptDir(c *cli.Context, p *captureplan.Plan, hosts []*captureplan.HostPlan, dir, ext string,
	render func(io.Writer, *captureplan.Plan, *captureplan.HostPlan) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return usageErrorf("capture-plan: --output %s: %v", dir, bounded.WithoutPath(err))
	}
	for _, h := range hosts {
		var b strings.Builder
		if err := scriptError(render(&b, p, h)); err != nil {
			return err
		}
		name := filepath.Join(dir, "capture-"+h.Name+ext)
		if err := writeFile(name, []byte(b.String()), readFiles{}, "script"); err != nil {
			return err
		}
		if err := os.Chmod(writeTarget(name), 0o755); err != nil {
			return usageErrorf("capture-plan: %s: %v", name, bounded.WithoutPath(err))
		}
		warnf(c, "capture-plan: wrote %s", source.Printable(name))
	}
	return nil
}

func hostList(hosts []*captureplan.HostPlan) string {
	var names []string
	for _, h := range hosts {
		names = append(names, h.Name)
	}
	return strings.Join(names, ", ")
}
