package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/inputs/source"
)

// ParseOptions are what the parse report says besides the snapshot.
type ParseOptions struct {
	// Inventory is the policy file whose host and cluster blocks the
	// snapshot was loaded with; "" when none was.
	Inventory string
}

// ParseText writes what bwlint understood of a snapshot: hosts with role
// and release, every command's context, values and tables, Partner Hub
// files, tag sets, every file's status and every input problem. Secret
// values are shown redacted, in typed commands and free text too.
//
// o.Inventory names the policy file whose host and cluster blocks the
// snapshot was loaded with; the report says so, since roles, releases and
// cluster members may then come from it rather than from the captures.
func ParseText(w io.Writer, s *inputs.Snapshot, o ParseOptions) error {
	src := redact.New(s)
	bw := bufio.NewWriter(w)
	// Names, values and paths come from the snapshot: each string is made
	// printable, so that none starts a line or a terminal sequence.
	p := func(format string, args ...any) { fmt.Fprintf(bw, format+"\n", source.PrintableArgs(args)...) }
	p("snapshot %s: %s, %s, %s, %s, %s (%s)", s.Root, plural(len(s.Hosts), "host"), plural(len(s.Templates), "template"),
		plural(len(s.Clusters), "cluster"), plural(len(s.TagSets), "tag set"), plural(len(s.Files), "file"), statusCounts(s))
	if o.Inventory != "" {
		p("policy %s: its host and cluster blocks are applied", o.Inventory)
	}
	for _, h := range s.Hosts {
		p("")
		role := string(h.Role)
		if role == "" {
			role = "unknown"
		} else {
			role += " (" + position(h.RoleEvidence.Range()) + ")"
		}
		release := "unknown"
		if h.Release.Present() {
			release = h.Release.Text + " (" + position(h.Release.Range()) + ")"
		}
		p("host %s  role %s  release %s", h.Name, role, release)
		if h.ShowVer != nil {
			for _, a := range h.ShowVer.Applications {
				p("  application %s %s at %s", a.Name.Text, a.Version.Text, a.ContextPath.Text)
			}
		}
		for _, d := range h.Digests {
			p("  sha256 %s  %s  (%s)", d.Short(), d.Name.Text, position(d.Hex.Range()))
		}
		for _, c := range h.Commands {
			writeCommand(p, src, c)
		}
	}
	for _, t := range s.Templates {
		p("")
		p("template %s  (%s)", t.Name.Text, t.Path)
		writeFields(p, src, t.Fields)
	}
	for _, c := range s.Clusters {
		p("")
		p("cluster %s  (%s)", c.Name.Text, c.Path)
		writeFields(p, src, c.Fields)
	}
	j := parseValues{src: src}
	for _, ts := range s.TagSets {
		p("")
		p("%s  (%s, %d tags)", scopeOf(ts).title(ts.Name), ts.Path, len(ts.Tags))
		for _, tag := range ts.Tags {
			value := src.Value(tag.Value)
			if tag.Secret() {
				value = source.Redacted
			}
			// A merged set holds tags of several captures: those of
			// another file than the set's first say which.
			where := fmt.Sprintf(":%d", tag.Range.Start.Line)
			if tag.Range.Filename != ts.Path {
				where = fmt.Sprintf("%s:%d", tag.Range.Filename, tag.Range.Start.Line)
			}
			p("  %s = %s  overridable %s  %s", tag.Name.Text, value, src.Value(tag.Overridable), where)
		}
	}
	writeChannels(p, j.channels(s))
	p("")
	p("files")
	for _, f := range s.Files {
		lines := ""
		if f.Lines != nil {
			lines = "  " + f.Lines.String()
		}
		p("  %-8s %-10s %-9s %s%s", f.Status, f.Kind, orDash(string(f.Encoding)), f.Path, lines)
	}
	if len(s.Problems) > 0 {
		p("")
		p("input problems")
		for _, pr := range s.Problems {
			p("  %s", pr.Error())
		}
	}
	return bw.Flush()
}

// plural writes a count with its noun: "1 host", "2 hosts".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func statusCounts(s *inputs.Snapshot) string {
	n := map[inputs.Status]int{}
	for _, f := range s.Files {
		n[f.Status]++
	}
	return fmt.Sprintf("%d parsed, %d partial, %d failed", n[inputs.Parsed], n[inputs.Partial], n[inputs.Failed])
}

func writeCommand(p func(string, ...any), src *redact.Source, c *bwcli.Command) {
	ctx := c.Server.Text + "_CLI"
	if c.Path != "" {
		ctx += "/" + c.Path
	}
	switch {
	case c.Shell && c.Known:
		ctx = "shell (read as " + c.Path + ")"
	case c.Shell:
		ctx = "shell"
	case !c.Known:
		ctx += " (context unresolved)"
	}
	superseded := ""
	if c.SupersededBy != nil {
		superseded = "  superseded by " + position(c.SupersededBy.Input.Range())
	}
	p("  %s> %s  (%s)%s", ctx, src.Value(c.Input), position(c.Input.Range()), superseded)
	for _, kv := range c.Attrs {
		p("    %s = %s  :%d:%d", kv.Key.Text, src.Value(kv.Value), kv.Value.Range().Start.Line, kv.Value.Range().Start.Column)
	}
	for _, t := range c.Tables {
		var cols []string
		for _, col := range t.Columns {
			cols = append(cols, col.Text)
		}
		p("    table [%s], %d rows  :%d", strings.Join(cols, " | "), len(t.Rows), t.Range().Start.Line)
		for _, r := range t.Rows {
			var cells []string
			for _, cell := range r.Cells {
				cells = append(cells, src.Value(cell))
			}
			p("      %s  :%d", strings.Join(cells, " | "), r.Range().Start.Line)
		}
	}
	for _, v := range c.Text {
		p("    text %q  :%d", src.Value(v), v.Range().Start.Line)
	}
}

// writeFields writes a Partner Hub file's fields, a list or an object on
// one line, as a review shows them.
func writeFields(p func(string, ...any), src *redact.Source, fields []partnerhub.Field) {
	for _, f := range fields {
		value := src.Value(f.Value)
		if f.Kind == "object" || f.Kind == "array" {
			var b bytes.Buffer
			if json.Compact(&b, []byte(value)) == nil {
				value = b.String()
			}
		}
		p("  %s = %s  :%d:%d", f.Key.Text, value, f.Value.Range().Start.Line, f.Value.Range().Start.Column)
	}
}
