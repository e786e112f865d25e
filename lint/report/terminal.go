package report

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/source"
)

// TerminalMarkdown renders the Markdown bwlint writes about its checks
// (lint.Check.Markdown) for a terminal: headings underlined (bold with
// colour), paragraphs and list items wrapped to width, code blocks
// indented without their fences, tables as aligned columns, inline code,
// emphasis and links as their text — no raw "#", "```" or "|" left. It
// reads the subset of CommonMark the checks' documentation uses; other
// lines are shown as paragraphs. A width of 0 leaves lines whole.
func TerminalMarkdown(md string, width int, color bool) string {
	var out []string
	emit := func(lines ...string) { out = append(out, lines...) }
	blank := func() {
		if len(out) > 0 && out[len(out)-1] != "" {
			emit("")
		}
	}
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	var para []string
	flushPara := func() {
		if len(para) > 0 {
			emit(Wrap(inlineText(strings.Join(para, " ")), width, "", "")...)
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		trimmed := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(trimmed, "```"):
			flushPara()
			blank()
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
				emit("    " + source.Printable(lines[i]))
			}
			blank()
		case trimmed == "":
			flushPara()
			blank()
		case headingRE().MatchString(trimmed):
			flushPara()
			blank()
			m := headingRE().FindStringSubmatch(trimmed)
			text := inlineText(m[2])
			switch len(m[1]) {
			case 1:
				emit(Paint(color, ColorBold, text), strings.Repeat("=", utf8.RuneCountInString(text)))
			case 2:
				emit(Paint(color, ColorBold, text), strings.Repeat("-", utf8.RuneCountInString(text)))
			default:
				emit(Paint(color, ColorBold, text))
			}
		case strings.HasPrefix(trimmed, "|"):
			flushPara()
			var rows []string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				rows = append(rows, strings.TrimSpace(lines[i]))
			}
			i--
			emit(table(rows, width)...)
		case listRE().MatchString(l):
			flushPara()
			m := listRE().FindStringSubmatch(l)
			item := []string{m[3]}
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "  ") && strings.TrimSpace(lines[i+1]) != "" && !listRE().MatchString(lines[i+1]) {
				i++
				item = append(item, strings.TrimSpace(lines[i]))
			}
			bullet := "  - "
			if m[2] != "-" && m[2] != "*" {
				bullet = "  " + m[2] + " "
			}
			emit(Wrap(inlineText(strings.Join(item, " ")), width, m[1]+bullet, m[1]+strings.Repeat(" ", len(bullet)))...)
		default:
			para = append(para, trimmed)
		}
	}
	flushPara()
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n") + "\n"
}

var (
	headingRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(#{1,6})\s+(.*)$`) })
	listRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\s*)([-*]|\d+\.)\s+(.*)$`) })
	linkRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`) })
	strongRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\*\*([^*]+)\*\*`) })
)

// inlineText renders a line's inline Markdown as plain text: code spans as
// their text, strong emphasis as its words, a link as its text and
// address, backslash escapes as the character.
func inlineText(s string) string {
	s = linkRE().ReplaceAllStringFunc(s, func(m string) string {
		sub := linkRE().FindStringSubmatch(m)
		if sub[1] == sub[2] || strings.Trim(sub[1], "`") == sub[2] {
			return sub[2]
		}
		return sub[1] + " (" + sub[2] + ")"
	})
	s = strongRE().ReplaceAllString(s, "$1")
	s = plainCode(s)
	s = strings.NewReplacer(`\|`, "|", `\_`, "_", `\*`, "*", `\[`, "[", `\]`, "]", `\<`, "<", `\>`, ">", `\\`, `\`).Replace(s)
	return source.Printable(s)
}

// table renders Markdown table rows as aligned columns, two spaces apart;
// the delimiter row and an empty header row are left out. A last column
// too wide for width wraps under itself.
func table(rows []string, width int) []string {
	var cells [][]string
	for _, r := range rows {
		cs := splitRow(r)
		if isDelimiterRow(cs) {
			continue
		}
		if strings.TrimSpace(strings.Join(cs, "")) == "" {
			continue
		}
		for i := range cs {
			cs[i] = inlineText(strings.TrimSpace(cs[i]))
		}
		cells = append(cells, cs)
	}
	widths := []int{}
	for _, r := range cells {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	out := make([]string, 0, len(cells))
	for _, r := range cells {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r[:len(r)-1] {
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
		}
		lead := b.String()
		if len(r) == 1 {
			lead = "  "
		}
		last := r[len(r)-1]
		if last == "" {
			out = append(out, strings.TrimRight(lead, " "))
			continue
		}
		out = append(out, Wrap(last, width, lead, strings.Repeat(" ", utf8.RuneCountInString(lead)))...)
	}
	return out
}

// splitRow splits "| a | b \| c |" into its cells, keeping escaped pipes
// in their cell.
func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteString(`\|`)
			i++
		case row[i] == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(cells, cur.String())
}

func isDelimiterRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(strings.TrimSpace(c), "-:") != "" || strings.TrimSpace(c) == "" {
			return false
		}
	}
	return len(cells) > 0
}
