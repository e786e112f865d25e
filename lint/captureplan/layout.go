package captureplan

import (
	"regexp"
	"strings"
	"sync"

	"github.com/bwlint/bwlint/lint"
)

// phase is one stretch of a host's sequence: shell commands, or one bwcli
// session.
type phase struct {
	cli bool
	// afterCLI marks the shell commands that follow the session.
	afterCLI bool
	lines    []typedLine
}

// typedLine is one line an operator types: a step's command, or the
// navigation and the exit the session needs around the steps.
type typedLine struct {
	prompt string // as the terminal shows it before the text
	text   string
	step   *Step // nil for navigation and exit
	// context is the CLI context a navigation line leads to.
	context string
	// exit is the line that leaves bwcli.
	exit bool
}

// phases lays a host's steps out as typed: the shell commands before
// bwcli, the session, with a "cd" to each context by its absolute path
// and "exit" at the end, and the shell commands after it.
func phases(steps []Step) []phase {
	var out []phase
	firstCLI, lastCLI := -1, -1
	for i, s := range steps {
		if s.Source == lint.FromCLI {
			if firstCLI < 0 {
				firstCLI = i
			}
			lastCLI = i
		}
	}
	shellPhase := func(from, to int, after bool) {
		p := phase{afterCLI: after}
		for i := from; i < to; i++ {
			p.lines = append(p.lines, typedLine{prompt: "$ ", text: steps[i].Text, step: &steps[i]})
		}
		if len(p.lines) > 0 {
			out = append(out, p)
		}
	}
	if firstCLI < 0 {
		shellPhase(0, len(steps), false)
		return out
	}
	shellPhase(0, firstCLI, false)
	p := phase{cli: true}
	server := steps[firstCLI].Server
	here := ""
	for i := firstCLI; i <= lastCLI; i++ {
		s := &steps[i]
		if !strings.EqualFold(s.Context, here) {
			p.lines = append(p.lines, typedLine{prompt: cliPrompt(server, here), text: "cd /" + s.Context, context: s.Context})
			here = s.Context
		}
		p.lines = append(p.lines, typedLine{prompt: cliPrompt(server, here), text: s.Text, step: s})
	}
	p.lines = append(p.lines, typedLine{prompt: cliPrompt(server, here), text: "exit", exit: true})
	out = append(out, p)
	shellPhase(lastCLI+1, len(steps), true)
	return out
}

// cliPrompt is the prompt of a context, as bwcli prints it.
func cliPrompt(server, context string) string {
	p := server + "_CLI"
	if context != "" {
		p += "/" + context
	}
	return p + "> "
}

// placeholder matches a part of a command the operator fills in
// ("<bundle>"): a script cannot type such a command.
var placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<[A-Za-z][A-Za-z0-9 _-]*>`) })

// needsInput reports whether a step's command has a part to fill in.
func needsInput(s *Step) bool { return placeholder().MatchString(s.Text) }

// hostKind names one host of a role, for the comments of a script.
func hostKind(r string) string {
	switch r {
	case "as":
		return "an Application Server"
	case "xsp":
		return "an XSP or ADP host"
	case "":
		return "a host of any role"
	}
	return "a " + strings.ToUpper(r) + " host"
}

// roleName names the hosts of a role in headings.
func roleName(r string) string {
	switch r {
	case "as":
		return "Application Servers"
	case "xsp":
		return "XSP and ADP hosts"
	case "":
		return "Hosts of any role"
	}
	return strings.ToUpper(r) + " hosts"
}
