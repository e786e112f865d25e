package wms

import (
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/source"
)

// Names of the encodings a user import file is found in.
const (
	UTF8    = "UTF-8"
	UTF16LE = "UTF-16LE"
	UTF16BE = "UTF-16BE"
	// Windows1252 is an 8-bit file holding a byte that only Windows-1252
	// (not ISO-8859-1) gives a printable meaning: 0x80 to 0x9F.
	Windows1252 = "Windows-1252"
	// Latin1 is an 8-bit file that ISO-8859-1 and Windows-1252 read alike.
	Latin1 = "ISO-8859-1 or Windows-1252"
)

// Encoding is how a user import file was stored.
type Encoding struct {
	// Name is one of UTF8, UTF16LE, UTF16BE, Windows1252 or Latin1.
	Name string
	// BOM reports a byte-order mark at the start of the file.
	BOM bool
	// FirstInvalid is, for an 8-bit file, its first byte that is not
	// UTF-8, kept as the single raw byte; zero otherwise.
	FirstInvalid source.Value
}

// UTF reports whether the encoding is one Meetings Server imports.
func (e Encoding) UTF() bool { return e.Name == UTF8 || e.Name == UTF16LE || e.Name == UTF16BE }

// FirstInvalidChar is the character FirstInvalid stands for in
// Windows-1252, the usual encoding of such a file on a Windows desktop;
// utf8.RuneError when there is none or the byte means nothing there.
func (e Encoding) FirstInvalidChar() rune {
	if len(e.FirstInvalid.Text) != 1 {
		return utf8.RuneError
	}
	return windows1252(e.FirstInvalid.Text[0])
}

// cp1252 maps the bytes 0x80 to 0x9F of Windows-1252; a zero entry is a
// byte the code page leaves undefined. Every other byte means the same
// code point as in ISO-8859-1.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

func windows1252(b byte) rune {
	switch {
	case b < 0x80 || b >= 0xA0:
		return rune(b)
	case cp1252[b-0x80] != 0:
		return cp1252[b-0x80]
	}
	return utf8.RuneError
}

// decodeFile turns the raw bytes of a user file into text, the way
// source.Decode does for every capture, with two differences that a user
// file needs. Whether the file began with a byte-order mark is kept, for
// the description of the file. Bytes that are not UTF-8 are no input
// problem: the file was read, byte for byte, and its encoding is a fact for
// the check that judges the file.
func decodeFile(path string, raw []byte) (text string, enc Encoding, probs []source.Problem, ok bool) {
	text, srcEnc, probs, ok := source.Decode(path, raw)
	if !ok {
		return "", Encoding{}, probs, false
	}
	switch srcEnc {
	case source.UTF16LE, source.UTF16LENoBOM:
		enc = Encoding{Name: UTF16LE, BOM: srcEnc == source.UTF16LE}
	case source.UTF16BE, source.UTF16BENoBOM:
		enc = Encoding{Name: UTF16BE, BOM: srcEnc == source.UTF16BE}
	default:
		enc = Encoding{Name: UTF8, BOM: srcEnc == source.UTF8BOM}
	}
	if utf8.ValidString(text) {
		return text, enc, probs, true
	}
	// Only an 8-bit file gets here: UTF-16 decodes to valid UTF-8.
	first, windows := -1, false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = i
			}
			if b := text[i]; b >= 0x80 && b < 0xA0 {
				windows = true
				break
			}
		}
		i += size
	}
	enc.Name = Latin1
	if windows {
		enc.Name = Windows1252
	}
	ix := source.NewIndex(path, text)
	enc.FirstInvalid = ix.Value(first, first+1)
	// source.Decode warns of the first such byte; here it is the
	// encoding's description instead.
	kept := probs[:0]
	for _, p := range probs {
		if p.Range.Start.Byte == first && p.Severity == source.Warning && strings.Contains(p.Message, "UTF-8") {
			continue
		}
		kept = append(kept, p)
	}
	return text, enc, kept, true
}
