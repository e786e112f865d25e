package snapdiff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// Kind is what happened to a setting, row or host.
type Kind string

// Change kinds, as the JSON report spells them.
const (
	Added       Kind = "added"
	Removed     Kind = "removed"
	Changed     Kind = "changed"
	HostAdded   Kind = "host_added"
	HostRemoved Kind = "host_removed"
)

// Kinds lists every change kind in the order summaries show them.
var Kinds = []Kind{Added, Removed, Changed, HostAdded, HostRemoved}

// Change is one difference between the two snapshots.
type Change struct {
	// Host is empty for Partner Hub and device-management objects.
	Host string
	// Context is the CLI context ("AS_CLI/Maintenance/Patching"), a
	// Partner Hub object ("partnerhub/templates/smb"), a tag set
	// ("devicemgmt/tagsets/webex-tags"), "bwshowver", or the path of a
	// digest file.
	Context string
	// Row names a table row by its identifying column ("Patch Name=AP…"),
	// or the command whose output holds the key (`detail "…"`).
	Row string
	// Key is the attribute, field or column; empty when a whole row,
	// object or host was added or removed.
	Key  string
	Kind Kind
	// Before and After are the values; empty when absent or secret.
	Before, After string
	// Secret marks a change of a value that is never shown.
	Secret bool
	// BeforeLocation and AfterLocation point into the before and the after
	// snapshot; zero on the side where the thing does not exist.
	BeforeLocation, AfterLocation hcl.Range
	// Effects are the review's findings the change is tied to: those it
	// causes, alters, fixes or leaves unverified.
	Effects []Effect
	// ReadBy names the checks whose evidence is the change's place; none
	// means no check judges it.
	ReadBy []string
}

// compareHosts reports hosts present on one side only.
func compareHosts(before, after *inputs.Snapshot) (changes []Change, oneSided map[string]bool) {
	oneSided = map[string]bool{}
	for _, h := range before.Hosts {
		if after.Host(h.Name) == nil {
			oneSided[h.Name] = true
			changes = append(changes, Change{Host: h.Name, Kind: HostRemoved, Before: describeHost(h), BeforeLocation: wholeFile(h.Dir)})
		}
	}
	for _, h := range after.Hosts {
		if before.Host(h.Name) == nil {
			oneSided[h.Name] = true
			changes = append(changes, Change{Host: h.Name, Kind: HostAdded, After: describeHost(h), AfterLocation: wholeFile(h.Dir)})
		}
	}
	return changes, oneSided
}

func describeHost(h *inputs.Host) string {
	role := string(h.Role)
	if role == "" {
		role = "unknown role"
	}
	return role + ", " + plural(len(h.Files), "file")
}

// compareSettings reports every setting that differs. A group (row,
// template, cluster, tag set) present on one side only is one change that
// stands for all of its members.
func compareSettings(before, after *settings) []Change {
	oneSided := map[settingID]bool{}
	for _, id := range union(before, after) {
		if id.Key == "" && before.has(id) != after.has(id) {
			oneSided[id] = true
		}
	}
	var out []Change
	for _, id := range union(before, after) {
		if coveredBy(id, oneSided) {
			continue
		}
		b, inB := before.get(id)
		a, inA := after.get(id)
		switch {
		case inB && !inA:
			out = append(out, changeOf(Removed, b, b, setting{}))
		case inA && !inB:
			out = append(out, changeOf(Added, a, setting{}, a))
		case id.Key == "":
			// A group on both sides: its members say what changed.
		case b.value.Text == a.value.Text, b.value.Masked() && a.value.Masked():
			// Equal, or masked on both sides, which says nothing changed
			// that anyone could see.
		default:
			out = append(out, changeOf(Changed, a, b, a))
		}
	}
	return out
}

// union lists the ids of both sides, before's order first.
func union(before, after *settings) []settingID {
	ids := slices.Clone(before.ids)
	for _, id := range after.ids {
		if !before.has(id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// coveredBy reports whether id is a member of a group present on one side
// only: a cell of an added row, a field of a removed template.
func coveredBy(id settingID, oneSided map[settingID]bool) bool {
	if id.Key == "" {
		return false
	}
	if oneSided[settingID{Host: id.Host, Context: id.Context, Row: id.Row}] {
		return true
	}
	return id.Row != "" && oneSided[settingID{Host: id.Host, Context: id.Context}]
}

// changeOf builds a Change; named supplies the spelling of the names. A
// value secret on either side is shown on neither.
func changeOf(k Kind, named, b, a setting) Change {
	c := Change{
		Host: named.id.Host, Context: named.id.Context, Row: named.id.Row, Key: named.id.Key, Kind: k,
		Before: b.text(), After: a.text(),
		BeforeLocation: b.value.Range(), AfterLocation: a.value.Range(),
		Secret: b.secret || a.secret,
	}
	if c.Secret {
		c.Before, c.After = "", ""
	}
	if c.Key != "" { // a row's own value is made of cells already shown
		c.Before, c.After = shownValue(c.Before), shownValue(c.After)
	}
	return c
}

// shownValue is a value fit to print: a value no secret name marks may still
// be a few words that name one ("the admin password is …", a list of
// such strings) or a URL with a password, read as prose by the one
// tokenizer every output shares.
func shownValue(v string) string { return source.MaskSpans(v, source.ProseSecrets(v)) }

func sortChanges(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int {
		return cmp.Or(
			cmp.Compare(a.Host, b.Host),
			cmp.Compare(strings.ToLower(a.Context), strings.ToLower(b.Context)),
			cmp.Compare(a.Row, b.Row),
			cmp.Compare(strings.ToLower(a.Key), strings.ToLower(b.Key)),
			cmp.Compare(a.Kind, b.Kind),
		)
	})
}
