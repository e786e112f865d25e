// Package showver reads the output of bwshowver saved as a text file.
//
// bwshowver runs in the shell of every BroadWorks server (AS, XSP, ADP, NS,
// MS, PS, DBS, NFM, ...) and prints the server type and release, when the
// build was made, its revisions and patch count, and on XSP and ADP the
// deployed web applications with their versions and context paths:
//
//	ADP version Rel_2022.11_1.273
//
//	Built  Sat Jun  6 00:26:50 EDT 2020
//	- BASE revision 909962
//
//	Patching Info:
//	  Active Patches: 701
//
//	Applications Info:
//	- AuthenticationService version 2022.11_1.273 context path /authservice
//
// The first non-blank line must be "<SERVER> version Rel_<release>";
// IsVersionLine recognises it, so that bwshowver output is found in a
// terminal capture even without the command that printed it. Parse reads a
// file of bwshowver output, ParseLines the output inside a capture (see
// package session); both accept the lines above in any order; any other
// line is a positioned warning and the rest is still read. ParseRelease reads the
// release names operators write (Rel_24.0_1.944, R24, 21.sp1,
// 2022.11_1.273, ...).
package showver
