// Package digest reads SHA-256 digest files (*.sha256) from a snapshot.
//
// Operators record `sha256sum` of files that must be identical on several
// servers but cannot be captured themselves, such as the authentication
// service key export /var/broadworks/tmp/authService.keys of every XSP or
// ADP: equal digests prove the same key pair. The file is the tool's output
// saved as text.
//
// Accepted lines:
//
//	<64 hex>  <file name>          sha256sum, text mode
//	<64 hex> *<file name>          sha256sum, binary mode
//	SHA256 (<file name>) = <64 hex>  BSD style (sha256sum --tag, shasum, openssl)
//
// A line that starts with a backslash carries an escaped file name, the way
// GNU coreutils writes names holding a backslash or a newline. Blank lines
// and lines starting with '#' are skipped; surrounding spaces are ignored.
// Hex digits are kept as written and compared case-insensitively.
//
// The same lines printed by sha256sum in a terminal capture are read with
// ParseLines (see package session); IsLine recognises one without the
// command that printed it.
package digest
