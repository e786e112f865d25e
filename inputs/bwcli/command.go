package bwcli

import "strings"

// command builds the Command for one prompt and the output lines up to the
// next prompt.
func (p *parser) command(pr prompt, next *prompt, out []line) {
	pl := &p.lines[pr.idx]
	c := &Command{
		Server:  p.value(pl, pr.server[0], pr.server[1]),
		Context: p.value(pl, pr.ctx[0], pr.ctx[1]),
		Input:   p.value(pl, pr.input[0], pr.input[1]),
	}
	last := pl
	for i := len(out) - 1; i >= 0; i-- {
		if strings.TrimSpace(out[i].s) != "" {
			last = &out[i]
			break
		}
	}
	c.Range = p.span(pl, last)

	steps := splitSteps(c.Input.Text)
	if len(steps) == 0 {
		// An empty prompt: nothing was typed, so any output belongs to
		// no command.
		for i := range out {
			if s := strings.TrimSpace(out[i].s); s != "" && !isNoise(s) {
				p.warn(&out[i], "output after an empty prompt belongs to no command: %s", quote(s))
			}
		}
		return
	}
	cmd := steps[len(steps)-1]
	c.Verb, c.Args = splitVerb(cmd)
	c.typed, _, _ = strings.Cut(cmd, " ")
	c.Path, c.Known = c.Context.Text, true
	if len(steps) > 1 {
		c.Path, c.Known = p.navigate(pl, c, steps[:len(steps)-1], next)
	}
	switch {
	case isHelp(c.Verb), isExit(c.Verb):
		// Help text and the exit dialogue carry no configuration.
	default:
		p.output(c, out)
	}
	p.commands = append(p.commands, c)
}

// splitSteps splits a command line at ';', the CLI's separator for several
// steps typed at once ("sys;sec;black;get").
func splitSteps(input string) []string {
	var steps []string
	for _, s := range strings.Split(input, ";") {
		if s = strings.TrimSpace(s); s != "" {
			steps = append(steps, s)
		}
	}
	return steps
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

// navigate resolves the navigation steps typed before a command. The CLI
// accepts abbreviated context names ("sys" for "System"), and only the
// prompt printed after the command shows what they expanded to; the steps
// are checked against that prompt segment by segment, so output is never
// attributed to a context the navigation did not reach.
func (p *parser) navigate(pl *line, c *Command, nav []string, next *prompt) (string, bool) {
	typed := strings.Join(nav, ";")
	if next == nil || p.lines[next.idx].s[next.server[0]:next.server[1]] != c.Server.Text {
		p.warn(pl, "navigation %q before %q cannot be resolved: no later %s_CLI prompt shows the context it reached; its output is not attributed to any context", typed, c.typed, c.Server.Text)
		return "", false
	}
	nl := &p.lines[next.idx]
	shown := splitPath(nl.s[next.ctx[0]:next.ctx[1]])
	// Steps are relative to the prompt's context; top-level names typed
	// deeper down are tried from the root as well. Either way every
	// segment must agree with the prompt that follows.
	for _, from := range [][]string{splitPath(c.Context.Text), nil} {
		if matchesNavigation(shown, walk(from, nav)) {
			return strings.Join(shown, "/"), true
		}
	}
	p.warn(pl, "navigation %q before %q does not match the context %q shown by the next prompt (line %d); its output is not attributed to any context", typed, c.typed, strings.Join(shown, "/"), nl.num)
	return "", false
}

// walk applies navigation steps to a context path given as segments.
func walk(from, nav []string) []string {
	segs := append([]string(nil), from...)
	for _, step := range nav {
		if strings.HasPrefix(step, "/") {
			segs = segs[:0]
		}
		for _, part := range strings.Split(step, "/") {
			switch part = strings.TrimSpace(part); part {
			case "", ".":
			case "..":
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
	for i := range typed {
		if !strings.HasPrefix(strings.ToLower(shown[i]), strings.ToLower(typed[i])) {
			return false
		}
	}
	return true
}

func splitPath(path string) []string {
	var segs []string
	for _, s := range strings.Split(path, "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	return segs
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
			c.Attrs = append(c.Attrs, kv)
			continue
		}
		c.Text = append(c.Text, p.value(l, firstNonBlank(s), len(s)))
		if data {
			p.warn(l, "line in the output of %q is not understood and kept as text: %s", c.typed, quote(strings.TrimSpace(s)))
		}
	}
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
	return KV{
		Key:   p.value(l, ks, ke),
		Value: p.value(l, vs, len(s)),
		Range: p.rng(l, ks, len(s)),
	}, true
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
