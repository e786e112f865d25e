package report

import (
	"strings"
	"unicode/utf8"
)

// DefaultWidth is the width of text written anywhere but a terminal that
// says its own, and where COLUMNS does not say otherwise.
const DefaultWidth = 80

// CutMarker ends (or starts) a source line cut to the width of the text
// report: what was cut off is not shown, and the marker says so.
const CutMarker = "…"

// Wrap breaks prose into lines of at most width runes, at spaces: the
// first line starts with first, the others with rest (an indent). A word
// longer than a line — a path, a context, a URL — is never broken, since
// it is copied rather than read: it follows a short start on its line
// ("in XSP_CLI/System/…") or starts a line of its own. A width of 0 keeps
// s on one line.
func Wrap(s string, width int, first, rest string) []string {
	if width <= 0 || runes(first)+runes(s) <= width {
		return []string{first + s}
	}
	var out []string
	line, prefix := strings.Builder{}, first
	n := 0 // runes on the current line, prefix included
	flush := func() {
		out = append(out, prefix+line.String())
		line.Reset()
		prefix = rest
		n = runes(rest)
	}
	n = runes(first)
	for _, word := range strings.Split(s, " ") {
		w := runes(word)
		switch {
		case line.Len() == 0 && n == runes(prefix):
		case n+1+w > width && runes(rest)+w <= width:
			flush()
		case n+1+w > width && n > width/2:
			// Too long for any line: it starts a line of its own, as
			// far left as it can.
			flush()
		default:
			line.WriteByte(' ')
			n++
		}
		line.WriteString(word)
		n += w
	}
	flush()
	return out
}

// Cut fits a source line into width runes after a prefix of prefixWidth
// runes, keeping the runes [from, to) in view when they fit: what is cut
// off at either end is replaced by CutMarker. It returns the line and the
// number of runes cut off at its start, by which columns in it move left
// (CutMarker takes the place of one of them). A width of 0 keeps the
// line whole.
func Cut(text string, width, prefixWidth, from, to int) (string, int) {
	room := width - prefixWidth
	r := []rune(text)
	if width <= 0 || len(r) <= room || room < 8 {
		return text, 0
	}
	start := 0
	if to > room-1 {
		// Start so that the range ends a few runes before the right edge,
		// or at the range itself when it is wider than the room.
		start = min(max(to-(room-2)+2, 0), from)
	}
	end := start + room
	out := r[start:min(end, len(r))]
	shift := start
	if start > 0 {
		out = append([]rune(CutMarker), out[1:]...)
	}
	if end < len(r) {
		out = append(out[:len(out)-1], []rune(CutMarker)...)
	}
	return string(out), shift
}

// runes counts the runes of s a terminal shows: bwlint's own colour codes
// (ESC [ … m) take no room.
func runes(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := strings.IndexByte(s[i:], 'm')
			if j > 0 {
				i += j + 1
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}
