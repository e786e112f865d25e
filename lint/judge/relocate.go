package judge

import "slices"

// Relocated returns r with the files of findings and their related
// locations renamed by moved (old name → new name): the policy and
// baseline files, named as the user gave them, become paths relative to
// the snapshot root like every other finding's.
func (r *Result) Relocated(moved map[string]string) *Result {
	out := r.clone()
	for i := range out.Findings {
		f := &out.Findings[i]
		if to, ok := moved[f.Location.Filename]; ok {
			f.Location.Filename = to
		}
		if len(f.Related) > 0 {
			f.Related = slices.Clone(f.Related)
			for j := range f.Related {
				if to, ok := moved[f.Related[j].Location.Filename]; ok {
					f.Related[j].Location.Filename = to
				}
			}
		}
	}
	Sort(out.Findings)
	return out
}
