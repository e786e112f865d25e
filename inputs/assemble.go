package inputs

import (
	"cmp"
	"slices"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// assemble builds the Snapshot from the files read, in path order, and
// the operator's inventory: its clusters before the AS clusters are
// placed, its roles and releases over what the captures say.
func assemble(root string, results []parsed, inv Inventory) *Snapshot {
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
			if r.ocip != nil {
				h.ocipReleases = append(h.ocipReleases, r.ocip.Releases...)
			}
		}
		if r.template != nil {
			s.Templates = append(s.Templates, r.template)
		}
		if r.cluster != nil {
			s.Clusters = append(s.Clusters, r.cluster)
		}
		if r.tagset != nil {
			s.Captured.TagSetFiles = append(s.Captured.TagSetFiles, r.tagset)
		}
		if r.ocip != nil {
			s.Captured.OCIP = append(s.Captured.OCIP, r.ocip)
			s.IMP = append(s.IMP, r.ocip.IMP...)
		}
		if r.userCSV != nil {
			s.Captured.UserCSVs = append(s.Captured.UserCSVs, r.userCSV)
		}
		if r.wmsUsers != nil {
			s.WMS.Users = append(s.WMS.Users, r.wmsUsers)
		}
		if r.sso != nil {
			s.WMS.SSO = append(s.WMS.SSO, r.sso)
		}
		if r.settings != nil {
			s.WMS.Settings = r.settings
		}
		if r.pslog != nil {
			s.PSLogs = append(s.PSLogs, r.pslog)
		}
	}
	slices.SortFunc(s.Hosts, func(a, b *Host) int { return cmp.Compare(a.Name, b.Name) })
	s.applyClusterFacts(inv.Clusters)
	placeClusters(s)
	for _, h := range s.Hosts {
		s.Problems = append(s.Problems, supersede(h, s.files)...)
		probs, conflicts := settleRelease(h, s.ClusterOf(firstFile(h)))
		s.Problems = append(s.Problems, probs...)
		s.Conflicts = append(s.Conflicts, conflicts...)
		s.Problems = append(s.Problems, decideRole(h)...)
	}
	s.applyHostFacts(inv.Hosts)
	mergeChannels(s)
	if len(s.Files) == 0 {
		s.Problems = append(s.Problems, source.Errorf(hcl.Range{Filename: "."},
			"the snapshot holds no files: want hosts/<host>/*.txt captures, partnerhub/, devicemgmt/ or other files of the layout (see docs/inputs.md)"))
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

// firstFile returns the path of a host's first file, by which ClusterOf
// finds the host's cluster.
func firstFile(h *Host) string {
	if len(h.Files) == 0 {
		return ""
	}
	return h.Files[0]
}
