package source

import (
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
