package checks

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
)

// containerOption finds a container option in Maintenance/ContainerOptions
// output, the last capture winning. The output is a table with container,
// option and value columns; their exact titles are not documented, so
// columns are matched by the words they contain ("Container", "Option Name"
// or "Name", "Value").
func containerOption(cmds []*bwcli.Command, container, option string) (source.Value, bool) {
	for i := len(cmds) - 1; i >= 0; i-- {
		for j := len(cmds[i].Tables) - 1; j >= 0; j-- {
			t := cmds[i].Tables[j]
			cc, oc, vc := columnLike(t, "container"), columnLike(t, "option name", "name"), columnLike(t, "value")
			if oc < 0 || vc < 0 {
				continue
			}
			for _, r := range t.Rows {
				if !strings.EqualFold(r.Cell(oc).Text, option) {
					continue
				}
				if cc >= 0 && !strings.EqualFold(r.Cell(cc).Text, container) {
					continue
				}
				return r.Cell(vc), true
			}
		}
	}
	return source.Value{}, false
}

// columnLike returns the first column whose title contains one of the
// words, tried in order, or -1.
func columnLike(t *bwcli.Table, words ...string) int {
	for _, w := range words {
		for i, c := range t.Columns {
			title := strings.ToLower(c.Text)
			if strings.Contains(title, w) && (w != "name" || !strings.Contains(title, "container")) {
				return i
			}
		}
	}
	return -1
}
