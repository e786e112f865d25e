package source

import (
	"slices"
	"strings"
)

// This file is bwlint's one reading of secrets in text: what a line says
// is secret when no parser's structure says it. Problem messages, report
// snippets, the hunks of a review and the policy file's diagnostics all
// find secrets here, so that no output hides less than another.

// Span is a byte range [Start, End) of a string.
type Span struct{ Start, End int }

// TextSecrets finds the secrets a line shows by its own shape: the
// arguments of a set or add command after a prompt's ">", the value of a
// "name = value", "name: value" or "name value" line whose name is a
// secret, masked tokens and the passwords of URLs. It is for lines a
// parser understood, whose structure already told which parts are values;
// a line no parser understood needs ProseSecrets. Spans are sorted and
// disjoint.
func TextSecrets(line string) []Span {
	if !mayHoldSecret(line) {
		return nil
	}
	var out []Span
	if i := strings.IndexByte(line, '>'); i >= 0 {
		for _, sp := range CommandSecrets(line[i+1:]) {
			out = append(out, Span{sp.Start + i + 1, sp.End + i + 1})
		}
	}
	if i := strings.IndexAny(line, "=:"); i > 0 && IsSecretName(strings.Trim(plain(line[:i]), " \t\"'")) {
		value := line[i+1:]
		lead := len(value) - len(strings.TrimLeft(value, " \t"))
		if strings.TrimSpace(value) != "" {
			out = append(out, Span{i + 1 + lead, len(line)})
		}
	}
	toks := tokens(line)
	for i, t := range toks {
		if IsMasked(strings.Trim(plain(line[t.Start:t.End]), "\"',;")) {
			out = append(out, t)
		}
		// "provisioningPassword S3cret", "readCommunity public": a line
		// that starts with a secret name and then a word; the word is the
		// value. ("name = value" and "name: value" are read above.)
		if i == 0 && i+1 < len(toks) && IsSecretName(strings.Trim(plain(line[t.Start:t.End]), "\"'")) {
			if next := plain(line[toks[1].Start:toks[1].End]); next != "=" && next != ":" {
				out = append(out, toks[1])
			}
		}
	}
	out = append(out, URLSecrets(line)...)
	return MergeSpans(out)
}

// ProseSecrets finds the secrets of a line that no parser understood —
// prose, help text, a table row that did not fit its header, a line of a
// file that could not be parsed — where nothing says which word is a
// value: everything after the first word that names a secret ("keystore
// password is S3cret"), on top of what TextSecrets finds. Masking is
// generous: a word wrongly hidden costs a snippet, a word wrongly shown
// costs a password.
func ProseSecrets(line string) []Span {
	if !mayHoldSecret(line) {
		return nil
	}
	out := TextSecrets(line)
	if at := afterSecretWord(line); at < len(line) {
		out = append(out, Span{at, len(line)})
	}
	return MergeSpans(out)
}

// mayHoldSecret is the cheap test every line and value passes first: a
// secret is found only after a word that names one, in a masked token
// or in a URL.
func mayHoldSecret(s string) bool {
	if strings.Contains(s, "**") || strings.Contains(s, "://") {
		return true
	}
	if i := strings.IndexAny(s, "=:"); i > 0 && IsSecretName(s[:i]) {
		return true // "pass word = …": a name of several words
	}
	_, ok := secretWord(s)
	return ok
}

// afterSecretWord returns where the text after the first word that names
// a secret begins, past separators; len(line) when no word does, or none
// follows it. Words end at blanks and at "=", ":", ",", ";" and "|", so
// that "password=S3cret" and "Password|S3cret" hide the value.
func afterSecretWord(line string) int {
	j, ok := secretWord(line)
	if !ok {
		return len(line)
	}
	for j < len(line) && (isWordSep(line[j]) || line[j] == '"' || line[j] == '\'') {
		j++
	}
	if strings.TrimSpace(plain(line[j:])) == "" {
		return len(line)
	}
	return j
}

// secretWord returns the end of the first word of line that names a
// secret.
func secretWord(line string) (end int, ok bool) {
	for i := 0; i < len(line); {
		for i < len(line) && isWordSep(line[i]) {
			i++
		}
		j := i
		for j < len(line) && !isWordSep(line[j]) {
			j++
		}
		if j > i && IsSecretName(plain(line[i:j])) {
			return j, true
		}
		i = j
	}
	return 0, false
}

func isWordSep(c byte) bool {
	return c == ' ' || c == '\t' || c == '=' || c == ':' || c == ',' || c == ';' || c == '|'
}

// URLSecrets finds the passwords written into URLs:
// "https://user:S3cret@host/…" has one, the text between the colon of
// the user information and the "@". Spans are sorted.
func URLSecrets(s string) []Span {
	var out []Span
	for at := 0; at < len(s); {
		i := strings.Index(s[at:], "://")
		if i < 0 {
			return out
		}
		start := at + i + 3
		end := start
		for end < len(s) && !strings.ContainsRune("/?#\"'<> \t\r\n", rune(s[end])) {
			end++
		}
		authority := s[start:end]
		if a := strings.LastIndexByte(authority, '@'); a >= 0 {
			if c := strings.IndexByte(authority[:a], ':'); c >= 0 && c+1 < a {
				out = append(out, Span{start + c + 1, start + a})
			}
		}
		at = max(end, start)
	}
	return out
}

// CommandSecrets finds, in what was typed at a prompt, the values given
// to secret names by set and add commands: "set provisioningPassword
// S3cret", "add … password S3cret", "set password=S3cret", also after
// navigation ("sys;sec;set password S3cret"), and abbreviated as the
// CLI takes them ("se readCommunity S3cret").
func CommandSecrets(input string) []Span {
	var out []Span
	at := 0
	for step := range strings.SplitSeq(input, ";") {
		// Escape sequences alone, as after a coloured prompt, are no word.
		toks := slices.DeleteFunc(tokens(step), func(t Span) bool { return plain(step[t.Start:t.End]) == "" })
		if len(toks) > 0 {
			if verb := strings.ToLower(plain(step[toks[0].Start:toks[0].End])); setsValues(verb) {
				for i := 1; i < len(toks); i++ {
					word := plain(step[toks[i].Start:toks[i].End])
					if name, _, ok := strings.Cut(word, "="); ok && IsSecretName(strings.Trim(name, "\"'")) {
						eq := strings.IndexByte(step[toks[i].Start:toks[i].End], '=')
						out = append(out, Span{at + toks[i].Start + eq + 1, at + toks[i].End})
						continue
					}
					if IsSecretName(strings.Trim(word, "\"'")) && i+1 < len(toks) {
						out = append(out, Span{at + toks[i+1].Start, at + toks[i+1].End})
						i++
					}
				}
			}
		}
		at += len(step) + 1
	}
	return out
}

// MaskSpans returns s with each span replaced by Redacted; spans need not
// be sorted or disjoint.
func MaskSpans(s string, spans []Span) string {
	return ReplaceSpans(s, MergeSpans(spans), func(int, string) string { return Redacted })
}

// ReplaceSpans returns s with span i of spans, which are sorted and
// disjoint, replaced by with(i, the text it covers). A span that overlaps
// the one before it or runs past the end of s is left as it is.
func ReplaceSpans(s string, spans []Span, with func(i int, text string) string) string {
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	at := 0
	for i, sp := range spans {
		if sp.Start < at || sp.End > len(s) {
			continue
		}
		b.WriteString(s[at:sp.Start])
		b.WriteString(with(i, s[sp.Start:sp.End]))
		at = sp.End
	}
	b.WriteString(s[at:])
	return b.String()
}

// MergeSpans sorts spans and joins those that overlap or touch; empty
// spans are dropped.
func MergeSpans(spans []Span) []Span {
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	var out []Span
	for _, sp := range spans {
		if sp.End <= sp.Start {
			continue
		}
		if n := len(out); n > 0 && sp.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// tokens splits s at spaces and tabs; a double-quoted stretch belongs to
// its token, spaces and all.
func tokens(s string) []Span {
	var out []Span
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
				out = append(out, Span{start, i})
				start = -1
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(s)})
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
		if n := EscapeLen(s[i:]); n > 0 {
			i += n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// setsValues reports whether a typed verb is set or add, or a prefix the
// CLI would expand to one of them. Which one a prefix as short as "s"
// means depends on the context; it is taken as set, since a value wrongly
// hidden costs a snippet and one wrongly shown a password.
func setsValues(verb string) bool {
	for _, full := range []string{"set", "add"} {
		if verb != "" && len(verb) <= len(full) && full[:len(verb)] == verb {
			return true
		}
	}
	return false
}
