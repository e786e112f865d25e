// Package bwcli parses transcripts of BroadWorks command-line sessions
// (AS_CLI, XSP_CLI, ADP_CLI, NS_CLI, …) as operators capture them: any number
// of commands, each starting at a prompt line such as
//
//	XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get
//
// followed by the command's output. Output is read into `key = value`
// attributes, tables (header, a separator of '=', rows cut at the header's
// column edges) and, for anything without structure, text lines. Every value
// keeps the range of the bytes it came from.
//
// Real captures are untidy: CRLF line ends, trailing spaces, ANSI escape
// sequences, "...Done" and warning banners, confirmation prompts, help
// output and abbreviated navigation such as "sys;sec;black;get". The parser
// tolerates all of these; a line it does not understand in the output of a
// data command (get, detail, list…) becomes a positioned warning and is kept
// as text, and abbreviated navigation is resolved from the prompt that
// follows it or reported, never attributed to the wrong context.
package bwcli
