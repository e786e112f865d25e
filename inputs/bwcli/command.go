package bwcli

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
)

// command builds the Command for one prompt and the output lines up to the
// next prompt.
func (p *parser) command(pr, next *prompt, out []line) {
	pl := &pr.line
	c := p.cmdArena.one()
	c.Server = p.value(pl, pr.server[0], pr.server[1])
	c.Context = p.value(pl, pr.ctx[0], pr.ctx[1])
	c.Input = p.value(pl, pr.input[0], pr.input[1])
	last := pl
	for i := len(out) - 1; i >= 0; i-- {
		if !isBlank(out[i].s) {
			last = &out[i]
			break
		}
	}
	c.Range = p.span(pl, last)

	p.steps = splitSteps(p.steps[:0], c.Input.Text)
	steps := p.steps
	if len(steps) == 0 {
		// An empty prompt: nothing was typed, so any output belongs to
		// no command.
		for i := range out {
			if s := strings.TrimSpace(out[i].s); s != "" && !isNoise(s) {
				p.warn(&out[i], "output after an empty prompt belongs to no command: %s", quote(source.RedactText(s)))
			}
		}
		return
	}
	cmd := steps[len(steps)-1]
	c.Verb, c.Args = splitVerb(cmd)
	c.typed, _, _ = strings.Cut(cmd, " ")
	c.Path, c.Known = c.Context.Text, true
	if len(steps) > 1 {
		c.Path, c.Known = p.navigate(pl, c, steps, next)
	}
	switch {
	case isHelp(c.Verb), isExit(c.Verb):
		// Help text and the exit dialogue carry no configuration.
	default:
		p.output(c, out)
	}
	p.commands = append(p.commands, c)
}

// splitSteps appends to dst the steps of a command line, which the CLI
// separates with ';' when several are typed at once ("sys;sec;black;get").
func splitSteps(dst []string, input string) []string {
	for {
		step, rest, more := strings.Cut(input, ";")
		if step = strings.TrimSpace(step); step != "" {
			dst = append(dst, step)
		}
		if !more {
			return dst
		}
		input = rest
	}
}

func splitVerb(cmd string) (verb, args string) {
	verb, args, _ = strings.Cut(cmd, " ")
	return strings.ToLower(verb), strings.TrimSpace(args)
}

func isHelp(verb string) bool { return verb == "h" || verb == "help" || verb == "?" }

func isExit(verb string) bool {
	return verb == "exit" || verb == "quit" || verb == "q" || verb == "logout"
}

// isDataVerb reports whether a command prints configuration, so that a
// line of its output that is not understood is worth a warning.
func isDataVerb(verb string) bool {
	return verb == "get" || verb == "detail" || verb == "status" || verb == "qversions" ||
		strings.HasPrefix(verb, "list") || strings.HasPrefix(verb, "show")
}

// navigate resolves the navigation steps typed before a command (all
// steps but the last). The CLI accepts abbreviated context names ("sys"
// for "System"), and only the prompt printed after the command shows what
// they expanded to; the steps are checked against that prompt segment by
// segment, so output is never attributed to a context the navigation did
// not reach. A line of navigation only ("sys;sec"), whose last step is a
// context rather than a command, is recognised the same way.
func (p *parser) navigate(pl *line, c *Command, steps []string, next *prompt) (string, bool) {
	nav := steps[:len(steps)-1]
	if next == nil || next.s[next.server[0]:next.server[1]] != c.Server.Text {
		p.warn(pl, "navigation %q before %q cannot be resolved: no later %s_CLI prompt shows the context it reached; its output is not attributed to any context", strings.Join(nav, ";"), c.typed, c.Server.Text)
		return "", false
	}
	ctx := next.s[next.ctx[0]:next.ctx[1]]
	p.shown = splitPath(p.shown[:0], ctx)
	// Steps are relative to the prompt's context; top-level names typed
	// deeper down are tried from the root as well. Either way every
	// segment must agree with the prompt that follows.
	for _, try := range [2][]string{nav, steps} {
		for _, relative := range [2]bool{true, false} {
			p.walked = p.walked[:0]
			if relative {
				p.walked = splitPath(p.walked, c.Context.Text)
			}
			p.walked = walk(p.walked, try)
			if matchesNavigation(p.shown, p.walked) {
				return cleanPath(ctx, p.shown), true
			}
		}
	}
	p.warn(pl, "navigation %q before %q does not match the context %q shown by the next prompt (line %d); its output is not attributed to any context", strings.Join(nav, ";"), c.typed, cleanPath(ctx, p.shown), next.num)
	return "", false
}

// cleanPath returns a context path without leading, trailing or doubled
// slashes; segs are its segments.
func cleanPath(path string, segs []string) string {
	if strings.HasPrefix(path, "/") || strings.HasSuffix(path, "/") || strings.Contains(path, "//") {
		return strings.Join(segs, "/")
	}
	return path
}

// walk applies navigation steps to the context path whose segments are
// segs, and returns the segments of the path reached.
func walk(segs, nav []string) []string {
	for _, step := range nav {
		// "cd /Interface;get" navigates as "/Interface;get" does.
		if len(step) > 3 && strings.EqualFold(step[:3], "cd ") {
			step = strings.TrimSpace(step[3:])
		}
		if strings.HasPrefix(step, "/") {
			segs = segs[:0]
		}
		for rest, more := step, true; more; {
			var part string
			part, rest, more = strings.Cut(rest, "/")
			switch part = strings.TrimSpace(part); {
			case part == "", part == ".":
			case part == "..", strings.EqualFold(part, "q"), strings.EqualFold(part, "quit"):
				// "q" leaves the current context, as ".." does.
				if len(segs) > 0 {
					segs = segs[:len(segs)-1]
				}
			default:
				segs = append(segs, part)
			}
		}
	}
	return segs
}

// matchesNavigation reports whether each typed segment abbreviates the
// shown segment at the same depth.
func matchesNavigation(shown, typed []string) bool {
	if len(shown) != len(typed) {
		return false
	}
	for i, t := range typed {
		if len(t) > len(shown[i]) || !strings.EqualFold(shown[i][:len(t)], t) {
			return false
		}
	}
	return true
}

// splitPath appends the segments of a context path to dst.
func splitPath(dst []string, path string) []string {
	for rest, more := path, true; more; {
		var seg string
		seg, rest, more = strings.Cut(rest, "/")
		if seg != "" {
			dst = append(dst, seg)
		}
	}
	return dst
}

// output reads a command's output lines into attributes, tables and text.
func (p *parser) output(c *Command, out []line) {
	data := isDataVerb(c.Verb)
	for i := 0; i < len(out); i++ {
		l := &out[i]
		s := l.s
		if isBlank(s) || isNoise(strings.TrimSpace(s)) {
			continue
		}
		if i+1 < len(out) && isSeparator(out[i+1].s) && !isSeparator(s) {
			i = p.table(c, out, i)
			continue
		}
		if kv, ok := p.keyValue(l); ok {
			p.kvArena.push(kv)
			continue
		}
		p.textArena.push(p.value(l, firstNonBlank(s), len(s)))
		if data {
			p.warn(l, "line in the output of %q is not understood and kept as text: %s", c.typed, quote(source.RedactText(strings.TrimSpace(s))))
		}
	}
	c.Attrs = p.kvArena.close()
	c.Text = p.textArena.close()
	c.Tables = p.tptrArena.close()
}

func isBlank(s string) bool { return firstNonBlank(s) == len(s) }

// isSeparator recognises the line of '=' under a table header (and around
// the CLI banner).
func isSeparator(s string) bool {
	i := firstNonBlank(s)
	if len(s)-i < 3 {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] != '=' {
			return false
		}
	}
	return true
}

// isNoise recognises lines the CLI prints around real output: results of
// changes, warning banners, confirmation prompts, progress messages and
// table legends. s is trimmed.
func isNoise(s string) bool {
	switch {
	case strings.HasPrefix(s, "...Done"), strings.HasPrefix(s, "... Done"),
		strings.HasPrefix(s, "***") && strings.HasSuffix(s, "***"),
		strings.HasPrefix(s, "+++"),
		strings.HasPrefix(s, "About to filter through"),
		strings.HasPrefix(s, "Retrieving data"),
		strings.Contains(s, "Please confirm ("),
		strings.HasPrefix(s, "This session is now ending"),
		strings.HasPrefix(s, "* -> "):
		return true
	}
	return false
}

// keyValue reads "key = value". Keys are attribute names (lowerCamelCase,
// occasionally several words such as "Admin state"); the value runs to the
// end of the line and may be empty.
func (p *parser) keyValue(l *line) (KV, bool) {
	s := l.s
	eq := strings.IndexByte(s, '=')
	if eq <= 0 {
		return KV{}, false
	}
	ks := firstNonBlank(s)
	ke := eq
	for ke > ks && (s[ke-1] == ' ' || s[ke-1] == '\t') {
		ke--
	}
	if ke == ks || !isKey(s[ks:ke]) {
		return KV{}, false
	}
	vs := eq + 1
	for vs < len(s) && (s[vs] == ' ' || s[vs] == '\t') {
		vs++
	}
	return KV{Key: p.value(l, ks, ke), Value: p.value(l, vs, len(s))}, true
}

func isKey(k string) bool {
	if !isLetter(k[0]) {
		return false
	}
	for i := 1; i < len(k); i++ {
		b := k[i]
		switch {
		case isLetter(b), b >= '0' && b <= '9', b == '_', b == '.', b == '-':
		case b == ' ' && k[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
