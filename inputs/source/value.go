package source

import "github.com/hashicorp/hcl/v2"

// Value is one scalar read from an input file.
//
// Range covers the bytes the value was read from. For plain captures
// Text is exactly those bytes; for JSON and CSV fields the range covers the
// field's content without its quotes, and Text is the decoded content, which
// equals the source bytes unless the field used escapes.
type Value struct {
	Text  string
	Range hcl.Range
}

// Present reports whether the value was read from an input at all, as
// opposed to being the zero Value of an absent field.
func (v Value) Present() bool { return v.Range.Filename != "" }

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
