package source

import (
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// Line is one line of a capture as the terminal that recorded it showed
// it. Terminal captures hold more than the text on the screen: escape
// sequences (colours, erase-line, window titles, character-set
// designators), characters erased with backspace or DEL while a command
// was typed, text overwritten after a carriage return, and bells. Text is
// what was shown; the positions of its bytes in the file are kept, so that
// every value read from it still points at the bytes as captured.
type Line struct {
	// Num is the 1-based line number.
	Num int
	// Start is the byte offset of the line's first byte in the text; End
	// is the offset of its "\n", or the end of the text for a last line
	// without one.
	Start, End int
	// Text is the line as shown: without its line ending, trailing blanks,
	// escape sequences, bells, erased and overwritten characters.
	Text string
	// ASCII reports that Text holds only ASCII bytes, so that columns are
	// byte distances.
	ASCII bool
	// off maps each byte of Text to its offset in the file text, with one
	// extra entry just past the last byte. It is nil for the common line
	// the terminal showed as captured, where Text is the file text from
	// Start on.
	off []int
}

// Abs returns the file offset of byte i of Text; Abs(len(Text)) is just
// past its last byte.
func (l *Line) Abs(i int) int {
	if l.off == nil {
		return l.Start + i
	}
	return l.off[i]
}

// Cleaned reports whether Text differs from the bytes captured, so that a
// value read from it may be shorter than its range.
func (l *Line) Cleaned() bool { return l.off != nil }

// Last reports whether the line ends the text without a line break: a
// capture cut off in the middle of a line.
func (l *Line) Last(text string) bool { return l.End == len(text) }

// EraseCarets applies the erasures that a terminal echoed as caret pairs,
// "^H" for backspace and "^?" for DEL, in Text from byte from on: each
// pair goes, with the character before it (but none before from). A
// command typed with corrections then reads as the CLI received it.
func (l *Line) EraseCarets(from int) {
	rest := l.Text[from:]
	if !strings.Contains(rest, "^H") && !strings.Contains(rest, "^?") {
		return
	}
	b := make([]byte, 0, len(l.Text))
	off := make([]int, 0, len(l.Text)+1)
	for i := 0; i < len(l.Text); {
		if i >= from && l.Text[i] == '^' && i+1 < len(l.Text) && (l.Text[i+1] == 'H' || l.Text[i+1] == '?') {
			n := len(b)
			for n > from && !utf8.RuneStart(b[n-1]) {
				n--
			}
			if n > from {
				n--
			}
			if n >= from {
				b, off = b[:n], off[:n]
			}
			i += 2
			continue
		}
		b = append(b, l.Text[i])
		off = append(off, l.Abs(i))
		i++
	}
	n := len(b)
	for n > 0 && (b[n-1] == ' ' || b[n-1] == '\t') {
		n--
	}
	end := l.Start
	if n > 0 {
		end = off[n-1] + 1
	}
	off = append(off[:n], end)
	l.Text, l.off = string(b[:n]), off
	l.ASCII = isASCII(l.Text)
}

// Lines cuts a text into Lines one at a time, so that a large capture is
// never held as a slice of all its lines. A final "\n" does not start
// another, empty line: "a\nb\n" has two lines, "" none.
type Lines struct {
	text string
	pos  int // offset of the next line
	num  int // number of the line last returned
}

// NewLines returns a scanner of text's lines.
func NewLines(text string) *Lines {
	return &Lines{text: text}
}

// The classes of a byte, as bits: whether it is not ASCII, and whether a
// terminal shows the line other than it was captured because of it: ESC
// starts an escape sequence, backspace and DEL erase, BEL rings, CR returns
// to the start of the line. A CR that only precedes the line ending is
// part of the ending and trimmed before the line is classed.
const (
	nonASCII = 1 << iota
	special
)

var classes = func() (c [256]uint8) {
	for b := utf8.RuneSelf; b < 256; b++ {
		c[b] = nonASCII
	}
	for _, b := range []byte{0x1b, 0x08, 0x7f, 0x07, '\r'} {
		c[b] = special
	}
	return c
}()

// class returns the classes of the bytes of s together. Lines are read
// once each, in one pass that tells both what the line holds.
func class(s string) uint8 {
	var c uint8
	for i := 0; i < len(s); i++ {
		c |= classes[s[i]]
	}
	return c
}

// Next returns the next line; ok is false at the end of the text.
func (s *Lines) Next() (l Line, ok bool) {
	if s.pos >= len(s.text) {
		return Line{}, false
	}
	start := s.pos
	end := strings.IndexByte(s.text[start:], '\n')
	if end < 0 {
		end = len(s.text)
		s.pos = end
	} else {
		end += start
		s.pos = end + 1
	}
	s.num++
	text := trimRightBlank(s.text[start:end])
	c := class(text)
	if c&special == 0 {
		return Line{Num: s.num, Start: start, End: end, Text: text, ASCII: c&nonASCII == 0}, true
	}
	l = Line{Num: s.num, Start: start, End: end}
	l.Text, l.off = clean(s.text[start:end], start)
	l.ASCII = isASCII(l.Text)
	return l, true
}

// clean returns what a terminal shows of the raw line that starts at file
// offset base, and the file offset of each byte kept (see Line.off).
// Escape sequences and bells show nothing. Backspace and DEL erase the
// character before them: that is how a command typed with corrections
// reached the CLI, whether the terminal echoed "\b \b" or the raw key. A
// CR followed by more text starts the line over, as the terminal's cursor
// does; the text after it replaces what came before.
func clean(raw string, base int) (string, []int) {
	b := make([]byte, 0, len(raw))
	off := make([]int, 0, len(raw)+1)
	for i := 0; i < len(raw); {
		switch c := raw[i]; c {
		case 0x1b:
			i += EscapeLen(raw[i:])
		case 0x08, 0x7f:
			n := len(b)
			for n > 0 && !utf8.RuneStart(b[n-1]) {
				n--
			}
			if n > 0 {
				n--
			}
			b, off = b[:n], off[:n]
			i++
		case 0x07:
			i++
		case '\r':
			if startsOver(raw[i+1:]) {
				b, off = b[:0], off[:0]
			}
			i++
		default:
			b = append(b, c)
			off = append(off, base+i)
			i++
		}
	}
	n := len(b)
	for n > 0 && (b[n-1] == ' ' || b[n-1] == '\t') {
		n--
	}
	end := base
	if n > 0 {
		end = off[n-1] + 1
	}
	return string(b[:n]), append(off[:n], end)
}

// startsOver reports whether what follows a CR shows something before
// the next CR: only then does the CR overwrite the line. Blanks, escape
// sequences and bells alone leave the line as it was, and a later CR
// decides for itself.
func startsOver(s string) bool {
	for i := 0; i < len(s); {
		switch s[i] {
		case ' ', '\t', 0x07:
			i++
		case 0x1b:
			i += EscapeLen(s[i:])
		case '\r':
			return false
		default:
			return true
		}
	}
	return false
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
	// each, so this is a measurable part of a parse.
	var or byte
	for i := 0; i < len(s); i++ {
		or |= s[i]
	}
	return or < utf8.RuneSelf
}

// FirstNonBlank returns the offset of the first byte of s that is not a
// space or a tab, or len(s).
func FirstNonBlank(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// Words appends to dst the [start, end) byte spans of the words of
// s[from:to]: runs of text separated by spaces or tabs. Spans are offsets
// into s.
func Words(dst [][2]int, s string, from, to int) [][2]int {
	for i := from; i < to; {
		for i < to && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		j := i
		for j < to && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		if j > i {
			dst = append(dst, [2]int{i, j})
		}
		i = j
	}
	return dst
}

// Positions turns offsets in Lines into ranges and values of one file.
type Positions struct {
	// Path is the Filename of every range; Text is the file's text.
	Path, Text string
	file       *File
	// A cursor into the last non-ASCII line: columns there count code
	// points, and values are made left to right, so counting on from the
	// last offset keeps a long line of many cells linear, not quadratic.
	curLine, curOff, curCol int
}

// NewPositions returns the positions of a file's text.
func NewPositions(path, text string) *Positions {
	return &Positions{Path: path, Text: text, file: NewFile(path, text)}
}

// Pos returns the position of byte i of l.Text.
func (p *Positions) Pos(l *Line, i int) hcl.Pos {
	if l.off == nil && l.ASCII {
		return hcl.Pos{Line: l.Num, Column: i + 1, Byte: l.Start + i}
	}
	return hcl.Pos{Line: l.Num, Column: p.column(l, l.Abs(i)), Byte: l.Abs(i)}
}

// column returns the 1-based column, in code points, of byte offset off of
// the text, which lies on line l.
func (p *Positions) column(l *Line, off int) int {
	if p.curLine != l.Num || p.curOff > off || p.curOff < l.Start {
		p.curLine, p.curOff, p.curCol = l.Num, l.Start, 1
	}
	p.curCol += utf8.RuneCountInString(p.Text[p.curOff:off])
	p.curOff = off
	return p.curCol
}

// Range returns the range of bytes [i, j) of l.Text: from the first byte's
// position to just past the last byte, whatever the terminal hid between.
func (p *Positions) Range(l *Line, i, j int) hcl.Range {
	return hcl.Range{Filename: p.Path, Start: p.Pos(l, i), End: p.endPos(l, i, j)}
}

// endPos is the position just past byte j-1 of l.Text.
func (p *Positions) endPos(l *Line, i, j int) hcl.Pos {
	if j == i || l.off == nil {
		return p.Pos(l, j)
	}
	off := l.off[j-1] + 1
	return hcl.Pos{Line: l.Num, Column: p.column(l, off), Byte: off}
}

// Value returns bytes [i, j) of l.Text with their location.
func (p *Positions) Value(l *Line, i, j int) Value {
	return Value{Text: l.Text[i:j], Loc: p.Loc(l, i, j)}
}

// Loc is the location of Range(l, i, j).
func (p *Positions) Loc(l *Line, i, j int) Loc {
	return p.file.Loc(l.Abs(i), endOffset(l, i, j))
}

// SpanLoc is the location of Span(a, b).
func (p *Positions) SpanLoc(a, b *Line) Loc {
	return p.file.Loc(a.Abs(FirstNonBlank(a.Text)), endOffset(b, 0, len(b.Text)))
}

// endOffset is the offset just past byte j-1 of l.Text: past the last
// byte whatever the terminal hid between; Abs(j) for an empty range.
func endOffset(l *Line, i, j int) int {
	if j == i || l.off == nil {
		return l.Abs(j)
	}
	return l.off[j-1] + 1
}

// Content returns the range of l's text without its indentation.
func (p *Positions) Content(l *Line) hcl.Range {
	return p.Range(l, FirstNonBlank(l.Text), len(l.Text))
}

// Span returns the range from the start of a's text (after its
// indentation) to the end of b's.
func (p *Positions) Span(a, b *Line) hcl.Range {
	return hcl.Range{Filename: p.Path, Start: p.Pos(a, FirstNonBlank(a.Text)), End: p.endPos(b, 0, len(b.Text))}
}
