package source

import (
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// Value is one scalar read from an input file.
//
// Loc locates the bytes the value was read from; Range gives them as an
// hcl.Range. For plain captures Text is exactly those bytes; for JSON and
// CSV fields the range covers the field's content without its quotes, and
// Text is the decoded content, which equals the source bytes unless the
// field used escapes.
type Value struct {
	Text string
	Loc  Loc
}

// Range returns where the value was read.
func (v Value) Range() hcl.Range { return v.Loc.Range() }

// Present reports whether the value was read from an input at all, as
// opposed to being the zero Value of an absent field.
func (v Value) Present() bool { return v.Loc.Filename() != "" }

// Masked reports whether the value is one BroadWorks printed masked, such
// as "********". Masked values are never compared or shown.
func (v Value) Masked() bool { return IsMasked(v.Text) }

// IsMasked reports whether s consists only of two or more asterisks, the
// way the BroadWorks CLIs print passwords, keys and tokens.
func IsMasked(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '*' {
			return false
		}
	}
	return true
}

// Slice returns bytes [i, j) of the value with their location. The value's
// Text must be the very bytes of its range on one line, as a capture's
// typed input is; otherwise the slice keeps the whole value's location.
func (v Value) Slice(i, j int) Value {
	r := v.Range()
	if r.Start.Line != r.End.Line || r.End.Byte-r.Start.Byte != len(v.Text) {
		return Value{Text: v.Text[i:j], Loc: v.Loc}
	}
	if f := v.Loc.file; f != nil && f.fixed == nil {
		return Value{Text: v.Text[i:j], Loc: f.Loc(int(v.Loc.start)+i, int(v.Loc.start)+j)}
	}
	r.Start.Byte, r.End.Byte = r.Start.Byte+i, r.Start.Byte+j
	r.Start.Column += utf8.RuneCountInString(v.Text[:i])
	r.End.Column = r.Start.Column + utf8.RuneCountInString(v.Text[i:j])
	return Value{Text: v.Text[i:j], Loc: LocOf(r)}
}
