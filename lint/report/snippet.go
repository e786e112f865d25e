package report

import (
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// sourceLine returns line n (1-based) of a snapshot file, without its line
// ending, or false when the file or line is not available.
func sourceLine(snap *inputs.Snapshot, path string, n int) (string, bool) {
	if snap == nil || n < 1 {
		return "", false
	}
	f := snap.File(path)
	if f == nil || f.Text == "" {
		return "", false
	}
	text := f.Text
	for i := 1; i < n; i++ {
		j := strings.IndexByte(text, '\n')
		if j < 0 {
			return "", false
		}
		text = text[j+1:]
	}
	if j := strings.IndexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	return strings.TrimRight(text, "\r"), true
}

// redactLine hides the value of a "key = value" line whose key names a
// secret, so that a snippet cannot leak what the finding itself withholds.
func redactLine(line string) string {
	key, _, ok := strings.Cut(line, "=")
	if ok && source.IsSecretName(strings.TrimSpace(key)) {
		return key + "= " + source.Redacted
	}
	return line
}

// marked renders the source line of r with a marker row under the range,
// in the style of compilers: "  12 | text" and "     |   ^^^^".
func marked(snap *inputs.Snapshot, r hcl.Range, indent string) []string {
	line, ok := sourceLine(snap, r.Filename, r.Start.Line)
	if !ok {
		return nil
	}
	line = strings.ReplaceAll(redactLine(stripControl(line)), "\t", " ")
	runes := []rune(line)
	start := min(max(r.Start.Column-1, 0), len(runes))
	end := len(runes)
	if r.End.Line == r.Start.Line {
		end = min(max(r.End.Column-1, start), len(runes))
	}
	width := max(end-start, 1)
	num := itoa(r.Start.Line)
	gutter := strings.Repeat(" ", len(num))
	return []string{
		indent + num + " | " + line,
		indent + gutter + " | " + strings.Repeat(" ", start) + strings.Repeat("^", width),
	}
}

// stripControl removes escape sequences and other control characters that
// would garble a terminal.
func stripControl(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
