package session

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
)

// shellPrompt recognises a shell prompt line and returns the span of what
// was typed on it (empty when nothing was). The prompt forms are those of
// the usual shells: "user@host$ ", "user@host:~/dir$ ", "[user@host ~]# ",
// "user@host:~> ", "host:~ # ", "~$ ", "/opt$ ", "bash-4.2$ ", and a bare
// "$ " or "# ". With strong set, only the forms that name a user and a
// host are recognised: inside a CLI session they cannot be CLI output.
func shellPrompt(s string, strong bool) (cmd [2]int, ok bool) {
	if s == "" {
		return cmd, false
	}
	end := -1 // index of the prompt character
	var prefix string
	if s[0] == '[' {
		close := strings.IndexByte(s, ']')
		if close < 0 {
			return cmd, false
		}
		inner := s[1:close]
		if !strings.ContainsAny(inner, "@ ") {
			return cmd, false
		}
		k := close + 1
		if k < len(s) && s[k] == ' ' {
			k++
		}
		if k >= len(s) || (s[k] != '$' && s[k] != '#') {
			return cmd, false
		}
		end, prefix = k, inner
	} else {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c == '$' || c == '#' || c == '>' {
				if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
					end = i
				}
				break
			}
			if c == ' ' && (i+1 >= len(s) || (s[i+1] != '#' && s[i+1] != '$')) {
				return cmd, false
			}
		}
		if end < 0 {
			return cmd, false
		}
		prefix = strings.TrimRight(s[:end], " ")
		if strings.ContainsAny(prefix, " \t") {
			return cmd, false
		}
	}
	user := strings.Contains(prefix, "@")
	switch {
	case user:
	case strong:
		return cmd, false
	case s[end] == '>':
		return cmd, false // "AS_CLI>" and the like are not shells
	case prefix == "", strings.HasPrefix(prefix, "~"), strings.HasPrefix(prefix, "/"),
		strings.Contains(prefix, ":"), isShellName(prefix):
	default:
		return cmd, false
	}
	start := end + 1
	for start < len(s) && (s[start] == ' ' || s[start] == '\t') {
		start++
	}
	return [2]int{start, len(s)}, true
}

// isShellName recognises the prompt a shell shows without a configured
// one: "bash-4.2", "sh-5.1".
func isShellName(s string) bool {
	name, version, ok := strings.Cut(s, "-")
	if !ok || (name != "bash" && name != "sh" && name != "ksh" && name != "zsh") || version == "" {
		return false
	}
	for i := 0; i < len(version); i++ {
		if c := version[i]; (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return true
}

// program is a shell command bwlint knows.
type program struct {
	kind progKind
	verb string // the CLI command a patch list stands for
	path string // the CLI context it is evidence of
}

type progKind uint8

const (
	progNone    progKind = iota // no command: output captured without one
	progShowVer                 // bwshowver
	progCLI                     // bwcli: the CLI's banner, then its prompt
	progDigest                  // sha256sum and its kin
	progPatches                 // listPatch.pl, listBundle, patchtool
	progQuiet                   // cd, export…: nothing to read
	progUnknown                 // anything else: output kept as text
)

const patchingContext = "Maintenance/Patching"

// identify names the program of a typed shell command cmd (a span of s)
// and returns the span of its name. It looks past sudo and its options,
// environment assignments and "./" or a directory; for a pipeline, the
// first command is the one whose output the capture mostly shows.
func identify(s string, cmd [2]int) (program, [2]int) {
	words := source.Words(nil, s, cmd[0], cmd[1])
	i := 0
	for i < len(words) {
		w := s[words[i][0]:words[i][1]]
		switch {
		case w == "sudo" || w == "exec" || w == "time" || w == "nohup" || w == "command":
			i++
			for i < len(words) && strings.HasPrefix(s[words[i][0]:words[i][1]], "-") {
				opt := s[words[i][0]:words[i][1]]
				i++
				if (opt == "-u" || opt == "-g") && i < len(words) {
					i++
				}
			}
			continue
		case strings.Contains(w, "=") && !strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "/"):
			i++
			continue
		}
		break
	}
	if i >= len(words) {
		return program{kind: progUnknown}, [2]int{cmd[0], cmd[0]}
	}
	word := words[i]
	name := s[word[0]:word[1]]
	if k := strings.LastIndexByte(name, '/'); k >= 0 {
		word[0] += k + 1
		name = name[k+1:]
	}
	var args []string
	for _, w := range words[i+1:] {
		a := s[w[0]:w[1]]
		if a == "|" || a == ">" || a == ">>" || a == ";" || a == "&&" {
			break
		}
		args = append(args, a)
	}
	base := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(name, ".pl"), ".sh"))
	switch {
	case base == "bwshowver":
		return program{kind: progShowVer}, word
	case base == "bwcli":
		return program{kind: progCLI}, word
	case base == "sha256sum", base == "sha256",
		base == "shasum" && hasArg(args, "256"),
		base == "openssl" && hasArg(args, "sha256"):
		return program{kind: progDigest}, word
	case base == "listpatch", strings.HasPrefix(base, "patchtool"), strings.HasPrefix(base, "bwpatchtool"):
		return program{kind: progPatches, verb: "listPatch", path: patchingContext}, word
	case base == "listbundle":
		return program{kind: progPatches, verb: "listBundle", path: patchingContext}, word
	case base == "cd", base == "export", base == "clear", base == "unset", base == "source", base == ".",
		base == "pushd", base == "popd", base == "exit", base == "logout":
		return program{kind: progQuiet, verb: base}, word
	}
	return program{kind: progUnknown, verb: base}, word
}

func hasArg(args []string, sub string) bool {
	for _, a := range args {
		if strings.Contains(strings.ToLower(a), sub) {
			return true
		}
	}
	return false
}

// isLogNoise recognises the lines capture tools add to a log: script(1)'s
// start and done lines, PuTTY's and SecureCRT's log headers, expect's
// spawn line and the trace of its debugging mode.
func isLogNoise(t string) bool {
	if t == "" {
		return false
	}
	switch t[0] {
	case 'S':
		return strings.HasPrefix(t, "Script started on ") || strings.HasPrefix(t, "Script done on ") ||
			strings.HasPrefix(t, "SecureCRT")
	case '=':
		return strings.HasPrefix(t, "=~=~=")
	case 's':
		return strings.HasPrefix(t, "spawn ") || strings.HasPrefix(t, "send: sending ") ||
			strings.HasPrefix(t, "spawn: returns")
	case 'e':
		return strings.HasPrefix(t, "expect: ")
	case 'p':
		return strings.HasPrefix(t, "parent: waiting for sync byte") || strings.HasPrefix(t, "parent: telling child")
	case 'a':
		return strings.HasPrefix(t, "argv[")
	}
	return false
}

// isTimestamp recognises a line that is only a date and time, as logging
// tools write one when a session starts ("2026-01-02 10:11:12",
// "[2026/01/02 10:11:12]").
func isTimestamp(t string) bool {
	t = strings.TrimSuffix(strings.TrimPrefix(t, "["), "]")
	if len(t) < 16 || len(t) > 40 {
		return false
	}
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	sep := func(c byte) bool { return c == '-' || c == '/' || c == '.' }
	if !digits(t[0:4]) || !sep(t[4]) || !digits(t[5:7]) || !sep(t[7]) || !digits(t[8:10]) ||
		(t[10] != ' ' && t[10] != 'T') || !digits(t[11:13]) || t[13] != ':' || !digits(t[14:16]) {
		return false
	}
	for i := 16; i < len(t); i++ {
		if c := t[i]; (c < '0' || c > '9') && (c < 'A' || c > 'Z') && !strings.ContainsRune(":.+- ", rune(c)) {
			return false
		}
	}
	return true
}

// isLoginNoise recognises what a shell prints when a session starts.
func isLoginNoise(t string) bool {
	return strings.HasPrefix(t, "Last login:") || strings.HasPrefix(t, "Password:") ||
		strings.HasPrefix(t, "[sudo] password for ") || t == "logout"
}

// isCLIBanner recognises the banner bwcli prints when it starts: the
// lines of '=' around "BroadWorks Command Line Interface".
func isCLIBanner(t string) bool {
	if t == "BroadWorks Command Line Interface" || strings.HasPrefix(t, "Type HELP for more information") {
		return true
	}
	if len(t) < 3 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != '=' {
			return false
		}
	}
	return true
}
