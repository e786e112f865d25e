package judge

import "slices"

// Relocated returns r with the files of findings and their related
// locations renamed by moved (old name → new name): the policy and
// baseline files, named as the user gave them, become paths relative to
// the snapshot root like every other finding's.
//
// Waivers are located in the policy file: they move with it, and a waived
// finding points at its moved waiver.
func (r *Result) Relocated(moved map[string]string) *Result {
	out := r.clone()
	out.Waivers = slices.Clone(r.Waivers)
	now := map[*Waiver]*Waiver{}
	for i := range out.Waivers {
		if to, ok := moved[out.Waivers[i].At.Filename]; ok {
			out.Waivers[i].At.Filename = to
		}
		now[&r.Waivers[i]] = &out.Waivers[i]
	}
	for i := range out.Findings {
		f := &out.Findings[i]
		if to, ok := moved[f.Location.Filename]; ok {
			f.Location.Filename = to
		}
		if w, ok := now[f.Waiver]; ok {
			f.Waiver = w
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
