package judge

// identity is what the matcher compares of a finding: lint.Finding.Key
// (check, host, context, key: no line, no value) and ValueHash.
type identity struct{ key, value string }

// pairing is what the matcher decided.
type pairing struct {
	// earlier holds, per later finding, the index of the earlier one it
	// matched, or -1.
	earlier []int
	// same is set for a later finding matched with the same value.
	same []bool
	// used is set for an earlier finding that some later one matched.
	used []bool
}

// state is the later finding i's State: unchanged, changed or new.
func (p pairing) state(i int) State {
	switch {
	case p.same[i]:
		return StateUnchanged
	case p.earlier[i] >= 0:
		return StateChanged
	}
	return StateNew
}

// match pairs later findings with earlier ones — a run's with a
// baseline's entries, an after snapshot's with a before snapshot's — by
// identity. First every later finding takes an unused earlier one with
// the same key and value (unchanged), then those left take one with the
// same key (changed). Each earlier finding matches at most one later one,
// so a key that occurs several times on a side is matched pairwise,
// equal values first, in order.
func match(earlier, later []identity) pairing {
	p := pairing{earlier: make([]int, len(later)), same: make([]bool, len(later)), used: make([]bool, len(earlier))}
	byKey := map[string][]int{}
	for j, e := range earlier {
		byKey[e.key] = append(byKey[e.key], j)
	}
	take := func(i int, sameValue bool) int {
		for _, j := range byKey[later[i].key] {
			if !p.used[j] && (!sameValue || earlier[j].value == later[i].value) {
				p.used[j] = true
				return j
			}
		}
		return -1
	}
	for i := range later {
		p.earlier[i] = take(i, true)
		p.same[i] = p.earlier[i] >= 0
	}
	for i := range later {
		if !p.same[i] {
			p.earlier[i] = take(i, false)
		}
	}
	return p
}

// identities are the identities of judged findings.
func identities(fs []Finding) []identity {
	out := make([]identity, len(fs))
	for i, f := range fs {
		out[i] = identity{f.Key(), f.ValueHash()}
	}
	return out
}

// matchGaps marks which of gaps a set of known gap keys records, and
// which known keys no gap has. Gaps are matched by lint.Gap.Key alone:
// one known key covers every gap of that key.
func matchGaps(known []string, gaps []Gap) (recorded []bool, unused []bool) {
	keys := map[string]bool{}
	for _, k := range known {
		keys[k] = true
	}
	present := map[string]bool{}
	recorded = make([]bool, len(gaps))
	for i, g := range gaps {
		k := g.Key()
		recorded[i] = keys[k]
		present[k] = true
	}
	unused = make([]bool, len(known))
	for i, k := range known {
		unused[i] = !present[k]
	}
	return recorded, unused
}
