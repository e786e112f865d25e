package jsonpos

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// Parse reads text as one JSON document. Ranges carry path as their
// Filename.
//
// On a syntax error Parse returns a nil node and an error problem at the
// offending byte: a document that is not JSON yields no evidence, and
// guessing at what the author meant would only mislead. Duplicate keys
// are error problems too, but the tree is still returned with every member.
// Text is converted to a string once and every Text in the tree slices it,
// so raw object texts cost no copies.
func Parse(path, text string) (*Node, []source.Problem) {
	src := text
	p := &parser{src: src, cur: newCursor(path, src)}
	root := p.document()
	return root, p.probs
}

type parser struct {
	src   string
	i     int // offset of the next unread byte
	cur   cursor
	probs []source.Problem
}

// document reads the single top-level value and insists nothing follows.
func (p *parser) document() *Node {
	p.skipSpace()
	root := p.value(0, "a JSON value")
	if root == nil {
		return nil
	}
	p.skipSpace()
	if p.i < len(p.src) {
		p.syntaxError("end of input after the top-level value")
		return nil
	}
	return root
}

// value reads any JSON value at p.i. expected describes, for the message of
// a syntax error, what the surrounding grammar allows at this point.
// depth counts the objects and arrays that enclose the value.
func (p *parser) value(depth int, expected string) *Node {
	if p.i >= len(p.src) {
		p.syntaxError(expected)
		return nil
	}
	switch c := p.src[p.i]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		return p.stringNode()
	case c == '-' || isDigit(c):
		return p.number()
	case isLetter(c):
		return p.literal(expected)
	}
	p.syntaxError(expected)
	return nil
}

func (p *parser) object(depth int) *Node {
	start := p.i
	if depth >= MaxDepth {
		p.tooDeep()
		return nil
	}
	startPos := p.cur.pos(start)
	p.i++ // '{'
	n := &Node{Kind: Object}
	var keys keySet
	p.skipSpace()
	if p.peek() == '}' {
		return p.finishComposite(n, start, startPos)
	}
	if p.peek() != '"' {
		p.syntaxError("'\"' to start an object key, or '}'")
		return nil
	}
	for {
		m, ok := p.member(depth)
		if !ok {
			return nil
		}
		p.checkDuplicate(&keys, n.Members, m)
		n.Members = append(n.Members, m)
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.i++
			p.skipSpace()
			if p.peek() != '"' {
				p.syntaxError("'\"' to start an object key after ','")
				return nil
			}
		case '}':
			return p.finishComposite(n, start, startPos)
		default:
			p.syntaxError("',' or '}' after object member")
			return nil
		}
	}
}

// member reads `"key": value` starting at the key's opening quote.
func (p *parser) member(depth int) (Member, bool) {
	key, keyRange, escaped, ok := p.quoted()
	if !ok {
		return Member{}, false
	}
	p.skipSpace()
	if p.peek() != ':' {
		p.syntaxError("':' after object key")
		return Member{}, false
	}
	p.i++
	p.skipSpace()
	v := p.value(depth+1, "a value after ':'")
	if v == nil {
		return Member{}, false
	}
	return Member{Key: key, KeyRange: keyRange, KeyEscaped: escaped, Value: v}, true
}

func (p *parser) array(depth int) *Node {
	start := p.i
	if depth >= MaxDepth {
		p.tooDeep()
		return nil
	}
	startPos := p.cur.pos(start)
	p.i++ // '['
	n := &Node{Kind: Array}
	p.skipSpace()
	if p.peek() == ']' {
		return p.finishComposite(n, start, startPos)
	}
	expected := "a value or ']'"
	for {
		e := p.value(depth+1, expected)
		if e == nil {
			return nil
		}
		n.Elems = append(n.Elems, e)
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.i++
			p.skipSpace()
			expected = "a value after ','"
		case ']':
			return p.finishComposite(n, start, startPos)
		default:
			p.syntaxError("',' or ']' after array element")
			return nil
		}
	}
}

// finishComposite consumes the closing bracket at p.i and fills in the
// ranges of an object or array that started at start.
func (p *parser) finishComposite(n *Node, start int, startPos hcl.Pos) *Node {
	p.i++
	n.Range = hcl.Range{Filename: p.cur.path, Start: startPos, End: p.cur.pos(p.i)}
	n.Value = source.Value{Text: p.src[start:p.i], Loc: p.cur.file.Loc(start, p.i)}
	return n
}

func (p *parser) stringNode() *Node {
	v, whole, escaped, ok := p.quoted()
	if !ok {
		return nil
	}
	return &Node{Kind: String, Value: v, Range: whole, Escaped: escaped}
}

// quoted reads a string literal starting at its opening quote. It returns
// the decoded content with the range between the quotes, the range of the
// whole literal, and whether escapes were used.
func (p *parser) quoted() (source.Value, hcl.Range, bool, bool) {
	openPos := p.cur.pos(p.i)
	p.i++
	contentStart := p.i
	var buf []byte // decoded content, used only once an escape appears
	chunk := contentStart
	for {
		if p.i >= len(p.src) {
			p.syntaxError(fmt.Sprintf("'\"' to close the string that starts at line %d, column %d", openPos.Line, openPos.Column))
			return source.Value{}, hcl.Range{}, false, false
		}
		c := p.src[p.i]
		switch {
		case c == '"':
			text := p.src[contentStart:p.i]
			if buf != nil {
				text = string(append(buf, p.src[chunk:p.i]...))
			}
			content := p.cur.file.Loc(contentStart, p.i)
			p.i++
			whole := hcl.Range{Filename: p.cur.path, Start: openPos, End: p.cur.pos(p.i)}
			return source.Value{Text: text, Loc: content}, whole, buf != nil, true
		case c == '\\':
			if buf == nil {
				buf = make([]byte, 0, p.i-contentStart+16)
			}
			buf = append(buf, p.src[chunk:p.i]...)
			var ok bool
			if buf, ok = p.escape(buf); !ok {
				return source.Value{}, hcl.Range{}, false, false
			}
			chunk = p.i
		case c == '\n' || c == '\r':
			p.syntaxError(fmt.Sprintf("'\"' to close the string that starts at line %d, column %d before the end of the line", openPos.Line, openPos.Column))
			return source.Value{}, hcl.Range{}, false, false
		case c < 0x20:
			p.problemAt(p.i, p.i+1, "invalid JSON: control character %s must be written as an escape inside a string", strconv.QuoteRune(rune(c)))
			return source.Value{}, hcl.Range{}, false, false
		default:
			p.i++
		}
	}
}

// escape decodes the escape sequence at p.i (a backslash), appends the
// character it stands for to buf and moves past it.
func (p *parser) escape(buf []byte) ([]byte, bool) {
	p.i++ // '\\'
	if p.i >= len(p.src) {
		p.syntaxErrorInString(`an escape character (one of " \ / b f n r t u) after '\'`)
		return buf, false
	}
	c := p.src[p.i]
	if r, ok := simpleEscapes[c]; ok {
		p.i++
		return append(buf, r), true
	}
	if c != 'u' {
		p.syntaxErrorInString(`an escape character (one of " \ / b f n r t u) after '\'`)
		return buf, false
	}
	p.i++
	r, ok := p.hex4()
	if !ok {
		return buf, false
	}
	if utf16.IsSurrogate(r) {
		// Join a surrogate pair; a lone surrogate becomes U+FFFD, as
		// encoding/json does, and the next escape is read on its own.
		if low, ok := p.peekU4(); ok {
			if pair := utf16.DecodeRune(r, low); pair != utf8.RuneError {
				p.i += 6
				return utf8.AppendRune(buf, pair), true
			}
		}
		r = utf8.RuneError
	}
	return utf8.AppendRune(buf, r), true
}

var simpleEscapes = map[byte]byte{
	'"': '"', '\\': '\\', '/': '/',
	'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

// hex4 reads the four hexadecimal digits of a \u escape.
func (p *parser) hex4() (rune, bool) {
	var r rune
	for range 4 {
		if p.i >= len(p.src) || hexValue(p.src[p.i]) < 0 {
			p.syntaxErrorInString(`a hexadecimal digit in a '\u' escape (which takes exactly 4)`)
			return 0, false
		}
		r = r<<4 | rune(hexValue(p.src[p.i]))
		p.i++
	}
	return r, true
}

// peekU4 reports the code unit of a complete \uXXXX escape at p.i without
// consuming it.
func (p *parser) peekU4() (rune, bool) {
	if len(p.src)-p.i < 6 || p.src[p.i] != '\\' || p.src[p.i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range []byte(p.src[p.i+2 : p.i+6]) {
		h := hexValue(c)
		if h < 0 {
			return 0, false
		}
		r = r<<4 | rune(h)
	}
	return r, true
}

// number reads a number by the RFC 8259 grammar:
// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
func (p *parser) number() *Node {
	start := p.i
	if p.peek() == '-' {
		p.i++
	}
	switch c := p.peek(); {
	case c == '0':
		p.i++
		if isDigit(p.peek()) {
			p.problemAt(p.i-1, p.i, "invalid JSON: a number must not start with 0 followed by more digits")
			return nil
		}
	case isDigit(c):
		p.digits()
	default:
		p.syntaxError("a digit after '-'")
		return nil
	}
	if p.peek() == '.' {
		p.i++
		if !isDigit(p.peek()) {
			p.syntaxError("a digit after the decimal point")
			return nil
		}
		p.digits()
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.i++
		if c := p.peek(); c == '+' || c == '-' {
			p.i++
		}
		if !isDigit(p.peek()) {
			p.syntaxError("a digit in the exponent")
			return nil
		}
		p.digits()
	}
	return p.scalar(Number, start)
}

func (p *parser) digits() {
	for isDigit(p.peek()) {
		p.i++
	}
}

// literal reads true, false or null. Any other bare word is reported whole,
// which reads better than complaining about its second letter.
func (p *parser) literal(expected string) *Node {
	start := p.i
	end := wordEnd(p.src, start)
	switch p.src[start:end] {
	case "true", "false":
		p.i = end
		return p.scalar(Bool, start)
	case "null":
		p.i = end
		return p.scalar(Null, start)
	}
	p.syntaxError(expected)
	return nil
}

// scalar makes the node for the number or literal in [start, p.i).
func (p *parser) scalar(kind Kind, start int) *Node {
	r := p.cur.rangeOf(start, p.i)
	return &Node{Kind: kind, Value: source.Value{Text: p.src[start:p.i], Loc: p.cur.file.Loc(start, p.i)}, Range: r}
}

// keySet finds earlier members with the same key. Most objects are small,
// so a map is built only once an object grows past a handful of members.
type keySet struct {
	byKey map[string]int
}

const keySetLinearLimit = 8

func (p *parser) checkDuplicate(ks *keySet, members []Member, m Member) {
	first := -1
	if ks.byKey == nil && len(members) < keySetLinearLimit {
		for i, prev := range members {
			if prev.Key.Text == m.Key.Text {
				first = i
				break
			}
		}
	} else {
		if ks.byKey == nil {
			ks.byKey = make(map[string]int, 2*len(members))
			for i := len(members) - 1; i >= 0; i-- {
				ks.byKey[members[i].Key.Text] = i
			}
		}
		if i, ok := ks.byKey[m.Key.Text]; ok {
			first = i
		} else {
			ks.byKey[m.Key.Text] = len(members)
		}
	}
	if first < 0 {
		return
	}
	p.probs = append(p.probs, source.Errorf(m.KeyRange, "key %s appears twice; first at %s",
		strconv.Quote(Shorten(m.Key.Text)), where(members[first].KeyRange.Start, m.KeyRange.Start)))
}

// where names position at for a message about something at from: the line
// alone reads best, but a minified file needs the column too.
func where(at, from hcl.Pos) string {
	if at.Line == from.Line {
		return fmt.Sprintf("line %d, column %d", at.Line, at.Column)
	}
	return fmt.Sprintf("line %d", at.Line)
}

func (p *parser) tooDeep() {
	p.problemAt(p.i, p.i+1, "invalid JSON: objects and arrays nest deeper than %d levels", MaxDepth)
}

// problemAt reports a syntax error covering bytes [start, end).
func (p *parser) problemAt(start, end int, format string, args ...any) {
	p.probs = append(p.probs, source.Errorf(p.cur.rangeOf(start, end), format, args...))
}

// syntaxError reports that expected was wanted at p.i and names what is
// there instead.
func (p *parser) syntaxError(expected string) {
	found, size := describeAt(p.src, p.i)
	p.problemAt(p.i, p.i+size, "invalid JSON: expected %s, found %s", expected, found)
}

// syntaxErrorInString is syntaxError inside a string literal, where the
// found input is named one character at a time: letters there are not
// words to quote.
func (p *parser) syntaxErrorInString(expected string) {
	found, size := describeRuneAt(p.src, p.i)
	p.problemAt(p.i, p.i+size, "invalid JSON: expected %s, found %s", expected, found)
}

// describeAt names the input at offset i for a message and says how many
// bytes the description covers.
func describeAt(src string, i int) (string, int) {
	if i >= len(src) {
		return "end of input", 0
	}
	if isLetter(src[i]) {
		end := wordEnd(src, i)
		if word := src[i:end]; looksLikeLiteral(word) {
			return "unquoted text " + strconv.Quote(word), end - i
		}
		// Any other word may be a value typed without its quotes, such
		// as a password: the message locates it without repeating it.
		n := utf8.RuneCountInString(src[i:end])
		plural := "s"
		if n == 1 {
			plural = ""
		}
		return fmt.Sprintf("unquoted text of %d character%s (strings need double quotes)", n, plural), end - i
	}
	return describeRuneAt(src, i)
}

// looksLikeLiteral reports whether a bare word is a misspelt or foreign
// literal ("tru", "True", "yes", "None"), which a message can quote to
// show the mistake without risk of quoting a secret.
func looksLikeLiteral(word string) bool {
	w := strings.ToLower(word)
	for _, lit := range []string{"true", "false", "null"} {
		if strings.HasPrefix(lit, w) {
			return true
		}
	}
	switch w {
	case "yes", "no", "on", "off", "none", "nil", "undefined", "nan", "infinity":
		return true
	}
	return false
}

// describeRuneAt names the single character at offset i < len(src).
func describeRuneAt(src string, i int) (string, int) {
	if i >= len(src) {
		return "end of input", 0
	}
	r, size := utf8.DecodeRuneInString(src[i:])
	if r == utf8.RuneError && size == 1 {
		return fmt.Sprintf("byte 0x%02X", src[i]), 1
	}
	return strconv.QuoteRune(r), size
}

func (p *parser) skipSpace() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// peek returns the byte at p.i, or 0 at the end of input; 0 never starts
// a valid token, so callers need no separate end check.
func (p *parser) peek() byte {
	if p.i < len(p.src) {
		return p.src[p.i]
	}
	return 0
}

func wordEnd(src string, i int) int {
	for i < len(src) && (isLetter(src[i]) || isDigit(src[i]) || src[i] == '_') {
		i++
	}
	return i
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func hexValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
