// Package pinversion pins the version that reports name, which is the
// build's own otherwise, for the tests of the packages that import it:
//
//	import _ "github.com/bwlint/bwlint/lint/linttest/pinversion"
//
// so that golden files and documented examples stay the same from one
// build to the next.
package pinversion

import "github.com/bwlint/bwlint/lint"

// Version is the version tests see.
const Version = "0.1.0"

func init() { lint.Version = Version }
