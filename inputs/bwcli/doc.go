// Package bwcli reads BroadWorks command-line sessions (AS_CLI, XSP_CLI,
// ADP_CLI, NS_CLI, …) as operators capture them: commands, each starting
// at a prompt line such as
//
//	XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get
//
// followed by the command's output. Output is read into `key = value`
// attributes, tables (header, a rule of '=', rows cut at the header's
// column edges, or at its words when the columns stand one space apart)
// and, for anything without structure, text lines. Every value keeps the
// range of the bytes it came from.
//
// The CLI's grammar is modelled once, as data (grammar.go): the contexts
// bwlint knows, per CLI, and their commands. Operators abbreviate
// ("sys;sec;black;g"); a word is expanded when it starts exactly one name
// the context offers, and an ambiguous or unknown one is a positioned note,
// never a guess. The prompt printed after a command, when it shows the same
// CLI, is the strongest evidence of where navigation led.
//
// Real captures are untidy: escape sequences, erased and overwritten
// characters (removed by source.Lines), "...Done" and warning banners,
// confirmation prompts, help and vtr output, "=====" and "-----" banners,
// footers, a capture cut in the middle of a row. A line that is not
// understood in the output of a command that prints configuration is a
// positioned warning and is kept as text; the output of a command bwlint
// does not know is kept as text with one note; every line is counted
// (source.LineCounts).
//
// Package session splits a capture into shell and CLI sessions and feeds a
// Reader; Parse reads a text of CLI sessions alone.
package bwcli
