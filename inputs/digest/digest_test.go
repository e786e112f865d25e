package digest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

const (
	hexA = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea"
	hexB = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"
)

// span prints a range as "line:column-line:column".
func span(r hcl.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

// describe flattens a parse result into lines that show every position.
func describe(ds []Digest, probs []source.Problem) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("digest %s %s name %q %s line %s", d.Short(), span(d.Hex.Range()), d.Name.Text, span(d.Name.Range()), span(d.Range)))
	}
	for _, p := range probs {
		out = append(out, fmt.Sprintf("%s %s: %s", span(p.Range), p.Severity, p.Message))
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{{
		name: "text and binary mode",
		text: hexA + "  /var/broadworks/tmp/authService.keys\n" + hexB + " *xsp2.keys\n",
		want: []string{
			"digest 3f79bb7b435b 1:1-1:65 name \"/var/broadworks/tmp/authService.keys\" 1:67-1:103 line 1:1-1:103",
			"digest 9f86d081884c 2:1-2:65 name \"xsp2.keys\" 2:67-2:76 line 2:1-2:76",
		},
	}, {
		name: "CRLF, trailing spaces, comments and blank lines",
		text: "# exported on xsp1\r\n\r\n" + hexA + "  authService.keys  \r\n   \r\n",
		want: []string{
			"digest 3f79bb7b435b 3:1-3:65 name \"authService.keys\" 3:67-3:83 line 3:1-3:83",
		},
	}, {
		name: "BSD and openssl styles",
		text: "SHA256 (a.keys) = " + hexA + "\nSHA2-256(b.keys)= " + hexB + "\n",
		want: []string{
			"digest 3f79bb7b435b 1:19-1:83 name \"a.keys\" 1:9-1:15 line 1:1-1:83",
			"digest 9f86d081884c 2:19-2:83 name \"b.keys\" 2:10-2:16 line 2:1-2:83",
		},
	}, {
		// "ключи" is five code points but ten bytes: the digest starts at
		// column 18 although it starts at byte 22.
		name: "columns count code points",
		text: "SHA256 (ключи) = " + hexA,
		want: []string{
			"digest 3f79bb7b435b 1:18-1:82 name \"ключи\" 1:9-1:14 line 1:1-1:82",
		},
	}, {
		name: "escaped file name",
		text: `\` + hexA + `  dir\\new\nname`,
		want: []string{
			"digest 3f79bb7b435b 1:2-1:66 name \"dir\\\\new\\nname\" 1:68-1:82 line 1:1-1:82",
		},
	}, {
		name: "single space after a full digest",
		text: hexA + " authService.keys",
		want: []string{
			"digest 3f79bb7b435b 1:1-1:65 name \"authService.keys\" 1:66-1:82 line 1:1-1:82",
		},
	}, {
		name: "not a digest line",
		text: "Exported the keys to /var/broadworks/tmp/authService.keys on xsp1\n" + hexA + "  ok.keys\n",
		want: []string{
			"digest 3f79bb7b435b 2:1-2:65 name \"ok.keys\" 2:67-2:74 line 2:1-2:74",
			`1:1-1:66 error: line is not a digest line: "Exported the keys to /var/broadworks/tmp..."; want "<64 hex digits>  <file name>" or "SHA256 (<file name>) = <64 hex digits>"`,
		},
	}, {
		name: "wrong length and non-hex digits",
		text: "d41d8cd98f00b204e9800998ecf8427e  md5.keys\n" +
			"é" + hexA[1:] + "  accent.keys\n" +
			"xyz  short.keys\n" +
			"SHA256 (empty.keys) =\n",
		want: []string{
			`1:1-1:33 error: digest "d41d8cd98f00b204e9800998ecf8427e" has 32 characters; want 64 hex digits (an MD5 digest has 32)`,
			`2:1-2:65 error: digest "éf79bb7b435b05321651daefd374cdc681dc06fa..." has non-hex character 'é'; want 64 hex digits`,
			`3:1-3:4 error: digest "xyz" has 3 characters and non-hex character 'x'; want 64 hex digits`,
			`4:1-4:22 error: digest is empty; want 64 hex digits`,
		},
	}, {
		name: "same file twice",
		text: hexA + "  authService.keys\n" + hexB + "  authService.keys\n",
		want: []string{
			"digest 3f79bb7b435b 1:1-1:65 name \"authService.keys\" 1:67-1:83 line 1:1-1:83",
			`2:67-2:83 error: file name "authService.keys" is listed twice; first at line 1`,
		},
	}, {
		name: "digest without a file name",
		text: hexA + "\n" + hexB + " *\n",
		want: []string{
			"1:1-1:65 error: digest 3f79bb7b435b has no file name",
			"2:1-2:67 error: digest 9f86d081884c has no file name",
		},
	}, {
		name: "other algorithm",
		text: "MD5 (authService.keys) = d41d8cd98f00b204e9800998ecf8427e\n",
		want: []string{
			"1:1-1:4 error: line holds a MD5 digest; want SHA256",
		},
	}, {
		name: "empty file",
		text: "",
		want: []string{"1:1-1:1 error: no digest lines: the file is empty"},
	}, {
		name: "comments only",
		text: "# nothing captured\n\n",
		want: []string{"1:1-1:1 error: no digest lines: the file holds only blank lines and comments"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, probs := Parse("keys/xsp1.sha256", tt.text)
			if diff := cmp.Diff(tt.want, describe(ds, probs)); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
			checkInvariants(t, "keys/xsp1.sha256", tt.text, ds, probs)
		})
	}
}

func TestEqualAndShort(t *testing.T) {
	ds, probs := Parse("a.sha256", hexA+"  a\n"+strings.ToUpper(hexA)+"  b\n"+hexB+"  c\n")
	if len(probs) != 0 || len(ds) != 3 {
		t.Fatalf("Parse = %d digests, problems %v", len(ds), probs)
	}
	got := []bool{Equal(ds[0], ds[1]), Equal(ds[0], ds[2]), Equal(Digest{}, Digest{})}
	if diff := cmp.Diff([]bool{true, false, false}, got); diff != "" {
		t.Errorf("Equal mismatch (-want +got):\n%s", diff)
	}
	if got := ds[1].Short(); got != "3f79bb7b435b" {
		t.Errorf("Short() = %q, want lower case first 12 digits", got)
	}
	if ds[1].Hex.Text != strings.ToUpper(hexA) {
		t.Errorf("Hex.Text = %q, want it as written", ds[1].Hex.Text)
	}
}

// checkInvariants is the fuzz oracle: every value slices back to its text
// (escaped file names: to their escaped spelling) at the positions the
// index computes, and every problem range lies inside the text.
func checkInvariants(t *testing.T, path string, text string, ds []Digest, probs []source.Problem) {
	t.Helper()
	ix := source.NewIndex(path, text)
	checkRange := func(what string, r hcl.Range) bool {
		t.Helper()
		if r.Filename != path || r.Start.Byte < 0 || r.Start.Byte > r.End.Byte || r.End.Byte > len(text) {
			t.Errorf("%s range %+v lies outside the %d-byte text", what, r, len(text))
			return false
		}
		if r.Start != ix.Pos(r.Start.Byte) || r.End != ix.Pos(r.End.Byte) {
			t.Errorf("%s range %+v, want %+v-%+v", what, r, ix.Pos(r.Start.Byte), ix.Pos(r.End.Byte))
			return false
		}
		return true
	}
	for _, d := range ds {
		checkRange("digest line", d.Range)
		for _, v := range []source.Value{d.Hex, d.Name} {
			if !checkRange("value", v.Range()) {
				continue
			}
			raw := string(text[v.Range().Start.Byte:v.Range().End.Byte])
			escaped := text[d.Range.Start.Byte] == '\\'
			// The value is its bytes, or what a terminal showed of them.
			shown, _ := source.NewLines(raw).Next()
			if v.Text != raw && v.Text != shown.Text && (!escaped || (v.Text != unescapeName(raw) && v.Text != unescapeName(shown.Text))) {
				t.Errorf("value %q has range %s holding %q", v.Text, span(v.Range()), raw)
			}
		}
	}
	for _, p := range probs {
		checkRange("problem", p.Range)
		if p.Message == "" {
			t.Errorf("problem at %s has no message", span(p.Range))
		}
	}
}
