package snapdiff

import (
	"regexp"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

type side int

const (
	beforeSide side = iota
	afterSide
)

// redactor knows, for each side and file, the byte ranges of secret
// values. A setting secret on either side is redacted on both, so a
// password that one capture masks and the other prints stays hidden.
type redactor struct {
	ranges [2]map[string][]hcl.Range
}

func newRedactor(before, after *settings) *redactor {
	secret := map[settingID]bool{}
	for _, s := range slices.Concat(before.all, after.all) {
		if s.secret {
			secret[s.id.norm()] = true
		}
	}
	r := &redactor{}
	for i, side := range []*settings{before, after} {
		r.ranges[i] = map[string][]hcl.Range{}
		for _, s := range side.all {
			if rng := s.value.Range; secret[s.id.norm()] && rng.Filename != "" && rng.End.Byte > rng.Start.Byte {
				r.ranges[i][rng.Filename] = append(r.ranges[i][rng.Filename], rng)
			}
		}
	}
	return r
}

// text returns a file's text with every secret value replaced by
// source.Redacted; "" for a file that does not exist on that side.
func (r *redactor) text(s side, f *inputs.File) string {
	if f == nil {
		return ""
	}
	rs := slices.Clone(r.ranges[s][f.Path])
	slices.SortFunc(rs, func(a, b hcl.Range) int { return a.Start.Byte - b.Start.Byte })
	var b strings.Builder
	at := 0
	for _, rng := range rs {
		if rng.Start.Byte < at || rng.End.Byte > len(f.Text) {
			continue // overlaps one already replaced, or does not fit
		}
		b.WriteString(f.Text[at:rng.Start.Byte])
		b.WriteString(source.Redacted)
		at = rng.End.Byte
	}
	b.WriteString(f.Text[at:])
	return redactLines(b.String())
}

// namedValue matches `key = value` and `"key": value` lines. It catches
// secrets in lines the parsers did not understand, which therefore have no
// setting and no range.
var namedValue = regexp.MustCompile(`^(\s*"?)([^"=:]+?)("?\s*[=:]\s*)(.*?)(,?\r?)$`)

func redactLines(text string) string {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		body, nl := strings.CutSuffix(l, "\n")
		m := namedValue.FindStringSubmatch(body)
		if m == nil || !source.IsSecretName(m[2]) || m[4] == "" || strings.Contains(m[4], source.Redacted) {
			continue
		}
		value := source.Redacted
		if strings.HasPrefix(m[4], `"`) {
			value = `"` + source.Redacted + `"`
		}
		lines[i] = m[1] + m[2] + m[3] + value + m[5]
		if nl {
			lines[i] += "\n"
		}
	}
	return strings.Join(lines, "")
}
