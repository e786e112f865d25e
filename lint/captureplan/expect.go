package captureplan

import (
	_ "embed"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/lint"
)

//go:embed scripts/capture.exp
var expectProcs string

// Expect writes the expect script that captures host h's steps of plan p
// (docs/inputs.md): it logs in, runs the shell commands and one bwcli
// session, and saves each output under hosts/<host>/ of the snapshot
// directory it is given.
func Expect(w io.Writer, p *Plan, h *HostPlan) error {
	s := newScript(p, h)
	if strings.ContainsFunc(h.Name+strings.Join(s.files, ""), astral) {
		return &ScriptError{Host: h.Name, What: "its name holds a character beyond U+FFFF, which Tcl 8.6 cannot hold: use --format shell"}
	}
	var b strings.Builder
	pr := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	pr("#!/usr/bin/expect -f")
	pr("# Capture script for host %s (%s), written by %s %s", commentSafe(tclQuote(h.Name)), hostKind(string(h.Role)), lint.ToolName, lint.Version)
	pr("# (bwlint capture-plan --format expect). It saves what the enabled checks read")
	pr("# into SNAPSHOT_DIR/hosts/<host>/:")
	for _, f := range s.files {
		pr("#   %s", commentSafe(f))
	}
	pr("#")
	pr("# Usage: expect SCRIPT [-login COMMAND] [-user USER] [-timeout SECONDS] [-force] SNAPSHOT_DIR")
	pr("#   -login COMMAND   how to log in, as a list of words to which the script adds \"--\" and")
	pr("#                    the host (default: $BWLINT_LOGIN, else ssh), e.g. -login \"ssh -p 2222\"")
	pr("#   -user USER       log in as USER@HOST (default: as ssh's configuration says)")
	pr("#   -timeout SECONDS how long to wait for a prompt (default 120)")
	pr("#   -force           replace files the snapshot already holds (default: stop)")
	pr("# It never takes a password: log in with a key, or type the password when the")
	pr("# login asks for it. Exit status 0: every capture saved; 1: some were not; 2: usage.")
	pr("")
	pr("set host %s", tclQuote(h.Name))
	pr("set files %s", tclList(s.files))
	pr("set manual %s", tclList(s.manual))
	pr("")
	b.WriteString(expectProcs)
	pr("")
	pr("# ---- What this host needs ----")
	pr("check_targets")
	pr("login")
	for _, ph := range phases(h.Steps) {
		if ph.cli {
			pr("cli_start")
		}
		for _, l := range ph.lines {
			switch {
			case l.exit:
				pr("cli_exit")
			case l.step == nil:
				pr("cli_cd %s %d %s", tclQuote(l.context), boolInt(s.required(l.context)), tclList(s.filesIn(l.context)))
			case needsInput(l.step):
				pr("# %s: typed by hand (it names %s)", commentSafe(l.step.Text), commentSafe(strings.Join(placeholder().FindAllString(l.step.Text, -1), ", ")))
			case l.step.Source == lint.FromCLI:
				pr("cli_run %s %s", tclQuote(l.step.Text), tclQuote(s.rel(l.step.File)))
			default:
				pr("shell_run %s %s %s", tclQuote(l.step.Text), tclQuote(s.rel(l.step.File)), s.mode(l.step.File))
			}
			if l.step != nil && l.step.File != "" && s.last[l.step.File] == l.step {
				pr("save %s", tclQuote(s.rel(l.step.File)))
			}
		}
	}
	pr("logout")
	pr("finish")
	_, err := io.WriteString(w, b.String())
	return err
}

// astral reports a character beyond the Basic Multilingual Plane.
func astral(r rune) bool { return r > 0xFFFF }

// ScriptError is a host a script cannot be written for.
type ScriptError struct {
	Host string
	What string
}

func (e *ScriptError) Error() string { return "host " + strconv.Quote(e.Host) + ": " + e.What }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// script is what both scripts need to know of a host's plan.
type script struct {
	host string
	// files are the files the script writes, relative to the host's
	// folder, in the order they are saved.
	files []string
	// last is the last step that contributes to each file, after which
	// the file is saved.
	last map[string]*Step
	// manual are the steps done by hand, for the reminder at the end.
	manual []string
	// cli are the steps typed in bwcli.
	cli []*Step
}

func newScript(p *Plan, h *HostPlan) *script {
	s := &script{host: h.Name, last: map[string]*Step{}}
	for i := range h.Steps {
		st := &h.Steps[i]
		if st.Source == lint.FromCLI {
			s.cli = append(s.cli, st)
		}
		if needsInput(st) {
			s.manual = append(s.manual, st.Line()+" (fill in "+strings.Join(placeholder().FindAllString(st.Text, -1), ", ")+") -> "+st.File)
			continue
		}
		if st.File != "" {
			s.last[st.File] = st
		}
	}
	for _, st := range h.Steps {
		if st.File != "" && s.last[st.File] != nil && !slices.Contains(s.files, s.rel(st.File)) {
			s.files = append(s.files, s.rel(st.File))
		}
	}
	for _, d := range p.Deployment {
		what := d.Text
		switch d.Source {
		case lint.FromOCIP:
			what = "send OCI-P " + strings.TrimPrefix(d.Line(), "OCI-P ") + " (bwlint capture-plan --format ocip)"
		case lint.FromMeetingsServer:
			what = d.Line()
		}
		s.manual = append(s.manual, what+" -> "+d.File)
	}
	return s
}

// rel is a file of the host relative to its folder.
func (s *script) rel(file string) string {
	if file == "" {
		return ""
	}
	return strings.TrimPrefix(file, "hosts/"+s.host+"/")
}

// mode says how a shell command's output is saved: a transcript (.txt),
// its prompt and command first, or the output alone (a .sha256 file holds
// digest lines only).
func (s *script) mode(file string) string {
	if path.Ext(file) == ".txt" {
		return "transcript"
	}
	return "output"
}

// required reports whether a context holds a command every host of the
// role needs, rather than captures of any role wanted where they exist.
func (s *script) required(context string) bool {
	for _, st := range s.cli {
		if strings.EqualFold(st.Context, context) && !st.IfPresent {
			return true
		}
	}
	return false
}

// filesIn are the files the commands of a context contribute to.
func (s *script) filesIn(context string) []string {
	var out []string
	for _, st := range s.cli {
		if strings.EqualFold(st.Context, context) && st.File != "" && !slices.Contains(out, s.rel(st.File)) {
			out = append(out, s.rel(st.File))
		}
	}
	return out
}
