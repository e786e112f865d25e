package source

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// Encoding names how a file was stored on disk.
type Encoding string

// The encodings Decode recognises.
const (
	UTF8    Encoding = "utf-8"
	UTF8BOM Encoding = "utf-8-bom"
	UTF16LE Encoding = "utf-16le"
	UTF16BE Encoding = "utf-16be"
	// UTF-16 recognised without a byte-order mark.
	UTF16LENoBOM Encoding = "utf-16le-nobom"
	UTF16BENoBOM Encoding = "utf-16be-nobom"
)

// Decode turns the raw bytes of a text input into UTF-8 without a byte-order
// mark. UTF-16 is recognised by its byte-order mark, which most Windows
// tools write, or without one by the zero bytes of its ASCII characters
// (see UTF16WithoutBOM): some Windows tools, iconv and copy and paste
// through a Windows clipboard write none.
//
// The text is returned as a string, the form every parser and the model
// keep: values are substrings of it, so a file's bytes are held once.
//
// A file that contains NUL bytes after decoding is not text; Decode returns
// an error problem at the first NUL and ok false. Bytes that are not valid
// UTF-8 are kept as they are (older servers print ISO-8859-1) and reported as
// one warning at the first such byte.
func Decode(path string, raw []byte) (text string, enc Encoding, probs []Problem, ok bool) {
	return decode(path, raw)
}

// DecodeString is Decode of bytes already held in a string, as
// bounded.ReadString reads them: the text of a UTF-8 file is then that
// string itself, or a substring of it, and no copy is made.
func DecodeString(path, raw string) (text string, enc Encoding, probs []Problem, ok bool) {
	return decode(path, raw)
}

func decode[T string | []byte](path string, raw T) (text string, enc Encoding, probs []Problem, ok bool) {
	switch {
	case hasPrefix(raw, "\xEF\xBB\xBF"):
		text, enc = string(raw[3:]), UTF8BOM
	case hasPrefix(raw, "\xFF\xFE"), hasPrefix(raw, "\xFE\xFF"):
		enc = UTF16LE
		if raw[0] == 0xFE {
			enc = UTF16BE
		}
		if len(raw)%2 != 0 {
			return "", enc, []Problem{Errorf(hcl.Range{Filename: path}, "file starts with a %s byte-order mark but has an odd number of bytes (%d); it is not UTF-16 text", enc, len(raw))}, false
		}
		text = decodeUTF16(raw[2:], enc == UTF16BE)
	default:
		if enc = UTF16WithoutBOM(raw); enc != "" {
			text = decodeUTF16(raw, enc == UTF16BENoBOM)
			break
		}
		text, enc = string(raw), UTF8
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		ix := NewIndex(path, text[:i+1])
		return "", enc, []Problem{Errorf(ix.Range(i, i+1), "file holds a NUL byte at offset %d: binary data, not a text capture", i)}, false
	}
	if cr := strings.IndexByte(text, '\r'); cr >= 0 && cr+1 < len(text) && strings.IndexByte(text, '\n') < 0 {
		// Ranges index the bytes as stored, so the lines cannot be
		// split here; say why the file reads as one line.
		ix := NewIndex(path, text)
		probs = append(probs, Warnf(ix.Range(cr, cr+1), "lines end in CR alone (classic Mac OS line endings), so the file reads as one line; convert it to LF or CRLF endings, for example with tr '\\r' '\\n'"))
	}
	if !utf8.ValidString(text) {
		i := firstInvalidUTF8(text)
		ix := NewIndex(path, text)
		probs = append(probs, Warnf(ix.Range(i, i+1), "byte 0x%02X is not valid UTF-8; non-UTF-8 bytes are kept as they are", text[i]))
	}
	return text, enc, probs, true
}

// UTF16WithoutBOM recognises UTF-16 text that has no byte-order mark by
// the zero bytes of its ASCII characters, of which captures, logs and
// import files are mostly made: in its first 512 bytes, at least nine in
// ten of the high bytes are zero and no low byte is. It returns
// UTF16LENoBOM or UTF16BENoBOM, or "" for anything else, a file with a byte-order mark
// included. Binary data rarely passes, and when it does its NUL
// characters still refuse it once decoded.
func UTF16WithoutBOM[T string | []byte](raw T) Encoding {
	if len(raw) < 4 || len(raw)%2 != 0 {
		return ""
	}
	if hasPrefix(raw, "\xFF\xFE") || hasPrefix(raw, "\xFE\xFF") {
		return "" // it has one
	}
	n := min(len(raw), 512)
	var zeroEven, zeroOdd int
	for i := 0; i+1 < n; i += 2 {
		if raw[i] == 0 {
			zeroEven++
		}
		if raw[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case raw[0] != 0 && raw[1] == 0 && zeroOdd*10 >= pairs*9 && zeroEven == 0:
		return UTF16LENoBOM
	case raw[0] == 0 && raw[1] != 0 && zeroEven*10 >= pairs*9 && zeroOdd == 0:
		return UTF16BENoBOM
	}
	return ""
}

func hasPrefix[T string | []byte](b T, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}

func decodeUTF16[T string | []byte](b T, bigEndian bool) string {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(units))
}

func firstInvalidUTF8(b string) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRuneInString(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return 0
}
