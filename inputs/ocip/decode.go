package ocip

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/ianaindex"
)

// ISO88591 is the encoding BroadWorks declares in its OCI-P responses.
const ISO88591 source.Encoding = "iso-8859-1"

// Decode turns the bytes of an OCI-P capture into UTF-8 text, the text
// every range indexes. The encoding comes from a byte-order mark, else
// from the first XML declaration in the file (a log holds one per
// document), else UTF-8:
//
//   - UTF-16 is read with a byte-order mark, or without one as every text
//     file is (source.UTF16WithoutBOM), whether the file starts with the
//     XML declaration or with a client's log line;
//   - a declared single-byte or other encoding (ISO-8859-1, as BroadWorks
//     declares, ISO-8859-2, windows-1252, …) is transcoded, unless the
//     bytes are valid UTF-8 holding non-ASCII characters: clients that
//     decode responses and log them write UTF-8 but keep the declaration,
//     and Latin-1 text is practically never valid UTF-8;
//   - bytes that are not valid UTF-8 where UTF-8 is declared or implied
//     are read as ISO-8859-1, with a warning.
//
// An encoding bwlint does not know, or a NUL byte after decoding, is an
// error: ok is false and the file yields nothing.
func Decode(path string, raw []byte) (text string, enc source.Encoding, probs []source.Problem, ok bool) {
	if bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) || source.UTF16WithoutBOM(raw) != "" {
		return source.Decode(path, raw)
	}
	body, enc := raw, source.UTF8
	if bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) {
		body, enc = raw[3:], source.UTF8BOM
	}
	declared, declRange := declaredEncoding(path, body)
	valid := utf8.Valid(body)
	switch {
	case declared == "" || isUTF8Name(declared) || isWideName(declared):
		// A UTF-16 or UTF-32 declaration in a file without wide
		// characters was left behind by a tool that re-encoded it.
	case valid && !isASCII(body):
	default:
		e, err := ianaindex.IANA.Encoding(declared)
		if err != nil || e == nil {
			return "", enc, []source.Problem{source.Errorf(declRange,
				"the XML declaration names encoding %q, which bwlint cannot read; save the file as UTF-8 or ISO-8859-1", declared)}, false
		}
		name, err := ianaindex.MIME.Name(e)
		if err != nil || name == "" {
			name, _ = ianaindex.IANA.Name(e)
		}
		decoded, err := decodeWith(e, body)
		if err != nil {
			return "", enc, []source.Problem{source.Errorf(declRange,
				"the file is not valid %s text as its XML declaration says: %v", name, err)}, false
		}
		return finish(path, decoded, source.Encoding(strings.ToLower(name)), nil)
	}
	if valid {
		return finish(path, string(body), enc, nil)
	}
	bad := firstInvalid(body)
	decoded, _ := decodeWith(charmap.ISO8859_1, body)
	ix := newPositions(path, decoded)
	// The offset of the bad byte grows by one for each non-ASCII byte
	// before it, which became two bytes of UTF-8.
	at := bad + countHigh(body[:bad])
	_, size := utf8.DecodeRuneInString(decoded[at:])
	warn := source.Warnf(ix.rng(at, at+size),
		"byte 0x%02X is not valid UTF-8, which the file declares or implies; the file is read as ISO-8859-1", body[bad])
	return finish(path, decoded, ISO88591, []source.Problem{warn})
}

// finish checks decoded text for NUL bytes, which no XML may hold.
func finish(path, text string, enc source.Encoding, probs []source.Problem) (string, source.Encoding, []source.Problem, bool) {
	if i := strings.IndexByte(text, 0); i >= 0 {
		ix := newPositions(path, text[:i+1])
		return "", enc, []source.Problem{source.Errorf(ix.rng(i, i+1), "file holds a NUL byte at offset %d: binary data, not OCI-P XML", i)}, false
	}
	return text, enc, probs, true
}

// declaredEncoding returns the encoding named by the first XML
// declaration in raw, and the range of the name.
func declaredEncoding(path string, raw []byte) (string, hcl.Range) {
	start, end := declEncoding(raw)
	if start < 0 {
		return "", hcl.Range{}
	}
	name := string(raw[start:end])
	// Positions count in the text before the name, which is ASCII up to
	// the declaration in every file this matters for; count it as read.
	prefix := string(raw[:start])
	ix := newPositions(path, prefix+name)
	return name, ix.rng(len(prefix), len(prefix)+len(name))
}

// declEncoding finds the encoding the first XML declaration of s names
// that names one: the offsets of the name, -1 when none does. Only the
// first counts: a log holds one declaration per document, all alike. It
// matches what the regular expression
//
//	<\?xml\s[^>]*?\bencoding\s*=\s*\\?["']([A-Za-z][A-Za-z0-9._:-]{0,63})\\?["']
//
// finds (quotes may be escaped, as in a client's log of a string), without
// compiling it: its bounded repetition made compiling cost about as much
// as reading a small snapshot's OCI-P files, and a goroutine stack of
// 128 KiB.
func declEncoding[T string | []byte](s T) (start, end int) {
	for i := 0; i+6 <= len(s); i++ {
		if s[i] != '<' || string(s[i:i+5]) != "<?xml" || !isRegexpSpace(s[i+5]) {
			continue
		}
		// The shortest run of anything but '>' before "encoding" wins.
		for k := i + 6; k < len(s); k++ {
			if start, end := encodingAttr(s, k); start >= 0 {
				return start, end
			}
			if s[k] == '>' {
				break
			}
		}
	}
	return -1, -1
}

// encodingAttr matches encoding="name" at s[k:], "encoding" starting a
// word, and returns the offsets of the name; -1 when it does not match.
func encodingAttr[T string | []byte](s T, k int) (start, end int) {
	const attr = "encoding"
	if k+len(attr) > len(s) || string(s[k:k+len(attr)]) != attr || isWordByte(s[k-1]) {
		return -1, -1
	}
	j := skipSpaces(s, k+len(attr))
	if j >= len(s) || s[j] != '=' {
		return -1, -1
	}
	j = skipQuote(s, skipSpaces(s, j+1))
	if j < 0 || j >= len(s) || !isASCIILetter(s[j]) {
		return -1, -1
	}
	start, end = j, j+1
	for end < len(s) && end-start < 64 && isEncodingNameByte(s[end]) {
		end++
	}
	if end < len(s) && isEncodingNameByte(s[end]) || skipQuote(s, end) < 0 {
		return -1, -1 // a name longer than 64 characters, or unquoted
	}
	return start, end
}

// skipQuote returns the offset after a quote at s[j:], escaped or not; -1
// when there is none.
func skipQuote[T string | []byte](s T, j int) int {
	if j < len(s) && s[j] == '\\' {
		j++
	}
	if j < len(s) && (s[j] == '"' || s[j] == '\'') {
		return j + 1
	}
	return -1
}

func skipSpaces[T string | []byte](s T, j int) int {
	for j < len(s) && isRegexpSpace(s[j]) {
		j++
	}
	return j
}

// isRegexpSpace is \s of regular expressions: ASCII white space but \v.
func isRegexpSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isWordByte(c byte) bool { return isASCIILetter(c) || '0' <= c && c <= '9' || c == '_' }

func isEncodingNameByte(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '.' || c == '_' || c == ':' || c == '-'
}

func isUTF8Name(name string) bool {
	n := strings.ToLower(name)
	return n == "utf-8" || n == "utf8" || n == "us-ascii" || n == "ascii"
}

func isWideName(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "utf-16") || strings.HasPrefix(n, "utf-32") || n == "ucs-2" || n == "iso-10646-ucs-2"
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func countHigh(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= 0x80 {
			n++
		}
	}
	return n
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return 0
}

func decodeWith(e encoding.Encoding, b []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(b)
	return string(out), err
}
