package source

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
)

// Severity grades an input problem.
type Severity int

const (
	// Note marks input that bwlint read as something it has no model
	// for, or that deserves a word: output of a command it does not know,
	// an abbreviation it cannot expand, a setting changed during the
	// capture. Notes never change the exit code.
	Note Severity = iota + 1
	// Warning marks input that was read but not fully understood; the
	// rest of the file still counts as evidence.
	Warning
	// Error marks input that could not be used as evidence.
	Error
)

// String returns "error", "warning" or "note".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Note:
		return "note"
	}
	return "warning"
}

// Problem is something wrong with an input file. Range.Filename is the file's
// path relative to the snapshot root; a zero Start.Line means the problem
// concerns the whole file rather than a position in it.
type Problem struct {
	Severity Severity
	Message  string
	Range    hcl.Range
	// Internal marks a failure of bwlint itself while reading the file (a
	// parser that panicked), not a fault of the input: runs that meet one
	// exit with the internal-error code.
	Internal bool
}

// Error formats the problem as "path:line:column: severity: message".
func (p Problem) Error() string {
	if p.Range.Start.Line == 0 {
		return fmt.Sprintf("%s: %s: %s", p.Range.Filename, p.Severity, p.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", p.Range.Filename, p.Range.Start.Line, p.Range.Start.Column, p.Severity, p.Message)
}

// Errorf returns an error-severity problem at r.
func Errorf(r hcl.Range, format string, args ...any) Problem {
	return Problem{Severity: Error, Message: fmt.Sprintf(format, args...), Range: r}
}

// Warnf returns a warning-severity problem at r.
func Warnf(r hcl.Range, format string, args ...any) Problem {
	return Problem{Severity: Warning, Message: fmt.Sprintf(format, args...), Range: r}
}

// Notef returns a note-severity problem at r.
func Notef(r hcl.Range, format string, args ...any) Problem {
	return Problem{Severity: Note, Message: fmt.Sprintf(format, args...), Range: r}
}

// MaxProblems bounds how many problems of one severity a Problems list
// keeps for one file: a pathological capture (millions of lines that are
// not understood) must not cost memory and report space per line.
const MaxProblems = 200

// Problems collects the problems of one file, keeping at most MaxProblems
// of each severity; the rest are only counted (see List). The zero value
// is ready to use.
type Problems struct {
	list    []Problem
	kept    [Error + 1]int
	dropped [Error + 1]int
	first   [Error + 1]hcl.Range // where the first problem not kept was
}

// Full reports whether another problem of severity s would not be kept;
// callers use it to skip formatting a message no one will read.
func (ps *Problems) Full(s Severity) bool {
	return ps.kept[s] >= MaxProblems
}

// Add records p, or counts it when its severity is full.
func (ps *Problems) Add(p Problem) {
	if p.Severity < Note || p.Severity > Error {
		p.Severity = Error
	}
	if ps.Full(p.Severity) {
		ps.Skip(p.Severity, p.Range)
		return
	}
	ps.kept[p.Severity]++
	ps.list = append(ps.list, p)
}

// Skip counts a problem of severity s at r without formatting it; use it
// after Full reported true.
func (ps *Problems) Skip(s Severity, r hcl.Range) {
	if ps.dropped[s] == 0 {
		ps.first[s] = r
	}
	ps.dropped[s]++
}

// Len returns the number of problems kept.
func (ps *Problems) Len() int { return len(ps.list) }

// List returns the problems kept, then, for each severity that had more
// than MaxProblems, one problem of that severity saying how many more
// there were, at the first of them.
func (ps *Problems) List() []Problem {
	out := ps.list
	for s := Error; s >= Note; s-- {
		if n := ps.dropped[s]; n > 0 {
			out = append(out, Problem{Severity: s, Range: ps.first[s],
				Message: fmt.Sprintf("%d more %ss in this file are not listed (only the first %d of each kind are)", n, s, MaxProblems)})
		}
	}
	return out
}

// SortProblems orders problems by file, position, severity and message so
// that every report lists them the same way.
func SortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Range.Filename, b.Range.Filename),
			cmp.Compare(a.Range.Start.Byte, b.Range.Start.Byte),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
