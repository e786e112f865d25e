package config

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
)

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
func (o observation) display(r *rule) string {
	if !o.found {
		return "not set"
	}
	return r.show(o.value.Text)
}

func (r *rule) run(p *lint.Pass) error {
	var seen []observation
	for _, h := range r.hosts(p) {
		o, ok := r.observe(p, h)
		if !ok {
			continue
		}
		if r.req.kind == reqSame {
			seen = append(seen, o)
			continue
		}
		if !r.req.accepts(o.value.Text, o.found) {
			r.report(p, o)
		}
	}
	if r.req.kind == reqSame {
		r.compareHosts(p, seen)
	}
	return nil
}

// hosts returns the hosts the rule reads. A rule for a role reads every
// host of that role, and a host that lacks the context is not evaluated;
// a rule for any role reads the hosts that captured the context.
func (r *rule) hosts(p *lint.Pass) []*inputs.Host {
	if r.role != inputs.RoleUnknown {
		hs := p.HostsWithRole(r.role)
		if len(hs) == 0 {
			p.NotEvaluated("", "the snapshot has no host of role %s (%s)", r.role, r.hostsPhrase())
		}
		return hs
	}
	var hs []*inputs.Host
	for _, h := range p.Snapshot.Hosts {
		if h.Captured(r.context) && p.Applies(h.Name) {
			hs = append(hs, h)
		}
	}
	if len(hs) == 0 {
		p.NotEvaluated("", "no host has a capture of <SERVER>_CLI/%s", r.context)
	}
	return hs
}

// observe reads the rule's value on one host. ok is false when the host
// was recorded as not evaluated.
func (r *rule) observe(p *lint.Pass, h *inputs.Host) (o observation, ok bool) {
	cmds := h.Read(r.context)
	if len(cmds) == 0 {
		p.Gap(h.Name, r.evidence(), "%s_CLI/%s was not captured on %s", serverOf(h, r.server()), r.context, h.Name)
		return o, false
	}
	o = observation{host: h, cmd: cmds[len(cmds)-1]}
	if r.column == "" {
		if kv, cmd, found := h.Attr(r.context, r.key); found {
			o.cmd, o.value, o.key, o.found, o.at = cmd, kv.Value, kv.Key.Text, true, kv.Value.Range
		} else {
			o.at = o.cmd.Input.Range
		}
	} else if !r.observeCell(p, h, cmds, &o) {
		return o, false
	}
	if o.found && o.value.Masked() && r.req.kind != reqPresent {
		p.NotEvaluated(h.Name, "%s is masked in the capture on %s (%s), so it cannot be compared", r.label(), h.Name, o.value.Range.Filename)
		return o, false
	}
	return o, true
}

// observeCell finds the rule's cell in the latest table of the context
// that has all the columns the rule names.
func (r *rule) observeCell(p *lint.Pass, h *inputs.Host, cmds []*bwcli.Command, o *observation) bool {
	var latest *bwcli.Table
	for i := len(cmds) - 1; i >= 0; i-- {
		for j := len(cmds[i].Tables) - 1; j >= 0; j-- {
			t := cmds[i].Tables[j]
			col := t.Column(r.column)
			if col < 0 || !r.hasKeyColumns(t) {
				continue
			}
			if latest == nil {
				latest, o.cmd = t, cmds[i]
				o.at = hcl.Range{Filename: t.Range.Filename, Start: t.Range.Start, End: t.Range.Start}
			}
			if row, found := r.findRow(t); found {
				o.cmd, o.value, o.found, o.at = cmds[i], row.Cell(col), true, row.Cell(col).Range
				return true
			}
		}
	}
	if latest == nil {
		ctx := o.cmd.Server.Text + "_CLI/" + r.context
		p.Gap(h.Name, r.evidence(), "no table with the columns %s was captured in %s on %s", r.columnList(), ctx, h.Name)
		return false
	}
	return true
}

func (r *rule) hasKeyColumns(t *bwcli.Table) bool {
	for _, c := range r.rowKey {
		if t.Column(c.column) < 0 {
			return false
		}
	}
	return true
}

func (r *rule) findRow(t *bwcli.Table) (bwcli.Row, bool) {
	for _, row := range t.Rows {
		match := true
		for _, c := range r.rowKey {
			if !strings.EqualFold(strings.TrimSpace(row.Cell(t.Column(c.column)).Text), c.value) {
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

func (r *rule) columnList() string {
	cols := []string{quote(r.column)}
	for _, c := range r.rowKey {
		cols = append(cols, quote(c.column))
	}
	return strings.Join(cols, ", ")
}

// cliContext is the context as the capture spells it, which is what an
// operator finds in the transcript, whatever case the rule was written in.
func (r *rule) cliContext(o observation) string {
	return o.cmd.Server.Text + "_CLI/" + o.cmd.Path
}

// logicalKey identifies the value: the attribute (as captured, when it
// was), or row and column.
func (r *rule) logicalKey(o observation) string {
	if r.column != "" {
		return r.rowKeyText() + "/" + r.column
	}
	if o.found {
		return o.key
	}
	return r.key
}

// report records a value that fails the requirement.
func (r *rule) report(p *lint.Pass, o observation) {
	var msg string
	switch {
	case r.secret && o.found && r.req.kind != reqPresent:
		msg = fmt.Sprintf("%s on %s does not meet the rule; the value is a secret and not shown", r.label(), o.host.Name)
	case !o.found && r.column == "":
		msg = fmt.Sprintf("%s is not set in %s on %s; it %s", r.key, r.cliContext(o), o.host.Name, r.req.want(r.show))
	case !o.found:
		msg = fmt.Sprintf("%s on %s has no row %s; its %s %s", r.cliContext(o), o.host.Name, r.rowKeyText(), r.column, r.req.want(r.show))
	case r.req.kind == reqPresent:
		msg = fmt.Sprintf("%s is set on %s to %s; it must not be set", r.label(), o.host.Name, o.display(r))
	default:
		msg = fmt.Sprintf("%s on %s is %s; it %s", r.label(), o.host.Name, o.display(r), r.req.want(r.show))
	}
	f := r.finding(o, msg)
	f.Expected = r.req.expected(r.label())
	f.Actual = r.statement(o)
	p.Report(r.redact(f))
}

// statement is an observation as a finding's Expected or Actual line.
func (r *rule) statement(o observation) string {
	if !o.found {
		return r.label() + " not set"
	}
	return r.label() + " = " + o.value.Text
}

func (r *rule) finding(o observation, msg string) lint.Finding {
	return lint.Finding{
		Host:     o.host.Name,
		Message:  msg,
		Location: o.at,
		Logical:  lint.Logical{Context: r.cliContext(o), Key: r.logicalKey(o)},
	}
}

// redact drops a secret's values from a finding; messages of secret rules
// are written without them already.
func (r *rule) redact(f lint.Finding) lint.Finding {
	if r.secret {
		f.Expected, f.Actual, f.Secret = "", "", true
	}
	return f
}

// compareHosts reports, for same_on_all_hosts, every host whose value
// differs from the one most hosts hold (on a tie, the first host's by
// name), with the majority's hosts as related locations.
func (r *rule) compareHosts(p *lint.Pass, seen []observation) {
	if len(seen) < 2 {
		p.NotEvaluated("", "%s needs the value from at least two hosts to compare, and %d had it captured", r.name, len(seen))
		return
	}
	var groups [][]observation
	index := map[string]int{}
	for _, o := range seen {
		k := "\x00absent"
		if o.found {
			k = o.value.Text
			if r.req.ignoreCase {
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

// serverOf returns the prompt prefix a host's captures use, or def.
func serverOf(h *inputs.Host, def string) string {
	if len(h.Commands) > 0 {
		return h.Commands[0].Server.Text
	}
	return def
}
