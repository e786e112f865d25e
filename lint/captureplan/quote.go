package captureplan

import (
	"fmt"
	"strings"
)

// tclQuote writes s as a double-quoted Tcl word that stands for s
// exactly. Letters, digits and punctuation with no meaning inside double
// quotes stand as they are; every other character, the metacharacters
// '$', '[', '\' and '"' first among them, is written as a \u escape, so
// that nothing in s can substitute a variable, run a command or end the
// word.
func tclQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune(" ._-/:@%+,=()<>!?'#", r):
			b.WriteRune(r)
		case r > 0xFFFF:
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tclList writes a Tcl list of quoted words.
func tclList(items []string) string {
	var q []string
	for _, s := range items {
		q = append(q, tclQuote(s))
	}
	if len(q) == 0 {
		return "[list]"
	}
	return "[list " + strings.Join(q, " ") + "]"
}

// shQuote writes s as a single-quoted POSIX shell word: nothing is
// special inside single quotes but the quote itself, which is closed,
// escaped and reopened.
func shQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// commentSafe keeps a comment of a script on its line: control characters
// are replaced (a name with a newline would end the comment and start
// code), and a trailing backslash, which continues a Tcl comment onto
// the next line, is followed by a space.
func commentSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029 {
			return '?'
		}
		return r
	}, s)
	if strings.HasSuffix(s, `\`) {
		s += " "
	}
	return s
}
