package bwcli

import "testing"

// FuzzParse checks that Parse never panics and that every range it returns
// points back at the text it claims to come from (see checkInvariants).
// The seed corpus in testdata/fuzz/FuzzParse holds the shapes of real
// captures; the seeds added here are the smallest of them.
func FuzzParse(f *testing.F) {
	f.Add([]byte("AS_CLI/Interface/Messaging> get\n  enableSynchronization = true\n"))
	f.Add([]byte("AS_CLI> qversions\n  Identity        Version  Install Date     Status\n==================================================\n        AS  2023.03_1.411  Apr 18, 2023  Installed\n\n1 entry found.\n"))
	f.Add([]byte("XSP_CLI> sys;sec;black;get\nXSP_CLI/System/Security/BlackList>\n"))
	f.Add([]byte("\x1b[1;32mXSP_CLI/Maintenance>\x1b[0m get\x1b[K\r\n  url = é\x1b[K\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := string(raw)
		const path = "hosts/as1/f.txt"
		tr, probs := Parse(path, text)
		checkInvariants(t, path, text, tr, probs)
	})
}
