package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
)

func TestPlainCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"set `allowUserApp` to false", "set allowUserApp to false"},
		{"mark it with `\"default\": true` in its file", `mark it with "default": true in its file`},
		{"``a`b`` and `c`", "a`b and c"},
		{"`` `x` ``", "`x`"},
		{"a lone ` stays", "a lone ` stays"},
		{"`open ``never closed", "`open ``never closed"},
		{"no code", "no code"},
	} {
		if got := plainCode(tc.in); got != tc.want {
			t.Errorf("plainCode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestTextFixWithoutMarkdown: the fix is printed as plain text, except
// inside a code block, which is printed as it is.
func TestTextFixWithoutMarkdown(t *testing.T) {
	fx := exampleFixture(t)
	c := &lint.Check{Name: "xsp_fixture_flag", Fix: "Set `allowUserApp` to `false`:\n\n```\nXSP_CLI/X> set `odd` value\n```\n\nThen run `get`."}
	fx.res.Checks = []*lint.Check{c}
	var buf bytes.Buffer
	if err := Text(&buf, fx.res, fx.opts); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"      Set allowUserApp to false:\n", "      XSP_CLI/X> set `odd` value\n", "      Then run get.\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
}
