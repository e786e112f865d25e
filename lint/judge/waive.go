package judge

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/lint"
)

// Waiver is a waiver of the policy file: the findings of one check, on
// some hosts or all, accepted until a date for a stated reason.
type Waiver struct {
	Name string
	// Check is the check whose findings it covers.
	Check string
	// Hosts are the hosts it covers; every host when empty.
	Hosts  []string
	Reason string
	Owner  string
	// ApprovedBy names who approved the waiver and Granted the day it was
	// granted (YYYY-MM-DD); "" when the policy does not say.
	ApprovedBy, Granted string
	// Expires is the last day the waiver holds, YYYY-MM-DD.
	Expires string
	// At is the waiver's block, where its notes are located: the place of
	// the waiver in the policy file, which audit reports record.
	At hcl.Range
}

// covers reports whether the waiver applies to a finding.
func (w *Waiver) covers(f lint.Finding) bool {
	if f.Check != w.Check {
		return false
	}
	return len(w.Hosts) == 0 || slices.ContainsFunc(w.Hosts, func(h string) bool { return strings.EqualFold(h, f.Host) })
}

// ExpiredOn reports whether the waiver has lapsed on day: it holds through
// the day it names. Dates in YYYY-MM-DD order compare as strings.
func (w *Waiver) ExpiredOn(day time.Time) bool { return day.Format(time.DateOnly) > w.Expires }

// scope describes what a waiver covers, for messages.
func (w *Waiver) scope() string {
	if len(w.Hosts) == 0 {
		return w.Check + " on every host"
	}
	return w.Check + " on " + strings.Join(w.Hosts, ", ")
}

// Policy is what the policy file says about judging a run: its waivers,
// judged on Day, the severities it gives the checks, and the checks it
// turns off (by name), which say why a waiver covers nothing and silence
// the waiver notes when they are among them.
type Policy struct {
	Waivers  []Waiver
	Day      time.Time
	Severity map[string]lint.Severity
	Off      map[string]bool
}

// Waive returns r with the policy's waivers applied. A waived finding
// stays, in every report, with the waiver's reason, owner and expiry; it
// no longer counts towards the exit code. A finding covered by several
// waivers takes the first in the file. A waiver past its expiry waives
// nothing and is itself reported (WaiverExpired), and one that covers no
// finding too (WaiverUnused), located at its block.
func (r *Result) Waive(p Policy) *Result {
	out := r.clone()
	out.Waivers = slices.Clone(p.Waivers)
	for i := range out.Waivers {
		w := &out.Waivers[i]
		covered := 0
		expired := w.ExpiredOn(p.Day)
		for j := range out.Findings {
			f := &out.Findings[j]
			if f.Waiver != nil || !w.covers(f.Finding) {
				continue
			}
			covered++
			if !expired {
				f.Waiver = w
			}
		}
		switch {
		case expired:
			out.note(out.notes.WaiverExpired, p, w, fmt.Sprintf("waiver %q for %s expired on %s; %s",
				w.Name, w.scope(), w.Expires, countAgain(covered)))
		case covered == 0 && p.Off[w.Check]:
			out.note(out.notes.WaiverUnused, p, w, fmt.Sprintf("waiver %q for %s covers no finding because this configuration turns %s off",
				w.Name, w.scope(), w.Check))
		case covered == 0:
			out.note(out.notes.WaiverUnused, p, w, fmt.Sprintf("waiver %q for %s covers no finding; remove it, or correct its check or hosts",
				w.Name, w.scope()))
		}
	}
	Sort(out.Findings)
	return out
}

// note adds a finding about a waiver, located at its block, unless the
// policy turns the check that reports it off. The check joins the list of
// checks when the run did not run it, so that reports always describe
// the checks of the findings they show.
func (r *Result) note(ch *lint.Check, p Policy, w *Waiver, msg string) {
	if ch == nil || p.Off[ch.Name] {
		return
	}
	r.addCheck(ch)
	sev, ok := p.Severity[ch.Name]
	if !ok {
		sev = ch.Severity
	}
	r.Findings = append(r.Findings, Finding{Finding: lint.Finding{
		Check:    ch.Name,
		Severity: sev,
		Message:  msg,
		Location: w.At,
		Logical:  lint.Logical{Context: "config", Key: w.Name},
	}})
}

// countAgain says what an expired waiver's lapse means for the run.
func countAgain(n int) string {
	switch n {
	case 0:
		return "it would cover no finding now, so remove it"
	case 1:
		return "the finding it covered counts again"
	}
	return fmt.Sprintf("the %d findings it covered count again", n)
}

// Waiving returns the first of p's waivers that waives f on p.Day; nil
// when none does.
func (p Policy) Waiving(f lint.Finding) *Waiver {
	for i := range p.Waivers {
		if w := &p.Waivers[i]; w.covers(f) && !w.ExpiredOn(p.Day) {
			return w
		}
	}
	return nil
}

// WaivedOnlyByNew returns fs with NewWaiver set on each waived finding
// that earlier, the policy before a change, would not waive: a waiver
// added by the change, or widened, or renewed by it.
func WaivedOnlyByNew(fs []Finding, earlier Policy) []Finding {
	out := slices.Clone(fs)
	for i := range out {
		if f := &out[i]; f.Waiver != nil && earlier.Waiving(f.Finding) == nil {
			f.NewWaiver = true
		}
	}
	return out
}
