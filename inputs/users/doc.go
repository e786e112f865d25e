// Package users is the subscriber model: the BroadWorks users a
// deployment provisions to Webex, as the provisioning checks see them,
// whatever channel they were captured through.
//
// Two channels fill it:
//
//   - OCI-P responses (UserGetResponse…, UserServiceGetAssignmentListResponse,
//     UserSharedCallAppearanceGetResponse…, access-device lists), read by
//     package ocip;
//   - users/*.csv, read by ParseCSV, for operators who export users
//     another way.
//
// A user's record may come in pieces: the detail from one response, the
// assigned services from another, a device's type from a third, possibly
// in different files. Merge joins the pieces of one user (user ids are
// compared without regard to case, as BroadWorks compares them) and
// AttachDeviceTypes fills in the types of a user's devices from the access
// devices captured.
//
// Every field is a source.Value with the range it was read from, so a
// finding about a user points at the line that gave the value. A field no
// capture gave is the zero Value (Present reports false): a check must
// then say the user was not evaluated, never that the value is empty.
//
// Names, phone numbers and email addresses are personal data. Nothing in
// this package quotes them in a problem message except the user id, which
// is how an operator finds the record.
//
// # The CSV channel
//
// A users/*.csv file has a header row naming its columns,
//
//	userId, firstName, lastName, phoneNumber, emailAddress, groupId, serviceProviderId, services
//
// then one user per row. Header names are compared without regard to case
// or white space, so "User Id" and "EMAIL ADDRESS" (the headings of OCI-P
// user tables) are accepted too, in any order. userId is required; a
// missing other column is a warning, since the checks that need it cannot
// run. services holds BroadWorks service names as OCI-P spells them
// ("Integrated IMP"), separated by ';'.
//
// Fields are separated by commas; a header holding a tab but no comma
// marks a tab-separated file, and one holding ';' but neither a semicolon-
// separated one, as spreadsheets in some locales save them (the services
// field must then be quoted). Fields may be quoted CSV style: a field that
// starts with '"' (after spaces) ends at the next lone '"', and "" inside
// stands for one quote. A quoted field cannot span lines, so a stray quote
// spoils one row, not the rest of the file. Unquoted fields are read
// without surrounding spaces. Blank lines are skipped; CRLF line ends, a
// UTF-8 byte-order mark and UTF-16 (see source.Decode) are accepted.
package users
