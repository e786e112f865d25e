// Package pinversion pins the version and commit that reports name,
// which are the build's own otherwise, for the tests of the packages that
// import it:
//
//	import _ "github.com/bwlint/bwlint/lint/linttest/pinversion"
//
// so that golden files and documented examples stay the same from one
// build to the next.
package pinversion

import "github.com/bwlint/bwlint/lint"

// Version is the version tests see; they see no commit, as `go test`
// builds record none.
const Version = "0.1.0"

func init() { lint.Version, lint.Commit = Version, "" }
