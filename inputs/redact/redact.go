package redact

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/ocip"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/hashicorp/hcl/v2"
)

// Source knows the secrets of one snapshot's files. It works out a file's
// secrets the first time they are asked for; it is not safe for
// concurrent use, so each report makes its own.
type Source struct {
	snap  *inputs.Snapshot
	files map[string]*fileSecrets
	// personal is set by MaskPersonal: personal data is hidden like a
	// secret; personalSpans caches what the model says of each file.
	personal      bool
	personalSpans map[string][]span
}

type span = source.Span

// fileSecrets is what the model says of one file.
type fileSecrets struct {
	// secrets are the byte ranges the model knows to be secret, sorted
	// and disjoint.
	secrets []span
	// understood are the byte offsets, sorted, at which a value a parser
	// understood starts: a line holding one is read with TextSecrets,
	// any other with ProseSecrets.
	understood []int
	// secretTables are the byte ranges of tables with a secret column:
	// a line inside one that is no row is hidden whole.
	secretTables []span
}

// New returns the redaction of snap's files; snap may be nil, for a
// report rendered without the snapshot, which then shows no source line.
func New(snap *inputs.Snapshot) *Source {
	return &Source{snap: snap, files: map[string]*fileSecrets{}}
}

// Line is one line of a file.
type Line struct {
	// Text is the line as captured, without its line ending.
	Text string
	// Secrets are the parts of Text that must not be shown, as ranges of
	// runes [start, end) counted from 0; sorted and disjoint.
	Secrets [][2]int
	// Personal marks the secrets that are personal data and nothing
	// else (Source.MaskPersonal), shown as PersonalHidden; nil when none
	// is.
	Personal []bool
}

// Mask is what replaces secret i of the line: source.Redacted, or
// PersonalHidden for personal data.
func (l Line) Mask(i int) string {
	if i < len(l.Personal) && l.Personal[i] {
		return PersonalHidden
	}
	return source.Redacted
}

// Masked returns Text with each secret replaced by its Mask.
func (l Line) Masked() string {
	runes := []rune(l.Text)
	var b strings.Builder
	at := 0
	for i, s := range l.Secrets {
		b.WriteString(string(runes[at:s[0]]))
		b.WriteString(l.Mask(i))
		at = s[1]
	}
	b.WriteString(string(runes[at:]))
	return b.String()
}

// Line returns line n (from 1) of the file at path, with its secrets;
// false when the file has no text or no such line.
func (s *Source) Line(path string, n int) (Line, bool) {
	if s.snap == nil || n < 1 {
		return Line{}, false
	}
	f := s.snap.File(path)
	if f == nil || f.Text == "" {
		return Line{}, false
	}
	start, end, ok := lineBounds(f.Text, n)
	if !ok {
		return Line{}, false
	}
	text := f.Text[start:end]
	hidden, personal := s.lineHidden(f, start, end, nil)
	l := Line{Text: text}
	for _, sp := range hidden {
		a, b := sp.Start-start, sp.End-start
		l.Secrets = append(l.Secrets, [2]int{utf8.RuneCountInString(text[:a]), utf8.RuneCountInString(text[:b])})
	}
	if slices.Contains(personal, true) {
		l.Personal = personal
	}
	return l, true
}

// lineHidden returns what must not be shown of the line [start, end) of
// f, as byte ranges of f.Text, sorted and disjoint: its secrets, and its
// personal data when the source masks it, with which of the ranges are
// personal data and no secret.
func (s *Source) lineHidden(f *inputs.File, start, end int, extra []span) ([]span, []bool) {
	secrets := s.lineSecrets(f, start, end, extra)
	if !s.personal {
		return secrets, make([]bool, len(secrets))
	}
	var personal []span
	for _, sp := range overlapping(s.personalOf(f), start, end) {
		personal = append(personal, span{Start: max(sp.Start, start), End: min(sp.End, end)})
	}
	for _, sp := range PersonalText(f.Text[start:end]) {
		personal = append(personal, span{Start: start + sp.Start, End: start + sp.End})
	}
	hidden := source.MergeSpans(slices.Concat(secrets, personal))
	onlyPersonal := make([]bool, len(hidden))
	for i, h := range hidden {
		onlyPersonal[i] = len(overlapping(secrets, h.Start, h.End)) == 0
	}
	return hidden, onlyPersonal
}

// lineSecrets returns the secrets of the line [start, end) of f as byte
// ranges of f.Text, sorted and disjoint: the model's, the extra ones
// given, and those the text shows.
func (s *Source) lineSecrets(f *inputs.File, start, end int, extra []span) []span {
	fs := s.secretsOf(f)
	var out []span
	for _, sp := range slices.Concat(overlapping(fs.secrets, start, end), overlapping(extra, start, end)) {
		out = append(out, span{Start: max(sp.Start, start), End: min(sp.End, end)})
	}
	text := f.Text[start:end]
	understood := fs.understands(start, end)
	find := source.ProseSecrets
	if understood {
		find = source.TextSecrets
	}
	for _, sp := range find(text) {
		out = append(out, span{Start: start + sp.Start, End: start + sp.End})
	}

	if !understood && len(overlapping(fs.secretTables, start, end)) > 0 && hasWord(text) {
		lead := len(text) - len(strings.TrimLeft(text, " \t"))
		out = append(out, span{Start: start + lead, End: end})
	}
	return source.MergeSpans(out)
}

// understands reports whether a value a parser understood starts in the
// byte range [start, end).
func (fs *fileSecrets) understands(start, end int) bool {
	i, _ := slices.BinarySearch(fs.understood, start)
	return i < len(fs.understood) && fs.understood[i] < end
}

// hasWord reports whether s holds a letter or a digit: a line of "="
// under a table header is no row that went astray.
func hasWord(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// Value returns the text to show for a parsed value: v.Text with every
// secret in it replaced by source.Redacted. When a secret lies in a value
// whose text is not its bytes in the file (a JSON string written with
// escapes), the whole value is hidden. A value's own text is read as
// prose: a value is a few words whose meaning no parser knows (a JSON
// string, text kept as printed, a typed command), so everything after a
// word that names a secret in it is hidden too.
func (s *Source) Value(v source.Value) string {
	if source.IsMasked(v.Text) {
		return source.Redacted
	}
	secrets := source.ProseSecrets(v.Text)
	if s.personal {
		secrets = append(secrets, PersonalText(v.Text)...)
	}
	if f := s.file(v.Loc.Filename()); f != nil {
		a, b := v.Loc.Bytes()
		aligned := 0 <= a && a <= b && b <= len(f.Text) && f.Text[a:b] == v.Text
		hidden := s.secretsOf(f).secrets
		if s.personal {
			hidden = source.MergeSpans(slices.Concat(hidden, s.personalOf(f)))
		}
		for _, sp := range overlapping(hidden, a, b) {
			if !aligned {
				return source.Redacted
			}
			secrets = append(secrets, span{Start: max(sp.Start, a) - a, End: min(sp.End, b) - a})
		}
	}
	return source.MaskSpans(v.Text, secrets)
}

// Text returns the whole text of the file at path with every secret
// replaced by source.Redacted: what the model knows, what each line's text
// shows, and the extra byte ranges [start, end) the caller knows of (a
// value secret in another capture of the same setting). "" when the file
// has no text.
func (s *Source) Text(path string, extra ...[2]int) string {
	f := s.file(path)
	if f == nil || f.Text == "" {
		return ""
	}
	var more []span
	for _, e := range extra {
		more = append(more, span{Start: max(e[0], 0), End: min(e[1], len(f.Text))})
	}
	more = source.MergeSpans(more)
	var secrets []span
	var personal []bool
	for start := 0; start < len(f.Text); {
		end := strings.IndexByte(f.Text[start:], '\n')
		if end < 0 {
			end = len(f.Text)
		} else {
			end += start
		}
		lineEnd := end
		for lineEnd > start && f.Text[lineEnd-1] == '\r' {
			lineEnd--
		}
		h, p := s.lineHidden(f, start, lineEnd, more)
		secrets, personal = append(secrets, h...), append(personal, p...)
		start = end + 1
	}
	shown := Line{Personal: personal}
	return source.ReplaceSpans(f.Text, secrets, func(i int, _ string) string { return shown.Mask(i) })
}

func (s *Source) file(path string) *inputs.File {
	if s.snap == nil || path == "" {
		return nil
	}
	return s.snap.File(path)
}

// secretsOf returns what the model says of f's secrets, worked out once.
func (s *Source) secretsOf(f *inputs.File) *fileSecrets {
	if fs, ok := s.files[f.Path]; ok {
		return fs
	}
	fs := &fileSecrets{}
	secretBytes := func(a, b int) {
		if b > a {
			fs.secrets = append(fs.secrets, span{Start: a, End: b})
		}
	}
	secret := func(v source.Value) {
		if v.Loc.Filename() == f.Path {
			secretBytes(v.Loc.Bytes())
		}
	}
	known := func(vs ...source.Value) {
		for _, v := range vs {
			if v.Loc.Filename() == f.Path {
				a, _ := v.Loc.Bytes()
				fs.understood = append(fs.understood, a)
			}
		}
	}
	// A value a parser understood is still free text that may name a
	// secret ("description = the admin password is …", a JSON string):
	// read as prose, on its own, it hides no neighbour.
	prose := func(vs ...source.Value) {
		for _, v := range vs {
			a, b := v.Loc.Bytes()
			if v.Loc.Filename() != f.Path || a < 0 || b > len(f.Text) || a >= b {
				continue
			}
			found := source.ProseSecrets(v.Text)
			if len(found) > 0 && f.Text[a:b] != v.Text {
				found = []span{{Start: 0, End: b - a}} // escaped: which bytes is unknown
			}
			for _, sp := range found {
				fs.secrets = append(fs.secrets, span{Start: a + sp.Start, End: min(a+sp.End, b)})
			}
		}
	}
	if h := s.snap.Host(f.Host); h != nil {
		for _, c := range h.Commands {
			if c.Input.Loc.Filename() == f.Path {
				commandSpans(c, f.Text, secret, secretBytes)
				commandKnown(c, known, prose, fs)
			}
		}
		for _, d := range h.Digests {
			known(d.Hex, d.Name)
		}
		if sv := h.ShowVer; sv != nil {
			known(sv.Server, sv.Release, sv.Built, sv.ActivePatches)
			for _, a := range sv.Applications {
				known(a.Name)
			}
		}
	}
	// A Partner Hub file's fields: names are known, values are prose,
	// and secret-named values are secret.
	fields := func(fds []partnerhub.Field) {
		for _, fd := range fds {
			known(fd.Key)
			prose(fd.Value)
			if fd.Secret() {
				secret(fd.Value)
			}
		}
	}
	for _, t := range s.snap.Templates {
		if t.Path == f.Path {
			fields(t.Fields)
		}
	}
	for _, c := range s.snap.Clusters {
		if c.Path == f.Path {
			fields(c.Fields)
		}
	}
	for _, ts := range s.snap.Captured.TagSetFiles {
		if ts.Path == f.Path {
			tagSetSpans(ts, secret, known, prose)
		}
	}
	for _, o := range s.snap.Captured.OCIP {
		if o.Path == f.Path {
			ocipSpans(o, secret, known, prose)
		}
	}
	ranges := func(rs []hcl.Range) {
		for _, r := range rs {
			secret(source.Value{Loc: source.LocOf(r)})
		}
	}
	for _, u := range s.snap.Captured.UserCSVs {
		if u.Path == f.Path {
			ranges(u.Secrets)
		}
	}
	for _, m := range s.snap.WMS.SSO {
		if m.Path == f.Path {
			ranges(m.Secrets())
		}
	}
	for _, l := range s.snap.PSLogs {
		if l.Path == f.Path {
			ranges(l.Secrets())
		}
	}
	fs.secrets = source.MergeSpans(fs.secrets)
	slices.Sort(fs.understood)
	fs.understood = slices.Compact(fs.understood)
	fs.secretTables = source.MergeSpans(fs.secretTables)
	s.files[f.Path] = fs
	return fs
}

// commandSpans reports the secrets of one command: the arguments typed
// after secret names, secret attributes, and table cells that a secret
// column or a secret-naming row hold.
//
// The typed input's secrets are found in its text as the terminal showed
// it; when the file holds more than that (an erased letter, an escape
// sequence), where the secret's bytes start is not known exactly, but no
// earlier than its offset in the shown text, so everything from there to
// the end of the input is hidden.
func commandSpans(c *bwcli.Command, text string, add func(source.Value), addBytes func(a, b int)) {
	a, b := c.Input.Loc.Bytes()
	exact := 0 <= a && a <= b && b <= len(text) && text[a:b] == c.Input.Text
	for _, sp := range source.CommandSecrets(c.Input.Text) {
		if exact {
			addBytes(a+sp.Start, a+sp.End)
		} else {
			addBytes(min(a+sp.Start, b), b)
		}
	}
	for _, kv := range c.Attrs {
		if source.IsSecretName(kv.Key.Text) || kv.Value.Masked() {
			add(kv.Value)
		}
	}
	for _, t := range c.Tables {
		for _, r := range t.Rows {
			// A row that names a secret ("provisioning |
			// bw.imp.provisioningPassword | S3cret") holds its value in
			// another cell; which one the table does not say, so every
			// cell but the names is hidden.
			names := slices.ContainsFunc(r.Cells, func(v source.Value) bool { return source.IsSecretName(v.Text) })
			for i, cell := range r.Cells {
				secretColumn := i < len(t.Columns) && source.IsSecretName(t.Columns[i].Text)
				if secretColumn || cell.Masked() || (names && !source.IsSecretName(cell.Text)) {
					add(cell)
				}
			}
		}
	}
}

// commandKnown records the lines of a command a parser understood — the
// prompt, attributes, table headers, rows and footers; not the lines kept
// as text —, reads their values as prose, and records the tables with a
// secret column.
func commandKnown(c *bwcli.Command, known, prose func(...source.Value), fs *fileSecrets) {
	known(c.Input)
	for _, kv := range c.Attrs {
		known(kv.Key)
		prose(kv.Value)
	}
	for _, t := range c.Tables {
		known(t.Columns...)
		known(t.Footer)
		for _, r := range t.Rows {
			known(r.Cells...)
			prose(r.Cells...)
		}
		if slices.ContainsFunc(t.Columns, func(v source.Value) bool { return source.IsSecretName(v.Text) }) {
			a, b := t.Loc.Bytes()
			fs.secretTables = append(fs.secretTables, span{Start: a, End: b})
		}
	}
}

// overlapping returns the spans, sorted and disjoint, that share a byte
// with [start, end); a large capture has many, so they are found by
// binary search rather than by reading them all for each line or value.
func overlapping(spans []span, start, end int) []span {
	if end <= start {
		return nil
	}
	i, _ := slices.BinarySearchFunc(spans, start, func(sp span, at int) int {
		if sp.End <= at {
			return -1
		}
		return 1
	})
	j := i
	for j < len(spans) && spans[j].Start < end {
		j++
	}
	return spans[i:j]
}

// lineBounds returns the byte range of line n of text, without its line
// ending.
func lineBounds(text string, n int) (start, end int, ok bool) {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(text[start:], '\n')
		if j < 0 {
			return 0, 0, false
		}
		start += j + 1
	}
	end = len(text)
	if j := strings.IndexByte(text[start:], '\n'); j >= 0 {
		end = start + j
	}
	for end > start && text[end-1] == '\r' {
		end--
	}
	return start, end, true
}

// tagSetSpans reports the secrets of a tag set: the values of encrypted
// tags and of tags named as secrets, and a flag that is no boolean in
// such a row, which is the value of a row whose columns shifted.
func tagSetSpans(ts *tagset.TagSet, secret func(source.Value), known, prose func(...source.Value)) {
	known(ts.Header...)
	for _, tag := range ts.Tags {
		known(tag.Name)
		prose(tag.Value)
		if tag.Secret() || source.IsSecretName(tag.Name.Text) {
			secret(tag.Actual)
			for _, v := range []source.Value{tag.Value, tag.Overridable, tag.Encrypted} {
				if _, ok := source.Bool(v.Text); !ok {
					secret(v)
				}
			}
		}
	}
}

// ocipSpans reports the secrets of an OCI-P capture: what the reader
// found secret (password-like elements and everything inside them,
// session ids, encrypted tag values), its tag sets' as for a tag-set
// file, and the attributes of device types named as secrets.
func ocipSpans(o *ocip.File, secret func(source.Value), known, prose func(...source.Value)) {
	for _, r := range o.Secrets {
		secret(source.Value{Loc: source.LocOf(r)})
	}
	for _, ts := range o.TagSets {
		tagSetSpans(ts, secret, known, prose)
	}
	for _, dt := range o.DeviceTypes {
		if dt.Detail == nil {
			continue
		}
		for _, a := range dt.Detail.Attrs {
			if a.Secret || source.IsSecretName(a.Path) {
				secret(a.Value)
			}
		}
	}
}
