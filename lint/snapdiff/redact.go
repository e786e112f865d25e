package snapdiff

import (
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

func newRedactor(before, after Side) *redactor {
	r := &redactor{sources: [2]*redact.Source{redact.New(before.Snapshot), redact.New(after.Snapshot)}}
	for i, sd := range []Side{before, after} {
		if sd.MaskPersonal {
			r.sources[i].MaskPersonal()
		}
	}
	r.ranges = [2]map[string][][2]int{{}, {}}
	return r
}

// learn adds the secrets of the values of one host, or of what belongs to
// no host, flattened on both sides.
func (r *redactor) learn(before, after *settings) {
	secret := map[settingID]bool{}
	for _, side := range []*settings{before, after} {
		for _, s := range side.all {
			if s.secret {
				secret[side.norm(s.id)] = true
			}
		}
	}
	if len(secret) == 0 {
		return
	}
	for i, side := range []*settings{before, after} {
		for _, s := range side.all {
			if rng := s.value.Range(); rng.Filename != "" && rng.End.Byte > rng.Start.Byte && secret[side.norm(s.id)] {
				r.ranges[i][rng.Filename] = append(r.ranges[i][rng.Filename], [2]int{rng.Start.Byte, rng.End.Byte})
			}
		}
	}
}

// text returns a file's text with every secret replaced by
// source.Redacted; "" for a file that does not exist on that side.
func (r *redactor) text(s side, f *inputs.File) string {
	if f == nil {
		return ""
	}
	return r.sources[s].Text(f.Path, r.ranges[s][f.Path]...)
}
