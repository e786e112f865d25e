package partnerhub

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/partnerhub/internal/jsonpos"
	"github.com/bwlint/bwlint/inputs/source"
)

// Field is one top-level member of a Partner Hub file, known to bwlint or
// not: Partner Hub adds fields over time, and keeping them lets checks and
// reports see everything the capture held.
type Field struct {
	// Key is the member's name; its range covers the name between quotes.
	Key source.Value
	// Value is the member's value; see the package comment for what Text
	// holds for each kind.
	Value source.Value
	// Kind is the JSON type: "string", "number", "boolean", "null",
	// "object" or "array".
	Kind string
}

// Secret reports whether the field's value must not be shown: its name is
// a secret's, its value is masked, or it is an object or list that holds a
// member so named or a masked string anywhere inside ("nested":
// {"password": "…"}), in which case the whole value is withheld.
func (f Field) Secret() bool {
	if source.IsSecretName(f.Key.Text) || f.Value.Masked() {
		return true
	}
	if f.Kind != "object" && f.Kind != "array" {
		return false
	}
	var v any
	if err := json.Unmarshal([]byte(f.Value.Text), &v); err != nil {
		return true // cannot look inside: hide rather than guess
	}
	return holdsSecret(v)
}

func holdsSecret(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		for k, m := range x {
			if source.IsSecretName(k) || holdsSecret(m) {
				return true
			}
		}
	case []any:
		return slices.ContainsFunc(x, holdsSecret)
	case string:
		return source.IsMasked(x)
	}
	return false
}

// Bool reads a boolean Value as produced by this package. ok is false when
// v is absent or not a JSON boolean literal.
func Bool(v source.Value) (value, ok bool) {
	switch v.Text {
	case "true":
		return true, v.Present()
	case "false":
		return false, v.Present()
	}
	return false, false
}

// parseObject parses text and insists its top level is an object; what
// names the kind of file for the message ("template", "cluster").
func parseObject(path, text, what string) (*jsonpos.Node, []source.Problem) {
	root, probs := jsonpos.Parse(path, text)
	if root == nil {
		return nil, probs
	}
	if root.Kind != jsonpos.Object {
		probs = append(probs, source.Errorf(root.Range, "a Partner Hub %s must be a JSON object, found %s", what, root.Describe()))
		return nil, probs
	}
	return root, probs
}

// fieldsOf lists every member of obj in file order.
func fieldsOf(obj *jsonpos.Node) []Field {
	fields := make([]Field, 0, len(obj.Members))
	for _, m := range obj.Members {
		fields = append(fields, Field{Key: m.Key, Value: m.Value.Value, Kind: m.Value.Kind.String()})
	}
	return fields
}

// memberReader reads the known members of one object and collects the
// problems found on the way, so each Parse function reads as a list of
// fields.
type memberReader struct {
	what  string // "template" or "cluster", for messages
	obj   *jsonpos.Node
	probs []source.Problem
}

func (r *memberReader) problem(rng hcl.Range, format string, args ...any) {
	r.probs = append(r.probs, source.Errorf(rng, format, args...))
}

// find returns the value of member key, or nil when it is absent. An
// optional member written as null counts as absent: exports write unset
// fields that way.
func (r *memberReader) find(key string, required bool) *jsonpos.Node {
	m, ok := r.obj.Lookup(key)
	if !ok {
		if required {
			r.reportMissing(key)
		}
		return nil
	}
	if !required && m.Value.Kind == jsonpos.Null {
		return nil
	}
	return m.Value
}

// reportMissing reports an absent required field at the opening brace. A
// member whose name differs only in case is named, because that is the
// usual reason a field looks missing.
func (r *memberReader) reportMissing(key string) {
	for _, m := range r.obj.Members {
		if strings.EqualFold(m.Key.Text, key) {
			r.problem(openingBrace(r.obj), "%s is missing required field %q (found %q; field names are case-sensitive)", r.what, key, m.Key.Text)
			return
		}
	}
	r.problem(openingBrace(r.obj), "%s is missing required field %q", r.what, key)
}

// openingBrace is the one-byte range of an object's '{'.
func openingBrace(obj *jsonpos.Node) hcl.Range {
	start := obj.Range.Start
	end := hcl.Pos{Line: start.Line, Column: start.Column + 1, Byte: start.Byte + 1}
	return hcl.Range{Filename: obj.Range.Filename, Start: start, End: end}
}

// str returns n's Value if n is a string and reports it otherwise.
func (r *memberReader) str(key string, n *jsonpos.Node) (source.Value, bool) {
	if n.Kind != jsonpos.String {
		r.problem(n.Range, "%q must be a string, found %s", key, n.Describe())
		return source.Value{}, false
	}
	return n.Value, true
}

// requiredString reads a string that must be present and not blank.
func (r *memberReader) requiredString(key string) source.Value {
	n := r.find(key, true)
	if n == nil {
		return source.Value{}
	}
	v, ok := r.str(key, n)
	if ok && strings.TrimSpace(v.Text) == "" {
		r.problem(n.Range, "%q must not be empty", key)
	}
	return v
}

// optionalString reads a string that may be absent.
func (r *memberReader) optionalString(key string) source.Value {
	n := r.find(key, false)
	if n == nil {
		return source.Value{}
	}
	v, _ := r.str(key, n)
	return v
}

// boolean reads a true/false member.
func (r *memberReader) boolean(key string, required bool) source.Value {
	n := r.find(key, required)
	if n == nil {
		return source.Value{}
	}
	if n.Kind != jsonpos.Bool {
		r.problem(n.Range, "%q must be true or false, found %s", key, n.Describe())
		return source.Value{}
	}
	return n.Value
}

// oneOf reads a required string that must be one of allowed. With
// foldCase the comparison ignores case; without it, a value that differs
// only in case gets a hint, since that is the likely mistake.
func (r *memberReader) oneOf(key string, allowed []string, foldCase bool) source.Value {
	n := r.find(key, true)
	if n == nil {
		return source.Value{}
	}
	v, ok := r.str(key, n)
	if !ok {
		return v
	}
	hint := ""
	for _, a := range allowed {
		switch {
		case v.Text == a:
			return v
		case strings.EqualFold(v.Text, a):
			if foldCase {
				return v
			}
			hint = " (values are case-sensitive)"
		}
	}
	r.problem(n.Range, "%q must be %s%s, found %s", key, choices(allowed), hint, n.Describe())
	return v
}

// choices lists allowed values for a message: "a or b", "one of a, b or c".
func choices(allowed []string) string {
	switch len(allowed) {
	case 1:
		return allowed[0]
	case 2:
		return allowed[0] + " or " + allowed[1]
	}
	return "one of " + strings.Join(allowed[:len(allowed)-1], ", ") + " or " + allowed[len(allowed)-1]
}

// stringList reads an optional array of non-blank strings. Entries of the
// wrong type are reported and left out. An entry whose normalized form
// repeats an earlier one is reported as a warning and kept: the list still
// means the same, but the repeat is usually a copy-and-paste slip.
func (r *memberReader) stringList(key, noun string, normalize func(string) string) []source.Value {
	n := r.find(key, false)
	if n == nil {
		return nil
	}
	if n.Kind != jsonpos.Array {
		r.problem(n.Range, "%q must be an array of strings, found %s", key, n.Describe())
		return nil
	}
	var list []source.Value
	first := make(map[string]hcl.Pos, len(n.Elems))
	for _, e := range n.Elems {
		if e.Kind != jsonpos.String {
			r.problem(e.Range, "%q must hold only strings, found %s", key, e.Describe())
			continue
		}
		if strings.TrimSpace(e.Value.Text) == "" {
			r.problem(e.Range, "%q must not hold an empty %s", key, noun)
			continue
		}
		norm := normalize(e.Value.Text)
		if at, seen := first[norm]; seen {
			r.probs = append(r.probs, source.Warnf(e.Range, "%q lists %s %s twice; first at %s",
				key, noun, e.Describe(), where(at, e.Range.Start)))
		} else {
			first[norm] = e.Range.Start
		}
		list = append(list, e.Value)
	}
	return list
}

// where names position at for a message about something at from: the line
// alone reads best, but a minified file needs the column too.
func where(at, from hcl.Pos) string {
	if at.Line == from.Line {
		return fmt.Sprintf("line %d, column %d", at.Line, at.Column)
	}
	return fmt.Sprintf("line %d", at.Line)
}
