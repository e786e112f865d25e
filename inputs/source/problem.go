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
	// Warning marks input that was read but not fully understood; the
	// rest of the file still counts as evidence.
	Warning Severity = iota + 1
	// Error marks input that could not be used as evidence.
	Error
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Error {
		return "error"
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
