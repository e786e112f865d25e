package snapdiff

import (
	"cmp"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// EffectKind is what a change did to a finding of the review.
type EffectKind string

// The effects of a change, in the order of risk the review shows them.
const (
	// Causes: the change brings a new finding.
	Causes EffectKind = "causes"
	// Unverifies: the change took away the evidence of an earlier
	// finding.
	Unverifies EffectKind = "unverifies"
	// Alters: a finding of both sides changed its value with the change.
	Alters EffectKind = "changes"
	// Fixes: an earlier finding is gone with the change, its check still
	// evaluated.
	Fixes EffectKind = "fixes"
)

// Effect is one finding a change is tied to.
type Effect struct {
	Kind EffectKind
	// Finding indexes Review.Findings.
	Finding int
}

// Risk ranks a change for the order of the review: what it causes or
// leaves unverified first, then findings it alters, then changes that no
// check judges, then fixes, then changes that checks read and found
// nothing wrong with.
type Risk int

// Risks, riskiest first.
const (
	RiskCauses Risk = iota
	RiskUnverifies
	RiskAlters
	RiskUnjudged
	RiskFixes
	RiskJudged
)

// Risk ranks the change by its effects.
func (c Change) Risk() Risk {
	best := RiskJudged
	if len(c.ReadBy) == 0 {
		best = RiskUnjudged
	}
	for _, e := range c.Effects {
		r := map[EffectKind]Risk{Causes: RiskCauses, Unverifies: RiskUnverifies, Alters: RiskAlters, Fixes: RiskFixes}[e.Kind]
		best = min(best, r)
	}
	return best
}

// linkEffects returns r's changes, each with the findings it is tied to
// and the checks that read its place, ordered by risk (host, context and
// key within a rank). A change is tied to a finding when the finding,
// or one of its related places, lies on the changed line of the side it
// belongs to (the after side for new and changed findings, the before
// side for fixed and unverified ones), or when both name the same host,
// context and key or table row; a host removed is tied to every finding
// of its host that it leaves unverified, and a host added to every new
// finding on it.
func linkEffects(r *Review) []Change {
	checks := reviewChecks(r)
	out := slices.Clone(r.Changes)
	for ci := range out {
		c := &out[ci]
		c.Effects, c.ReadBy = nil, nil
		for fi, f := range r.Findings {
			if k, ok := effectOf(*c, f); ok {
				c.Effects = append(c.Effects, Effect{Kind: k, Finding: fi})
			}
		}
		c.ReadBy = readBy(*c, checks, r)
	}
	slices.SortStableFunc(out, func(a, b Change) int { return cmp.Compare(a.Risk(), b.Risk()) })
	return out
}

// effectOf says what c did to f, if c is tied to f.
func effectOf(c Change, f judge.Finding) (EffectKind, bool) {
	var kind EffectKind
	var at hcl.Range
	switch f.State {
	case judge.StateNew:
		kind, at = Causes, c.AfterLocation
		if c.Kind == HostAdded && strings.EqualFold(c.Host, f.Host) {
			return kind, true
		}
	case judge.StateChanged:
		kind, at = Alters, c.AfterLocation
	case judge.StateFixed:
		kind, at = Fixes, c.BeforeLocation
	case judge.StateUnverified:
		kind, at = Unverifies, c.BeforeLocation
		if c.Kind == HostRemoved && strings.EqualFold(c.Host, f.Host) {
			return kind, true
		}
	default:
		return "", false
	}
	if c.Kind == HostAdded || c.Kind == HostRemoved {
		return "", false
	}
	if onLine(at, f.Location) || slices.ContainsFunc(f.Related, func(rel lint.Related) bool { return onLine(at, rel.Location) }) {
		return kind, true
	}
	return kind, sameSetting(c, f)
}

// onLine reports whether a finding's location lies on the lines of a
// change's range, in the same file.
func onLine(change, finding hcl.Range) bool {
	if change.Filename == "" || change.Filename != finding.Filename || change.Start.Line == 0 || finding.Start.Line == 0 {
		return false
	}
	end := max(change.End.Line, change.Start.Line)
	return finding.Start.Line >= change.Start.Line && finding.Start.Line <= end
}

// sameSetting reports whether a finding names the place a change is: the
// same host and context, and its key is the change's key or row.
func sameSetting(c Change, f judge.Finding) bool {
	if !strings.EqualFold(c.Host, f.Host) || !strings.EqualFold(bareContext(c.Context), bareContext(f.Logical.Context)) || f.Logical.Key == "" {
		return false
	}
	return strings.EqualFold(f.Logical.Key, c.Key) || c.Row != "" && strings.EqualFold(f.Logical.Key, c.Row)
}

var cliPrefix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^/?[a-z]+_cli/`) })

// bareContext is a context without its <SERVER>_CLI/ prefix.
func bareContext(s string) string { return strings.Trim(cliPrefix().ReplaceAllString(s, ""), "/") }

// reviewChecks are the checks of both runs, by name.
func reviewChecks(r *Review) []*lint.Check {
	var out []*lint.Check
	for _, s := range []Side{r.Before, r.After} {
		if s.Result == nil {
			continue
		}
		for _, ch := range s.Result.Checks {
			if !slices.ContainsFunc(out, func(x *lint.Check) bool { return x.Name == ch.Name }) {
				out = append(out, ch)
			}
		}
	}
	slices.SortFunc(out, func(a, b *lint.Check) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// readBy lists the checks whose declared evidence is the change's place:
// the CLI context on a host of the evidence's role, or the file the
// change is in, matched against the evidence's file pattern; for a host
// added or removed, every capture of a host of its role. A change no
// check reads is one no check judges.
func readBy(c Change, checks []*lint.Check, r *Review) []string {
	role := hostRole(r, c.Host)
	file := cmp.Or(c.AfterLocation.Filename, c.BeforeLocation.Filename)
	var out []string
	for _, ch := range checks {
		if slices.ContainsFunc(ch.Evidence, func(e lint.Evidence) bool { return reads(e, c, role, file) }) {
			out = append(out, ch.Name)
		}
	}
	return out
}

func reads(e lint.Evidence, c Change, role inputs.Role, file string) bool {
	if e.Source == lint.FromPolicy || e.Source == lint.FromBaseline {
		return false
	}
	if c.Kind == HostAdded || c.Kind == HostRemoved {
		return role != inputs.RoleUnknown && e.Role == role && (e.Source == lint.FromCLI || e.Source == lint.FromShell)
	}
	if e.Source == lint.FromCLI && c.Host != "" && strings.Contains(c.Context, "_CLI") {
		return (e.Role == inputs.RoleUnknown || e.Role == role) && strings.EqualFold(bareContext(c.Context), strings.Trim(e.Context, "/"))
	}
	if c.Host != "" && e.Role != inputs.RoleUnknown && e.Role != role {
		return false
	}
	return file != "" && matchesPattern(e.File, file)
}

// placeholder is a <name> of an evidence file pattern.
var placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<[^>]*>`) })

// matchesPattern reports whether a snapshot path fits an evidence file
// pattern such as "hosts/<host>/bwshowver.txt" or
// "devicemgmt/tagsets/<name>.tsv".
func matchesPattern(pattern, file string) bool {
	glob := placeholder().ReplaceAllString(pattern, "*")
	ok, err := path.Match(glob, file)
	return err == nil && ok
}

// hostRole is the role of a host on either side.
func hostRole(r *Review, name string) inputs.Role {
	for _, s := range []*inputs.Snapshot{r.After.Snapshot, r.Before.Snapshot} {
		if h := s.Host(name); h != nil {
			return h.Role
		}
	}
	return inputs.RoleUnknown
}
