package main

import (
	"os"
	"testing"
)

// TestMain runs the tests at the width the text reports take anywhere but
// a terminal: a COLUMNS of the shell that runs them must not change the
// golden files.
func TestMain(m *testing.M) {
	_ = os.Unsetenv("COLUMNS")
	os.Exit(m.Run())
}
