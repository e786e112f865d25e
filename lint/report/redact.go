package report

import "github.com/bwlint/bwlint/inputs/redact"

// sourceOf is the redaction of the snapshot's source lines for a report:
// secrets always hidden, personal data too when the report masks it.
func sourceOf(o Options) *redact.Source {
	src := redact.New(o.Snapshot)
	if o.MaskPersonal {
		src.MaskPersonal()
	}
	return src
}
