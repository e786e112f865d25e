package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwlint/bwlint/inputs"
	"github.com/google/go-cmp/cmp"
)

// requireTool finds a program a test runs; without it the test fails
// under CI=true, where .ci/run installs it, and is skipped elsewhere.
func requireTool(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed (%s); CI must run this test", name, install)
	}
	t.Skipf("%s is not installed (%s)", name, install)
	return ""
}

// fakeServer is a directory where capture scripts run against the fakes
// (capturefake_test.go), answering from the snapshot src.
type fakeServer struct {
	src, bin, state, log, work string
	env                        []string
}

func newFakeServer(t *testing.T, src string) *fakeServer {
	t.Helper()
	src, err := filepath.Abs(src)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	f := &fakeServer{src: src, bin: filepath.Join(root, "bin"), state: filepath.Join(root, "state"),
		log: filepath.Join(root, "ssh.log"), work: filepath.Join(root, "work")}
	for _, d := range []string{f.bin, f.state, f.work} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := installFakes(f.bin); err != nil {
		t.Fatal(err)
	}
	f.env = append(os.Environ(), "BWLINT_FAKE_SNAPSHOT="+src, "BWLINT_FAKE_BIN="+f.bin, "BWLINT_FAKE_STATE="+f.state,
		"BWLINT_FAKE_LOG="+f.log, "BWLINT_FAKE_PASSWORD_HOST=xsp2", "BWLINT_FAKE_PASSWORD="+fakePassword, "BWLINT_LOGIN=")
	return f
}

// fakePassword is what the fake login of xsp2 asks for; no capture, output
// or file may show it.
const fakePassword = "pw-7Qz!canary"

// script runs a capture script in the server's work directory, with
// stdin held open after it has been written, as a terminal's would be.
func (f *fakeServer) script(t *testing.T, stdin string, env []string, argv ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = f.work
	cmd.Env = append(slices.Clone(f.env), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	_, _ = in.Write([]byte(stdin))
	err = cmd.Wait()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("%s: %v\n%s", strings.Join(argv, " "), err, out.String())
		}
		code = ee.ExitCode()
	}
	return out.String(), code
}

// bwlintRun runs bwlint in-process and returns stdout.
func bwlintRun(t *testing.T, want int, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"bwlint"}, args...), &stdout, &stderr); code != want {
		t.Fatalf("bwlint %s: exit %d, want %d: %s", strings.Join(args, " "), code, want, stderr.String())
	}
	return stdout.String()
}

// planJSON is the part of capture-plan's JSON the tests read.
type planJSON struct {
	Hosts []struct {
		Name  string
		Steps []planStepJSON
	}
	Roles []struct {
		Role  string
		Steps []planStepJSON
	}
	Deployment []planStepJSON
}

type planStepJSON struct {
	Source, Context, Command, File, Line string
	Prepares                             []string
	Manual, Confirms                     bool
	Checks                               []struct {
		Check    string
		Optional bool
	}
}

// copyManual does the plan's steps by hand: it copies the files of the
// source snapshot that each manual step names into the capture.
func copyManual(t *testing.T, plan planJSON, src, dst string) {
	t.Helper()
	for _, s := range plan.Deployment {
		if !s.Manual {
			t.Errorf("deployment step %s is not marked manual", s.Line)
		}
		matches, err := filepath.Glob(filepath.Join(src, filepath.FromSlash(strings.ReplaceAll(s.File, "<name>", "*"))))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range matches {
			rel, _ := filepath.Rel(src, m)
			data, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dst, rel), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// fillInByHand types, for each host of the plan, the commands the scripts
// leave to the operator because a part of them is to be filled in
// (`detail "<device type>"`): every command of the source snapshot's host
// that the step's pattern matches, with its output, appended to the
// step's file in the capture, as an operator would paste it.
func fillInByHand(t *testing.T, plan planJSON, src, dst string) {
	t.Helper()
	snap, err := inputs.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range plan.Hosts {
		host := snap.Host(h.Name)
		if host == nil {
			t.Fatalf("the plan names host %s, which %s lacks", h.Name, src)
		}
		for _, s := range h.Steps {
			if s.Source != "cli" || !fillIn.MatchString(s.Command) {
				continue
			}
			verb, args, _ := strings.Cut(s.Command, " ")
			pattern := regexp.MustCompile("(?i)^" + strings.Join(splitAround(fillIn, args), ".+") + "$")
			var typed strings.Builder
			for _, c := range host.Commands {
				if c.Reads() && c.In(s.Context) && strings.EqualFold(c.Verb, verb) && pattern.MatchString(strings.TrimSpace(c.Args)) {
					fmt.Fprintf(&typed, "%s_CLI/%s> %s %s\n", serverOfHost(host), c.Path, c.Verb, strings.TrimSpace(c.Args))
					for _, l := range outputLines(snap, c) {
						typed.WriteString(l + "\n")
					}
				}
			}
			if typed.Len() == 0 {
				t.Errorf("%s: the source snapshot has no command %q to type by hand in %s", h.Name, s.Command, s.Context)
				continue
			}
			f, err := os.OpenFile(filepath.Join(dst, filepath.FromSlash(s.File)), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteString(typed.String()); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// fillIn matches a part of a command the operator fills in, as capture
// plans write it.
var fillIn = regexp.MustCompile(`<[A-Za-z][A-Za-z0-9 _-]*>`)

// splitAround splits s around the matches of re, each part quoted for a
// regular expression.
func splitAround(re *regexp.Regexp, s string) []string {
	parts := re.Split(s, -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return parts
}

// lintOutcome is what a lint run established, without the positions in
// the captures, which differ from one rendering of a capture to another,
// and without what describes the inputs rather than the outcome: the
// evidence pack (other files, other bytes, other times) and the command
// line (another snapshot path).
func lintOutcome(t *testing.T, report string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(report), &m); err != nil {
		t.Fatal(err)
	}
	var strip func(v any)
	strip = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if _, ok := x["path"]; ok {
				for _, k := range []string{"line", "column", "end_line", "end_column", "start_byte", "end_byte"} {
					delete(x, k)
				}
			}
			// A waiver's block is located relative to each snapshot's
			// root, and the two lie in different places.
			if w, ok := x["waived"].(map[string]any); ok {
				delete(w, "location")
			}
			for _, e := range x {
				strip(e)
			}
		case []any:
			for _, e := range x {
				strip(e)
			}
		}
	}
	strip(m)
	for _, k := range []string{"policy", "evidence", "invocation"} {
		delete(m, k)
	}
	return m
}

// TestCaptureRoundTripExpect captures the example snapshot again through
// the expect scripts of its capture plan, from a fake server that answers
// from its transcripts (one login asking for a password), and lints the
// capture: the same findings, not evaluated and gaps, no input problem.
func TestCaptureRoundTripExpect(t *testing.T) {
	expect := requireTool(t, "expect", "apt-get install -y expect")
	requireTool(t, "bash", "apt-get install -y bash")
	src := filepath.Join("..", "..", "testdata", "example")
	policy := filepath.Join(src, ".bwlint.hcl")
	srv := newFakeServer(t, src)
	scripts := filepath.Join(t.TempDir(), "scripts")
	bwlintRun(t, exitOK, "capture-plan", "--full", "--format", "expect", "--output", scripts, src)
	var plan planJSON
	if err := json.Unmarshal([]byte(bwlintRun(t, exitOK, "capture-plan", "--full", "--format", "json", src)), &plan); err != nil {
		t.Fatal(err)
	}
	snap := filepath.Join(srv.work, "capture")
	if err := os.Mkdir(snap, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, h := range plan.Hosts {
		stdin := ""
		if h.Name == "xsp2" {
			stdin = fakePassword + "\n"
		}
		out, code := srv.script(t, stdin, nil, expect, filepath.Join(scripts, "capture-"+h.Name+".exp"), "-login", filepath.Join(srv.bin, "fake-ssh"), "-timeout", "30", "capture")
		if code != 0 {
			t.Fatalf("the script of %s exited %d:\n%s", h.Name, code, out)
		}
		if strings.Contains(out, fakePassword) {
			t.Errorf("the session of %s shows the password:\n%s", h.Name, out)
		}
		if h.Name == "xsp2" && !strings.Contains(out, "the login asks for a password") {
			t.Errorf("the script did not hand the password question to the operator:\n%s", out)
		}
	}
	logins, err := os.ReadFile(srv.log)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(logins), "\n"); got != len(plan.Hosts) {
		t.Errorf("%d logins for %d hosts, want one each:\n%s", got, len(plan.Hosts), logins)
	}
	copyManual(t, plan, srv.src, snap)
	fillInByHand(t, plan, srv.src, snap)
	assertSameLint(t, src, snap, policy, exitFindings)
}

// assertSameLint lints the original and the capture with one policy and
// compares what they established.
func assertSameLint(t *testing.T, src, snap, policy string, code int) {
	t.Helper()
	want := bwlintRun(t, code, "lint", "--format", "json", "--config", policy, src)
	got := bwlintRun(t, code, "lint", "--format", "json", "--config", policy, snap)
	wantM, gotM := lintOutcome(t, want), lintOutcome(t, got)
	if problems, _ := gotM["input_problems"].([]any); len(problems) != 0 {
		t.Errorf("the capture has input problems: %v", problems)
	}
	if d := cmp.Diff(wantM, gotM); d != "" {
		t.Errorf("linting the capture does not give what linting the snapshot gives (-snapshot +capture):\n%s", d)
	}
	_ = filepath.WalkDir(snap, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, _ := os.ReadFile(p); bytes.Contains(data, []byte(fakePassword)) {
				t.Errorf("%s holds the password", p)
			}
		}
		return nil
	})
}

// TestCaptureRoundTripShell does the same with the plain shell scripts,
// one ssh command per capture, bwcli reading its commands from a pipe.
func TestCaptureRoundTripShell(t *testing.T) {
	sh := requireTool(t, "sh", "a POSIX shell")
	requireTool(t, "bash", "apt-get install -y bash")
	src := filepath.Join("..", "..", "testdata", "example")
	srv := newFakeServer(t, src)
	scripts := filepath.Join(t.TempDir(), "scripts")
	bwlintRun(t, exitOK, "capture-plan", "--full", "--format", "shell", "--output", scripts, src)
	var plan planJSON
	if err := json.Unmarshal([]byte(bwlintRun(t, exitOK, "capture-plan", "--full", "--format", "json", src)), &plan); err != nil {
		t.Fatal(err)
	}
	snap := filepath.Join(srv.work, "capture")
	if err := os.Mkdir(snap, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, h := range plan.Hosts {
		out, code := srv.script(t, "", []string{"BWLINT_LOGIN=" + filepath.Join(srv.bin, "fake-ssh"), "BWLINT_FAKE_PASSWORD_HOST="},
			sh, filepath.Join(scripts, "capture-"+h.Name+".sh"), "capture")
		if code != 0 {
			t.Fatalf("the script of %s exited %d:\n%s", h.Name, code, out)
		}
	}
	copyManual(t, plan, srv.src, snap)
	fillInByHand(t, plan, srv.src, snap)
	assertSameLint(t, src, snap, filepath.Join(src, ".bwlint.hcl"), exitFindings)
}

// hostileHost is a host folder name that would run commands if a script
// let the shell, Tcl or ssh read it as anything but a name: ssh options,
// command substitutions of sh and Tcl, quotes of both, a comment's
// trailing backslash.
const hostileHost = "-oProxyCommand=touch pwned0;$(touch pwned1)`touch pwned2`'\"[exec touch pwned3]{$env(HOME)} ~é\\"

// TestCaptureScriptsQuoteHostNames runs both scripts for a host with a
// hostile name: the login is given the name exactly, nothing runs, and
// the captures land in the host's folder.
func TestCaptureScriptsQuoteHostNames(t *testing.T) {
	expect := requireTool(t, "expect", "apt-get install -y expect")
	sh := requireTool(t, "sh", "a POSIX shell")
	requireTool(t, "bash", "apt-get install -y bash")
	t.Setenv("BWLINT_CONFIG", "")
	src := filepath.Join(t.TempDir(), "src")
	from := filepath.Join("..", "..", "testdata", "example", "hosts", "xsp1")
	if err := os.CopyFS(filepath.Join(src, "hosts", hostileHost), os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"expect", "shell"} {
		t.Run(format, func(t *testing.T) {
			srv := newFakeServer(t, src)
			scripts := filepath.Join(srv.work, "scripts")
			bwlintRun(t, exitOK, "capture-plan", "--full", "--format", format, "--output", scripts, src)
			snap := filepath.Join(srv.work, "capture")
			if err := os.Mkdir(snap, 0o755); err != nil {
				t.Fatal(err)
			}
			var out string
			var code int
			if format == "expect" {
				out, code = srv.script(t, "", nil, expect, filepath.Join(scripts, "capture-"+hostileHost+".exp"), "-login", filepath.Join(srv.bin, "fake-ssh"), "-timeout", "30", "capture")
			} else {
				out, code = srv.script(t, "", []string{"BWLINT_LOGIN=" + filepath.Join(srv.bin, "fake-ssh")}, sh, filepath.Join(scripts, "capture-"+hostileHost+".sh"), "capture")
			}
			if code != 0 {
				t.Fatalf("the script exited %d:\n%s", code, out)
			}
			logins, err := os.ReadFile(srv.log)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(strings.TrimSpace(string(logins)), "\n") {
				if host := strconv.Quote(hostileHost); !strings.HasPrefix(l, host+" ") {
					t.Errorf("the login was given %s, want the host %s", l, host)
				}
			}
			_ = filepath.WalkDir(srv.work, func(p string, d os.DirEntry, err error) error {
				if err == nil && strings.HasPrefix(d.Name(), "pwned") {
					t.Errorf("the host name ran a command: %s exists", p)
				}
				return nil
			})
			for _, f := range []string{"bwshowver.txt", "certificate-auth.txt", "authservice-keys.sha256"} {
				if _, err := os.Stat(filepath.Join(snap, "hosts", hostileHost, f)); err != nil {
					t.Errorf("not captured into the host's folder: %v", err)
				}
			}
			var plan planJSON
			if err := json.Unmarshal([]byte(bwlintRun(t, exitOK, "capture-plan", "--full", "--format", "json", src)), &plan); err != nil {
				t.Fatal(err)
			}
			fillInByHand(t, plan, src, snap)
			policy := filepath.Join(t.TempDir(), "empty.hcl")
			if err := os.WriteFile(policy, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			assertSameLint(t, src, snap, policy, exitOK)
		})
	}
}

// TestCaptureScriptsMissingContext runs both scripts of as1 with two site
// rules whose contexts the host lacks: the one every AS needs is reported
// and fails the run, the one of any role is skipped quietly, every other
// capture is saved; run again, the script will not replace them.
func TestCaptureScriptsMissingContext(t *testing.T) {
	expect := requireTool(t, "expect", "apt-get install -y expect")
	sh := requireTool(t, "sh", "a POSIX shell")
	requireTool(t, "bash", "apt-get install -y bash")
	src := filepath.Join("..", "..", "testdata", "example")
	policy := filepath.Join("testdata", "capture-missing-context.hcl")
	for _, format := range []string{"expect", "shell"} {
		t.Run(format, func(t *testing.T) {
			srv := newFakeServer(t, src)
			scripts := filepath.Join(srv.work, "scripts")
			bwlintRun(t, exitOK, "capture-plan", "--full", "--config", policy, "--format", format, "--host", "as1", "--output", scripts, src)
			if err := os.Mkdir(filepath.Join(srv.work, "capture"), 0o755); err != nil {
				t.Fatal(err)
			}
			capture := func(extra ...string) (string, int) {
				if format == "expect" {
					args := append([]string{expect, filepath.Join(scripts, "capture-as1.exp"), "-login", filepath.Join(srv.bin, "fake-ssh"), "-timeout", "30"}, extra...)
					return srv.script(t, "", nil, append(args, "capture")...)
				}
				args := append([]string{sh, filepath.Join(scripts, "capture-as1.sh")}, extra...)
				return srv.script(t, "", []string{"BWLINT_LOGIN=" + filepath.Join(srv.bin, "fake-ssh")}, append(args, "capture")...)
			}
			out, code := capture()
			if code != 1 {
				t.Fatalf("exit %d, want 1 (a capture failed):\n%s", code, out)
			}
			for _, want := range []string{"no context Interface/SNMP/Agent", "not captured: agent.txt"} {
				if !strings.Contains(out, want) {
					t.Errorf("the script does not say %q:\n%s", want, out)
				}
			}
			if strings.Contains(out, "not captured: agent.txt ntp.txt") || strings.Contains(out, "not captured: agent.txt, ntp.txt") {
				t.Errorf("a capture of any role counts as failed:\n%s", out)
			}
			dir := filepath.Join(srv.work, "capture", "hosts", "as1")
			for _, f := range []string{"bwshowver.txt", "interface-messaging.txt", "container-options.txt", "patching.txt"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("not saved: %v", err)
				}
			}
			for _, f := range []string{"agent.txt", "ntp.txt"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
					t.Errorf("%s saved, though its context does not exist", f)
				}
			}
			before, _ := os.ReadFile(filepath.Join(dir, "patching.txt"))
			out, code = capture()
			if code != 2 || !strings.Contains(out, "already holds") {
				t.Errorf("run again: exit %d, want 2 refusing to replace the captures:\n%s", code, out)
			}
			if after, _ := os.ReadFile(filepath.Join(dir, "patching.txt")); !bytes.Equal(before, after) {
				t.Error("a capture was replaced")
			}
			force := "-force"
			if format == "shell" {
				force = "-f"
			}
			if out, code = capture(force); code != 1 {
				t.Errorf("with %s: exit %d, want 1 (the context is still missing):\n%s", force, code, out)
			}
		})
	}
}
