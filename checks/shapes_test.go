package checks

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/hashicorp/hcl/v2"
)

// The shapes test re-renders the example snapshot the way operators'
// terminals and tools save captures — sessions joined into one file or
// split into many, bwshowver before bwcli or after exit, abbreviated
// commands, expect, script and PuTTY logs, CRLF, UTF-16, escape sequences,
// corrected typing — and checks that lint finds exactly what it finds in
// the clean example, each finding pointing at the same token in the
// rendered file.

// srcLine is a line of the example snapshot.
type srcLine struct {
	path string // relative to the snapshot root
	num  int
}

// outLine is a line of a rendered file: its bytes without the line
// break, and the example line it shows, if any.
type outLine struct {
	text   string
	origin srcLine
}

// exampleHost is a host folder of the example: its bwshowver output, CLI
// transcripts and digest files.
type exampleHost struct {
	name    string
	server  string // the prompt's server prefix: "AS", "XSP"
	showver []outLine
	cli     [][]outLine // one per transcript file
	digests []outLine
}

// shape renders one host's captures as files, by name in the host folder.
type shape struct {
	name   string
	render func(h *exampleHost) map[string][]outLine
	encode func(text string) []byte // how files are stored; nil: UTF-8 with LF
}

func readExample(t *testing.T, root string) []*exampleHost {
	t.Helper()
	hostDirs, err := os.ReadDir(filepath.Join(root, "hosts"))
	if err != nil {
		t.Fatal(err)
	}
	var hosts []*exampleHost
	for _, hd := range hostDirs {
		h := &exampleHost{name: hd.Name()}
		files, err := os.ReadDir(filepath.Join(root, "hosts", hd.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			rel := "hosts/" + hd.Name() + "/" + f.Name()
			raw, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatal(err)
			}
			var lines []outLine
			for i, s := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
				lines = append(lines, outLine{text: s, origin: srcLine{rel, i + 1}})
			}
			switch {
			case strings.HasSuffix(f.Name(), ".sha256"):
				h.digests = append(h.digests, lines...)
			case strings.Contains(lines[0].text, " version Rel_"):
				h.showver = lines
			default:
				h.cli = append(h.cli, lines)
				h.server, _, _ = strings.Cut(lines[0].text, "_CLI")
			}
		}
		hosts = append(hosts, h)
	}
	return hosts
}

// Pieces the shapes assemble.

func added(lines ...string) []outLine {
	out := make([]outLine, len(lines))
	for i, s := range lines {
		out[i] = outLine{text: s}
	}
	return out
}

func shellPrompt(h *exampleHost) string { return "bwadmin@" + h.name + ".example.net$ " }

func banner() []outLine {
	rule := strings.Repeat("=", 70)
	return added(rule, "BroadWorks Command Line Interface", "  Type HELP for more information", rule, "")
}

func exitDialogue(h *exampleHost) []outLine {
	return added(h.server+"_CLI> exit", "Please confirm (Yes, Y, No, N): y", "This session is now ending...")
}

func allCLI(h *exampleHost) []outLine {
	var out []outLine
	for _, f := range h.cli {
		out = append(out, f...)
	}
	return out
}

// isPrompt reports whether an example line is a CLI prompt, and splits it.
func isPrompt(s string) (prompt, typed string, ok bool) {
	gt := strings.Index(s, "> ")
	if !strings.Contains(s, "_CLI") || gt < 0 {
		return "", "", false
	}
	return s[:gt+1], s[gt+2:], true
}

// mapPrompts rewrites every prompt line of the CLI transcripts.
func mapPrompts(lines []outLine, f func(i int, prompt, typed string) string) []outLine {
	out := make([]outLine, len(lines))
	n := 0
	for i, l := range lines {
		out[i] = l
		if prompt, typed, ok := isPrompt(l.text); ok {
			out[i].text = f(n, prompt, typed)
			n++
		}
	}
	return out
}

// separate keeps each capture in its own file, as the example does.
func separate(h *exampleHost, cli func([]outLine) []outLine) map[string][]outLine {
	files := map[string][]outLine{}
	if h.showver != nil {
		files["bwshowver.txt"] = h.showver
	}
	for i, f := range h.cli {
		files[fmt.Sprintf("cli-%d.txt", i+1)] = cli(f)
	}
	if h.digests != nil {
		files["keys.sha256"] = h.digests
	}
	return files
}

// session joins everything a host shows into one terminal session:
// bwshowver at the shell, then bwcli, then sha256sum after exit.
func session(h *exampleHost, cli []outLine) []outLine {
	p := shellPrompt(h)
	var out []outLine
	if h.showver != nil {
		out = append(out, added(p+"bwshowver")...)
		out = append(out, h.showver...)
	}
	out = append(out, added(p+"bwcli")...)
	out = append(out, banner()...)
	out = append(out, cli...)
	out = append(out, exitDialogue(h)...)
	if h.digests != nil {
		out = append(out, added(p+"sha256sum /var/broadworks/tmp/authService.keys")...)
		out = append(out, h.digests...)
	}
	return append(out, added(p+"exit", "logout")...)
}

// abbreviations are the shortest names bwlint's model of the CLI expands
// for the example's contexts: the first three letters, but where siblings
// share them.
var abbreviations = map[string]string{"Xsi-Events": "xsi-e", "SubscriberMgmt": "sub"}

func abbreviate(seg string) string {
	if a, ok := abbreviations[seg]; ok {
		return a
	}
	return strings.ToLower(seg[:min(3, len(seg))])
}

var verbAbbreviations = map[string][]string{
	"get":       {"g", "Ge", "GET", "ge"},
	"detail":    {"det", "DETAIL"},
	"listPatch": {"listp", "LISTPATCH"},
	"cd":        {"cd"},
}

// abbreviated types every command as an operator in a hurry does: from
// the context the previous command left, with "/" and abbreviated context
// names, then an abbreviated verb, and the CLI's prompt showing where
// each command was typed.
func abbreviated(h *exampleHost) []outLine {
	lines := allCLI(h)
	cur := "" // the context the CLI is in
	out := make([]outLine, 0, len(lines))
	n := 0
	for i, l := range lines {
		prompt, typed, ok := isPrompt(l.text)
		if !ok {
			out = append(out, l)
			continue
		}
		ctx := strings.TrimSuffix(strings.TrimPrefix(prompt, h.server+"_CLI"), ">")
		ctx = strings.TrimPrefix(ctx, "/")
		verb, args, _ := strings.Cut(typed, " ")
		forms := verbAbbreviations[verb]
		word := forms[n%len(forms)]
		n++
		var steps []string
		if ctx != cur {
			steps = append(steps, "/")
			for seg := range strings.SplitSeq(ctx, "/") {
				if seg != "" {
					steps = append(steps, abbreviate(seg))
				}
			}
		}
		cmd := word
		if verb == "cd" {
			cmd += " " + abbreviate(args)
		} else if args != "" {
			cmd += " " + args
		}
		steps = append(steps, cmd)
		shown := h.server + "_CLI"
		if cur != "" {
			shown += "/" + cur
		}
		out = append(out, outLine{text: shown + "> " + strings.Join(steps, ";"), origin: l.origin})
		cur = ctx
		if verb == "cd" {
			// The next prompt of the transcript shows where cd led.
			for _, next := range lines[i+1:] {
				if p, _, ok := isPrompt(next.text); ok {
					cur = strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(p, h.server+"_CLI"), ">"), "/")
					break
				}
			}
		}
	}
	// Back to the top, where the session's exit is typed.
	return append(out, added(h.server+"_CLI/"+cur+"> /")...)
}

// typos types each command with a mistake corrected: a wrong letter then
// backspace, DEL, or a terminal that echoes the erase key as ^H.
func typos(lines []outLine) []outLine {
	return mapPrompts(lines, func(i int, prompt, typed string) string {
		erase := [...]string{"\b", "\x7f", "^H", "\b \b"}[i%4]
		return prompt + " " + typed[:1] + "x" + erase + typed[1:]
	})
}

// coloured is what a terminal with a coloured prompt and tput in the
// profile records: a window title and colours around every prompt,
// "ESC ( B ESC [ m" (tput sgr0) after every line of output, erase-line at
// the end of each line, and a prompt redrawn after a carriage return.
func coloured(lines []outLine) []outLine {
	out := make([]outLine, len(lines))
	for i, l := range lines {
		out[i] = l
		if prompt, typed, ok := isPrompt(l.text); ok {
			out[i].text = "\x1b]0;bwadmin@host: ~\x07\x1b[1;32m" + prompt + "\x1b(B\x1b[m \r\x1b[1;32m" + prompt + "\x1b(B\x1b[m " + typed + "\x1b[K"
			continue
		}
		if l.text != "" {
			out[i].text = l.text + "\x1b(B\x1b[m\x1b[K"
		}
	}
	return out
}

// expectLog is what expect's log_file saves with exp_internal on: the
// spawn line, and the matching and sending around every command.
func expectLog(h *exampleHost) []outLine {
	out := added("spawn sudo -u bworks /usr/local/broadworks/bw_base/bin/bwcli")
	for _, l := range allCLI(h) {
		if _, typed, ok := isPrompt(l.text); ok {
			out = append(out, added(`expect: does "" (spawn_id exp6) match glob pattern "`+h.server+`_CLI*"? yes`)...)
			out = append(out, l)
			out = append(out, added(`send: sending "`+typed+`\r" to { exp6 }`)...)
			continue
		}
		out = append(out, l)
	}
	return append(out, exitDialogue(h)...)
}

func crlf(text string) []byte { return []byte(strings.ReplaceAll(text, "\n", "\r\n")) }

func utf16le(text string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(text)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(text string) []byte {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(strings.ReplaceAll(text, "\n", "\r\n"))) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// withoutBOM drops the byte-order mark that encode writes, as Windows
// tools that save "Unicode" without one, iconv and a Windows clipboard
// pasted into a file do.
func withoutBOM(encode func(string) []byte) func(string) []byte {
	return func(text string) []byte { return encode(text)[2:] }
}

var shapes = []shape{
	{name: "each capture in its own file, as the example", render: func(h *exampleHost) map[string][]outLine {
		return separate(h, func(l []outLine) []outLine { return l })
	}},
	{name: "one session: bwshowver at the shell, bwcli, exit, sha256sum", render: func(h *exampleHost) map[string][]outLine {
		return map[string][]outLine{"session.txt": session(h, allCLI(h))}
	}},
	{name: "one file per command", render: func(h *exampleHost) map[string][]outLine {
		files := separate(h, func(l []outLine) []outLine { return l })
		for name := range files {
			if strings.HasPrefix(name, "cli-") {
				delete(files, name)
			}
		}
		n := 0
		for _, l := range allCLI(h) {
			if _, _, ok := isPrompt(l.text); ok {
				n++
			}
			name := fmt.Sprintf("cmd-%02d.txt", n)
			files[name] = append(files[name], l)
		}
		return files
	}},
	{name: "bwcli first, bwshowver after exit without its prompt, sha256sum at a bare prompt", render: func(h *exampleHost) map[string][]outLine {
		out := append(banner(), allCLI(h)...)
		out = append(out, exitDialogue(h)...)
		out = append(out, h.showver...)
		if h.digests != nil {
			out = append(out, added("$ sha256sum /var/broadworks/tmp/authService.keys")...)
			out = append(out, h.digests...)
		}
		return map[string][]outLine{"session.txt": out}
	}},
	{name: "abbreviated commands and navigation", render: func(h *exampleHost) map[string][]outLine {
		return map[string][]outLine{"session.txt": session(h, abbreviated(h))}
	}},
	{name: "typing corrected with backspace, DEL and ^H", render: func(h *exampleHost) map[string][]outLine {
		return map[string][]outLine{"session.txt": session(h, typos(allCLI(h)))}
	}},
	{name: "colours, window titles, tput sgr0 and prompts redrawn", render: func(h *exampleHost) map[string][]outLine {
		return map[string][]outLine{"session.txt": coloured(session(h, allCLI(h)))}
	}},
	{name: "an expect log, bwshowver in a script(1) typescript with a PuTTY header", render: func(h *exampleHost) map[string][]outLine {
		files := separate(h, func(l []outLine) []outLine { return l })
		for name := range files {
			if strings.HasPrefix(name, "cli-") {
				delete(files, name)
			}
		}
		files["expect.log.txt"] = expectLog(h)
		if h.showver != nil {
			sv := added("=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.01.02 10:11:12 =~=~=~=~=~=~=~=~=~=~=~=",
				`Script started on 2026-01-02 10:11:12+00:00 [TERM="xterm" TTY="/dev/pts/0" COLUMNS="120" LINES="40"]`,
				shellPrompt(h)+"bwshowver")
			sv = append(sv, h.showver...)
			sv = append(sv, added(shellPrompt(h)+"exit", `Script done on 2026-01-02 10:11:20+00:00 [COMMAND_EXIT_CODE="0"]`)...)
			files["bwshowver.txt"] = sv
		}
		return files
	}},
	{name: "patch lists from the shell's listPatch.pl, the rest in one session", render: func(h *exampleHost) map[string][]outLine {
		// Every CLI listPatch becomes the shell script's listing: the
		// same table, its own prompt and footer.
		var cli, shell []outLine
		for _, f := range h.cli {
			if _, typed, _ := isPrompt(f[0].text); typed == "listPatch" {
				shell = append(shell, added("[bwadmin@"+h.name+" sbin]$ ./listPatch.pl")...)
				shell = append(shell, f[1:]...)
				shell = append(shell, added("listPatch command successfully executed.")...)
				continue
			}
			cli = append(cli, f...)
		}
		out := session(h, cli)
		return map[string][]outLine{"session.txt": append(out[:len(out)-2:len(out)-2], append(shell, out[len(out)-2:]...)...)}
	}},
	{name: "CRLF line ends", encode: crlf, render: func(h *exampleHost) map[string][]outLine {
		return map[string][]outLine{"session.txt": session(h, allCLI(h))}
	}},
	{name: "UTF-16LE with a byte-order mark", encode: utf16le, render: func(h *exampleHost) map[string][]outLine {
		return separate(h, func(l []outLine) []outLine { return l })
	}},
	{name: "UTF-16BE with a byte-order mark and CRLF, one session", encode: utf16be, render: func(h *exampleHost) map[string][]outLine {
		return map[string][]outLine{"session.txt": session(h, allCLI(h))}
	}},
	{name: "UTF-16LE without a byte-order mark and CRLF, one session", encode: withoutBOM(func(text string) []byte { return utf16le(string(crlf(text))) }), render: func(h *exampleHost) map[string][]outLine {
		return map[string][]outLine{"session.txt": session(h, allCLI(h))}
	}},
	{name: "UTF-16BE without a byte-order mark and CRLF, each capture in its own file", encode: withoutBOM(utf16be), render: func(h *exampleHost) map[string][]outLine {
		return separate(h, func(l []outLine) []outLine { return l })
	}},
}

// rendered is one rendering of the example on disk.
type rendered struct {
	root  string
	where map[srcLine]srcLine // example line → rendered file and line
}

func render(t *testing.T, example string, hosts []*exampleHost, s shape) rendered {
	t.Helper()
	root := t.TempDir()
	// Everything but the host folders is copied as it is: Partner Hub
	// files, tag sets, OCI-P captures.
	entries, err := os.ReadDir(example)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "hosts" {
			continue
		}
		if err := os.CopyFS(filepath.Join(root, e.Name()), os.DirFS(filepath.Join(example, e.Name()))); err != nil {
			t.Fatal(err)
		}
	}
	r := rendered{root: root, where: map[srcLine]srcLine{}}
	for _, h := range hosts {
		for name, lines := range s.render(h) {
			rel := "hosts/" + h.name + "/" + name
			var b strings.Builder
			for i, l := range lines {
				b.WriteString(l.text + "\n")
				if l.origin.path != "" {
					if prev, dup := r.where[l.origin]; dup {
						t.Fatalf("shape renders %v twice: %v and %s:%d", l.origin, prev, rel, i+1)
					}
					r.where[l.origin] = srcLine{rel, i + 1}
				}
			}
			data := []byte(b.String())
			if s.encode != nil {
				data = s.encode(b.String())
			}
			p := filepath.Join(root, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return r
}

// lintSnapshot loads a snapshot and runs the example's policy on it.
func lintSnapshot(t *testing.T, root string, cfg *config.Config) (*inputs.Snapshot, *lint.Result) {
	t.Helper()
	snap, err := inputs.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run(context.Background(), snap, cfg.Checks(), cfg.Settings())
	for _, f := range res.Failures {
		t.Fatalf("check %s failed: %s", f.Check, f.Err)
	}
	return snap, res
}

// identity is what a finding says, apart from where.
func identity(f lint.Finding) string {
	return fmt.Sprintf("%s %s %s|%s %q expected %q actual %q", f.Check, f.Host, f.Logical.Context, f.Logical.Key, f.Message, f.Expected, f.Actual)
}

// located returns the text a range covers, as the terminal showed it.
func located(snap *inputs.Snapshot, r hcl.Range) string {
	f := snap.File(r.Filename)
	if f == nil || r.Start.Byte > r.End.Byte || r.End.Byte > len(f.Text) {
		return fmt.Sprintf("<no text at %v>", r)
	}
	l, _ := source.NewLines(f.Text[r.Start.Byte:r.End.Byte]).Next()
	return l.Text
}

func TestExampleInEveryShape(t *testing.T) {
	example := filepath.Join("..", "testdata", "example")
	cfg, diags := config.Load(filepath.Join(example, ".bwlint.hcl"), Catalog())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	cleanSnap, clean := lintSnapshot(t, example, cfg)
	if len(clean.Findings) == 0 {
		t.Fatal("the example has no findings to compare")
	}
	hosts := readExample(t, example)
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			r := render(t, example, hosts, s)
			snap, got := lintSnapshot(t, r.root, cfg)
			for _, p := range snap.Problems {
				t.Errorf("input problem: %s", p.Error())
			}
			if len(got.Findings) != len(clean.Findings) {
				t.Fatalf("%d findings, want %d:\n%s", len(got.Findings), len(clean.Findings), findingList(got.Findings))
			}
			want := slices.Clone(clean.Findings)
			have := slices.Clone(got.Findings)
			byIdentity := func(a, b lint.Finding) int { return cmp.Compare(identity(a), identity(b)) }
			slices.SortFunc(want, byIdentity)
			slices.SortFunc(have, byIdentity)
			for i := range want {
				w, g := want[i], have[i]
				if identity(w) != identity(g) {
					t.Errorf("finding %d:\n got  %s\n want %s", i, identity(g), identity(w))
					continue
				}
				checkLocation(t, cleanSnap, snap, r, "finding "+identity(w), w.Location, g.Location)
				if len(w.Related) != len(g.Related) {
					t.Errorf("%s: %d related locations, want %d", identity(w), len(g.Related), len(w.Related))
					continue
				}
				for k := range w.Related {
					checkLocation(t, cleanSnap, snap, r, "related location of "+identity(w), w.Related[k].Location, g.Related[k].Location)
				}
			}
			if a, b := notEvaluated(clean), notEvaluated(got); a != b {
				t.Errorf("not evaluated:\n%s\nwant\n%s", b, a)
			}
		})
	}
}

// checkLocation checks that a finding of a rendering points at the line
// the example's line became, at a range that shows the same token.
func checkLocation(t *testing.T, cleanSnap, snap *inputs.Snapshot, r rendered, what string, want, got hcl.Range) {
	t.Helper()
	if !strings.HasPrefix(want.Filename, "hosts/") {
		if got != want {
			t.Errorf("%s: at %v, want %v", what, got, want)
		}
		return
	}
	at, ok := r.where[srcLine{want.Filename, want.Start.Line}]
	if !ok {
		t.Fatalf("%s: the shape does not render %s:%d", what, want.Filename, want.Start.Line)
	}
	if got.Filename != at.path || got.Start.Line != at.num || got.End.Line != at.num {
		t.Errorf("%s: at %s:%d-%d, want line %s:%d", what, got.Filename, got.Start.Line, got.End.Line, at.path, at.num)
		return
	}
	if token, shown := located(cleanSnap, want), located(snap, got); shown != token || token == "" {
		t.Errorf("%s: the range %s:%d:%d-%d shows %q, want %q", what, got.Filename, got.Start.Line, got.Start.Column, got.End.Column, shown, token)
	}
	ix := source.NewIndex(got.Filename, snap.File(got.Filename).Text)
	if ix.Pos(got.Start.Byte) != got.Start || ix.Pos(got.End.Byte) != got.End {
		t.Errorf("%s: range %v disagrees with its byte offsets (%v-%v)", what, got, ix.Pos(got.Start.Byte), ix.Pos(got.End.Byte))
	}
}

func notEvaluated(r *lint.Result) string {
	var out []string
	for _, n := range r.NotEvaluated {
		out = append(out, n.Check+" "+n.Host)
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

func findingList(fs []lint.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s at %s:%d:%d\n", identity(f), f.Location.Filename, f.Location.Start.Line, f.Location.Start.Column)
	}
	return b.String()
}
