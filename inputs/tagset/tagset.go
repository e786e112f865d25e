package tagset

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/internal/delimited"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// The header names of the tagsTable columns, as BroadWorks prints them.
const (
	colName        = "Tag Name"
	colValue       = "Tag Value"
	colOverridable = "Is Overridable"
	colEncrypted   = "Is Encrypted"
)

// wantHeader names the expected header in messages.
const wantHeader = `"Tag Name", "Tag Value", "Is Overridable" and optionally "Is Encrypted"`

// quoteLimit bounds how much of a header field a message repeats, and
// listLimit how many header fields; a binary file read as a tag set must not
// turn into a huge message.
const (
	quoteLimit = 40
	listLimit  = 8
)

// TagSet is one captured tag set, or the custom tags of one device type or
// device (see Scope).
type TagSet struct {
	// Path is the file the tag set was read from.
	Path string
	// Name is the tag set's name: the file name, or for OCI-P the name in
	// the request. The system default tag set has no name ("") and
	// Scope.SystemDefault set; custom tags have none either.
	Name string
	// Scope says where the tags apply; the zero Scope is a system tag set,
	// which is all a .tsv capture holds.
	Scope Scope
	// Header holds the header fields; nil when the file has no header.
	Header []source.Value
	// Tags are the usable rows, in file order. When a tag name repeats,
	// only its first row is kept.
	Tags []Tag
}

// Scope is where a set of tags applies. Tag sets exist at system level
// only; below it BroadWorks keeps custom tags per device type (at service
// provider or group level) and per device, which override the tag set's
// values.
type Scope struct {
	// Kind is ScopeTagSet (the zero value), ScopeDeviceType, ScopeDevice
	// or ScopeUserDevice.
	Kind ScopeKind
	// SystemDefault marks the system default tag set.
	SystemDefault bool
	// ServiceProviderID and GroupID place custom tags or their device;
	// zero at system level, or when the capture does not say.
	ServiceProviderID source.Value
	GroupID           source.Value
	// DeviceType is the device type custom tags belong to (ScopeDeviceType).
	DeviceType source.Value
	// DeviceName is the device custom tags belong to (ScopeDevice,
	// ScopeUserDevice).
	DeviceName source.Value
	// UserID is the user whose device's resolved tags these are
	// (ScopeUserDevice).
	UserID source.Value
}

// ScopeKind says what a set of tags belongs to.
type ScopeKind string

// Kinds of tag scope.
const (
	// ScopeTagSet is a system tag set.
	ScopeTagSet ScopeKind = ""
	// ScopeDeviceType is the custom tags of a device type at service
	// provider or group level.
	ScopeDeviceType ScopeKind = "device type"
	// ScopeDevice is the custom tags of one access device.
	ScopeDevice ScopeKind = "device"
	// ScopeUserDevice is the tags a user's main device resolves to, every
	// level applied.
	ScopeUserDevice ScopeKind = "user device"
)

// Tag is one row of a tag set.
type Tag struct {
	Name        source.Value
	Value       source.Value
	Overridable source.Value
	// Encrypted is zero when the file has no Is Encrypted column.
	Encrypted source.Value
	// Actual is the "Actual Tag Value" of a custom tag: the value in force
	// once every level has been applied. Zero for tag sets.
	Actual source.Value
	// Range covers the whole row without its line ending.
	Range hcl.Range
}

// SystemDefaultName is the file name, without its extension, that holds
// the system default tag set: devicemgmt/tagsets/system-default.tsv, or
// the lone OCI-P response system-default.xml. The system default set has
// no name of its own, so a file cannot be named after it.
const SystemDefaultName = "system-default"

// IsSystemDefaultName reports whether a file named name (without its
// extension) holds the system default tag set.
func IsSystemDefaultName(name string) bool { return strings.EqualFold(name, SystemDefaultName) }

// Describe names where the set's tags apply, for people — `tag set
// "Webex"`, "the system default tag set", `the custom tags of device type
// "Business Communicator - PC" of "acme"` — and as a key that
// identifies the set whatever file or line it was captured at, for a
// finding's identity: "tagset/Webex", "customtags/devicetype/…@acme".
func (s *TagSet) Describe() (name, key string) {
	sc := s.Scope
	switch {
	case sc.Kind == ScopeTagSet && sc.SystemDefault:
		name, key = "the system default tag set", "tagset/(system default)"
	case sc.Kind == ScopeTagSet:
		name, key = fmt.Sprintf("tag set %q", s.Name), "tagset/"+s.Name
	case sc.Kind == ScopeDeviceType:
		name, key = fmt.Sprintf("the custom tags of device type %q", sc.DeviceType.Text), "customtags/devicetype/"+sc.DeviceType.Text
	case sc.Kind == ScopeUserDevice:
		name, key = fmt.Sprintf("the tags of user %q's device %q", sc.UserID.Text, sc.DeviceName.Text), "customtags/user/"+strings.ToLower(sc.UserID.Text)+"/"+sc.DeviceName.Text
	default:
		name, key = fmt.Sprintf("the custom tags of device %q", sc.DeviceName.Text), "customtags/device/"+sc.DeviceName.Text
	}
	if sc.Kind != ScopeTagSet && sc.Kind != ScopeUserDevice {
		if sc.GroupID.Text != "" {
			name += fmt.Sprintf(" in group %q of %q", sc.GroupID.Text, sc.ServiceProviderID.Text)
			key += "@" + sc.ServiceProviderID.Text + "/" + sc.GroupID.Text
		} else if sc.ServiceProviderID.Text != "" {
			name += fmt.Sprintf(" of %q", sc.ServiceProviderID.Text)
			key += "@" + sc.ServiceProviderID.Text
		}
	}
	return name, key
}

// Lookup returns the tag named tagName. Tag names are case-sensitive.
func (s *TagSet) Lookup(tagName string) (Tag, bool) {
	for _, t := range s.Tags {
		if t.Name.Text == tagName {
			return t, true
		}
	}
	return Tag{}, false
}

// Secret reports whether the tag's value must never be shown: the row is
// marked Is Encrypted (anything but a clear "false" counts, so a garbled
// flag fails safe) or BroadWorks printed the value masked. Actual is
// secret whenever Value is.
func (t Tag) Secret() bool {
	if t.Value.Masked() || t.Actual.Masked() {
		return true
	}
	if !t.Encrypted.Present() {
		return false
	}
	encrypted, ok := source.Bool(t.Encrypted.Text)
	return encrypted || !ok
}

// PrintableValue returns the value for a report: the value itself, or
// "(encrypted)" for a secret tag.
func (t Tag) PrintableValue() string {
	if t.Secret() {
		return "(encrypted)"
	}
	return t.Value.Text
}

// IsOverridable reads the Is Overridable column; ok is false when it holds
// no boolean.
func (t Tag) IsOverridable() (overridable, ok bool) {
	return source.Bool(t.Overridable.Text)
}

// columns says which field of a row holds which column.
type columns struct {
	name, value, overridable, encrypted int // -1 when absent
	// count is the number of fields every row must have.
	count int
	// fromHeader is false when the header was unusable and the standard
	// column order is assumed.
	fromHeader bool
}

// standardColumns is the layout BroadWorks prints, assumed when the header
// cannot be used; a fourth field is Is Encrypted.
func standardColumns(fields int) columns {
	c := columns{name: 0, value: 1, overridable: 2, encrypted: -1, count: 3}
	if fields >= 4 {
		c.encrypted, c.count = 3, fields
	}
	return c
}

// Parse reads one tag-set capture. name is the tag set's name. Rows that
// cannot be read are reported and skipped; the rest still count. A file
// without a header yields no tag set, only an error.
func Parse(path, name, text string) (*TagSet, []source.Problem) {
	p := &parser{
		ix:        source.NewIndex(path, text),
		set:       &TagSet{Path: path, Name: name},
		firstLine: map[string]int{},
	}
	p.text = p.ix.Text()
	p.cursor = p.ix.Cursor()
	var cols columns
	headerSeen := false
	for line := 1; line <= p.ix.Lines(); line++ {
		start := p.ix.LineStart(line)
		end := len(p.text)
		if line < p.ix.Lines() {
			end = p.ix.LineStart(line+1) - 1
		}
		for end > start && p.text[end-1] == '\r' {
			end--
		}
		if !headerSeen {
			if strings.Trim(p.text[start:end], " \t\r") == "" {
				continue
			}
			headerSeen = true
			p.delim = ','
			if strings.IndexByte(p.text[start:end], '\t') >= 0 {
				p.delim = '\t'
			}
			var isRow bool
			cols, isRow = p.parseHeader(line, start, end)
			if !isRow {
				continue
			}
		}
		if strings.Trim(p.text[start:end], " \t\r"+string(p.delim)) == "" {
			continue
		}
		p.parseRow(line, start, end, cols)
	}
	if !headerSeen {
		// An empty file is no tag set at all, not an empty one: a check
		// must not conclude that the tags it looks for are absent.
		p.problems = append(p.problems, source.Errorf(p.ix.Range(0, 0),
			"file holds no header line; want %s, separated by tabs", wantHeader))
		return nil, p.problems
	}
	return p.set, p.problems
}

type parser struct {
	ix       *source.Index
	text     string
	delim    byte
	set      *TagSet
	problems []source.Problem
	// firstLine maps each tag name to the line of its first row.
	firstLine map[string]int
	// cursor counts columns on along a line (source.Cursor).
	cursor *source.Cursor
}

// pos returns the position of byte off on line.
func (p *parser) pos(line, off int) hcl.Pos { return p.cursor.Pos(line, off) }

func (p *parser) rangeOnLine(line, start, end int) hcl.Range { return p.cursor.Range(line, start, end) }

func (p *parser) errorf(r hcl.Range, format string, args ...any) {
	p.problems = append(p.problems, source.Errorf(r, format, args...))
}

// parseHeader reads the first non-blank line. isRow reports that the line
// is a tag row rather than a header, to be read as one.
func (p *parser) parseHeader(line, start, end int) (cols columns, isRow bool) {
	lineRange := p.rangeOnLine(line, start, end)
	fields, err := p.split(line, start, end)
	if err != nil {
		p.problems = append(p.problems, *err)
		return standardColumns(0), false
	}
	// A first field like "%SBC_ADDRESS_WXT%" means the header was left
	// out. The message quotes nothing: the row may hold a secret.
	if first := strings.TrimSpace(fields[0].text); strings.HasPrefix(first, "%") {
		p.errorf(lineRange, "first row is a tag, not the header; want %s", wantHeader)
		return standardColumns(len(fields)), true
	}
	cols = columns{name: -1, value: -1, overridable: -1, encrypted: -1, count: len(fields), fromHeader: true}
	var found, unknown, missing, reasons []string
	for i, f := range fields {
		v := p.fieldValue(f, true)
		p.set.Header = append(p.set.Header, v)
		found = append(found, fmt.Sprintf("%q", clip(v.Text)))
		var col *int
		switch strings.ToLower(strings.TrimSpace(v.Text)) {
		case strings.ToLower(colName):
			col = &cols.name
		case strings.ToLower(colValue):
			col = &cols.value
		case strings.ToLower(colOverridable):
			col = &cols.overridable
		case strings.ToLower(colEncrypted):
			col = &cols.encrypted
		default:
			unknown = append(unknown, fmt.Sprintf("%q", clip(v.Text)))
			continue
		}
		if *col >= 0 {
			reasons = append(reasons, fmt.Sprintf("column %q appears twice", strings.TrimSpace(v.Text)))
			continue
		}
		*col = i
	}
	switch {
	case len(unknown) == 1:
		reasons = append(reasons, "unknown column "+unknown[0])
	case len(unknown) > 1:
		reasons = append(reasons, "unknown columns "+list(unknown))
	}
	for _, c := range []struct {
		index int
		name  string
	}{{cols.name, colName}, {cols.value, colValue}, {cols.overridable, colOverridable}} {
		if c.index < 0 {
			missing = append(missing, fmt.Sprintf("%q", c.name))
		}
	}
	switch {
	case len(missing) == 1:
		reasons = append(reasons, "missing column "+missing[0])
	case len(missing) > 1:
		reasons = append(reasons, "missing columns "+list(missing))
	}
	if len(reasons) == 0 {
		return cols, false
	}
	p.errorf(lineRange, "header is %s: %s; want %s", list(found), strings.Join(reasons, "; "), wantHeader)
	if cols.name < 0 || cols.value < 0 || cols.overridable < 0 {
		// Without the three columns the header says nothing usable; the
		// standard order is the best guess for the rows.
		cols = standardColumns(len(fields))
		cols.fromHeader = len(fields) >= 3
	}
	return cols, false
}

func (p *parser) parseRow(line, start, end int, cols columns) {
	rowRange := p.rangeOnLine(line, start, end)
	fields, err := p.split(line, start, end)
	if err != nil {
		p.problems = append(p.problems, *err)
		return
	}
	if len(fields) != cols.count {
		if cols.fromHeader {
			p.errorf(rowRange, "row has %d fields, header has %d", len(fields), cols.count)
		} else {
			p.errorf(rowRange, "row has %d fields, want %d", len(fields), cols.count)
		}
		return
	}
	tag := Tag{
		Name:        p.fieldValue(fields[cols.name], true),
		Value:       p.fieldValue(fields[cols.value], false),
		Overridable: p.fieldValue(fields[cols.overridable], true),
		Range:       rowRange,
	}
	if cols.encrypted >= 0 {
		tag.Encrypted = p.fieldValue(fields[cols.encrypted], true)
	}
	if tag.Name.Text == "" {
		p.errorf(tag.Name.Range(), "row has an empty Tag Name")
		return
	}
	// A flag that is no boolean may be the value of a row whose columns
	// shifted: of a secret tag, it is not quoted.
	flag := func(v source.Value) string {
		if tag.Secret() || source.IsSecretName(tag.Name.Text) {
			return source.Redacted
		}
		return clip(v.Text)
	}
	if _, ok := source.Bool(tag.Overridable.Text); !ok {
		p.problems = append(p.problems, source.Warnf(tag.Overridable.Range(),
			"Is Overridable of tag %q is %q; want \"true\" or \"false\"", tag.Name.Text, flag(tag.Overridable)))
	}
	if tag.Encrypted.Present() {
		if _, ok := source.Bool(tag.Encrypted.Text); !ok {
			p.problems = append(p.problems, source.Warnf(tag.Encrypted.Range(),
				"Is Encrypted of tag %q is %q; want \"true\" or \"false\"; the value is treated as secret", tag.Name.Text, flag(tag.Encrypted)))
		}
	}
	if first, seen := p.firstLine[tag.Name.Text]; seen {
		p.errorf(tag.Name.Range(), "tag %q is defined twice; first at line %d", tag.Name.Text, first)
		return
	}
	p.firstLine[tag.Name.Text] = line
	p.set.Tags = append(p.set.Tags, tag)
}

// field is one field of a row. For a quoted field start and end bound the
// content inside the quotes and text is the content with "" undoubled.
type field struct {
	start, end int
	quoted     bool
	text       string
}

// fieldValue makes a Value of f, trimmed of surrounding spaces unless f
// is quoted or trim is false.
func (p *parser) fieldValue(f field, trim bool) source.Value {
	if trim && !f.quoted {
		for f.start < f.end && (p.text[f.start] == ' ' || p.text[f.start] == '\t') {
			f.start++
		}
		for f.end > f.start && (p.text[f.end-1] == ' ' || p.text[f.end-1] == '\t') {
			f.end--
		}
		f.text = p.text[f.start:f.end]
	}
	return source.Value{Text: f.text, Loc: p.ix.File().Loc(f.start, f.end)}
}

// split cuts the row [start, end) into fields at the delimiter, honouring
// CSV quotes. It returns at least one field, or a problem for a malformed
// quoted field; the message quotes no field text, which may be secret.
func (p *parser) split(line, start, end int) ([]field, *source.Problem) {
	parts, err := delimited.Split(p.text, start, end, p.delim)
	if err != nil {
		column := p.pos(line, err.Open).Column
		var prob source.Problem
		if err.Kind == delimited.Unterminated {
			prob = source.Errorf(p.rangeOnLine(line, err.At, err.End),
				"quoted field at column %d has no closing quote on its line", column)
		} else {
			prob = source.Errorf(p.rangeOnLine(line, err.At, err.End),
				"unexpected character after the closing quote of the field at column %d; a quote inside a quoted field must be doubled", column)
		}
		return nil, &prob
	}
	fields := make([]field, len(parts))
	for i, f := range parts {
		fields[i] = field{start: f.Start, end: f.End, quoted: f.Quoted, text: f.Text(p.text)}
	}
	return fields, nil
}

// list joins quoted items with commas, at most listLimit of them.
func list(items []string) string {
	if len(items) <= listLimit {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s, ... (%d more)", strings.Join(items[:listLimit], ", "), len(items)-listLimit)
}

// clip returns the first quoteLimit characters of s, marking a cut with "...".
func clip(s string) string { return source.Clip(s, quoteLimit, "...") }
