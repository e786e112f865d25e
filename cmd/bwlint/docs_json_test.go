package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// The json-* stages of a documented example: an order-keeping JSON tree,
// so that an excerpt prints exactly as bwlint printed the document.

// jsonNode is a JSON value that keeps its members' order and its scalars'
// text, so that an excerpt prints exactly as bwlint printed it.
type jsonNode struct {
	kind byte // '{', '[', or 0 for a scalar
	raw  string
	keys []string // decoded, for objects
	vals []*jsonNode
}

// filterJSON applies one json-* stage to a JSON document.
func filterJSON(text string, stage []string) (string, error) {
	p := &jsonParser{s: text}
	root, err := p.value()
	if err != nil {
		return "", err
	}
	if p.skipSpace(); p.i != len(p.s) {
		return "", fmt.Errorf("text after the JSON value at byte %d", p.i)
	}
	if got := root.String(); got != text {
		return "", fmt.Errorf("cannot reproduce bwlint's JSON layout:\n%s", cmp.Diff(text, got))
	}
	switch stage[0] {
	case "json-at":
		if root, err = root.lookup(stage[1]); err != nil {
			return "", err
		}
	case "json-keep":
		for _, spec := range stage[1:] {
			if err := jsonKeep(root, spec); err != nil {
				return "", err
			}
		}
	case "json-cut":
		n, err := strconv.Atoi(stage[2])
		if err != nil || n < 1 {
			return "", fmt.Errorf("want a positive length, got %q", stage[2])
		}
		at, err := root.lookup(stage[1])
		if err != nil {
			return "", err
		}
		cut := 0
		at.walk(func(v *jsonNode) {
			var s string
			if v.kind != 0 || json.Unmarshal([]byte(v.raw), &s) != nil || utf8.RuneCountInString(s) <= n {
				return
			}
			v.raw, cut = jsonString(string([]rune(s)[:n])+"…"), cut+1
		})
		if cut == 0 {
			return "", fmt.Errorf("no string under %q is longer than %d: drop the stage", stage[1], n)
		}
	case "json-set":
		path, value, ok := strings.Cut(stage[1], "=")
		if !ok {
			return "", fmt.Errorf("want PATH=VALUE")
		}
		at, err := root.lookup(path)
		if err != nil {
			return "", err
		}
		*at = jsonNode{raw: jsonString(value)}
	case "json-drop":
		parentPath, key := "", stage[1]
		if i := strings.LastIndexByte(key, '.'); i >= 0 {
			parentPath, key = key[:i], key[i+1:]
		}
		parent, err := root.lookup(parentPath)
		if err != nil {
			return "", err
		}
		i := slices.Index(parent.keys, key)
		if parent.kind != '{' || i < 0 {
			return "", fmt.Errorf("no object member %q", stage[1])
		}
		parent.keys = slices.Delete(parent.keys, i, i+1)
		parent.vals = slices.Delete(parent.vals, i, i+1)
	}
	return root.String(), nil
}

// jsonKeep applies one PATH[SEL] of json-keep.
func jsonKeep(root *jsonNode, spec string) error {
	path, sel, ok := strings.Cut(spec, "[")
	sel, closed := strings.CutSuffix(sel, "]")
	if !ok || !closed {
		return fmt.Errorf("%q: want PATH[SEL]", spec)
	}
	arr, err := root.lookup(path)
	if err != nil {
		return err
	}
	if arr.kind != '[' {
		return fmt.Errorf("%q: not an array", path)
	}
	keep := make([]bool, len(arr.vals))
	for _, cond := range strings.Split(sel, ",") {
		matched := false
		if i, err := strconv.Atoi(cond); err == nil {
			if i < 0 || i >= len(arr.vals) {
				return fmt.Errorf("%q: index %d out of range (%d elements)", spec, i, len(arr.vals))
			}
			keep[i], matched = true, true
		} else {
			field, want, ok := strings.Cut(cond, "=")
			if !ok {
				return fmt.Errorf("%q: %q is neither an index nor FIELD=VALUE", spec, cond)
			}
			field, prefix := strings.CutSuffix(field, "^")
			for i, v := range arr.vals {
				f, err := v.lookup(field)
				if err != nil || f.kind != 0 {
					continue
				}
				got := f.raw
				_ = json.Unmarshal([]byte(f.raw), &got)
				if got == want || prefix && strings.HasPrefix(got, want) {
					keep[i], matched = true, true
				}
			}
		}
		if !matched {
			return fmt.Errorf("%q: %q selects nothing", spec, cond)
		}
	}
	var vals []*jsonNode
	for i, v := range arr.vals {
		if keep[i] {
			vals = append(vals, v)
		}
	}
	arr.vals = vals
	return nil
}

// lookup follows a dot-separated path of keys and indexes.
func (n *jsonNode) lookup(path string) (*jsonNode, error) {
	if path == "" {
		return n, nil
	}
	at := n
	for _, seg := range strings.Split(path, ".") {
		next := (*jsonNode)(nil)
		switch at.kind {
		case '{':
			for i, k := range at.keys {
				if k == seg {
					next = at.vals[i]
				}
			}
		case '[':
			if i, err := strconv.Atoi(seg); err == nil && i >= 0 && i < len(at.vals) {
				next = at.vals[i]
			}
		}
		if next == nil {
			return nil, fmt.Errorf("path %q: no %q", path, seg)
		}
		at = next
	}
	return at, nil
}

func (n *jsonNode) walk(f func(*jsonNode)) {
	f(n)
	for _, v := range n.vals {
		v.walk(f)
	}
}

// String prints the value as bwlint's JSON encoders do: two-space indent,
// no HTML escaping, and a final newline.
func (n *jsonNode) String() string {
	var b strings.Builder
	n.write(&b, "")
	b.WriteString("\n")
	return b.String()
}

func (n *jsonNode) write(b *strings.Builder, indent string) {
	if n.kind == 0 {
		b.WriteString(n.raw)
		return
	}
	closer := map[byte]string{'{': "}", '[': "]"}[n.kind]
	b.WriteByte(n.kind)
	if len(n.vals) == 0 {
		b.WriteString(closer)
		return
	}
	b.WriteString("\n")
	for i, v := range n.vals {
		b.WriteString(indent + "  ")
		if n.kind == '{' {
			b.WriteString(jsonString(n.keys[i]) + ": ")
		}
		v.write(b, indent+"  ")
		if i < len(n.vals)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(indent + closer)
}

// jsonString encodes s as bwlint does, without HTML escaping.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// jsonParser reads JSON into jsonNodes.
type jsonParser struct {
	s string
	i int
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *jsonParser) value() (*jsonNode, error) {
	p.skipSpace()
	if p.i >= len(p.s) {
		return nil, fmt.Errorf("unexpected end of JSON")
	}
	switch c := p.s[p.i]; c {
	case '{', '[':
		p.i++
		n := &jsonNode{kind: c}
		end := map[byte]byte{'{': '}', '[': ']'}[c]
		for first := true; ; first = false {
			p.skipSpace()
			if p.i < len(p.s) && p.s[p.i] == end {
				p.i++
				return n, nil
			}
			if !first {
				if p.i >= len(p.s) || p.s[p.i] != ',' {
					return nil, fmt.Errorf("want , or %c at byte %d", end, p.i)
				}
				p.i++
			}
			if c == '{' {
				k, err := p.value()
				if err != nil {
					return nil, err
				}
				var key string
				if err := json.Unmarshal([]byte(k.raw), &key); err != nil {
					return nil, fmt.Errorf("object key at byte %d: %w", p.i, err)
				}
				if p.skipSpace(); p.i >= len(p.s) || p.s[p.i] != ':' {
					return nil, fmt.Errorf("want : at byte %d", p.i)
				}
				p.i++
				n.keys = append(n.keys, key)
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
		}
	case '"':
		j := p.i + 1
		for j < len(p.s) && p.s[j] != '"' {
			if p.s[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(p.s) {
			return nil, fmt.Errorf("unterminated string at byte %d", p.i)
		}
		n := &jsonNode{raw: p.s[p.i : j+1]}
		p.i = j + 1
		return n, nil
	default:
		j := p.i
		for j < len(p.s) && strings.IndexByte(",]}: \t\r\n", p.s[j]) < 0 {
			j++
		}
		n := &jsonNode{raw: p.s[p.i:j]}
		if !json.Valid([]byte(n.raw)) {
			return nil, fmt.Errorf("invalid JSON %q at byte %d", n.raw, p.i)
		}
		p.i = j
		return n, nil
	}
}
