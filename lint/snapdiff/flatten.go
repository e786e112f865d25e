package snapdiff

import (
	"bytes"
	"encoding/json"
	"path"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/hashicorp/hcl/v2"
)

// compareSnapshots reports every setting that differs between two
// snapshots, and teaches red the secrets of both for the hunks. It flattens and
// compares one host at a time, then what belongs to no host (Partner Hub,
// tag sets): a setting's id names its host, so no change crosses hosts,
// and a review holds the values of one host at most rather than of two
// whole snapshots. Hosts on one side only are reported as hosts
// (compareHosts); hosts whose files are the same on both sides are not
// flattened at all (unchanged).
func compareSnapshots(before, after *inputs.Snapshot, red *redactor) []Change {
	var out []Change
	compare := func(b, a *settings) {
		out = append(out, compareSettings(b, a)...)
		red.learn(b, a)
	}
	for _, hb := range before.Hosts {
		ha := after.Host(hb.Name)
		if ha == nil || unchanged(before, after, hb, ha) {
			continue
		}
		compare(flattenHost(hb), flattenHost(ha))
	}
	compare(flattenShared(before), flattenShared(after))
	return out
}

// unchanged reports whether a host's files are the same on both sides:
// the same paths, each with the same SHA-256. A host's settings are read
// from its own files alone (its transcripts, bwshowver and digest files),
// so such a host has no change to report, and flattening it would only
// cost time and memory. A host with one file changed, added or removed is
// compared whole, since a setting may move between its files. A file that
// could not be read has no digest and never counts as the same.
func unchanged(before, after *inputs.Snapshot, hb, ha *inputs.Host) bool {
	if !slices.Equal(hb.Files, ha.Files) {
		return false
	}
	for _, p := range hb.Files {
		fb, fa := before.File(p), after.File(p)
		if fb == nil || fa == nil || fb.SHA256 == "" || fb.SHA256 != fa.SHA256 {
			return false
		}
	}
	return true
}

// flattenHost turns a host's captures into comparable settings. Group
// entries (Key empty) stand for the presence of a table row, so that a
// row added is one change, not one per cell.
func flattenHost(h *inputs.Host) *settings {
	out := newSettings(hostSize(h))
	flattenShowVer(out, h)
	flattenCommands(out, h)
	for _, d := range h.Digests {
		v := d.Hex
		v.Text = strings.ToLower(v.Text) // sha256sum and certutil differ only in case
		out.put(setting{id: settingID{Host: h.Name, Context: d.Range.Filename, Key: d.Name.Text}, value: v})
	}
	return out
}

// hostSize is about how many values flattenHost puts, so that its
// settings are allocated once.
func hostSize(h *inputs.Host) int {
	n := len(h.Digests) + 8
	for _, c := range h.Commands {
		n += len(c.Attrs)
		for _, t := range c.Tables {
			n += len(t.Rows) * (len(t.Columns) + 1)
		}
	}
	return n
}

// flattenShared turns what belongs to no host into comparable settings:
// Partner Hub templates and clusters, and tag sets. Group entries stand
// for the presence of a template, cluster, tag set or tag.
func flattenShared(s *inputs.Snapshot) *settings {
	n := 0
	for _, ts := range s.TagSets {
		n += 1 + 4*len(ts.Tags)
	}
	out := newSettings(n)
	for _, t := range s.Templates {
		flattenObject(out, "partnerhub/templates/"+nameOr(t.Name, t.Path), t.Fields, t.Range)
	}
	for _, c := range s.Clusters {
		flattenObject(out, "partnerhub/clusters/"+nameOr(c.Name, c.Path), c.Fields, c.Range)
	}
	for _, ts := range s.TagSets {
		flattenTagSet(out, ts)
	}
	return out
}

// nameOr returns an object's name, or its file name when the name is
// missing, so that a template without a name can still be compared.
func nameOr(name source.Value, file string) string {
	if name.Text != "" {
		return name.Text
	}
	return strings.TrimSuffix(path.Base(file), path.Ext(file))
}

func flattenShowVer(out *settings, h *inputs.Host) {
	sv := h.ShowVer
	if sv == nil {
		return
	}
	put := func(key string, v source.Value) {
		if v.Present() {
			out.put(setting{id: settingID{Host: h.Name, Context: "bwshowver", Key: key}, value: v})
		}
	}
	put("server", sv.Server)
	put("release", sv.Release)
	put("built", sv.Built)
	put("active patches", sv.ActivePatches)
	for _, app := range sv.Applications {
		put("application "+app.Name.Text, app.Version)
	}
}

// tableKey identifies one table of a host: the same context, the same
// command arguments and the same identifying column. The last capture of a
// table replaces earlier ones entirely, so that a row deleted between two
// captures in one snapshot is not kept alive by the first.
type tableKey struct {
	context, scope, idColumn string
}

func flattenCommands(out *settings, h *inputs.Host) {
	tables := map[tableKey]*bwcli.Table{}
	var order []tableKey
	for _, c := range h.Commands {
		if !c.Known {
			continue // output that belongs to no context cannot be compared
		}
		ctx := cliContext(c)
		scope := commandScope(c)
		for _, kv := range c.Attrs {
			out.put(setting{
				id:     settingID{Host: h.Name, Context: ctx, Row: scope, Key: kv.Key.Text},
				value:  kv.Value,
				secret: isSecret(kv.Key.Text, kv.Value),
			})
		}
		for _, t := range c.Tables {
			if len(t.Columns) == 0 {
				continue
			}
			k := tableKey{context: strings.ToLower(ctx), scope: scope, idColumn: t.Columns[idColumn(t)].Text}
			if earlier, seen := tables[k]; seen {
				out.remember(h.Name, ctx, scope, earlier)
			} else {
				order = append(order, k)
			}
			tables[k] = t
		}
	}
	for _, k := range order {
		t := tables[k]
		flattenTable(out, h.Name, contextOf(h, k), k.scope, t)
	}
}

// remember keeps the values of a table that a later capture replaced
// among the values put, though not among those compared, so that the
// secrets it printed are redacted from the hunks as well.
func (s *settings) remember(host, ctx, scope string, t *bwcli.Table) {
	kept := &settings{all: s.all} // no map: nothing of it is compared
	flattenTable(kept, host, ctx, scope, t)
	s.all = kept.all
}

// contextOf recovers the spelling of a table's context from the host's
// commands; tableKey holds it folded.
func contextOf(h *inputs.Host, k tableKey) string {
	for i := len(h.Commands) - 1; i >= 0; i-- {
		c := h.Commands[i]
		if c.Known && strings.EqualFold(cliContext(c), k.context) {
			return cliContext(c)
		}
	}
	return k.context
}

// cliContext is the context as findings name it: "AS_CLI/Interface/Messaging".
func cliContext(c *bwcli.Command) string {
	return c.Server.Text + "_CLI/" + strings.Trim(c.Path, "/")
}

// commandScope distinguishes output of commands that take an argument, such
// as `detail "Business Communicator - PC"`, from other output in the same
// context: two device types detailed in one context are two rows.
func commandScope(c *bwcli.Command) string {
	if strings.TrimSpace(c.Args) == "" {
		return ""
	}
	return c.Verb + " " + strings.TrimSpace(c.Args)
}

func flattenObject(out *settings, ctx string, fields []partnerhub.Field, whole hcl.Range) {
	out.put(setting{id: settingID{Context: ctx}, value: source.Value{Loc: source.LocOf(whole)}})
	for _, f := range fields {
		v := f.Value
		if f.Kind == "object" || f.Kind == "array" {
			v.Text = compactJSON(v.Text)
		}
		out.put(setting{id: settingID{Context: ctx, Key: f.Key.Text}, value: v, secret: f.Secret()})
	}
}

// compactJSON removes the layout of a JSON value, so that re-indenting a
// file is no change and a list reads on one line.
func compactJSON(raw string) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(raw)); err != nil {
		return raw
	}
	return buf.String()
}

func flattenTagSet(out *settings, ts *tagset.TagSet) {
	ctx := "devicemgmt/tagsets/" + ts.Name
	out.put(setting{id: settingID{Context: ctx}, value: source.Value{Loc: source.LocOf(wholeFile(ts.Path))}})
	for _, t := range ts.Tags {
		row := "Tag Name=" + t.Name.Text
		// A tag named as a secret (%SIP_PASSWORD%) holds one, encrypted
		// or not.
		secret := t.Secret() || source.IsSecretName(t.Name.Text)
		// Of a secret tag, a flag that is no boolean is the value of a
		// row whose columns shifted.
		flag := func(v source.Value) bool {
			_, ok := source.Bool(v.Text)
			return secret && !ok
		}
		cells := []cell{{"Tag Value", t.Value, secret}, {"Is Overridable", t.Overridable, flag(t.Overridable)}}
		if t.Encrypted.Present() {
			cells = append(cells, cell{"Is Encrypted", t.Encrypted, flag(t.Encrypted)})
		}
		putRow(out, settingID{Context: ctx, Row: row}, t.Range, append([]cell{{"Tag Name", t.Name, false}}, cells...), cells)
	}
}
