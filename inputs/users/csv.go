package users

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/internal/delimited"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// The columns of a users/*.csv file, in the documented order, with the
// User field each fills.
var csvColumns = []struct {
	name  string
	field func(*User) *source.Value
}{
	{"userId", func(u *User) *source.Value { return &u.UserID }},
	{"firstName", func(u *User) *source.Value { return &u.FirstName }},
	{"lastName", func(u *User) *source.Value { return &u.LastName }},
	{"phoneNumber", func(u *User) *source.Value { return &u.PhoneNumber }},
	{"emailAddress", func(u *User) *source.Value { return &u.EmailAddress }},
	{"groupId", func(u *User) *source.Value { return &u.GroupID }},
	{"serviceProviderId", func(u *User) *source.Value { return &u.ServiceProviderID }},
	{"services", nil},
}

const (
	colUserID   = 0
	colServices = 7
)

// wantCSVHeader names the expected header in messages.
const wantCSVHeader = "userId, firstName, lastName, phoneNumber, emailAddress, groupId, serviceProviderId, services"

// ServiceSeparator separates the service names of the services column.
const ServiceSeparator = ';'

// quoteLimit bounds how much of a header field a message repeats: a file
// that is not a user export must not turn into a huge message.
const quoteLimit = 40

// ParseCSV reads a users/*.csv file whose text source.Decode has decoded.
// Rows that cannot be read are reported and skipped; the rest still count.
// A file without a usable header yields no users, only an error.
func ParseCSV(path, text string) ([]*User, []source.Problem) {
	f, probs := ReadCSV(path, text)
	return f.Users, probs
}

// CSVFile is what a users/*.csv file holds: its users, and where its
// secrets stand.
type CSVFile struct {
	Path  string
	Users []*User
	// Secrets are the ranges of the cells of columns whose header names a
	// secret ("password", "passcode" …): such a column is not read, but
	// its cells are in the file and no output may show them. A row that
	// cannot be split into cells is secret whole.
	Secrets []hcl.Range
}

// ReadCSV is ParseCSV returning the whole file's reading.
func ReadCSV(path, text string) (*CSVFile, []source.Problem) {
	p := &csvParser{ix: source.NewIndex(path, text), text: text, firstLine: map[string]int{}}
	f := &CSVFile{Path: path}
	defer func() { f.Users, f.Secrets = p.users, p.secrets }()
	headerSeen := false
	var cols []int // cols[c] is the field index of csvColumns[c], -1 if absent
	width := 0
	for line := 1; line <= p.ix.Lines(); line++ {
		start, end := p.lineBounds(line)
		if strings.TrimSpace(text[start:end]) == "" {
			continue
		}
		if !headerSeen {
			headerSeen = true
			p.delim = sniffDelimiter(text[start:end])
			var ok bool
			cols, width, ok = p.header(line, start, end)
			if !ok {
				return f, p.problems
			}
			continue
		}
		if strings.Trim(text[start:end], " \t"+string(p.delim)) == "" {
			continue
		}
		p.row(line, start, end, cols, width)
	}
	if !headerSeen {
		p.problems = append(p.problems, source.Errorf(p.ix.Range(0, 0),
			"file holds no header line; want %s", wantCSVHeader))
	}
	return f, p.problems
}

type csvParser struct {
	ix        *source.Index
	text      string
	delim     byte
	users     []*User
	problems  []source.Problem
	firstLine map[string]int // lower-cased user id → line of its row
	// secretCols are the indexes of the fields whose header names a
	// secret; secrets the ranges of their cells.
	secretCols []int
	secrets    []hcl.Range
}

// lineBounds returns the byte range of line without its line ending.
func (p *csvParser) lineBounds(line int) (start, end int) {
	start, end = p.ix.LineStart(line), len(p.text)
	if line < p.ix.Lines() {
		end = p.ix.LineStart(line+1) - 1
	}
	for end > start && p.text[end-1] == '\r' {
		end--
	}
	return start, end
}

// sniffDelimiter picks the separator from the header line: a comma, else
// a tab, else a semicolon.
func sniffDelimiter(header string) byte {
	switch {
	case strings.IndexByte(header, ',') >= 0:
		return ','
	case strings.IndexByte(header, '\t') >= 0:
		return '\t'
	case strings.IndexByte(header, ';') >= 0:
		return ';'
	}
	return ','
}

// header reads the header line. ok is false when the file cannot be read
// as a user export at all.
func (p *csvParser) header(line, start, end int) (cols []int, width int, ok bool) {
	lineRange := p.ix.RangeOnLine(line, start, end)
	fields, prob := p.split(line, start, end)
	if prob != nil {
		p.problems = append(p.problems, *prob)
		return nil, 0, false
	}
	cols = make([]int, len(csvColumns))
	for c := range cols {
		cols[c] = -1
	}
	var unknown []string
	for i, f := range fields {
		name := p.value(f).Text
		if source.IsSecretName(name) {
			p.secretCols = append(p.secretCols, i)
		}
		c := columnOf(name)
		switch {
		case c < 0:
			unknown = append(unknown, fmt.Sprintf("%.*q", quoteLimit, name))
		case cols[c] >= 0:
			p.problems = append(p.problems, source.Errorf(p.ix.RangeOnLine(line, f.Start, f.End),
				"column %q appears twice in the header; the first one is read", csvColumns[c].name))
		default:
			cols[c] = i
		}
	}
	if cols[colUserID] < 0 {
		p.problems = append(p.problems, source.Errorf(lineRange,
			"header has no userId column, so no user can be identified; want %s", wantCSVHeader))
		return nil, 0, false
	}
	if len(unknown) > 0 {
		p.problems = append(p.problems, source.Warnf(lineRange,
			"header has unknown %s %s, not read; the columns read are %s", plural(len(unknown), "column", "columns"), strings.Join(unknown, ", "), wantCSVHeader))
	}
	var missing []string
	for c, col := range cols {
		if col < 0 {
			missing = append(missing, csvColumns[c].name)
		}
	}
	if len(missing) > 0 {
		p.problems = append(p.problems, source.Warnf(lineRange,
			"header lacks %s %s; checks that need them are not evaluated for these users", plural(len(missing), "column", "columns"), strings.Join(missing, ", ")))
	}
	return cols, len(fields), true
}

// columnOf returns the index in csvColumns of a header name, or -1.
func columnOf(name string) int {
	for c, col := range csvColumns {
		if sameName(name, col.name) {
			return c
		}
	}
	return -1
}

func (p *csvParser) row(line, start, end int, cols []int, width int) {
	rowRange := p.ix.RangeOnLine(line, start, end)
	fields, prob := p.split(line, start, end)
	if prob != nil {
		p.problems = append(p.problems, *prob)
		if len(p.secretCols) > 0 {
			p.secrets = append(p.secrets, rowRange)
		}
		return
	}
	for _, i := range p.secretCols {
		if i < len(fields) {
			p.secrets = append(p.secrets, p.ix.RangeOnLine(line, fields[i].Start, fields[i].End))
		}
	}
	if len(fields) != width {
		p.problems = append(p.problems, source.Errorf(rowRange, "row has %d fields, header has %d; the row is not read", len(fields), width))
		return
	}
	u := &User{Range: rowRange}
	for c, col := range csvColumns {
		if cols[c] < 0 {
			continue
		}
		f := fields[cols[c]]
		if c == colServices {
			u.Services = p.services(f)
			continue
		}
		*col.field(u) = p.value(f)
	}
	id := u.UserID.Text
	if id == "" {
		p.problems = append(p.problems, source.Errorf(u.UserID.Range(), "row has an empty userId; the row is not read"))
		return
	}
	key := strings.ToLower(id)
	if first, seen := p.firstLine[key]; seen {
		p.problems = append(p.problems, source.Errorf(u.UserID.Range(), "user %q appears twice; first at line %d; this row is not read", id, first))
		return
	}
	p.firstLine[key] = line
	p.users = append(p.users, u)
}

// services splits the services field into one value per service name,
// skipping empty names.
func (p *csvParser) services(f field) []source.Value {
	var out []source.Value
	for i := f.Start; i <= f.End; {
		j := strings.IndexByte(p.text[i:f.End], ServiceSeparator)
		if j < 0 {
			j = f.End - i
		}
		item := p.trim(field{Start: i, End: i + j, Quoted: f.Quoted})
		if v := p.valueOf(item); v.Text != "" {
			out = append(out, v)
		}
		i += j + 1
	}
	return out
}

// field is one field of a row: the bytes of its content, inside the quotes
// when quoted.
type field = delimited.Field

// value makes a Value of f: an unquoted field without surrounding spaces,
// a quoted one as written inside its quotes, its doubled quotes undone.
func (p *csvParser) value(f field) source.Value {
	if !f.Quoted {
		f = p.trim(f)
	}
	return p.valueOf(f)
}

// trim returns f without surrounding spaces and tabs.
func (p *csvParser) trim(f field) field {
	for f.Start < f.End && isBlank(p.text[f.Start]) {
		f.Start++
	}
	for f.End > f.Start && isBlank(p.text[f.End-1]) {
		f.End--
	}
	return f
}

func (p *csvParser) valueOf(f field) source.Value {
	v := p.ix.Value(f.Start, f.End)
	v.Text = f.Text(p.text)
	return v
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' }

// split cuts the line [start, end) into fields at the delimiter, honouring
// CSV quotes. A malformed quoted field is a problem that quotes none of
// the row, which holds personal data.
func (p *csvParser) split(line, start, end int) ([]field, *source.Problem) {
	parts, err := delimited.Split(p.text, start, end, p.delim)
	if err != nil {
		column := p.ix.PosOnLine(line, err.Open).Column
		at := p.ix.RangeOnLine(line, err.At, err.End)
		var prob source.Problem
		if err.Kind == delimited.Unterminated {
			prob = source.Errorf(at, "quoted field at column %d has no closing quote on its line; the row is not read", column)
		} else {
			prob = source.Errorf(at, "unexpected character after the closing quote of the field at column %d; a quote inside a quoted field must be doubled; the row is not read", column)
		}
		return nil, &prob
	}
	return parts, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
