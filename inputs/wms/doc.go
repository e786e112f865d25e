// Package wms reads the Cisco WebEx Meetings Server evidence of a
// snapshot: what an administrator uploads, what the identity provider
// sends, and what the administration site shows.
//
//	wms/users/*        user import files (ParseUsers)
//	wms/sso/*          SAML responses captured in the browser (ParseSSO)
//	wms/settings.hcl   auto account creation and tracking codes (ParseSettings)
//
// # User import files
//
// ParseUsers takes the raw bytes, because what Meetings Server refuses an
// import for is first of all the encoding: UTF-8 or UTF-16 are accepted,
// and spreadsheet programs save UTF-16 as "Unicode text" (.txt). The
// reader decodes UTF-8 with or without a byte-order mark, UTF-16LE and
// UTF-16BE with one or without, and reads an 8-bit file byte for byte,
// telling ISO-8859-1 from Windows-1252 where a byte allows it. The
// delimiter (tab or comma) comes from the header row. Every row keeps all
// its cells, however many; rows with missing or extra columns, blank rows,
// rows written with the other delimiter and broken quotes are recorded.
// They are facts for the check that judges the file, not input problems:
// the file was read. Columns lists the columns the public record
// documents, with their source; other columns are kept as read.
//
// # SAML captures
//
// ParseSSO reads one SAML 2.0 Response or Assertion per file, in any of
// the forms a browser SAML tracer or the browser's developer tools give
// it: the XML itself; the base64 SAMLResponse value alone, wrapped over
// lines, still form-encoded, in the whole "SAMLResponse=...&RelayState="
// body, in the "SAMLResponse: ..." list of form fields, or in the IdP's
// auto-submitting HTML page; and the HTTP-Redirect binding's
// DEFLATE-compressed value in a copied URL. The signature is not
// verified. A DOCTYPE is refused, so no entity is ever expanded; nesting
// is limited to MaxDepth and a decoded message to MaxDocument bytes.
//
// Each value is an Item with two ranges. Doc is where it stands in the
// decoded XML. Range is where it stands in the file: its exact bytes for
// an XML capture; for a base64 value the base64 characters whose groups of
// four encode it, so that a finding points into the file at the value
// itself; for a compressed value, which cannot be mapped byte by byte, the
// whole value. A check about an encoded capture quotes Doc's line and
// column in its message, where a SAML tracer's decoded view finds them.
//
// Signatures, key information and encrypted elements are never read into
// values, and neither are the values of attributes whose names mark them
// secret (a password); SAMLMessage.Secrets lists their file ranges, and
// the whole value of an encoded capture, which is a bearer credential
// until it expires.
//
// # Settings
//
// ParseSettings reads wms/settings.hcl, whose schema and example are on
// Settings. Diagnostics of the HCL decoder become positioned input
// problems.
//
// # Positions
//
// Ranges follow package source: byte offsets into the decoded text, lines
// from 1, columns counting code points from 1, half-open. A quoted CSV
// cell's or HCL string's range covers its content without the quotes.
package wms
