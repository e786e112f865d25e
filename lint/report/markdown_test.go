package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestMarkdownGolden(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			goldenTestdata(t, fx.name+".md", render(t, Markdown, fx))
		})
	}
}

func TestMarkdownEscaping(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"w4b-prov-admn", "w4b-prov-admn"},
		{"a | b", `a \| b`},
		{"*bold* _it_ <b> [x](y)", `\*bold\* \_it\_ \<b\> \[x\](y)`},
		{"line\nbreak", `line\\nbreak`}, // renders as line\nbreak, in one item
		{"evil\x1b[31m", `evil\\x1b\[31m`},
	} {
		if got := mdEscape(tc.in); got != tc.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := mdCode("a`b"); got != "``a`b``" {
		t.Errorf("mdCode = %q, want a longer fence", got)
	}
	if got := mdCode("x|y"); got != "`x\\|y`" {
		t.Errorf("mdCode = %q, want the pipe escaped for tables", got)
	}
}

// TestNoFormatLeaksSecrets renders every format of the mixed fixture,
// whose secret finding carries values, and looks for them.
func TestNoFormatLeaksSecrets(t *testing.T) {
	fx := mixedFixture(t)
	fx.opts.SARIFProfile = SARIFProfileAudit
	for _, name := range Names() {
		rep, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := rep(&buf, fx.res, fx.opts); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Contains(buf.String(), "hunter2") {
			t.Errorf("format %s prints a secret value", name)
		}
	}
}

// TestFormatsAreDeterministic renders every format twice from fresh runs.
func TestFormatsAreDeterministic(t *testing.T) {
	for _, name := range Names() {
		rep, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		a, b := render(t, rep, mixedFixture(t)), render(t, rep, mixedFixture(t))
		if a != b {
			t.Errorf("format %s differs between two identical runs", name)
		}
	}
}
