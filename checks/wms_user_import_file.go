package checks

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/wms"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// The evidence wms_user_import_file reads.
var (
	importFiles = wmsUserFiles.Reading("its encoding, extension, delimiter, header and every row with every cell")
	importCodes = wmsSettingsFile.Reading("the usage, input mode and active dropdown values of each tracking code (TC1 to TC10)")
)

type importFileOptions struct {
	Extensions            []string            `hcl:"extensions,optional" doc:"file-name extensions Meetings Server imports, with the dot"`
	Encodings             []string            `hcl:"encodings,optional" doc:"encodings Meetings Server imports: UTF-8, UTF-16LE, UTF-16BE (bwlint also tells Windows-1252 and ISO-8859-1 or Windows-1252 apart)"`
	RequiredColumns       []string            `hcl:"required_columns,optional" doc:"columns the header must have and every row must fill"`
	MaxLengths            map[string]int      `hcl:"max_lengths,optional" doc:"column → the longest value Meetings Server accepts, in characters"`
	TrackingCodeMaxLength int                 `hcl:"tracking_code_max_length,optional" doc:"the longest value of a tracking-code column (TC1 to TC10), in characters"`
	Values                map[string][]string `hcl:"values,optional" doc:"column → the values it takes, compared without regard to case"`
}

// importEncodings are the encoding names a user file is found in.
var importEncodings = []string{wms.UTF8, wms.UTF16LE, wms.UTF16BE, wms.Windows1252, wms.Latin1}

// Validate rejects lists and limits the check cannot work with.
func (o *importFileOptions) Validate() error {
	if len(o.Extensions) == 0 {
		return &lint.OptionError{Option: "extensions", Msg: "it must list at least one extension, such as \".csv\""}
	}
	for _, x := range o.Extensions {
		if len(x) < 2 || x[0] != '.' || strings.ContainsAny(x, "/\\") {
			return &lint.OptionError{Option: "extensions", Msg: fmt.Sprintf("%q is not an extension: write it with its dot, such as \".csv\"", x)}
		}
	}
	if len(o.Encodings) == 0 {
		return &lint.OptionError{Option: "encodings", Msg: "it must list at least one encoding, such as \"UTF-8\""}
	}
	for _, e := range o.Encodings {
		if !slices.Contains(importEncodings, e) {
			return &lint.OptionError{Option: "encodings", Msg: fmt.Sprintf("%q is not an encoding bwlint tells; use %s", e, wmsJoin(wmsQuoted(importEncodings), "or"))}
		}
	}
	if slices.ContainsFunc(o.RequiredColumns, func(c string) bool { return strings.TrimSpace(c) == "" }) {
		return &lint.OptionError{Option: "required_columns", Msg: "a column name is empty"}
	}
	for _, col := range wmsSortedKeys(o.Values) {
		if len(o.Values[col]) == 0 {
			return &lint.OptionError{Option: "values", Msg: fmt.Sprintf("column %s lists no value; leave the column out to allow any", col)}
		}
	}
	for _, col := range wmsSortedKeys(o.MaxLengths) {
		if n := o.MaxLengths[col]; n < 1 {
			return &lint.OptionError{Option: "max_lengths", Msg: fmt.Sprintf("column %s: a length must be at least 1, got %d", col, n)}
		}
	}
	if o.TrackingCodeMaxLength < 1 {
		return &lint.OptionError{Option: "tracking_code_max_length", Msg: fmt.Sprintf("a length must be at least 1, got %d", o.TrackingCodeMaxLength)}
	}
	return nil
}

// defaultImportOptions are the rules the public record gives: the
// required fields and allowed values of the administration guide's field
// list, and the lengths of the troubleshooting guide's SSO URL API
// reference.
func defaultImportOptions() any {
	o := &importFileOptions{
		Extensions:            []string{".csv"},
		Encodings:             []string{wms.UTF8, wms.UTF16LE, wms.UTF16BE},
		MaxLengths:            map[string]int{},
		TrackingCodeMaxLength: wmsTrackingCodeMaxLength,
		Values:                map[string][]string{},
	}
	for _, c := range wms.Columns {
		if c.Required {
			o.RequiredColumns = append(o.RequiredColumns, c.Name)
		}
		if c.MaxLength > 0 && !slices.Contains(wmsTrackingCodes, c.Name) {
			o.MaxLengths[c.Name] = c.MaxLength
		}
		if len(c.Values) > 0 {
			o.Values[c.Name] = slices.Clone(c.Values)
		}
	}
	return o
}

var wmsUserImportFile = &lint.Check{
	Name:  "wms_user_import_file",
	Title: "user import files are in the form Meetings Server imports",
	Doc: `Cisco WebEx Meetings Server imports users from a comma- or tab-delimited file (Users >
Import/Export). Its troubleshooting guide ("Importing Users with a CSV File Fails") explains the
refusal "invalid file" by two causes: a file that is not Unicode (UTF-8 or UTF-16), and a
malformed file, such as rows with missing columns. It adds that spreadsheet programs save Unicode
text (UTF-16) only with the extension ` + "`.txt`" + `, while Meetings Server wants ` + "`.csv`" + `. Its SSO URL API
reference gives the longest values of the account fields, which an import fills as well: 32
characters for the first and the last name, 64 for the email address, 132 for a tracking code.

Each file of ` + "`wms/users/`" + ` is judged as the administrator would upload it:

- its encoding is UTF-8 or UTF-16 (the finding names the encoding found, and the first
  character that is not Unicode text);
- its extension is ` + "`.csv`" + `;
- every row uses the header's delimiter, has exactly the header's columns (the finding names
  the row and the missing or extra columns by position), and has no broken quotes; rows that
  hold nothing but delimiters are reported together;
- the header has the required columns ` + "`ACTIVE`" + `, ` + "`FIRSTNAME`" + `, ` + "`LASTNAME`" + ` and ` + "`EMAIL`" + ` (the
  administration guide's field list), every row fills them, and ` + "`ACTIVE`" + ` and ` + "`HOSTPRIV`" + ` hold
  the values that list gives (` + "`Y`/`N`" + `, ` + "`ADMN`/`HOST`" + `; warnings, since the public copy of the list
  is incomplete);
- values are no longer than the limits above (counted in characters);
- no email address appears twice (accounts are keyed by it): the finding lists every row that
  holds it;
- with ` + "`wms/settings.hcl`" + `, each tracking code that Users > Tracking Codes makes required has a
  column and a value in every row, and each dropdown code holds one of its active values (an
  inactive value is named as such).

A column the public record does not document is a note: bwlint keeps it and judges nothing of
it. Findings name users by their email address, the account's key; first and last names are not
quoted, only their lengths. The file's defects are findings of this check, not input problems:
the file was read.`,
	Fix: `Open the file in a spreadsheet program, correct the rows the findings name, and save it as
Unicode text (UTF-16, tab-delimited) or as CSV UTF-8. Rename it so that it ends in ` + "`.csv`" + `
(spreadsheet programs save Unicode text as ` + "`.txt`" + `), then import it at Users > Import/Export,
choosing the delimiter the file uses (tab for Unicode text). Shorten values beyond the limits,
give each email address one row, and use only active dropdown values of the tracking codes
(Users > Tracking Codes > Edit list).`,
	Severity: lint.Error,
	Applies: `Every user import file of the snapshot (` + "`wms/users/*`" + `). A snapshot without one does not use
Meetings Server, and the check is not evaluated. Without ` + "`wms/settings.hcl`" + `, the tracking codes are
not judged (not evaluated, never passed); the rest of each file is.`,
	Evidence: []lint.Evidence{importFiles, importCodes},
	Tags:     []string{"wms", "users", "import"},
	Options:  defaultImportOptions,
	Run:      runWMSUserImportFile,
}

func runWMSUserImportFile(p *lint.Pass) error {
	snap := p.Snapshot
	if len(snap.WMS.Users) == 0 {
		p.NotEvaluated("", "%s", wmsNoUserFiles(snap))
		return nil
	}
	opts := lint.OptionsOf[importFileOptions](p)
	settings := snap.WMS.Settings
	if settings == nil {
		p.NotEvaluatedPart("", "tracking-code values are not judged against Users > Tracking Codes: %s", wmsNoSettings(snap))
	}
	unjudged := map[string]bool{}
	stems := map[string]int{}
	for _, f := range snap.WMS.Users {
		stems[strings.ToLower(fileStem(f.Path))]++
	}
	for _, f := range snap.WMS.Users {
		// A file is known by its name without the extension, which
		// renaming it to .csv leaves alone; by its whole name when another
		// file shares that stem.
		ctx := "wms/users/" + fileStem(f.Path)
		if stems[strings.ToLower(fileStem(f.Path))] > 1 {
			ctx = "wms/users/" + path.Base(f.Path)
		}
		r := importReview{p: p, opts: opts, f: f, settings: settings, unjudged: unjudged, ctx: ctx}
		r.review()
	}
	reasons := make([]string, 0, len(unjudged))
	for reason := range unjudged {
		reasons = append(reasons, reason)
	}
	sort.Strings(reasons)
	for _, reason := range reasons {
		p.NotEvaluatedPart("", "%s", reason)
	}
	return nil
}

// importReview judges one import file.
type importReview struct {
	p        *lint.Pass
	opts     *importFileOptions
	f        *wms.UserFile
	settings *wms.Settings
	// unjudged collects why tracking codes could not be judged.
	unjudged map[string]bool
	// ctx is the findings' logical context: the file.
	ctx string
	// ids identify the rows (see rowIDs).
	ids []string
	// emailCol is the EMAIL column, -1 when the header has none.
	emailCol int
	// rules are what the options say of each header column, by index;
	// required are the indexes of the required columns the header has.
	rules    []columnRule
	required []int
	// duplicated are the first rows of the email addresses that more
	// than one row holds; repeats the later rows of each row identity, by
	// identity.
	duplicated []int
	repeats    map[string][]int
}

// columnRule is what the options say of one header column.
type columnRule struct {
	// name is the column's name in upper case.
	name string
	// first is false for a column whose name an earlier one repeats: the
	// first speaks for both.
	first bool
	// limit is the longest value, 0 for none; allowed the values taken,
	// nil for any.
	limit   int
	allowed []string
}

// columnRules works out, once per file, what the options say of each
// header column.
func (r *importReview) columnRules() {
	f := r.f
	r.emailCol = f.Column("EMAIL")
	r.rules = make([]columnRule, len(f.Header))
	for i, h := range f.Header {
		col := strings.ToUpper(strings.TrimSpace(h.Text))
		allowed, _ := r.opts.valuesOf(col)
		r.rules[i] = columnRule{name: col, first: f.Column(h.Text) == i, limit: r.opts.maxLength(col), allowed: allowed}
	}
	for _, col := range r.opts.RequiredColumns {
		if i := f.Column(col); i >= 0 {
			r.required = append(r.required, i)
		}
	}
}

func (r *importReview) report(f lint.Finding) {
	f.Logical.Context = r.ctx
	r.p.Report(f)
}

func (r *importReview) review() {
	f := r.f
	r.encoding()
	r.extension()
	if f.HeaderLine == 0 {
		r.report(lint.Finding{
			Message:  fmt.Sprintf("%s holds no header row and no user: the file is empty", path.Base(f.Path)),
			Location: wmsWholeFile(f.Path),
			Logical:  lint.Logical{Key: "header"},
		})
		return
	}
	r.columnRules()
	r.ids = r.rowIDs()
	r.header()
	var blank []wms.Row
	for i, row := range f.Rows {
		if row.Blank {
			blank = append(blank, row)
			continue
		}
		r.row(i, row)
	}
	r.blankRows(blank)
	r.duplicates()
	r.trackingCodes()
}

// encoding reports a file that is not in one of the encodings Meetings
// Server imports, naming the encoding and the first byte that gave it
// away.
func (r *importReview) encoding() {
	enc := r.f.Encoding
	if slices.Contains(r.opts.Encodings, enc.Name) {
		return
	}
	name := path.Base(r.f.Path)
	at := wmsWholeFile(r.f.Path)
	msg := fmt.Sprintf("%s is encoded as %s", name, enc.Name)
	if b := enc.FirstInvalid; b.Present() {
		at = b.Range()
		msg += fmt.Sprintf(": byte 0x%02X at line %d, column %d is not Unicode text", b.Text[0], b.Range().Start.Line, b.Range().Start.Column)
		if c := enc.FirstInvalidChar(); c != 0xFFFD {
			msg += fmt.Sprintf(" (%q in Windows-1252)", c)
		}
	}
	msg += fmt.Sprintf("; Meetings Server imports %s files only (spreadsheet programs save UTF-16 as \"Unicode text\", with the extension .txt)",
		wmsJoin(r.opts.Encodings, "or"))
	r.report(lint.Finding{
		Message:  msg,
		Location: at,
		Logical:  lint.Logical{Key: "encoding"},
		Expected: wmsJoin(r.opts.Encodings, "or"),
		Actual:   enc.Name,
	})
}

// extension reports a file name Meetings Server does not import, saying
// where a .txt file usually comes from.
func (r *importReview) extension() {
	f := r.f
	if slices.ContainsFunc(r.opts.Extensions, func(x string) bool { return strings.EqualFold(x, f.Ext) }) {
		return
	}
	name, stem := path.Base(f.Path), fileStem(f.Path)
	has := fmt.Sprintf("has the extension %q", f.Ext)
	if f.Ext == "" {
		has = "has no extension"
	}
	why := ""
	if f.Ext == ".txt" && strings.HasPrefix(f.Encoding.Name, "UTF-16") {
		why = fmt.Sprintf(" (a %s file, as spreadsheet programs save Unicode text, which they always name .txt)", f.Encoding.Name)
	}
	r.report(lint.Finding{
		Message:  fmt.Sprintf("%s %s%s; Meetings Server imports only %s files: rename it to %s", name, has, why, wmsJoin(r.opts.Extensions, "or"), stem+r.opts.Extensions[0]),
		Location: wmsWholeFile(f.Path),
		Logical:  lint.Logical{Key: "extension"},
		Expected: r.opts.Extensions[0],
		Actual:   f.Ext,
	})
}

// header reports required columns the header lacks and columns the
// public record does not document.
func (r *importReview) header() {
	f := r.f
	var missing []string
	for _, col := range r.opts.RequiredColumns {
		if f.Column(col) < 0 {
			missing = append(missing, strings.ToUpper(strings.TrimSpace(col)))
		}
	}
	if len(missing) > 0 {
		var have []string
		for _, h := range f.Header {
			have = append(have, h.Text)
		}
		r.report(lint.Finding{
			Message:  fmt.Sprintf("the header of %s lacks the required %s %s", path.Base(f.Path), verb(len(missing), "column", "columns"), wmsJoin(missing, "and")),
			Location: r.headerRange(),
			Logical:  lint.Logical{Key: "header"},
			Expected: strings.Join(r.opts.RequiredColumns, "\n"),
			Actual:   strings.Join(have, "\n"),
		})
	}
	for i, h := range f.Header {
		if _, known := wms.KnownColumn(h.Text); known || strings.TrimSpace(h.Text) == "" {
			continue
		}
		if f.Column(h.Text) != i {
			continue // a repeated name: its first column speaks for it
		}
		r.report(lint.Finding{
			Severity: lint.Note,
			Message: fmt.Sprintf("column %d of %s, %q, is not among the columns Meetings Server's administration guide documents; bwlint keeps it and judges nothing of it",
				i+1, path.Base(f.Path), h.Text),
			Location: h.Range(),
			Logical:  lint.Logical{Key: "column " + strings.ToUpper(strings.TrimSpace(h.Text))},
		})
	}
}

// headerRange covers the header's cells.
func (r *importReview) headerRange() hcl.Range {
	h := r.f.Header
	return hcl.RangeBetween(h[0].Range(), h[len(h)-1].Range())
}

// rowIDs names each row for the findings' identity and messages: its
// email address, lower-cased, which is how Meetings Server keys accounts;
// else its user id; else its line. A repeated address gets the number of
// its occurrence, so that two rows of one user never share an identity;
// the rows of each repeated address are kept for duplicates.
func (r *importReview) rowIDs() []string {
	rows := r.f.Rows
	idCol := r.f.Column("USERID")
	first := make(map[string]int, len(rows))
	var repeats map[string][]int
	ids := make([]string, len(rows))
	for i, row := range rows {
		id, email := "", false
		if row.OtherDelimiter {
			// Its cells are not the header's columns.
			id = fmt.Sprintf("line %d", row.Line)
		} else if c, ok := row.Cell(r.emailCol); ok && strings.TrimSpace(c.Text) != "" {
			id, email = strings.ToLower(strings.TrimSpace(c.Text)), true
		} else if c, ok := row.Cell(idCol); ok && strings.TrimSpace(c.Text) != "" {
			id = "user id " + strings.TrimSpace(c.Text)
		} else {
			id = fmt.Sprintf("line %d", row.Line)
		}
		ids[i] = id
		j, seen := first[id]
		if !seen {
			first[id] = i
			continue
		}
		if repeats == nil {
			repeats = map[string][]int{}
		}
		if len(repeats[id]) == 0 && email {
			r.duplicated = append(r.duplicated, j)
		}
		repeats[id] = append(repeats[id], i)
		ids[i] = fmt.Sprintf("%s (occurrence %d)", id, len(repeats[id])+1)
	}
	r.repeats = repeats
	return ids
}

// rowName names a row in a message: "the row of a@example.com" or "the
// row at line 7".
func (r *importReview) rowName(i int) string {
	row := r.f.Rows[i]
	if c, ok := row.Cell(r.emailCol); ok && !row.OtherDelimiter && strings.TrimSpace(c.Text) != "" {
		return fmt.Sprintf("the row of %s (line %d)", strings.TrimSpace(c.Text), row.Line)
	}
	return fmt.Sprintf("the row at line %d", row.Line)
}

func delimiterName(d byte) string {
	if d == '\t' {
		return "tab"
	}
	return "comma"
}

// row judges one row that holds something.
func (r *importReview) row(i int, row wms.Row) {
	f, id := r.f, r.ids[i]
	if row.OtherDelimiter {
		other := byte('\t')
		if f.Delimiter == '\t' {
			other = ','
		}
		r.report(lint.Finding{
			Message: fmt.Sprintf("%s is %s-delimited, while the file is %s-delimited (its header at line %d): split at %ss it has the header's %d columns, split at %ss only %d",
				r.rowName(i), delimiterName(other), delimiterName(f.Delimiter), f.HeaderLine, delimiterName(other), len(f.Header), delimiterName(f.Delimiter), len(row.Cells)),
			Location: row.Range,
			Logical:  lint.Logical{Key: id + "/delimiter"},
			Expected: delimiterName(f.Delimiter),
			Actual:   delimiterName(other),
		})
		return // its cells are not the header's columns
	}
	unclosed := false
	for _, d := range row.Defects {
		col := cellIndex(row, d.Range)
		what := fmt.Sprintf("opens a quote in column %d that it never closes, so the cell runs to the end of the line", col+1)
		if d.Kind == wms.TextAfterQuote {
			what = fmt.Sprintf("has text after the closing quote of column %d", col+1)
		} else {
			unclosed = true
		}
		r.report(lint.Finding{
			Message:  fmt.Sprintf("%s %s", r.rowName(i), what),
			Location: d.Range,
			Logical:  lint.Logical{Key: fmt.Sprintf("%s/quote %d", id, col+1)},
		})
	}
	if unclosed {
		// The quote swallowed the rest of the line: the cells from it on
		// are not the header's columns, and the quote is the finding.
		return
	}
	r.columns(i, row)
	r.fields(i, row)
}

// cellIndex returns the index of the cell of row that rg starts in or
// just before (an opening quote precedes its cell's content).
func cellIndex(row wms.Row, rg hcl.Range) int {
	for i, c := range row.Cells {
		if c.Range().End.Byte >= rg.Start.Byte {
			return i
		}
	}
	return len(row.Cells) - 1
}

// columns reports a row with fewer or more cells than the header, naming
// the columns by position.
func (r *importReview) columns(i int, row wms.Row) {
	f, id := r.f, r.ids[i]
	switch {
	case row.Missing > 0:
		var cols []string
		for c := len(row.Cells); c < len(f.Header); c++ {
			cols = append(cols, fmt.Sprintf("%s (column %d)", f.Header[c].Text, c+1))
		}
		r.report(lint.Finding{
			Message: fmt.Sprintf("%s has %d %s for the header's %d columns: %s %s missing",
				r.rowName(i), len(row.Cells), verb(len(row.Cells), "cell", "cells"), len(f.Header), wmsJoin(cols, "and"), verb(len(cols), "is", "are")),
			Location: row.Range,
			Logical:  lint.Logical{Key: id + "/columns"},
			Expected: fmt.Sprintf("%d columns", len(f.Header)),
			Actual:   fmt.Sprintf("%d columns", len(row.Cells)),
		})
	case len(row.Extra) > 0:
		empty := !slices.ContainsFunc(row.Extra, func(c source.Value) bool { return strings.TrimSpace(c.Text) != "" })
		what := ""
		if empty {
			what = fmt.Sprintf(", empty: the row ends with %d %s too many", len(row.Extra), verb(len(row.Extra), "delimiter", "delimiters"))
		}
		cols := fmt.Sprintf("column %d", len(f.Header)+1)
		switch len(row.Extra) {
		case 1:
		case 2:
			cols = fmt.Sprintf("columns %d and %d", len(f.Header)+1, len(f.Header)+2)
		default:
			cols = fmt.Sprintf("columns %d to %d", len(f.Header)+1, len(f.Header)+len(row.Extra))
		}
		r.report(lint.Finding{
			Message: fmt.Sprintf("%s has %d cells for the header's %d columns: %s %s past the header's last column, %s%s",
				r.rowName(i), len(row.Cells), len(f.Header), cols, verb(len(row.Extra), "lies", "lie"), f.Header[len(f.Header)-1].Text, what),
			Location: hcl.RangeBetween(row.Extra[0].Range(), row.Extra[len(row.Extra)-1].Range()),
			Logical:  lint.Logical{Key: id + "/columns"},
			Expected: fmt.Sprintf("%d columns", len(f.Header)),
			Actual:   fmt.Sprintf("%d columns", len(row.Cells)),
		})
	}
}

// fields judges a row's values: required ones present, lengths, allowed
// values.
func (r *importReview) fields(i int, row wms.Row) {
	id := r.ids[i]
	for _, col := range r.required {
		c, ok := row.Cell(col)
		if !ok || strings.TrimSpace(c.Text) != "" {
			continue // a missing column is reported as such
		}
		r.report(lint.Finding{
			Message:  fmt.Sprintf("%s leaves %s (column %d) empty; Meetings Server requires it", r.rowName(i), r.rules[col].name, col+1),
			Location: c.Range(),
			Logical:  lint.Logical{Key: id + "/" + r.rules[col].name + " empty"},
		})
	}
	for col, rule := range r.rules {
		c, ok := row.Cell(col)
		if !ok || !rule.first {
			continue
		}
		r.length(i, col, c)
		if v := strings.TrimSpace(c.Text); rule.allowed != nil && v != "" && !slices.ContainsFunc(rule.allowed, func(a string) bool { return strings.EqualFold(a, v) }) {
			r.report(lint.Finding{
				Severity: lint.Warning,
				Message:  fmt.Sprintf("%s holds %q in %s (column %d); Meetings Server takes %s", r.rowName(i), v, rule.name, col+1, wmsJoin(wmsQuoted(rule.allowed), "or")),
				Location: c.Range(),
				Logical:  lint.Logical{Key: id + "/" + rule.name + " value"},
				Value:    v,
			})
		}
	}
}

// valuesOf returns the values a column takes, if the options limit them.
func (o *importFileOptions) valuesOf(col string) ([]string, bool) {
	for _, k := range wmsSortedKeys(o.Values) {
		if strings.EqualFold(strings.TrimSpace(k), col) {
			return o.Values[k], true
		}
	}
	return nil, false
}

// maxLength returns the longest value a column takes; 0 for no limit.
func (o *importFileOptions) maxLength(col string) int {
	if slices.Contains(wmsTrackingCodes, col) {
		return o.TrackingCodeMaxLength
	}
	for _, k := range wmsSortedKeys(o.MaxLengths) {
		if strings.EqualFold(strings.TrimSpace(k), col) {
			return o.MaxLengths[k]
		}
	}
	return 0
}

// length reports a value longer than its column takes. Names are personal
// data and are not quoted; the address is the row's identity anyway, and
// a tracking code's value is not personal.
func (r *importReview) length(i, col int, c source.Value) {
	rule := r.rules[col]
	if rule.limit == 0 || len(c.Text) <= rule.limit {
		return // a value of n bytes has at most n characters
	}
	n := wmsLength(strings.TrimSpace(c.Text))
	if n <= rule.limit {
		return
	}
	what := rule.name
	if rule.name == "EMAIL" || slices.Contains(wmsTrackingCodes, rule.name) {
		what = fmt.Sprintf("%s %q", rule.name, strings.TrimSpace(c.Text))
	}
	r.report(lint.Finding{
		Message:  fmt.Sprintf("%s: %s (column %d) is %d characters long; Meetings Server takes at most %d", r.rowName(i), what, col+1, n, rule.limit),
		Location: c.Range(),
		Logical:  lint.Logical{Key: r.ids[i] + "/" + rule.name + " length"},
		Value:    c.Text,
	})
}

// blankRows reports the rows that hold only delimiters, as spreadsheet
// programs leave behind rows whose contents were deleted: one finding
// for all of them.
func (r *importReview) blankRows(rows []wms.Row) {
	if len(rows) == 0 {
		return
	}
	var lines []string
	var related []lint.Related
	for i, row := range rows {
		lines = append(lines, fmt.Sprint(row.Line))
		if i > 0 {
			related = append(related, lint.Related{Location: row.Range, Message: "another row without a value"})
		}
	}
	r.report(lint.Finding{
		Message: fmt.Sprintf("%s holds %d %s with no value in any column (%s %s); delete %s",
			path.Base(r.f.Path), len(rows), verb(len(rows), "row", "rows"), verb(len(rows), "line", "lines"), wmsJoin(lines, "and"), verb(len(rows), "it", "them")),
		Location: rows[0].Range,
		Logical:  lint.Logical{Key: "blank rows"},
		Related:  related,
		Value:    strings.Join(lines, ","),
	})
}

// duplicates reports each email address that more than one row holds,
// with every row that holds it.
func (r *importReview) duplicates() {
	for _, j := range r.duplicated {
		key := r.ids[j]
		rows := append([]int{j}, r.repeats[key]...)
		cells := make([]source.Value, len(rows))
		var lines []string
		var related []lint.Related
		for k, i := range rows {
			cells[k], _ = r.f.Rows[i].Cell(r.emailCol)
			lines = append(lines, fmt.Sprint(r.f.Rows[i].Line))
		}
		for k, c := range cells {
			if k != 1 {
				related = append(related, lint.Related{Location: c.Range(), Message: fmt.Sprintf("%s also at line %d", strings.TrimSpace(c.Text), c.Range().Start.Line)})
			}
		}
		r.report(lint.Finding{
			Message: fmt.Sprintf("%s appears in %d rows of %s (lines %s); Meetings Server keys accounts by email address, so each user must have one row",
				strings.TrimSpace(cells[1].Text), len(cells), path.Base(r.f.Path), wmsJoin(lines, "and")),
			Location: cells[1].Range(),
			Logical:  lint.Logical{Key: key + "/duplicate"},
			Related:  related,
			Value:    strings.Join(lines, ","),
		})
	}
}

// trackingCodes judges the tracking-code columns against Users > Tracking
// Codes: required codes present and filled, dropdown codes holding active
// values. What the settings do not say is recorded as not judged.
func (r *importReview) trackingCodes() {
	if r.settings == nil {
		return
	}
	f := r.f
	for _, code := range wmsTrackingCodes {
		col := f.Column(code)
		tc, described := r.settings.TrackingCode(code)
		switch {
		case !described && col >= 0:
			r.unjudged[fmt.Sprintf("%s: %s describes no tracking code %s, so its column in %s is not judged", code, wmsSettingsPath, code, path.Base(f.Path))] = true
			continue
		case !described:
			continue
		case !tc.Usage.Present():
			r.unjudged[fmt.Sprintf("%s: %s does not give its usage (required, optional or not_used)", code, wmsSettingsPath)] = true
			continue
		}
		required := tc.Usage.Text == wms.UsageRequired
		if required && col < 0 {
			r.report(lint.Finding{
				Message:  fmt.Sprintf("the header of %s has no %s column, and Users > Tracking Codes makes %s required", path.Base(f.Path), code, wmsCodeLabel(tc)),
				Location: r.headerRange(),
				Logical:  lint.Logical{Key: "header " + code},
				Related:  []lint.Related{{Location: tc.Usage.Range(), Message: code + " is required"}},
			})
			continue
		}
		if col < 0 {
			continue
		}
		dropdown := tc.Input.Text == wms.InputDropdown
		if !tc.Input.Present() && tc.Usage.Text != wms.UsageNotUsed {
			r.unjudged[fmt.Sprintf("%s: %s does not give its input mode (text or dropdown), so its values are not judged", code, wmsSettingsPath)] = true
		}
		for i, row := range f.Rows {
			c, ok := row.Cell(col)
			if !ok || row.Blank || row.OtherDelimiter {
				continue
			}
			v := strings.TrimSpace(c.Text)
			switch {
			case v == "" && required:
				r.report(lint.Finding{
					Message:  fmt.Sprintf("%s leaves %s (column %d) empty, and Users > Tracking Codes makes %s required", r.rowName(i), code, col+1, wmsCodeLabel(tc)),
					Location: c.Range(),
					Logical:  lint.Logical{Key: r.ids[i] + "/" + code + " empty"},
					Related:  []lint.Related{{Location: tc.Usage.Range(), Message: code + " is required"}},
				})
			case dropdown:
				if why := wmsDropdownValue(tc, v); why != "" {
					r.report(lint.Finding{
						Message:  fmt.Sprintf("%s: %s (column %d): %s", r.rowName(i), code, col+1, why),
						Location: c.Range(),
						Logical:  lint.Logical{Key: r.ids[i] + "/" + code + " value"},
						Related:  []lint.Related{{Location: tc.Input.Range(), Message: code + " takes a value from its dropdown list"}},
						Value:    v,
					})
				}
			}
		}
	}
}

// fileStem is a path's last element without its extension.
func fileStem(p string) string {
	name := path.Base(p)
	return strings.TrimSuffix(name, path.Ext(name))
}
