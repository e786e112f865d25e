package wms

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io"
	"strings"
)

// MaxDocument bounds the decoded size of a SAML message. Real responses
// are a few kilobytes; the limit stops a compressed value from inflating
// without end.
const MaxDocument = 1 << 20

// encodedValue is a SAMLResponse value found in a capture, with the map
// from its base64 characters back to the file.
type encodedValue struct {
	// start and end bound the value in the file's text.
	start, end int
	// urlEncoded reports that the value held %-escapes and so was
	// form-decoded ('+' read as a space).
	urlEncoded bool
	// chars are the value's base64 characters after form decoding, with
	// white space dropped and the URL-safe alphabet mapped to the
	// standard one.
	chars []byte
	// from and to bound, in the file's text, the bytes each of chars was
	// read from: one byte, or three for a %-escape.
	from, to []int
}

// keyName is the form field of the HTTP-POST and HTTP-Redirect bindings
// that carries the IdP's message; requestName is the service provider's.
const (
	keyName     = "SAMLResponse"
	requestName = "SAMLRequest"
)

// inAlphabet reports the characters a base64 value can hold as captured:
// the standard and URL-safe alphabets, padding, and the form encoding's
// '%' escapes.
func inAlphabet(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '+' || c == '/' || c == '=' || c == '-' || c == '_' || c == '%'
}

// findValue locates the encoded message in text. After a key
// ("SAMLResponse=" as in a form body or query string, "SAMLResponse:" as
// browser tools list form fields, or name="SAMLResponse" value= as in the
// IdP's auto-submitting HTML form) the value runs over the alphabet to
// the end of its line or the first other character ('&', a quote), and
// on over following lines made of the alphabet alone, as a wrapped value
// is. Without a key the whole text is the value. It returns the value's
// bounds, and count, the number of SAMLResponse keys in text.
func findValue(text string) (start, end, count int) {
	start, end = -1, -1
	for i := 0; ; {
		j := strings.Index(text[i:], keyName)
		if j < 0 {
			break
		}
		keyStart := i + j
		k := keyStart + len(keyName)
		i = k
		if keyStart > 0 && isNameByte(text[keyStart-1]) || k < len(text) && isNameByte(text[k]) {
			continue // part of a longer name
		}
		if k < len(text) && (text[k] == '"' || text[k] == '\'') {
			// An HTML form: name="SAMLResponse" value="...".
			v := k + 1
			for v < len(text) && isSpace(text[v]) {
				v++
			}
			if strings.HasPrefix(text[v:], "value") {
				k = v + len("value")
			}
		}
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k >= len(text) || text[k] != '=' && text[k] != ':' {
			continue
		}
		k++
		for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '"' || text[k] == '\'') {
			k++
		}
		count++
		if count == 1 {
			start, end = k, valueEnd(text, k)
		}
	}
	if count == 0 {
		start, end = trimmedBounds(text, 0, len(text))
	}
	return start, end, count
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.'
}

// valueEnd returns where a value that starts at k ends; see findValue.
func valueEnd(text string, k int) int {
	end := k
	for end < len(text) && inAlphabet(text[end]) {
		end++
	}
	for {
		// A line break right after the value may continue it.
		n := end
		if n < len(text) && text[n] == '\r' {
			n++
		}
		if n >= len(text) || text[n] != '\n' {
			return end
		}
		n++
		lineEnd := n
		for lineEnd < len(text) && text[lineEnd] != '\n' {
			lineEnd++
		}
		s, e := trimmedBounds(text, n, lineEnd)
		if end > k && text[end-1] == '=' || !continuation(text[s:e]) {
			return end // padding ends a value
		}
		end = e
	}
}

// continuation reports whether line can continue a wrapped value: it is
// made of the alphabet alone, with '=' only as padding at its end, so
// that a line holding another key ("SAMLResponse=...") is not taken.
func continuation(line string) bool {
	if line == "" {
		return false
	}
	padding := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '=':
			padding = true
		case padding || !inAlphabet(c):
			return false
		}
	}
	return true
}

// trimmedBounds returns [start, end) without surrounding white space.
func trimmedBounds(text string, start, end int) (int, int) {
	for start < end && isSpace(text[start]) {
		start++
	}
	for end > start && isSpace(text[end-1]) {
		end--
	}
	return start, end
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// errAt is a decoding error at a byte of the file.
type errAt struct {
	off, end int
	msg      string
}

func (e *errAt) Error() string { return e.msg }

// readValue collects the base64 characters of text[start:end], form
// decoding them when urlEncoded is set; see isURLEncoded.
func readValue(text string, start, end int, urlEncoded bool) (*encodedValue, *errAt) {
	n := end - start
	v := &encodedValue{start: start, end: end, urlEncoded: urlEncoded,
		chars: make([]byte, 0, n), from: make([]int, 0, n), to: make([]int, 0, n)}
	for i := start; i < end; {
		c, next := text[i], i+1
		switch {
		case c == '%' && v.urlEncoded:
			b, err := hex.DecodeString(text[i+1 : min(i+3, end)])
			if err != nil || len(b) != 1 {
				return nil, &errAt{i, min(i+3, end), "a '%' not followed by two hexadecimal digits: the form encoding is broken"}
			}
			c, next = b[0], i+3
		case c == '+' && v.urlEncoded:
			c = ' ' // a literal plus is written %2B in a form
		}
		switch {
		case isSpace(c):
		case c == '-':
			v.add('+', i, next)
		case c == '_':
			v.add('/', i, next)
		case 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '=':
			v.add(c, i, next)
		default:
			return nil, &errAt{i, next, "a character that base64 does not use"}
		}
		i = next
	}
	return v, nil
}

// isURLEncoded reports whether a value is still form-encoded: it holds a
// '%' escape. Without one it was decoded already (a browser's parsed
// view), and a '+' in it is base64's, not a space.
func isURLEncoded(value string) bool { return strings.IndexByte(value, '%') >= 0 }

func (v *encodedValue) add(c byte, from, to int) {
	v.chars = append(v.chars, c)
	v.from = append(v.from, from)
	v.to = append(v.to, to)
}

// decode base64-decodes the characters, padding optional.
func (v *encodedValue) decode() ([]byte, *errAt) {
	chars := v.chars
	n := len(chars)
	for n > 0 && chars[n-1] == '=' {
		n--
	}
	if i := bytes.IndexByte(chars[:n], '='); i >= 0 {
		return nil, &errAt{v.from[i], v.to[i], "padding ('=') inside the value"}
	}
	if n == 0 {
		return nil, &errAt{v.start, v.end, "the value is empty"}
	}
	if n%4 == 1 {
		return nil, &errAt{v.from[n-1], v.to[n-1], "the value is cut short: its length is not that of base64"}
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(n))
	k, err := base64.RawStdEncoding.Decode(out, chars[:n])
	if err != nil {
		var ce base64.CorruptInputError
		i := n - 1
		if errors.As(err, &ce) && int(ce) < n {
			i = int(ce)
		}
		return nil, &errAt{v.from[i], v.to[i], "base64 that does not decode"}
	}
	return out[:k], nil
}

// fileRange maps bytes [a, b) of the decoded value back to the file: the
// base64 characters whose groups of four encode them.
func (v *encodedValue) fileRange(a, b int) (int, int) {
	first := 4 * (a / 3)
	if first >= len(v.chars) {
		return v.end, v.end
	}
	if b <= a {
		return v.from[first], v.from[first]
	}
	last := min(4*((b-1)/3)+3, len(v.chars)-1)
	return v.from[first], v.to[last]
}

// inflate undoes the raw DEFLATE of the HTTP-Redirect binding, refusing
// output beyond MaxDocument.
func inflate(b []byte) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(b))
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, MaxDocument+1))
	if err != nil {
		return nil, err
	}
	if len(out) > MaxDocument {
		return nil, errTooLarge
	}
	return out, nil
}

var errTooLarge = errors.New("more than the limit")

// startsXML reports whether b, after an optional UTF-8 byte-order mark and
// white space, starts with '<'.
func startsXML(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && b[0] == '<'
}
