package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/report"
)

// TestEveryCheckLinksToAPageThatExists: the helpUri of SARIF rules and
// the links of the JUnit and Markdown reports point into this repository;
// each must name a file that exists, and a heading of it when it has an
// anchor. The checks are every check bwlint knows and the site rules of
// the example policy.
func TestEveryCheckLinksToAPageThatExists(t *testing.T) {
	cfg, diags := config.Load("../../testdata/example/.bwlint.hcl", checks.Catalog())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	all := append(cfg.AllChecks(), checks.Notes().BaselineEntryUnused)
	sites, seen := 0, map[string]bool{}
	for _, c := range all {
		if seen[c.Name] {
			continue
		}
		seen[c.Name] = true
		if slices.Contains(c.Tags, "custom") {
			sites++
		}
		uri := report.HelpURI(c)
		page, ok := strings.CutPrefix(uri, lint.InformationURI+"/blob/main/")
		if !ok {
			t.Errorf("%s: help %s is not a page of the repository", c.Name, uri)
			continue
		}
		file, anchor, _ := strings.Cut(page, "#")
		text, err := os.ReadFile(filepath.Join("../..", filepath.FromSlash(file)))
		if err != nil {
			t.Errorf("%s: help %s: %v", c.Name, uri, err)
			continue
		}
		if anchor != "" && !slices.Contains(headingAnchors(string(text)), anchor) {
			t.Errorf("%s: help %s: %s has no heading with anchor #%s", c.Name, uri, file, anchor)
		}
	}
	if sites == 0 {
		t.Error("the example policy defines no site rule: the test would not check their links")
	}
}

// headingAnchors returns the anchors GitHub gives a Markdown file's
// headings: lower case, punctuation dropped, spaces as hyphens.
func headingAnchors(md string) []string {
	drop := regexp.MustCompile(`[^\p{L}\p{N} _-]`)
	var out []string
	inFence := false
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "```") {
			inFence = !inFence
		}
		text, ok := strings.CutPrefix(strings.TrimLeft(line, "#"), " ")
		if inFence || !ok || !strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.ReplaceAll(drop.ReplaceAllString(strings.ToLower(strings.TrimSpace(text)), ""), " ", "-"))
	}
	return out
}

func TestHeadingAnchors(t *testing.T) {
	got := headingAnchors("# The policy file: `.bwlint.hcl`\n\n## `rule`: a site check without Go\n```\n# not a heading\n```\n")
	want := []string{"the-policy-file-bwlinthcl", "rule-a-site-check-without-go"}
	if !slices.Equal(got, want) {
		t.Errorf("headingAnchors = %q, want %q", got, want)
	}
}
