package config

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// MaxDiagnostics is how many diagnostics WriteDiagnostics shows; the rest
// are counted. A file that is not HCL at all (a binary, a pasted log)
// yields one diagnostic per token, tens of thousands of them, and the
// first few say all there is to say.
const MaxDiagnostics = 20

// Limits of a snippet: lines shown per diagnostic and runes per line. A
// policy is written by hand; a longer line or range is cut, with a mark.
const (
	maxSnippetLines = 8
	maxLineRunes    = 240
)

// WriteDiagnostics prints diagnostics for people: each starts with a
// compiler-style "file:line:column: error: summary" line, which editors
// and terminals turn into a link, followed by the source snippet in HCL's
// layout ("  on FILE line N, in BLOCK:" and the numbered lines) and the
// detail. files are the parsed files (Config.Files) that snippets are cut
// from. At most MaxDiagnostics are shown, then how many more there are.
//
// Nothing the file holds reaches the terminal as it is: control
// characters are escaped (source.Printable), long lines are cut, and the
// values the policy holds for secrets (policySecrets) are masked in
// snippets and messages alike. Each file is indexed once, so that the
// time taken grows with the diagnostics shown, not with their product
// with the file's size.
func WriteDiagnostics(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File, color bool) error {
	bw := bufio.NewWriter(w)
	r := &diagRenderer{w: bw, files: files, color: color, indexed: map[string]*indexedFile{}}
	for i, d := range diags {
		if i == MaxDiagnostics {
			r.writeRest(diags[i:])
			break
		}
		r.write(d)
	}
	return bw.Flush()
}

type diagRenderer struct {
	w       *bufio.Writer
	files   map[string]*hcl.File
	color   bool
	indexed map[string]*indexedFile
}

// indexedFile is a policy file ready to cut snippets from.
type indexedFile struct {
	file *hcl.File
	// lines[i] is the byte offset at which line i+1 starts.
	lines []int
	// secrets are the byte ranges of values that must not be shown, and
	// values their text, to be masked wherever a message repeats it.
	secrets []source.Span
	values  []string
}

func (r *diagRenderer) file(name string) *indexedFile {
	if f, ok := r.indexed[name]; ok {
		return f
	}
	var f *indexedFile
	if hf := r.files[name]; hf != nil && hf.Bytes != nil {
		f = &indexedFile{file: hf, lines: []int{0}}
		for i, c := range hf.Bytes {
			if c == '\n' {
				f.lines = append(f.lines, i+1)
			}
		}
		f.secrets, f.values = policySecrets(hf)
	}
	r.indexed[name] = f
	return f
}

func (r *diagRenderer) write(d *hcl.Diagnostic) {
	var f *indexedFile
	if d.Subject != nil {
		f = r.file(d.Subject.Filename)
	}
	text := func(s string) string { return f.mask(s) }
	fmt.Fprintf(r.w, "%s: %s: %s\n", source.Printable(position(d)), severity(d), source.Printable(text(d.Summary)))
	if d.Subject != nil && d.Subject.Start.Line > 0 {
		r.snippet(d, f)
	}
	detail := source.PrintableLines(text(d.Detail))
	if d.Subject == nil || d.Subject.Start.Line == 0 || detail != "" {
		fmt.Fprintf(r.w, "%s\n\n", detail)
	}
}

// snippet writes the "on FILE line N" line and the source lines the
// diagnostic's range covers, as hcl.NewDiagnosticTextWriter lays them
// out.
func (r *diagRenderer) snippet(d *hcl.Diagnostic, f *indexedFile) {
	subject := *d.Subject
	name := source.Printable(subject.Filename)
	if f == nil {
		fmt.Fprintf(r.w, "  on %s line %d:\n  (source code not available)\n\n", name, subject.Start.Line)
		return
	}
	snip, highlight := subject, subject
	if d.Context != nil {
		snip = hcl.RangeOver(snip, *d.Context)
	}
	// An empty range cannot be shown; it stands for the byte after it.
	for _, rg := range []*hcl.Range{&snip, &highlight} {
		if rg.Empty() {
			rg.End.Byte++
		}
	}
	in := ""
	if c := contextString(f.file, subject.Start.Byte); c != "" {
		in = ", in " + source.Printable(f.mask(c))
	}
	fmt.Fprintf(r.w, "  on %s line %d%s:\n", name, subject.Start.Line, in)
	first, last := f.lineAt(snip.Start.Byte), f.lineAt(snip.End.Byte)
	shown := 0
	for n := first; n <= last; n++ {
		start, end := f.lineBounds(n)
		if !overlaps(start, end, snip) {
			continue
		}
		if shown == maxSnippetLines {
			fmt.Fprintf(r.w, "   …: (%d more lines)\n", last-n+1)
			break
		}
		shown++
		fmt.Fprintf(r.w, "%4d: %s\n", n, f.render(start, end, highlight, r.color))
	}
	_ = r.w.WriteByte('\n') // a bufio.Writer keeps its first error for Flush
}

// overlaps is hcl.Range.Overlaps for the line [start, end): an empty line
// never overlaps, and a range's end counts as inside the line.
func overlaps(start, end int, snip hcl.Range) bool {
	within := func(start, end, at int) bool { return at >= start && at < end }
	return start != end && (within(start, end, snip.Start.Byte) || within(start, end, snip.End.Byte) ||
		within(snip.Start.Byte, snip.End.Byte, start) || within(snip.Start.Byte, snip.End.Byte, end))
}

// writeRest says how many diagnostics were not shown.
func (r *diagRenderer) writeRest(rest hcl.Diagnostics) {
	errs := 0
	for _, d := range rest {
		if d.Severity == hcl.DiagError {
			errs++
		}
	}
	fmt.Fprintf(r.w, "bwlint: %d more diagnostics not shown (%d errors, %d warnings); the first %d are above\n\n",
		len(rest), errs, len(rest)-errs, MaxDiagnostics)
}

// lineAt returns the line (from 1) that holds byte offset at.
func (f *indexedFile) lineAt(at int) int {
	i, found := slices.BinarySearch(f.lines, at)
	if !found {
		i--
	}
	return max(i, 0) + 1
}

// lineBounds returns the byte range of line n without its line ending.
func (f *indexedFile) lineBounds(n int) (start, end int) {
	b := f.file.Bytes
	start = min(f.lines[n-1], len(b))
	end = len(b)
	if n < len(f.lines) {
		end = f.lines[n] - 1
	}
	for end > start && (b[end-1] == '\r' || b[end-1] == '\n') {
		end--
	}
	return start, end
}

// render writes the bytes [start, end) of the file as one printable line:
// secrets masked, control characters escaped, the highlighted part in
// bold underline when color is on, cut after maxLineRunes.
func (f *indexedFile) render(start, end int, highlight hcl.Range, color bool) string {
	b := f.file.Bytes
	hs, he := max(highlight.Start.Byte, start), min(highlight.End.Byte, end)
	if !color || hs >= he {
		hs, he = -1, -1
	}
	var out strings.Builder
	runes := 0
	write := func(s string) bool {
		for _, r := range s {
			if runes == maxLineRunes {
				out.WriteString(" …")
				return false
			}
			out.WriteRune(r)
			runes++
		}
		return true
	}
	secrets := f.secrets
	for at := start; at < end; {
		switch at {
		case hs:
			out.WriteString("\x1b[1;4m")
		case he:
			out.WriteString("\x1b[0m")
		}
		for len(secrets) > 0 && secrets[0].End <= at {
			secrets = secrets[1:]
		}
		if len(secrets) > 0 && secrets[0].Start <= at {
			if !write(source.Redacted) {
				break
			}
			at = min(secrets[0].End, end)
			continue
		}
		// No more than the rest of the line can show: a line of a
		// megabyte is escaped a few hundred bytes at a time.
		next := min(end, at+4*(maxLineRunes-runes+1))
		for _, stop := range []int{hs, he} {
			if stop > at && stop < next {
				next = stop
			}
		}
		if len(secrets) > 0 && secrets[0].Start < next {
			next = secrets[0].Start
		}
		if !write(source.Printable(string(b[at:next]))) {
			break
		}
		at = next
	}
	if hs >= 0 && he > hs {
		out.WriteString("\x1b[0m")
	}
	return out.String()
}

// mask replaces every secret value of the file that text repeats.
func (f *indexedFile) mask(text string) string {
	if f == nil {
		return text
	}
	for _, v := range f.values {
		text = strings.ReplaceAll(text, v, source.Redacted)
	}
	return text
}

// contextString names the block that holds offset, as HCL's own writer
// does ("rule \"site_x\"").
func contextString(file *hcl.File, offset int) string {
	type contextStringer interface {
		ContextString(offset int) string
	}
	if cs, ok := file.Nav.(contextStringer); ok {
		return cs.ContextString(offset)
	}
	return ""
}

// position is "file:line:column", or the file alone for a problem with
// the whole file (it cannot be read).
func position(d *hcl.Diagnostic) string {
	s := d.Subject
	switch {
	case s == nil:
		return "bwlint"
	case s.Start.Line == 0:
		return s.Filename
	}
	return fmt.Sprintf("%s:%d:%d", s.Filename, s.Start.Line, s.Start.Column)
}

func severity(d *hcl.Diagnostic) string {
	if d.Severity == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}
