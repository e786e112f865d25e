package users

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
)

// TestDocs keeps docs/inputs-users.md true: its CSV examples read without
// a problem, and every problem it shows is what reading the named file of
// testdata reports.
func TestDocs(t *testing.T) {
	src, err := os.ReadFile("../../docs/inputs-users.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```(csv|text)\n(.*?)```").FindAllStringSubmatch(string(src), -1)
	csvs, lines := 0, 0
	for _, b := range blocks {
		if b[1] == "csv" {
			csvs++
			us, probs := ParseCSV("users/doc.csv", b[2])
			if len(us) == 0 || len(probs) > 0 {
				t.Errorf("example gives %d users and problems %v:\n%s", len(us), probs, b[2])
			}
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(b[2]), "\n") {
			lines++
			file, _, _ := strings.Cut(line, ":")
			raw, err := os.ReadFile(filepath.Join("testdata", strings.TrimPrefix(file, "users/")))
			if err != nil {
				t.Errorf("problem example names %s: %v", file, err)
				continue
			}
			text, _, _, _ := source.Decode(file, raw)
			_, probs := ParseCSV(file, text)
			found := false
			for _, p := range probs {
				found = found || p.Error() == line
			}
			if !found {
				t.Errorf("reading %s reports no problem %q", file, line)
			}
		}
	}
	if csvs == 0 || lines == 0 {
		t.Errorf("found %d CSV and %d problem examples; the test would check little", csvs, lines)
	}
}
