package bwcli

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// Parse reads one transcript. text is the decoded file (see source.Decode)
// and path its name relative to the snapshot root. A file without any CLI
// prompt yields an error problem and a transcript without commands.
func Parse(path, text string) (*Transcript, []source.Problem) {
	p := &parser{positions: positions{path: path, text: text}}
	p.parse()
	return &Transcript{Path: path, Commands: p.commands}, p.problems
}

type parser struct {
	positions
	commands []*Command
	problems []source.Problem

	// Arenas for what the model keeps, scratch buffers for what it does
	// not; both keep allocation per command and per row to a minimum.
	cmdArena   arena[Command]
	kvArena    arena[KV]
	textArena  arena[source.Value]
	valArena   arena[source.Value] // columns and cells
	rowArena   arena[Row]
	tableArena arena[Table]
	tptrArena  arena[*Table]
	steps      []string
	shown      []string
	walked     []string
	cols       []column
	runs       []column
	segs       [][2]int
}

// prompt is a recognised prompt line.
type prompt struct {
	line
	server, ctx, input [2]int
}

// parse reads the text line by line. Output lines are gathered until the
// next prompt, because the prompt after a command is what resolves the
// command's navigation.
func (p *parser) parse() {
	sc := lineScanner{text: p.text}
	var (
		first line
		cur   prompt
		seen  bool
		out   []line
	)
	for {
		l, ok := sc.next()
		if !ok {
			break
		}
		if l.num == 1 {
			first = l
		}
		pr, isPrompt := parsePrompt(l.s)
		if !isPrompt {
			out = append(out, l)
			continue
		}
		pr.line = l
		if seen {
			p.command(&cur, &pr, out)
		} else {
			p.preamble(out)
		}
		cur, seen = pr, true
		out = out[:0]
	}
	if !seen {
		r := hcl.Range{Filename: p.path}
		if first.num != 0 {
			r = p.rng(&first, 0, len(first.s))
		}
		p.problems = append(p.problems, source.Errorf(r,
			"no BroadWorks CLI prompt (such as \"AS_CLI/Interface/Messaging> get\") found: not a bwcli transcript"))
		return
	}
	p.command(&cur, nil, out)
}

// parsePrompt recognises "<SERVER>_CLI[/context]> [input]", optionally with
// the leading slash Cisco documents write ("/AS_CLI/Service/...> set ...").
func parsePrompt(s string) (prompt, bool) {
	var pr prompt
	i := 0
	if strings.HasPrefix(s, "/") {
		i = 1
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
	in += firstNonBlank(s[in:])
	pr.input = [2]int{in, len(s)}
	return pr, true
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// preamble checks the lines before the first prompt: the shell command that
// started the CLI and its banner are expected; anything else is reported.
func (p *parser) preamble(lines []line) {
	for i := range lines {
		l := &lines[i]
		s := strings.TrimSpace(l.s)
		if s == "" || isSeparator(s) || isBanner(s) || isShellPrompt(s) || isNoise(s) {
			continue
		}
		p.warn(l, "line before the first CLI prompt is not understood: %s", quote(source.RedactText(s)))
	}
}

func isBanner(s string) bool {
	return s == "BroadWorks Command Line Interface" || strings.HasPrefix(s, "Type HELP for more information") ||
		strings.HasPrefix(s, "Last login:")
}

// isShellPrompt recognises "user@host$ command" and "[user@host ~]# command".
func isShellPrompt(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 {
		return false
	}
	rest := s[at:]
	return strings.Contains(rest, "$") || strings.Contains(rest, "#")
}

func (p *parser) warn(l *line, format string, args ...any) {
	p.problems = append(p.problems, source.Warnf(p.rng(l, firstNonBlank(l.s), len(l.s)), format, args...))
}

func (p *parser) errorAt(l *line, format string, args ...any) {
	p.problems = append(p.problems, source.Errorf(p.rng(l, firstNonBlank(l.s), len(l.s)), format, args...))
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
