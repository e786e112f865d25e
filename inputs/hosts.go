package inputs

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
)

// supersede settles, for each read that a host's captures show more than
// once (the same context, verb and arguments), which one is evidence: the
// last one of the latest capture, which shows the configuration in force.
// Within a file the later read is the later one (a set may lie between).
// Across files the capture times of their script(1) or PuTTY headers
// decide, when every file showing the read has one and they can be
// ordered; otherwise path order does. Every other read is marked as
// superseded by the one used, and one that shows other output than it in
// another file is a warning that says which file was used and why: a
// stale capture beside a current one must not decide a finding silently.
func supersede(h *Host, files map[string]*File) []source.Problem {
	// Most reads are shown once: only those shown again are grouped.
	keyOf := make([]string, len(h.Commands))
	count := map[string]int{}
	for i, c := range h.Commands {
		if c.Reads() {
			keyOf[i] = strings.ToLower(strings.Trim(c.Path, "/")) + "\x00" + c.Verb + "\x00" + strings.ToLower(strings.Join(strings.Fields(c.Args), " "))
			count[keyOf[i]]++
		}
	}
	groups := map[string][]*bwcli.Command{}
	var keys []string
	for i, c := range h.Commands {
		key := keyOf[i]
		if count[key] < 2 {
			continue
		}
		if _, seen := groups[key]; !seen {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], c)
	}
	var probs []source.Problem
	for _, key := range keys {
		reads := groups[key]
		used, why, byTime := latestRead(reads, files)
		for _, c := range reads {
			if c == used {
				continue
			}
			c.SupersededBy = used
			if c.Loc.Filename() == used.Loc.Filename() || bwcli.SameOutput(c, used) {
				continue
			}
			because := why
			if byTime {
				because += ", this file's gives " + files[c.Loc.Filename()].Captured.String()
			}
			at := used.Input.Range()
			probs = append(probs, source.Warnf(c.Input.Range(),
				"%q shows other output here than at %s:%d:%d, and that read is used: %s",
				readName(c), at.Filename, at.Start.Line, at.Start.Column, because))
		}
	}
	return probs
}

// latestRead returns which of a host's reads of one thing, in path order,
// is used, why when they lie in more than one file, and whether the
// files' capture times decided.
func latestRead(reads []*bwcli.Command, files map[string]*File) (used *bwcli.Command, why string, byTime bool) {
	last := reads[len(reads)-1]
	// The files showing the read, in path order (a file's reads are
	// consecutive), each with its last read.
	paths, lastIn := make([]string, 0, len(reads)), make([]*bwcli.Command, 0, len(reads))
	for _, c := range reads {
		if n := len(paths); n > 0 && paths[n-1] == c.Loc.Filename() {
			lastIn[n-1] = c
			continue
		}
		paths, lastIn = append(paths, c.Loc.Filename()), append(lastIn, c)
	}
	if len(paths) < 2 {
		return last, "", false
	}
	times := make([]CaptureTime, len(paths))
	for i, p := range paths {
		if f := files[p]; f != nil {
			times[i] = f.Captured
		}
		if times[i].Tool == "" {
			return last, "it is later in path order, as " + p + " shows no capture time (no script(1) or PuTTY header)", false
		}
	}
	latest := 0
	for i := range paths {
		for j := range i {
			if !orderable(times[i], times[j]) {
				return last, fmt.Sprintf("it is later in path order, as the capture times of %s (%s) and %s (%s) cannot be ordered: one header gives no time zone and they are less than %d hours apart",
					paths[j], times[j], paths[i], times[i], int(unzonedSlack.Hours())), false
			}
		}
		// Of files captured at the same time, the later in path order.
		if !times[i].Time.Before(times[latest].Time) {
			latest = i
		}
	}
	for i := range paths {
		if i != latest && times[i].Time.Equal(times[latest].Time) {
			return last, fmt.Sprintf("it is later in path order, as %s and %s give the same capture time, %s", paths[i], paths[latest], times[latest]), false
		}
	}
	t := times[latest]
	return lastIn[latest], fmt.Sprintf("it was captured later, %s by its %s header", t, toolName(t.Tool)), true
}

// unzonedSlack is how far a header's wall clock without a time zone may
// lie from UTC: time zones run from UTC-12 to UTC+14.
const unzonedSlack = 14 * time.Hour

// orderable reports whether two capture times can be ordered: both or
// neither give a time zone, or they lie further apart than any time zone
// could move a wall clock.
func orderable(a, b CaptureTime) bool {
	if a.Zoned == b.Zoned {
		return true
	}
	d := a.Time.Sub(b.Time)
	return d > unzonedSlack || d < -unzonedSlack
}

// toolName names a recording tool in messages.
func toolName(tool string) string {
	if tool == CapturePuTTY {
		return "PuTTY"
	}
	return "script(1)"
}

// readName is a read as its prompt and command show it, spelled out:
// "AS_CLI/Maintenance/Patching> get"; a shell command as typed.
func readName(c *bwcli.Command) string {
	if c.Shell || !c.Server.Present() {
		return c.Input.Text
	}
	return strings.TrimSpace(fmt.Sprintf("%s_CLI/%s> %s %s", c.Server.Text, strings.Trim(c.Path, "/"), c.Verb, c.Args))
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
		return cmp.Compare(a.release.Loc.Filename(), b.release.Loc.Filename())
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
		probs := []source.Problem{source.Errorf(sv.release.Range(),
			"host %q has %s captures that disagree: release %s here, %s at %s:%d; its release is left unknown",
			h.Name, captureNames(first.what, sv.what), sv.release.Text, first.release.Text, first.release.Loc.Filename(), first.release.Range().Start.Line)}
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
			return []source.Problem{source.Errorf(e.Range(),
				"host %q holds captures of two kinds of server, %s (%s:%d) and %s; its role is left unknown",
				h.Name, first.Text, first.Loc.Filename(), first.Range().Start.Line, e.Text)}
		}
	}
	h.Role, h.RoleEvidence = RoleOf(first.Text), first
	return nil
}
