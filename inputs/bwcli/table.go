package bwcli

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/source"
)

// table reads the table whose header is out[h] (out[h+1] is its separator)
// and returns the index of its last line.
func (p *parser) table(c *Command, out []line, h int) int {
	hl := &out[h]
	t := p.tableArena.one()
	p.cols = p.cols[:0]
	for _, sg := range segments(p.segs[:0], hl.s) {
		p.cols = append(p.cols, column{b: sg})
	}
	runeSpans(hl, p.cols)
	t.Columns = p.valArena.alloc(len(p.cols))
	for k, col := range p.cols {
		t.Columns[k] = p.value(hl, col.b[0], col.b[1])
	}
	last := &out[h+1]
	i := h + 2
rows:
	for ; i < len(out); i++ {
		l := &out[i]
		s := strings.TrimSpace(l.s)
		switch {
		case s == "":
			// A blank line ends the rows; the footer may follow it.
			k := i + 1
			for k < len(out) && isBlank(out[k].s) {
				k++
			}
			if k < len(out) && isFooter(strings.TrimSpace(out[k].s)) {
				i = k
				last = p.footer(t, &out[k])
			} else {
				i--
			}
			break rows
		case isFooter(s):
			last = p.footer(t, l)
			break rows
		case isSeparator(l.s), isNoise(s):
			i--
			break rows
		}
		if row, ok := p.row(c, t, l); ok {
			p.rowArena.push(row)
		}
		last = l
	}
	t.Rows = p.rowArena.close()
	if i >= len(out) {
		i = len(out) - 1
	}
	t.Range = p.span(hl, last)
	if t.Footer.Present() {
		if n, ok := footerCount(t.Footer.Text); ok && n != len(t.Rows) {
			p.warn(last, "table footer says %d entries but %d rows were read", n, len(t.Rows))
		}
	}
	p.tptrArena.push(t)
	return i
}

func (p *parser) footer(t *Table, l *line) *line {
	i := firstNonBlank(l.s)
	t.Footer = p.value(l, i, len(l.s))
	return l
}

// isFooter recognises "N entries found." and "1 entry found.". s is trimmed.
func isFooter(s string) bool {
	_, ok := footerCount(s)
	return ok
}

func footerCount(s string) (int, bool) {
	num, rest, ok := strings.Cut(s, " ")
	if !ok || (rest != "entries found." && rest != "entry found." && rest != "entries found" && rest != "entry found") {
		return 0, false
	}
	n, err := strconv.Atoi(num)
	return n, err == nil
}

// segments appends to dst the [start, end) byte spans of the runs of text
// in s that are separated by two or more spaces or by tabs. Single spaces
// stay inside a run: headers and cells hold words ("Client Auth Req", "Apr
// 18, 2023").
func segments(dst [][2]int, s string) [][2]int {
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return dst
		}
		start := i
		for i < len(s) {
			if s[i] == '\t' || (s[i] == ' ' && (i+1 >= len(s) || s[i+1] == ' ' || s[i+1] == '\t')) {
				break
			}
			i++
		}
		dst = append(dst, [2]int{start, i})
	}
}

// column is a run of text of a table line: its byte span in the cleaned
// line and its span in code points. Alignment is what the terminal showed,
// so runs of different lines are compared by code points, which differ from
// bytes once a line holds non-ASCII text.
type column struct {
	b, r [2]int
}

// runeSpans sets the code-point spans of cols from their byte spans in l.
func runeSpans(l *line, cols []column) {
	if l.ascii {
		for k := range cols {
			cols[k].r = cols[k].b
		}
		return
	}
	n, at := 0, 0 // n code points lie before byte at
	for k := range cols {
		for j := range 2 {
			n += utf8.RuneCountInString(l.s[at:cols[k].b[j]])
			at = cols[k].b[j]
			cols[k].r[j] = n
		}
	}
}

// byteAt returns the byte offset in l of code point n, or len(l.s) when the
// line is shorter.
func byteAt(l *line, n int) int {
	if l.ascii {
		return min(n, len(l.s))
	}
	for i := range l.s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(l.s)
}

// row cuts one table line at the column edges the header gives. BroadWorks
// right-aligns cells under their header, some tables left-align them, and a
// cell may be wider than its header; a run of text belongs to the column it
// overlaps, or to the nearest one when it overlaps none. A line whose runs
// cannot be placed this way does not fit the table and is reported.
func (p *parser) row(c *Command, t *Table, l *line) (Row, bool) {
	cols := p.cols
	p.segs = segments(p.segs[:0], l.s)
	segs := p.segs
	var runs []column
	if len(segs) != len(cols) {
		// With as many runs as columns the order decides, which copes
		// with ragged alignment; otherwise the geometry must.
		runs = p.runs[:0]
		for _, sg := range segs {
			runs = append(runs, column{b: sg})
		}
		runeSpans(l, runs)
		p.runs = runs
	}
	// A cell not yet filled is the zero Value, whose range names no file.
	cells := p.valArena.alloc(len(cols))
	for k, sg := range segs {
		col, ok := k, true
		if runs != nil {
			col, ok = placeCell(cols, runs[k].r)
		}
		if !ok {
			p.errorAt(l, "table row does not fit its header in the output of %q: %s spans the columns %s and %s",
				c.typed, quote(p.reveal(t, l, col, l.s[sg[0]:sg[1]])), quote(t.Columns[col].Text), quote(t.Columns[col+1].Text))
			return Row{}, false
		}
		if cells[col].Present() {
			p.errorAt(l, "table row does not fit its header in the output of %q: two values, %s and %s, under column %s",
				c.typed, quote(p.reveal(t, l, col, cells[col].Text)), quote(p.reveal(t, l, col, l.s[sg[0]:sg[1]])), quote(t.Columns[col].Text))
			return Row{}, false
		}
		cells[col] = p.value(l, sg[0], sg[1])
	}
	for i := range cells {
		if !cells[i].Present() {
			// Where the cell would end, kept within the row's text so
			// that every cell lies inside its row.
			at := max(byteAt(l, cols[i].r[1]), firstNonBlank(l.s))
			cells[i] = p.value(l, at, at)
		}
	}
	return Row{Cells: cells, Range: p.span(l, l)}, true
}

// reveal returns the text of a cell of column col to quote in a message:
// Redacted when the column or the cell names a secret (a community), or
// when another cell of the row does (an option named
// "bw.imp.adminPassword" holds a password in its value column).
func (p *parser) reveal(t *Table, l *line, col int, cell string) string {
	if col+1 < len(t.Columns) && source.IsSecretName(t.Columns[col+1].Text) {
		return source.Redacted // the run may spill into the secret column
	}
	if source.Reveal(t.Columns[col].Text, cell) == source.Redacted || source.IsSecretName(cell) {
		return source.Redacted
	}
	for _, sg := range segments(nil, l.s) {
		if source.IsSecretName(l.s[sg[0]:sg[1]]) {
			return source.Redacted
		}
	}
	return cell
}

// placeCell returns the column a run of text (in code points) belongs to.
// When the run overlaps two columns, ok is false and col is the first of
// them.
func placeCell(cols []column, sg [2]int) (col int, ok bool) {
	first, n := -1, 0
	for i, cl := range cols {
		c := cl.r
		if sg[0] < c[1] && c[0] < sg[1] {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	switch {
	case n == 1:
		return first, true
	case n > 1:
		return first, false
	}
	best, bestDist := 0, -1
	for i, cl := range cols {
		c := cl.r
		d := c[0] - sg[1] // the run ends before the header starts
		if sg[0] >= c[1] {
			d = sg[0] - c[1] // the run starts after the header ends
		}
		// On a tie the right-hand column wins: cells are right-aligned.
		if bestDist < 0 || d <= bestDist {
			best, bestDist = i, d
		}
	}
	return best, true
}
