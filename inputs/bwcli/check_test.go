package bwcli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// checkInvariants checks what every parse result must satisfy, whatever the
// input: each value's range lies in the text and its positions agree with
// source.Index; a value whose bytes hold no escape sequence is exactly those
// bytes; cells lie in their rows, rows and columns in their tables, and
// everything a command holds lies in the command's range; problems lie in
// the text.
func checkInvariants(t *testing.T, path string, text string, tr *Transcript, probs []source.Problem) {
	t.Helper()
	ix := source.NewIndex(path, text)
	checkRange := func(what string, r hcl.Range) bool {
		t.Helper()
		if r.Filename != path {
			t.Errorf("%s: filename %q, want %q", what, r.Filename, path)
			return false
		}
		if r.Start.Byte < 0 || r.Start.Byte > r.End.Byte || r.End.Byte > len(text) {
			t.Errorf("%s: range %d-%d outside the text of %d bytes or reversed", what, r.Start.Byte, r.End.Byte, len(text))
			return false
		}
		if got, want := r.Start, ix.Pos(r.Start.Byte); got != want {
			t.Errorf("%s: start %+v, index says %+v", what, got, want)
		}
		if got, want := r.End, ix.Pos(r.End.Byte); got != want {
			t.Errorf("%s: end %+v, index says %+v", what, got, want)
		}
		return true
	}
	checkValue := func(what string, v source.Value) {
		t.Helper()
		if !checkRange(what, v.Range()) {
			return
		}
		raw := text[v.Range().Start.Byte:v.Range().End.Byte]
		if !strings.ContainsAny(raw, "\x1b\x08\x7f\x07\r^") && raw != v.Text {
			t.Errorf("%s: text %q but its range holds %q", what, v.Text, raw)
		}
		if len(v.Text) > len(raw) {
			t.Errorf("%s: text %q is longer than its range %q", what, v.Text, raw)
		}
	}
	inside := func(what string, child, parent hcl.Range) {
		t.Helper()
		if child.Start.Byte < parent.Start.Byte || child.End.Byte > parent.End.Byte {
			t.Errorf("%s: range %d-%d is not inside %d-%d", what, child.Start.Byte, child.End.Byte, parent.Start.Byte, parent.End.Byte)
		}
	}
	if tr == nil {
		t.Fatal("Parse returned a nil transcript")
	}
	if tr.Path != path {
		t.Errorf("transcript path %q, want %q", tr.Path, path)
	}
	if got, want := tr.Lines.Total(), countLines(text); got != want {
		t.Errorf("line counts %+v sum to %d, want the %d lines of the text", tr.Lines, got, want)
	}
	for ci, c := range tr.Commands {
		cw := fmt.Sprintf("command %d", ci)
		checkRange(cw, c.Range())
		for name, v := range map[string]source.Value{"server": c.Server, "context": c.Context, "input": c.Input} {
			checkValue(cw+" "+name, v)
			inside(cw+" "+name, v.Range(), c.Range())
		}
		for k, kv := range c.Attrs {
			w := fmt.Sprintf("%s attr %d", cw, k)
			checkRange(w, kv.Span())
			checkValue(w+" key", kv.Key)
			checkValue(w+" value", kv.Value)
			inside(w+" key", kv.Key.Range(), kv.Span())
			inside(w+" value", kv.Value.Range(), kv.Span())
			inside(w, kv.Span(), c.Range())
		}
		for k, v := range c.Text {
			w := fmt.Sprintf("%s text %d", cw, k)
			checkValue(w, v)
			inside(w, v.Range(), c.Range())
		}
		for ti, tb := range c.Tables {
			tw := fmt.Sprintf("%s table %d", cw, ti)
			checkRange(tw, tb.Range())
			inside(tw, tb.Range(), c.Range())
			for k, col := range tb.Columns {
				w := fmt.Sprintf("%s column %d", tw, k)
				checkValue(w, col)
				inside(w, col.Range(), tb.Range())
			}
			if tb.Footer.Present() {
				checkValue(tw+" footer", tb.Footer)
				inside(tw+" footer", tb.Footer.Range(), tb.Range())
			}
			for ri, row := range tb.Rows {
				rw := fmt.Sprintf("%s row %d", tw, ri)
				checkRange(rw, row.Range())
				inside(rw, row.Range(), tb.Range())
				if len(row.Cells) != len(tb.Columns) {
					t.Errorf("%s: %d cells for %d columns", rw, len(row.Cells), len(tb.Columns))
				}
				for k, cell := range row.Cells {
					w := fmt.Sprintf("%s cell %d", rw, k)
					checkValue(w, cell)
					inside(w, cell.Range(), row.Range())
				}
			}
		}
	}
	for k, p := range probs {
		w := fmt.Sprintf("problem %d (%s)", k, p.Message)
		if p.Range.Start.Line == 0 {
			if p.Range.Filename != path {
				t.Errorf("%s: filename %q, want %q", w, p.Range.Filename, path)
			}
			continue
		}
		checkRange(w, p.Range)
	}
}

// countLines counts the lines of text the way source.Lines cuts them.
func countLines(text string) int {
	n := 0
	for sc := source.NewLines(text); ; n++ {
		if _, ok := sc.Next(); !ok {
			return n
		}
	}
}

// dump renders a parse result with every value and range, so that a test
// states exactly what was read and where.
func dump(tr *Transcript, probs []source.Problem) string {
	var b strings.Builder
	rg := func(r hcl.Range) string {
		return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
	}
	val := func(v source.Value) string { return fmt.Sprintf("%q@%s", v.Text, rg(v.Range())) }
	for _, c := range tr.Commands {
		path := c.Path
		if !c.Known {
			path = "?"
		}
		fmt.Fprintf(&b, "cmd %s %s %s %s path=%q verb=%q args=%q\n", rg(c.Range()), val(c.Server), val(c.Context), val(c.Input), path, c.Verb, c.Args)
		for _, kv := range c.Attrs {
			fmt.Fprintf(&b, "  kv %s %s = %s\n", rg(kv.Span()), val(kv.Key), val(kv.Value))
		}
		for _, tb := range c.Tables {
			fmt.Fprintf(&b, "  table %s\n", rg(tb.Range()))
			cols := make([]string, len(tb.Columns))
			for k, col := range tb.Columns {
				cols[k] = val(col)
			}
			fmt.Fprintf(&b, "    cols %s\n", strings.Join(cols, " | "))
			for _, row := range tb.Rows {
				cells := make([]string, len(row.Cells))
				for k, cell := range row.Cells {
					cells[k] = val(cell)
				}
				fmt.Fprintf(&b, "    row %s %s\n", rg(row.Range()), strings.Join(cells, " | "))
			}
			if tb.Footer.Present() {
				fmt.Fprintf(&b, "    footer %s\n", val(tb.Footer))
			}
		}
		for _, v := range c.Text {
			fmt.Fprintf(&b, "  text %s\n", val(v))
		}
	}
	for _, p := range probs {
		fmt.Fprintf(&b, "%s %s %s\n", p.Severity, rg(p.Range), p.Message)
	}
	return b.String()
}
