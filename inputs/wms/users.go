package wms

import (
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// UserFile is a user import file, read from wms/users/*, as the
// administrator would upload it to Meetings Server.
//
// The reader records what the file is, defects included: encoding,
// extension, delimiter, and every row with the cells it has, however
// many. Judging the file is the check's work, so a row with a column too
// few is data here, not an input problem.
type UserFile struct {
	Path string
	// Ext is the file name's extension in lower case with its dot
	// (".csv", ".txt"), or "" when it has none.
	Ext string
	// Text is the decoded text that every range indexes: the file
	// transcoded to UTF-8 without a byte-order mark, or, for an 8-bit
	// file, its bytes as they are.
	Text string
	// Encoding is how the file was stored.
	Encoding Encoding
	// Delimiter is '\t' or ','. It is taken from the header row: a tab in
	// it makes the file tab-delimited, otherwise it is comma-delimited.
	// A header of one column decides nothing, and the first data row
	// with a tab or a comma does.
	Delimiter byte
	// HeaderLine is the line of the header row, 0 when the file holds no
	// row at all. Blank lines before it are skipped.
	HeaderLine int
	// Header holds the header's cells in file order.
	Header []source.Value
	// Rows are the data rows in file order.
	Rows []Row
	// BlankLines are the lines, after the header, that hold nothing but
	// spaces; a final line ending makes none.
	BlankLines []int
}

// Row is a data row.
type Row struct {
	Line int
	// Range covers the row without its line ending.
	Range hcl.Range
	// Cells are the row's cells in file order, as many as it has. A
	// quoted cell's range covers its content inside the quotes and its
	// text has doubled quotes undoubled; other cells are kept exactly,
	// spaces included.
	Cells []source.Value
	// Missing is how many header columns the row lacks; they would start
	// at the end of Range.
	Missing int
	// Extra are the cells past the header's last column.
	Extra []source.Value
	// Blank reports that every cell is empty or spaces, as spreadsheet
	// programs write a row that once held data.
	Blank bool
	// OtherDelimiter reports a row that was written with the other
	// delimiter: split at the file's delimiter it has the wrong number of
	// cells, split at the other one exactly the header's number.
	OtherDelimiter bool
	// Defects are malformed quotes, in the order met.
	Defects []Defect
}

// DefectKind names a malformed part of a row.
type DefectKind string

// The kinds of defect.
const (
	// UnclosedQuote is a cell that opens a quote and never closes it on
	// its line; the cell runs to the end of the line.
	UnclosedQuote DefectKind = "unclosed quote"
	// TextAfterQuote is text between a cell's closing quote and the next
	// delimiter; the cell keeps its raw text, quotes and all.
	TextAfterQuote DefectKind = "text after closing quote"
)

// Defect is a malformed part of a row.
type Defect struct {
	Kind  DefectKind
	Range hcl.Range
}

// Column returns the index of the header column named name, compared
// without regard to case or surrounding spaces; -1 when there is none.
// When a name repeats, the first column counts.
func (f *UserFile) Column(name string) int {
	for i, h := range f.Header {
		if strings.EqualFold(strings.TrimSpace(h.Text), strings.TrimSpace(name)) {
			return i
		}
	}
	return -1
}

// Cell returns the row's cell in column i; false when the row is too
// short to have one.
func (r Row) Cell(i int) (source.Value, bool) {
	if i < 0 || i >= len(r.Cells) {
		return source.Value{}, false
	}
	return r.Cells[i], true
}

// ParseUsers reads a user import file from its raw bytes: the encoding is
// part of what is checked, so the reader decodes the file itself (see
// UserFile.Text). It returns nil only for a file that is not text at all
// (a NUL byte outside UTF-16, an odd-length UTF-16 file); its problems
// then say why.
func ParseUsers(path string, raw []byte) (*UserFile, []source.Problem) {
	text, enc, probs, ok := decodeFile(path, raw)
	if !ok {
		return nil, probs
	}
	f := &UserFile{Path: path, Ext: extension(path), Text: text, Encoding: enc}
	ix := source.NewIndex(path, text)
	p := rowReader{ix: ix, text: text, cursor: ix.Cursor()}
	for line := 1; line <= p.ix.Lines(); line++ {
		start, end := p.lineBounds(line)
		if start == end && line == p.ix.Lines() && line > 1 {
			break // the final line ending
		}
		if strings.Trim(text[start:end], " \t") == "" {
			if f.HeaderLine > 0 {
				f.BlankLines = append(f.BlankLines, line)
			}
			continue
		}
		if f.HeaderLine == 0 {
			f.HeaderLine = line
			f.Delimiter = pickDelimiter(text[start:end])
			f.Header, _ = p.split(line, start, end, f.Delimiter)
			continue
		}
		if len(f.Header) == 1 && len(f.Rows) == 0 && f.Delimiter == ',' && strings.IndexByte(text[start:end], '\t') >= 0 {
			// A one-column header decided nothing: let the first row.
			f.Delimiter = '\t'
		}
		f.Rows = append(f.Rows, p.row(line, start, end, f.Delimiter, len(f.Header)))
	}
	return f, probs
}

// pickDelimiter chooses the header's delimiter: a tab wins, since
// tab-delimited files often hold commas in their values.
func pickDelimiter(header string) byte {
	if strings.IndexByte(header, '\t') >= 0 {
		return '\t'
	}
	return ','
}

func extension(p string) string {
	return strings.ToLower(path.Ext(path.Base(p)))
}

// rowReader splits lines into cells with positions.
type rowReader struct {
	ix   *source.Index
	text string
	// cursor counts columns on along a line (source.Cursor).
	cursor *source.Cursor
}

// lineBounds returns the bytes of line without its ending ("\n", "\r\n").
func (p *rowReader) lineBounds(line int) (start, end int) {
	start, end = p.ix.LineStart(line), len(p.text)
	if line < p.ix.Lines() {
		end = p.ix.LineStart(line+1) - 1
	}
	if end > start && p.text[end-1] == '\r' {
		end--
	}
	return start, end
}

func (p *rowReader) rangeOf(line, start, end int) hcl.Range { return p.cursor.Range(line, start, end) }

func (p *rowReader) row(line, start, end int, delim byte, columns int) Row {
	r := Row{Line: line, Range: p.rangeOf(line, start, end)}
	r.Cells, r.Defects = p.split(line, start, end, delim)
	r.Blank = true
	for _, c := range r.Cells {
		if strings.Trim(c.Text, " \t") != "" {
			r.Blank = false
			break
		}
	}
	switch n := len(r.Cells); {
	case n < columns:
		r.Missing = columns - n
	case n > columns:
		r.Extra = r.Cells[columns:]
	}
	if n := len(r.Cells); n != columns && columns > 1 {
		other := byte(',')
		if delim == ',' {
			other = '\t'
		}
		r.OtherDelimiter = countCells(p.text[start:end], other) == columns
	}
	return r
}

// split cuts [start, end) of line into cells at delim. A cell that starts
// with '"' is quoted: it ends at the next lone '"', and "" inside stands
// for one quote. Quotes cannot span lines.
func (p *rowReader) split(line, start, end int, delim byte) (cells []source.Value, defects []Defect) {
	for i := start; ; {
		if i < end && p.text[i] == '"' {
			closing := closingQuote(p.text, i, end)
			if closing < 0 {
				defects = append(defects, Defect{Kind: UnclosedQuote, Range: p.rangeOf(line, i, end)})
				cells = append(cells, p.ix.Value(i+1, end))
				return cells, defects
			}
			next := indexFrom(p.text, closing+1, end, delim)
			if next == closing+1 {
				content := p.text[i+1 : closing]
				cells = append(cells, source.Value{Text: strings.ReplaceAll(content, `""`, `"`), Loc: p.ix.File().Loc(i+1, closing)})
			} else {
				defects = append(defects, Defect{Kind: TextAfterQuote, Range: p.rangeOf(line, closing+1, next)})
				cells = append(cells, p.ix.Value(i, next))
			}
			if next == end {
				return cells, defects
			}
			i = next + 1
			continue
		}
		next := indexFrom(p.text, i, end, delim)
		cells = append(cells, p.ix.Value(i, next))
		if next == end {
			return cells, defects
		}
		i = next + 1
	}
}

// closingQuote returns the offset of the quote that closes the one at
// open, or -1 when none does before end.
func closingQuote(text string, open, end int) int {
	for j := open + 1; j < end; j++ {
		if text[j] != '"' {
			continue
		}
		if j+1 < end && text[j+1] == '"' {
			j++
			continue
		}
		return j
	}
	return -1
}

// indexFrom returns the offset of the first c in text[from:end], or end.
func indexFrom(text string, from, end int, c byte) int {
	if k := strings.IndexByte(text[from:end], c); k >= 0 {
		return from + k
	}
	return end
}

// countCells counts the cells of line split at delim, quotes honoured the
// way split honours them: only at the start of a cell.
func countCells(line string, delim byte) int {
	n := 1
	for i := 0; i < len(line); i++ {
		if line[i] == '"' && (i == 0 || line[i-1] == delim) {
			c := closingQuote(line, i, len(line))
			if c < 0 {
				return n
			}
			i = c
			continue
		}
		if line[i] == delim {
			n++
		}
	}
	return n
}
