package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
)

// The capture scripts are tried against a fake server: the test binary,
// run under the names of the programs a capture script meets. fake-ssh
// stands for ssh (asking a password where the test says so) and starts a
// real bash with the other fakes first on its PATH; bwcli answers the
// commands a capture plan types from the transcripts of a snapshot, with
// the banner, prompts, the listing's "About to filter…" question and the
// exit dialogue; bwshowver prints the snapshot's bwshowver output;
// sha256sum prints the digest of the key export once exportKeys has run
// in bwcli. The environment says which snapshot and which host:
//
//	BWLINT_FAKE_SNAPSHOT       the snapshot the answers come from
//	BWLINT_FAKE_BIN            the directory of the fakes
//	BWLINT_FAKE_STATE          a directory for what a session leaves behind
//	BWLINT_FAKE_LOG            a file fake-ssh appends each host it is given to
//	BWLINT_FAKE_PASSWORD_HOST  the host whose login asks for a password
//	BWLINT_FAKE_PASSWORD       that password
//	BWLINT_FAKE_HOST           the host a session is on (set by fake-ssh)
func init() {
	fakes := map[string]func() int{"fake-ssh": fakeSSH, "bwcli": fakeBwcli, "bwshowver": fakeShowver, "sha256sum": fakeSha256sum}
	if f := fakes[filepath.Base(os.Args[0])]; f != nil && os.Getenv("BWLINT_FAKE_SNAPSHOT") != "" {
		os.Exit(f())
	}
}

// installFakes links the fakes to the test binary in dir.
func installFakes(dir string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	for _, name := range []string{"fake-ssh", "bwcli", "bwshowver", "sha256sum"} {
		if err := os.Symlink(self, filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// fakeSSH takes ssh's arguments: options, "--", the host, and a command
// or none for a login shell.
func fakeSSH() int {
	args := os.Args[1:]
	i := 0
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "--" {
		i++
	}
	if i < len(args) && args[i] == "--" {
		i++
	}
	if i >= len(args) {
		fmt.Fprintln(os.Stderr, "usage: ssh [options] [--] host [command]")
		return 255
	}
	host, command := args[i], args[i+1:]
	if log := os.Getenv("BWLINT_FAKE_LOG"); log != "" {
		f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%q %q\n", host, command)
			_ = f.Close()
		}
	}
	if host == os.Getenv("BWLINT_FAKE_PASSWORD_HOST") {
		// As ssh does: the echo goes off before the question is asked.
		noEcho := exec.Command("stty", "-echo")
		noEcho.Stdin = os.Stdin
		_ = noEcho.Run()
		fmt.Printf("bwadmin@%s's password: ", host)
		line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
		echo := exec.Command("stty", "echo")
		echo.Stdin = os.Stdin
		_ = echo.Run()
		fmt.Print("\r\n")
		if strings.TrimRight(line, "\r\n") != os.Getenv("BWLINT_FAKE_PASSWORD") {
			fmt.Print("Permission denied, please try again.\r\n")
			return 255
		}
	}
	env := append(os.Environ(), "BWLINT_FAKE_HOST="+host, "PATH="+os.Getenv("BWLINT_FAKE_BIN")+string(os.PathListSeparator)+os.Getenv("PATH"))
	bash, err := exec.LookPath("bash")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 255
	}
	argv := []string{"bash", "--noprofile", "--norc", "-i"}
	if len(command) > 0 {
		argv = []string{"bash", "--noprofile", "--norc", "-c", strings.Join(command, " ")}
	}
	err = syscall.Exec(bash, argv, env)
	fmt.Fprintln(os.Stderr, err)
	return 255
}

// fakeHost loads the snapshot and returns the session's host.
func fakeHost() (*inputs.Snapshot, *inputs.Host, error) {
	snap, err := inputs.Load(os.Getenv("BWLINT_FAKE_SNAPSHOT"))
	if err != nil {
		return nil, nil, err
	}
	h := snap.Host(os.Getenv("BWLINT_FAKE_HOST"))
	if h == nil {
		return nil, nil, fmt.Errorf("no host %q in the snapshot", os.Getenv("BWLINT_FAKE_HOST"))
	}
	return snap, h, nil
}

// keyManagement is the context of exportKeys, which no snapshot shows.
const keyManagement = "Applications/AuthenticationService/KeyManagement"

func exportedMark() string {
	return filepath.Join(os.Getenv("BWLINT_FAKE_STATE"), "exported-"+strings.NewReplacer("/", "_", "\x00", "_").Replace(os.Getenv("BWLINT_FAKE_HOST")))
}

func fakeBwcli() int {
	snap, h, err := fakeHost()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bwcli:", err)
		return 1
	}
	server := serverOfHost(h)
	contexts := []string{}
	for _, c := range h.Commands {
		if c.Known && c.Path != "" {
			contexts = append(contexts, c.Path)
		}
	}
	if h.Role == inputs.RoleXSP {
		contexts = append(contexts, keyManagement)
	}
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer func() { _ = out.Flush() }()
	say := func(format string, args ...any) { fmt.Fprintf(out, format, args...) }
	ask := func(question string) bool {
		say("%s", question)
		_ = out.Flush()
		answer, _ := in.ReadString('\n')
		a := strings.ToLower(strings.TrimSpace(answer))
		return a == "y" || a == "yes"
	}
	say("======================================================================\n")
	say("BroadWorks Command Line Interface\n")
	say("  Type HELP for more information\n")
	say("======================================================================\n\n")
	here := ""
	for {
		prompt := server + "_CLI"
		if here != "" {
			prompt += "/" + here
		}
		say("%s> ", prompt)
		_ = out.Flush()
		line, err := in.ReadString('\n')
		if err != nil && line == "" {
			return 0
		}
		line = strings.TrimSpace(line)
		verb, args, _ := strings.Cut(line, " ")
		switch {
		case line == "":
		case verb == "cd" && strings.HasPrefix(args, "/"):
			to, ok := knownContext(contexts, strings.Trim(args, "/"))
			if !ok {
				say("Invalid context: %s\n", args)
				continue
			}
			here = to
		case verb == "exit":
			if ask("Please confirm (Yes, Y, No, N): ") {
				say("This session is now ending...\n")
				return 0
			}
		case strings.EqualFold(verb, "exportKeys") && strings.EqualFold(here, keyManagement):
			if err := os.WriteFile(exportedMark(), nil, 0o644); err != nil {
				say("Error: %v\n", err)
				continue
			}
			say("...Done\n")
		default:
			c := sourceCommand(h, here, verb, args)
			if c == nil {
				say("Error: %s is not a command of this context.\n", verb)
				continue
			}
			lines := outputLines(snap, c)
			if strings.HasPrefix(c.Verb, "list") {
				rows := 0
				for _, t := range c.Tables {
					rows += len(t.Rows)
				}
				if !ask(fmt.Sprintf("About to filter through %d entries. Continue? Please confirm (Yes, Y, No, N): ", rows)) {
					continue
				}
				say("Retrieving data... Please wait...\n")
			}
			for _, l := range lines {
				say("%s\n", l)
			}
		}
	}
}

// knownContext finds a context the host has, or one above it, whatever
// the case it is typed in.
func knownContext(contexts []string, want string) (string, bool) {
	for _, c := range contexts {
		parts := strings.Split(c, "/")
		for i := len(parts); i > 0; i-- {
			if p := strings.Join(parts[:i], "/"); strings.EqualFold(p, want) {
				return p, true
			}
		}
	}
	return "", false
}

// sourceCommand is the snapshot's command that printed what verb and args
// ask for in context.
func sourceCommand(h *inputs.Host, context, verb, args string) *bwcli.Command {
	for _, c := range h.Commands {
		if c.Reads() && c.In(context) && c.Verb == strings.ToLower(verb) && strings.TrimSpace(c.Args) == strings.TrimSpace(args) {
			return c
		}
	}
	return nil
}

// outputLines are the lines a command printed in the snapshot, without
// the questions and messages the fake prints itself.
func outputLines(snap *inputs.Snapshot, c *bwcli.Command) []string {
	f := snap.File(c.Loc.Filename())
	if f == nil {
		return nil
	}
	lines := strings.Split(strings.ReplaceAll(f.Text, "\r\n", "\n"), "\n")
	var out []string
	for n := c.Range().Start.Line + 1; n <= c.Range().End.Line && n <= len(lines); n++ {
		l := lines[n-1]
		if strings.HasPrefix(l, "About to filter") || strings.HasPrefix(l, "Retrieving data") {
			continue
		}
		out = append(out, l)
	}
	return out
}

func fakeShowver() int {
	snap, h, err := fakeHost()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bwshowver:", err)
		return 1
	}
	for _, p := range h.Files {
		if f := snap.File(p); f != nil && f.Kind == inputs.KindShowVer {
			_, err := io.WriteString(os.Stdout, strings.ReplaceAll(f.Text, "\r\n", "\n"))
			return exitOf(err)
		}
	}
	fmt.Fprintln(os.Stderr, "bash: bwshowver: command not found")
	return 127
}

func fakeSha256sum() int {
	_, h, err := fakeHost()
	if err != nil {
		fmt.Fprintln(os.Stderr, "sha256sum:", err)
		return 1
	}
	status := 0
	for _, p := range os.Args[1:] {
		d, ok := h.Digest(filepath.Base(p))
		if _, err := os.Stat(exportedMark()); !ok || errors.Is(err, os.ErrNotExist) || !slices.Contains([]string{"authService.keys"}, filepath.Base(p)) {
			fmt.Fprintf(os.Stderr, "sha256sum: %s: No such file or directory\n", p)
			status = 1
			continue
		}
		fmt.Printf("%s  %s\n", d.Hex.Text, p)
	}
	return status
}

func exitOf(err error) int {
	if err != nil {
		return 1
	}
	return 0
}
