package snapdiff

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// identifyingColumns are the columns that name a row in the tables
// BroadWorks prints, in order of preference; other tables are keyed by
// their first column.
var identifyingColumns = []string{"Patch Name", "Option Name", "Device Type", "Tag Name", "Name"}

// idColumn returns the index of the column that identifies t's rows.
func idColumn(t *bwcli.Table) int {
	for _, name := range identifyingColumns {
		if i := t.Column(name); i >= 0 {
			return i
		}
	}
	return 0
}

// cell is one named value of a row.
type cell struct {
	column string
	value  source.Value
	secret bool
}

func flattenTable(out *settings, host, ctx, scope string, t *bwcli.Table) {
	labels := rowLabels(t)
	naming := namingColumns(t)
	for i, r := range t.Rows {
		secretRow := namesSecret(r, naming)
		var cells []cell
		for c, col := range t.Columns {
			v := r.Cell(c)
			cells = append(cells, cell{column: col.Text, value: v, secret: isSecret(col.Text, v) || secretRow && !naming[c]})
		}
		row := labels[i]
		if scope != "" {
			row = scope + ": " + row
		}
		putRow(out, settingID{Host: host, Context: ctx, Row: row}, r.Range(), cells, cells)
	}
}

// namingColumns are the columns whose cells name a row rather than hold
// its values: the identifying column, the first column, which rowLabels
// adds when names repeat, and any column headed "… Name" ("Container
// Name", "Host Name").
func namingColumns(t *bwcli.Table) map[int]bool {
	naming := map[int]bool{0: true, idColumn(t): true}
	for i, col := range t.Columns {
		if strings.HasSuffix(strings.ToLower(strings.TrimSpace(col.Text)), "name") {
			naming[i] = true
		}
	}
	return naming
}

// namesSecret reports whether a row is named as a secret, as a row
// "provisioning  bw.imp.adminPassword  …" of ContainerOptions is: then
// every value of the row is one, whatever its column is called.
func namesSecret(r bwcli.Row, naming map[int]bool) bool {
	for c := range naming {
		if source.IsSecretName(r.Cell(c).Text) {
			return true
		}
	}
	return false
}

// putRow records a row's presence, shown with every cell, and the cells
// that are compared one by one when the row exists on both sides.
func putRow(out *settings, id settingID, rng hcl.Range, shown, compared []cell) {
	out.put(setting{id: id, value: source.Value{Loc: source.LocOf(rng)}, row: shown})
	for _, c := range compared {
		cid := id
		cid.Key = c.column
		out.put(setting{id: cid, value: c.value, secret: c.secret})
	}
}

// rowText renders a row's cells, secrets redacted: the value of a row
// added or removed. Most rows are never shown, so it is made only for
// a change.
func rowText(cells []cell) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		text := shownValue(c.value.Text)
		if c.secret {
			text = source.Redacted
		}
		parts[i] = c.column + "=" + text
	}
	return strings.Join(parts, ", ")
}

// rowLabels names each row by its identifying column: "Patch Name=AP…".
// When that column repeats a value — one option name in two containers —
// the first column is added, and an occurrence number as a last resort, so
// that every row keeps a distinct name.
func rowLabels(t *bwcli.Table) []string {
	id := idColumn(t)
	label := func(r bwcli.Row, cols ...int) string {
		parts := make([]string, len(cols))
		for i, c := range cols {
			parts[i] = t.Columns[c].Text + "=" + r.Cell(c).Text
		}
		return strings.Join(parts, ", ")
	}
	cols := []int{id}
	if !unique(t, func(r bwcli.Row) string { return label(r, cols...) }) && id != 0 {
		cols = []int{0, id}
	}
	out := make([]string, len(t.Rows))
	seen := map[string]int{}
	for i, r := range t.Rows {
		l := label(r, cols...)
		seen[l]++
		if n := seen[l]; n > 1 {
			l = fmt.Sprintf("%s #%d", l, n)
		}
		out[i] = l
	}
	return out
}

func unique(t *bwcli.Table, key func(bwcli.Row) string) bool {
	seen := map[string]bool{}
	for _, r := range t.Rows {
		k := key(r)
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// wholeFile locates a whole file, for changes that concern a file as a
// whole, such as a template added.
func wholeFile(path string) hcl.Range {
	return hcl.Range{Filename: path}
}
