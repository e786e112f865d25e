package redact

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
)

// Source knows the secrets of one snapshot's files. It works out a file's
// secrets the first time they are asked for; it is not safe for
// concurrent use, so each report makes its own.
type Source struct {
	snap  *inputs.Snapshot
	files map[string][]span
}

// span is a byte range [start, end).
type span struct{ start, end int }

// New returns the redaction of snap's files; snap may be nil, for a
// report rendered without the snapshot, which then shows no source line.
func New(snap *inputs.Snapshot) *Source {
	return &Source{snap: snap, files: map[string][]span{}}
}

// Line is one line of a file.
type Line struct {
	// Text is the line as captured, without its line ending.
	Text string
	// Secrets are the parts of Text that must not be shown, as ranges of
	// runes [start, end) counted from 0; sorted and disjoint.
	Secrets [][2]int
}

// Masked returns Text with each secret replaced by source.Redacted.
func (l Line) Masked() string {
	runes := []rune(l.Text)
	var b strings.Builder
	at := 0
	for _, s := range l.Secrets {
		b.WriteString(string(runes[at:s[0]]))
		b.WriteString(source.Redacted)
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
	var secrets []span
	for _, sp := range overlapping(s.spans(f), start, end) {
		secrets = append(secrets, span{max(sp.start, start) - start, min(sp.end, end) - start})
	}
	secrets = merge(append(secrets, textSecrets(text)...))
	l := Line{Text: text}
	for _, sp := range secrets {
		l.Secrets = append(l.Secrets, [2]int{utf8.RuneCountInString(text[:sp.start]), utf8.RuneCountInString(text[:sp.end])})
	}
	return l, true
}

// Value returns the text to show for a parsed value: v.Text with every
// secret in it replaced by source.Redacted. When a secret lies in a value
// whose text is not its bytes in the file (a JSON string written with
// escapes), the whole value is hidden.
func (s *Source) Value(v source.Value) string {
	if source.IsMasked(v.Text) {
		return source.Redacted
	}
	secrets := textSecrets(v.Text)
	if f := s.file(v.Range.Filename); f != nil {
		a, b := v.Range.Start.Byte, v.Range.End.Byte
		aligned := 0 <= a && a <= b && b <= len(f.Text) && f.Text[a:b] == v.Text
		for _, sp := range overlapping(s.spans(f), a, b) {
			if !aligned {
				return source.Redacted
			}
			secrets = append(secrets, span{max(sp.start, a) - a, min(sp.end, b) - a})
		}
	}
	secrets = merge(secrets)
	if len(secrets) == 0 {
		return v.Text
	}
	var out strings.Builder
	at := 0
	for _, sp := range secrets {
		out.WriteString(v.Text[at:sp.start])
		out.WriteString(source.Redacted)
		at = sp.end
	}
	out.WriteString(v.Text[at:])
	return out.String()
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
	secrets := slices.Clone(s.spans(f))
	for _, e := range extra {
		secrets = append(secrets, span{max(e[0], 0), min(e[1], len(f.Text))})
	}
	for start := 0; start < len(f.Text); {
		end := strings.IndexByte(f.Text[start:], '\n')
		if end < 0 {
			end = len(f.Text)
		} else {
			end += start
		}
		for _, sp := range textSecrets(strings.TrimRight(f.Text[start:end], "\r")) {
			secrets = append(secrets, span{start + sp.start, start + sp.end})
		}
		start = end + 1
	}
	var b strings.Builder
	at := 0
	for _, sp := range merge(secrets) {
		b.WriteString(f.Text[at:sp.start])
		b.WriteString(source.Redacted)
		at = sp.end
	}
	b.WriteString(f.Text[at:])
	return b.String()
}

func (s *Source) file(path string) *inputs.File {
	if s.snap == nil || path == "" {
		return nil
	}
	return s.snap.File(path)
}

// spans returns the secrets the model knows of in f, sorted and merged.
func (s *Source) spans(f *inputs.File) []span {
	if sp, ok := s.files[f.Path]; ok {
		return sp
	}
	var out []span
	add := func(v source.Value) {
		if v.Range.Filename == f.Path && v.Range.End.Byte > v.Range.Start.Byte {
			out = append(out, span{v.Range.Start.Byte, v.Range.End.Byte})
		}
	}
	if h := s.snap.Host(f.Host); h != nil {
		for _, c := range h.Commands {
			if c.Input.Range.Filename == f.Path {
				commandSpans(c, add)
			}
		}
	}
	for _, t := range s.snap.Templates {
		if t.Path == f.Path {
			for _, fd := range t.Fields {
				if fd.Secret() {
					add(fd.Value)
				}
			}
		}
	}
	for _, c := range s.snap.Clusters {
		if c.Path == f.Path {
			for _, fd := range c.Fields {
				if fd.Secret() {
					add(fd.Value)
				}
			}
		}
	}
	for _, ts := range s.snap.TagSets {
		if ts.Path == f.Path {
			for _, tag := range ts.Tags {
				if tag.Secret() || source.IsSecretName(tag.Name.Text) {
					add(tag.Value)
				}
			}
		}
	}
	out = merge(out)
	s.files[f.Path] = out
	return out
}

// commandSpans reports the secrets of one command: the arguments typed
// after secret names, secret attributes, and table cells that a secret
// column or a secret-naming row hold.
func commandSpans(c *bwcli.Command, add func(source.Value)) {
	for _, sp := range commandSecrets(c.Input.Text) {
		v := c.Input
		v.Range.Start.Byte, v.Range.End.Byte = c.Input.Range.Start.Byte+sp.start, c.Input.Range.Start.Byte+sp.end
		add(v)
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

// overlapping returns the spans, sorted and disjoint, that share a byte
// with [start, end); a large capture has many, so they are found by
// binary search rather than by reading them all for each line or value.
func overlapping(spans []span, start, end int) []span {
	if end <= start {
		return nil
	}
	i, _ := slices.BinarySearchFunc(spans, start, func(sp span, at int) int {
		if sp.end <= at {
			return -1
		}
		return 1
	})
	j := i
	for j < len(spans) && spans[j].start < end {
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

// merge sorts spans and joins those that overlap or touch.
func merge(spans []span) []span {
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	var out []span
	for _, sp := range spans {
		if sp.end <= sp.start {
			continue
		}
		if n := len(out); n > 0 && sp.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, sp.end)
			continue
		}
		out = append(out, sp)
	}
	return out
}
