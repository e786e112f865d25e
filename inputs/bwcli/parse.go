package bwcli

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// Parse reads a text that holds CLI sessions only, one prompt after
// another, such as a file of "<SERVER>_CLI/...> get" commands. Captures
// that mix shell and CLI sessions are split by the caller, which feeds a
// Reader (see package session); Parse is that with every line fed. A text
// without any CLI prompt yields an error problem and no commands.
func Parse(path, text string) (*Transcript, []source.Problem) {
	r := NewReader(path, text)
	lines := source.NewLines(text)
	var first source.Line
	for {
		l, ok := lines.Next()
		if !ok {
			break
		}
		if l.Num == 1 {
			first = l
		}
		r.Line(&l)
	}
	t, probs := r.Result()
	if !r.p.prompted {
		// Nothing was understood: one error says so, rather than a note
		// for every line.
		rng := hcl.Range{Filename: path}
		if first.Num != 0 {
			rng = r.p.pos.Content(&first)
		}
		probs = append(probs[:0], source.Errorf(rng,
			"no BroadWorks CLI prompt (such as \"AS_CLI/Interface/Messaging> get\") found: not a bwcli transcript"))
	}
	return t, probs
}

// Reader reads the CLI sessions of one capture, fed line by line in file
// order by whoever splits the capture into sessions. The output of a
// command is read when the next prompt (or the end of the session) shows
// where the command's navigation led.
type Reader struct {
	p parser
}

// NewReader returns a Reader of the file at path (relative to the
// snapshot root) whose decoded text is text.
func NewReader(path, text string) *Reader { return NewReaderIn(nil, path, text) }

// NewReaderIn is NewReader carving the model from ar, which the Reader
// holds until its Result is taken; nil gives it arenas of its own.
func NewReaderIn(ar *Arenas, path, text string) *Reader {
	if ar == nil {
		ar = NewArenas()
	}
	r := &Reader{}
	r.p.arenas = &ar.a
	r.p.out = ar.a.out
	r.p.pos = *source.NewPositions(path, text)
	r.p.text = text
	return r
}

// IsPrompt reports whether a line, as the terminal showed it, is a CLI
// prompt: "<SERVER>_CLI[/context]> [input]".
func IsPrompt(s string) bool {
	_, ok := parsePrompt(s)
	return ok
}

// Line reads the next line of a CLI session: a prompt starts a command,
// any other line is output of the current one.
func (r *Reader) Line(l *source.Line) {
	p := &r.p
	if sp, ok := parsePrompt(l.Text); ok {
		p.prompt(&prompt{line: *l, spans: sp})
		return
	}
	if !p.have {
		p.outside(l)
		return
	}
	p.out = append(p.out, *l)
	if p.cur.exiting && refused(l.Text) {
		p.cur.exiting = false
	}
}

// Shell starts a command typed at a shell prompt whose output is read the
// way CLI output is, as the evidence of a CLI context: the patch list that
// listPatch.pl prints is what Maintenance/Patching lists. in is the span
// of the typed command in l.Text; verb is the CLI command it stands for.
func (r *Reader) Shell(l *source.Line, in [2]int, verb, path string) {
	p := &r.p
	p.end()
	p.cur = pending{line: *l, input: in, shell: true, verb: verb, path: path}
	p.out = p.out[:0]
	p.have = true
}

// Exiting reports whether the current command leaves the CLI: exit, or
// quit at the top level, unless its confirmation was answered no.
func (r *Reader) Exiting() bool { return r.p.have && r.p.cur.exiting }

// End completes the current command: its session ended, so no later
// prompt will resolve its navigation.
func (r *Reader) End() { r.p.end() }

// Result completes the current command and returns what was read: the
// transcript (whose Lines count every line fed) and the problems.
func (r *Reader) Result() (*Transcript, []source.Problem) {
	r.p.end()
	// Let go of the shared arenas for the next reader; should this one be
	// fed more lines, it carves from arenas of its own.
	shared := r.p.arenas
	shared.out, r.p.out = r.p.out, nil
	shared.release()
	r.p.arenas = &arenas{}
	return &Transcript{Path: r.p.pos.Path, Commands: r.p.commands, Lines: r.p.counts}, r.p.problems.List()
}

type parser struct {
	pos      source.Positions
	text     string
	commands []*Command
	problems source.Problems
	counts   source.LineCounts

	cur      pending // the command whose output is being read
	have     bool    // cur holds a command
	prompted bool    // a CLI prompt was seen
	out      []source.Line
	// read maps the contexts read so far to the line of the read, so
	// that a later change of one is noted.
	read      map[readKey]int
	readNodes map[*node]int
	nodes     map[string]map[string]*node // lookup's results by family and path as printed
	lastNode  lastNode

	// Arenas for what the model keeps, scratch buffers for what it does
	// not; both keep allocation per command and per row to a minimum.
	arenas *arenas
	steps  [][2]int
	walked []seg
	atVerb []seg
	shown  []string
	cols   []column
	runs   []column
	segs   [][2]int
	place  []int
	fine   []column
	failed int // rows of the last table read that did not fit
}

// pending is a command whose output is being read.
type pending struct {
	line source.Line
	// Spans in line.Text of the prompt's server prefix and context, and of
	// what was typed; server and context are empty for a shell command.
	server, ctx, input [2]int
	shell              bool
	verb, path         string // what a shell command stands for
	exiting            bool
}

// prompt is a recognised prompt line.
type prompt struct {
	line source.Line
	spans
}

// spans are the parts of a prompt line: its server prefix, context and
// what was typed.
type spans struct {
	server, ctx, input [2]int
}

func (pr *prompt) serverText() string { return pr.line.Text[pr.server[0]:pr.server[1]] }
func (pr *prompt) ctxText() string    { return pr.line.Text[pr.ctx[0]:pr.ctx[1]] }

// prompt completes the current command, now that the next prompt shows
// where it led, and starts the next.
func (p *parser) prompt(pr *prompt) {
	if p.have {
		p.finish(pr)
	}
	p.prompted = true
	// "g^Het": a terminal that echoes the erase key as a caret pair
	// shows what the CLI received with the erased letters still there.
	if strings.Contains(pr.line.Text[pr.input[0]:], "^") {
		pr.line.EraseCarets(pr.input[0])
		pr.input[1] = len(pr.line.Text)
	}
	p.cur = pending{line: pr.line, server: pr.server, ctx: pr.ctx, input: pr.input}
	p.out = p.out[:0]
	p.have = true
	p.cur.exiting = p.leaves(&p.cur)
}

// end completes the current command without a next prompt.
func (p *parser) end() {
	if p.have {
		p.finish(nil)
		p.have = false
	}
}

// parsePrompt recognises "<SERVER>_CLI[/context]> [input]", optionally with
// the leading slash Cisco documents write ("/AS_CLI/Service/...> set ...").
func parsePrompt(s string) (spans, bool) {
	var pr spans
	i := 0
	if strings.HasPrefix(s, "/") {
		i = 1
	}
	if i >= len(s) || !isUpper(s[i]) {
		return pr, false
	}
	j := i
	for j < len(s) && (isUpper(s[j]) || (j > i && s[j] >= '0' && s[j] <= '9')) {
		j++
	}
	if j == i || !strings.HasPrefix(s[j:], "_CLI") {
		return pr, false
	}
	pr.server = [2]int{i, j}
	k := j + len("_CLI")
	switch {
	case k < len(s) && s[k] == '>':
		pr.ctx = [2]int{k, k}
	case k < len(s) && s[k] == '/':
		gt := strings.IndexByte(s[k:], '>')
		if gt < 0 {
			return pr, false
		}
		gt += k
		if strings.ContainsAny(s[k:gt], " \t") {
			return pr, false
		}
		pr.ctx = [2]int{k + 1, gt}
		k = gt
	default:
		return pr, false
	}
	in := k + 1
	in += source.FirstNonBlank(s[in:])
	pr.input = [2]int{in, len(s)}
	return pr, true
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// outside reads a line fed before any prompt: the shell line that started
// the CLI and its banner are expected, anything else is not understood.
func (p *parser) outside(l *source.Line) {
	s := strings.TrimSpace(l.Text)
	switch {
	case s == "" || IsNoise(s) || isShellLine(s):
		p.counts.Noise++
	case isAnyRule(s) || isBanner(s):
		p.counts.Help++
	default:
		p.counts.NotUnderstood++
		p.note(l, "line outside a CLI session is not understood: %s", quote(source.RedactText(s)))
	}
}

// isBanner recognises the lines the CLI prints when it starts.
func isBanner(s string) bool {
	return s == "BroadWorks Command Line Interface" || strings.HasPrefix(s, "Type HELP for more information") ||
		strings.HasPrefix(s, "Last login:")
}

// isShellLine recognises a shell prompt line with a user and a host:
// "user@host$ command", "[user@host ~]# command".
func isShellLine(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 {
		return false
	}
	rest := s[at:]
	return strings.Contains(rest, "$") || strings.Contains(rest, "#")
}

func (p *parser) note(l *source.Line, format string, args ...any) {
	p.problemAt(source.Note, p.pos.Content(l), format, args...)
}

func (p *parser) warn(l *source.Line, format string, args ...any) {
	p.problemAt(source.Warning, p.pos.Content(l), format, args...)
}

func (p *parser) errorAt(l *source.Line, format string, args ...any) {
	p.problemAt(source.Error, p.pos.Content(l), format, args...)
}

// problemAt records a problem; once a file has too many of one severity,
// the message is not even formatted.
func (p *parser) problemAt(sev source.Severity, r hcl.Range, format string, args ...any) {
	if p.problems.Full(sev) {
		p.problems.Skip(sev, r)
		return
	}
	p.problems.Add(source.Problem{Severity: sev, Range: r, Message: fmt.Sprintf(format, args...)})
}

// quote shows a line in a message, shortened so a long table row does not
// drown the message.
func quote(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return "\"" + s + "\""
}
