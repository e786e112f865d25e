package report

import (
	"cmp"
	"crypto/sha256"
	_ "embed" // the page's layout, style and script
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/hashicorp/hcl/v2"
)

// HTML writes the audit report: one self-contained page (no network, no
// file besides itself) that a browser opens from a USB stick and prints
// to PDF — summary, how the run was called, findings by host and by
// check with their redacted source lines and values compared, waivers
// with their provenance, evidence gaps, checks not evaluated, input
// problems, the coverage matrix and the evidence list. Its small inline
// script filters and searches; everything is there and readable without
// it. Every value is escaped by html/template.
func HTML(w io.Writer, r *judge.Result, o Options) error {
	return WriteHTML(w, NewHTMLPage(r, o), "")
}

// HTMLPage is what the HTML report shows, every string made printable
// (source.Printable) and every source line redacted.
type HTMLPage struct {
	// Kind is "lint" or "diff".
	Kind     string
	Title    string
	Verdict  string
	Failed   bool
	ExitCode int
	Snapshot string
	Tool     string
	Version  string
	Commit   string
	Policy   Policy
	// Command, Waivers and MissingEvidence say how the run was called.
	Command, WaiversApplied, MissingEvidence, FailOn string
	Summary                                          Summary
	Findings                                         []HTMLFinding
	ByHost                                           []HTMLGroup
	Checks                                           []HTMLCheck
	Waivers                                          []HTMLWaiver
	Gaps                                             []HTMLGap
	NotEvaluated                                     []lint.NotEvaluated
	Problems                                         []HTMLProblem
	Failures                                         []lint.Failure
	Coverage                                         HTMLMatrix
	Evidence                                         EvidencePack
	// Hosts lists every host a finding, gap or cell names, for the
	// filter.
	Hosts []string
	// Review is what a review adds (lint/snapdiff); nil for a lint run.
	Review any
}

// HTMLFinding is one finding as the page shows it.
type HTMLFinding struct {
	ID       string
	Check    string
	Severity string
	Host     string
	Message  string
	Position string
	Where    string // the logical place: context and key
	// Status is counting, waived, baselined, fixed or below (below the
	// failure threshold); Label says it in words.
	Status, Label string
	// State is the finding's state against a baseline or an earlier
	// snapshot; Before what it said before a change.
	State, Before string
	Secret        bool
	Snippet       *HTMLSnippet
	Diff          []HTMLDiffLine
	Related       []string
	Waiver        *HTMLWaiver
	HelpURI       string
	// Fix is the finding's own fix, filled in with its values: prose and
	// runs of lines to paste, in order; none for a fixed finding or one
	// whose check gives only its general fix.
	Fix []HTMLFixBlock
}

// HTMLFixBlock is a paragraph of a finding's fix, or a run of lines that
// pastes into bwcli or a shell as it is.
type HTMLFixBlock struct {
	Code  bool
	Lines []string
}

// HTMLSnippet is a finding's source line, redacted, with the finding's
// range marked.
type HTMLSnippet struct {
	Line                int
	Before, Mark, After string
}

// HTMLDiffLine is one line of expected (-) against actual (+).
type HTMLDiffLine struct {
	Op, Text string
}

// HTMLGroup lists findings (by index into HTMLPage.Findings) under a
// host or a check.
type HTMLGroup struct {
	Name     string
	Findings []int
}

// HTMLCheck is a check that ran, with its findings (by index into
// HTMLPage.Findings) and its fix.
type HTMLCheck struct {
	Name, Title, Severity, Fix, HelpURI string
	Findings                            []int
}

// HTMLWaiver is a waiver of the policy with its provenance and the
// findings it covers.
type HTMLWaiver struct {
	Name, Check, Hosts, Reason, Owner, ApprovedBy, Granted, Expires, Location string
	Covers                                                                    int
}

// HTMLGap is an evidence gap with what to type.
type HTMLGap struct {
	Check, Host, Reason, File string
	Capture                   []string
	Counting, Baselined       bool
}

// HTMLProblem is an input problem.
type HTMLProblem struct {
	Severity, Position, Message string
}

// HTMLMatrix is the coverage matrix: hosts down, checks across.
type HTMLMatrix struct {
	Checks []string
	Rows   []HTMLMatrixRow
}

// HTMLMatrixRow is one host's cells, in the order of the checks.
type HTMLMatrixRow struct {
	Host  string
	Cells []HTMLCell
}

// HTMLCell is one cell: Status is "" where the check does not read the
// host.
type HTMLCell struct {
	Status, Label, Reasons string
}

// NewHTMLPage builds the page of a judged run.
func NewHTMLPage(r *judge.Result, o Options) *HTMLPage {
	s := Summarize(r, o)
	p := &HTMLPage{
		Kind: "lint", Tool: source.Printable(ToolDescription()), Version: source.Printable(lint.Version), Commit: source.Printable(lint.Commit),
		ExitCode: o.ExitCode, Failed: o.ExitCode != 0, Summary: s,
		Policy:  printablePolicy(o.Policy.OrNone()),
		Command: source.Printable(o.Invocation.CommandLine()), WaiversApplied: o.Invocation.WaiversApplied(),
		MissingEvidence: o.MissingEvidence.String(), FailOn: o.Threshold.String(),
		Evidence: NewEvidencePack(o.Snapshot).Printable(),
	}
	p.Verdict = "passed"
	if p.Failed {
		p.Verdict = fmt.Sprintf("failed (exit code %d)", o.ExitCode)
	}
	if o.Snapshot != nil {
		p.Snapshot = source.Printable(o.Snapshot.Root)
	}
	p.Title = lint.ToolName + " report: " + cmp.Or(p.Snapshot, "snapshot")
	src := sourceOf(o)
	help := helpURIs(r.Checks)
	for _, c := range r.Checks {
		p.Checks = append(p.Checks, HTMLCheck{Name: c.Name, Title: c.Title, Severity: c.Severity.String(),
			Fix: plainFix(c.Fix), HelpURI: help[c.Name]})
	}
	for i, f := range r.Findings {
		p.Findings = append(p.Findings, htmlFinding(f, i, src, o.Threshold, help[f.Check]))
	}
	p.ByHost = groupFindings(p.Findings, func(f HTMLFinding) string { return cmp.Or(f.Host, "Partner Hub and snapshot-wide") })
	for i, f := range p.Findings {
		if j := slices.IndexFunc(p.Checks, func(c HTMLCheck) bool { return c.Name == f.Check }); j >= 0 {
			p.Checks[j].Findings = append(p.Checks[j].Findings, i)
		}
	}
	p.Waivers = htmlWaivers(r)
	for _, g := range r.Gaps {
		p.Gaps = append(p.Gaps, HTMLGap{Check: g.Check, Host: source.Printable(g.Host), Reason: source.Printable(g.Reason), File: source.Printable(g.File),
			Capture: printableAll(g.Capture()), Counting: g.Counts(o.MissingEvidence), Baselined: g.Baselined})
	}
	for _, n := range r.NotEvaluated {
		n.Host, n.Reason = source.Printable(n.Host), source.Printable(n.Reason)
		p.NotEvaluated = append(p.NotEvaluated, n)
	}
	for _, pr := range r.Problems {
		p.Problems = append(p.Problems, HTMLProblem{Severity: pr.Severity.String(), Position: source.Printable(position(pr.Range)), Message: source.Printable(pr.Message)})
	}
	for _, f := range r.Failures {
		f.Err = source.Printable(f.Err)
		p.Failures = append(p.Failures, f)
	}
	p.Coverage = htmlMatrix(coverage(r, o.Snapshot))
	p.Hosts = p.hosts()
	return p
}

func htmlFinding(f judge.Finding, i int, src *redact.Source, t lint.Threshold, help string) HTMLFinding {
	h := HTMLFinding{
		ID: fmt.Sprintf("f%d", i+1), Check: f.Check, Severity: f.Severity.String(), Host: source.Printable(f.Host),
		Message: source.Printable(f.Message), Position: source.Printable(position(f.Location)), State: string(f.State),
		Secret: f.Secret, HelpURI: help,
	}
	if f.Logical.Context != "" {
		h.Where = source.Printable(f.Logical.Context + keySuffix(f.Logical.Key))
	}
	switch {
	case f.State == judge.StateFixed:
		h.Status, h.Label = "fixed", "fixed"
	case f.Waiver != nil:
		h.Status, h.Label = "waived", "waived"
	case f.Baselined:
		h.Status, h.Label = "baselined", "baselined"
	case !t.Fails(f.Severity):
		h.Status, h.Label = "below", "below --fail-on "+t.String()
	default:
		h.Status, h.Label = "counting", "counts"
	}
	if f.UnusedEntry {
		h.Label = "unused baseline entry"
	}
	if b := f.Before; b != nil {
		h.Before = source.Printable(b.Message)
	}
	// A fixed finding's range is in the earlier capture, and a secret's
	// line and values are shown nowhere.
	if !f.Secret && f.State != judge.StateFixed {
		h.Snippet = htmlSnippet(src, f.Location)
	}
	if d := f.Diff(); d != "" && !f.Secret {
		for _, l := range strings.Split(strings.TrimSuffix(d, "\n"), "\n") {
			op, text := " ", l
			if l != "" {
				op, text = l[:1], l[1:]
			}
			h.Diff = append(h.Diff, HTMLDiffLine{Op: op, Text: source.Printable(text)})
		}
	}
	for _, rel := range f.Related {
		h.Related = append(h.Related, source.Printable(position(rel.Location)+": "+rel.Message))
	}
	if w := f.Waiver; w != nil {
		hw := htmlWaiver(*w)
		h.Waiver = &hw
	}
	if f.State != judge.StateFixed {
		h.Fix = htmlFix(f.Fix)
	}
	return h
}

// htmlFix groups a finding's fix lines as the page shows them: each
// paragraph on its own, consecutive lines to paste in one block.
func htmlFix(steps []lint.FixStep) []HTMLFixBlock {
	var out []HTMLFixBlock
	for _, l := range FixLines(steps) {
		text := source.Printable(l.Text)
		if n := len(out); l.Code && n > 0 && out[n-1].Code {
			out[n-1].Lines = append(out[n-1].Lines, text)
			continue
		}
		out = append(out, HTMLFixBlock{Code: l.Code, Lines: []string{text}})
	}
	return out
}

// htmlSnippet is the finding's line as the text report shows it (secrets
// masked, escapes removed), split around its range; nil when there is
// no line to show.
func htmlSnippet(src *redact.Source, r hcl.Range) *HTMLSnippet {
	if r.Filename == "" || r.Start.Line == 0 {
		return nil
	}
	l, ok := src.Line(r.Filename, r.Start.Line)
	if !ok {
		return nil
	}
	s := showLine(l)
	runes := []rune(s.text)
	start, end := s.column(r.Start.Column), len(runes)
	if r.End.Line == r.Start.Line {
		end = max(s.column(r.End.Column), start)
	}
	start, end = min(start, len(runes)), min(end, len(runes))
	return &HTMLSnippet{Line: r.Start.Line, Before: string(runes[:start]), Mark: string(runes[start:end]), After: string(runes[end:])}
}

func groupFindings(fs []HTMLFinding, key func(HTMLFinding) string) []HTMLGroup {
	var out []HTMLGroup
	at := map[string]int{}
	for i, f := range fs {
		k := key(f)
		j, ok := at[k]
		if !ok {
			j = len(out)
			at[k] = j
			out = append(out, HTMLGroup{Name: k})
		}
		out[j].Findings = append(out[j].Findings, i)
	}
	slices.SortStableFunc(out, func(a, b HTMLGroup) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

func htmlWaiver(w judge.Waiver) HTMLWaiver {
	hosts := "every host"
	if len(w.Hosts) > 0 {
		hosts = strings.Join(w.Hosts, ", ")
	}
	hw := HTMLWaiver{Name: w.Name, Check: w.Check, Hosts: hosts, Reason: w.Reason, Owner: orNone(w.Owner),
		ApprovedBy: w.ApprovedBy, Granted: w.Granted, Expires: w.Expires, Location: position(w.At)}
	for _, p := range []*string{&hw.Name, &hw.Check, &hw.Hosts, &hw.Reason, &hw.Owner, &hw.ApprovedBy, &hw.Granted, &hw.Expires, &hw.Location} {
		*p = source.Printable(*p)
	}
	return hw
}

// htmlWaivers are the policy's waivers, with how many findings each
// covers; a run judged without the list (a caller that waived findings
// itself) shows the waivers its findings name.
func htmlWaivers(r *judge.Result) []HTMLWaiver {
	ws := r.Waivers
	if ws == nil {
		seen := map[string]bool{}
		for _, f := range r.Findings {
			if f.Waiver != nil && !seen[f.Waiver.Name] {
				seen[f.Waiver.Name] = true
				ws = append(ws, *f.Waiver)
			}
		}
	}
	var out []HTMLWaiver
	for _, w := range ws {
		hw := htmlWaiver(w)
		for _, f := range r.Findings {
			if f.Waiver != nil && f.Waiver.Name == w.Name {
				hw.Covers++
			}
		}
		out = append(out, hw)
	}
	return out
}

func htmlMatrix(cells []judge.Cell) HTMLMatrix {
	mx := newMatrix(cells)
	m := HTMLMatrix{Checks: mx.checks}
	for _, h := range mx.hosts {
		row := HTMLMatrixRow{Host: source.Printable(hostLabel(h))}
		for _, ch := range mx.checks {
			c, ok := mx.cell(h, ch)
			if !ok {
				row.Cells = append(row.Cells, HTMLCell{Label: "-"})
				continue
			}
			row.Cells = append(row.Cells, HTMLCell{Status: string(c.Status), Label: cellLabel(c), Reasons: source.Printable(strings.Join(c.Reasons, "; "))})
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

// hosts lists the hosts the page names, sorted, for the host filter.
func (p *HTMLPage) hosts() []string {
	var hs []string
	add := func(h string) {
		if h != "" && !slices.Contains(hs, h) {
			hs = append(hs, h)
		}
	}
	for _, f := range p.Findings {
		add(f.Host)
	}
	for _, g := range p.Gaps {
		add(g.Host)
	}
	for _, r := range p.Coverage.Rows {
		if r.Host != hostLabel("") {
			add(r.Host)
		}
	}
	for _, e := range p.Evidence.Files {
		add(e.Host)
	}
	slices.Sort(hs)
	return hs
}

func printablePolicy(p Policy) Policy {
	p.Path, p.Reason, p.Shadowed = source.Printable(p.Path), source.Printable(p.Reason), source.Printable(p.Shadowed)
	return p
}

// Printable is the pack with its paths and hosts made printable, for the
// human-readable formats.
func (p EvidencePack) Printable() EvidencePack {
	files := slices.Clone(p.Files)
	for i := range files {
		files[i].Path, files[i].Host = source.Printable(files[i].Path), source.Printable(files[i].Host)
	}
	p.Files = files
	return p
}

func printableAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = source.Printable(s)
	}
	return out
}

// plainFix is a check's fix as plain text, as the text report prints it.
func plainFix(fix string) string {
	return source.PrintableLines(strings.Join(fixLines(fix), "\n"))
}

//go:embed assets/report.html
var htmlLayout string

//go:embed assets/report.css
var htmlCSS string

//go:embed assets/report.js
var htmlJS string

// htmlTemplate is the page's layout; a review adds its "review" block.
// It is parsed on first use: most runs write no HTML, and every run pays
// for what package initialisation does.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Parse(htmlLayout))
})

// htmlCSP allows the page nothing but its own style and script, by their
// digests: no network, no other file, even should a value slip past the
// escaping.
var htmlCSP = sync.OnceValue(func() string {
	return "default-src 'none'; style-src " + cspHash(htmlCSS) + "; script-src " + cspHash(htmlJS) + "; img-src data:; form-action 'none'; base-uri 'none'"
})

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// WriteHTML renders a page. review, when not "", is the text of a
// template that defines "review": what a review shows of the change
// (lint/snapdiff), after the page's summary, given the page.
func WriteHTML(w io.Writer, p *HTMLPage, review string) error {
	t, err := htmlTemplate().Clone()
	if err != nil {
		return err
	}
	if review != "" {
		if t, err = t.Parse(review); err != nil {
			return err
		}
	} else if t, err = t.Parse(`{{define "review"}}{{end}}`); err != nil {
		return err
	}
	return t.Execute(w, struct {
		Page *HTMLPage
		CSS  template.CSS
		JS   template.JS
		CSP  string
	}{p, template.CSS(htmlCSS), template.JS(htmlJS), htmlCSP()})
}
