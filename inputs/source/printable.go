package source

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Printable returns s fit to print on a terminal or into a CI log, where
// a control character is an instruction rather than text: a newline would
// start a line of its own (GitHub Actions reads one that starts "::error"
// as a workflow command), ESC starts a terminal sequence, carriage return
// and backspace overwrite what came before. Every control character — C0,
// DEL, C1, the line and paragraph separators and the bidirectional
// overrides that reorder what a reader sees — is written as an escape in
// Go's notation ("\n", "\x1b", "\u202e"), as is every byte that is not
// UTF-8. Everything else is kept, the tab included: it moves the cursor
// to the next column and no further, and tab-separated captures read
// better with it. Every human-readable report writes the text it did not
// compose through this one function.
func Printable(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !isUnsafe(r):
			b.WriteString(s[i : i+size])
		default:
			b.WriteString(escapeRune(r))
		}
		i += size
	}
	return b.String()
}

// PrintableLines is Printable for text of several lines: each line is
// made printable and the newlines between them are kept.
func PrintableLines(s string) string {
	if !needsEscape(s) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Printable(l)
	}
	return strings.Join(lines, "\n")
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c >= 0x7f {
			return true
		}
	}
	return false
}

// isUnsafe reports the runes Printable escapes.
func isUnsafe(r rune) bool {
	switch {
	case r == '\t':
		return false
	case unicode.IsControl(r):
		return true
	case r == '\u2028', r == '\u2029': // line and paragraph separators
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c':
		return true // bidirectional embeddings, overrides, isolates and marks
	}
	return false
}

func escapeRune(r rune) string {
	switch r {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\v':
		return `\v`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// PrintableArgs makes every string among a Printf call's arguments
// printable, for reports that build lines with a format of their own and
// values from the snapshot or the policy.
func PrintableArgs(args []any) []any {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = Printable(s)
		}
	}
	return args
}

// Clip returns the first limit characters (runes) of s, followed by
// ellipsis when s was longer: how much of an input a message repeats is
// bounded, so that a line of megabytes does not become a message of
// megabytes.
func Clip(s string, limit int, ellipsis string) string {
	n := 0
	for i := range s {
		if n == limit {
			return s[:i] + ellipsis
		}
		n++
	}
	return s
}
