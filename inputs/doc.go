// Package inputs reads a snapshot directory — the evidence an operator
// captured from a Webex for Cisco BroadWorks deployment — into a read-only
// Snapshot in which every value knows the file, line and column it came
// from.
//
// The directory layout is a contract (docs/inputs.md):
//
//	hosts/<host>/**/*.txt        bwcli transcripts, or bwshowver output
//	hosts/<host>/**/*.sha256     sha256sum lines, e.g. of authService.keys
//	partnerhub/templates/*.json  Partner Hub customer templates
//	partnerhub/clusters/*.json   Partner Hub BroadWorks clusters
//	devicemgmt/tagsets/*.tsv     device-management tag sets (.csv also read)
//
// Each file kind has its own parser package (bwcli, showver, digest,
// partnerhub, tagset) that knows nothing of the others; this package walks
// the directory, decodes and parses files in parallel, and assembles hosts.
// Nothing here knows about checks or output. Files are only ever read.
package inputs
