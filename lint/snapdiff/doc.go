// Package snapdiff compares two snapshots of one deployment, taken before
// and after a change, for a pre-change review.
//
// Compare reports what changed in BroadWorks terms: per host, CLI context
// and key; per table row, keyed by the table's identifying column ("Patch
// Name", "Option Name", "Device Type", "Tag Name", else the first column);
// hosts added or removed; Partner Hub templates and clusters, tag sets and
// digests. Every change carries the source locations of both sides. It also
// keeps, per capture file, a line diff for unified-diff style hunks.
//
// The findings of both sides are compared by judge.Compare, the one matcher
// of findings that baselines use too: new (only after),
// fixed (only before), unchanged, or changed (same Key, different value).
//
// Secrets never leave this package: a value is secret when its name says
// so (source.IsSecretName), when the table row or tag holding it is named
// as a secret ("bw.imp.adminPassword", "%SIP_PASSWORD%"), when BroadWorks
// printed it masked, or when its tag is encrypted — on either side, so
// that a secret cannot leak because the other capture happened to show it
// in clear. A changed secret is reported without either value; an
// unchanged masked value is no change.
// Hunks are built from capture text with every secret value replaced.
package snapdiff
