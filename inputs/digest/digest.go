package digest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// hexDigits is the length of a SHA-256 digest written in hex.
const hexDigits = 64

// quoteLimit bounds how much of an unreadable line a message repeats, so a
// stray binary or very long line does not flood the report.
const quoteLimit = 40

// Digest is one "digest of file" line.
type Digest struct {
	// Hex is the digest as written; compare it with Equal, which ignores
	// case.
	Hex source.Value
	// Name is the file name the line names. For a line that starts with a
	// backslash, Text is the unescaped name and Range covers its escaped
	// spelling.
	Name source.Value
	// Range covers the line without its line ending and surrounding spaces.
	Range hcl.Range
}

// Short returns the first 12 hex digits in lower case, enough to tell
// digests apart in a message.
func (d Digest) Short() string {
	h := strings.ToLower(d.Hex.Text)
	if len(h) > 12 {
		h = h[:12]
	}
	return h
}

// Equal reports whether a and b record the same content: both hold a full
// SHA-256 digest and the digests match, ignoring case (sha256sum prints
// lower case, other tools upper case). File names are not compared: the
// same key export may be saved under a different name on each server.
func Equal(a, b Digest) bool {
	return isDigest(a.Hex.Text) && strings.EqualFold(a.Hex.Text, b.Hex.Text)
}

// Parse reads the digest lines of one .sha256 file. Lines that cannot be
// read are reported and skipped; the rest still count.
func Parse(path, text string) ([]Digest, []source.Problem) {
	ds, _, probs := ParseFile(path, text)
	return ds, probs
}

// ParseFile is Parse that also says what became of each line.
func ParseFile(path, text string) ([]Digest, source.LineCounts, []source.Problem) {
	p := newParser(source.NewPositions(path, text))
	for sc := source.NewLines(text); ; {
		l, ok := sc.Next()
		if !ok {
			break
		}
		p.parseLine(&l)
	}
	if len(p.digests) == 0 && len(p.problems) == 0 {
		msg := "no digest lines: the file is empty"
		if strings.TrimSpace(text) != "" {
			msg = "no digest lines: the file holds only blank lines and comments"
		}
		at := hcl.Pos{Line: 1, Column: 1}
		p.problems = append(p.problems, source.Errorf(hcl.Range{Filename: path, Start: at, End: at}, "%s", msg))
	}
	return p.digests, p.counts, p.problems
}

// ParseLines reads digest lines that a command such as sha256sum printed
// into a capture: lines as the terminal showed them (see source.Lines),
// positioned in their file by pos.
func ParseLines(pos *source.Positions, lines []source.Line) ([]Digest, source.LineCounts, []source.Problem) {
	p := newParser(pos)
	for i := range lines {
		p.parseLine(&lines[i])
	}
	return p.digests, p.counts, p.problems
}

// IsLine reports whether a trimmed line has the shape of a digest line
// with a full SHA-256 digest, so that sha256sum output is recognised in a
// capture that does not show the command.
func IsLine(s string) bool {
	hex, rest, ok := strings.Cut(s, " ")
	if ok && isDigest(strings.TrimPrefix(hex, "\\")) && strings.TrimLeft(rest, " *") != "" {
		return true
	}
	if strings.HasPrefix(s, "SHA256 (") || strings.HasPrefix(s, "SHA256(") {
		i := strings.LastIndexByte(s, '=')
		return i > 0 && isDigest(strings.TrimSpace(s[i+1:]))
	}
	return false
}

type parser struct {
	pos      *source.Positions
	digests  []Digest
	problems []source.Problem
	counts   source.LineCounts
	// firstLine maps each file name seen to the line that first named it.
	firstLine map[string]int
}

func newParser(pos *source.Positions) *parser {
	return &parser{pos: pos, firstLine: map[string]int{}}
}

// parseLine reads one line. Its content is read without the surrounding
// spaces or tabs that copying a capture between systems tends to add.
func (p *parser) parseLine(l *source.Line) {
	start, end := source.FirstNonBlank(l.Text), len(l.Text)
	if start == end || l.Text[start] == '#' {
		p.counts.Noise++
		return
	}
	n := len(p.problems)
	p.parse(l, start, end)
	if len(p.problems) > n {
		p.counts.NotUnderstood++
	} else {
		p.counts.Values++
	}
}

func (p *parser) parse(l *source.Line, start, end int) {
	// GNU coreutils marks a line whose file name it had to escape with a
	// leading backslash.
	escaped := l.Text[start] == '\\'
	body := start
	if escaped {
		body++
	}
	if p.parseBSD(l, start, body, end, escaped) {
		return
	}
	p.parseGNU(l, start, body, end, escaped)
}

// parseBSD reads "SHA256 (name) = hex", also spelled "SHA256(name)= hex" by
// openssl. It reports whether the line had that shape, in which case it has
// been handled.
func (p *parser) parseBSD(l *source.Line, start, body, end int, escaped bool) bool {
	wordEnd := body
	hasDigit := false
	for wordEnd < end && isAlgorithmByte(l.Text[wordEnd]) {
		hasDigit = hasDigit || ('0' <= l.Text[wordEnd] && l.Text[wordEnd] <= '9')
		wordEnd++
	}
	// Algorithm names are upper case and hold a digit (MD5, SHA1, SHA256),
	// which keeps prose such as "Note (x) = y" out.
	if wordEnd == body || !hasDigit {
		return false
	}
	open := wordEnd
	if open < end && l.Text[open] == ' ' {
		open++
	}
	if open >= end || l.Text[open] != '(' {
		return false
	}
	// The name may itself hold ") = ", the digest cannot: the last ')'
	// closes the name.
	closing := strings.LastIndexByte(l.Text[open+1:end], ')')
	if closing < 0 {
		return false
	}
	closing += open + 1
	hexStart := closing + 1
	if hexStart < end && l.Text[hexStart] == ' ' {
		hexStart++
	}
	if hexStart >= end || l.Text[hexStart] != '=' {
		return false
	}
	hexStart++
	for hexStart < end && l.Text[hexStart] == ' ' {
		hexStart++
	}
	algorithm := l.Text[body:wordEnd]
	switch strings.ToUpper(algorithm) {
	case "SHA256", "SHA2-256", "SHA-256":
	default:
		p.problems = append(p.problems, source.Errorf(p.pos.Range(l, body, wordEnd),
			"line holds a %s digest; want SHA256", algorithm))
		return true
	}
	p.add(l, start, end, hexStart, end, open+1, closing, escaped)
	return true
}

// parseGNU reads "hex  name" (text mode) and "hex *name" (binary mode).
func (p *parser) parseGNU(l *source.Line, start, body, end int, escaped bool) {
	hexEnd := body
	for hexEnd < end && l.Text[hexEnd] != ' ' && l.Text[hexEnd] != '\t' {
		hexEnd++
	}
	hex := l.Text[body:hexEnd]
	var nameStart int
	switch {
	case hexEnd+1 < end && l.Text[hexEnd] == ' ' && (l.Text[hexEnd+1] == ' ' || l.Text[hexEnd+1] == '*'):
		nameStart = hexEnd + 2
	case hexEnd < end && l.Text[hexEnd] == ' ' && isDigest(hex):
		// Some tools separate with one space; a full digest in front
		// makes the line unambiguous.
		nameStart = hexEnd + 1
	case hexEnd == end && isDigest(hex):
		nameStart = end
	default:
		p.problems = append(p.problems, source.Errorf(p.pos.Range(l, start, end),
			"line is not a digest line: %q; want \"<64 hex digits>  <file name>\" or \"SHA256 (<file name>) = <64 hex digits>\"",
			clip(source.RedactText(l.Text[start:end]))))
		return
	}
	p.add(l, start, end, body, hexEnd, nameStart, end, escaped)
}

// add checks the digest and file name found on a line and records the
// digest when both are usable.
func (p *parser) add(l *source.Line, start, end, hexStart, hexEnd, nameStart, nameEnd int, escaped bool) {
	hex := p.pos.Value(l, hexStart, hexEnd)
	if msg := hexProblem(hex.Text); msg != "" {
		p.problems = append(p.problems, source.Errorf(p.ixRange(l, hexStart, hexEnd, start, end), "%s", msg))
		return
	}
	if nameStart >= nameEnd {
		p.problems = append(p.problems, source.Errorf(p.pos.Range(l, start, end),
			"digest %s has no file name", strings.ToLower(hex.Text[:12])))
		return
	}
	name := p.pos.Value(l, nameStart, nameEnd)
	if escaped {
		name.Text = unescapeName(name.Text)
	}
	if first, seen := p.firstLine[name.Text]; seen {
		p.problems = append(p.problems, source.Errorf(name.Range(),
			"file name %q is listed twice; first at line %d", name.Text, first))
		return
	}
	p.firstLine[name.Text] = l.Num
	p.digests = append(p.digests, Digest{Hex: hex, Name: name, Range: p.pos.Range(l, start, end)})
}

// ixRange is the range of a bad digest, or of the whole line when the
// digest is empty ("SHA256 (x) =" with nothing after), so the problem
// still points at something visible.
func (p *parser) ixRange(l *source.Line, hexStart, hexEnd, start, end int) hcl.Range {
	if hexStart == hexEnd {
		return p.pos.Range(l, start, end)
	}
	return p.pos.Range(l, hexStart, hexEnd)
}

// hexProblem describes what is wrong with a digest, or returns "".
func hexProblem(hex string) string {
	n := utf8.RuneCountInString(hex)
	bad := strings.IndexFunc(hex, func(r rune) bool { return !isHexRune(r) })
	switch {
	case n == 0:
		return "digest is empty; want 64 hex digits"
	case n != hexDigits && bad < 0:
		return fmt.Sprintf("digest %q has %d characters; want 64 hex digits%s", clip(hex), n, lengthHint(n))
	case n != hexDigits:
		r, _ := utf8.DecodeRuneInString(hex[bad:])
		return fmt.Sprintf("digest %q has %d characters and non-hex character %q; want 64 hex digits", clip(hex), n, r)
	case bad >= 0:
		r, _ := utf8.DecodeRuneInString(hex[bad:])
		return fmt.Sprintf("digest %q has non-hex character %q; want 64 hex digits", clip(hex), r)
	}
	return ""
}

// lengthHint names the hash a wrong-length digest probably came from: the
// usual mistake is running md5sum or sha1sum instead of sha256sum.
func lengthHint(n int) string {
	switch n {
	case 32:
		return " (an MD5 digest has 32)"
	case 40:
		return " (a SHA-1 digest has 40)"
	case 128:
		return " (a SHA-512 digest has 128)"
	}
	return ""
}

func isDigest(s string) bool {
	if len(s) != hexDigits {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isHexRune(rune(s[i])) {
			return false
		}
	}
	return true
}

func isHexRune(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F'
}

func isAlgorithmByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-'
}

// unescapeName undoes the escapes GNU coreutils writes into a file name
// ("\\", "\n", "\r"); anything else is kept as written.
func unescapeName(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '\\':
				b.WriteByte('\\')
				i++
				continue
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			case 'r':
				b.WriteByte('\r')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// clip returns the first quoteLimit characters of s, marking a cut with "...".
func clip(s string) string { return source.Clip(s, quoteLimit, "...") }
