package report

import (
	"encoding/xml"
	"testing"
)

func TestJUnitGolden(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			goldenTestdata(t, fx.name+".junit.xml", render(t, JUnit, fx))
		})
	}
}

// TestJUnitCounts reads the XML back and checks that every suite's
// counters match its testcases, which Jenkins and GitLab both trust.
func TestJUnitCounts(t *testing.T) {
	for _, fx := range fixtures(t) {
		var doc junitSuites
		if err := xml.Unmarshal([]byte(render(t, JUnit, fx)), &doc); err != nil {
			t.Fatalf("%s: JUnit XML does not parse: %v", fx.name, err)
		}
		total := 0
		for _, s := range doc.Suites {
			var failures, errs, skipped int
			for _, c := range s.Cases {
				if c.Failure != nil {
					failures++
				}
				if c.Error != nil {
					errs++
				}
				if c.Skipped != nil {
					skipped++
				}
			}
			if s.Tests != len(s.Cases) || s.Failures != failures || s.Errors != errs || s.Skipped != skipped {
				t.Errorf("%s: suite %s says %d/%d/%d/%d, cases give %d/%d/%d/%d", fx.name, s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), failures, errs, skipped)
			}
			total += s.Tests
		}
		if doc.Tests != total || len(doc.Suites) < len(fx.res.Checks) {
			t.Errorf("%s: %d tests in %d suites, want %d in at least %d", fx.name, doc.Tests, len(doc.Suites), total, len(fx.res.Checks))
		}
	}
}
