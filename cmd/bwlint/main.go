// Command bwlint lints captured configuration of Webex for Cisco BroadWorks
// deployments. See README.md and docs/ for usage.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}
