package bwcli

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// line is one line of a transcript with its line ending, trailing blanks
// and any ANSI escape sequences taken off.
type line struct {
	num   int    // 1-based line number
	start int    // byte offset of the line's first byte in the file text
	s     string // the cleaned content
	// off maps each byte of s to its offset in the file text, with one
	// extra entry for the end of s. It is nil for the common line without
	// escape sequences, where s is the file text from start on.
	off   []int
	ascii bool // s holds only ASCII bytes, so columns are byte distances
}

// abs returns the file offset of byte i of the cleaned content.
func (l *line) abs(i int) int {
	if l.off == nil {
		return l.start + i
	}
	return l.off[i]
}

// splitLines cuts text into cleaned lines.
func splitLines(text string) []line {
	if text == "" {
		return nil
	}
	lines := make([]line, 0, strings.Count(text, "\n")+1)
	for start, num := 0, 1; ; num++ {
		end := strings.IndexByte(text[start:], '\n')
		last := end < 0
		if last {
			end = len(text)
		} else {
			end += start
		}
		raw := text[start:end]
		l := line{num: num, start: start}
		if strings.IndexByte(raw, 0x1b) >= 0 {
			l.s, l.off = stripANSI(raw, start)
		} else {
			l.s = raw
		}
		l.s = trimRightBlank(l.s)
		if l.off != nil {
			l.off = l.off[:len(l.s)+1]
			// The end entry must point just past the last kept byte, not
			// past an escape sequence that followed it.
			if len(l.s) > 0 {
				l.off[len(l.s)] = l.off[len(l.s)-1] + 1
			}
		}
		l.ascii = isASCII(l.s)
		lines = append(lines, l)
		if last || end+1 == len(text) {
			return lines
		}
		start = end + 1
	}
}

func trimRightBlank(s string) string {
	i := len(s)
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\r') {
		i--
	}
	return s[:i]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// stripANSI removes CSI ("ESC [ … final") and two-byte escape sequences,
// which terminals and expect logs leave in captures, and records where each
// kept byte was.
func stripANSI(raw string, base int) (string, []int) {
	var b strings.Builder
	off := make([]int, 0, len(raw)+1)
	for i := 0; i < len(raw); {
		if raw[i] != 0x1b {
			b.WriteByte(raw[i])
			off = append(off, base+i)
			i++
			continue
		}
		i++
		if i < len(raw) && raw[i] == '[' {
			i++
			for i < len(raw) && (raw[i] < 0x40 || raw[i] > 0x7e) {
				i++
			}
		}
		if i < len(raw) {
			i++ // the final byte of the sequence
		}
	}
	off = append(off, base+len(raw))
	return b.String(), off
}

// positions turns cleaned-line offsets into ranges and values.
type positions struct {
	path string
	text string
}

func (p *positions) pos(l *line, i int) hcl.Pos {
	off := l.abs(i)
	col := off - l.start + 1
	if !l.ascii || l.off != nil {
		col = strings.Count(p.text[l.start:off], "") // code points + 1
	}
	return hcl.Pos{Line: l.num, Column: col, Byte: off}
}

func (p *positions) rng(l *line, i, j int) hcl.Range {
	return hcl.Range{Filename: p.path, Start: p.pos(l, i), End: p.endPos(l, i, j)}
}

// endPos is the position just past byte j-1 of the cleaned content.
func (p *positions) endPos(l *line, i, j int) hcl.Pos {
	if j == i || l.off == nil {
		return p.pos(l, j)
	}
	off := l.off[j-1] + 1
	return hcl.Pos{Line: l.num, Column: strings.Count(p.text[l.start:off], ""), Byte: off}
}

func (p *positions) value(l *line, i, j int) source.Value {
	r := p.rng(l, i, j)
	text := l.s[i:j]
	if l.off == nil {
		text = p.text[r.Start.Byte:r.End.Byte]
	}
	return source.Value{Text: text, Range: r}
}

// span is the range from the start of line a's content to the end of line
// b's content.
func (p *positions) span(a, b *line) hcl.Range {
	return hcl.Range{Filename: p.path, Start: p.pos(a, firstNonBlank(a.s)), End: p.endPos(b, 0, len(b.s))}
}

func firstNonBlank(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}
