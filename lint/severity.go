package lint

import "fmt"

// Severity grades a finding. The order matters: a failure threshold
// counts findings at or above it.
type Severity int

// Severities, from least to most severe. They map one to one onto SARIF
// levels note, warning and error.
const (
	Note Severity = iota + 1
	Warning
	Error
)

// Severities lists all severities, most severe first.
var Severities = []Severity{Error, Warning, Note}

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "note".
func ParseSeverity(s string) (Severity, error) {
	for _, sev := range Severities {
		if sev.String() == s {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q: use error, warning or note", s)
}

// Threshold is the lowest severity that fails a run; None never fails.
type Threshold int

// None is the threshold at which no finding fails the run.
const None Threshold = 0

// DefaultThreshold is the threshold of a run that neither --fail-on nor
// the policy sets: warnings and errors fail it.
const DefaultThreshold = Threshold(Warning)

// ParseThreshold reads a --fail-on value: error, warning, note or none.
func ParseThreshold(s string) (Threshold, error) {
	if s == "none" {
		return None, nil
	}
	sev, err := ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("unknown failure threshold %q: use error, warning, note or none", s)
	}
	return Threshold(sev), nil
}

// Fails reports whether a finding of severity s fails the run.
func (t Threshold) Fails(s Severity) bool { return t != None && int(s) >= int(t) }

func (t Threshold) String() string {
	if t == None {
		return "none"
	}
	return Severity(t).String()
}
