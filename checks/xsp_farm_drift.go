package checks

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// driftDefaults are the contexts xsp_farm_drift compares by default, with
// the file each belongs in: the authentication service's settings, the
// certificate authentication flags, the Cisco identity provider, and the
// Xsi-Events general settings.
var driftDefaults = []struct{ context, file string }{
	{authServiceContext, "authservice.txt"},
	{certificateAuthContext, "certificate-auth.txt"},
	{tokenManagementContext, "authservice.txt"},
	{ciscoIDPContext, "identity-provider.txt"},
	{ciscoScopeContext, "identity-provider.txt"},
	{xsiEventsContext, "xsi-events.txt"},
}

// driftEvidence is the capture of one compared context.
func driftEvidence(context string) lint.Evidence {
	file := ""
	for _, d := range driftDefaults {
		if bwcli.SameContext(d.context, context) {
			file = d.file
		}
	}
	if file == "" {
		// A context of the policy's choosing: a file named after its last
		// part, as for the policy's own rules ("GeneralSettings" →
		// "general-settings.txt").
		last := strings.Trim(context, "/")
		last = last[strings.LastIndex(last, "/")+1:]
		var b strings.Builder
		for i, r := range last {
			if unicode.IsUpper(r) && i > 0 && !unicode.IsUpper(rune(last[i-1])) {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
		}
		file = b.String() + ".txt"
	}
	return lint.CLI(inputs.RoleXSP, strings.Trim(context, "/"), "get", "hosts/<host>/"+file).
		Reading("every attribute and table row, compared across the farm")
}

type farmDriftOptions struct {
	Contexts   []string `hcl:"contexts,optional" doc:"CLI contexts (without the XSP_CLI/ prefix) whose get output must be the same on every XSP of a farm"`
	IgnoreKeys []string `hcl:"ignore_keys,optional" doc:"attributes and table columns that may differ from host to host, such as an address of the host's own (compared case-insensitively)"`
}

// Validate rejects contexts that cannot name a capture: empty, written
// with a CLI prefix, or listed twice.
func (o *farmDriftOptions) Validate() error {
	if len(o.Contexts) == 0 {
		return &lint.OptionError{Option: "contexts", Msg: "it must list at least one context, such as \"Applications/Xsi-Events/GeneralSettings\""}
	}
	for i, c := range o.Contexts {
		t := strings.Trim(strings.TrimSpace(c), "/")
		first, rest, _ := strings.Cut(t, "/")
		switch {
		case t == "":
			return &lint.OptionError{Option: "contexts", Msg: "it lists an empty context"}
		case strings.HasSuffix(first, "_CLI"):
			return &lint.OptionError{Option: "contexts", Msg: fmt.Sprintf("%q: write the context without the CLI prefix, as %q", c, rest)}
		case strings.ContainsAny(t, " >;"):
			return &lint.OptionError{Option: "contexts", Msg: fmt.Sprintf("%q is not a context path such as \"Applications/Xsi-Events/GeneralSettings\"", c)}
		}
		for _, d := range o.Contexts[:i] {
			if bwcli.SameContext(d, t) {
				return &lint.OptionError{Option: "contexts", Msg: fmt.Sprintf("%q is listed twice", c)}
			}
		}
	}
	return nil
}

var xspFarmDrift = &lint.Check{
	Name:  "xsp_farm_drift",
	Title: "all XSPs of a farm hold the same settings",
	Doc: `For each context in ` + "`contexts`" + `, every XSP and ADP of a farm — the xsps of a Partner
Hub cluster, or, without cluster files, every XSP and ADP host — must print the same ` + "`get`" + `
output: the same attributes with the same values, and the same table rows. By default the
compared contexts are the authentication service's
(` + "`System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService`" + `,
` + "`Applications/AuthenticationService/TokenManagement`" + `), the certificate authentication flags
(` + "`…/ExternalAuthentication/CertificateAuthentication`" + `), the Cisco identity provider
(` + "`Applications/AuthenticationService/IdentityProviders/Cisco`" + ` and its ` + "`Scopes`" + `) and the
Xsi-Events general settings (` + "`Applications/Xsi-Events/GeneralSettings`" + `).

A host whose context differs from the version most hosts of its farm hold is reported once
per context, with those hosts as related locations and the context's lines as expected
(the majority's) and actual (the host's); when no version is held by more hosts than any
other, every host is reported against the others. Attributes are compared by name
(case-insensitively) and value (exactly), table rows as sets; ` + "`ignore_keys`" + ` leaves out
what may differ per host. Secrets — attributes and columns whose name says password,
secret, token, key and the like, and values printed masked — are never shown: a secret that
differs is named, its values are not.

The troubleshooting guide's checklist for a misconfigured authentication service asks for
the same configuration on every XSP: the RSA keys copied onto all of them, the service URL
given to the web container on all of them, each checked against the Solution Guide. An XSP
that differs from its peers makes sign-ins fail or succeed depending on which XSP a request
reaches. The specific checks (` + "`xsp_authservice_url`" + `, ` + "`xsp_certificate_auth_flags`" + `,
` + "`xsp_identity_provider`" + `, ` + "`xsp_token_duration`" + `, ` + "`xsp_xsi_events_app_name`" + `) say which value
is right; this check catches any other difference, in any context the policy names.`,
	Fix: `Decide which version is right (the expected lines of the finding are the farm's
majority's), then, at the CLI of each XSP or ADP named in a finding, go to the context and
set each differing attribute to that value:

` + "```" + `
cd /System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication
set allowUserApp false
get
` + "```" + `

The context and the attributes to set are those of the finding; add or delete table rows
the same way. When the difference is intended, list the attribute in the check's
` + "`ignore_keys`" + ` option.`,
	Severity: lint.Warning,
	Applies: `Every XSP and ADP host that belongs to a farm of at least two hosts (the xsps of a Partner
Hub cluster, or all XSP and ADP hosts without cluster files), for each context it is expected to
hold: the authentication service's contexts on hosts that run it, the Xsi-Events contexts on hosts
that run Xsi-Events (as far as bwshowver shows; a host without its application list is taken to
run them), and any other context on every host. When cluster files list xsps, an XSP none of them
lists is compared with no other host. A host that lacks a context its peers are compared on has an
evidence gap; a farm of one host is not evaluated.`,
	Evidence: func() []lint.Evidence {
		var out []lint.Evidence
		for _, d := range driftDefaults {
			out = append(out, driftEvidence(d.context))
		}
		return append(out, xspShowVer(authServiceApp), xspShowVer(xsiEventsApp), xspClusters)
	}(),
	Tags: []string{"xsp", "consistency"},
	Options: func() any {
		o := &farmDriftOptions{IgnoreKeys: []string{}}
		for _, d := range driftDefaults {
			o.Contexts = append(o.Contexts, d.context)
		}
		return o
	},
	Run: runFarmDrift,
}

// appOf is the application a context belongs to, nil for a context every
// XSP holds.
func appOf(context string) *application {
	c := strings.ToLower(strings.Trim(context, "/"))
	switch {
	case strings.HasPrefix(c, "applications/authenticationservice"),
		strings.HasPrefix(c, "system/communicationutility/defaultsettings/externalauthentication/"):
		return &authServiceApp
	case strings.HasPrefix(c, "applications/xsi-events"):
		return &xsiEventsApp
	}
	return nil
}

func runFarmDrift(p *lint.Pass) error {
	opts := lint.OptionsOf[farmDriftOptions](p)
	contexts := make([]string, len(opts.Contexts))
	for i, c := range opts.Contexts {
		contexts[i] = strings.Trim(strings.TrimSpace(c), "/")
	}
	groups, loose := xspGroups(p, driftEvidence(contexts[0]))
	if len(groups) == 0 {
		p.NotEvaluated("", "%s", noXSPs)
		return nil
	}
	for _, h := range loose {
		p.NotEvaluated(h.Name, "%s", notInCluster(h))
	}
	ignore := map[string]bool{}
	for _, k := range opts.IgnoreKeys {
		ignore[strings.ToLower(strings.TrimSpace(k))] = true
	}
	notRunning := map[string]bool{}
	for _, g := range groups {
		if len(g.hosts) < 2 {
			for _, h := range g.hosts {
				p.NotEvaluated(h.Name, "%s is the only host of %s in the snapshot, so there is no peer to compare it with", h.Name, g.name)
			}
			continue
		}
		for _, ctx := range contexts {
			compareContext(p, g, ctx, ignore, notRunning)
		}
	}
	return nil
}

// driftLine is one attribute or table row of a context, as compared and
// as shown.
type driftLine struct {
	key   string // attribute name or row, lower-case: what lines are matched by
	name  string // attribute name or "row", for messages
	cmp   string // what is compared
	shown string // what reports show; never a secret
	// value is an attribute's value as typed by a fix; "" for rows and
	// secrets.
	value string
	// secret lines are compared but their values never shown.
	secret bool
	at     hcl.Range
}

// driftView is one host's context as compared.
type driftView struct {
	host  *inputs.Host
	last  *bwcli.Command
	lines []driftLine // sorted by key
}

func (v driftView) line(key string) (driftLine, bool) {
	i := slices.IndexFunc(v.lines, func(l driftLine) bool { return l.key == key })
	if i < 0 {
		return driftLine{}, false
	}
	return v.lines[i], true
}

func (v driftView) text() string {
	var b strings.Builder
	for _, l := range v.lines {
		b.WriteString(l.shown + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func compareContext(p *lint.Pass, g xspGroup, ctx string, ignore, notRunning map[string]bool) {
	app := appOf(ctx)
	ev := driftEvidence(ctx)
	var views []driftView
	var missing []*inputs.Host
	for _, h := range g.hosts {
		if app != nil {
			if runs, apps := app.runs(h); !runs {
				if k := h.Name + "\x00" + app.label; !notRunning[k] {
					notRunning[k] = true
					p.NotEvaluatedPart(h.Name, "%s, so its contexts are not compared with its peers'", app.notRunning(h, apps))
				}
				continue
			}
		}
		c := captureOf(h, ctx)
		if !c.ok() {
			missing = append(missing, h)
			continue
		}
		views = append(views, viewOf(c, ignore))
	}
	if len(views)+len(missing) < 2 {
		return // one host holds the context: no farm to compare
	}
	for _, h := range missing {
		p.Gap(h.Name, ev, "%s, so it cannot be compared with its peers (%s)", notCaptured(h, lint.ServerOf(h, inputs.RoleXSP), ctx), g.name)
	}
	votes := make([]vote, len(views))
	for i, v := range views {
		var cmp []string
		for _, l := range v.lines {
			cmp = append(cmp, l.key+"\x00"+l.cmp)
		}
		votes[i] = vote{host: v.host, key: strings.Join(cmp, "\n")}
	}
	for _, d := range dissenters(votes) {
		reportDrift(p, g, ctx, d, views)
	}
}

// viewOf reads a host's context: attributes (the last value of each
// name), then table rows, each sorted.
func viewOf(c capture, ignore map[string]bool) driftView {
	v := driftView{host: c.host, last: c.last()}
	attrs := map[string]driftLine{}
	var rows []driftLine
	for _, cmd := range c.cmds {
		for _, kv := range cmd.Attrs {
			key := strings.ToLower(kv.Key.Text)
			if ignore[key] {
				continue
			}
			val := strings.TrimSpace(kv.Value.Text)
			secret := source.IsSecretName(kv.Key.Text) || kv.Value.Masked()
			shown := kv.Key.Text + " = " + val
			if secret {
				shown = kv.Key.Text + " = ********"
			}
			cmp := val
			if b, ok := source.Bool(val); ok {
				// The CLIs print true and false; some captures show Y
				// and N for the same values.
				cmp = fmt.Sprint(b)
			}
			typed := val
			if secret {
				typed = ""
			}
			attrs[key] = driftLine{key: key, name: kv.Key.Text, cmp: cmp, shown: shown, value: typed, secret: secret, at: kv.Value.Range()}
		}
		for _, t := range cmd.Tables {
			for _, r := range t.Rows {
				var cmp, shown []string
				secret := false
				for i, col := range t.Columns {
					if ignore[strings.ToLower(strings.Join(strings.Fields(col.Text), " "))] {
						continue
					}
					cell := strings.TrimSpace(r.Cell(i).Text)
					cmp = append(cmp, col.Text+"="+cell)
					if source.IsSecretName(col.Text) || source.IsMasked(cell) {
						secret = secret || !source.IsMasked(cell) && cell != ""
						cell = "********"
					}
					shown = append(shown, col.Text+"="+cell)
				}
				row := strings.Join(cmp, ", ")
				if !slices.ContainsFunc(rows, func(l driftLine) bool { return l.cmp == row }) {
					rows = append(rows, driftLine{key: "row\x00" + strings.ToLower(row), name: "row", cmp: row, shown: "row " + strings.Join(shown, ", "), secret: secret, at: r.Range()})
				}
			}
		}
	}
	for _, l := range attrs {
		v.lines = append(v.lines, l)
	}
	slices.SortFunc(v.lines, func(a, b driftLine) int { return strings.Compare(a.key, b.key) })
	slices.SortFunc(rows, func(a, b driftLine) int { return strings.Compare(a.key, b.key) })
	v.lines = append(v.lines, rows...)
	return v
}

// difference is one line two views do not share.
type difference struct {
	key        string
	mine, peer driftLine
	inMine     bool
	inPeer     bool
}

func differences(mine, peer driftView) []difference {
	var keys []string
	for _, l := range mine.lines {
		keys = append(keys, l.key)
	}
	for _, l := range peer.lines {
		if !slices.Contains(keys, l.key) {
			keys = append(keys, l.key)
		}
	}
	var out []difference
	for _, k := range keys {
		a, inA := mine.line(k)
		b, inB := peer.line(k)
		if inA && inB && a.cmp == b.cmp {
			continue
		}
		out = append(out, difference{key: k, mine: a, peer: b, inMine: inA, inPeer: inB})
	}
	return out
}

// valueOf is a line's value as printed, for messages.
func valueOf(l driftLine) string {
	_, v, _ := strings.Cut(l.shown, " = ")
	return fmt.Sprintf("%q", v)
}

// describe says what differs, naming values unless they are secret.
func (d difference) describe(peer string) string {
	switch {
	case !d.inMine && d.peer.name == "row":
		return fmt.Sprintf("it lacks the %s %s holds", d.peer.shown, peer)
	case !d.inMine:
		return fmt.Sprintf("%s is not in its capture (%s holds %s)", d.peer.name, peer, d.peer.shown)
	case !d.inPeer && d.mine.name == "row":
		return fmt.Sprintf("it holds a %s that %s lacks", d.mine.shown, peer)
	case !d.inPeer:
		return fmt.Sprintf("it holds %s, which %s lacks", d.mine.shown, peer)
	case d.mine.secret || d.peer.secret:
		return fmt.Sprintf("%s differs from %s's (a secret: neither value is shown)", d.mine.name, peer)
	}
	return fmt.Sprintf("%s is %s where %s holds %s", d.mine.name, valueOf(d.mine), peer, valueOf(d.peer))
}

func reportDrift(p *lint.Pass, g xspGroup, ctx string, d dissent, views []driftView) {
	viewFor := func(h *inputs.Host) driftView {
		return views[slices.IndexFunc(views, func(v driftView) bool { return v.host == h })]
	}
	mine, ref := viewFor(d.host), viewFor(d.peers[0].host)
	diffs := differences(mine, ref)
	var whats []string
	for i, df := range diffs {
		if i == 3 {
			whats = append(whats, fmt.Sprintf("and %d more", len(diffs)-3))
			break
		}
		whats = append(whats, df.describe(ref.host.Name))
	}
	// The finding points at the first difference on this host that has
	// a position, preferring one that is not secret.
	at := mine.last.Input.Range()
	for _, secretOK := range []bool{false, true} {
		if i := slices.IndexFunc(diffs, func(df difference) bool { return df.inMine && (secretOK || !df.mine.secret) }); i >= 0 {
			at = diffs[i].mine.at
			break
		}
	}
	names := d.peerNames()
	against := fmt.Sprintf("%s of %s, the largest group holding one version", joinAnd(names), g.name)
	if d.tie {
		against = fmt.Sprintf("%s of %s, and no version is held by more hosts than any other", joinAnd(names), g.name)
	}
	actual := mine.text()
	for _, df := range diffs {
		if df.inMine && df.inPeer && (df.mine.secret || df.peer.secret) {
			// Both show the mask; say that the values differ.
			actual = strings.Replace(actual, df.mine.shown, df.mine.shown+" (a different value)", 1)
		}
	}
	var related []lint.Related
	for _, peer := range d.peers {
		pv := viewFor(peer.host)
		loc, what := pv.last.Input.Range(), fmt.Sprintf("%s prints %s here", peer.host.Name, ctx)
		// Point at the peer's side of the first difference it has a
		// line for.
		for _, df := range diffs {
			if l, ok := pv.line(df.key); ok {
				loc, what = l.at, fmt.Sprintf("%s holds %s", peer.host.Name, l.shown)
				break
			}
		}
		if loc == pv.last.Input.Range() && len(diffs) > 0 {
			what = fmt.Sprintf("%s holds no %s", peer.host.Name, diffs[0].mine.name)
		}
		related = append(related, lint.Related{Location: loc, Message: what})
	}
	cliCtx := cliContext(mine.last, lint.ServerOf(d.host, inputs.RoleXSP), ctx)
	var fix []lint.FixStep
	if !d.tie {
		// With no majority, no host is known to be right.
		fix = driftFix(cliCtx, ref.host.Name, diffs)
	}
	p.Report(lint.Finding{
		Host:     d.host.Name,
		Message:  fmt.Sprintf("%s on %s differs from %s: %s", ctx[strings.LastIndex(ctx, "/")+1:], d.host.Name, against, strings.Join(whats, "; ")),
		Location: at,
		Logical:  lint.Logical{Context: cliCtx, Key: g.name},
		Expected: ref.text(),
		Actual:   actual,
		Related:  related,
		Fix:      fix,
	})
}

// driftFix brings a host's context to the version of peer, the majority's:
// each attribute peer holds and the host lacks or holds otherwise is set
// to peer's value; a secret is named, never typed; table rows and an
// attribute peer does not show are left to the operator, named, since
// their commands depend on the context.
func driftFix(ctx, peer string, diffs []difference) []lint.FixStep {
	var sets, notes []lint.FixStep
	for _, df := range diffs {
		switch {
		case df.inPeer && df.peer.name == "row":
			notes = append(notes, lint.FixStep{Comment: fmt.Sprintf("add the %s that %s holds", df.peer.shown, peer)})
		case !df.inPeer && df.mine.name == "row":
			notes = append(notes, lint.FixStep{Comment: fmt.Sprintf("delete the %s, which %s lacks, unless the farm needs it", df.mine.shown, peer)})
		case !df.inPeer:
			notes = append(notes, lint.FixStep{Comment: fmt.Sprintf("%s does not show %s: check that the farm needs it", peer, df.mine.name)})
		case df.peer.secret || df.mine.secret:
			notes = append(notes, lint.FixStep{Comment: fmt.Sprintf("type set %s followed by the value %s holds (a secret, not shown here)", df.peer.name, peer)})
		case df.peer.value == "":
			notes = append(notes, lint.FixStep{Comment: fmt.Sprintf("%s holds %s empty: clear it the way the context allows", peer, df.peer.name)})
		default:
			sets = append(sets, lint.FixStep{Context: ctx, Command: "set " + df.peer.name + " " + cliArg(df.peer.value)})
		}
	}
	if len(sets) > 0 {
		sets = append(sets, lint.FixStep{Context: ctx, Command: "get"})
	}
	return append(sets, notes...)
}
