package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/report"
)

// rootedPaths runs lint in the current directory with one --report per
// format whose paths are relative to the report root, and returns every
// path each report names: artifact URIs, file= and file attributes,
// code-quality paths, and the positions of "related:" lines.
func rootedPaths(t *testing.T, args ...string) map[string][]string {
	t.Helper()
	out := t.TempDir()
	cmd := []string{"bwlint", "lint"}
	for _, f := range report.RootRelativeFormats {
		cmd = append(cmd, "--report", f+"="+filepath.Join(out, f))
	}
	var stdout, stderr bytes.Buffer
	if code := run(append(cmd, args...), &stdout, &stderr); code != exitOK && code != exitFindings {
		t.Fatalf("exit code %d, want 0 or 1; stderr: %s", code, stderr.String())
	}
	read := func(f string) []byte {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	paths := map[string][]string{}
	related := regexp.MustCompile(`related: (\S+?):\d+:\d+: `)

	var sarif any
	if err := json.Unmarshal(read("sarif"), &sarif); err != nil {
		t.Fatal(err)
	}
	walkJSON(sarif, func(key string, v any) {
		if s, ok := v.(string); ok && key == "uri" {
			paths["sarif"] = append(paths["sarif"], s)
		}
	})

	unescape := strings.NewReplacer("%3A", ":", "%2C", ",", "%0A", "\n", "%0D", "\r", "%25", "%")
	for _, line := range strings.Split(string(read("github")), "\n") {
		if m := regexp.MustCompile(`^::\w+ file=([^,]*)`).FindStringSubmatch(line); m != nil {
			paths["github"] = append(paths["github"], unescape.Replace(m[1]))
		}
		for _, m := range related.FindAllStringSubmatch(unescape.Replace(line), -1) {
			paths["github"] = append(paths["github"], m[1])
		}
	}

	var junit struct {
		Suites []struct {
			Cases []struct {
				File    string `xml:"file,attr"`
				Failure *struct {
					Body string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(read("junit"), &junit); err != nil {
		t.Fatal(err)
	}
	for _, s := range junit.Suites {
		for _, c := range s.Cases {
			if c.File != "" {
				paths["junit"] = append(paths["junit"], c.File)
			}
			if c.Failure != nil {
				for _, m := range related.FindAllStringSubmatch(c.Failure.Body, -1) {
					paths["junit"] = append(paths["junit"], m[1])
				}
			}
		}
	}

	var cq []struct {
		Location struct {
			Path string `json:"path"`
		} `json:"location"`
	}
	if err := json.Unmarshal(read("codeclimate"), &cq); err != nil {
		t.Fatal(err)
	}
	for _, issue := range cq {
		paths["codeclimate"] = append(paths["codeclimate"], issue.Location.Path)
	}
	return paths
}

func walkJSON(v any, f func(key string, v any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			f(k, x)
			walkJSON(x, f)
		}
	case []any:
		for _, x := range v {
			walkJSON(x, f)
		}
	}
}

// checkClean fails on a path that is absolute, holds "//", a "."
// segment or a ".." after the first segment that is not ".."; outside
// lists the prefixes ("../elsewhere/") that a path may start with because
// the file lies outside the root.
func checkClean(t *testing.T, format, path string, outside ...string) {
	t.Helper()
	p := strings.TrimPrefix(path, "./") // RFC 3986 §4.2: before a segment with a colon
	if !slices.ContainsFunc(outside, func(prefix string) bool { return strings.HasPrefix(p, prefix) }) && strings.HasPrefix(p, "../") {
		t.Errorf("%s: path %q leaves the report root, but the file lies under it", format, path)
	}
	for _, prefix := range outside {
		p = strings.TrimPrefix(p, prefix)
	}
	if filepath.IsAbs(p) || strings.HasPrefix(p, "file:") || strings.Contains(p, "//") {
		t.Errorf("%s: path %q is absolute or holds //", format, path)
	}
	for _, seg := range strings.Split(strings.TrimSuffix(p, "/"), "/") {
		if seg == ".." || (seg == "." && p != "." && p != "./") {
			t.Errorf("%s: path %q is not clean", format, path)
		}
	}
}

// repoWithSnapshot makes a checkout in a temporary directory — the
// example snapshot as captures/ and its policy as ./.bwlint.hcl — and
// changes into it.
func repoWithSnapshot(t *testing.T) string {
	t.Helper()
	t.Setenv(config.EnvVar, "")
	repo := filepath.Join(t.TempDir(), "repo")
	if err := os.CopyFS(filepath.Join(repo, "captures"), os.DirFS("../../testdata/example")); err != nil {
		t.Fatal(err)
	}
	policy, err := os.ReadFile("../../testdata/example/.bwlint.hcl")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, ".bwlint.hcl"), policy, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(repo, "captures", ".bwlint.hcl")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(repo)
	return repo
}

// TestReportPathsOfPolicyAndBaseline: findings located in the policy file
// and the baseline, which lie beside the snapshot rather than in it, are
// named by clean paths relative to the report root in every format that
// CI systems match against a checkout.
func TestReportPathsOfPolicyAndBaseline(t *testing.T) {
	repo := repoWithSnapshot(t)
	// A baseline written when the waiver had expired holds an entry for
	// config_waiver_expired, which is unused on the earlier date.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"bwlint", "lint", "--as-of", "2027-02-01", "--write-baseline", "base.json", "captures"}, &stdout, &stderr); code != exitFindings {
		t.Fatalf("writing the baseline: exit code %d, stderr %s", code, stderr.String())
	}
	for name, args := range map[string][]string{
		"relative snapshot": {"--as-of", "2027-02-01", "captures"},
		"absolute snapshot": {"--as-of", "2027-02-01", filepath.Join(repo, "captures")},
		"baseline":          {"--as-of", "2026-11-22", "--baseline", "base.json", "--no-waivers", "--sarif-profile", "audit", "captures"},
		"absolute baseline": {"--as-of", "2026-11-22", "--baseline", filepath.Join(repo, "base.json"), "--no-waivers", "--sarif-profile", "audit", "captures"},
	} {
		t.Run(name, func(t *testing.T) {
			want, in := ".bwlint.hcl", report.RootRelativeFormats
			if strings.Contains(name, "baseline") {
				// An unused entry is reported as fixed: github and
				// codeclimate leave it out, as SARIF's github profile does.
				want, in = "base.json", []string{"junit", "sarif"}
			}
			for format, paths := range rootedPaths(t, args...) {
				for _, p := range paths {
					checkClean(t, format, p)
				}
				if slices.Contains(in, format) && !slices.Contains(paths, want) {
					t.Errorf("%s names no %s among %q", format, want, paths)
				}
			}
		})
	}
}

// TestReportPathsOfExternalPolicy: a policy outside the report root is
// reached with leading "../" segments only.
func TestReportPathsOfExternalPolicy(t *testing.T) {
	repo := repoWithSnapshot(t)
	elsewhere := filepath.Join(filepath.Dir(repo), "elsewhere")
	if err := os.MkdirAll(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(".bwlint.hcl", filepath.Join(elsewhere, "policy.hcl")); err != nil {
		t.Fatal(err)
	}
	for _, policy := range []string{filepath.Join(elsewhere, "policy.hcl"), "../elsewhere/policy.hcl"} {
		for format, paths := range rootedPaths(t, "--as-of", "2027-02-01", "--config", policy, "captures") {
			for _, p := range paths {
				checkClean(t, format, p, "../elsewhere/")
			}
			if !slices.Contains(paths, "../elsewhere/policy.hcl") {
				t.Errorf("--config %s: %s names no ../elsewhere/policy.hcl among %q", policy, format, paths)
			}
		}
	}
}

func TestReportRootMustBeADirectory(t *testing.T) {
	for _, root := range []string{"testdata/no-such-dir", "app_test.go"} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"bwlint", "lint", "--format", "sarif", "--sarif-root", root, "../../testdata/example"}, &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), "--sarif-root "+root) {
			t.Errorf("--sarif-root %s: exit code %d, stderr %q; want 3 and a message naming the flag", root, code, stderr.String())
		}
		if stdout.Len() > 0 {
			t.Errorf("--sarif-root %s: a report was written", root)
		}
	}
}

// TestSnapshotOutsideReportRoot: the paths stay correct ("../"), and the
// user is told that they match no file of the checkout, only when a
// format with root-relative paths is written.
func TestSnapshotOutsideReportRoot(t *testing.T) {
	for _, tc := range []struct {
		format string
		warn   bool
	}{{"sarif", true}, {"github", true}, {"text", false}, {"json", false}} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"bwlint", "lint", "--as-of", "2026-11-22", "--format", tc.format, "--sarif-root", "testdata", "../../testdata/example"}, &stdout, &stderr)
		if code != exitFindings {
			t.Fatalf("%s: exit code %d, stderr %s", tc.format, code, stderr.String())
		}
		warned := strings.Contains(stderr.String(), "warning: snapshot ../../testdata/example is outside the report root (testdata)")
		if warned != tc.warn {
			t.Errorf("%s: warned %v, want %v; stderr %q", tc.format, warned, tc.warn, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	run([]string{"bwlint", "lint", "--as-of", "2026-11-22", "--format", "github", "--sarif-root", "testdata", "../../testdata/example"}, &stdout, &stderr)
	if !strings.Contains(stdout.String(), "file=../../../testdata/example/hosts/xsp2/certificate-auth.txt,") {
		t.Errorf("github annotations do not reach the snapshot from the root:\n%s", stdout.String())
	}
}

// TestSARIFEvidenceOfPolicyAndBaseline: the policy and the baseline the
// run read are SARIF artifacts with the digest of their bytes.
func TestSARIFEvidenceOfPolicyAndBaseline(t *testing.T) {
	repoWithSnapshot(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"bwlint", "lint", "--as-of", "2026-11-22", "--write-baseline", "base.json", "captures"}, &stdout, &stderr); code != exitFindings {
		t.Fatalf("writing the baseline: exit code %d, stderr %s", code, stderr.String())
	}
	stdout.Reset()
	if code := run([]string{"bwlint", "lint", "--as-of", "2026-11-22", "--format", "sarif", "--baseline", "base.json", "captures"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit code %d, stderr %s", code, stderr.String())
	}
	var doc struct {
		Runs []struct {
			Artifacts []struct {
				Location struct {
					URI string `json:"uri"`
				} `json:"location"`
				Length int64             `json:"length"`
				Hashes map[string]string `json:"hashes"`
				Roles  []string          `json:"roles"`
			} `json:"artifacts"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{".bwlint.hcl": "toolSpecifiedConfiguration", "base.json": "userSpecifiedConfiguration"}
	for _, a := range doc.Runs[0].Artifacts {
		role, ok := want[a.Location.URI]
		if !ok {
			continue
		}
		delete(want, a.Location.URI)
		b, err := os.ReadFile(a.Location.URI)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if a.Hashes["sha-256"] != hex.EncodeToString(sum[:]) || a.Length != int64(len(b)) || !slices.Equal(a.Roles, []string{role}) {
			t.Errorf("artifact %s: sha-256 %q, length %d, roles %v; want the file's digest and length, role %s", a.Location.URI, a.Hashes["sha-256"], a.Length, a.Roles, role)
		}
	}
	for uri := range want {
		t.Errorf("no artifact for %s", uri)
	}
}
