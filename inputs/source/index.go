package source

import (
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// Index converts byte offsets of one decoded file into hcl positions.
type Index struct {
	file   *File
	starts []uint32 // byte offset at which each line starts; starts[0] == 0
}

// NewIndex indexes text, whose ranges will carry name as their Filename.
// Lines end at "\n"; a preceding "\r" belongs to the line ending.
func NewIndex(name, text string) *Index {
	f := NewFile(name, text)
	return &Index{file: f, starts: f.lines()}
}

// File is the file whose locations the index's values carry.
func (ix *Index) File() *File { return ix.file }

// Name is the file name put into every range.
func (ix *Index) Name() string { return ix.file.name }

// Text is the indexed text.
func (ix *Index) Text() string { return ix.file.text }

// Lines is the number of lines; a final line without "\n" counts.
func (ix *Index) Lines() int { return len(ix.starts) }

// LineStart returns the byte offset at which line (1-based) starts.
func (ix *Index) LineStart(line int) int { return int(ix.starts[line-1]) }

// Pos returns the position of byte offset off, which must lie in
// [0, len(text)].
func (ix *Index) Pos(off int) hcl.Pos {
	line := sort.Search(len(ix.starts), func(i int) bool { return int(ix.starts[i]) > off })
	return ix.PosOnLine(line, off)
}

// PosOnLine is Pos for an offset already known to lie on line (1-based);
// parsers that walk line by line use it to skip the search.
func (ix *Index) PosOnLine(line, off int) hcl.Pos {
	ls := int(ix.starts[line-1])
	return hcl.Pos{Line: line, Column: utf8.RuneCountInString(ix.file.text[ls:off]) + 1, Byte: off}
}

// Range returns the range of bytes [start, end).
func (ix *Index) Range(start, end int) hcl.Range {
	return hcl.Range{Filename: ix.file.name, Start: ix.Pos(start), End: ix.Pos(end)}
}

// RangeOnLine is Range for bytes known to lie on one line.
func (ix *Index) RangeOnLine(line, start, end int) hcl.Range {
	return hcl.Range{Filename: ix.file.name, Start: ix.PosOnLine(line, start), End: ix.PosOnLine(line, end)}
}

// Value returns the Value for bytes [start, end) of the text.
func (ix *Index) Value(start, end int) Value {
	return ix.file.Value(start, end)
}

// WholeFile returns a range naming the file without a position, for
// problems that concern the file as a whole.
func (ix *Index) WholeFile() hcl.Range { return hcl.Range{Filename: ix.file.name} }

// Cursor gives the positions of offsets on the lines of an indexed text,
// counting columns on from the previous position when the next offset
// lies after it on the same line: a reader that walks a line field by
// field then spends linear time on it, where counting from the line start
// for every field would be quadratic. Offsets must sit next to an ASCII
// byte or at a line end, so that counting in pieces gives the column
// counting from the line start gives.
type Cursor struct {
	ix *Index
	at hcl.Pos
}

// Cursor returns a cursor at the start of the text.
func (ix *Index) Cursor() *Cursor { return &Cursor{ix: ix} }

// Pos returns the position of byte off, which lies on line.
func (c *Cursor) Pos(line, off int) hcl.Pos {
	p := c.at
	if p.Line != line || off < p.Byte {
		p = hcl.Pos{Line: line, Column: 1, Byte: c.ix.LineStart(line)}
	}
	p.Column += utf8.RuneCountInString(c.ix.file.text[p.Byte:off])
	p.Byte = off
	c.at = p
	return p
}

// Range returns the range of bytes [start, end) of line.
func (c *Cursor) Range(line, start, end int) hcl.Range {
	return hcl.Range{Filename: c.ix.file.name, Start: c.Pos(line, start), End: c.Pos(line, end)}
}
