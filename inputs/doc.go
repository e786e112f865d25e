// Package inputs reads a snapshot directory — the evidence an operator
// captured from a Webex for Cisco BroadWorks deployment — into a read-only
// Snapshot in which every value knows the file, line and column it came
// from.
//
// The directory layout is a contract (docs/inputs.md):
//
//	hosts/<host>/**/*.txt        bwcli transcripts, or bwshowver output
//	hosts/<host>/**/*.sha256     sha256sum lines, e.g. of authService.keys
//	hosts/<as>/**/*.xml          OCI-P captures of that Application Server
//	partnerhub/templates/*.json  Partner Hub customer templates
//	partnerhub/clusters/*.json   Partner Hub BroadWorks clusters
//	devicemgmt/tagsets/*.tsv     device-management tag sets (.csv also read)
//	devicemgmt/**/*.xml          OCI-P captures (tag sets, device types)
//	ocip/**/*.xml                OCI-P captures
//	users/*.csv                  users exported another way
//	wms/users/*, wms/sso/*, wms/settings.hcl   Meetings Server evidence
//	logs/pslog/*                 PSLog excerpts
//
// Each file kind has its own reader package (bwcli, showver, digest,
// partnerhub, tagset, ocip, users, wms, pslog) that knows nothing of the
// others. This package walks the directory (walk.go), decides each file's
// kind from its place (classify.go), decodes and reads files in parallel
// (read.go), assembles hosts (hosts.go) and the snapshot (assemble.go),
// and merges what several channels say of the same items — tag sets,
// device types, users, releases — per AS cluster, recording the conflicts
// between channels (merge.go, devicetypes_cli.go). What the operator
// states better than the captures — roles, releases, cluster members (the
// policy's host and cluster blocks) — is given to LoadWith as an Inventory
// (inventory.go) and written while the snapshot is assembled, so that the
// Snapshot is complete, and never changed, once LoadWith returns. Nothing
// here knows about checks or output. Files are only ever read.
package inputs
