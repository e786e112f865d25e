package baseline

import (
	"cmp"
	"encoding/json"
	"io"
	"slices"

	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// Version is the version of the baseline file format.
const Version = 1

// File is a baseline.
type File struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

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

// finding returns the entry as a finding with the same Key, so that
// matching uses exactly lint.Finding.Key's notion of identity.
func (e Entry) finding() lint.Finding {
	return lint.Finding{Check: e.Check, Logical: lint.Logical{Host: e.Host, Context: e.Context, Key: e.Key}}
}

// FromFindings builds a baseline of the findings of a run. Findings that
// are fixed, and the baseline's own notes, are left out: they describe no
// problem present now. Equal entries are written once.
func FromFindings(fs []lint.Finding) *File {
	f := &File{Version: Version, Entries: []Entry{}}
	for _, x := range fs {
		if x.State == lint.StateFixed || x.Check == UnusedCheck.Name {
			continue
		}
		f.Entries = append(f.Entries, Entry{Check: x.Check, Host: x.Logical.Host, Context: x.Logical.Context, Key: x.Logical.Key, ValueHash: x.ValueHash()})
	}
	sortEntries(f.Entries)
	f.Entries = slices.CompactFunc(f.Entries, func(a, b Entry) bool { return compareEntries(a, b) == 0 })
	return f
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
	out := File{Version: Version, Entries: slices.Clone(f.Entries)}
	if out.Entries == nil {
		out.Entries = []Entry{}
	}
	sortEntries(out.Entries)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
