package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/urfave/cli/v2"
)

// run executes bwlint with args (args[0] is the program name) and returns
// the exit code. It never calls os.Exit, so tests run it in-process.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "bwlint: internal error (a bug in bwlint, please report it): %v\n", v)
			code = exitInternal
		}
	}()
	app := newApp(stdout, stderr)
	// The command line as typed, before flags are reordered: reports
	// record it (report.Invocation).
	app.Metadata = map[string]any{typedArgs: slices.Clone(args)}
	args = flagsFirst(app, args)
	if name := commandName(app, args); name != "" && app.Command(name) == nil {
		fmt.Fprintf(stderr, "bwlint: unknown command %q%s (see bwlint help)\n", source.Printable(name), suggest(name, commandNames(app)))
		return exitUsage
	}
	if len(args) == 3 && args[1] == "help" && (args[2] == "--help" || args[2] == "-h") {
		args[2] = "help" // the help command's own help, not the app's
	}
	code, msg := codeOf(app.Run(args))
	if msg != "" {
		// Messages name paths and values as typed or found: none may
		// write a control character to the terminal or the CI log.
		fmt.Fprintf(stderr, "bwlint: %s\n", source.Printable(asTyped(msg, args, flagNames(app, args))))
	}
	return code
}

// commandName is the first argument that is neither a global flag nor
// its value: the command; "" when there is none, or when a flag before it
// is unknown (the parser says so; what follows it may be its value).
func commandName(app *cli.App, args []string) string {
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			if a == "--" {
				return ""
			}
			return a
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := flagNamed(app.Flags, name)
		switch {
		case f == nil && !slices.Contains([]string{"h", "help", "v", "version"}, name):
			return ""
		case f != nil && takesValue(f) && !hasValue:
			i++
		}
	}
	return ""
}

func commandNames(app *cli.App) []string {
	var names []string
	for _, c := range app.Commands {
		names = append(names, c.Name)
	}
	return names
}

// undefinedFlag matches the flag package's message for an unknown flag,
// which names it with one dash whatever was typed.
var undefinedFlag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`flag provided but not defined: -(\S+)`) })

// flagNames are the flags that could have been meant where args were
// typed, with their dashes: the global ones and the command's.
func flagNames(app *cli.App, args []string) []string {
	flags := slices.Clone(app.Flags)
	if cmd := app.Command(commandName(app, args)); cmd != nil {
		flags = append(flags, cmd.Flags...)
	}
	var names []string
	for _, f := range flags {
		for _, n := range f.Names() {
			if len(n) > 1 {
				names = append(names, "--"+n)
			}
		}
	}
	return names
}

// asTyped rewrites a message about an unknown flag to quote the flag as
// it was typed ("--formt", not "-formt") and to suggest the nearest one
// of known.
func asTyped(msg string, args, known []string) string {
	m := undefinedFlag().FindStringSubmatchIndex(msg)
	if m == nil {
		return msg
	}
	name := msg[m[2]:m[3]]
	typed := "-" + name
	for _, a := range args[1:] {
		if a == "--" {
			break
		}
		if n, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "="); n == name && strings.HasPrefix(a, "-") {
			typed, _, _ = strings.Cut(a, "=")
			break
		}
	}
	return msg[:m[0]] + fmt.Sprintf("unknown flag %q%s", typed, suggest(typed, known)) + msg[m[1]:]
}

// flagsFirst moves a command's flags ahead of its arguments, so that
// "bwlint lint captures/ --format sarif" works as users type it: the
// flag parser stops at the first argument. A flag's value moves with it;
// everything after "--" stays an argument. The global flags (--color,
// --quiet) move before the command, wherever they were typed.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	var global, rest []string
	cmdAt := -1
	for i := 1; i < len(args); i++ {
		a := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := flagNamed(app.Flags, name)
		switch {
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-' && f != nil:
			global = append(global, a)
			if takesValue(f) && !hasValue && i+1 < len(args) {
				global = append(global, args[i+1])
				i++
			}
		default:
			if cmdAt < 0 && a[0] != '-' {
				cmdAt = len(rest)
			}
			rest = append(rest, a)
		}
	}
	out := append([]string{args[0]}, global...)
	if cmdAt < 0 {
		return append(out, rest...)
	}
	cmd := app.Command(rest[cmdAt])
	out = append(out, rest[:cmdAt+1]...)
	rest = rest[cmdAt+1:]
	if cmd == nil {
		return append(out, rest...)
	}
	var flags, positional []string
	help := false
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			positional = append(positional, rest[i:]...)
			i = len(rest)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			help = help || name == "h" || name == "help"
			if f := flagNamed(cmd.Flags, name); f != nil && takesValue(f) && !strings.Contains(name, "=") && i+1 < len(rest) {
				flags = append(flags, rest[i+1])
				i++
			}
		default:
			positional = append(positional, a)
		}
	}
	out = append(out, flags...)
	if help {
		return out // help for the command, whatever else was typed
	}
	return append(out, positional...)
}

// flagNamed returns the flag of flags that has the name; nil when none
// has (unknown flags, and -h, which the parser reports or handles).
func flagNamed(flags []cli.Flag, name string) cli.Flag {
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			return f
		}
	}
	return nil
}

// takesValue reports whether a flag is followed by a value: every flag
// but the boolean ones.
func takesValue(f cli.Flag) bool {
	_, isBool := f.(*cli.BoolFlag)
	return !isBool
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    lint.ToolName,
		Usage:   "lint captured Webex for Cisco BroadWorks configuration",
		Version: lint.CurrentBuild.String(),
		Description: "bwlint reads a snapshot directory of captured BroadWorks CLI output, Partner Hub templates\n" +
			"and clusters, and device-management tag sets, and checks them against Cisco's guidance.\n\n" +
			"Exit codes: 0 ok, 1 findings at or above --fail-on, 2 input problems, 3 usage or\n" +
			"configuration error, 4 internal error.",
		Writer:    stdout,
		ErrWriter: stderr,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text report and messages: auto (on a terminal, unless NO_COLOR is set, FORCE_COLOR forces it, TERM=dumb turns it off), always or never"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "write no report to stdout and no warning to stderr: the exit code says the result (--output and --report files are still written, errors still printed)"},
		},
		Before: checkGlobalFlags,
		// --report values are FORMAT=FILE; a file name may hold a comma.
		DisableSliceFlagSeparator: true,
		HideHelpCommand:           true,
		// The default handler calls os.Exit; exit codes are decided by run.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageErrorf("%v (see --help)", err)
		},
		Commands: commands(),
	}
}

// commands returns the app's commands, each reporting a usage error as
// one line on stderr rather than with its help text on stdout, where it
// would corrupt a report piped to another tool.
func commands() []*cli.Command {
	cmds := []*cli.Command{
		lintCommand(),
		diffCommand(),
		parseCommand(),
		checksCommand(),
		explainCommand(),
		initCommand(),
		configCommand(),
		completionCommand(),
		capturePlanCommand(),
		helpCommand(),
	}
	for _, c := range cmds {
		c.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
			return usageErrorf("%s: %v (see bwlint %s --help)", c.Name, err, c.Name)
		}
	}
	return cmds
}

// oneArg returns the single positional argument a command takes.
func oneArg(c *cli.Context, what string) (string, error) {
	switch c.NArg() {
	case 0:
		return "", usageErrorf("%s: missing %s argument (see bwlint %s --help)", c.Command.Name, what, c.Command.Name)
	case 1:
		return c.Args().First(), nil
	}
	return "", usageErrorf("%s: takes one %s argument, got %d: %s", c.Command.Name, what, c.NArg(), strings.Join(c.Args().Slice(), " "))
}

// checkGlobalFlags rejects a --color value that is none of the three.
func checkGlobalFlags(c *cli.Context) error {
	if v := c.String("color"); !slices.Contains([]string{"auto", "always", "never"}, v) {
		return usageErrorf("--color %q: use auto, always or never", v)
	}
	return nil
}

// colorFor decides whether text written to w is coloured: --color always
// or never, else (auto) never when NO_COLOR is set (https://no-color.org),
// always when FORCE_COLOR is set to anything but 0, never when TERM is
// dumb, and otherwise when w is a terminal.
func colorFor(c *cli.Context, w io.Writer) bool {
	switch c.String("color") {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	if v := os.Getenv("FORCE_COLOR"); v != "" && v != "0" {
		return true
	}
	if os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// quiet reports whether --quiet was given: no report on stdout, no
// warning on stderr.
func quiet(c *cli.Context) bool { return c.Bool("quiet") }

// warnf writes a warning on stderr, unless --quiet.
func warnf(c *cli.Context, format string, args ...any) {
	if !quiet(c) {
		fmt.Fprintf(c.App.ErrWriter, "bwlint: "+format+"\n", args...)
	}
}

// stdout is where a command writes what it was asked for: the app's
// writer, or nothing under --quiet.
func stdout(c *cli.Context) io.Writer {
	if quiet(c) {
		return io.Discard
	}
	return c.App.Writer
}

// checkWritesOutside rejects a command's output files (--output, --report,
// --write-baseline) that lie inside one of its snapshot directories, or
// that are the policy file the run will read, found however it is found:
// bwlint never writes its inputs, and a report left among the captures
// would overwrite one or be read as an unknown input by the next run.
// The last snapshot is where the policy is looked for.
func checkWritesOutside(c *cli.Context, snapshots ...string) error {
	var writes []string // "--flag FILE"
	for _, name := range []string{"output", "write-baseline"} {
		if c.IsSet(name) && c.String(name) != "" && c.String(name) != "-" {
			writes = append(writes, name+"\x00"+c.String(name))
		}
	}
	if c.IsSet("report") {
		for _, spec := range c.StringSlice("report") {
			if _, path, ok := strings.Cut(spec, "="); ok && path != "" && path != "-" {
				writes = append(writes, "report\x00"+path)
			}
		}
	}
	policy := ""
	if hasFlag(c, "config") && len(snapshots) > 0 {
		found, _ := config.Discover(c.String("config"), os.Getenv(config.EnvVar), ".", snapshots[len(snapshots)-1])
		policy = found.Path
	}
	for _, w := range writes {
		flag, path, _ := strings.Cut(w, "\x00")
		for _, dir := range snapshots {
			if inside(path, dir) {
				return usageErrorf("%s: --%s %s lies inside the snapshot %s; bwlint never writes into a snapshot: write it elsewhere", c.Command.Name, flag, path, dir)
			}
		}
		if policy != "" && writeTarget(path) == writeTarget(policy) {
			return usageErrorf("%s: --%s %s is the policy file this run reads; write it elsewhere", c.Command.Name, flag, path)
		}
	}
	return nil
}

func hasFlag(c *cli.Context, name string) bool {
	return slices.ContainsFunc(c.Command.Flags, func(f cli.Flag) bool { return slices.Contains(f.Names(), name) })
}

// inside reports whether writing path would write a file within dir.
func inside(path, dir string) bool {
	d, err := realPath(dir)
	if err != nil {
		return false // the snapshot cannot be read; loading will say so
	}
	rel, err := filepath.Rel(d, writeTarget(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// writeTarget returns the file that writing path would write: symbolic
// links followed, the path itself and its directories, even a link whose
// target does not exist yet (writing creates it), so that no other
// spelling of a place escapes the checks.
func writeTarget(path string) string {
	for range 40 { // as many links as the kernel follows
		abs, err := filepath.Abs(path)
		if err != nil {
			return filepath.Clean(path)
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			return real
		}
		dir := filepath.Dir(abs)
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
		}
		target, err := os.Readlink(abs)
		if err != nil {
			return filepath.Join(dir, filepath.Base(abs)) // a new file
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(dir, target)
		}
		path = target // a link to a file yet to be created
	}
	return filepath.Clean(path)
}

func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}
