package wms

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

func span(r hcl.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

func show(v source.Value) string {
	if !v.Present() {
		return "absent"
	}
	return fmt.Sprintf("%q@%s", v.Text, span(v.Range()))
}

func problems(probs []source.Problem) []string {
	var out []string
	for _, p := range probs {
		out = append(out, fmt.Sprintf("%s %s: %s", span(p.Range), p.Severity, p.Message))
	}
	return out
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// checkRange checks that r is a well-formed range of ix's text: file
// name, offsets in order and inside the text, and lines and columns that
// agree with the offsets.
func checkRange(t testing.TB, what string, ix *source.Index, r hcl.Range) {
	t.Helper()
	if r.Filename != ix.Name() {
		t.Fatalf("%s: range names %q, want %q", what, r.Filename, ix.Name())
	}
	if r.Start.Byte < 0 || r.Start.Byte > r.End.Byte || r.End.Byte > len(ix.Text()) {
		t.Fatalf("%s: range %+v outside the text of %d bytes", what, r, len(ix.Text()))
	}
	if got := ix.Range(r.Start.Byte, r.End.Byte); got != r {
		t.Fatalf("%s: range %+v, want %+v for its offsets", what, r, got)
	}
}

// checkValue checks that v's range slices back to its text: exactly, or,
// for a quoted cell, to the text with its quotes doubled.
func checkValue(t testing.TB, what string, ix *source.Index, v source.Value) {
	t.Helper()
	checkRange(t, what, ix, v.Range())
	raw := ix.Text()[v.Range().Start.Byte:v.Range().End.Byte]
	if raw != v.Text && raw != strings.ReplaceAll(v.Text, `"`, `""`) {
		t.Fatalf("%s: text %q but its range holds %q", what, v.Text, raw)
	}
}

// checkUsers checks every range of a user file against its text and the
// bookkeeping of rows against the header.
func checkUsers(t testing.TB, f *UserFile) {
	t.Helper()
	ix := source.NewIndex(f.Path, f.Text)
	if f.Encoding.UTF() != utf8.ValidString(f.Text) {
		t.Fatalf("encoding %s but the text is valid UTF-8: %v", f.Encoding.Name, utf8.ValidString(f.Text))
	}
	if v := f.Encoding.FirstInvalid; v.Present() {
		checkValue(t, "first invalid byte", ix, v)
	}
	for i, h := range f.Header {
		checkValue(t, fmt.Sprintf("header cell %d", i), ix, h)
	}
	for _, r := range f.Rows {
		checkRange(t, fmt.Sprintf("row %d", r.Line), ix, r.Range)
		for i, c := range r.Cells {
			checkValue(t, fmt.Sprintf("row %d cell %d", r.Line, i), ix, c)
			if c.Range().Start.Line != r.Line || c.Range().Start.Byte < r.Range.Start.Byte || c.Range().End.Byte > r.Range.End.Byte {
				t.Fatalf("row %d cell %d at %s lies outside its row %s", r.Line, i, span(c.Range()), span(r.Range))
			}
		}
		for _, d := range r.Defects {
			checkRange(t, fmt.Sprintf("row %d %s", r.Line, d.Kind), ix, d.Range)
		}
		if want := max(0, len(f.Header)-len(r.Cells)); r.Missing != want {
			t.Fatalf("row %d: %d cells, header %d, Missing %d", r.Line, len(r.Cells), len(f.Header), r.Missing)
		}
		if want := max(0, len(r.Cells)-len(f.Header)); len(r.Extra) != want {
			t.Fatalf("row %d: %d cells, header %d, %d extra", r.Line, len(r.Cells), len(f.Header), len(r.Extra))
		}
	}
}
