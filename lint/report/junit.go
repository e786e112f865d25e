package report

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// The JUnit XML that Jenkins (the junit and xUnit plugins) and GitLab
// (artifacts:reports:junit) read: testsuites > testsuite > properties and
// testcase with failure, error, skipped and system-out, as the xUnit
// plugin's junit-10.xsd has them (lint/report/testdata/schemas). The
// schema has no skipped count on testsuites, and no file or line on a
// testcase, which GitLab shows: the junit format writes those two, and
// junit-strict leaves them out for the consumers that validate.
//
// No time is written: bwlint does not time its checks one by one, and a
// run's duration would make the report differ from run to run; every
// time attribute of the schema is optional.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

// junitProperty is a name and a value that describe the run: each suite
// carries the same ones, since a CI page often shows one suite alone.
type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string `xml:"name,attr"`
	ClassName string `xml:"classname,attr"`
	// File and Line locate a finding for GitLab, which shows the file;
	// junit-10.xsd has neither, and junit-strict leaves them out.
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	Skipped   *junitSkipped `xml:"skipped"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// JUnit writes one testsuite per check and one for input problems.
// A check's testcases are its findings (a failure when the finding counts
// towards the exit code, skipped when it is waived, known from the
// baseline or below --fail-on, passed when fixed since the baseline), its
// evidence gaps (a failure when they fail the run, else skipped), its
// not-evaluated hosts (skipped, never passed) and its internal failure (an
// error). A check with none of these has one passing testcase.
func JUnit(w io.Writer, r *judge.Result, o Options) error {
	return writeJUnit(w, r, o, false)
}

// JUnitStrict writes the JUnit report as JUnit does, without the file and
// line attributes of testcases that junit-10.xsd does not allow, for the
// Jenkins xUnit plugin and the other consumers that validate against it.
func JUnitStrict(w io.Writer, r *judge.Result, o Options) error {
	return writeJUnit(w, r, o, true)
}

func writeJUnit(w io.Writer, r *judge.Result, o Options, strict bool) error {
	paths, err := newReportPaths(o)
	if err != nil {
		return err
	}
	j := junitBuilder{o: o, paths: paths, help: helpURIs(r.Checks), suites: map[string]*junitSuite{}}
	for _, c := range r.Checks {
		j.suite(c.Name)
	}
	for _, f := range r.Findings {
		j.add(f.Check, j.findingCase(f))
	}
	for _, g := range r.Gaps {
		j.add(g.Check, j.gapCase(g))
	}
	for _, n := range r.NotEvaluated {
		j.add(n.Check, junitCase{
			Name:    cmp.Or(n.Host, "all hosts"),
			Skipped: &junitSkipped{Message: "not evaluated: " + n.Reason},
		})
	}
	for _, f := range r.Failures {
		j.add(f.Check, junitCase{Name: "run", Error: &junitProblem{Message: f.Err, Type: "check_failure", Body: "check " + f.Check + " failed: " + f.Err}})
	}
	for _, name := range j.order {
		if s := j.suites[name]; len(s.Cases) == 0 {
			j.add(name, junitCase{Name: "no findings", SystemOut: "no finding on the evidence the check evaluated"})
		}
	}
	for _, p := range r.Problems {
		j.add("input problems", j.problemCase(p))
	}
	out := junitSuites{Name: lint.ToolName}
	props := junitProperties(o)
	for _, name := range j.order {
		s := j.suites[name]
		s.Properties = props
		if strict {
			for i := range s.Cases {
				s.Cases[i].File, s.Cases[i].Line = "", 0
			}
		}
		out.Suites = append(out.Suites, *s)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
	}
	out.printable()
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// junitProperties describe the run: the tool's version, the policy file
// and why it applied, and the settings that decide the verdict.
func junitProperties(o Options) []junitProperty {
	p := o.Policy.OrNone()
	return []junitProperty{
		{"bwlint.version", lint.Version},
		{"policy", p.Path},
		{"policy.origin", p.Origin},
		{"policy.reason", p.Reason},
		{"fail_on", o.Threshold.String()},
		{"missing_evidence", o.MissingEvidence.String()},
		{"exit_code", strconv.Itoa(o.ExitCode)},
	}
}

type junitBuilder struct {
	o      Options
	paths  reportPaths
	help   map[string]string // check name → documentation page
	suites map[string]*junitSuite
	order  []string
}

func (j *junitBuilder) suite(name string) *junitSuite {
	if s, ok := j.suites[name]; ok {
		return s
	}
	s := &junitSuite{Name: name}
	j.suites[name] = s
	j.order = append(j.order, name)
	return s
}

func (j *junitBuilder) add(suite string, c junitCase) {
	s := j.suite(suite)
	if c.ClassName == "" {
		c.ClassName = lint.ToolName + "." + suite
	}
	s.Tests++
	switch {
	case c.Failure != nil:
		s.Failures++
	case c.Error != nil:
		s.Errors++
	case c.Skipped != nil:
		s.Skipped++
	}
	s.Cases = append(s.Cases, c)
}

func (j *junitBuilder) findingCase(f judge.Finding) junitCase {
	c := junitCase{Name: findingName(f)}
	if f.Location.Filename != "" {
		c.File, c.Line = j.paths.fromRoot(f.Location.Filename), f.Location.Start.Line
	}
	switch {
	case f.StaleBaselineEntry() && f.Counts():
		c.Failure = &junitProblem{Message: f.Message, Type: "stale_baseline_entry", Body: j.findingBody(f)}
	case f.UnusedEntry:
		c.SystemOut = f.Message
	case f.State == judge.StateFixed:
		c.SystemOut = "fixed since the baseline: " + f.Message
	case f.Waiver != nil:
		c.Skipped = &junitSkipped{Message: fmt.Sprintf("waived by %q: %s (owner %s, expires %s)", f.Waiver.Name, f.Waiver.Reason, orNone(f.Waiver.Owner), f.Waiver.Expires)}
	case f.Baselined:
		c.Skipped = &junitSkipped{Message: "known from the baseline: " + f.Message}
	case !j.o.Threshold.Fails(f.Severity):
		c.Skipped = &junitSkipped{Message: fmt.Sprintf("%s below --fail-on %s: %s", f.Severity, j.o.Threshold, f.Message)}
	default:
		c.Failure = &junitProblem{Message: f.Message, Type: f.Severity.String(), Body: j.findingBody(f)}
	}
	return c
}

// findingName identifies a finding within its check: host and logical
// place, which stay the same across re-captures (CI history tracks tests
// by name).
func findingName(f judge.Finding) string {
	parts := []string{cmp.Or(f.Host, "snapshot")}
	if f.Logical.Context != "" {
		parts = append(parts, f.Logical.Context)
	}
	if f.Logical.Key != "" {
		parts = append(parts, f.Logical.Key)
	}
	if len(parts) == 1 && f.Location.Filename != "" {
		parts = append(parts, f.Location.Filename)
	}
	return strings.Join(parts, " ")
}

// findingBody is what a CI page shows under a failed test: where, the
// values compared (never for secrets), related places and the fix.
func (j *junitBuilder) findingBody(f judge.Finding) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("%s: %s %s: %s", j.position(f), f.Severity, f.Check, f.Message)
	if f.Logical.Context != "" {
		p("in %s%s", f.Logical.Context, keySuffix(f.Logical.Key))
	}
	if d := f.Diff(); d != "" && !f.Secret {
		p("expected (-) and actual (+):")
		b.WriteString(d)
	}
	for _, rel := range f.Related {
		p("related: %s: %s", j.paths.position(rel.Location), rel.Message)
	}
	if uri := j.help[f.Check]; uri != "" {
		p("fix: %s (or bwlint explain %s)", uri, f.Check)
	} else {
		p("fix: bwlint explain %s", f.Check)
	}
	return b.String()
}

func (j *junitBuilder) position(f judge.Finding) string {
	if f.Location.Filename == "" {
		return cmp.Or(f.Host, "snapshot")
	}
	return j.paths.position(f.Location)
}

// gapCase is an evidence gap: a failed test when it fails the run, named
// by host and evidence so that CI history tracks it across runs; skipped
// when it is baselined or only reported.
func (j *junitBuilder) gapCase(g judge.Gap) junitCase {
	what := g.Command()
	if ctx := g.Context(); ctx != "" {
		what = ctx + "> " + what
	}
	c := junitCase{Name: cmp.Or(g.Host, "snapshot") + " evidence gap: " + what}
	body := g.Reason + "\ncapture into " + j.paths.fromRoot(g.File) + ":\n" + strings.Join(g.Capture(), "\n") + "\n"
	switch {
	case g.Baselined:
		c.Skipped = &junitSkipped{Message: "evidence gap known from the baseline: " + g.Reason}
	case !g.Counts(j.o.MissingEvidence):
		c.Skipped = &junitSkipped{Message: "evidence gap (reported only): " + g.Reason}
	default:
		c.Failure = &junitProblem{Message: g.Reason, Type: "evidence_gap", Body: body}
	}
	return c
}

func (j *junitBuilder) problemCase(p source.Problem) junitCase {
	path := j.paths.fromRoot(p.Range.Filename)
	c := junitCase{Name: path, ClassName: lint.ToolName + ".inputs", File: path, Line: p.Range.Start.Line}
	if p.Range.Start.Line > 0 {
		c.Name += ":" + strconv.Itoa(p.Range.Start.Line)
	}
	if p.Severity == source.Error {
		c.Error = &junitProblem{Message: p.Message, Type: "input_problem", Body: p.Error()}
	} else {
		c.SystemOut = p.Severity.String() + ": " + p.Message
	}
	return c
}

// printable escapes every control character of the names and messages
// (source.Printable), keeping the line breaks of the bodies: a CI page
// shows them to people, and XML 1.0 cannot hold most of them anyway.
func (s *junitSuites) printable() {
	for i := range s.Suites {
		suite := &s.Suites[i]
		suite.Name = source.Printable(suite.Name)
		props := slices.Clone(suite.Properties)
		for k := range props {
			props[k].Value = source.Printable(props[k].Value)
		}
		suite.Properties = props
		for j := range suite.Cases {
			c := &suite.Cases[j]
			c.Name, c.ClassName, c.File = source.Printable(c.Name), source.Printable(c.ClassName), source.Printable(c.File)
			c.SystemOut = source.PrintableLines(c.SystemOut)
			for _, p := range []*junitProblem{c.Failure, c.Error} {
				if p != nil {
					p.Message, p.Type, p.Body = source.Printable(p.Message), source.Printable(p.Type), source.PrintableLines(p.Body)
				}
			}
			if c.Skipped != nil {
				c.Skipped.Message = source.Printable(c.Skipped.Message)
			}
		}
	}
}
