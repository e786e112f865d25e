package source

import "strings"

// Bool reads the boolean spellings the BroadWorks CLIs and exports use:
// true/false, Y/N and yes/no, in any case. ok is false for anything else.
func Bool(s string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "y", "yes":
		return true, true
	case "false", "n", "no":
		return false, true
	}
	return false, false
}
