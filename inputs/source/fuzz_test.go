package source

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// FuzzDecode checks Decode against an independent decoding and checks that
// Index gives every offset of the result a valid, consistent position, for
// any bytes: odd-length UTF-16, NUL bytes, invalid UTF-8, CR without LF.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("AS_CLI> get\r\n  a = b\r\n"))
	f.Add([]byte("\xef\xbb\xbfAS_CLI> get\n  é = ü\n"))
	f.Add([]byte("\xff\xfeA\x00S\x00\n\x00\x3d\xd8\x00\xde"))       // UTF-16LE with a surrogate pair
	f.Add([]byte("\xfe\xff\x00A\x00\n\x00"))                        // UTF-16BE, odd length
	f.Add([]byte("\x1f\x8b\x08\x00binary"))                         // gzip-like, NUL at offset 3
	f.Add([]byte("caf\xe9\nna\xefve\n"))                            // ISO-8859-1
	f.Add([]byte("\xff\xfe\x00\xd8A\x00\r\x00\n\x00\x00\x00x\x00")) // lone surrogate, then NUL
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, enc, probs, ok := Decode("f.txt", raw)
		want, wantEnc := referenceDecode(raw)
		if enc != wantEnc {
			t.Fatalf("encoding %s, want %s", enc, wantEnc)
		}
		if (enc == UTF16LE || enc == UTF16BE) && len(raw)%2 != 0 {
			if ok || text != "" || len(probs) != 1 || probs[0].Severity != Error || probs[0].Range.Start.Line != 0 {
				t.Fatalf("odd-length UTF-16: text %q, problems %v; want no text and one file-level error", text, probs)
			}
			return
		}
		if nul := bytes.IndexByte(want, 0); nul >= 0 {
			ix := NewIndex("f.txt", string(want))
			if ok || text != "" || len(probs) != 1 || probs[0].Severity != Error {
				t.Fatalf("NUL at %d: text %q, problems %v; want no text and one error", nul, text, probs)
			}
			if got, wantR := probs[0].Range, ix.Range(nul, nul+1); got != wantR {
				t.Fatalf("NUL problem at %+v, want %+v", got, wantR)
			}
			checkIndex(t, string(want))
			return
		}
		if !ok || text != string(want) {
			t.Fatalf("text %q (ok %v), want %q", text, ok, want)
		}
		// A file whose lines end in CR alone is warned about first.
		if cr := bytes.IndexByte(want, '\r'); cr >= 0 && cr+1 < len(want) && bytes.IndexByte(want, '\n') < 0 {
			if len(probs) == 0 || probs[0].Severity != Warning || !strings.Contains(probs[0].Message, "CR alone") {
				t.Fatalf("CR-only line endings: problems %v; want a warning first", probs)
			}
			probs = probs[1:]
		}
		if utf8.Valid(want) {
			if len(probs) != 0 {
				t.Fatalf("valid UTF-8 gave problems %v", probs)
			}
		} else {
			bad := 0
			for r, size := utf8.DecodeRune(want); r != utf8.RuneError || size != 1; r, size = utf8.DecodeRune(want[bad:]) {
				bad += size
			}
			ix := NewIndex("f.txt", string(want))
			if len(probs) != 1 || probs[0].Severity != Warning || probs[0].Range != ix.Range(bad, bad+1) {
				t.Fatalf("invalid UTF-8 at %d: problems %v; want one warning there", bad, probs)
			}
		}
		checkIndex(t, text)
	})
}

// referenceDecode decodes raw the straightforward way, for comparison.
func referenceDecode(raw []byte) ([]byte, Encoding) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return raw[3:], UTF8BOM
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		enc := UTF16LE
		if raw[0] == 0xFE {
			enc = UTF16BE
		}
		var units []uint16
		for i := 2; i+1 < len(raw); i += 2 {
			if enc == UTF16BE {
				units = append(units, uint16(raw[i])<<8|uint16(raw[i+1]))
			} else {
				units = append(units, uint16(raw[i+1])<<8|uint16(raw[i]))
			}
		}
		return []byte(string(utf16.Decode(units))), enc
	}
	return raw, UTF8
}

// checkIndex checks the offsets of text: its position has a line that
// holds it and a column that counts code points from the line's start, and
// the line-local and range forms agree with Pos.
func checkIndex(t *testing.T, text string) {
	t.Helper()
	ix := NewIndex("f.txt", text)
	if ix.Lines() != strings.Count(text, "\n")+1 {
		t.Fatalf("Lines() = %d for %d newlines", ix.Lines(), strings.Count(text, "\n"))
	}
	// Every offset of a short text; a sample of a long one, so that a large
	// input does not stall the fuzzer on this quadratic check.
	step := 1 + len(text)/512
	for off := 0; off <= len(text); off += step {
		p := ix.Pos(off)
		if p.Byte != off || p.Line < 1 || p.Line > ix.Lines() {
			t.Fatalf("Pos(%d) = %+v", off, p)
		}
		ls := ix.LineStart(p.Line)
		if ls > off || strings.IndexByte(text[ls:off], '\n') >= 0 {
			t.Fatalf("Pos(%d) = %+v, but line %d starts at %d", off, p, p.Line, ls)
		}
		if want := utf8.RuneCountInString(text[ls:off]) + 1; p.Column != want {
			t.Fatalf("Pos(%d) column %d, want %d", off, p.Column, want)
		}
		if q := ix.PosOnLine(p.Line, off); q != p {
			t.Fatalf("PosOnLine(%d, %d) = %+v, Pos = %+v", p.Line, off, q, p)
		}
		if r := ix.Range(0, off); r.Start != ix.Pos(0) || r.End != p || r.Filename != "f.txt" {
			t.Fatalf("Range(0, %d) = %+v", off, r)
		}
		if v := ix.Value(ls, off); v.Text != text[ls:off] || v.Range().End != p {
			t.Fatalf("Value(%d, %d) = %+v", ls, off, v)
		}
	}
}
