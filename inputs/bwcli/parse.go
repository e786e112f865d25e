package bwcli

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// Parse reads one transcript. text is the decoded file (see source.Decode)
// and path its name relative to the snapshot root. A file without any CLI
// prompt yields an error problem and a transcript without commands.
func Parse(path string, text []byte) (*Transcript, []source.Problem) {
	p := &parser{positions: positions{path: path, text: string(text)}}
	p.lines = splitLines(p.text)
	p.parse()
	return &Transcript{Path: path, Commands: p.commands}, p.problems
}

type parser struct {
	positions
	lines    []line
	commands []*Command
	problems []source.Problem
}

// prompt is a recognised prompt line.
type prompt struct {
	idx                int // index into parser.lines
	server, ctx, input [2]int
}

func (p *parser) parse() {
	var prompts []prompt
	for i := range p.lines {
		if pr, ok := parsePrompt(p.lines[i].s); ok {
			pr.idx = i
			prompts = append(prompts, pr)
		}
	}
	if len(prompts) == 0 {
		p.problems = append(p.problems, source.Errorf(p.fileRange(),
			"no BroadWorks CLI prompt (such as \"AS_CLI/Interface/Messaging> get\") found: not a bwcli transcript"))
		return
	}
	p.preamble(p.lines[:prompts[0].idx])
	for k, pr := range prompts {
		end := len(p.lines)
		var next *prompt
		if k+1 < len(prompts) {
			next = &prompts[k+1]
			end = next.idx
		}
		p.command(pr, next, p.lines[pr.idx+1:end])
	}
}

func (p *parser) fileRange() hcl.Range {
	if len(p.lines) == 0 {
		return hcl.Range{Filename: p.path}
	}
	l := &p.lines[0]
	return p.rng(l, 0, len(l.s))
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
		p.warn(l, "line before the first CLI prompt is not understood: %s", quote(s))
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
