package main

import (
	"os"
	"strings"
	"testing"
)

// TestMain runs the tests at the width the text reports take anywhere but
// a terminal: a COLUMNS of the shell that runs them must not change the
// golden files.
func TestMain(m *testing.M) {
	_ = os.Unsetenv("COLUMNS")
	os.Exit(m.Run())
}

// words is text with every run of white space made one space: the text
// reports wrap their lines, and a test that looks for a phrase reads them
// as words.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }
