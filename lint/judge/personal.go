package judge

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// Masker masks personal data for a report that leaves the organisation
// (--mask-personal-data): what each finding's Personal lists, the users'
// fields and PSLog subscriber profiles of the snapshots it was made from,
// and whatever text shows as an email address or a phone number are
// replaced by their PersonalMask. Source lines are masked by the
// reporters' redaction (redact.Source.MaskPersonal).
type Masker struct {
	// known holds the snapshots' personal values, lower-cased, looked up
	// word by word: a model of tens of thousands of users is not searched
	// value by value.
	known map[string]bool
}

// NewMasker returns the masker of the personal data of snaps. A review
// masks both of its sides with one masker, so that a finding masks the
// same way before and after the change.
func NewMasker(snaps ...*inputs.Snapshot) *Masker {
	m := &Masker{known: map[string]bool{}}
	for _, s := range snaps {
		for _, v := range redact.PersonalValues(s) {
			if utf8.RuneCountInString(v) >= 2 {
				m.known[strings.ToLower(v)] = true
			}
		}
	}
	return m
}

// MaskPersonal returns r with its personal data masked by m: in the
// findings' messages, logical locations, values, related messages and
// fix steps (and those of the earlier finding a review matched), in the
// not-evaluated reasons, the gaps' reasons and the input problems. It is
// the last step of the judging, after waivers and the baseline have
// matched the findings as the checks reported them.
//
// A finding's identity is its masked logical location, so its SARIF
// fingerprint differs from an unmasked report's and stays the same from
// one masked report to the next. The values a baseline hashes are left as
// they are: they are never printed.
func (r *Result) MaskPersonal(m *Masker) *Result {
	out := r.clone()
	out.Findings = m.Findings(r.Findings)
	out.NotEvaluated = slices.Clone(r.NotEvaluated)
	for i := range out.NotEvaluated {
		out.NotEvaluated[i].Reason = m.Text(out.NotEvaluated[i].Reason)
	}
	for i := range out.Gaps {
		out.Gaps[i].Reason = m.Text(out.Gaps[i].Reason)
	}
	out.Problems = slices.Clone(r.Problems)
	for i := range out.Problems {
		out.Problems[i].Message = m.Text(out.Problems[i].Message)
	}
	// Masks change keys and messages, which order findings of one place.
	Sort(out.Findings)
	return out
}

// Findings returns fs with their personal data masked, and that of the
// earlier findings a review matched them with, in the same order: a
// review that refers to its findings by index masks them in place.
func (m *Masker) Findings(fs []Finding) []Finding {
	out := slices.Clone(fs)
	for i := range out {
		f := &out[i]
		f.Finding = m.finding(f.Finding)
		if f.Before != nil {
			before := m.finding(*f.Before)
			f.Before = &before
		}
	}
	return out
}

// Text returns s with the snapshots' personal data and whatever shows as
// an email address or a phone number masked: for a reason or a message
// that is no finding's.
func (m *Masker) Text(s string) string { return m.mask(s, nil) }

// finding returns f with its personal data masked and its list of them
// dropped.
func (m *Masker) finding(f lint.Finding) lint.Finding {
	mask := func(s string) string { return m.mask(s, f.Personal) }
	f.Message, f.Expected, f.Actual = mask(f.Message), mask(f.Expected), mask(f.Actual)
	f.Logical.Context, f.Logical.Key = mask(f.Logical.Context), mask(f.Logical.Key)
	f.Related = slices.Clone(f.Related)
	for j := range f.Related {
		f.Related[j].Message = mask(f.Related[j].Message)
	}
	f.Fix = slices.Clone(f.Fix)
	for j := range f.Fix {
		f.Fix[j].Command, f.Fix[j].Comment = mask(f.Fix[j].Command), mask(f.Fix[j].Comment)
	}
	f.Personal = nil
	return f
}

// PersonalMask is what a report shows instead of a piece of personal
// data: a short digest of it, so that the same user is the same mask
// throughout a report and from one report to the next, without the value.
// Case does not matter, as it does not to an email address.
func PersonalMask(value string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(value))))
	return "[personal " + hex.EncodeToString(sum[:4]) + "]"
}

// mask replaces in s the values listed (wherever they stand, case aside),
// every word that is a known personal value, and what the text shows to
// be an email address or a phone number.
func (m *Masker) mask(s string, listed []string) string {
	if s == "" {
		return s
	}
	var spans []source.Span
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		lower = "" // a case change that moves bytes: match exactly
	}
	for _, v := range listed {
		v = strings.TrimSpace(v)
		if utf8.RuneCountInString(v) < 2 {
			continue
		}
		hay, needle := s, v
		if lower != "" {
			hay, needle = lower, strings.ToLower(v)
		}
		for at := 0; ; {
			i := strings.Index(hay[at:], needle)
			if i < 0 {
				break
			}
			spans = append(spans, source.Span{Start: at + i, End: at + i + len(needle)})
			at += i + len(needle)
		}
	}
	for _, w := range words(s) {
		word := strings.TrimRight(s[w.Start:w.End], ".,:;!?")
		if m.known[strings.ToLower(word)] {
			spans = append(spans, source.Span{Start: w.Start, End: w.Start + len(word)})
		}
	}
	spans = source.MergeSpans(append(spans, redact.PersonalText(s)...))
	return source.ReplaceSpans(s, spans, func(_ int, text string) string { return PersonalMask(text) })
}

// words splits s into the stretches between separators that never stand
// inside a user id, an address or a number: spaces, quotes, brackets and
// the punctuation of lists, paths and key=value pairs.
func words(s string) []source.Span {
	var out []source.Span
	start := -1
	for i, r := range s {
		sep := strings.ContainsRune(" \t\r\n\"'`()[]{}<>,;=/|", r)
		switch {
		case sep && start >= 0:
			out = append(out, source.Span{Start: start, End: i})
			start = -1
		case !sep && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, source.Span{Start: start, End: len(s)})
	}
	return out
}
