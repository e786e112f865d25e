package source

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// File is one decoded input file as positions see it: its name, its text
// and, computed the first time a position in it is asked for, where each
// of its lines starts.
//
// A parsed capture holds millions of values, and only the few that a
// finding or a problem names are ever shown with a line and a column. A
// value therefore keeps a Loc (the file and two byte offsets, 16 bytes)
// and builds its hcl.Range (64 bytes) when asked; the model is less than
// half the size it was with a range in every value, and the garbage
// collector has that much less to mark.
type File struct {
	name string
	text string

	once   sync.Once
	starts []uint32 // byte offset at which each line starts; starts[0] == 0

	// last is the position asked for last. Columns count code points
	// from the line's start, so on a file of one long line (a minified
	// document) counting on from the previous position keeps a reader
	// that asks left to right linear rather than quadratic.
	mu   sync.Mutex
	last hcl.Pos

	// posAt, when set, gives the position of an offset in place of the
	// line table: a reader that already keeps checkpoints into a file of
	// very long lines shares them (see NewFileFunc).
	posAt func(off int) hcl.Pos

	// fixed is the range of a Loc made from a range rather than from
	// offsets (see LocOf); such a File stands for that one range.
	fixed *hcl.Range
}

// NewFile returns the File of text, whose ranges carry name as their
// Filename. Lines end at "\n"; a preceding "\r" belongs to the line ending,
// as in Index and Lines.
func NewFile(name, text string) *File {
	return &File{name: name, text: text}
}

// NewFileFunc returns the File of text whose positions pos gives. pos must
// count as the line table would: lines from 1 at "\n", columns in code
// points from 1; it must be safe for concurrent use.
func NewFileFunc(name, text string, pos func(off int) hcl.Pos) *File {
	return &File{name: name, text: text, posAt: pos}
}

// Name is the Filename of the file's ranges.
func (f *File) Name() string { return f.name }

// Text is the file's decoded text.
func (f *File) Text() string { return f.text }

// Loc returns the location of bytes [start, end) of the text. Offsets beyond
// what a Loc holds (files over 4 GiB, which the bounded reader never
// lets through) keep their range instead.
func (f *File) Loc(start, end int) Loc {
	if end >= noPos {
		return LocOf(f.rangeOf(start, end))
	}
	return Loc{file: f, start: uint32(start), end: uint32(end)}
}

// Value returns bytes [start, end) of the text with their location.
func (f *File) Value(start, end int) Value {
	return Value{Text: f.text[start:end], Loc: f.Loc(start, end)}
}

// WholeFile returns a location naming the file without a position, for
// problems and findings that concern the file as a whole.
func (f *File) WholeFile() Loc { return Loc{file: f, start: noPos, end: noPos} }

// noPos marks a location of the whole file: no line, no column.
const noPos = math.MaxUint32

func (f *File) lines() []uint32 {
	f.once.Do(func() {
		starts := make([]uint32, 1, strings.Count(f.text, "\n")+1)
		for i := 0; ; {
			j := strings.IndexByte(f.text[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, uint32(i))
		}
		f.starts = starts
	})
	return f.starts
}

// pos returns the position of byte off: its line, and its column counted
// in code points from the line's start, as every reader of the project
// counts columns.
func (f *File) pos(off int) hcl.Pos {
	if f.posAt != nil {
		return f.posAt(off)
	}
	starts := f.lines()
	line := sort.Search(len(starts), func(i int) bool { return int(starts[i]) > off })
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.last
	if p.Line != line || p.Byte > off || p.Byte < len(f.text) && !utf8.RuneStart(f.text[p.Byte]) {
		p = hcl.Pos{Line: line, Column: 1, Byte: int(starts[line-1])}
	}
	p.Column += utf8.RuneCountInString(f.text[p.Byte:off])
	p.Byte = off
	f.last = p
	return p
}

func (f *File) rangeOf(start, end int) hcl.Range {
	return hcl.Range{Filename: f.name, Start: f.pos(start), End: f.pos(end)}
}

// Loc is where a value was read: a file and two byte offsets into its
// decoded text. Its Range is built when asked for; the zero Loc is no
// position at all.
type Loc struct {
	file       *File
	start, end uint32
}

// LocOf returns the location of an already computed range, for readers that
// position values by other means than offsets into a File (XML, JSON and
// HCL decoders). The zero range gives the zero Loc.
func LocOf(r hcl.Range) Loc {
	if r == (hcl.Range{}) {
		return Loc{}
	}
	return Loc{file: &File{name: r.Filename, fixed: &r}}
}

// Range returns the location's range: file name, line, column and byte of its
// start and end.
func (s Loc) Range() hcl.Range {
	f := s.file
	switch {
	case f == nil:
		return hcl.Range{}
	case f.fixed != nil:
		return *f.fixed
	case s.start == noPos:
		return hcl.Range{Filename: f.name}
	}
	return hcl.Range{Filename: f.name, Start: f.pos(int(s.start)), End: f.pos(int(s.end))}
}

// Filename is the name of the location's file; empty for the zero Loc.
func (s Loc) Filename() string {
	if s.file == nil {
		return ""
	}
	return s.file.name
}

// Equal reports whether two locations give the same range, whichever way
// they were made; go-cmp uses it to compare values that hold them.
func (s Loc) Equal(o Loc) bool {
	if s == o {
		return true
	}
	return s.Range() == o.Range()
}

// To returns the location from the start of s to the end of o, which must lie
// in the same file at or after s's start.
func (s Loc) To(o Loc) Loc {
	if s.file != nil && s.file == o.file && s.file.fixed == nil && s.start != noPos && o.start != noPos {
		return Loc{file: s.file, start: s.start, end: o.end}
	}
	r, e := s.Range(), o.Range()
	return LocOf(hcl.Range{Filename: r.Filename, Start: r.Start, End: e.End})
}

// Bytes returns the byte offsets of the location's start and end in its
// file's decoded text, without working out lines and columns.
func (s Loc) Bytes() (start, end int) {
	switch f := s.file; {
	case f == nil || s.start == noPos:
		return 0, 0
	case f.fixed != nil:
		return f.fixed.Start.Byte, f.fixed.End.Byte
	}
	return int(s.start), int(s.end)
}
