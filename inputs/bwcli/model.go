package bwcli

import (
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// Transcript is what was read of one capture file's CLI sessions.
type Transcript struct {
	Path     string
	Commands []*Command
	// Lines counts what became of every line read.
	Lines source.LineCounts
}

// Command is one prompt line and the output printed after it.
type Command struct {
	// Server is the prompt's server prefix as printed: "AS" for AS_CLI.
	Server source.Value
	// Context is the context path as printed in the prompt, without the
	// leading slash: "Interface/Messaging"; empty at the top level.
	Context source.Value
	// Path is the context the command ran in. It equals Context.Text unless
	// the command line navigated first ("sys;sec;black;get"), in which case
	// it is the full path that navigation led to. Known is false when such
	// navigation could not be resolved; the output then belongs to no
	// context and checks must not use it.
	Path  string
	Known bool
	// Input is everything typed after the prompt.
	Input source.Value
	// Verb is the command proper, lower-cased and spelled out: "get",
	// "set", "detail", "listpatch"…; for "sys;sec;black;g" it is "get".
	// Abbreviations are expanded where bwlint's model of the CLI knows the
	// context (see KnownContext); elsewhere Verb is the word as typed.
	Verb string
	// Args is what followed the verb, as typed.
	Args  string
	typed string   // the verb as typed, for messages
	kind  verbKind // what the command does
	// Shell marks a command typed at a shell prompt whose output is read
	// as the evidence of a CLI context: the patch list of listPatch.pl is
	// what Maintenance/Patching lists. Its Server and Context are zero;
	// Input is the shell command line.
	Shell bool
	// SupersededBy is the command of the same host that printed the same
	// context the same way (the same verb and arguments) and is used in
	// this one's place, as it shows the configuration in force: the last
	// such read of the latest capture (by the capture times the files'
	// headers give, else in path order); nil when this is the one used. It
	// is set when a snapshot is assembled.
	SupersededBy *Command
	// Loc spans the prompt line through the last line of output.
	Loc source.Loc

	Attrs  []KV
	Tables []*Table
	// Text holds output lines that carry no structure, such as the output of
	// commands that only print messages. Noise ("...Done", warning banners,
	// confirmation prompts) is dropped.
	Text []source.Value
}

// KV is one "key = value" output line. The value runs to the end of the
// line, so the two ranges give the line's span (see Span).
type KV struct {
	Key   source.Value
	Value source.Value
}

// Span is the range of the whole line from the key to the end of the
// value. It is derived rather than stored: a large capture holds hundreds of
// thousands of attributes.
func (kv KV) Span() hcl.Range {
	return kv.Key.Loc.To(kv.Value.Loc).Range()
}

// Table is a tabular output block: a header line, a separator line of '='
// and one row per line, optionally closed by "N entries found.".
type Table struct {
	Columns []source.Value
	Rows    []Row
	// Footer is the "N entries found." line when the capture has one.
	Footer source.Value
	// Loc spans the header through the last row or the footer.
	Loc source.Loc
}

// Row is one table row. Cells has one value per column; a cell the row
// leaves empty is an empty Value positioned where the cell would end.
type Row struct {
	Cells []source.Value
	Loc   source.Loc
}

// Range returns where the row was read.
func (r Row) Range() hcl.Range { return r.Loc.Range() }

// Range returns where the table was read, header through footer.
func (t *Table) Range() hcl.Range { return t.Loc.Range() }

// Range returns where the command was read, prompt through output.
func (c *Command) Range() hcl.Range { return c.Loc.Range() }

// Attr returns the last attribute named key (compared case-insensitively)
// in the command's output.
func (c *Command) Attr(key string) (KV, bool) {
	for i := len(c.Attrs) - 1; i >= 0; i-- {
		if strings.EqualFold(c.Attrs[i].Key.Text, key) {
			return c.Attrs[i], true
		}
	}
	return KV{}, false
}

// In reports whether the command ran in context path (compared
// case-insensitively, ignoring leading and trailing slashes).
func (c *Command) In(path string) bool {
	return c.Known && SameContext(c.Path, path)
}

// Column returns the index of the column whose header is name (compared
// case-insensitively, runs of spaces folded), or -1.
func (t *Table) Column(name string) int {
	want := foldSpaces(name)
	for i, c := range t.Columns {
		if strings.EqualFold(foldSpaces(c.Text), want) {
			return i
		}
	}
	return -1
}

// Cell returns the row's cell in column i, or a zero Value when i is out of
// range.
func (r Row) Cell(i int) source.Value {
	if i < 0 || i >= len(r.Cells) {
		return source.Value{}
	}
	return r.Cells[i]
}

// Reads reports whether the command printed configuration ("get",
// "detail", "list…", "show…"…) in a known context, as opposed to changing
// it ("set", "add"), asking for help or running a command bwlint does not
// know: only such output is evidence of what a context holds.
func (c *Command) Reads() bool { return c.Known && c.kind == kindRead }

// Changes reports whether the command changed configuration ("set",
// "add", "delete"…).
func (c *Command) Changes() bool { return c.kind == kindChange }

// Unknown reports whether the command is not one bwlint knows in its
// context; its output is kept as text.
func (c *Command) Unknown() bool { return c.kind == kindUnknown }

// SameRead reports whether two commands print the same thing: the same
// context, verb and arguments, so that the later shows what the earlier
// showed, as it stands later.
func SameRead(a, b *Command) bool {
	return a.Reads() && b.Reads() && a.Verb == b.Verb && SameContext(a.Path, b.Path) &&
		strings.EqualFold(strings.Join(strings.Fields(a.Args), " "), strings.Join(strings.Fields(b.Args), " "))
}

// SameOutput reports whether two commands printed the same output: the
// same attributes, tables and lines of text, value for value, wherever they
// stand in their files and however the terminal spaced them.
func SameOutput(a, b *Command) bool {
	sameValues := func(x, y []source.Value) bool {
		return slices.EqualFunc(x, y, func(v, w source.Value) bool { return v.Text == w.Text })
	}
	return slices.EqualFunc(a.Attrs, b.Attrs, func(x, y KV) bool {
		return strings.EqualFold(x.Key.Text, y.Key.Text) && x.Value.Text == y.Value.Text
	}) && slices.EqualFunc(a.Tables, b.Tables, func(x, y *Table) bool {
		return slices.EqualFunc(x.Columns, y.Columns, func(v, w source.Value) bool {
			return v.Text == w.Text || strings.EqualFold(foldSpaces(v.Text), foldSpaces(w.Text))
		}) &&
			slices.EqualFunc(x.Rows, y.Rows, func(r, q Row) bool { return sameValues(r.Cells, q.Cells) }) &&
			x.Footer.Text == y.Footer.Text
	}) && sameValues(a.Text, b.Text)
}

// SameContext reports whether two context paths name the same context: the
// CLIs accept any case, and documents spell one context several ways
// ("Applications/AuthenticationService", "Applications/authenticationService").
func SameContext(a, b string) bool {
	return strings.EqualFold(strings.Trim(a, "/"), strings.Trim(b, "/"))
}

func foldSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
