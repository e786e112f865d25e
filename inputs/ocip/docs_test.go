package ocip

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const docPath = "../../docs/inputs-ocip.md"

// TestDocs keeps docs/inputs-ocip.md true: every XML example is an OCI-P
// document read without a problem, every request in it is one the page
// tells operators to send, every problem shown is what reading the named
// fixture reports, and the limits are the ones applied.
func TestDocs(t *testing.T) {
	src, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	blocks := regexp.MustCompile("(?s)```(xml|text)\n(.*?)```").FindAllStringSubmatch(doc, -1)
	xmls, texts := 0, 0
	for _, b := range blocks {
		body := dedent(b[2])
		switch b[1] {
		case "xml":
			xmls++
			f, probs := Parse("doc.xml", body, Options{})
			if f == nil || len(probs) > 0 {
				t.Errorf("example does not read cleanly: %v\n%s", probs, body)
				continue
			}
			for _, c := range f.Commands {
				if c.Name.Kind == "" {
					t.Errorf("example command %q is neither a request nor a response", c.Name.Full)
				}
			}
		case "text":
			for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
				texts++
				checkDocProblem(t, line)
			}
		}
	}
	if xmls < 7 || texts < 2 {
		t.Errorf("found %d XML and %d problem examples; the test would check little", xmls, texts)
	}
	l := DefaultLimits
	for _, want := range []string{
		fmt.Sprintf("nest at most %d deep", l.Depth),
		fmt.Sprintf("at most %s elements", thousands(l.Elements)),
		fmt.Sprintf("at most %d\nattributes", l.Attributes),
		fmt.Sprintf("names are at most %d KiB", l.Name>>10),
		fmt.Sprintf("attribute values %d KiB", l.AttributeValue>>10),
		fmt.Sprintf("an element's text %d MiB", l.Text>>20),
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("docs do not say %q", want)
		}
	}
	if maxBroken != 100 || !strings.Contains(doc, "After a\nhundred documents") {
		t.Errorf("docs and maxBroken (%d) disagree", maxBroken)
	}
}

// checkDocProblem checks one "FILE:LINE:COL: SEVERITY: MESSAGE" line
// against the problems of reading testdata/FILE.
func checkDocProblem(t *testing.T, line string) {
	t.Helper()
	file, _, ok := strings.Cut(line, ":")
	if !ok {
		t.Errorf("not a problem line: %q", line)
		return
	}
	path := filepath.Join("testdata", file)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("problem example names %s: %v", file, err)
		return
	}
	_, probs := Read(file, raw, Options{Name: strings.TrimSuffix(file, filepath.Ext(file))})
	for _, p := range probs {
		if p.Error() == line {
			return
		}
	}
	t.Errorf("reading %s reports no problem %q", file, line)
}

// dedent removes the indentation of a block nested in a list item.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n := len(l) - len(strings.TrimLeft(l, " ")); indent < 0 || n < indent {
			indent = n
		}
	}
	for i, l := range lines {
		if len(l) >= indent && indent > 0 {
			lines[i] = l[indent:]
		}
	}
	return strings.Join(lines, "\n")
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
