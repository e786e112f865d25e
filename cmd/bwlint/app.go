package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/urfave/cli/v2"
)

// run executes bwlint with args (args[0] is the program name) and returns
// the exit code. It never calls os.Exit, so tests run it in-process.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	code, msg := codeOf(app.Run(args))
	if msg != "" {
		fmt.Fprintf(stderr, "bwlint: %s\n", msg)
	}
	return code
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    lint.ToolName,
		Usage:   "lint captured Webex for Cisco BroadWorks configuration",
		Version: lint.Version,
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
		Commands: []*cli.Command{
			lintCommand(),
			diffCommand(),
			parseCommand(),
			checksCommand(),
			explainCommand(),
			initCommand(),
		},
	}
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

// loadSnapshot reads a snapshot directory; a directory that cannot be read
// at all is an input problem (exit 2).
func loadSnapshot(dir string) (*inputs.Snapshot, error) {
	snap, err := inputs.Load(dir)
	if err != nil {
		if errors.Is(err, inputs.ErrNotSnapshot) {
			return nil, inputErrorf("cannot read snapshot %s: %v", dir, err)
		}
		return nil, internalErrorf("loading %s: %v", dir, err)
	}
	return snap, nil
}

// output opens the report destination: stdout, or the file --output names.
// The file is written only after the report is complete.
type output struct {
	path   string
	stdout io.Writer
	buf    strings.Builder
}

func (o *output) Writer() io.Writer {
	if o.path == "" || o.path == "-" {
		return o.stdout
	}
	return &o.buf
}

func (o *output) Close() error {
	if o.path == "" || o.path == "-" {
		return nil
	}
	if err := os.WriteFile(o.path, []byte(o.buf.String()), 0o644); err != nil {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("cannot write report: %v", err)}
	}
	return nil
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
