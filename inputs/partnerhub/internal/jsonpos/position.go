package jsonpos

import (
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// cursor turns byte offsets into positions while the parser moves forward.
//
// source.Index counts a column from the start of the line on every call,
// which is quadratic for minified JSON where the whole file is one line.
// The parser asks for offsets in increasing order, so the cursor counts
// only the bytes since the previous request. The results equal
// source.Index.Pos exactly; the fuzz tests hold it to that.
type cursor struct {
	path      string
	src       string
	off       int // offset of the last position handed out
	line      int // line of off, from 1
	lineStart int // offset at which that line starts
	col       int // column of off, from 1
	index     *source.Index
	file      *source.File // the locations of values
}

func newCursor(path, src string) cursor {
	return cursor{path: path, src: src, line: 1, col: 1, file: source.NewFile(path, src)}
}

// pos returns the position of byte offset target, 0 <= target <= len(src).
func (c *cursor) pos(target int) hcl.Pos {
	if target < c.off {
		// Never happens in the parser's order of work; stay correct anyway.
		if c.index == nil {
			c.index = source.NewIndex(c.path, c.src)
		}
		return c.index.Pos(target)
	}
	seg := c.src[c.off:target]
	switch nl := strings.LastIndexByte(seg, '\n'); {
	case nl >= 0:
		c.line += strings.Count(seg, "\n")
		c.lineStart = c.off + nl + 1
		c.col = 1 + utf8.RuneCountInString(c.src[c.lineStart:target])
	case c.off == c.lineStart || c.src[c.off-1] < utf8.RuneSelf:
		// After an ASCII byte or at a line start, decoding the line
		// always passes through c.off, so the counts simply add up.
		c.col += utf8.RuneCountInString(seg)
	default:
		// c.off might sit inside an invalid sequence that decodes
		// differently when counted from the line start: recount.
		c.col = 1 + utf8.RuneCountInString(c.src[c.lineStart:target])
	}
	c.off = target
	return hcl.Pos{Line: c.line, Column: c.col, Byte: target}
}

// rangeOf returns the range of bytes [start, end).
func (c *cursor) rangeOf(start, end int) hcl.Range {
	return hcl.Range{Filename: c.path, Start: c.pos(start), End: c.pos(end)}
}
