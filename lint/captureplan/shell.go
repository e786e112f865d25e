package captureplan

import (
	_ "embed"
	"fmt"
	"io"
	"strings"

	"github.com/bwlint/bwlint/lint"
)

//go:embed scripts/capture.sh
var shellProcs string

// Shell writes the plain shell script that captures host h's steps of
// plan p with one ssh command per capture, for where expect is not wanted;
// its limits are in the script and in docs/inputs.md.
func Shell(w io.Writer, p *Plan, h *HostPlan) error {
	s := newScript(p, h)
	var b strings.Builder
	pr := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	pr("#!/bin/sh")
	pr("# Capture script for host %s (%s), written by %s %s", commentSafe(shQuote(h.Name)), hostKind(string(h.Role)), lint.ToolName, lint.Version)
	pr("# (bwlint capture-plan --format shell). It saves what the enabled checks read")
	pr("# into SNAPSHOT_DIR/hosts/<host>/:")
	for _, f := range s.files {
		pr("#   %s", commentSafe(f))
	}
	pr("#")
	pr("# Usage: sh SCRIPT [-f] SNAPSHOT_DIR")
	pr("#   -f             replace files the snapshot already holds (default: stop)")
	pr("#   BWLINT_LOGIN   how to log in, as words to which the script adds \"--\", the host")
	pr("#                  and the command (default: ssh), e.g. BWLINT_LOGIN=\"ssh -p 2222\"")
	pr("# It never takes a password. Exit status 0: every capture saved; 1: some were")
	pr("# not; 2: usage.")
	pr("")
	pr("host=%s", shQuote(h.Name))
	pr("files=%s", shQuote(strings.Join(s.files, "\n")))
	pr("manual=%s", shQuote(strings.Join(s.manual, "\n")))
	pr("")
	b.WriteString(shellProcs)
	pr("")
	pr("# ---- What this host needs ----")
	for _, ph := range phases(h.Steps) {
		if ph.cli {
			for _, ses := range sessions(ph) {
				args := []string{shQuote(s.rel(ses.file)), shQuote(strings.Join(ses.contexts, " ")), fmt.Sprint(boolInt(ses.required))}
				for _, l := range ses.lines {
					args = append(args, shQuote(l))
				}
				pr("cli_session %s", strings.Join(args, " "))
			}
			continue
		}
		for _, l := range ph.lines {
			if needsInput(l.step) {
				pr("# %s: typed by hand", commentSafe(l.step.Text))
				continue
			}
			pr("shell_run %s %s %s", shQuote(l.step.Text), shQuote(s.rel(l.step.File)), s.mode(l.step.File))
		}
	}
	pr("finish")
	_, err := io.WriteString(w, b.String())
	return err
}

// session is one bwcli run of the shell script: the lines typed for one
// file, each after navigating by absolute path, and "y" after a command
// that asks to confirm.
type session struct {
	file     string
	contexts []string
	required bool
	lines    []string
	here     string
}

// sessions splits a bwcli phase into one session per file, in order;
// consecutive commands for the same file share one.
func sessions(ph phase) []session {
	var out []session
	for _, l := range ph.lines {
		st := l.step
		if st == nil || needsInput(st) {
			continue
		}
		if len(out) == 0 || out[len(out)-1].file != st.File {
			out = append(out, session{file: st.File})
		}
		ses := &out[len(out)-1]
		if !strings.EqualFold(st.Context, ses.here) || len(ses.lines) == 0 && st.Context != "" {
			ses.lines = append(ses.lines, "cd /"+st.Context)
			ses.here = st.Context
			if st.Context != "" {
				ses.contexts = append(ses.contexts, st.Context)
			}
		}
		ses.required = ses.required || !st.IfPresent
		ses.lines = append(ses.lines, st.Text)
		if st.Confirms {
			ses.lines = append(ses.lines, "y")
		}
	}
	return out
}
