package bwcli

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
)

// finish builds the Command for the current prompt and its output lines.
// next is the prompt that follows, nil at the end of a session.
func (p *parser) finish(next *prompt) {
	cur := &p.cur
	out := p.out
	if cur.shell {
		p.finishShell(out)
		return
	}
	pl := &cur.line
	in := pl.Text[cur.input[0]:cur.input[1]]
	if in == "" {
		// An empty prompt: nothing was typed, so any output belongs to
		// no command.
		p.counts.Noise++
		for i := range out {
			s := strings.TrimSpace(out[i].Text)
			if s == "" || IsNoise(s) {
				p.counts.Noise++
				continue
			}
			p.counts.NotUnderstood++
			p.warn(&out[i], "output after an empty prompt belongs to no command: %s", quote(source.RedactText(s)))
		}
		return
	}
	server := pl.Text[cur.server[0]:cur.server[1]]
	ctx := pl.Text[cur.ctx[0]:cur.ctx[1]]
	res := p.resolveLine(pl, server, ctx, in, cur.input[0], next)

	if res.kind == kindUnknown && !hasOutput(out) {
		// A command bwlint does not know that printed nothing carries no
		// evidence; it is noted, counted and not kept, so that a capture
		// of many such lines costs no memory per line.
		if res.ambiguous {
			p.counts.NotUnderstood++
		} else {
			p.counts.Commands++
		}
		p.counts.Noise += len(out)
		return
	}
	c := p.arenas.cmdArena.one()
	c.Server = p.pos.Value(pl, cur.server[0], cur.server[1])
	c.Context = p.pos.Value(pl, cur.ctx[0], cur.ctx[1])
	c.Input = p.pos.Value(pl, cur.input[0], cur.input[1])
	c.Loc = p.pos.SpanLoc(pl, lastLine(pl, out))
	c.Verb, c.Args, c.typed, c.kind = res.verb, res.args, res.typed, res.kind
	c.Path, c.Known = res.path, res.known
	if res.pasted || res.ambiguous {
		p.counts.NotUnderstood++
	} else {
		p.counts.Commands++
	}
	p.readOutput(c, out)
	p.noteChange(c, server)
	p.commands = append(p.commands, c)
}

// finishShell builds the Command of a shell command: one whose output is
// read as CLI output, or one bwlint has no model for, whose output is kept
// as text (and which is not kept when it printed nothing).
func (p *parser) finishShell(out []source.Line) {
	cur := &p.cur
	pl := &cur.line
	p.counts.Commands++
	kind, known := kindOf(cur.verb), true
	if cur.path == "" {
		kind, known = kindUnknown, false
		if !hasOutput(out) {
			p.counts.Noise += len(out)
			return
		}
	}
	c := p.arenas.cmdArena.one()
	c.Input = p.pos.Value(pl, cur.input[0], cur.input[1])
	c.Loc = p.pos.SpanLoc(pl, lastLine(pl, out))
	c.Verb, c.kind, c.Shell = strings.ToLower(cur.verb), kind, true
	c.typed, _, _ = strings.Cut(c.Input.Text, " ")
	c.Path, c.Known = cur.path, known
	p.readOutput(c, out)
	p.commands = append(p.commands, c)
}

// readOutput reads a command's output as its kind asks.
func (p *parser) readOutput(c *Command, out []source.Line) {
	switch c.kind {
	case kindHelp:
		// Help text carries no configuration.
		for i := range out {
			if isBlank(out[i].Text) {
				p.counts.Noise++
			} else {
				p.counts.Help++
			}
		}
	case kindExit, kindUp:
		// The exit dialogue, or nothing.
		for i := range out {
			if s := strings.TrimSpace(out[i].Text); s == "" || IsNoise(s) {
				p.counts.Noise++
			} else {
				p.counts.Text++
				p.arenas.textArena.push(p.pos.Value(&out[i], source.FirstNonBlank(out[i].Text), len(out[i].Text)))
			}
		}
		c.Text = p.arenas.textArena.close()
	case kindUnknown:
		// Output of a command bwlint has no model for is kept as text.
		n := 0
		for i := range out {
			s := out[i].Text
			if isBlank(s) || IsNoise(strings.TrimSpace(s)) {
				p.counts.Noise++
				continue
			}
			n++
			p.counts.Text++
			p.arenas.textArena.push(p.pos.Value(&out[i], source.FirstNonBlank(s), len(s)))
		}
		c.Text = p.arenas.textArena.close()
	default:
		p.output(c, out, c.kind == kindRead)
	}
}

func hasOutput(out []source.Line) bool {
	for i := range out {
		if s := strings.TrimSpace(out[i].Text); s != "" && !IsNoise(s) {
			return true
		}
	}
	return false
}

// lastLine returns the last line of a command that is not blank.
func lastLine(pl *source.Line, out []source.Line) *source.Line {
	for i := len(out) - 1; i >= 0; i-- {
		if !isBlank(out[i].Text) {
			return &out[i]
		}
	}
	return pl
}

// noteChange notes a command that changes a context this capture read
// before, and records the contexts read: the capture then shows two states
// of one configuration, and only a later read shows the one in force.
func (p *parser) noteChange(c *Command, server string) {
	if !c.Known {
		return
	}
	if c.kind != kindRead && c.kind != kindChange {
		return
	}
	// Contexts the model knows are keyed by their node, which is quick;
	// the others by name.
	n := p.node(family(server), c.Path)
	var key readKey
	if n == nil {
		key = readKey{family(server), strings.ToLower(strings.Trim(c.Path, "/"))}
	}
	switch c.kind {
	case kindRead:
		if p.read == nil {
			p.read, p.readNodes = map[readKey]int{}, map[*node]int{}
		}
		if n != nil {
			p.readNodes[n] = p.cur.line.Num
		} else {
			p.read[key] = p.cur.line.Num
		}
	case kindChange:
		line, ok := p.read[key]
		if n != nil {
			line, ok = p.readNodes[n]
		}
		switch {
		case !ok:
		case p.problems.Full(source.Note):
			p.problems.Skip(source.Note, c.Input.Range())
		default:
			p.problemAt(source.Note, c.Input.Range(), "configuration changed during the capture: %q changes %s_CLI/%s, which line %d read; only a read after the change shows the configuration in force",
				source.RedactText(c.Input.Text), server, c.Path, line)
		}
	}
}

// readKey names a context of a CLI the model does not know, whatever its
// spelling.
type readKey struct{ family, path string }

// leaves reports whether the command typed on a prompt leaves the CLI:
// exit (or logout), or quit at the top level. Only a line whose last step
// starts like one of them is resolved, so this costs nothing on the usual
// command.
func (p *parser) leaves(cur *pending) bool {
	in := cur.line.Text[cur.input[0]:cur.input[1]]
	last := in
	if i := strings.LastIndexByte(in, ';'); i >= 0 {
		last = in[i+1:]
	}
	last = strings.TrimSpace(last)
	if last == "" {
		return false
	}
	switch last[0] | 0x20 {
	case 'e', 'q', 'l':
	default:
		return false
	}
	if strings.ContainsAny(in, ";/") || strings.ContainsRune(last, ' ') {
		// Navigation first: resolved in full when the command completes;
		// the session ends here only if nothing but the exit dialogue
		// follows, which the caller sees for itself.
		word, _, _ := strings.Cut(last, " ")
		return strings.EqualFold(word, "exit") || strings.EqualFold(word, "logout")
	}
	server := cur.line.Text[cur.server[0]:cur.server[1]]
	ctx := cur.line.Text[cur.ctx[0]:cur.ctx[1]]
	n := p.node(family(server), ctx)
	ch := resolve(n, last)
	switch {
	case !ch.found:
		return false
	case ch.cmd.kind == kindExit:
		return true
	case ch.cmd.kind == kindUp:
		return strings.Trim(ctx, "/") == ""
	}
	return false
}

// refused reports whether a line answers the CLI's confirmation with no.
func refused(s string) bool {
	i := strings.Index(s, "Please confirm (")
	if i < 0 {
		return false
	}
	j := strings.LastIndexByte(s, ':')
	if j < i {
		return false
	}
	a := strings.TrimSpace(s[j+1:])
	return strings.EqualFold(a, "n") || strings.EqualFold(a, "no")
}

// node returns the model's node of a context path as printed, nil when the
// model does not know it; lookups are cached, since a capture names the
// same few contexts again and again.
func (p *parser) node(fam, path string) *node {
	// Commands come in runs in one context, and each is looked up more
	// than once: the last answer is usually the one.
	if p.lastNode.path == path && p.lastNode.fam == fam && p.lastNode.ok {
		return p.lastNode.n
	}
	n := p.lookupNode(fam, path)
	p.lastNode = lastNode{fam: fam, path: path, n: n, ok: true}
	return n
}

// lastNode is the last answer of node.
type lastNode struct {
	fam, path string
	n         *node
	ok        bool
}

func (p *parser) lookupNode(fam, path string) *node {
	byPath := p.nodes[fam]
	if byPath == nil {
		if p.nodes == nil {
			p.nodes = map[string]map[string]*node{}
		}
		byPath = map[string]*node{}
		p.nodes[fam] = byPath
	}
	n, ok := byPath[path]
	if !ok {
		n = lookup(fam, path)
		if len(byPath) < 4096 {
			byPath[path] = n
		}
	}
	return n
}

// resolution is what a command line means.
type resolution struct {
	verb, args, typed string
	kind              verbKind
	path              string
	known             bool
	pasted            bool
	ambiguous         bool // the verb abbreviates several commands
}

// seg is one segment of a context path walked by navigation: as typed,
// and its name once known (from the model, the prompt, or a later prompt).
type seg struct {
	typed, name string
	id          int
}

// resolveLine works out what a command line did. Its steps (separated by
// ';') navigate and then run one command: the last that is not
// navigation. Names are expanded with the model of the CLI where it knows
// the context; the prompt printed after the command, when it shows the
// same CLI, is the stronger evidence of where navigation led and must
// agree with every typed step. Output is never attributed to a context
// that neither settles.
func (p *parser) resolveLine(pl *source.Line, server, ctx, in string, inOff int, next *prompt) resolution {
	fam := family(server)
	p.steps = splitSteps(p.steps[:0], in)
	steps := p.steps

	if len(steps) == 1 {
		word, args := splitWord(in[steps[0][0]:steps[0][1]])
		if !isPathWord(word) && !strings.EqualFold(word, "cd") {
			// The usual line: one command in the prompt's context.
			res := resolution{path: ctx, known: true, args: args, typed: word}
			n := p.node(fam, ctx)
			p.verb(&res, n, word, pl, inOff+steps[0][0], server, ctx)
			p.checkPasted(&res, pl, in)
			return res
		}
	}

	// Walk the steps from the prompt's context.
	walked := p.walked[:0]
	for seg0 := range strings.SplitSeq(ctx, "/") {
		if seg0 != "" {
			walked = append(walked, seg{typed: seg0, name: seg0, id: -1})
		}
	}
	verbStep, verbWord, verbArgs := -1, "", ""
	exitAtTop := false
	for k, st := range steps {
		word, args := splitWord(in[st[0]:st[1]])
		switch {
		case strings.EqualFold(word, "cd"):
			walked = p.walkPath(fam, walked, args, k)
			continue
		case isPathWord(word):
			walked = p.walkPath(fam, walked, word, k)
			continue
		}
		n := p.walkedNode(fam, walked)
		ch := resolve(n, word)
		if !ch.found && len(walked) > 0 {
			// The top-level contexts are reachable by name from
			// anywhere ("sys;sec;black;get" typed in Interface/Http).
			if top := resolve(trees[fam], word); top.found && top.ctx != nil {
				ch, walked = top, walked[:0]
			}
		}
		switch {
		case ch.found && ch.ctx != nil:
			walked = append(walked, seg{typed: word, name: ch.ctx.name, id: k})
			continue
		case ch.found && ch.cmd.kind == kindUp:
			if len(walked) == 0 {
				exitAtTop = true
			} else {
				walked = walked[:len(walked)-1]
			}
			continue
		case ch.found && ch.cmd.kind == kindNav:
			continue
		case !ch.found && k < len(steps)-1:
			// Not a name the model knows here: a context it does not
			// model, which the next prompt may confirm.
			walked = append(walked, seg{typed: word, id: k})
			continue
		}
		verbStep, verbWord, verbArgs = k, word, args
		p.atVerb = append(p.atVerb[:0], walked...)
	}
	p.walked = walked

	if verbStep < 0 {
		// Navigation only: it ran where it was typed and printed nothing.
		res := resolution{verb: "cd", args: in, typed: in, kind: kindNav, path: ctx, known: true}
		if word, args := splitWord(in); len(steps) == 1 && strings.EqualFold(word, "cd") {
			res.args, res.typed = args, word
		}
		if exitAtTop && len(walked) == 0 {
			res.verb, res.kind = "quit", kindExit
		}
		return res
	}
	res := resolution{args: verbArgs, typed: verbWord}
	nav := strings.TrimRight(strings.TrimSpace(in[:steps[verbStep][0]]), ";")
	p.settle(&res, fam, server, nav, verbWord, pl, next)
	if res.known {
		p.verb(&res, p.node(fam, res.path), verbWord, pl, inOff+steps[verbStep][0], server, res.path)
	} else {
		// Its output belongs to no context, which was reported; the word
		// is expanded only to tell how to read the output.
		res.verb, res.kind = strings.ToLower(verbWord), kindOf(verbWord)
		if ch := resolve(nil, verbWord); ch.found && ch.ctx == nil {
			res.verb, res.kind = ch.cmd.lower, ch.cmd.kind
		}
	}
	p.checkPasted(&res, pl, in)
	return res
}

// settle decides the context a navigated command ran in (p.atVerb, after
// the walk in p.walked) and reports navigation nothing settles.
func (p *parser) settle(res *resolution, fam, server, nav, verb string, pl *source.Line, next *prompt) {
	atVerb, walked := p.atVerb, p.walked
	if next != nil && next.serverText() == server {
		shownCtx := next.ctxText()
		p.shown = splitPath(p.shown[:0], shownCtx)
		if !agrees(walked, p.shown) {
			p.warn(pl, "navigation %q before %q does not match the context %q shown by the next prompt (line %d); its output is not attributed to any context",
				nav, verb, cleanPath(shownCtx, p.shown), next.line.Num)
			return
		}
		for i := range walked {
			walked[i].name = p.shown[i]
		}
		for i := range atVerb {
			if i < len(walked) && walked[i].id == atVerb[i].id && strings.EqualFold(walked[i].typed, atVerb[i].typed) {
				atVerb[i].name = walked[i].name
			}
		}
	}
	for i, s := range atVerb {
		if s.name == "" {
			why := "bwlint's model of the CLI does not know it"
			if n := p.walkedNode(fam, atVerb[:i]); n != nil {
				if ch := resolve(n, s.typed); len(ch.candidates) > 1 {
					why = "it could be " + strings.Join(ch.candidates, " or ")
				}
			}
			p.warn(pl, "navigation %q before %q cannot be resolved: no later %s_CLI prompt shows the context it reached, and %q is not a context bwlint can expand (%s); its output is not attributed to any context",
				nav, verb, server, s.typed, why)
			return
		}
	}
	res.path, res.known = joinNames(atVerb, next), true
}

// joinNames returns the path a walk names. When it is the context the next
// prompt shows, that is the prompt's text, which needs no copy.
func joinNames(walked []seg, next *prompt) string {
	if next != nil {
		shown := next.ctxText()
		at, same := 0, true
		for _, s := range walked {
			for at < len(shown) && shown[at] == '/' {
				at++
			}
			if !strings.HasPrefix(shown[at:], s.name) || (at+len(s.name) < len(shown) && shown[at+len(s.name)] != '/') {
				same = false
				break
			}
			at += len(s.name)
		}
		if same && strings.Trim(shown[at:], "/") == "" {
			return strings.Trim(shown, "/")
		}
	}
	var b strings.Builder
	for i, s := range walked {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(s.name)
	}
	return b.String()
}

// agrees reports whether each typed segment of a walk names the segment
// the prompt shows at the same depth: the name itself when the model
// expanded it, or an abbreviation of it.
func agrees(walked []seg, shown []string) bool {
	if len(walked) != len(shown) {
		return false
	}
	for i, s := range walked {
		switch {
		case s.name != "":
			if !strings.EqualFold(s.name, shown[i]) {
				return false
			}
		case len(s.typed) > len(shown[i]) || !strings.EqualFold(shown[i][:len(s.typed)], s.typed):
			return false
		}
	}
	return true
}

// walkedNode returns the model's node of a walked path, nil when a segment
// is unresolved or the model does not know it.
func (p *parser) walkedNode(fam string, walked []seg) *node {
	n := trees[fam]
	for _, s := range walked {
		if n == nil || s.name == "" {
			return nil
		}
		n = n.child(s.name)
	}
	return n
}

// walkPath applies a typed path ("/Interface/Http", "../Patching",
// "Interface") to a walk; names are expanded where the model knows them.
func (p *parser) walkPath(fam string, walked []seg, path string, id int) []seg {
	if strings.HasPrefix(path, "/") {
		walked = walked[:0]
	}
	for part := range strings.SplitSeq(path, "/") {
		switch part = strings.TrimSpace(part); part {
		case "", ".":
		case "..":
			if len(walked) > 0 {
				walked = walked[:len(walked)-1]
			}
		default:
			s := seg{typed: part, id: id}
			if n := p.walkedNode(fam, walked); n != nil {
				if ch := resolve(n, part); ch.found && ch.ctx != nil {
					s.name = ch.ctx.name
				}
			}
			walked = append(walked, s)
		}
	}
	return walked
}

// verb expands the command word typed in context n (nil when the model
// does not know the context) and sets the resolution's verb and kind. An
// abbreviation that is ambiguous or unknown is noted where it was typed.
func (p *parser) verb(res *resolution, n *node, word string, pl *source.Line, at int, server, ctx string) {
	ch := resolve(n, word)
	switch {
	case ch.found && ch.ctx != nil:
		res.verb, res.kind = "cd", kindNav
		return
	case ch.found:
		res.verb, res.kind = ch.cmd.lower, ch.cmd.kind
		if !n.knowsCommands() && !strings.EqualFold(ch.cmd.name, word) && !isAlias(word) {
			p.problemAt(source.Note, p.pos.Range(pl, at, at+len(word)),
				"%q read as %q: bwlint's model of the CLI does not list the commands of %s_CLI/%s, so the abbreviation was expanded among the commands most contexts take",
				word, ch.cmd.name, server, ctx)
		}
		return
	case !n.knowsCommands():
		// A context whose commands the model does not know: the word is
		// taken as typed.
		res.verb = strings.ToLower(word)
		res.kind = kindOf(word)
		return
	}
	res.verb, res.kind = strings.ToLower(word), kindUnknown
	where := server + "_CLI"
	if n.path != "" {
		where += "/" + n.path
	}
	if len(ch.candidates) > 1 {
		res.ambiguous = true
		p.problemAt(source.Note, p.pos.Range(pl, at, at+len(word)),
			"%q is ambiguous in %s: it could be %s; its output is kept as text", word, where, strings.Join(ch.candidates, ", "))
		return
	}
	p.problemAt(source.Note, p.pos.Range(pl, at, at+len(word)),
		"%q is not a command bwlint knows in %s; its output is kept as text", word, where)
}

func isAlias(word string) bool { return alias(word) != word }

// checkPasted recognises a command line that holds output: a session
// pasted with its line breaks lost ("AS_CLI> get  url = http://…
// AS_CLI/… > get"). Its output cannot be told from its arguments, so none
// of it is read.
func (p *parser) checkPasted(res *resolution, pl *source.Line, in string) {
	if strings.IndexByte(in, '_') < 0 && strings.IndexByte(in, '=') < 0 {
		return
	}
	pasted := strings.Contains(in, "_CLI/") || strings.Contains(in, "_CLI>") ||
		(res.kind == kindRead && strings.Contains(res.args, " = ")) ||
		strings.Contains(in, "=====")
	if !pasted {
		return
	}
	res.pasted, res.known = true, false
	p.warn(pl, "the command line holds what looks like output (the capture seems to have lost its line breaks): %s; none of it is read",
		quote(source.RedactText(in)))
}

// isPathWord reports whether a step is a path to go to: "/", "..",
// "/Interface/Http", "Service/IntegratedIMP".
func isPathWord(word string) bool {
	return word == ".." || strings.ContainsRune(word, '/')
}

// splitSteps appends to dst the spans of the steps of a command line,
// which the CLI separates with ';' when several are typed at once
// ("sys;sec;black;get"); blanks around a step are left out.
func splitSteps(dst [][2]int, in string) [][2]int {
	if strings.IndexByte(in, ';') < 0 {
		// One step, the usual line; in is trimmed on both sides.
		if in == "" {
			return dst
		}
		return append(dst, [2]int{0, len(in)})
	}
	start := 0
	for {
		end := strings.IndexByte(in[start:], ';')
		last := end < 0
		if last {
			end = len(in)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && (in[s] == ' ' || in[s] == '\t') {
			s++
		}
		for e > s && (in[e-1] == ' ' || in[e-1] == '\t') {
			e--
		}
		if s < e {
			dst = append(dst, [2]int{s, e})
		}
		if last {
			return dst
		}
		start = end + 1
	}
}

// splitWord splits a step into its first word and the rest.
func splitWord(step string) (word, args string) {
	word, args, _ = strings.Cut(step, " ")
	return word, strings.TrimSpace(args)
}

// cleanPath returns a context path without leading, trailing or doubled
// slashes; segs are its segments.
func cleanPath(path string, segs []string) string {
	if strings.HasPrefix(path, "/") || strings.HasSuffix(path, "/") || strings.Contains(path, "//") {
		return strings.Join(segs, "/")
	}
	return path
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
