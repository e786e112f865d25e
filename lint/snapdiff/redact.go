package snapdiff

import (
	"slices"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/redact"
)

type side int

const (
	beforeSide side = iota
	afterSide
)

// redactor masks the secrets of both sides' files for the hunks. Each
// side's own secrets come from inputs/redact, the one redaction every
// output shares; on top of it, a setting secret on either side is masked
// on both, so a password that one capture masks and the other prints stays
// hidden.
type redactor struct {
	sources [2]*redact.Source
	ranges  [2]map[string][][2]int
}

func newRedactor(beforeSide, afterSide Side, before, after *settings) *redactor {
	secret := map[settingID]bool{}
	for _, s := range slices.Concat(before.all, after.all) {
		if s.secret {
			secret[s.id.norm()] = true
		}
	}
	r := &redactor{sources: [2]*redact.Source{redact.New(beforeSide.Snapshot), redact.New(afterSide.Snapshot)}}
	for i, sd := range []Side{beforeSide, afterSide} {
		if sd.MaskPersonal {
			r.sources[i].MaskPersonal()
		}
	}
	for i, side := range []*settings{before, after} {
		r.ranges[i] = map[string][][2]int{}
		for _, s := range side.all {
			if rng := s.value.Range; secret[s.id.norm()] && rng.Filename != "" && rng.End.Byte > rng.Start.Byte {
				r.ranges[i][rng.Filename] = append(r.ranges[i][rng.Filename], [2]int{rng.Start.Byte, rng.End.Byte})
			}
		}
	}
	return r
}

// text returns a file's text with every secret replaced by
// source.Redacted; "" for a file that does not exist on that side.
func (r *redactor) text(s side, f *inputs.File) string {
	if f == nil {
		return ""
	}
	return r.sources[s].Text(f.Path, r.ranges[s][f.Path]...)
}
