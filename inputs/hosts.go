package inputs

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
)

// supersede marks each command that a later command of the host printed
// again (the same context, verb and arguments): the later shows the
// configuration in force, for example after a set in between.
func supersede(h *Host) {
	last := map[string]*bwcli.Command{}
	for i := len(h.Commands) - 1; i >= 0; i-- {
		c := h.Commands[i]
		if !c.Reads() {
			continue
		}
		key := strings.ToLower(strings.Trim(c.Path, "/")) + "\x00" + c.Verb + "\x00" + strings.ToLower(strings.Join(strings.Fields(c.Args), " "))
		if later, ok := last[key]; ok {
			c.SupersededBy = later
			continue
		}
		last[key] = c
	}
}

// releaseSource is one capture that names a host's release.
type releaseSource struct {
	release source.Value
	what    string // the command that printed it
}

// channelOCIP names the OCI-P channel in conflicts and messages.
const channelOCIP = "OCI-P"

// releaseSources returns what a host's captures say of its release, in
// path order: bwshowver's version line, the Active row of qversions (the
// version the server runs, beside those installed), and an OCI-P
// software version captured in the host's folder.
func releaseSources(h *Host) []releaseSource {
	var out []releaseSource
	for _, r := range h.ocipReleases {
		out = append(out, releaseSource{r.Version, channelOCIP})
	}
	for _, sv := range h.showvers {
		out = append(out, releaseSource{sv.Release, "bwshowver"})
	}
	for _, c := range h.Commands {
		if c.Verb != "qversions" || !c.Reads() || strings.Trim(c.Path, "/") != "" {
			continue
		}
		for _, t := range c.Tables {
			version, status, identity := t.Column("Version"), t.Column("Status"), t.Column("Identity")
			if version < 0 || status < 0 {
				continue
			}
			var active []source.Value
			for _, r := range t.Rows {
				if !strings.EqualFold(r.Cell(status).Text, "Active") {
					continue
				}
				// Other software may be listed too; the row of the
				// server itself names the release.
				if identity >= 0 && RoleOf(r.Cell(identity).Text) != RoleOf(c.Server.Text) {
					continue
				}
				active = append(active, r.Cell(version))
			}
			if len(active) == 1 {
				out = append(out, releaseSource{active[0], "qversions"})
			}
		}
	}
	// Sources are compared in path order, whichever command printed them.
	slices.SortStableFunc(out, func(a, b releaseSource) int {
		return cmp.Compare(a.release.Range.Filename, b.release.Range.Filename)
	})
	return out
}

// settleRelease takes a host's release from its captures: bwshowver,
// qversions and OCI-P, in path order. Captures that name different
// releases leave the release unknown, since either may be stale, and say
// so; copies that agree are harmless. When one of the two is OCI-P and
// the other a capture of the CLI or the shell, the disagreement is also a
// conflict between the channels.
func settleRelease(h *Host, cluster string) ([]source.Problem, []Conflict) {
	if len(h.showvers) > 0 {
		h.ShowVer = h.showvers[0]
	}
	sources := releaseSources(h)
	if len(sources) == 0 {
		return nil, nil
	}
	first := sources[0]
	for _, sv := range sources[1:] {
		if sameRelease(sv.release.Text, first.release.Text) {
			continue
		}
		probs := []source.Problem{source.Errorf(sv.release.Range,
			"host %q has %s captures that disagree: release %s here, %s at %s:%d; its release is left unknown",
			h.Name, captureNames(first.what, sv.what), sv.release.Text, first.release.Text, first.release.Range.Filename, first.release.Range.Start.Line)}
		var conflicts []Conflict
		if (first.what == channelOCIP) != (sv.what == channelOCIP) {
			conflicts = append(conflicts, Conflict{
				Kind: ConflictRelease, Cluster: cluster, Host: h.Name,
				Item: fmt.Sprintf("the release of host %q", h.Name), Key: "release",
				A: ConflictSide{Channel: first.what, Value: first.release},
				B: ConflictSide{Channel: sv.what, Value: sv.release},
			})
		}
		return probs, conflicts
	}
	h.Release = first.release
	return nil, nil
}

// sameRelease compares two spellings of a release: OCI-P clients and
// scripts may keep bwshowver's "Rel_" prefix.
func sameRelease(a, b string) bool {
	trim := func(s string) string { return strings.TrimPrefix(strings.TrimSpace(s), "Rel_") }
	return trim(a) == trim(b)
}

func captureNames(a, b string) string {
	if a == b {
		return a
	}
	return a + " and " + b
}

// decideRole sets a host's role from its captures: bwshowver's first line
// and every prompt's server prefix. Evidence that disagrees leaves the role
// unknown and is reported, so no check runs against a host of the wrong
// kind.
func decideRole(h *Host) []source.Problem {
	var evidence []source.Value
	for _, sv := range h.showvers {
		evidence = append(evidence, sv.Server)
	}
	for _, c := range h.Commands {
		if c.Server.Present() {
			evidence = append(evidence, c.Server)
		}
	}
	if len(evidence) == 0 {
		return nil
	}
	first := evidence[0]
	for _, e := range evidence[1:] {
		if RoleOf(e.Text) != RoleOf(first.Text) {
			return []source.Problem{source.Errorf(e.Range,
				"host %q holds captures of two kinds of server, %s (%s:%d) and %s; its role is left unknown",
				h.Name, first.Text, first.Range.Filename, first.Range.Start.Line, e.Text)}
		}
	}
	h.Role, h.RoleEvidence = RoleOf(first.Text), first
	return nil
}
