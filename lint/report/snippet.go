package report

import (
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// marked renders the source line of r with a marker row under the range,
// in the style of compilers: "  12 | text" and "     |   ^^^^". The line
// is shown as shownLine makes it, and the marker is moved with the text.
// A line wider than lineWidth is cut (Cut), keeping the range in view.
func marked(src *redact.Source, r hcl.Range, indent string, lineWidth int) []string {
	l, ok := src.Line(r.Filename, r.Start.Line)
	if !ok {
		return nil
	}
	s := showLine(l)
	width := utf8.RuneCountInString(s.text)
	start := s.column(r.Start.Column)
	end := width
	if r.End.Line == r.Start.Line {
		end = max(s.column(r.End.Column), start)
	}
	num := itoa(r.Start.Line)
	gutter := strings.Repeat(" ", len(num))
	text, shift := Cut(s.text, lineWidth, len(indent)+len(num)+3, start, end)
	start, end = max(start-shift, 0), max(end-shift, 0)
	if n := utf8.RuneCountInString(text); end > n {
		end = n // the range runs past the cut: mark up to the marker
	}
	return []string{
		indent + num + " | " + text,
		indent + gutter + " | " + strings.Repeat(" ", start) + strings.Repeat("^", max(end-start, 1)),
	}
}

// shown is a source line made fit to print on a terminal.
type shown struct {
	text string
	// cols[i] is where rune i of the captured line stands in text (in
	// runes), with one more entry for the end of the line.
	cols []int
}

// column maps a column of the captured line (from 1) to a 0-based rune
// offset in the shown text.
func (s shown) column(c int) int {
	return s.cols[min(max(c-1, 0), len(s.cols)-1)]
}

// showLine makes a captured line fit to print: each secret is replaced by
// source.Redacted; terminal escape sequences (colours, erase-line, window
// titles) are removed whole rather than leaving "[1m" behind; tabs become
// one space and other control characters are escaped (source.Printable). Columns of
// the captured line — which count every rune of an escape sequence —
// map to where their rune, or what replaced it, is shown.
func showLine(l redact.Line) shown {
	text := l.Text
	var out []rune
	cols := make([]int, 0, len(text)+1)
	ri := 0 // runes of text consumed
	next := 0
	for i := 0; i < len(text); {
		// A secret starts here (or inside the escape sequence here):
		// show the mask once, for all of its runes.
		n := source.EscapeLen(text[i:])
		escRunes := utf8.RuneCountInString(text[i : i+n])
		if next < len(l.Secrets) && l.Secrets[next][0] < ri+max(escRunes, 1) {
			at := len(out)
			out = append(out, []rune(l.Mask(next))...)
			for ; ri < l.Secrets[next][1] && i < len(text); ri++ {
				_, size := utf8.DecodeRuneInString(text[i:])
				i += size
				cols = append(cols, at)
			}
			next++
			continue
		}
		if n > 0 {
			for range escRunes {
				cols = append(cols, len(out))
			}
			ri += escRunes
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		cols = append(cols, len(out))
		ri++
		i += size
		if r == '\t' {
			out = append(out, ' ')
		} else {
			out = append(out, []rune(source.Printable(text[i-size:i]))...)
		}
	}
	return shown{text: string(out), cols: append(cols, len(out))}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
