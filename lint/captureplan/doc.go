// Package captureplan turns the evidence the enabled checks declare into
// what an operator captures, and in which order: per role and per host,
// the shell commands and the bwcli session (navigating each context once,
// the commands a capture needs first before it), each command with the
// checks that need it and the file of the snapshot it belongs in; Partner
// Hub copies, OCI-P requests and Meetings Server files apart, since no ssh
// session captures them.
//
// A plan is made either from the checks alone (Full: everything they read)
// or from the evidence gaps of a lint run (Missing: only what a snapshot
// lacks). It is rendered as text, JSON, Markdown, OCI-P request documents,
// an expect script and a plain shell script. Every string that reaches a
// script is quoted for the language of the script, and every command a
// script types is checked first: nothing the policy file says can make a
// script type more than one CLI command at a time.
//
// The declarations are lint.Evidence values; this package knows no check.
package captureplan
