package judge

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/baseline"
)

// AgainstBaseline returns r with its findings and gaps compared with a
// baseline, read from a file of known findings and gaps. A finding whose
// entry has the same value is Baselined (reported, not counted); one
// whose value changed counts again with State changed; one without an
// entry is new. A gap the baseline records is Baselined. Entries that
// match nothing become notes of BaselineEntryUnused, located at the entry
// in the baseline file, with State fixed, so that the file can be pruned
// and no run fails on them.
func (r *Result) AgainstBaseline(f *baseline.File) *Result {
	out := r.clone()
	var n BaselineCounts
	known := make([]identity, len(f.Entries))
	for i, e := range f.Entries {
		known[i] = identity{e.Finding().Key(), e.ValueHash}
	}
	p := match(known, identities(out.Findings))
	for i := range out.Findings {
		x := &out.Findings[i]
		x.State = p.state(i)
		switch x.State {
		case StateUnchanged:
			x.Baselined = true
			n.Baselined++
		case StateChanged:
			n.Changed++
		default:
			n.New++
		}
	}
	for i, e := range f.Entries {
		if !p.used[i] {
			out.unusedNote("baseline entry matches no finding (%s): the finding was fixed or moved; remove the entry",
				e.Check, lint.Logical{Host: e.Host, Context: e.Context, Key: e.Key}, e.Range, e.ValueHash)
			n.Unused++
		}
	}
	gapKeys := make([]string, len(f.Gaps))
	for i, g := range f.Gaps {
		gapKeys[i] = g.Key()
	}
	recorded, unused := matchGaps(gapKeys, out.Gaps)
	for i := range out.Gaps {
		out.Gaps[i].Baselined = recorded[i]
		if recorded[i] {
			n.BaselinedGaps++
		} else {
			n.NewGaps++
		}
	}
	for i, g := range f.Gaps {
		if unused[i] {
			out.unusedNote("baseline gap entry matches no evidence gap (%s): the evidence was captured; remove the entry",
				g.Check, lint.Logical{Host: g.Host, Context: g.Context, Key: g.Command}, g.Range, "gap")
			n.Unused++
		}
	}
	Sort(out.Findings)
	out.Baseline = &n
	return out
}

// unusedNote adds the note about a baseline entry of check at l, read
// from at; format words the message around what the entry names. The
// value keeps two unused entries of one key apart in a later baseline or
// review.
func (r *Result) unusedNote(format, check string, l lint.Logical, at hcl.Range, value string) {
	ch := r.notes.BaselineEntryUnused
	if ch == nil {
		return
	}
	r.addCheck(ch)
	where := []string{check}
	for _, s := range []string{l.Host, l.Context, l.Key} {
		if s != "" {
			where = append(where, s)
		}
	}
	r.Findings = append(r.Findings, Finding{
		Finding: lint.Finding{
			Check:    ch.Name,
			Severity: ch.Severity,
			Host:     l.Host,
			Message:  fmt.Sprintf(format, strings.Join(where, ", ")),
			Location: at,
			Logical:  l,
			Value:    value,
		},
		State:       StateFixed,
		UnusedEntry: true,
	})
}

// Record returns the baseline of the run as it stands: its findings that
// describe a problem present now (neither fixed nor notes about a
// baseline) and its evidence gaps.
func (r *Result) Record() *baseline.File {
	var fs []lint.Finding
	for _, f := range r.Findings {
		if f.State != StateFixed && !f.UnusedEntry {
			fs = append(fs, f.Finding)
		}
	}
	gs := make([]lint.Gap, len(r.Gaps))
	for i, g := range r.Gaps {
		gs[i] = g.Gap
	}
	return baseline.FromRun(fs, gs)
}
