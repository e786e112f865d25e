package session

import (
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/digest"
	"github.com/bwlint/bwlint/inputs/showver"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// Capture is what was read of one capture file.
type Capture struct {
	Path string
	// Commands are the CLI commands, and the shell commands whose output
	// is read as CLI output (listPatch.pl), in file order.
	Commands []*bwcli.Command
	// ShowVers holds the output of each bwshowver, in file order.
	ShowVers []*showver.ShowVer
	// Digests holds the lines sha256sum printed.
	Digests []digest.Digest
	// Lines counts what became of every line of the file.
	Lines source.LineCounts
}

// Parse reads one capture file; path is its name relative to the snapshot
// root and text its decoded content (see source.Decode).
func Parse(path, text string) (*Capture, []source.Problem) { return ParseIn(nil, path, text) }

// ParseIn is Parse carving the CLI sessions' model from ar (see
// bwcli.Arenas); nil gives the file arenas of its own.
func ParseIn(ar *bwcli.Arenas, path, text string) (*Capture, []source.Problem) {
	r := &reader{
		pos: source.NewPositions(path, text),
		cli: bwcli.NewReaderIn(ar, path, text),
		cap: &Capture{Path: path},
	}
	var first source.Line
	for sc := source.NewLines(text); ; {
		l, ok := sc.Next()
		if !ok {
			break
		}
		if l.Num == 1 {
			first = l
		}
		r.line(&l)
	}
	r.finishShell()
	t, cliProblems := r.cli.Result()
	r.cap.Commands = t.Commands
	r.counts.Add(t.Lines)
	r.cap.Lines = r.counts

	probs := r.problems.List()
	probs = append(probs, cliProblems...)
	if r.counts.Commands+r.counts.Values == 0 {
		// Nothing was understood: one error says so, rather than a note
		// for every line.
		at := hcl.Range{Filename: path}
		if first.Num != 0 {
			at = r.pos.Content(&first)
		}
		probs = append(probs, source.Errorf(at, "no BroadWorks CLI prompt (such as \"AS_CLI/Interface/Messaging> get\"), bwshowver output or shell command that bwlint reads was found: nothing in this file was understood"))
	} else {
		probs = append(probs, r.outside.List()...)
	}
	return r.cap, probs
}

// mode is the kind of session the reader is in.
type mode uint8

const (
	inShell mode = iota
	inCLI
)

type reader struct {
	pos      *source.Positions
	cli      *bwcli.Reader
	cap      *Capture
	mode     mode
	counts   source.LineCounts // lines the reader counted itself
	problems source.Problems
	// outside holds the notes about lines outside any command, which
	// are dropped when nothing in the file was understood.
	outside source.Problems

	sh  shellCommand  // the shell command whose output is being read
	buf []source.Line // its output, for the parsers that read it whole
}

// shellCommand is a command typed at a shell prompt, or the start of
// output recognised without one.
type shellCommand struct {
	kind  progKind
	line  source.Line // the prompt line; zero for output without one
	word  [2]int      // the program's name on line
	name  string      // the program as typed
	shown int         // lines of output kept as text
}

// line reads the next line of the file.
func (r *reader) line(l *source.Line) {
	t := strings.TrimSpace(l.Text)
	if isLogNoise(t) || (r.mode == inShell && isTimestamp(t)) {
		// A bare timestamp is a logging tool's between sessions; in CLI
		// output it may be a table's only cell.
		r.counts.Noise++
		return
	}
	if bwcli.IsPrompt(l.Text) {
		if r.mode == inShell {
			r.finishShell()
			r.mode = inCLI
		}
		r.cli.Line(l)
		return
	}
	if r.mode == inCLI {
		_, strong := shellPrompt(l.Text, true)
		leaving := r.cli.Exiting() && t != "" && !isExitDialogue(t)
		if !strong && !leaving {
			r.cli.Line(l)
			return
		}
		// The CLI session ended: what follows is the shell's.
		r.cli.End()
		r.mode = inShell
		r.sh = shellCommand{}
	}
	if cmd, ok := shellPrompt(l.Text, false); ok {
		r.finishShell()
		r.startShell(l, cmd)
		return
	}
	r.output(l, t)
}

// isExitDialogue recognises what the CLI prints after exit.
func isExitDialogue(t string) bool {
	return strings.Contains(t, "Please confirm (") || strings.HasPrefix(t, "This session is now ending")
}

// startShell starts the command typed on a shell prompt; cmd is its span
// in l.Text, empty for a prompt where nothing was typed.
func (r *reader) startShell(l *source.Line, cmd [2]int) {
	if cmd[0] == cmd[1] {
		r.counts.Noise++
		r.sh = shellCommand{}
		return
	}
	if strings.Contains(l.Text[cmd[0]:], "^") {
		l.EraseCarets(cmd[0])
		cmd[1] = len(l.Text)
	}
	prog, word := identify(l.Text, cmd)
	r.sh = shellCommand{kind: prog.kind, line: *l, word: word, name: l.Text[word[0]:word[1]]}
	switch prog.kind {
	case progPatches, progQuiet, progUnknown:
		// Counted and kept by the CLI reader, which reads patch lists as
		// it reads Maintenance/Patching.
		r.cli.Shell(l, cmd, prog.verb, prog.path)
	default:
		r.counts.Commands++
	}
}

// output reads a line of shell output.
func (r *reader) output(l *source.Line, t string) {
	switch r.sh.kind {
	case progShowVer:
		if isCLIBanner(t) {
			// bwcli started without its prompt line captured.
			r.finishShell()
			r.sniff(l, t)
			return
		}
		r.buf = append(r.buf, *l)
	case progDigest:
		if r.sh.line.Num == 0 && t != "" && !digest.IsLine(t) {
			// Digest lines recognised without a command end where the
			// lines stop being digests.
			r.finishShell()
			r.sniff(l, t)
			return
		}
		r.buf = append(r.buf, *l)
	case progPatches, progQuiet, progUnknown:
		r.cli.Line(l)
		if t != "" {
			r.sh.shown++
		}
	default:
		r.sniff(l, t)
	}
}

// sniff reads a line of output that no known command printed: bwcli's
// banner, or the start of bwshowver or sha256sum output captured without
// its command; anything else is not understood.
func (r *reader) sniff(l *source.Line, t string) {
	switch {
	case t == "" || isLoginNoise(t) || bwcli.IsNoise(t):
		r.counts.Noise++
	case isCLIBanner(t):
		r.counts.Help++
	case showver.IsVersionLine(t):
		r.sh = shellCommand{kind: progShowVer}
		r.buf = append(r.buf[:0], *l)
	case digest.IsLine(t):
		r.sh = shellCommand{kind: progDigest}
		r.buf = append(r.buf[:0], *l)
	default:
		r.counts.NotUnderstood++
		if r.outside.Full(source.Note) {
			r.outside.Skip(source.Note, r.pos.Content(l))
			return
		}
		r.outside.Add(source.Notef(r.pos.Content(l), "line outside any command bwlint reads is not understood: %s", quote(t)))
	}
}

// finishShell completes the current shell command: its output is read by
// the parser of its kind.
func (r *reader) finishShell() {
	sh := r.sh
	r.sh = shellCommand{}
	buf := r.buf
	r.buf = r.buf[:0]
	switch sh.kind {
	case progShowVer:
		sv, counts, probs := showver.ParseLines(r.pos, buf, false)
		r.counts.Add(counts)
		r.addAll(probs)
		switch {
		case sv.Server.Present():
			r.cap.ShowVers = append(r.cap.ShowVers, sv)
		case counts.Total() == 0:
			r.problems.Add(source.Notef(r.wordRange(sh), "%s printed nothing", sh.name))
		}
	case progDigest:
		ds, counts, probs := digest.ParseLines(r.pos, buf)
		r.counts.Add(counts)
		r.addAll(probs)
		r.cap.Digests = append(r.cap.Digests, ds...)
		if counts.Total() == 0 {
			r.problems.Add(source.Notef(r.wordRange(sh), "%s printed nothing", sh.name))
		}
	case progPatches, progQuiet, progUnknown:
		r.cli.End()
		if sh.kind == progUnknown && sh.shown > 0 {
			r.problems.Add(source.Notef(r.wordRange(sh),
				"output of the shell command %q is not read (bwlint reads bwshowver, bwcli, sha256sum, listPatch.pl, listBundle and patchtool at the shell) and is kept as text: %s",
				sh.name, plural(sh.shown, "line")))
		}
	}
}

func (r *reader) wordRange(sh shellCommand) hcl.Range {
	return r.pos.Range(&sh.line, sh.word[0], sh.word[1])
}

func (r *reader) addAll(probs []source.Problem) {
	for _, p := range probs {
		r.problems.Add(p)
	}
}

// plural writes a count with its noun: "1 line", "2 lines".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// quote shows a line in a message, shortened, with secrets it seems to
// hold masked.
func quote(s string) string {
	const max = 60
	s = source.RedactText(s)
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return "\"" + s + "\""
}
