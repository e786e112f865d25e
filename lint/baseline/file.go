package baseline

import (
	"cmp"
	"encoding/json"
	"io"
	"slices"

	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// Version is the version of the baseline file format that bwlint writes.
// Version 2 added the evidence gaps; files of version 1, which have none,
// are still read.
const Version = 2

// versions are the versions bwlint reads.
var versions = []int{1, 2}

// File is a baseline.
type File struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
	// Gaps are the evidence gaps of the day the baseline was written.
	Gaps []GapEntry `json:"gaps"`
}

// GapEntry is one known evidence gap: the check, the host, and the
// context and command that would capture what is missing. A run with the
// baseline reports a known gap without failing on it.
type GapEntry struct {
	Check   string `json:"check"`
	Host    string `json:"host"`
	Context string `json:"context"`
	Command string `json:"command"`

	// Range is where the entry was read from, as Entry.Range.
	Range hcl.Range `json:"-"`
}

// Key is lint.Gap.Key of the gap the entry records.
func (g GapEntry) Key() string { return lint.GapKey(g.Check, g.Host, g.Context, g.Command) }

// Entry is one known finding.
type Entry struct {
	Check   string `json:"check"`
	Host    string `json:"host"`
	Context string `json:"context"`
	Key     string `json:"key"`
	// ValueHash is lint.Finding.ValueHash: a hash of the offending value,
	// never the value.
	ValueHash string `json:"value_hash"`

	// Range is where the entry was read from; zero for entries built in
	// memory. It locates baseline_entry_unused findings.
	Range hcl.Range `json:"-"`
}

// Finding returns the entry as a finding with the same Key, so that
// matching uses exactly lint.Finding.Key's notion of identity.
func (e Entry) Finding() lint.Finding {
	return lint.Finding{Check: e.Check, Logical: lint.Logical{Host: e.Host, Context: e.Context, Key: e.Key}}
}

// FromRun builds a baseline of a run's findings (see FromFindings) and
// evidence gaps, each written once. The caller leaves out what describes
// no problem present now: fixed findings, notes about a baseline.
func FromRun(fs []lint.Finding, gaps []lint.Gap) *File {
	f := FromFindings(fs)
	for _, g := range gaps {
		f.Gaps = append(f.Gaps, GapEntry{Check: g.Check, Host: g.Host, Context: g.Context(), Command: g.Command()})
	}
	sortGaps(f.Gaps)
	f.Gaps = slices.CompactFunc(f.Gaps, func(a, b GapEntry) bool { return a.Key() == b.Key() })
	return f
}

// FromFindings builds a baseline of findings. Equal entries are written
// once.
func FromFindings(fs []lint.Finding) *File {
	f := &File{Version: Version, Entries: []Entry{}, Gaps: []GapEntry{}}
	for _, x := range fs {
		f.Entries = append(f.Entries, Entry{Check: x.Check, Host: x.Logical.Host, Context: x.Logical.Context, Key: x.Logical.Key, ValueHash: x.ValueHash()})
	}
	sortEntries(f.Entries)
	f.Entries = slices.CompactFunc(f.Entries, func(a, b Entry) bool { return compareEntries(a, b) == 0 })
	return f
}

func sortGaps(gs []GapEntry) {
	slices.SortStableFunc(gs, func(a, b GapEntry) int {
		return cmp.Or(cmp.Compare(a.Check, b.Check), cmp.Compare(a.Host, b.Host), cmp.Compare(a.Context, b.Context), cmp.Compare(a.Command, b.Command))
	})
}

func sortEntries(es []Entry) {
	slices.SortStableFunc(es, compareEntries)
}

func compareEntries(a, b Entry) int {
	return cmp.Or(
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Host, b.Host),
		cmp.Compare(a.Context, b.Context),
		cmp.Compare(a.Key, b.Key),
		cmp.Compare(a.ValueHash, b.ValueHash),
	)
}

// Write writes f as indented JSON with entries sorted, so that the same
// findings always give the same bytes and a re-baseline reads as a small
// diff in review.
func (f *File) Write(w io.Writer) error {
	out := File{Version: Version, Entries: slices.Clone(f.Entries), Gaps: slices.Clone(f.Gaps)}
	if out.Entries == nil {
		out.Entries = []Entry{}
	}
	if out.Gaps == nil {
		out.Gaps = []GapEntry{}
	}
	sortEntries(out.Entries)
	sortGaps(out.Gaps)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
