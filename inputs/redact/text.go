package redact

import (
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
)

// textSecrets finds secrets in a line from its text alone: the arguments
// of a set or add command after a prompt's ">", the value of a
// "name = value", "name: value" or "name value" line whose name is a
// secret, and masked tokens. Byte ranges into line.
func textSecrets(line string) []span {
	var out []span
	if i := strings.IndexByte(line, '>'); i >= 0 {
		for _, sp := range commandSecrets(line[i+1:]) {
			out = append(out, span{sp.start + i + 1, sp.end + i + 1})
		}
	}
	if i := strings.IndexAny(line, "=:"); i > 0 && source.IsSecretName(strings.Trim(plain(line[:i]), " \t\"'")) {
		value := line[i+1:]
		lead := len(value) - len(strings.TrimLeft(value, " \t"))
		if strings.TrimSpace(value) != "" {
			out = append(out, span{i + 1 + lead, len(line)})
		}
	}
	toks := tokens(line)
	for i, t := range toks {
		if source.IsMasked(strings.Trim(plain(line[t.start:t.end]), "\"',;")) {
			out = append(out, t)
		}
		// "provisioningPassword S3cret", "readCommunity public": a line
		// that starts with a secret name and then a word, as free text a
		// parser did not read; the word is the value. ("name = value"
		// and "name: value" are read above.)
		if i == 0 && i+1 < len(toks) && source.IsSecretName(strings.Trim(plain(line[t.start:t.end]), "\"'")) {
			if next := plain(line[toks[1].start:toks[1].end]); next != "=" && next != ":" {
				out = append(out, toks[1])
			}
		}
	}
	return out
}

// commandSecrets finds, in what was typed at a prompt, the values given
// to secret names by set and add commands: "set provisioningPassword
// S3cret", "add … password S3cret", "set password=S3cret", also after
// navigation ("sys;sec;set password S3cret"). Byte ranges into input.
func commandSecrets(input string) []span {
	var out []span
	at := 0
	for step := range strings.SplitSeq(input, ";") {
		// Escape sequences alone, as after a coloured prompt, are no word.
		toks := slices.DeleteFunc(tokens(step), func(t span) bool { return plain(step[t.start:t.end]) == "" })
		if len(toks) > 0 {
			if verb := strings.ToLower(plain(step[toks[0].start:toks[0].end])); verb == "set" || verb == "add" {
				for i := 1; i < len(toks); i++ {
					word := plain(step[toks[i].start:toks[i].end])
					if name, _, ok := strings.Cut(word, "="); ok && source.IsSecretName(strings.Trim(name, "\"'")) {
						eq := strings.IndexByte(step[toks[i].start:toks[i].end], '=')
						out = append(out, span{at + toks[i].start + eq + 1, at + toks[i].end})
						continue
					}
					if source.IsSecretName(strings.Trim(word, "\"'")) && i+1 < len(toks) {
						out = append(out, span{at + toks[i+1].start, at + toks[i+1].end})
						i++
					}
				}
			}
		}
		at += len(step) + 1
	}
	return out
}

// tokens splits s at spaces and tabs; a double-quoted stretch belongs to
// its token, spaces and all.
func tokens(s string) []span {
	var out []span
	start, quoted := -1, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			quoted = !quoted
			if start < 0 {
				start = i
			}
		case !quoted && (c == ' ' || c == '\t'):
			if start >= 0 {
				out = append(out, span{start, i})
				start = -1
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

// plain drops terminal escape sequences, which coloured captures carry
// around prompts and names, so that "\x1b[1mpassword\x1b[0m" still reads
// as a secret name.
func plain(s string) string {
	if !strings.ContainsRune(s, 0x1b) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := source.EscapeLen(s[i:]); n > 0 {
			i += n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
