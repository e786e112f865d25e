// Package main is the bwlint command: flags in, snapshot loaded, checks
// run, report rendered, exit code out. It holds no linting logic.
//
// Exit codes, for every command: 0 ok; 1 findings at or above the failure
// threshold; 2 input problems (evidence unreadable); 3 usage or
// configuration error; 4 internal error.
package main
