// Package session reads a capture file as the terminal recorded it: a
// sequence of shell sessions and BroadWorks CLI sessions, in any order and
// number. An operator logs in, runs bwshowver, starts bwcli, types get
// after get, exits, runs sha256sum on an exported key file; an expect
// script, script(1), PuTTY or SecureCRT saves all of it in one file.
//
// A shell segment is a run of shell prompts ("user@host$ cmd", "[user@host
// ~]# cmd", "~$ cmd", "$ cmd") and their output, or output without any
// prompt. A CLI segment runs from the first "<SERVER>_CLI/...>" prompt to
// exit (or quit at the top level) and its confirmation. Commands whose
// output bwlint knows are read by their own parser wherever they appear:
// at the shell bwshowver (package showver), sha256sum (package digest),
// listPatch.pl, listBundle and patchtool patch lists (read as the CLI's
// Maintenance/Patching listing); in the CLI, everything package bwcli
// reads. bwshowver and sha256sum output captured without the command that
// printed it is recognised by its first line.
//
// Noise that terminals and capture tools add is known as noise: script(1)
// start and done lines, PuTTY log headers, expect's spawn lines and its
// debugging trace, timestamp lines, escape sequences, erased and
// overwritten characters (see source.Lines). Every line is counted (see
// source.LineCounts); a line that is not understood is at least a note,
// and a file in which nothing was understood is an error.
package session
