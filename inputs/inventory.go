package inputs

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/source"
)

// Inventory is what the operator knows better than the captures, given to
// LoadWith so that the snapshot is complete when it is built (the policy
// file's host and cluster blocks): a host's role and release, and the
// members of a Partner Hub cluster. Every value keeps its range in the
// file it was written in, so findings and "bwlint parse" show where it
// came from.
type Inventory struct {
	Hosts    []HostFacts
	Clusters []ClusterFacts
}

// HostFacts replace what the captures say of one host. A value that is not
// Present leaves the captures' word.
type HostFacts struct {
	Name    string
	Role    source.Value
	Release source.Value
}

// ClusterFacts replace the member lists of the Partner Hub cluster of the
// same name, or define a cluster the snapshot has no file for, located at
// At. A list is replaced only when its Set flag is (an empty list is a
// list).
type ClusterFacts struct {
	Name                     source.Value
	At                       hcl.Range
	XSPs, ApplicationServers []source.Value
	SetXSPs, SetAppServers   bool
}

// Empty reports whether the inventory changes nothing.
func (inv Inventory) Empty() bool { return len(inv.Hosts) == 0 && len(inv.Clusters) == 0 }

// applyClusterFacts writes the inventory's clusters into the snapshot as
// assemble builds it, before the AS clusters are placed, so that the
// merged model (ClusterOf, ASClusters) follows the members the operator
// states. A cluster is replaced by a copy, so that the parsed cluster
// stays as its file says.
func (s *Snapshot) applyClusterFacts(facts []ClusterFacts) {
	for _, o := range facts {
		cl := &partnerhub.Cluster{Path: o.At.Filename, Range: o.At, Name: o.Name}
		if i := s.clusterIndex(o.Name.Text); i >= 0 {
			cp := *s.Clusters[i]
			cl = &cp
			for j := range s.Clusters {
				if s.Clusters[j].Name.Text == cl.Name.Text {
					s.Clusters[j] = cl
				}
			}
		} else {
			s.Clusters = append(s.Clusters, cl)
		}
		if o.SetXSPs {
			cl.XSPs = o.XSPs
		}
		if o.SetAppServers {
			cl.ApplicationServers = o.ApplicationServers
		}
	}
}

// applyHostFacts writes the inventory's roles and releases over what the
// captures say, once assemble has read them. A host the snapshot lacks is
// left out: the caller, who knows where the facts were written, warns
// about it.
func (s *Snapshot) applyHostFacts(facts []HostFacts) {
	for _, o := range facts {
		h := s.Host(o.Name)
		if h == nil {
			continue
		}
		if o.Role.Present() {
			h.Role, h.RoleEvidence = Role(o.Role.Text), o.Role
		}
		if o.Release.Present() {
			h.Release = o.Release
		}
	}
}

func (s *Snapshot) clusterIndex(name string) int {
	for i, cl := range s.Clusters {
		if cl.Name.Text == name {
			return i
		}
	}
	return -1
}
