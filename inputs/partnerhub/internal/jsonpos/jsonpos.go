// Package jsonpos reads JSON documents into a tree whose every node knows
// the exact range of text it came from.
//
// encoding/json forgets positions, and bwlint must point every finding at
// the bytes it is about, so this reader keeps them. It follows RFC 8259
// strictly, with two deliberate differences from encoding/json: a key that
// appears twice in one object is reported (both members are kept, in file
// order), and nesting deeper than MaxDepth is refused so that hostile input
// cannot exhaust the stack.
//
// Positions follow the conventions of package source: byte offsets into the
// text as given, lines from 1, columns counting Unicode code points from 1,
// half-open ranges.
package jsonpos

import (
	"strconv"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// MaxDepth is the deepest nesting of objects and arrays Parse accepts.
// Real Partner Hub files nest a few levels; anything near this is not one.
const MaxDepth = 1000

// Kind is the JSON type of a node.
type Kind uint8

// The JSON types.
const (
	Object Kind = iota + 1
	Array
	String
	Number
	Bool
	Null
)

// String returns the JSON name of the kind: "object", "array", "string",
// "number", "boolean" or "null".
func (k Kind) String() string {
	switch k {
	case Object:
		return "object"
	case Array:
		return "array"
	case String:
		return "string"
	case Number:
		return "number"
	case Bool:
		return "boolean"
	case Null:
		return "null"
	}
	return "invalid"
}

// Node is one JSON value.
type Node struct {
	Kind Kind
	// Value is what a linter compares and points at. For a string, Text is
	// the decoded content and Range covers the content between the quotes,
	// matching source.Value's convention for quoted fields. For every other
	// kind, Text is the literal source text (the raw JSON of an object or
	// array) and Range equals the node's Range.
	Value source.Value
	// Range covers the whole value, quotes and brackets included.
	Range hcl.Range
	// Escaped reports that a string used backslash escapes, so Value.Text
	// may differ from the bytes Value.Range covers.
	Escaped bool
	// Members are an object's members in file order, duplicates included.
	Members []Member
	// Elems are an array's elements in order.
	Elems []*Node
}

// Member is one key-value pair of an object.
type Member struct {
	// Key is the decoded key; its range covers the key between the quotes.
	Key source.Value
	// KeyRange covers the key with its quotes.
	KeyRange hcl.Range
	// KeyEscaped reports that the key used backslash escapes.
	KeyEscaped bool
	Value      *Node
}

// Lookup returns the first member of an object named key. The first wins
// because the duplicate-key problem points at the later ones.
func (n *Node) Lookup(key string) (Member, bool) {
	for _, m := range n.Members {
		if m.Key.Text == key {
			return m, true
		}
	}
	return Member{}, false
}

// Describe names the value for a problem message: a string quoted, another
// scalar as written, an object or array by its kind.
func (n *Node) Describe() string {
	switch n.Kind {
	case String:
		return strconv.Quote(Shorten(n.Value.Text))
	case Object:
		return "an object"
	case Array:
		return "an array"
	}
	return Shorten(n.Value.Text)
}

// Shorten cuts s to a length that reads well inside a message: 60
// characters.
func Shorten(s string) string { return source.Clip(s, 60, "…") }
