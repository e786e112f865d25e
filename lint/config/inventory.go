package config

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/showver"
	"github.com/bwlint/bwlint/inputs/source"
)

// roles are the values a host block's role may take.
var roles = []string{"as", "xsp", "ns", "ms", "ps", "dbs", "nfm"}

// hostOverride is a host block: what the operator knows better than the
// captures (a host without bwshowver, a role the prompts do not show).
type hostOverride struct {
	name    source.Value
	role    source.Value // absent when not set
	release source.Value
}

// clusterOverride is a cluster block: the members of a Partner Hub
// cluster, added to or replacing those of the partnerhub/clusters file.
type clusterOverride struct {
	name               source.Value
	at                 hcl.Range
	xsps, appServers   []source.Value
	setXSPs, setAppSvr bool
}

func (c *Config) readHosts(blocks []*hostBlock) hcl.Diagnostics {
	var diags hcl.Diagnostics
	names := blockNames{kind: "host"}
	for _, b := range blocks {
		if d := names.repeated(b.Name, b.DefRange); d != nil {
			diags = append(diags, d)
			continue
		}
		h := &hostOverride{name: source.Value{Text: b.Name, Loc: source.LocOf(b.NameRange)}}
		if b.Role != nil {
			v, d := stringValue(b.Role)
			diags = append(diags, d...)
			if !d.HasErrors() {
				if bad := oneOf(v, "role", roles...); bad != nil {
					diags = append(diags, bad)
				} else {
					h.role = v
				}
			}
		}
		if b.Release != nil {
			v, d := stringValue(b.Release)
			diags = append(diags, d...)
			if !d.HasErrors() {
				if _, ok := showver.ParseRelease(v.Text); ok {
					h.release = v
				} else {
					diags = append(diags, errorAt(v.Range(), "Invalid release",
						"%q is not a BroadWorks release: write it as bwshowver prints it (\"Rel_24.0_1.944\", \"24.0_1.944\") or as a release (\"24.0\", \"R21SP1\", \"2023.03\").", v.Text))
				}
			}
		}
		diags = append(diags, c.readHostNotApplicable(b)...)
		if b.Role == nil && b.Release == nil && b.NotApplicable == nil {
			diags = append(diags, warningAt(b.DefRange, "Empty host block", "host %q sets neither role, release nor not_applicable, so it changes nothing.", b.Name))
		}
		c.hosts = append(c.hosts, h)
	}
	return diags
}

func (c *Config) readClusters(blocks []*clusterBlock) hcl.Diagnostics {
	var diags hcl.Diagnostics
	names := blockNames{kind: "cluster"}
	for _, b := range blocks {
		if d := names.repeated(b.Name, b.DefRange); d != nil {
			diags = append(diags, d)
			continue
		}
		cl := &clusterOverride{name: source.Value{Text: b.Name, Loc: source.LocOf(b.NameRange)}, at: b.DefRange}
		if b.XSPs != nil {
			var d hcl.Diagnostics
			cl.xsps, d = stringList(b.XSPs)
			diags = append(diags, d...)
			cl.setXSPs = true
		}
		if b.ApplicationServers != nil {
			var d hcl.Diagnostics
			cl.appServers, d = stringList(b.ApplicationServers)
			diags = append(diags, d...)
			cl.setAppSvr = true
		}
		c.clusters = append(c.clusters, cl)
	}
	return diags
}

// Inventory returns the host and cluster blocks for inputs.LoadWith: a
// host block's role and release replace what the captures say, and a
// cluster block's member lists replace those of the Partner Hub cluster of
// the same name, or define a cluster the snapshot lacks. Values keep their
// ranges in the policy file, so findings and "bwlint parse" show where
// they came from.
func (c *Config) Inventory() inputs.Inventory {
	var inv inputs.Inventory
	for _, o := range c.hosts {
		inv.Hosts = append(inv.Hosts, inputs.HostFacts{Name: o.name.Text, Role: o.role, Release: o.release})
	}
	for _, o := range c.clusters {
		inv.Clusters = append(inv.Clusters, inputs.ClusterFacts{Name: o.name, At: o.at,
			XSPs: o.xsps, ApplicationServers: o.appServers, SetXSPs: o.setXSPs, SetAppServers: o.setAppSvr})
	}
	return inv
}

// CheckInventory warns about the host blocks that name a host the
// snapshot, loaded with Inventory, does not have: they change nothing.
func (c *Config) CheckInventory(snap *inputs.Snapshot) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, o := range c.hosts {
		if snap.Host(o.name.Text) == nil {
			diags = append(diags, warningAt(o.name.Range(), "Unknown host",
				"The snapshot has no host %q (no hosts/%s/ folder), so this block changes nothing.%s",
				o.name.Text, o.name.Text, didYouMean(o.name.Text, hostNames(snap))))
		}
	}
	return diags
}

// HasInventory reports whether the policy has host or cluster blocks.
func (c *Config) HasInventory() bool { return len(c.hosts) > 0 || len(c.clusters) > 0 }

func hostNames(snap *inputs.Snapshot) []string {
	names := make([]string, len(snap.Hosts))
	for i, h := range snap.Hosts {
		names[i] = h.Name
	}
	return names
}
