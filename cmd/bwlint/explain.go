package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/agext/levenshtein"
	"github.com/bwlint/bwlint/checks/codes"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/report"
)

// What bwlint explain says of the codes of checks/codes: the error codes
// of the user activation portal and of Directory Sync, BroadWorks'
// Integrated IM&P errors, the provisioning bridge's HTTP answers and the
// Meetings Server's messages.

// otherMatches is how many further entries explain lists after the one a
// message fragment matches best.
const otherMatches = 4

// allWords is the score codes.Search gives an entry whose text holds every
// word of the fragment.
const allWords = 200

// familyPlace says, for people, where an operator meets a family's codes.
var familyPlace = map[codes.Family]string{
	codes.EndUser:        "the Webex user activation portal (end-user error code)",
	codes.DirectorySync:  "Partner Hub and Control Hub, for BroadWorks directory and phone list sync",
	codes.IMP:            "BroadWorks, when Integrated IM&P is assigned or changed (shown as [Error N])",
	codes.Bridge:         "the Application Server's PSLog: the provisioning bridge's HTTP answer to flow-through provisioning",
	codes.MeetingsServer: "Cisco WebEx Meetings Server, at SSO sign-in or when importing users",
}

// familyTitle heads a family's part of docs/codes.md.
var familyTitle = map[codes.Family]string{
	codes.EndUser:        "End-user error codes",
	codes.DirectorySync:  "Directory Sync error codes",
	codes.IMP:            "BroadWorks Integrated IM&P errors",
	codes.Bridge:         "Provisioning bridge answers (PSLog)",
	codes.MeetingsServer: "Cisco WebEx Meetings Server messages",
}

// codeLabel names an entry the way an operator meets it: the code itself,
// "HTTP 409" for the bridge, and the entry's id where several share a code
// or there is none.
func codeLabel(e codes.Entry) string {
	switch {
	case e.Family == codes.Bridge && e.Code != "" && e.ID == "http-"+e.Code:
		return "HTTP " + e.Code
	case e.Family == codes.Bridge && e.Code != "":
		return "HTTP " + e.Code + " (" + e.ID + ")"
	case e.Family == codes.IMP:
		return "[Error " + e.Code + "]"
	case e.Code != "":
		return e.Code
	}
	return e.ID
}

// checkLink names a check with a link to its page; link makes the link
// from a check, and a name this build does not know stays plain.
func checkLink(name string, known map[string]*lint.Check, link func(*lint.Check) string) string {
	c := known[name]
	if c == nil {
		return "`" + name + "`"
	}
	return fmt.Sprintf("[%s](%s): %s", name, link(c), c.Title)
}

// codeMarkdown renders one entry: what bwlint explain prints.
func codeMarkdown(e codes.Entry, known map[string]*lint.Check) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("# %s", codeLabel(e))
	p("")
	if e.Message != "" {
		p("> %s", e.Message)
		p("")
	}
	p("| | |")
	p("| --- | --- |")
	p("| Where it appears | %s |", familyPlace[e.Family])
	p("| Source | %s, \"%s\" |", e.Source.Document, e.Source.Section)
	p("| Entry | `%s` |", e.ID)
	p("")
	p("## What it means")
	p("")
	p("%s", e.Meaning)
	p("")
	p("## What to do")
	p("")
	p("%s", e.Action)
	for _, part := range []struct {
		title string
		names []string
	}{{"Checks that find a cause in a snapshot", e.Checks}, {"Checks that report it from a log", e.ReportedBy}} {
		if len(part.names) == 0 {
			continue
		}
		p("")
		p("## %s", part.title)
		p("")
		for _, name := range part.names {
			p("- %s", checkLink(name, known, report.HelpURI))
		}
	}
	if len(e.Checks) == 0 && len(e.ReportedBy) == 0 {
		p("")
		p("No capture shows a cause of this code: no bwlint check looks for one.")
	}
	return b.String()
}

// explainCode writes what bwlint explain says of query when it names codes
// or matches their text; ok is false when it does neither.
func explainCode(query string, known []*lint.Check) (string, bool) {
	byName := map[string]*lint.Check{}
	for _, c := range known {
		byName[c.Name] = c
	}
	if es := codes.Lookup(query); len(es) > 0 {
		var parts []string
		for _, e := range es {
			parts = append(parts, codeMarkdown(e, byName))
		}
		return strings.Join(parts, "\n"), true
	}
	ms := codes.Search(query)
	if len(ms) == 0 {
		return "", false
	}
	out := codeMarkdown(ms[0].Entry, byName)
	// Others are listed when they match about as well: all the words of
	// the fragment, or as many as the best.
	var rest []codes.Match
	for _, m := range ms[1:] {
		if m.Score >= min(ms[0].Score, allWords) {
			rest = append(rest, m)
		}
	}
	if len(rest) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "\n## Other entries that match %q\n\n", strings.Join(strings.Fields(query), " "))
		for i, m := range rest {
			if i == otherMatches {
				fmt.Fprintf(&b, "- and %d more\n", len(rest)-otherMatches)
				break
			}
			fmt.Fprintf(&b, "- %s: %s (`bwlint explain %s`)\n", codeLabel(m.Entry), summary(m.Entry), m.Entry.ID)
		}
		out += b.String()
	}
	return out, true
}

// summary is an entry's message, else its meaning, for a list.
func summary(e codes.Entry) string {
	if e.Message != "" {
		return e.Message
	}
	return e.Meaning
}

// suggestCodes names the codes a query that looks like one may have
// meant: those of the same length one or two digits away, closest first.
func suggestCodes(query string) string {
	digits := strings.TrimFunc(query, func(r rune) bool { return !unicode.IsDigit(r) })
	if digits == "" || strings.ContainsFunc(digits, func(r rune) bool { return !unicode.IsDigit(r) }) {
		return ""
	}
	type near struct {
		code string
		dist int
		gap  int
	}
	var found []near
	seen := map[string]bool{}
	n, _ := strconv.Atoi(digits)
	for _, e := range codes.All() {
		if e.Code == "" || len(e.Code) != len(digits) || seen[e.Code] {
			continue
		}
		if d := levenshtein.Distance(digits, e.Code, nil); d <= 2 {
			seen[e.Code] = true
			m, _ := strconv.Atoi(e.Code)
			found = append(found, near{e.Code, d, max(m-n, n-m)})
		}
	}
	if len(found) == 0 {
		return ""
	}
	slices.SortFunc(found, func(a, b near) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(a.gap, b.gap), cmp.Compare(a.code, b.code))
	})
	var names []string
	for i, f := range found {
		if i == 3 {
			break
		}
		names = append(names, f.code)
	}
	return "; codes near it: " + strings.Join(names, ", ")
}

// looksLikeCheckName reports whether a query is written the way check
// names are (snake_case, no spaces), so that a misspelling is answered
// with the check it may have meant rather than a search of messages.
func looksLikeCheckName(q string) bool {
	return strings.Contains(q, "_") && !strings.ContainsFunc(q, unicode.IsSpace)
}

// namesPartOfCheck reports whether a one-word query is a word of a check's
// name ("patches", "certificate"): it is answered with the checks it
// names, as a part of a name is, rather than with a code whose message
// happens to hold the word. A message is looked up by more words, or by
// one that no check's name holds.
func namesPartOfCheck(q string, known []*lint.Check) bool {
	q = strings.ToLower(q)
	if q == "" || strings.ContainsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return false
	}
	return slices.ContainsFunc(known, func(c *lint.Check) bool {
		return slices.Contains(strings.Split(c.Name, "_"), q)
	})
}

// codesMarkdown renders docs/codes.md: every entry of checks/codes, by
// family, with links to the pages of the checks.
func codesMarkdown(known []*lint.Check) string {
	byName := map[string]*lint.Check{}
	for _, c := range known {
		byName[c.Name] = c
	}
	all := codes.All()
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("# Error codes and messages")
	p("")
	p("Generated from `checks/codes` by `go test ./cmd/bwlint -update`; do not edit.")
	p("")
	p("Every code and message an operator meets when Webex for Cisco BroadWorks provisioning or sign-in")
	p("fails, or when Cisco WebEx Meetings Server refuses a user: what it means, what to do, where it is")
	p("documented, and the bwlint checks that find a cause of it in a snapshot. Meanings and actions are")
	p("bwlint's own words; messages are the products' text as the sources print it. `bwlint explain CODE`")
	p("prints one entry (`bwlint explain 200042`, `bwlint explain \"[Error 18215]\"`, `bwlint explain 409`);")
	p("`bwlint explain \"a fragment of the message\"` finds the entry whose text holds it.")
	p("")
	p("%d entries. Sources:", len(all))
	p("")
	var docs []string
	for _, e := range all {
		if !slices.Contains(docs, e.Source.Document) {
			docs = append(docs, e.Source.Document)
		}
	}
	for _, d := range docs {
		var sections []string
		for _, e := range all {
			if s := "\"" + e.Source.Section + "\""; e.Source.Document == d && !slices.Contains(sections, s) {
				sections = append(sections, s)
			}
		}
		p("- %s: %s", d, strings.Join(sections, ", "))
	}
	link := func(c *lint.Check) string { return strings.TrimPrefix(c.DocPath(), "docs/") }
	var family codes.Family
	for _, e := range all {
		if e.Family != family {
			family = e.Family
			p("")
			p("## %s", familyTitle[family])
			p("")
			p("Seen in %s.", familyPlace[family])
			p("")
			p("| code | message | what it means | what to do | checks |")
			p("| --- | --- | --- | --- | --- |")
		}
		var cs []string
		for _, name := range e.Checks {
			cs = append(cs, shortLink(name, byName, link))
		}
		for _, name := range e.ReportedBy {
			cs = append(cs, "reported by "+shortLink(name, byName, link))
		}
		p("| %s | %s | %s | %s | %s |", cell(codeLabel(e)), cell(e.Message), cell(e.Meaning), cell(e.Action), strings.Join(cs, ", "))
	}
	return b.String()
}

// shortLink is a check's name linked to its page, for a table cell.
func shortLink(name string, known map[string]*lint.Check, link func(*lint.Check) string) string {
	if c := known[name]; c != nil {
		return fmt.Sprintf("[`%s`](%s)", name, link(c))
	}
	return "`" + name + "`"
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	r := strings.NewReplacer("|", "\\|", "\n", " ", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}
