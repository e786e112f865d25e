package main

import (
	"errors"
	"fmt"

	"github.com/bwlint/bwlint/lint"
)

// Exit codes shared by every command.
const (
	exitOK       = lint.ExitOK
	exitFindings = lint.ExitFindings
	exitInput    = lint.ExitInput
	exitUsage    = lint.ExitUsage
	exitInternal = lint.ExitInternal
)

// exitError ends a command with a code and, when msg is set, a message on
// stderr.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// exitWith ends the command with code and nothing more to say: the
// report has already said it.
func exitWith(code int) error { return &exitError{code: code} }

func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

func inputErrorf(format string, args ...any) error {
	return &exitError{code: exitInput, msg: fmt.Sprintf(format, args...)}
}

func internalErrorf(format string, args ...any) error {
	return &exitError{code: exitInternal, msg: fmt.Sprintf(format, args...)}
}

// codeOf maps an error returned by the app to an exit code. Errors that
// are not exitErrors come from flag parsing and are usage errors.
func codeOf(err error) (int, string) {
	if err == nil {
		return exitOK, ""
	}
	var e *exitError
	if errors.As(err, &e) {
		return e.code, e.msg
	}
	return exitUsage, err.Error()
}
