// Package delimited splits one line of a delimited text file (CSV, TSV)
// into fields, the way spreadsheets quote them: a field that starts with
// '"' (after spaces) ends at the next lone '"', and "" inside it stands for
// one quote. A quoted field cannot span lines, so that a stray quote spoils
// one row of a capture, not the rest of the file.
//
// It only finds the fields' bytes; the readers that use it (tag sets, user
// exports) decide what a field means, how to trim it and how to word a
// problem.
package delimited
