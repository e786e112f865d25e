package bwcli

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
)

// output reads a command's output lines into attributes, tables and text,
// and counts what became of each line. data marks a command that prints
// configuration: a line of its output that is not understood is reported.
func (p *parser) output(c *Command, out []source.Line, data bool) {
	for i := 0; i < len(out); i++ {
		l := &out[i]
		s := l.Text
		t := strings.TrimSpace(s)
		switch {
		case t == "" || IsNoise(t):
			p.counts.Noise++
			continue
		case isAnyRule(t):
			// A rule that underlines nothing: a banner (vtr, help, the
			// CLI's own) around a title, not a table.
			p.counts.Help++
			continue
		}
		if kv, ok := p.keyValue(l); ok {
			p.arenas.kvArena.push(kv)
			p.counts.Values++
			continue
		}
		if i+1 < len(out) && isAnyRule(out[i+1].Text) {
			if p.isTitle(out, i) {
				p.counts.Help += 2
				i++
				continue
			}
			i = p.table(c, out, i)
			continue
		}
		p.arenas.textArena.push(p.pos.Value(l, source.FirstNonBlank(s), len(s)))
		if data {
			p.counts.NotUnderstood++
			p.warn(l, "line in the output of %q is not understood and kept as text: %s", c.typed, quote(source.RedactText(t)))
		} else {
			p.counts.Text++
		}
	}
	c.Attrs = p.arenas.kvArena.close()
	c.Text = p.arenas.textArena.close()
	c.Tables = p.arenas.tptrArena.close()
}

// isTitle reports whether out[i], which a rule follows, is a title rather
// than a table header: a rule of '-' underlines titles only; a title stands
// between two rules ("=====", "vtr", "=====") or is followed by settings,
// not rows.
func (p *parser) isTitle(out []source.Line, i int) bool {
	if isDashRule(strings.TrimSpace(out[i+1].Text)) {
		return true
	}
	if i > 0 && isAnyRule(strings.TrimSpace(out[i-1].Text)) {
		return true
	}
	k := i + 2
	for k < len(out) && isBlank(out[k].Text) {
		k++
	}
	if k == len(out) {
		return false
	}
	if isAnyRule(strings.TrimSpace(out[k].Text)) {
		return true
	}
	_, kv := p.keyValue(&out[k])
	return kv && k == i+2
}

func isBlank(s string) bool { return source.FirstNonBlank(s) == len(s) }

// isSeparator recognises the rule of '=' under a table header (and around
// the CLI banner). Rules cut into one run per column ("=====  ====") count
// too.
func isSeparator(s string) bool {
	i := source.FirstNonBlank(s)
	n := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '=':
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// isDashRule recognises a line of '-', which underlines titles. s is
// trimmed.
func isDashRule(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '-' && s[i] != ' ' {
			return false
		}
	}
	return s[0] == '-'
}

// isAnyRule recognises a rule of '=' or of '-'.
func isAnyRule(s string) bool {
	i := source.FirstNonBlank(s)
	if i == len(s) {
		return false
	}
	switch s[i] {
	case '=':
		return isSeparator(s)
	case '-':
		return isDashRule(strings.TrimSpace(s))
	}
	return false
}

// IsNoise recognises lines the CLI prints around real output: results of
// changes, warning banners, confirmation prompts, progress messages,
// footers of commands that printed nothing, table legends and the end of
// a session. s is trimmed.
func IsNoise(s string) bool {
	if s == "" {
		return false
	}
	var prefixed bool
	switch s[0] {
	case '.':
		prefixed = strings.HasPrefix(s, "...Done") || strings.HasPrefix(s, "... Done")
	case '*':
		prefixed = strings.HasPrefix(s, "***") && strings.HasSuffix(s, "***") || strings.HasPrefix(s, "* -> ")
	case '+':
		prefixed = strings.HasPrefix(s, "+++")
	case 'A':
		prefixed = strings.HasPrefix(s, "About to filter through")
	case 'R':
		prefixed = strings.HasPrefix(s, "Retrieving data")
	case 'T':
		prefixed = strings.HasPrefix(s, "This session is now ending") || strings.HasPrefix(s, "The command executed successfully")
	case 'P':
		prefixed = strings.HasPrefix(s, "Please wait")
	}
	if prefixed {
		return true
	}
	// Most lines hold no '(' and end in neither word: the searches below
	// are only made for the few that might be confirmations or results.
	switch s[len(s)-1] {
	case 'y', '.':
		if strings.HasSuffix(s, "successfully") || strings.HasSuffix(s, "successfully.") || strings.HasSuffix(s, "executed.") {
			return true
		}
	}
	return strings.IndexByte(s, '(') >= 0 && strings.Contains(s, "Please confirm (")
}

// keyValue reads "key = value". Keys are attribute names (lowerCamelCase,
// occasionally several words such as "Admin state"); the value runs to the
// end of the line and may be empty.
func (p *parser) keyValue(l *source.Line) (KV, bool) {
	s := l.Text
	eq := strings.IndexByte(s, '=')
	if eq <= 0 {
		return KV{}, false
	}
	ks := source.FirstNonBlank(s)
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
	return KV{Key: p.pos.Value(l, ks, ke), Value: p.pos.Value(l, vs, len(s))}, true
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
