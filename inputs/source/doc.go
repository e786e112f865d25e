// Package source holds the vocabulary every input parser shares: decoded
// file text, lines as a terminal showed them (Lines: one lexer of escape
// sequences, EscapeLen, with backspace, DEL and carriage-return overwrites
// applied), values that remember the exact bytes they came from,
// positioned input problems of three severities, kept within bounds per
// file (Problems), and the accounting of every line (LineCounts).
//
// Positions are hcl.Range values. The model keeps them compact: a value
// holds a Loc, its File and two byte offsets, and builds the range from
// the file's line table when a finding or a problem shows it (see File).
// Byte offsets index the decoded text of a
// file: UTF-8 with any byte-order mark removed (UTF-16 files are transcoded
// first). Lines count from 1 and columns count Unicode code points from 1,
// so both match what an editor shows for the original file whatever its
// encoding. Ranges are half-open: End points just past the last byte.
package source
