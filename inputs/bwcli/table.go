package bwcli

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/source"
)

// table reads the table whose header is out[h] (out[h+1] is its rule) and
// returns the index of its last line.
func (p *parser) table(c *Command, out []source.Line, h int) int {
	hl := &out[h]
	rowsEnd, footer, last := tableExtent(out, h)

	// Column edges come from the header: runs of text two or more spaces
	// apart, since headers and cells hold words ("Install Date", "Apr 18,
	// 2023"). Some tables set their columns one space apart; their words
	// are the columns (see layout).
	t := p.arenas.tableArena.one()
	p.setColumns(t, hl, false)
	p.counts.Values += 2 // header and rule
	p.segs = fields(p.segs[:0], hl.Text)
	nWords := len(p.segs)
	var lastRow *source.Line
	if nWords == len(p.cols) {
		lastRow = p.readRows(c, t, out, h, rowsEnd, footer, false, true)
	} else {
		// Read the rows as usual, quietly; only when some row does
		// not fit, or the header is one run of words, is the layout in
		// question (which is rare, so the usual table is read once).
		counts := p.counts
		lastRow = p.readRows(c, t, out, h, rowsEnd, footer, false, false)
		if p.failed > 0 || len(p.cols) == 1 {
			p.arenas.rowArena.discard()
			p.counts = counts
			words := p.layout(out, h, rowsEnd)
			p.setColumns(t, hl, words)
			lastRow = p.readRows(c, t, out, h, rowsEnd, footer, words, true)
		}
	}
	t.Rows = p.arenas.rowArena.close()
	end := lastRow
	if footer >= 0 {
		for i := rowsEnd; i < footer; i++ {
			p.counts.Noise++ // blank lines before the footer
		}
		p.counts.Values++
		end = p.footer(t, &out[footer])
	}
	t.Loc = p.pos.SpanLoc(hl, end)
	if t.Footer.Present() {
		if n, ok := footerCount(t.Footer.Text); ok && n != len(t.Rows) {
			p.warn(end, "table footer says %d entries but %d rows were read", n, len(t.Rows))
		}
	}
	p.arenas.tptrArena.push(t)
	return last
}

// setColumns sets the table's columns, and p.cols, from the header line:
// its runs, or its words.
func (p *parser) setColumns(t *Table, hl *source.Line, words bool) {
	p.cols = p.cols[:0]
	if words {
		p.segs = fields(p.segs[:0], hl.Text)
	} else {
		p.segs = segments(p.segs[:0], hl.Text)
	}
	for _, sg := range p.segs {
		p.cols = append(p.cols, column{b: sg})
	}
	runeSpans(hl, p.cols)
	t.Columns = p.arenas.valArena.alloc(len(p.cols))
	for k, col := range p.cols {
		t.Columns[k] = p.pos.Value(hl, col.b[0], col.b[1])
	}
}

// readRows reads the rows out[h+2:rowsEnd] under p.cols into the row
// arena, counting each line, and returns the table's last row line (its
// rule when it has none). A row that does not fit is reported when report
// is set; either way p.failed counts them, and a cut row among them.
func (p *parser) readRows(c *Command, t *Table, out []source.Line, h, rowsEnd, footer int, words, report bool) *source.Line {
	lastRow := &out[h+1]
	minEnd := -1 // the shortest row read, in code points
	p.failed = 0
	for i := h + 2; i < rowsEnd; i++ {
		l := &out[i]
		if isBlank(l.Text) {
			p.counts.Noise++
			continue
		}
		lastRow = l
		if i == rowsEnd-1 && footer < 0 && l.Last(p.text) && p.cut(l, minEnd) {
			p.failed++
			p.counts.NotUnderstood++
			if report {
				p.errorAt(l, "the capture ends in the middle of this row of the output of %q: the file ends without a line break and the row is shorter than the rows and header above it; the row is not read", c.typed)
			}
			continue
		}
		row, ok := p.row(c, t, l, words, report)
		if !ok {
			p.failed++
			p.counts.NotUnderstood++
			continue
		}
		p.counts.Values++
		p.arenas.rowArena.push(row)
		if n := runeLen(l); minEnd < 0 || n < minEnd {
			minEnd = n
		}
	}
	return lastRow
}

// tableExtent finds the lines of the table whose header is out[h]: its
// rows are out[h+2:rowsEnd]; footer is the index of its "N entries
// found." line, or -1; last is the index of its last line. Rows end at a
// blank line (the footer may follow it), a footer, a rule or noise.
func tableExtent(out []source.Line, h int) (rowsEnd, footer, last int) {
	i := h + 2
	for ; i < len(out); i++ {
		s := strings.TrimSpace(out[i].Text)
		switch {
		case s == "":
			k := i + 1
			for k < len(out) && isBlank(out[k].Text) {
				k++
			}
			if k < len(out) && isFooter(strings.TrimSpace(out[k].Text)) {
				return i, k, k
			}
			return i, -1, i - 1
		case isFooter(s):
			return i, i, i
		case isAnyRule(s), IsNoise(s):
			return i, -1, i - 1
		}
	}
	return i, -1, i - 1
}

// layout decides how the rows of a table whose header holds words one
// space apart are cut. Such a header is ambiguous: "Install Date" is one
// column, but a table printed with single-space gutters ("Id Name Hour")
// has a column per word. The header's word columns are used when the rows
// show it: some row does not fit the runs of the header but every row
// fits its words, or the header is one run and every row has exactly as
// many words as it. Otherwise the runs stand, and a row that fits neither
// is reported as not fitting.
func (p *parser) layout(out []source.Line, h, rowsEnd int) bool {
	hl := &out[h]
	p.segs = fields(p.segs[:0], hl.Text)
	nWords := len(p.segs)
	if nWords == len(p.cols) {
		return false
	}
	oneRun := len(p.cols) == 1
	runsFit, rows, sameWords := true, 0, 0
	for i := h + 2; i < rowsEnd; i++ {
		l := &out[i]
		if isBlank(l.Text) {
			continue
		}
		rows++
		// A row with a run per column fits (the usual table); only
		// the others need placing.
		if p.segs = segments(p.segs[:0], l.Text); len(p.segs) != len(p.cols) {
			if _, ok := p.fit(p.cols, l, false); !ok {
				runsFit = false
			}
		}
		if p.segs = fields(p.segs[:0], l.Text); len(p.segs) == nWords {
			sameWords++
		}
	}
	if oneRun && sameWords > 0 && sameWords < rows && runsFit {
		// Some rows have a word per header word, others do not: the
		// header may be one name or a column per word. Read as one
		// column, and say so.
		p.warn(hl, "table header %s may name one column or %d columns set one space apart: %d of its %d rows have one word per header word; read as one column",
			quote(hl.Text[p.cols[0].b[0]:p.cols[0].b[1]]), nWords, sameWords, rows)
		return false
	}
	// A header set with wider gutters somewhere joins the words of one
	// title with single spaces ("User Id"). Its words are taken for
	// columns only when every row has one word per header word: a row
	// that fits neither reading is reported, not taken as a sign that
	// every word is a column, which would move cells out from under the
	// titles that say what they are (a password under "Id").
	if rows == 0 || sameWords != rows || (runsFit && !oneRun) {
		return false
	}
	fine := p.fine[:0]
	for _, sg := range fields(p.segs[:0], hl.Text) {
		fine = append(fine, column{b: sg})
	}
	p.fine = fine
	runeSpans(hl, fine)
	for i := h + 2; i < rowsEnd; i++ {
		if l := &out[i]; !isBlank(l.Text) {
			if _, ok := p.fit(fine, l, true); !ok {
				return false
			}
		}
	}
	return true
}

// cut reports whether l, the last line of a file that ends without a line
// break, is a table row the capture cut short: it leaves its last column
// empty, or it is shorter than every row before it.
func (p *parser) cut(l *source.Line, minEnd int) bool {
	place, ok := p.fit(p.cols, l, false)
	if !ok {
		return true
	}
	filledLast := false
	for _, col := range place {
		if col == len(p.cols)-1 {
			filledLast = true
		}
	}
	return !filledLast || (minEnd >= 0 && runeLen(l) < minEnd)
}

func runeLen(l *source.Line) int {
	if l.ASCII {
		return len(l.Text)
	}
	return utf8.RuneCountInString(l.Text)
}

func (p *parser) footer(t *Table, l *source.Line) *source.Line {
	i := source.FirstNonBlank(l.Text)
	t.Footer = p.pos.Value(l, i, len(l.Text))
	return l
}

// isFooter recognises "N entries found.", "1 entry found.", "0 entry
// found." and "No entries found.". s is trimmed.
func isFooter(s string) bool {
	_, ok := footerCount(s)
	return ok
}

func footerCount(s string) (int, bool) {
	num, rest, ok := strings.Cut(s, " ")
	if !ok {
		return 0, false
	}
	rest = strings.TrimSuffix(rest, ".")
	if rest != "entries found" && rest != "entry found" {
		return 0, false
	}
	if num == "No" || num == "no" {
		return 0, true
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

// fields appends to dst the spans of the words of s: runs separated by any
// blank.
func fields(dst [][2]int, s string) [][2]int { return source.Words(dst, s, 0, len(s)) }

// column is a run of text of a table line: its byte span in the line's
// text and its span in code points. Alignment is what the terminal showed,
// so runs of different lines are compared by code points, which differ from
// bytes once a line holds non-ASCII text.
type column struct {
	b, r [2]int
}

// runeSpans sets the code-point spans of cols from their byte spans in l.
func runeSpans(l *source.Line, cols []column) {
	if l.ASCII {
		for k := range cols {
			cols[k].r = cols[k].b
		}
		return
	}
	n, at := 0, 0 // n code points lie before byte at
	for k := range cols {
		for j := range 2 {
			n += utf8.RuneCountInString(l.Text[at:cols[k].b[j]])
			at = cols[k].b[j]
			cols[k].r[j] = n
		}
	}
}

// byteAt returns the byte offset in l of code point n, or len(l.Text) when
// the line is shorter.
func byteAt(l *source.Line, n int) int {
	if l.ASCII {
		return min(n, len(l.Text))
	}
	for i := range l.Text {
		if n == 0 {
			return i
		}
		n--
	}
	return len(l.Text)
}

// fit places the runs of a table line (its words, when words is set)
// under cols: it returns the column of each run, in p.segs's order, and
// whether every run found a column of its own. With as many runs as
// columns the order decides, which copes with ragged alignment; otherwise
// a run belongs to the column it overlaps, or to the nearest one when it
// overlaps none. The slice returned is reused by the next call.
func (p *parser) fit(cols []column, l *source.Line, words bool) ([]int, bool) {
	if words {
		p.segs = fields(p.segs[:0], l.Text)
	} else {
		p.segs = segments(p.segs[:0], l.Text)
	}
	segs := p.segs
	place := p.place[:0]
	if len(segs) == len(cols) {
		for k := range segs {
			place = append(place, k)
		}
		p.place = place
		return place, true
	}
	runs := p.runs[:0]
	for _, sg := range segs {
		runs = append(runs, column{b: sg})
	}
	runeSpans(l, runs)
	p.runs = runs
	ok := true
	for k := range runs {
		col, fits := placeCell(cols, runs[k].r)
		place = append(place, col)
		if !fits || (k > 0 && place[k-1] >= col) {
			ok = false
		}
	}
	p.place = place
	return place, ok
}

// row cuts one table line at the column edges the header gives.
// BroadWorks right-aligns cells under their header, some tables left-align
// them, and a cell may be wider than its header; a run of text belongs to
// the column it overlaps, or to the nearest one when it overlaps none. A
// line whose runs cannot be placed this way does not fit the table and is
// reported.
func (p *parser) row(c *Command, t *Table, l *source.Line, words, report bool) (Row, bool) {
	cols := p.cols
	if !words {
		// The usual row: a run of text per column.
		if p.segs = segments(p.segs[:0], l.Text); len(p.segs) == len(cols) {
			cells := p.arenas.valArena.alloc(len(cols))
			for k, sg := range p.segs {
				cells[k] = p.pos.Value(l, sg[0], sg[1])
			}
			return Row{Cells: cells, Loc: p.pos.SpanLoc(l, l)}, true
		}
	}
	place, _ := p.fit(cols, l, words)
	segs := p.segs
	// A cell not yet filled is the zero Value, whose range names no file.
	cells := p.arenas.valArena.alloc(len(cols))
	for k, sg := range segs {
		col := place[k]
		if k < len(p.runs) && len(segs) != len(cols) {
			if _, fits := placeCell(cols, p.runs[k].r); !fits {
				if !report {
					return Row{}, false
				}
				p.errorAt(l, "table row does not fit its header in the output of %q: %s spans the columns %s and %s",
					c.typed, quote(p.reveal(t, l, col, l.Text[sg[0]:sg[1]])), quote(t.Columns[col].Text), quote(t.Columns[col+1].Text))
				return Row{}, false
			}
		}
		if cells[col].Present() {
			if !report {
				return Row{}, false
			}
			p.errorAt(l, "table row does not fit its header in the output of %q: two values, %s and %s, under column %s",
				c.typed, quote(p.reveal(t, l, col, cells[col].Text)), quote(p.reveal(t, l, col, l.Text[sg[0]:sg[1]])), quote(t.Columns[col].Text))
			return Row{}, false
		}
		if k > 0 && place[k-1] > col {
			if !report {
				return Row{}, false
			}
			p.errorAt(l, "table row does not fit its header in the output of %q: %s stands left of a value placed under column %s",
				c.typed, quote(p.reveal(t, l, col, l.Text[sg[0]:sg[1]])), quote(t.Columns[place[k-1]].Text))
			return Row{}, false
		}
		cells[col] = p.pos.Value(l, sg[0], sg[1])
	}
	for i := range cells {
		if !cells[i].Present() {
			// Where the cell would end, kept within the row's text so
			// that every cell lies inside its row.
			at := max(byteAt(l, cols[i].r[1]), source.FirstNonBlank(l.Text))
			cells[i] = p.pos.Value(l, at, at)
		}
	}
	return Row{Cells: cells, Loc: p.pos.SpanLoc(l, l)}, true
}

// reveal returns the text of a cell of column col to quote in a message:
// Redacted when the column or the cell names a secret (a community), or
// when another cell of the row does (an option named
// "bw.imp.adminPassword" holds a password in its value column).
func (p *parser) reveal(t *Table, l *source.Line, col int, cell string) string {
	if col+1 < len(t.Columns) && source.IsSecretName(t.Columns[col+1].Text) {
		return source.Redacted // the run may spill into the secret column
	}
	if source.Reveal(t.Columns[col].Text, cell) == source.Redacted || source.IsSecretName(cell) {
		return source.Redacted
	}
	for _, sg := range segments(nil, l.Text) {
		if source.IsSecretName(l.Text[sg[0]:sg[1]]) {
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
