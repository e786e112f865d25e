package source

// EscapeLen returns the length in bytes of the terminal escape sequence
// at the start of s, 0 when s does not start with ESC. Captures taken
// from a terminal or an expect log carry them: colours and erase-line
// (CSI, "ESC [ parameters final"), window titles (OSC, "ESC ] … BEL" or
// "… ESC \", and screen's "ESC k … ESC \"), device-control and similar
// strings (DCS, SOS, PM, APC, up to "ESC \"), character-set designators
// ("ESC ( B", which tput sgr0 prints) and other short escapes such as
// "ESC =" or "ESC 7". A
// sequence cut off by the end of s runs to the end; an ESC followed by a
// byte that starts none of them is one byte long, so that a multi-byte
// character after it is kept whole.
func EscapeLen(s string) int {
	if s == "" || s[0] != 0x1b {
		return 0
	}
	if len(s) == 1 {
		return 1
	}
	i := 2
	switch c := s[1]; {
	case c == '[':
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
			i++ // parameter and intermediate bytes
		}
		if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
			i++ // the final byte
		}
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_' || c == 'k':
		for i < len(s) {
			if c == ']' && s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			i++
		}
	case c >= 0x20 && c <= 0x2f:
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++ // more intermediate bytes
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++ // the final byte
		}
	case c >= 0x30 && c <= 0x7e:
	default:
		return 1
	}
	return i
}
