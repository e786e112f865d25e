// Package bounded reads files that may turn out to be anything: a named
// pipe that blocks forever on open, a device such as /dev/zero that never
// ends, a directory, or a file far larger than any capture or policy. It
// stats before it opens, reads only regular files, and never reads more
// than a limit, so that no file handed to bwlint can stall a run or grow
// its memory without bound. The snapshot walk, the policy file and the
// baseline all read through it.
package bounded
