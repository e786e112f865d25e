package snapdiff

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
)

// settingID names one comparable value of a snapshot. Row is set for
// table rows; a row's own entry (Key empty) stands for the row's presence.
type settingID struct {
	Host, Context, Row, Key string
}

// setting is one value read from a snapshot, where it was read, and
// whether it must never be shown.
type setting struct {
	id    settingID
	value source.Value
	// row holds the cells of a table row or tag whose presence the
	// setting stands for; its value's text is then rowText(row).
	row    []cell
	secret bool
}

// text is the setting's value as a change shows it.
func (s setting) text() string {
	if s.row != nil {
		return rowText(s.row)
	}
	return s.value.Text
}

// settings is one side's values by normalised id. Later values replace
// earlier ones, as a later capture shows the value in force.
//
// A review of a large snapshot puts millions of values, so the map holds
// only small indexes: byID leads to a slot of ids and current, and current
// to the value in force in all. Replacing a value then writes a slot, not
// the map.
type settings struct {
	byID    map[settingID]int32
	ids     []settingID // normalised ids, first-seen order
	current []int32     // per id, the index in all of the value in force
	// all keeps every value put, replaced or not, so that every place a
	// secret was printed can be redacted.
	all []setting
	// folded memoises strings.ToLower of contexts and keys, which repeat
	// for every row of a table and every attribute of a context.
	folded map[string]string
}

// newSettings makes room for about n values.
func newSettings(n int) *settings {
	return &settings{
		byID: make(map[settingID]int32, n), ids: make([]settingID, 0, n), current: make([]int32, 0, n),
		all: make([]setting, 0, n), folded: map[string]string{},
	}
}

// norm folds what BroadWorks compares without regard to case — context
// paths and attribute names — so that "Applications/authenticationService"
// and "Applications/AuthenticationService" are the same place. Each
// spelling is folded once.
func (s *settings) norm(id settingID) settingID {
	return settingID{Host: id.Host, Context: s.fold(id.Context), Row: id.Row, Key: s.fold(id.Key)}
}

func (s *settings) fold(v string) string {
	if f, ok := s.folded[v]; ok {
		return f
	}
	f := strings.ToLower(v)
	s.folded[v] = f
	return f
}

func (s *settings) put(st setting) {
	s.all = append(s.all, st)
	if s.byID == nil {
		return // remember: kept for redaction only
	}
	n := s.norm(st.id)
	if i, ok := s.byID[n]; ok {
		s.current[i] = int32(len(s.all) - 1)
		return
	}
	s.byID[n] = int32(len(s.ids))
	s.ids = append(s.ids, n)
	s.current = append(s.current, int32(len(s.all)-1))
}

// get returns the value in force under a normalised id.
func (s *settings) get(n settingID) (setting, bool) {
	i, ok := s.byID[n]
	if !ok {
		return setting{}, false
	}
	return s.all[s.current[i]], true
}

// has reports whether a normalised id was put.
func (s *settings) has(n settingID) bool {
	_, ok := s.byID[n]
	return ok
}

// isSecret decides whether a value read under name must be hidden.
func isSecret(name string, v source.Value) bool {
	return source.IsSecretName(name) || v.Masked()
}
