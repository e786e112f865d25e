package ocip

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/ianaindex"
)

// A view is the text one document is parsed from. Most documents are
// parsed in place, from the file's text; a document a capture holds in
// escaped form — as the string inside a SOAP envelope, or inside a Python
// bytes literal as Python clients log what they send and receive — is
// parsed from its unescaped copy, and the view maps offsets of the copy
// back to the file, so that every range still points at the bytes the
// value was written as.
type view struct {
	buf string
	// segs tile buf and the file's text alike; nil for a document parsed
	// in place. Segment i covers buf[segs[i].buf:segs[i+1].buf] and
	// text[segs[i].src:segs[i+1].src]; the last segment is a sentinel.
	segs []seg
	// kind says how the document was written in the file.
	kind Wrapping
	// decodeByte decodes the non-ASCII bytes of a Python bytes literal;
	// nil when they are UTF-8. quote is the literal's quote.
	decodeByte func(byte) rune
	quote      byte
}

// seg is one piece of an escaped view: a run of bytes copied as they are,
// or one escape sequence and what it stands for.
type seg struct {
	buf, src int32
	escape   bool
}

// Wrapping says how a document is written in its file.
type Wrapping int

// The wrappings the reader unwraps.
const (
	// Plain documents are XML as the server sent it.
	Plain Wrapping = iota
	// XMLEscaped documents are the text of an XML element, escaped with
	// entities: a SOAP envelope's processOCIMessage argument or return
	// value.
	XMLEscaped
	// PythonBytes documents are the contents of a Python bytes literal,
	// b'<?xml …>', as Python clients log them.
	PythonBytes
)

func (w Wrapping) String() string {
	switch w {
	case XMLEscaped:
		return "XML-escaped (SOAP)"
	case PythonBytes:
		return "Python bytes literal"
	}
	return "plain"
}

// plainView parses in place.
func plainView(text string) *view { return &view{buf: text} }

// srcStart maps the offset of the start of something in buf to the file:
// an offset inside an escape maps to the escape's start.
func (v *view) srcStart(off int) int {
	if v.segs == nil {
		return off
	}
	i := v.segAt(off)
	s := v.segs[i]
	if s.escape || i == len(v.segs)-1 {
		return int(s.src)
	}
	return int(s.src) + off - int(s.buf)
}

// srcEnd maps the offset just past the end of something in buf: an offset
// inside an escape maps past the escape's end.
func (v *view) srcEnd(off int) int {
	if v.segs == nil {
		return off
	}
	i := v.segAt(off)
	s := v.segs[i]
	switch {
	case int(s.buf) == off || i == len(v.segs)-1:
		return int(s.src)
	case s.escape:
		return int(v.segs[i+1].src)
	}
	return int(s.src) + off - int(s.buf)
}

// segAt returns the segment holding buf offset off; the sentinel for the
// end of buf.
func (v *view) segAt(off int) int {
	return sort.Search(len(v.segs), func(i int) bool { return int(v.segs[i].buf) > off }) - 1
}

// viewBuilder builds an escaped view piece by piece.
type viewBuilder struct {
	b    strings.Builder
	segs []seg
	// copyFrom is the file offset where the current run of copied bytes
	// began, -1 when none is open.
	copyFrom int
}

func newViewBuilder(size int) *viewBuilder {
	vb := &viewBuilder{copyFrom: -1}
	vb.b.Grow(size)
	return vb
}

// copied appends text[src:src+len(s)], which stands for itself.
func (vb *viewBuilder) copied(src int, s string) {
	if vb.copyFrom < 0 {
		vb.segs = append(vb.segs, seg{buf: int32(vb.b.Len()), src: int32(src)})
		vb.copyFrom = src
	}
	vb.b.WriteString(s)
}

// escaped appends s, which the escape at text[src:...] stands for.
func (vb *viewBuilder) escaped(src int, s string) {
	vb.segs = append(vb.segs, seg{buf: int32(vb.b.Len()), src: int32(src), escape: true})
	vb.copyFrom = -1
	vb.b.WriteString(s)
}

func (vb *viewBuilder) done(srcEnd int, kind Wrapping) *view {
	vb.segs = append(vb.segs, seg{buf: int32(vb.b.Len()), src: int32(srcEnd)})
	return &view{buf: vb.b.String(), segs: vb.segs, kind: kind}
}

// unescapeXML builds the view of text[start:end], an XML-escaped
// document. bad is the offset of an ill-formed entity reference, -1 when
// there is none.
func unescapeXML(text string, start, end int) (v *view, bad int) {
	vb := newViewBuilder(end - start)
	for i := start; i < end; {
		amp := strings.IndexByte(text[i:end], '&')
		if amp < 0 {
			vb.copied(i, text[i:end])
			break
		}
		if amp > 0 {
			vb.copied(i, text[i:i+amp])
		}
		i += amp
		r, n := entity(text[i:end])
		if n == 0 {
			return nil, i
		}
		vb.escaped(i, string(r))
		i += n
	}
	return vb.done(end, XMLEscaped), -1
}

// entity reads the entity or character reference at the start of s: the
// character it stands for and its length, 0 when it is not one XML
// defines without a DTD.
func entity(s string) (rune, int) {
	semi := strings.IndexByte(s, ';')
	if semi < 2 || semi > 12 {
		return 0, 0
	}
	name := s[1:semi]
	switch name {
	case "lt":
		return '<', semi + 1
	case "gt":
		return '>', semi + 1
	case "amp":
		return '&', semi + 1
	case "quot":
		return '"', semi + 1
	case "apos":
		return '\'', semi + 1
	}
	if name[0] != '#' || len(name) < 2 {
		return 0, 0
	}
	digits, base := name[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if digits == "" {
		return 0, 0
	}
	r := 0
	for i := 0; i < len(digits); i++ {
		d := digitValue(digits[i])
		if d < 0 || d >= base {
			return 0, 0
		}
		r = r*base + d
		if r > utf8.MaxRune {
			return 0, 0
		}
	}
	if !isXMLChar(rune(r)) {
		return 0, 0
	}
	return rune(r), semi + 1
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// isXMLChar reports whether XML 1.0 allows r in a document.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= utf8.MaxRune)
}

// pythonLiteral reads the Python bytes literal whose opening quote is at
// text[open], returning in end, when ok is false, where reading stopped: b'…' or b"…" on one line, as str() of a bytes value prints
// it. The bytes are decoded with the encoding the literal's own XML
// declaration names, ISO-8859-1 and UTF-8 being the ones Python OCI-P
// clients send and receive. end is the offset just past the closing
// quote; ok is false when the line ends first or an escape is malformed.
func pythonLiteral(text string, open int) (v *view, end int, ok bool) {
	return unescapePython(text, open, len(text), literalCharset(text[open+1:min(len(text), open+256)]))
}

// unescapePython reads the literal whose quote is at text[open] and which
// must close before the end of its line and before limit, decoding
// non-ASCII bytes with decodeByte.
func unescapePython(text string, open, limit int, decodeByte func(byte) rune) (v *view, end int, ok bool) {
	quote := text[open]
	vb := newViewBuilder(0)
	var utf8buf [utf8.UTFMax]byte
	for i := open + 1; i < limit; {
		switch c := text[i]; c {
		case quote:
			v := vb.done(i, PythonBytes)
			v.decodeByte, v.quote = decodeByte, quote
			return v, i + 1, true
		case '\n':
			return nil, i, false
		case '\\':
			if i+1 >= limit {
				return nil, i, false
			}
			b, n := pythonEscape(text[i:limit])
			if n == 0 {
				return nil, i, false
			}
			switch {
			case b < 0x80 || decodeByte == nil:
				vb.escaped(i, string([]byte{b}))
			default:
				w := utf8.EncodeRune(utf8buf[:], decodeByte(b))
				vb.escaped(i, string(utf8buf[:w]))
			}
			i += n
		default:
			// A run of plain characters is copied in one piece; bytes
			// repr never holds a non-ASCII one, which is kept as it is.
			j := i + 1
			for j < limit && text[j] != '\\' && text[j] != quote && text[j] != '\n' {
				j++
			}
			vb.copied(i, text[i:j])
			i = j
		}
	}
	return nil, limit, false
}

// pythonEscape reads the escape at the start of s ("\n", "\x e9", "\\" …):
// the byte it stands for and its length, 0 when malformed.
func pythonEscape(s string) (byte, int) {
	switch s[1] {
	case 'n':
		return '\n', 2
	case 'r':
		return '\r', 2
	case 't':
		return '\t', 2
	case '\\', '\'', '"':
		return s[1], 2
	case 'x':
		if len(s) >= 4 && digitValue(s[2]) >= 0 && digitValue(s[3]) >= 0 {
			return byte(digitValue(s[2])<<4 | digitValue(s[3])), 4
		}
	}
	return 0, 0
}

// literalCharset returns how to decode the non-ASCII bytes of a Python
// bytes literal whose start is head: nil to keep them as UTF-8 bytes, or
// a single-byte character map.
func literalCharset(head string) func(byte) rune {
	unescaped := strings.NewReplacer(`\'`, `'`, `\"`, `"`, `\n`, "\n").Replace(head)
	start, end := declEncoding(unescaped)
	if start < 0 || isUTF8Name(unescaped[start:end]) {
		return nil
	}
	e, err := ianaindex.IANA.Encoding(unescaped[start:end])
	if cm, ok := e.(*charmap.Charmap); ok && err == nil {
		return cm.DecodeByte
	}
	return nil
}
