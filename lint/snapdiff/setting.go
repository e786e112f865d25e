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

// norm folds what BroadWorks compares without regard to case — context
// paths and attribute names — so that "Applications/authenticationService"
// and "Applications/AuthenticationService" are the same place.
func (id settingID) norm() settingID {
	return settingID{Host: id.Host, Context: strings.ToLower(id.Context), Row: id.Row, Key: strings.ToLower(id.Key)}
}

// setting is one value read from a snapshot, where it was read, and
// whether it must never be shown.
type setting struct {
	id     settingID
	value  source.Value
	secret bool
}

// settings is one side's values by normalised id. Later values replace
// earlier ones, as a later capture shows the value in force.
type settings struct {
	byID  map[settingID]setting
	order []settingID // normalised ids, first-seen order
	// all keeps every value put, replaced or not, so that every place a
	// secret was printed can be redacted.
	all []setting
}

func newSettings() *settings { return &settings{byID: map[settingID]setting{}} }

func (s *settings) put(st setting) {
	n := st.id.norm()
	if _, ok := s.byID[n]; !ok {
		s.order = append(s.order, n)
	}
	s.byID[n] = st
	s.all = append(s.all, st)
}

// isSecret decides whether a value read under name must be hidden.
func isSecret(name string, v source.Value) bool {
	return source.IsSecretName(name) || v.Masked()
}
