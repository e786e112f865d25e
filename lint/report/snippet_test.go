package report

import (
	"testing"

	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/inputs/source"
)

// TestShowLine: escape sequences go whole, whatever their kind, other
// control characters are escaped, and a column of the captured line still
// names its rune in the shown line.
func TestShowLine(t *testing.T) {
	for _, tc := range []struct {
		in      string
		secrets [][2]int
		want    string
		col     int // a column of in, from 1 …
		wantCol int // … and where its rune is shown, from 0
	}{
		{in: "  \x1b[1mallowUserApp\x1b[0m = \x1b[31mtrue\x1b[0m\x1b[K", want: "  allowUserApp = true", col: 28, wantCol: 17},
		{in: "\x1b]0;xsp1: bwcli\x07XSP_CLI> get", want: "XSP_CLI> get", col: 17, wantCol: 0},
		{in: "\x1b]0;title\x1b\\\x1b(B\x1b=x", want: "x", col: 16, wantCol: 0},
		{in: "a\tb\x00c\u009bd", want: `a b\x00c\u009bd`, col: 6, wantCol: 8},
		{in: "x\bS3cret\r****", want: `x\bS3cret\r****`, col: 10, wantCol: 11},
		{in: "é\x1b[1mé", want: "éé", col: 6, wantCol: 1},
		{in: "p = \x1b[1mS3cret\x1b[0m tail", secrets: [][2]int{{4, 18}}, want: "p = " + source.Redacted + " tail", col: 20, wantCol: 4 + len(source.Redacted) + 1},
		{in: "p = \x1b[1mS3cret\x1b[0m", secrets: [][2]int{{8, 14}}, want: "p = " + source.Redacted, col: 10, wantCol: 4},
	} {
		s := showLine(redact.Line{Text: tc.in, Secrets: tc.secrets})
		if s.text != tc.want {
			t.Errorf("showLine(%q) = %q, want %q", tc.in, s.text, tc.want)
		}
		if len(s.cols) != len([]rune(tc.in))+1 {
			t.Errorf("showLine(%q): %d columns for %d runes", tc.in, len(s.cols), len([]rune(tc.in)))
		}
		if got := s.column(tc.col); got != tc.wantCol {
			t.Errorf("showLine(%q): column %d shown at %d, want %d", tc.in, tc.col, got, tc.wantCol)
		}
		for i := 1; i < len(s.cols); i++ {
			if s.cols[i] < s.cols[i-1] {
				t.Errorf("showLine(%q): columns go back at %d: %v", tc.in, i, s.cols)
			}
		}
	}
}
