package ocip

import (
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// checkpointEvery is the spacing, in bytes, of the positions positions
// remembers. A value's position is counted from the checkpoint before it,
// so finding one costs at most this many bytes of counting, whether the
// file is pretty-printed or one 50 MB line, as raw OCI-P responses are.
const checkpointEvery = 64

// positions turns byte offsets of a file's decoded text into hcl
// positions that agree with source.Index: lines from 1, columns in code
// points from 1. It is built once and only read afterwards, so the lazy
// accessors of the model may use it from several goroutines.
type positions struct {
	name string
	text string
	// Checkpoint k is the position of byte off[k], a rune start.
	off, line, col []int32
}

func newPositions(name, text string) *positions {
	n := len(text)/checkpointEvery + 1
	p := &positions{name: name, text: text, off: make([]int32, 0, n), line: make([]int32, 0, n), col: make([]int32, 0, n)}
	line, col := 1, 1
	prev := 0
	for at := 0; ; at += checkpointEvery {
		if at > len(text) {
			at = len(text)
		}
		for at < len(text) && !utf8.RuneStart(text[at]) {
			at++
		}
		line, col = advance(text[prev:at], line, col)
		p.off = append(p.off, int32(at))
		p.line = append(p.line, int32(line))
		p.col = append(p.col, int32(col))
		prev = at
		if at == len(text) {
			return p
		}
	}
}

// advance returns the line and column reached after s, starting from
// line and col.
func advance(s string, line, col int) (int, int) {
	nl := strings.Count(s, "\n")
	if nl == 0 {
		return line, col + utf8.RuneCountInString(s)
	}
	return line + nl, utf8.RuneCountInString(s[strings.LastIndexByte(s, '\n')+1:]) + 1
}

// pos returns the position of byte off, which must lie in [0, len(text)].
func (p *positions) pos(off int) hcl.Pos {
	k := off / checkpointEvery
	if k >= len(p.off) {
		k = len(p.off) - 1
	}
	for int(p.off[k]) > off {
		k--
	}
	line, col := advance(p.text[p.off[k]:off], int(p.line[k]), int(p.col[k]))
	return hcl.Pos{Line: line, Column: col, Byte: off}
}

// rng returns the range of bytes [start, end). A short range's end is
// counted on from its start rather than from a checkpoint; both lie next
// to ASCII delimiters, so the counts agree.
func (p *positions) rng(start, end int) hcl.Range {
	s := p.pos(start)
	if end-start > checkpointEvery {
		return hcl.Range{Filename: p.name, Start: s, End: p.pos(end)}
	}
	line, col := advance(p.text[start:end], s.Line, s.Column)
	return hcl.Range{Filename: p.name, Start: s, End: hcl.Pos{Line: line, Column: col, Byte: end}}
}
