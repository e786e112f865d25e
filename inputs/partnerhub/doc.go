// Package partnerhub reads the Partner Hub side of a Webex for Cisco
// BroadWorks deployment as captured in a snapshot.
//
// Two kinds of JSON file are read:
//
//   - partnerhub/templates/*.json: a customer template (ParseTemplate). It
//     ties new Webex organisations to a BroadWorks cluster and decides how
//     their users authenticate, which package they get and which
//     enterprises it serves.
//   - partnerhub/clusters/*.json: a BroadWorks cluster as Partner Hub knows
//     it (ParseCluster): the URLs of its Authentication Service and XSI
//     interfaces and the host names of its Application Servers and XSPs.
//
// # Positions
//
// Every value keeps the exact range of text it was read from, following the
// conventions of package source: byte offsets into the decoded text, lines
// and columns counted from 1, columns in Unicode code points, ranges
// half-open. For a JSON string the range covers the content between the
// quotes and Text is the decoded content, which equals the source bytes
// unless escapes were used. For true, false, numbers and null, Text is the
// literal as written. Fields keeps every top-level member in file order;
// for an object or array member its Value.Text is the raw JSON and its
// range covers the whole value.
//
// Problems about a member point at its value, quotes included; a missing
// field is reported at the object's opening brace, the only place that
// belongs to the object as a whole without covering all of it.
//
// # What is returned
//
// A typed field (Template.Name and so on) is set only when the member has
// the right JSON type, so a check never mistakes a number for a host name;
// a string outside the allowed set is still set, because it was read as
// written and a later check may want to quote it. An absent field, or an
// optional one written as null, is the zero source.Value, which Present
// reports as absent. Since Present tests the range's file name, callers
// must pass a non-empty path. When a member appears twice, the first one
// counts and the second is reported.
//
// A file that is not JSON, or whose top level is not an object, yields a
// nil result; any other problem leaves the result in place so that one bad
// field does not hide the rest.
package partnerhub
