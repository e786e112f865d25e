// Package checks holds bwlint's built-in checks, one file per check named
// after it, and All, the explicit list of them. Checks read the snapshot
// and report through their lint.Pass; they know nothing of output formats
// or the command line.
package checks
