package source

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecodeString holds DecodeString to Decode on the shapes files come
// in, and to its reason to be: the text of a UTF-8 file is the string
// read, not a copy of it.
func TestDecodeString(t *testing.T) {
	for name, raw := range map[string]string{
		"utf-8":           "AS_CLI> get\n  a = b\n",
		"utf-8 bom crlf":  "\xEF\xBB\xBFAS_CLI> get\r\n  a = b\r\n",
		"utf-16le":        "\xFF\xFEA\x00S\x00\r\x00\n\x00",
		"utf-16be":        "\xFE\xFF\x00A\x00S\x00\n",
		"utf-16le no bom": "A\x00S\x00\r\x00\n\x00",
		"utf-16 odd":      "\xFF\xFEA\x00S",
		"nul":             "AS_CLI> get\n\x00\x00",
		"cr alone":        "AS_CLI> get\r  a = b\r",
		"latin-1":         "  lastName = Mu\xF1oz\n",
		"empty":           "",
		"bom only":        "\xEF\xBB\xBF",
		"utf-16 bom only": "\xFF\xFE",
	} {
		t.Run(name, func(t *testing.T) {
			text, enc, probs, ok := Decode("f.txt", []byte(raw))
			stext, senc, sprobs, sok := DecodeString("f.txt", raw)
			if diff := cmp.Diff([]any{text, enc, probs, ok}, []any{stext, senc, sprobs, sok}); diff != "" {
				t.Errorf("Decode (-) and DecodeString (+) differ:\n%s", diff)
			}
		})
	}
	raw := "\xEF\xBB\xBF" + "XSP_CLI/Interface/Http/HttpServer> get\n  Interface IP  Port\n"
	if n := testing.AllocsPerRun(10, func() { DecodeString("f.txt", raw) }); n != 0 {
		t.Errorf("DecodeString of UTF-8 text allocates %v times; its text should be the string read", n)
	}
}

// TestDecodeUTF16WithoutBOM: UTF-16 that a Windows tool or clipboard wrote
// without a byte-order mark is text, decoded and named as such; binary
// data, whose zero bytes fall anywhere, is still refused at its first NUL.
func TestDecodeUTF16WithoutBOM(t *testing.T) {
	const transcript = "AS_CLI/Interface/Http/HttpServer> get\r\n  Interface  Port  Name\r\n  =====================\r\n  10.0.0.1   443   xsp1.example.net\r\n"
	le, be := make([]byte, 0, 2*len(transcript)), make([]byte, 0, 2*len(transcript))
	for _, c := range []byte(transcript) {
		le = append(le, c, 0)
		be = append(be, 0, c)
	}
	for _, tc := range []struct {
		name string
		raw  []byte
		enc  Encoding
	}{{"little-endian", le, UTF16LENoBOM}, {"big-endian", be, UTF16BENoBOM}} {
		text, enc, probs, ok := Decode("hosts/as1/http.txt", tc.raw)
		if !ok || enc != tc.enc || text != transcript || len(probs) != 0 {
			t.Errorf("%s: ok %v, encoding %q, text %.40q, problems %v; want the transcript as %s", tc.name, ok, enc, text, probs, tc.enc)
		}
	}
	for name, raw := range map[string]string{
		// A gzip header and a few bytes of deflate data.
		"gzip": "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x07\x00",
		// Little-endian 16-bit counters: zero high bytes, but zero low
		// bytes too.
		"counters": "\x01\x00\x02\x00\x00\x00\x04\x00",
		// UTF-16LE of text holding a NUL character.
		"utf-16 with a NUL": "A\x00S\x00\x00\x00\n\x00",
	} {
		if _, enc, probs, ok := Decode("hosts/as1/x.txt", []byte(raw)); ok || len(probs) != 1 || !strings.Contains(probs[0].Message, "binary data") {
			t.Errorf("%s: ok %v, encoding %q, problems %v; want it refused as binary", name, ok, enc, probs)
		}
	}
}
