package delimited

import (
	"strings"
	"unicode/utf8"
)

// Field is one field of a line: the offsets of its content, inside the
// quotes when Quoted.
type Field struct {
	Start, End int
	Quoted     bool
}

// Text returns the field's content, with the doubled quotes of a quoted
// field undone.
func (f Field) Text(text string) string {
	s := text[f.Start:f.End]
	if f.Quoted && strings.Contains(s, `""`) {
		return strings.ReplaceAll(s, `""`, `"`)
	}
	return s
}

// ErrorKind tells what is wrong with a quoted field.
type ErrorKind int

const (
	// Unterminated is a quoted field without its closing quote on the line.
	Unterminated ErrorKind = iota + 1
	// TextAfterQuote is a character other than the delimiter after a
	// closing quote: usually a quote inside the field left undoubled.
	TextAfterQuote
)

// Error is a malformed quoted field. Open is the offset of its opening
// quote; At and End bound the offending bytes: the rest of the line for
// Unterminated, the character after the closing quote for TextAfterQuote.
type Error struct {
	Kind          ErrorKind
	Open, At, End int
}

// Split cuts text[start:end], one line without its line ending, into
// fields at delim. It returns at least one field, or the first malformed
// quoted field.
func Split(text string, start, end int, delim byte) ([]Field, *Error) {
	var fields []Field
	for i := start; ; {
		lead := i
		for lead < end && text[lead] == ' ' {
			lead++
		}
		if lead == end || text[lead] != '"' {
			next := strings.IndexByte(text[i:end], delim)
			if next < 0 {
				return append(fields, Field{Start: i, End: end}), nil
			}
			fields = append(fields, Field{Start: i, End: i + next})
			i += next + 1
			continue
		}
		f, after, err := quoted(text, lead, end, delim)
		if err != nil {
			return nil, err
		}
		fields = append(fields, f)
		if after == end {
			return fields, nil
		}
		i = after + 1
	}
}

// quoted reads the field whose opening quote is at open; after is the
// offset of the delimiter that ends it, or end.
func quoted(text string, open, end int, delim byte) (f Field, after int, err *Error) {
	closing := -1
	for j := open + 1; j < end; j++ {
		if text[j] != '"' {
			continue
		}
		if j+1 < end && text[j+1] == '"' {
			j++ // a doubled quote stands for one
			continue
		}
		closing = j
		break
	}
	if closing < 0 {
		return Field{}, 0, &Error{Kind: Unterminated, Open: open, At: open, End: end}
	}
	after = closing + 1
	for after < end && text[after] == ' ' {
		after++
	}
	if after < end && text[after] != delim {
		_, size := utf8.DecodeRuneInString(text[after:end])
		return Field{}, 0, &Error{Kind: TextAfterQuote, Open: open, At: after, End: after + size}
	}
	return Field{Start: open + 1, End: closing, Quoted: true}, after, nil
}
