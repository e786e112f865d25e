// Package codes is the table of error codes and error messages an operator
// meets when Webex for Cisco BroadWorks provisioning or sign-in fails, or
// when Cisco WebEx Meetings Server refuses a user, each with what it means,
// what to do about it, where it is documented and which bwlint checks find
// a cause of it in a snapshot.
//
// It covers:
//
//   - the end-user codes of the user activation portal (100006, 2000xx,
//     300005) and the Directory Sync codes (6000xx), from the two tables
//     at the end of the Webex for Cisco BroadWorks troubleshooting guide;
//   - the Integrated IM&P errors BroadWorks shows when the provisioning
//     bridge cannot be reached or refuses a user ([Error 18211],
//     [Error 18215]);
//   - the HTTP statuses the provisioning bridge answers the Application
//     Server with, as a PSLog shows them, including the two 400 messages
//     the guide explains;
//   - the three Meetings Server messages of its user-management
//     troubleshooting chapter, which carry no number.
//
// Meanings and actions are written for bwlint, in its own words; Message
// holds the text the product shows, since that is what an operator pastes
// into a search. Lookup finds entries by code, Search by a fragment of
// their text. The package is data only: it imports nothing of bwlint, so
// that the explain command, the checks and the documentation generator can
// all read it. Check names in it are contract names of checks, which
// policies, waivers and dashboards use; the package's test lists the ones
// it may cite.
package codes
