package checks

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
)

// siteRule is a rule block of the policy file at work: its data, and
// whether the value it reads is a secret by its name.
type siteRule struct {
	config.Rule
	secret bool
}

// siteRuleDocPage documents every site rule: a rule's own text is in the
// policy file, and no page is generated for it, so reports link to the
// section of docs/config.md that explains rule blocks.
const siteRuleDocPage = "docs/config.md#rule-a-site-check-without-go"

// namesSecret reports whether a rule's value is a secret by its name: the
// attribute, the column, or the row ("Option Name=...Password").
func namesSecret(r config.Rule) bool {
	if source.IsSecretName(r.Key) || source.IsSecretName(r.Column) {
		return true
	}
	for _, c := range r.RowKey {
		if source.IsSecretName(c.Value) {
			return true
		}
	}
	return false
}

// SiteRule makes a rule block of the policy file a check like the
// built-in ones: the template every site rule instantiates. It reads one
// value of a CLI context on the hosts of the rule's role — an attribute,
// or a table cell picked by row_key — and reports every host whose value
// fails the rule's test, or, for same_on_all_hosts, every host that
// differs from the value most hosts hold.
func SiteRule(rule config.Rule) *lint.Check {
	r := &siteRule{Rule: rule, secret: namesSecret(rule)}
	tags := []string{"custom"}
	if r.Role != inputs.RoleUnknown {
		tags = append(tags, string(r.Role))
	}
	return &lint.Check{
		Name:     r.Name,
		Title:    r.Title,
		Doc:      r.describe(),
		Fix:      r.fixText(),
		Severity: r.Severity,
		Evidence: []lint.Evidence{r.evidence()},
		Tags:     tags,
		DocPage:  siteRuleDocPage,
		Run:      r.run,

		SecuritySeverity: r.SecuritySeverity,
	}
}

// observation is what one host shows of a rule's value.
type observation struct {
	host *inputs.Host
	// cmd printed the value, or is the last command in the context when
	// the value is absent; its prompt names the server.
	cmd   *bwcli.Command
	value source.Value
	// key is the attribute's name as captured, when found.
	key   string
	found bool
	// at is where a finding points: the value, or where it is missing.
	at hcl.Range
}

// display renders the observed value for messages.
func (o observation) display(r *siteRule) string {
	if !o.found {
		return "not set"
	}
	return r.show(o.value.Text)
}

func (r *siteRule) run(p *lint.Pass) error {
	var seen []observation
	for _, h := range r.hosts(p) {
		o, ok := r.observe(p, h)
		if !ok {
			continue
		}
		if r.Require.Kind == config.RequireSameOnAllHosts {
			seen = append(seen, o)
			continue
		}
		if !accepts(r.Require, o.value.Text, o.found) {
			r.report(p, o)
		}
	}
	if r.Require.Kind == config.RequireSameOnAllHosts {
		r.compareHosts(p, seen)
	}
	return nil
}

// hosts returns the hosts the rule reads. A rule for a role reads every
// host of that role, and a host that lacks the context is not evaluated;
// a rule for any role reads the hosts that captured the context.
func (r *siteRule) hosts(p *lint.Pass) []*inputs.Host {
	if r.Role != inputs.RoleUnknown {
		hs := p.HostsWithRole(r.Role)
		if len(hs) == 0 {
			p.NotEvaluated("", "the snapshot has no host of role %s (%s)", r.Role, r.hostsPhrase())
		}
		return hs
	}
	var hs []*inputs.Host
	for _, h := range p.Snapshot.Hosts {
		if h.Captured(r.Context) && p.Applies(h.Name) {
			hs = append(hs, h)
		}
	}
	if len(hs) == 0 {
		p.NotEvaluated("", "no host has a capture of <SERVER>_CLI/%s", r.Context)
	}
	return hs
}

// observe reads the rule's value on one host. ok is false when the host
// was recorded as not evaluated.
func (r *siteRule) observe(p *lint.Pass, h *inputs.Host) (o observation, ok bool) {
	cmds := h.Read(r.Context)
	if len(cmds) == 0 {
		p.Gap(h.Name, r.evidence(), "%s_CLI/%s was not captured on %s", lint.ServerOf(h, r.Role), r.Context, h.Name)
		return o, false
	}
	o = observation{host: h, cmd: cmds[len(cmds)-1]}
	if r.Column == "" {
		if kv, cmd, found := h.Attr(r.Context, r.Key); found {
			o.cmd, o.value, o.key, o.found, o.at = cmd, kv.Value, kv.Key.Text, true, kv.Value.Range()
		} else {
			o.at = o.cmd.Input.Range()
		}
	} else if !r.observeCell(p, h, cmds, &o) {
		return o, false
	}
	if o.found && o.value.Masked() && r.Require.Kind != config.RequirePresence {
		p.NotEvaluated(h.Name, "%s is masked in the capture on %s (%s), so it cannot be compared", r.label(), h.Name, o.value.Loc.Filename())
		return o, false
	}
	return o, true
}

// observeCell finds the rule's cell in the latest table of the context
// that has all the columns the rule names.
func (r *siteRule) observeCell(p *lint.Pass, h *inputs.Host, cmds []*bwcli.Command, o *observation) bool {
	var latest *bwcli.Table
	for i := len(cmds) - 1; i >= 0; i-- {
		for j := len(cmds[i].Tables) - 1; j >= 0; j-- {
			t := cmds[i].Tables[j]
			col := t.Column(r.Column)
			if col < 0 || !r.hasKeyColumns(t) {
				continue
			}
			if latest == nil {
				latest, o.cmd = t, cmds[i]
				o.at = hcl.Range{Filename: t.Loc.Filename(), Start: t.Range().Start, End: t.Range().Start}
			}
			if row, found := r.findRow(t); found {
				o.cmd, o.value, o.found, o.at = cmds[i], row.Cell(col), true, row.Cell(col).Range()
				return true
			}
		}
	}
	if latest == nil {
		ctx := o.cmd.Server.Text + "_CLI/" + r.Context
		p.Gap(h.Name, r.evidence(), "no table with the columns %s was captured in %s on %s", r.columnList(), ctx, h.Name)
		return false
	}
	return true
}

func (r *siteRule) hasKeyColumns(t *bwcli.Table) bool {
	for _, c := range r.RowKey {
		if t.Column(c.Column) < 0 {
			return false
		}
	}
	return true
}

func (r *siteRule) findRow(t *bwcli.Table) (bwcli.Row, bool) {
	for _, row := range t.Rows {
		match := true
		for _, c := range r.RowKey {
			if !strings.EqualFold(strings.TrimSpace(row.Cell(t.Column(c.Column)).Text), c.Value) {
				match = false
				break
			}
		}
		if match {
			return row, true
		}
	}
	return bwcli.Row{}, false
}

func (r *siteRule) columnList() string {
	cols := []string{quote(r.Column)}
	for _, c := range r.RowKey {
		cols = append(cols, quote(c.Column))
	}
	return strings.Join(cols, ", ")
}

// cliContext is the context as the capture spells it, which is what an
// operator finds in the transcript, whatever case the rule was written in.
func (r *siteRule) cliContext(o observation) string {
	return o.cmd.Server.Text + "_CLI/" + o.cmd.Path
}

// logicalKey identifies the value: the attribute (as captured, when it
// was), or row and column.
func (r *siteRule) logicalKey(o observation) string {
	if r.Column != "" {
		return r.rowKeyText() + "/" + r.Column
	}
	if o.found {
		return o.key
	}
	return r.Key
}

// report records a value that fails the requirement.
func (r *siteRule) report(p *lint.Pass, o observation) {
	var msg string
	switch {
	case r.secret && o.found && r.Require.Kind != config.RequirePresence:
		msg = fmt.Sprintf("%s on %s does not meet the rule; the value is a secret and not shown", r.label(), o.host.Name)
	case !o.found && r.Column == "":
		msg = fmt.Sprintf("%s is not set in %s on %s; it %s", r.Key, r.cliContext(o), o.host.Name, want(r.Require, r.show))
	case !o.found:
		msg = fmt.Sprintf("%s on %s has no row %s; its %s %s", r.cliContext(o), o.host.Name, r.rowKeyText(), r.Column, want(r.Require, r.show))
	case r.Require.Kind == config.RequirePresence:
		msg = fmt.Sprintf("%s is set on %s to %s; it must not be set", r.label(), o.host.Name, o.display(r))
	default:
		msg = fmt.Sprintf("%s on %s is %s; it %s", r.label(), o.host.Name, o.display(r), want(r.Require, r.show))
	}
	f := r.finding(o, msg)
	f.Expected = expected(r.Require, r.label())
	f.Actual = r.statement(o)
	// A rule on an attribute that requires one value has an obvious fix:
	// set it. Tables, patterns and choices are left to the rule's fix.
	if r.Column == "" && r.Require.Kind == config.RequireEquals && len(r.Require.Values) == 1 {
		f.Fix = setFix(f.Logical.Context, r.Key, r.Require.Values[0], "")
	}
	p.Report(r.redact(f))
}

// statement is an observation as a finding's Expected or Actual line.
func (r *siteRule) statement(o observation) string {
	if !o.found {
		return r.label() + " not set"
	}
	return r.label() + " = " + o.value.Text
}

func (r *siteRule) finding(o observation, msg string) lint.Finding {
	return lint.Finding{
		Host:     o.host.Name,
		Message:  msg,
		Location: o.at,
		Logical:  lint.Logical{Context: r.cliContext(o), Key: r.logicalKey(o)},
	}
}

// redact drops a secret's values from a finding; messages of secret rules
// are written without them already.
func (r *siteRule) redact(f lint.Finding) lint.Finding {
	if r.secret {
		f.Expected, f.Actual, f.Secret = "", "", true
	}
	return f
}

// compareHosts reports, for same_on_all_hosts, every host whose value
// differs from the one most hosts hold (on a tie, the first host's by
// name), with the majority's hosts as related locations.
func (r *siteRule) compareHosts(p *lint.Pass, seen []observation) {
	if len(seen) < 2 {
		p.NotEvaluated("", "%s needs the value from at least two hosts to compare, and %d had it captured", r.Name, len(seen))
		return
	}
	var groups [][]observation
	index := map[string]int{}
	for _, o := range seen {
		k := "\x00absent"
		if o.found {
			k = o.value.Text
			if r.Require.IgnoreCase {
				k = strings.ToLower(k)
			}
		}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], o)
	}
	// Groups are in the order of their first host, which is name order;
	// a stable sort by size keeps that order among equals.
	slices.SortStableFunc(groups, func(a, b []observation) int { return cmp.Compare(len(b), len(a)) })
	major := groups[0]
	names := make([]string, len(major))
	var related []lint.Related
	for i, m := range major {
		names[i] = m.host.Name
		msg := fmt.Sprintf("%s on %s is %s", r.label(), m.host.Name, m.display(r))
		if r.secret {
			msg = fmt.Sprintf("%s holds the value most hosts have", m.host.Name)
		}
		related = append(related, lint.Related{Location: m.at, Message: msg})
	}
	for _, g := range groups[1:] {
		for _, o := range g {
			msg := fmt.Sprintf("%s on %s is %s but %s on %s; it must be the same on every host",
				r.label(), o.host.Name, o.display(r), major[0].display(r), strings.Join(names, ", "))
			if r.secret {
				msg = fmt.Sprintf("%s on %s differs from the value on %s; it must be the same on every host (the values are secret and not shown)",
					r.label(), o.host.Name, strings.Join(names, ", "))
			}
			f := r.finding(o, msg)
			f.Related = related
			f.Expected = r.statement(major[0])
			f.Actual = r.statement(o)
			p.Report(r.redact(f))
		}
	}
}
