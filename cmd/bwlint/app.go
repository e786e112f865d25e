package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") && app.Command(args[1]) == nil {
		fmt.Fprintf(stderr, "bwlint: unknown command %q (see bwlint --help)\n", args[1])
		return exitUsage
	}
	code, msg := codeOf(app.Run(flagsFirst(app, args)))
	if msg != "" {
		// Messages name paths and values as typed or found: none may
		// write a control character to the terminal or the CI log.
		fmt.Fprintf(stderr, "bwlint: %s\n", source.Printable(msg))
	}
	return code
}

// flagsFirst moves a command's flags ahead of its arguments, so that
// "bwlint lint captures/ --format sarif" works as users type it: the
// flag parser stops at the first argument. A flag's value moves with it;
// everything after "--" stays an argument.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 3 {
		return args
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args
	}
	var flags, rest []string
	help := false
	for i := 2; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			help = help || name == "h" || name == "help"
			if !strings.Contains(name, "=") && takesValue(cmd, name) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			rest = append(rest, a)
		}
	}
	out := append([]string{args[0], args[1]}, flags...)
	if help {
		return out // help for the command, whatever else was typed
	}
	return append(out, rest...)
}

// takesValue reports whether the command's flag name is followed by a value
// (every flag but the boolean ones, and --help).
func takesValue(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				_, isBool := f.(*cli.BoolFlag)
				return !isBool
			}
		}
	}
	return false // unknown flags and -h: the parser reports or handles them
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
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: false,
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

// colorFor decides whether text output to w is coloured: only on a
// terminal, and never when NO_COLOR is set (https://no-color.org).
func colorFor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
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
