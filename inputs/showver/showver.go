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
	lines := source.NewLines(text)
	shell := false
	for {
		l, ok := lines.Next()
		if !ok {
			return false
		}
		s := strings.TrimSpace(l.Text)
		if s == "" {
			continue
		}
		if !shell && isShellLine(s) {
			shell = true
			continue
		}
		return IsVersionLine(s)
	}
}

// IsVersionLine reports whether a trimmed line is bwshowver's first line,
// "<SERVER> version Rel_<release>".
func IsVersionLine(s string) bool {
	_, ok := matchVersionLine(s)
	return ok
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
	var lines []source.Line
	for sc := source.NewLines(text); ; {
		l, ok := sc.Next()
		if !ok {
			break
		}
		lines = append(lines, l)
	}
	pos := source.NewPositions(path, text)
	sv, _, probs := ParseLines(pos, lines, true)
	if !sv.Server.Present() && len(probs) == 0 {
		at := hcl.Pos{Line: 1, Column: 1}
		probs = append(probs, source.Errorf(hcl.Range{Filename: path, Start: at, End: at},
			"file holds no text; want bwshowver output starting with \"<SERVER> version Rel_<release>\""))
	}
	return sv, probs
}

// ParseLines reads the output of bwshowver from lines of a capture, as
// the terminal showed them (see source.Lines); pos positions them in
// their file. With shell set, a first line that is the shell prompt which
// ran bwshowver is accepted. It returns what it read (Server is absent
// when the output holds no version line), what became of each line, and
// the problems.
func ParseLines(pos *source.Positions, lines []source.Line, shell bool) (*ShowVer, source.LineCounts, []source.Problem) {
	p := &parser{pos: pos, sv: &ShowVer{}}
	first := true
	for i := range lines {
		l := &lines[i]
		s := source.FirstNonBlank(l.Text)
		if s == len(l.Text) {
			p.counts.Noise++
			continue
		}
		p.parseLine(l, s, first && shell)
		first = false
	}
	return p.sv, p.counts, p.problems
}

type parser struct {
	pos      *source.Positions
	sv       *ShowVer
	problems []source.Problem
	counts   source.LineCounts
	// versionLine, builtLine and patchesLine are the lines that set the
	// matching fields, for messages about repeats; 0 until seen.
	versionLine, builtLine, patchesLine int
}

func (p *parser) warn(r hcl.Range, format string, args ...any) {
	p.problems = append(p.problems, source.Warnf(r, format, args...))
}

// parseLine reads line l, whose text starts at byte start.
func (p *parser) parseLine(l *source.Line, start int, first bool) {
	content := l.Text[start:]
	lineRange := p.pos.Range(l, start, len(l.Text))
	if v, ok := matchVersionLine(content); ok {
		p.parseVersionLine(l, start, v)
		return
	}
	if p.versionLine == 0 && first && isShellLine(content) {
		p.counts.Commands++
		return // the command that printed the output
	}
	if p.versionLine == 0 {
		// Only the first non-blank line can be the version line; report
		// its absence once, there, and read the rest for what it holds.
		p.versionLine = l.Num
		p.counts.NotUnderstood++
		p.problems = append(p.problems, source.Errorf(lineRange,
			"first line %q is not \"<SERVER> version Rel_<release>\"", clip(content)))
		return
	}
	words := source.Words(nil, l.Text, start, len(l.Text))
	word := func(i int) string { return l.Text[words[i][0]:words[i][1]] }
	value := func(i, j int) source.Value { return p.pos.Value(l, words[i][0], words[j][1]) }
	p.counts.Values++
	switch {
	case word(0) == "Built":
		if len(words) == 1 {
			p.notUnderstood(lineRange, "\"Built\" line has no date")
			return
		}
		if p.builtLine != 0 {
			p.notUnderstood(lineRange, "second \"Built\" line; the first is at line %d", p.builtLine)
			return
		}
		p.builtLine = l.Num
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
			p.notUnderstood(lineRange, "application line %q does not end in \"context path <path>\"", clip(content))
			return
		}
		p.sv.Applications = append(p.sv.Applications, app)
	case strings.HasPrefix(content, "Active Patches:"):
		p.parseActivePatches(l, start, lineRange)
	case isHeading(content):
		// "Patching Info:", "Applications Info:": the lines under a
		// heading are recognised by their own shape.
		p.counts.Values--
		p.counts.Help++
	default:
		p.notUnderstood(lineRange, "line not recognised in bwshowver output: %q", clip(content))
	}
}

// notUnderstood reports a line that was counted as a value but could not
// be read after all.
func (p *parser) notUnderstood(r hcl.Range, format string, args ...any) {
	p.counts.Values--
	p.counts.NotUnderstood++
	p.warn(r, format, args...)
}

func (p *parser) parseVersionLine(l *source.Line, start int, v versionLine) {
	if p.sv.Server.Present() {
		p.counts.NotUnderstood++
		p.warn(p.pos.Range(l, start, len(l.Text)), "second version line; the first is at line %d", p.versionLine)
		return
	}
	// A version line after other text (say, the shell prompt that ran
	// bwshowver) still names the server; the first line has been
	// reported already.
	p.counts.Values++
	p.versionLine = l.Num
	p.sv.Server = p.pos.Value(l, start, start+v.serverEnd)
	p.sv.Release = p.pos.Value(l, start+v.releaseStart, start+v.releaseEnd)
	if _, ok := ParseRelease(p.sv.Release.Text); !ok {
		p.warn(p.sv.Release.Range(), "release %q is not a BroadWorks release such as \"24.0_1.944\" or \"2022.11_1.273\"", clip(p.sv.Release.Text))
	}
	if extra := start + v.releaseEnd; extra < len(l.Text) {
		s := extra + source.FirstNonBlank(l.Text[extra:])
		p.warn(p.pos.Range(l, s, len(l.Text)), "unexpected %q after the release", clip(l.Text[s:]))
	}
}

func (p *parser) parseActivePatches(l *source.Line, start int, lineRange hcl.Range) {
	s := start + len("Active Patches:")
	s += source.FirstNonBlank(l.Text[s:])
	if p.patchesLine != 0 {
		p.notUnderstood(lineRange, "second \"Active Patches\" line; the first is at line %d", p.patchesLine)
		return
	}
	if s == len(l.Text) {
		p.notUnderstood(lineRange, "\"Active Patches\" has no count")
		return
	}
	p.patchesLine = l.Num
	p.sv.ActivePatches = p.pos.Value(l, s, len(l.Text))
	for _, c := range p.sv.ActivePatches.Text {
		if c < '0' || c > '9' {
			p.warn(p.sv.ActivePatches.Range(), "Active Patches is %q; want a number", clip(p.sv.ActivePatches.Text))
			return
		}
	}
}

// isHeading reports whether a line is a section heading: words ending in a
// colon, with nothing after it.
func isHeading(s string) bool {
	return len(s) > 1 && strings.IndexByte(s, ':') == len(s)-1 && s[0] >= 'A' && s[0] <= 'Z'
}

// clip returns the first quoteLimit characters of s, marking a cut with "...".
func clip(s string) string { return source.Clip(s, quoteLimit, "...") }
