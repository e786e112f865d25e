package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// canaryDir holds two snapshots of one deployment, before and after a
// change (and a minimal one with the hosts alone), in which a distinct secret stands in every place a secret can:
// typed at a prompt, as attributes (an escape-coloured name among them),
// in a table column and a row that does not fit it, in container options
// (one row of which does not fit), in help text and prose, in a digest
// file, in tag sets (by name, by %..._KEY%, encrypted, in a URL, in an
// unterminated CSV value, in a row whose columns shifted, in a file
// without a header), in templates (fields, nested objects, lists,
// URLs, a file that is not JSON), in a cluster (a field and a URL), and in
// the policy's expected values. Every secret matches canary, and nothing
// else does; every one differs between the two sides, so every line that
// holds one is in the review's hunks.
const canaryDir = "testdata/canary"

var canary = regexp.MustCompile(`Cnry\d\d[a-z]`)

// cutSecret is a mask with letters or digits right after it: the tail of
// a secret whose bytes were hidden from the wrong offset, which the
// canary, matched whole, does not catch.
var cutSecret = regexp.MustCompile(`\(secret, not shown\)[0-9A-Za-z]+`)

// canaryPolicies are policies with mistakes on the lines that hold
// secrets, so that their diagnostics show those lines.
var canaryPolicies = map[string]string{
	"unsupported argument": "testdata/canary/broken-policy.hcl",
	"syntax error":         "testdata/canary/syntax-policy.hcl",
	"wrong type": `rule "site_snmp" {
  title   = "the community is the site's"
  role    = "as"
  context = "Interface/SNMP"
  key     = "readCommunity"
  one_of  = ["Cnry40a", 7]
  fix     = "Set it."
}
`,
	"two requirements": `rule "site_row" {
  title   = "the container password is the site's"
  role    = "as"
  context = "Maintenance/ContainerOptions"
  column  = "Option Value"
  row_key = ["Container Name=provisioning", "Option Name=bw.imp.provisioningPassword"]
  equals  = "Cnry41a"
  matches = "^Cnry41a$"
  fix     = "Set it."
}
`,
	"bad role": `rule "site_url" {
  title   = "the URL is the site's"
  role    = "ase"
  context = "Interface/Messaging"
  key     = "provisioningUrl"
  equals  = "https://prov:Cnry42a@bridge.example.net/p"
  fix     = "Set the URL."
}
`,
}

// TestCanarySecrets runs every command in every format on the canary
// snapshots — reports on stdout and in files, baselines written and read,
// diagnostics of broken policies — and finds none of the secrets in any
// byte bwlint wrote.
func TestCanarySecrets(t *testing.T) {
	before, after := filepath.Join(canaryDir, "before"), filepath.Join(canaryDir, "after")
	policy := filepath.Join(after, ".bwlint.hcl")
	out := t.TempDir()
	file := func(name string) string { return filepath.Join(out, name) }
	var runs [][]string
	for _, f := range []string{"text", "json", "sarif", "junit", "github", "markdown", "codeclimate", "html"} {
		runs = append(runs, []string{"lint", "--as-of", "2026-11-22", "--format", f, after})
	}
	runs = append(runs,
		[]string{"lint", "--as-of", "2026-11-22", "--sarif-profile", "audit", "--format", "sarif", "--no-waivers", after},
		[]string{"lint", "--as-of", "2026-11-22", "--write-baseline", file("baseline.json"), "--output", file("lint.txt"),
			"--report", "sarif=" + file("lint.sarif"), "--report", "json=" + file("lint.json"), "--report", "junit=" + file("lint.xml"),
			"--report", "github=" + file("lint.github"), "--report", "markdown=" + file("lint.md"), "--report", "codeclimate=" + file("lint.cc.json"), "--report", "html=" + file("lint.html"), after},
		[]string{"lint", "--as-of", "2026-11-22", "--baseline", file("baseline.json"), "--format", "sarif", after},
		[]string{"parse", after},
		[]string{"parse", "--format", "json", before},
		[]string{"parse", "--output", file("parse.json"), "--format", "json", after},
		[]string{"checks", "--config", policy},
		[]string{"explain", "--config", policy, "site_prov_password"},
		[]string{"explain", "--config", policy, "site_container_password"},
		[]string{"explain", "--config", policy, "site_prov_url"},
	)
	// The minimal snapshot holds the hosts and nothing else, so that
	// every line of every capture is in a hunk, added or removed.
	minimal := filepath.Join(canaryDir, "minimal")
	for _, f := range []string{"text", "json", "markdown", "html", "sarif"} {
		for _, pair := range [][2]string{{before, after}, {after, before}, {minimal, after}, {before, minimal}} {
			runs = append(runs, []string{"diff", "--as-of", "2026-11-22", "--format", f, pair[0], pair[1]})
		}
	}
	runs = append(runs, []string{"diff", "--as-of", "2026-11-22", "--output", file("review.md"), "--format", "markdown", before, after})
	for name, p := range canaryPolicies {
		if !strings.HasSuffix(p, ".hcl") {
			path := file(strings.ReplaceAll(name, " ", "-") + ".hcl")
			if err := os.WriteFile(path, []byte(p), 0o600); err != nil {
				t.Fatal(err)
			}
			p = path
		}
		runs = append(runs,
			[]string{"lint", "--config", p, after},
			[]string{"diff", "--config", p, before, after},
			[]string{"checks", "--config", p},
		)
	}

	hits := map[string][]string{} // secret → where it was seen
	look := func(where, text string) {
		for _, m := range cutSecret.FindAllStringIndex(text, -1) {
			hits["a secret's tail"] = append(hits["a secret's tail"], where+": "+text[m[0]:m[1]])
		}
		for _, m := range canary.FindAllStringIndex(text, -1) {
			line := text[strings.LastIndexByte(text[:m[0]], '\n')+1:]
			if i := strings.IndexByte(line, '\n'); i >= 0 {
				line = line[:i]
			}
			hits[text[m[0]:m[1]]] = append(hits[text[m[0]:m[1]]], where+": "+strings.TrimSpace(line))
		}
	}
	for _, args := range runs {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"bwlint"}, args...), &stdout, &stderr)
		if code == exitInternal {
			t.Errorf("bwlint %s: internal error: %s", strings.Join(args, " "), stderr.String())
		}
		look("bwlint "+strings.Join(args, " ")+" (stdout)", stdout.String())
		look("bwlint "+strings.Join(args, " ")+" (stderr)", stderr.String())
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	written := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".hcl") {
			continue
		}
		b, err := os.ReadFile(file(e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		written++
		look(e.Name(), string(b))
	}
	if written != 11 {
		t.Errorf("%d files written, want 11", written)
	}
	secrets := slices.Sorted(func(yield func(string) bool) {
		for s := range hits {
			if !yield(s) {
				return
			}
		}
	})
	for _, s := range secrets {
		where := hits[s]
		t.Errorf("%s shown %d times, first in %s", s, len(where), where[0])
	}
}

// TestCanaryPlanted checks that the canary snapshots hold every secret the
// canary test looks for, so that a fixture edit cannot make it pass by
// dropping them.
func TestCanaryPlanted(t *testing.T) {
	for _, side := range []string{"before", "after"} {
		seen := map[string]bool{}
		err := filepath.WalkDir(filepath.Join(canaryDir, side), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			for _, m := range canary.FindAllString(string(b), -1) {
				seen[m[:6]] = true
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) < 32 {
			t.Errorf("%s holds %d distinct secrets, want at least 32", side, len(seen))
		}
	}
}
