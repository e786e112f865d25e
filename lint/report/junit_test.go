package report

import (
	"encoding/xml"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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

// junitSchema is the Jenkins xUnit plugin's schema (testdata/schemas).
const junitSchema = "testdata/schemas/junit-10.xsd"

// TestJUnitSchema holds the JUnit reports to junit-10.xsd with xmllint,
// which Go's standard library has no equivalent of: junit-strict as it
// is, and junit with nothing more than the file and line attributes of
// testcases that GitLab reads and the schema does not have.
func TestJUnitSchema(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			strict := render(t, JUnitStrict, fx)
			validateXML(t, junitSchema, strict)
			gitlab := render(t, JUnit, fx)
			if !strings.Contains(gitlab, ` file="`) {
				t.Errorf("the junit format names no file, which GitLab shows")
			}
			if got := testcaseLocation.ReplaceAllString(gitlab, ""); got != strict {
				t.Errorf("junit differs from junit-strict by more than the file and line of testcases:\n%s", cmp.Diff(strict, got))
			}
		})
	}
}

// testcaseLocation matches the file and line attributes of a testcase.
var testcaseLocation = regexp.MustCompile(` file="[^"]*"(?: line="[0-9]+")?`)

// validateXML validates doc against an XML schema with xmllint (Debian's
// libxml2-utils). Without xmllint the test is skipped, except in CI
// (CI set), which installs it (.ci/run) and must run the test.
func validateXML(t *testing.T, schema, doc string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("xmllint is not installed, and CI must validate JUnit reports: apt-get install libxml2-utils")
		}
		t.Skipf("xmllint not installed (apt-get install libxml2-utils); JUnit not validated against %s", schema)
	}
	cmd := exec.Command(xmllint, "--noout", "--nonet", "--schema", schema, "-")
	cmd.Stdin = strings.NewReader(doc)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("not valid under %s: %v\n%s", schema, err, out)
	}
}
