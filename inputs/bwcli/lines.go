package bwcli

import (
	"strings"
	"unicode/utf8"

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

// lineScanner cuts text into cleaned lines one at a time, so that a large
// transcript is never held as a slice of all its lines.
type lineScanner struct {
	text string
	pos  int // offset of the next line
	num  int // number of the line last returned
}

// next returns the next line; ok is false at the end of the text. A final
// "\n" does not start another, empty line.
func (sc *lineScanner) next() (l line, ok bool) {
	if sc.pos >= len(sc.text) {
		return line{}, false
	}
	start := sc.pos
	end := strings.IndexByte(sc.text[start:], '\n')
	if end < 0 {
		end = len(sc.text)
		sc.pos = end
	} else {
		end += start
		sc.pos = end + 1
	}
	sc.num++
	raw := sc.text[start:end]
	l = line{num: sc.num, start: start}
	if strings.IndexByte(raw, 0x1b) < 0 {
		l.s = trimRightBlank(raw)
		l.ascii = isASCII(l.s)
		return l, true
	}
	l.s, l.off = stripANSI(raw, start)
	l.s = trimRightBlank(l.s)
	l.off = l.off[:len(l.s)+1]
	// The end entry must point just past the last kept byte, not past
	// an escape sequence or blanks that followed it.
	if len(l.s) > 0 {
		l.off[len(l.s)] = l.off[len(l.s)-1] + 1
	}
	l.ascii = isASCII(l.s)
	return l, true
}

func trimRightBlank(s string) string {
	i := len(s)
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\r') {
		i--
	}
	return s[:i]
}

func isASCII(s string) bool {
	// OR-ing every byte has no branch per byte; lines are scanned once
	// each, so this is a measurable part of the parse.
	var or byte
	for i := 0; i < len(s); i++ {
		or |= s[i]
	}
	return or < utf8.RuneSelf
}

// stripANSI removes the escape sequences terminals and expect logs leave in
// captures and records where each kept byte was: CSI ("ESC [ parameters
// final", colours and erase-line), OSC ("ESC ] … BEL" or "… ESC \", window
// titles) and two-byte escapes. An ESC followed by anything else is dropped
// alone, so that a multi-byte character after it is kept whole.
func stripANSI(raw string, base int) (string, []int) {
	b := make([]byte, 0, len(raw))
	off := make([]int, 0, len(raw)+1)
	for i := 0; i < len(raw); {
		if raw[i] != 0x1b {
			b = append(b, raw[i])
			off = append(off, base+i)
			i++
			continue
		}
		i++
		switch {
		case i >= len(raw):
		case raw[i] == '[':
			i++
			for i < len(raw) && raw[i] >= 0x20 && raw[i] <= 0x3f {
				i++ // parameter and intermediate bytes
			}
			if i < len(raw) && raw[i] >= 0x40 && raw[i] <= 0x7e {
				i++ // the final byte
			}
		case raw[i] == ']':
			i++
			for i < len(raw) {
				if raw[i] == 0x07 {
					i++
					break
				}
				if raw[i] == 0x1b && i+1 < len(raw) && raw[i+1] == '\\' {
					i += 2
					break
				}
				i++
			}
		case raw[i] >= 0x20 && raw[i] <= 0x7e:
			i++ // a two-byte escape such as "ESC =" or "ESC 7"
		}
	}
	off = append(off, base+len(raw))
	return string(b), off
}

// positions turns cleaned-line offsets into ranges and values.
type positions struct {
	path string
	text string
	// A cursor into the last non-ASCII line: columns there count code
	// points, and values are made left to right, so counting on from the
	// last offset keeps a long line of many cells linear, not quadratic.
	curLine, curOff, curCol int
}

func (p *positions) pos(l *line, i int) hcl.Pos {
	if l.off == nil && l.ascii {
		return hcl.Pos{Line: l.num, Column: i + 1, Byte: l.start + i}
	}
	return hcl.Pos{Line: l.num, Column: p.column(l, l.abs(i)), Byte: l.abs(i)}
}

// column returns the 1-based column, in code points, of byte offset off of
// the text, which lies on line l.
func (p *positions) column(l *line, off int) int {
	if p.curLine != l.num || p.curOff > off || p.curOff < l.start {
		p.curLine, p.curOff, p.curCol = l.num, l.start, 1
	}
	p.curCol += utf8.RuneCountInString(p.text[p.curOff:off])
	p.curOff = off
	return p.curCol
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
	return hcl.Pos{Line: l.num, Column: p.column(l, off), Byte: off}
}

func (p *positions) value(l *line, i, j int) source.Value {
	return source.Value{Text: l.s[i:j], Range: p.rng(l, i, j)}
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
