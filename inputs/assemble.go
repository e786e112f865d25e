package inputs

import (
	"cmp"
	"slices"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// assemble builds the Snapshot from the files read, in path order.
func assemble(root string, results []parsed) *Snapshot {
	s := &Snapshot{Root: root, files: map[string]*File{}, hosts: map[string]*Host{}}
	for i := range results {
		r := &results[i]
		s.Files = append(s.Files, r.file)
		s.files[r.file.Path] = r.file
		s.Problems = append(s.Problems, r.problems...)
		if r.file.Host != "" {
			h := s.hosts[r.file.Host]
			if h == nil {
				h = &Host{Name: r.file.Host, Dir: "hosts/" + r.file.Host}
				s.hosts[h.Name] = h
				s.Hosts = append(s.Hosts, h)
			}
			h.Files = append(h.Files, r.file.Path)
			h.Commands = append(h.Commands, r.commands...)
			h.showvers = append(h.showvers, r.showvers...)
			h.Digests = append(h.Digests, r.digests...)
		}
		if r.template != nil {
			s.Templates = append(s.Templates, r.template)
		}
		if r.cluster != nil {
			s.Clusters = append(s.Clusters, r.cluster)
		}
		if r.tagset != nil {
			s.TagSets = append(s.TagSets, r.tagset)
		}
	}
	slices.SortFunc(s.Hosts, func(a, b *Host) int { return cmp.Compare(a.Name, b.Name) })
	for _, h := range s.Hosts {
		supersede(h)
		s.Problems = append(s.Problems, settleRelease(h)...)
		s.Problems = append(s.Problems, decideRole(h)...)
	}
	if len(s.Files) == 0 {
		s.Problems = append(s.Problems, source.Errorf(hcl.Range{Filename: "."},
			"the snapshot holds no files: want hosts/<host>/*.txt captures, partnerhub/ and devicemgmt/ files (see docs/inputs.md)"))
	}
	settleStatus(s)
	return s
}

// settleStatus marks as partial a parsed file that a host-level problem
// (such as a role conflict) points into: its evidence was read but is not
// used as it stands.
func settleStatus(s *Snapshot) {
	for _, p := range s.Problems {
		if f := s.files[p.Range.Filename]; f != nil && f.Status == Parsed && p.Severity > source.Note {
			f.Status = Partial
		}
	}
}
