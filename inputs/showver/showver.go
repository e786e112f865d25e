package showver

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// quoteLimit bounds how much of an unrecognised line a message repeats.
const quoteLimit = 40

// ShowVer is what one bwshowver capture says about its server. Values the
// capture does not hold are zero (Present reports false).
type ShowVer struct {
	// Server is the server type, such as "AS", "XSP" or "ADP".
	Server source.Value
	// Release is the release as printed, without "Rel_": "24.0_1.944".
	// ParseRelease reads it.
	Release source.Value
	// Built is the build date as printed: "Sat Jun  6 00:26:50 EDT 2020".
	Built source.Value
	// Applications are the deployed web applications (XSP and ADP).
	Applications []Application
	// ActivePatches is the number of active patches as printed: "701".
	ActivePatches source.Value
}

// Application is one "- <name> version <version> context path <path>"
// line.
type Application struct {
	Name    source.Value
	Version source.Value
	// ContextPath is the path the application is deployed on, such as
	// "/authservice"; zero when the line names none.
	ContextPath source.Value
	// Range covers the line without its indentation and line ending.
	Range hcl.Range
}

// Looks reports whether text starts like bwshowver output: its first
// non-blank line is "<SERVER> version Rel_<release>", or the shell line
// that ran bwshowver followed by that line. It reads no further, so it is
// cheap enough to call on every .txt file.
func Looks(text string) bool {
	start, shell := 0, false
	for start < len(text) {
		end := start
		for end < len(text) && text[end] != '\n' {
			end++
		}
		s, e := trimBounds(text, start, end)
		if s < e {
			if !shell && isShellLine(text[s:e]) {
				shell, start = true, end+1
				continue
			}
			_, ok := matchVersionLine(text[s:e])
			return ok
		}
		start = end + 1
	}
	return false
}

// isShellLine recognises the shell prompt a capture may start with when
// the operator recorded the command too: "bwadmin@as1$ bwshowver".
func isShellLine(s string) bool {
	at := strings.IndexByte(s, '@')
	prompt := strings.IndexAny(s, "$#>")
	return at > 0 && prompt > at && strings.HasSuffix(s, "bwshowver")
}

// versionLine holds the offsets, relative to the line, of the parts of a
// "<SERVER> version Rel_<release>" line.
type versionLine struct {
	serverEnd                int
	releaseStart, releaseEnd int
}

// matchVersionLine matches a trimmed line against
// "<SERVER> version Rel_<release>...", SERVER being an upper-case word.
func matchVersionLine(line string) (versionLine, bool) {
	var v versionLine
	i := 0
	for i < len(line) && ('A' <= line[i] && line[i] <= 'Z' || i > 0 && ('0' <= line[i] && line[i] <= '9' || line[i] == '_')) {
		i++
	}
	if i == 0 {
		return v, false
	}
	v.serverEnd = i
	const keyword = " version Rel_"
	if !strings.HasPrefix(line[i:], keyword) {
		return v, false
	}
	v.releaseStart = i + len(keyword)
	v.releaseEnd = v.releaseStart
	for v.releaseEnd < len(line) && line[v.releaseEnd] != ' ' && line[v.releaseEnd] != '\t' {
		v.releaseEnd++
	}
	return v, v.releaseEnd > v.releaseStart
}

// Parse reads one bwshowver capture. It always returns a ShowVer holding
// whatever it could read; lines it does not recognise are warnings.
func Parse(path, text string) (*ShowVer, []source.Problem) {
	p := &parser{ix: source.NewIndex(path, text), text: text, sv: &ShowVer{}}
	for line := 1; line <= p.ix.Lines(); line++ {
		start := p.ix.LineStart(line)
		end := len(text)
		if line < p.ix.Lines() {
			end = p.ix.LineStart(line+1) - 1
		}
		s, e := trimBounds(text, start, end)
		if s < e {
			p.parseLine(line, s, e)
		}
	}
	if p.versionLine == 0 {
		p.problems = append(p.problems, source.Errorf(p.ix.Range(0, 0),
			"file holds no text; want bwshowver output starting with \"<SERVER> version Rel_<release>\""))
	}
	return p.sv, p.problems
}

type parser struct {
	ix       *source.Index
	text     string
	sv       *ShowVer
	problems []source.Problem
	// versionLine, builtLine and patchesLine are the lines that set the
	// matching fields, for messages about repeats; 0 until seen.
	versionLine, builtLine, patchesLine int
}

// firstLine returns the number of the first non-blank line.
func (p *parser) firstLine() int {
	for line := 1; line <= p.ix.Lines(); line++ {
		start := p.ix.LineStart(line)
		end := len(p.text)
		if line < p.ix.Lines() {
			end = p.ix.LineStart(line+1) - 1
		}
		if s, e := trimBounds(p.text, start, end); s < e {
			return line
		}
	}
	return 0
}

func (p *parser) warn(r hcl.Range, format string, args ...any) {
	p.problems = append(p.problems, source.Warnf(r, format, args...))
}

// parseLine reads the trimmed line [start, end).
func (p *parser) parseLine(line, start, end int) {
	content := p.text[start:end]
	lineRange := p.ix.RangeOnLine(line, start, end)
	if v, ok := matchVersionLine(p.text[start:end]); ok {
		p.parseVersionLine(line, start, end, v)
		return
	}
	reported := false
	if p.versionLine == 0 && line == p.firstLine() && isShellLine(content) {
		return // the command that printed the output
	}
	if p.versionLine == 0 {
		// Only the first non-blank line can be the version line; report
		// its absence once, there, and read the rest for what it holds.
		p.versionLine = line
		p.problems = append(p.problems, source.Errorf(lineRange,
			"first line %q is not \"<SERVER> version Rel_<release>\"", clip(content)))
		reported = true
	}
	words := fields(p.text, start, end)
	word := func(i int) string { return p.text[words[i][0]:words[i][1]] }
	value := func(i, j int) source.Value { return p.ix.ValueOnLine(line, words[i][0], words[j][1]) }
	switch {
	case word(0) == "Built":
		if len(words) == 1 {
			p.warn(lineRange, "\"Built\" line has no date")
			return
		}
		if p.builtLine != 0 {
			p.warn(lineRange, "second \"Built\" line; the first is at line %d", p.builtLine)
			return
		}
		p.builtLine = line
		p.sv.Built = value(1, len(words)-1)
	case word(0) == "-" && len(words) == 4 && word(2) == "revision":
		// "- BASE revision 909962": the build's source revisions, which no
		// check uses; known so that it is not reported.
	case word(0) == "-" && len(words) >= 4 && word(2) == "version":
		app := Application{Name: value(1, 1), Version: value(3, 3), Range: lineRange}
		switch {
		case len(words) == 4:
		case len(words) == 7 && word(4) == "context" && word(5) == "path":
			app.ContextPath = value(6, 6)
		default:
			p.warn(lineRange, "application line %q does not end in \"context path <path>\"", clip(content))
			return
		}
		p.sv.Applications = append(p.sv.Applications, app)
	case strings.HasPrefix(content, "Active Patches:"):
		p.parseActivePatches(line, start, end, lineRange)
	case isHeading(content):
		// "Patching Info:", "Applications Info:": the lines under a
		// heading are recognised by their own shape.
	case reported:
		// Already an error; a second problem would say the same.
	default:
		p.warn(lineRange, "line not recognised in bwshowver output: %q", clip(content))
	}
}

func (p *parser) parseVersionLine(line, start, end int, v versionLine) {
	if p.sv.Server.Present() {
		p.warn(p.ix.RangeOnLine(line, start, end), "second version line; the first is at line %d", p.versionLine)
		return
	}
	// A version line after other text (say, the shell prompt that ran
	// bwshowver) still names the server; the first line has been
	// reported already.
	p.versionLine = line
	p.sv.Server = p.ix.ValueOnLine(line, start, start+v.serverEnd)
	p.sv.Release = p.ix.ValueOnLine(line, start+v.releaseStart, start+v.releaseEnd)
	if _, ok := ParseRelease(p.sv.Release.Text); !ok {
		p.warn(p.sv.Release.Range, "release %q is not a BroadWorks release such as \"24.0_1.944\" or \"2022.11_1.273\"", clip(p.sv.Release.Text))
	}
	if extra := start + v.releaseEnd; extra < end {
		s, _ := trimBounds(p.text, extra, end)
		p.warn(p.ix.RangeOnLine(line, s, end), "unexpected %q after the release", clip(p.text[s:end]))
	}
}

func (p *parser) parseActivePatches(line, start, end int, lineRange hcl.Range) {
	s, e := trimBounds(p.text, start+len("Active Patches:"), end)
	if p.patchesLine != 0 {
		p.warn(lineRange, "second \"Active Patches\" line; the first is at line %d", p.patchesLine)
		return
	}
	if s == e {
		p.warn(lineRange, "\"Active Patches\" has no count")
		return
	}
	p.patchesLine = line
	p.sv.ActivePatches = p.ix.ValueOnLine(line, s, e)
	for _, c := range p.sv.ActivePatches.Text {
		if c < '0' || c > '9' {
			p.warn(p.sv.ActivePatches.Range, "Active Patches is %q; want a number", clip(p.sv.ActivePatches.Text))
			return
		}
	}
}

// isHeading reports whether a line is a section heading: words ending in a
// colon, with nothing after it.
func isHeading(s string) bool {
	return len(s) > 1 && strings.IndexByte(s, ':') == len(s)-1 && s[0] >= 'A' && s[0] <= 'Z'
}

// fields returns the offsets of the space- or tab-separated words in
// [start, end), which holds at least one word.
func fields(text string, start, end int) [][2]int {
	var out [][2]int
	for i := start; i < end; {
		for i < end && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		j := i
		for j < end && text[j] != ' ' && text[j] != '\t' {
			j++
		}
		if j > i {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// trimBounds narrows [start, end) to exclude surrounding spaces, tabs and
// carriage returns: captures arrive with CRLF endings and trailing spaces.
func trimBounds(text string, start, end int) (int, int) {
	for end > start && (text[end-1] == '\r' || text[end-1] == ' ' || text[end-1] == '\t') {
		end--
	}
	for start < end && (text[start] == ' ' || text[start] == '\t' || text[start] == '\r') {
		start++
	}
	return start, end
}

// clip returns the first quoteLimit characters of s, marking a cut with "...".
func clip(s string) string {
	n := 0
	for i := range s {
		if n == quoteLimit {
			return s[:i] + "..."
		}
		n++
	}
	return s
}
