package source

import "testing"

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, é and 日本":        "plain text, é and 日本",
		"evil\n::error file=x::X.txt": `evil\n::error file=x::X.txt`,
		"\x1b[31mred\x1b[0m":          `\x1b[31mred\x1b[0m`,
		"S3cret\b\b\b\b\b\b******":    `S3cret\b\b\b\b\b\b******`,
		"over\rwrite\ttab\x00nul\x7f": "over\\rwrite\ttab\\x00nul\\x7f",
		"c1 \u009b31m csi":            `c1 \u009b31m csi`,
		"bidi \u202eexe.txt":          `bidi \u202eexe.txt`,
		"latin1 \xe9t\xe9":            `latin1 \xe9t\xe9`,
		"line\u2028sep":               `line\u2028sep`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
	if got := PrintableLines("a\x1b\nb\rc"); got != "a\\x1b\nb\\rc" {
		t.Errorf("PrintableLines = %q", got)
	}
}
