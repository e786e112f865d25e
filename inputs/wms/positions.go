package wms

import (
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// checkpointStep is the distance in bytes between the checkpoints of a
// posIndex.
const checkpointStep = 256

// posIndex gives the same positions as source.Index in time that does not
// grow with the length of the line. SAML messages are often one line of
// many kilobytes, and their values are not met in order, so counting the
// code points from the line's start for each value would make a large
// message quadratic.
type posIndex struct {
	ix   *source.Index
	text string
	// offs are checkpoint offsets, each at the start of a character, and
	// runes the number of code points before each.
	offs, runes []int
}

func newPosIndex(ix *source.Index) *posIndex {
	p := &posIndex{ix: ix, text: ix.Text()}
	count, prev := 0, 0
	for k := 0; k < len(p.text); k += checkpointStep {
		for k < len(p.text) && !utf8.RuneStart(p.text[k]) {
			k++
		}
		count += utf8.RuneCountInString(p.text[prev:k])
		p.offs = append(p.offs, k)
		p.runes = append(p.runes, count)
		prev = k
	}
	return p
}

// runesBefore counts the code points of text[:off]. Counting restarts at
// a character's start, so the pieces add up to what one count gives,
// invalid bytes (one code point each) included.
func (p *posIndex) runesBefore(off int) int {
	j := sort.SearchInts(p.offs, off+1) - 1
	if j < 0 {
		return utf8.RuneCountInString(p.text[:off])
	}
	return p.runes[j] + utf8.RuneCountInString(p.text[p.offs[j]:off])
}

// Pos returns the position of byte off, in [0, len(text)].
func (p *posIndex) Pos(off int) hcl.Pos {
	line := sort.Search(p.ix.Lines(), func(i int) bool { return p.ix.LineStart(i+1) > off })
	start := p.ix.LineStart(line)
	return hcl.Pos{Line: line, Column: p.runesBefore(off) - p.runesBefore(start) + 1, Byte: off}
}

// Range returns the range of bytes [start, end).
func (p *posIndex) Range(start, end int) hcl.Range {
	return hcl.Range{Filename: p.ix.Name(), Start: p.Pos(start), End: p.Pos(end)}
}
