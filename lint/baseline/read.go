package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/bounded"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// Error is a problem with a baseline file, at a position in it.
type Error struct {
	Range hcl.Range
	Msg   string
}

func (e *Error) Error() string {
	if e.Range.Start.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Range.Filename, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Range.Filename, e.Range.Start.Line, e.Range.Start.Column, e.Msg)
}

// MaxSize bounds the size of a baseline file: a baseline records a few
// hundred bytes per finding, so this holds hundreds of thousands of them.
const MaxSize = 64 << 20

// Read reads and parses the baseline file at path, and returns its bytes
// too, for a report's record of what decided the run. Only a regular file
// of at most MaxSize bytes is read: a named pipe or a device named by
// mistake must not block or exhaust the run.
func Read(path string) (*File, []byte, error) {
	data, err := bounded.ReadFile(path, MaxSize)
	if err != nil {
		return nil, nil, &Error{Range: hcl.Range{Filename: path}, Msg: fmt.Sprintf("cannot read baseline: %v", err)}
	}
	f, err := Parse(path, data)
	if err != nil {
		return nil, nil, err
	}
	return f, data, nil
}

// Parse reads a baseline from data; path names it in errors and in the
// entries' ranges. The first problem ends parsing: a baseline that is
// half understood would silently let known findings fail, or worse,
// unknown ones pass. A byte-order mark (UTF-8, or UTF-16 as Windows tools
// save a file again) is read past, as in a capture; positions are those
// of the text without it, as an editor shows them.
func Parse(path string, data []byte) (*File, error) {
	text, _, probs, ok := source.Decode(path, data)
	if !ok {
		return nil, &Error{Range: probs[0].Range, Msg: probs[0].Message}
	}
	data = []byte(text)
	p := &parser{path: path, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.DisallowUnknownFields()
	f, err := p.file()
	if err != nil {
		return nil, err
	}
	return f, nil
}

type parser struct {
	path string
	data []byte
	dec  *json.Decoder
}

// errAt reports msg at byte offset off.
func (p *parser) errAt(off int64, format string, args ...any) error {
	return &Error{Range: p.rangeOf(off, off), Msg: fmt.Sprintf(format, args...)}
}

// jsonErr turns an encoding/json error into a positioned one.
func (p *parser) jsonErr(err error, fallback int64) error { return p.fieldErr(err, fallback, "") }

// fieldErr is jsonErr for the value of field: encoding/json names no
// field when the value was decoded on its own rather than into a struct.
func (p *parser) fieldErr(err error, fallback int64, field string) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return p.errAt(syn.Offset, "not valid JSON: %v", err)
	case errors.As(err, &typ):
		// typ.Offset counts from where this Decode began, so the value's
		// own start is the better place to point at.
		if typ.Field != "" {
			field = typ.Field
		}
		return p.errAt(fallback, "%q must be %s, found %s", field, typ.Type, typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return p.errAt(int64(len(p.data)), "unexpected end of file")
	}
	return p.errAt(fallback, "%v", err)
}

// decodeErr is fieldErr for an error of Decode reading the value that
// starts at start. The offset of a syntax error Decode returns does not
// count from the start of the file, nor from the value's, so the value is
// read again alone, where it does: the offset then ends at the character
// that is wrong.
func (p *parser) decodeErr(err error, start int64, field string) error {
	var syn *json.SyntaxError
	if !errors.As(err, &syn) {
		return p.fieldErr(err, start, field)
	}
	var v any
	if errors.As(json.NewDecoder(bytes.NewReader(p.data[start:])).Decode(&v), &syn) && syn.Offset > 0 {
		return p.errAt(start+syn.Offset-1, "not valid JSON: %v", syn)
	}
	return p.fieldErr(err, start, field)
}

func (p *parser) file() (*File, error) {
	if err := p.delim('{', "a baseline must be a JSON object"); err != nil {
		return nil, err
	}
	f := &File{}
	sawVersion := false
	gapsAt := int64(-1)
	for p.dec.More() {
		at := p.dec.InputOffset()
		tok, err := p.dec.Token()
		if err != nil {
			return nil, p.jsonErr(err, at)
		}
		switch key := tok.(string); key {
		case "version":
			sawVersion = true
			at := p.next()
			if err := p.dec.Decode(&f.Version); err != nil {
				return nil, p.decodeErr(err, at, "version")
			}
			if !slices.Contains(versions, f.Version) {
				return nil, p.errAt(at, "baseline version %d is not supported: this bwlint reads versions 1 and 2", f.Version)
			}
		case "entries":
			if f.Entries, err = p.entries(); err != nil {
				return nil, err
			}
		case "gaps":
			gapsAt = p.next()
			if f.Gaps, err = p.gaps(); err != nil {
				return nil, err
			}
		default:
			return nil, p.errAt(p.next(), "unknown field %q: a baseline has version, entries and gaps", key)
		}
	}
	if err := p.closing('}'); err != nil {
		return nil, err
	}
	if at := p.next(); at < int64(len(p.data)) {
		return nil, p.errAt(at, "unexpected text after the baseline object")
	}
	if !sawVersion {
		return nil, p.errAt(0, `baseline has no "version"; write it with --write-baseline`)
	}
	if f.Version == 1 && gapsAt >= 0 {
		return nil, p.errAt(gapsAt, `a version 1 baseline has no "gaps": write it again with --write-baseline`)
	}
	if f.Entries == nil {
		f.Entries = []Entry{}
	}
	if f.Gaps == nil {
		f.Gaps = []GapEntry{}
	}
	return f, nil
}

func (p *parser) gaps() ([]GapEntry, error) {
	return list(p, "gaps", func(g *GapEntry, r hcl.Range) error {
		g.Range = r
		if g.Check == "" || g.Command == "" {
			return errors.New(`gap entry needs "check" and "command"`)
		}
		return nil
	})
}

func (p *parser) entries() ([]Entry, error) {
	return list(p, "entries", func(e *Entry, r hcl.Range) error {
		e.Range = r
		return validate(*e)
	})
}

// list reads the JSON list of a field, each element decoded strictly,
// placed at its range by place, and rejected at that range when place
// says why.
func list[T any](p *parser, field string, place func(*T, hcl.Range) error) ([]T, error) {
	if err := p.delim('[', fmt.Sprintf("%q must be a list", field)); err != nil {
		return nil, err
	}
	out := []T{}
	for p.dec.More() {
		start := p.next()
		var x T
		if err := p.dec.Decode(&x); err != nil {
			return nil, p.decodeErr(err, start, "")
		}
		r := p.rangeOf(start, p.dec.InputOffset())
		if err := place(&x, r); err != nil {
			return nil, &Error{Range: r, Msg: err.Error()}
		}
		out = append(out, x)
	}
	return out, p.closing(']')
}

// closing reads the delimiter that ends an object or list.
func (p *parser) closing(d json.Delim) error {
	at := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		return p.jsonErr(err, at)
	}
	if tok != d {
		return p.errAt(at, "expected %q", d.String())
	}
	return nil
}

// validate rejects entries that could never match a finding, which would
// otherwise only show up later as unused.
func validate(e Entry) error {
	if e.Check == "" {
		return errors.New(`entry has no "check"`)
	}
	if len(e.ValueHash) != 32 || !isLowerHex(e.ValueHash) {
		return fmt.Errorf(`entry's "value_hash" must be 32 lower-case hexadecimal digits, found %q`, e.ValueHash)
	}
	return nil
}

func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// delim reads the next token and insists it is d.
func (p *parser) delim(d json.Delim, msg string) error {
	at := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		return p.jsonErr(err, at)
	}
	if tok != d {
		return p.errAt(at, "%s", msg)
	}
	return nil
}

// next returns the offset of the next token: after the decoder's position,
// whitespace, and the comma or colon that separates it from the last one.
func (p *parser) next() int64 {
	off := p.dec.InputOffset()
	for off < int64(len(p.data)) && isSeparator(p.data[off]) {
		off++
	}
	return off
}

func isSeparator(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':'
}

// rangeOf converts byte offsets to a range with 1-based lines and columns
// counted in code points, as every other position in bwlint.
func (p *parser) rangeOf(start, end int64) hcl.Range {
	return hcl.Range{Filename: p.path, Start: p.pos(start), End: p.pos(end)}
}

func (p *parser) pos(off int64) hcl.Pos {
	off = min(max(off, 0), int64(len(p.data)))
	line, col := 1, 1
	for _, b := range bytes.SplitAfter(p.data[:off], []byte("\n")) {
		if bytes.HasSuffix(b, []byte("\n")) {
			line++
			continue
		}
		col = utf8.RuneCount(b) + 1
	}
	return hcl.Pos{Line: line, Column: col, Byte: int(off)}
}
