package source

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// TestLines pins down what a terminal shows of each kind of line, and
// where each byte shown came from.
func TestLines(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string // the text of each line
	}{
		{"plain lines, CRLF, trailing blanks, no final newline", "a b  \r\nc\r\r\n\nd", []string{"a b", "c", "", "d"}},
		{"colours, erase-line, window title, charset designator", "\x1b]0;title\x07\x1b[1;32mAS_CLI>\x1b[0m get\x1b[K\n  allowUserApp = false\x1b(B\x1b[m\n", []string{"AS_CLI> get", "  allowUserApp = false"}},
		{"screen's title sequence", "\x1bkbwadmin@as1\x1b\\AS_CLI> get\n", []string{"AS_CLI> get"}},
		{"backspace and DEL erase, whatever the echo", "gte\b\b\bget\ngett\x7f\ngett\b \b\n\b\bx\n", []string{"get", "get", "get", "x"}},
		{"backspace erases a whole character", "caf\u00e9\bx\n", []string{"cafx"}},
		{"a carriage return followed by text starts the line over", "50%\r100%\nxyz\rAS_CLI> get\nabc\r   \n", []string{"100%", "AS_CLI> get", "abc"}},
		{"bells ring and show nothing", "a\x07b\n", []string{"ab"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for sc := NewLines(tc.in); ; {
				l, ok := sc.Next()
				if !ok {
					break
				}
				got = append(got, l.Text)
				checkLine(t, tc.in, &l)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("lines (-want +got):\n%s", d)
			}
		})
	}
}

// checkLine checks that each byte shown comes from its own offset of the
// line, in order, and that a line shown as captured is its bytes.
func checkLine(t *testing.T, text string, l *Line) {
	t.Helper()
	if l.Start > l.End || l.End > len(text) || strings.Contains(text[l.Start:l.End], "\n") {
		t.Fatalf("line %d spans %d-%d of %d bytes", l.Num, l.Start, l.End, len(text))
	}
	prev := l.Start - 1
	for i := 0; i < len(l.Text); i++ {
		at := l.Abs(i)
		if at <= prev || at >= l.End || text[at] != l.Text[i] {
			t.Fatalf("line %d byte %d (%q) maps to offset %d (after %d, line ends at %d)", l.Num, i, l.Text[i], at, prev, l.End)
		}
		prev = at
	}
	if end := l.Abs(len(l.Text)); len(l.Text) > 0 && end != l.Abs(len(l.Text)-1)+1 {
		t.Fatalf("line %d ends at %d, just past its last byte is %d", l.Num, end, l.Abs(len(l.Text)-1)+1)
	}
	if !l.Cleaned() && text[l.Start:l.Start+len(l.Text)] != l.Text {
		t.Fatalf("line %d is not its bytes", l.Num)
	}
}

func TestEraseCarets(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"AS_CLI> gx^Het", "AS_CLI> get"},
		{"AS_CLI> ^H^Hget", "AS_CLI> get"},
		{"AS_CLI> gett^?", "AS_CLI> get"},
		{"AS_CLI> set a ^b", "AS_CLI> set a ^b"},
	} {
		sc := NewLines(tc.in)
		l, _ := sc.Next()
		l.EraseCarets(len("AS_CLI> "))
		if l.Text != tc.want {
			t.Errorf("EraseCarets(%q) = %q, want %q", tc.in, l.Text, tc.want)
		}
		checkLine(t, tc.in, &l)
	}
}

func FuzzLines(f *testing.F) {
	f.Add("a\r\nb\x1b[1mc\x1b(B\n\b\x7fd\re\x07\n^H")
	f.Fuzz(func(t *testing.T, text string) {
		n := 0
		for sc := NewLines(text); ; {
			l, ok := sc.Next()
			if !ok {
				break
			}
			n++
			if l.Num != n {
				t.Fatalf("line %d numbered %d", n, l.Num)
			}
			checkLine(t, text, &l)
			c := l
			c.EraseCarets(len(c.Text) / 2)
			checkLine(t, text, &c)
		}
		if want := strings.Count(text, "\n") + 1; text != "" && !strings.HasSuffix(text, "\n") && n != want || strings.HasSuffix(text, "\n") && n != want-1 {
			t.Fatalf("%d lines for %d line breaks", n, strings.Count(text, "\n"))
		}
	})
}

func TestProblemsBounded(t *testing.T) {
	var ps Problems
	for range MaxProblems + 5 {
		ps.Add(Notef(hclRange(1), "n"))
	}
	ps.Add(Errorf(hclRange(2), "e"))
	list := ps.List()
	if len(list) != MaxProblems+2 {
		t.Fatalf("%d problems, want %d kept, the error and one summary", len(list), MaxProblems+2)
	}
	last := list[len(list)-1]
	if last.Severity != Note || last.Message != "5 more notes in this file are not listed (only the first 200 of each kind are)" {
		t.Errorf("summary %v", last)
	}
	if Note.String() != "note" || Note >= Warning || Warning >= Error {
		t.Errorf("severities out of order")
	}
}

func hclRange(line int) hcl.Range {
	return hcl.Range{Filename: "f", Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line, Column: 1}}
}
