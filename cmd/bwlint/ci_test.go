package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/config"
)

// The CI integrations of the repository root and docs/ci.md are read as
// text, line by line, rather than with a YAML library: what the tests
// need of them is a few keys and the bwlint command lines, which they
// expand as the shell would and run in-process.

// readRepoFile reads a file of the repository.
func readRepoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// keysUnder lists the keys indented by indent under the line that is
// exactly section, up to the next line indented less.
func keysUnder(text, section, indent string) []string {
	var keys []string
	in := false
	key := regexp.MustCompile(`^` + indent + `([A-Za-z0-9_-]+):`)
	for _, l := range strings.Split(text, "\n") {
		switch {
		case strings.TrimRight(l, " ") == section:
			in = true
		case in && l != "" && !strings.HasPrefix(l, indent) && !strings.HasPrefix(strings.TrimSpace(l), "#"):
			return keys
		case in:
			if m := key.FindStringSubmatch(l); m != nil {
				keys = append(keys, m[1])
			}
		}
	}
	return keys
}

// bwlintLines are the lines that run bwlint, trimmed, without "- ".
func bwlintLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimPrefix(strings.TrimSpace(l), "- ")
		if strings.HasPrefix(l, "bwlint ") {
			out = append(out, l)
		}
	}
	return out
}

// shellWords splits a command line as a POSIX shell does for the forms
// the integrations use: words, double quotes, $NAME and ${NAME}
// (unquoted ones split into words), and "${args[@]}" (the list args).
func shellWords(t *testing.T, line string, vars map[string]string, args []string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	has, quoted := false, false
	ref := regexp.MustCompile(`^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))`)
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case strings.HasPrefix(line[i:], `"${args[@]}"`):
			words = append(words, args...)
			i += len(`"${args[@]}"`)
		case c == '"':
			quoted, has = !quoted, true
			i++
		case c == '$':
			m := ref.FindStringSubmatch(line[i:])
			if m == nil {
				t.Fatalf("%s: cannot expand %q", line, line[i:])
			}
			name := m[1] + m[2]
			v, ok := vars[name]
			if !ok {
				t.Fatalf("%s: $%s is not set", line, name)
			}
			if quoted {
				cur.WriteString(v)
				has = true
			} else {
				for j, w := range strings.Fields(v) {
					if j > 0 {
						words = append(words, cur.String())
						cur.Reset()
					}
					cur.WriteString(w)
					has = true
				}
			}
			i += len(m[0])
		case (c == ' ' || c == '\t') && !quoted:
			if has {
				words = append(words, cur.String())
			}
			cur.Reset()
			has = false
			i++
		default:
			cur.WriteByte(c)
			has = true
			i++
		}
	}
	if has {
		words = append(words, cur.String())
	}
	return words
}

// inScratch runs the test from a scratch directory holding a copy of the
// repository's testdata, as the repository root of a CI job would.
func inScratch(t *testing.T) string {
	t.Helper()
	t.Setenv(config.EnvVar, "")
	scratch := t.TempDir()
	if err := os.CopyFS(filepath.Join(scratch, "testdata"), os.DirFS("../../testdata")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(scratch)
	return scratch
}

func TestGitHubAction(t *testing.T) {
	action := readRepoFile(t, "action.yml")
	inputs := keysUnder(action, "inputs:", "  ")
	for _, want := range []string{"snapshot", "config", "fail-on", "baseline", "missing-evidence", "sarif-category", "upload-sarif"} {
		if !slices.Contains(inputs, want) {
			t.Errorf("action.yml has no input %q (has %v)", want, inputs)
		}
	}
	for _, m := range regexp.MustCompile(`inputs\.([A-Za-z0-9_-]+)`).FindAllStringSubmatch(action, -1) {
		if !slices.Contains(inputs, m[1]) {
			t.Errorf("action.yml uses inputs.%s, which it does not declare", m[1])
		}
	}
	if !strings.Contains(action, "using: composite") || !strings.Contains(action, "uses: github/codeql-action/upload-sarif@") ||
		!strings.Contains(action, `>> "$GITHUB_STEP_SUMMARY"`) {
		t.Errorf("action.yml is not a composite action that uploads SARIF and writes the job summary")
	}
	// A composite action's run steps must each name their shell.
	for _, step := range strings.Split(action, "\n    - name: ")[1:] {
		if strings.Contains(step, "\n      run: ") && !strings.Contains(step, "\n      shell: bash") {
			t.Errorf("a step runs commands without a shell:\n%s", step)
		}
	}
	lines := bwlintLines(action)
	if len(lines) != 1 {
		t.Fatalf("action.yml runs bwlint %d times, want once: %q", len(lines), lines)
	}
	// The optional flags, as the step builds them from the inputs.
	argLine := regexp.MustCompile(`\[ -n "\$(\w+)" \] && args\+=\((--[a-z-]+) "\$\w+"\)`)
	example := map[string]string{"BWLINT_CONFIG_INPUT": "testdata/example/.bwlint.hcl", "BWLINT_FAIL_ON": "warning",
		"BWLINT_MISSING_EVIDENCE": "fail", "BWLINT_CATEGORY": "bwlint/example/"}
	scratch := inScratch(t)
	out := filepath.Join(scratch, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	example["BWLINT_BASELINE"] = filepath.Join(out, "base.json")
	if code, _, stderr := runCLI("lint", "--write-baseline", example["BWLINT_BASELINE"], "testdata/example"); code != exitFindings {
		t.Fatalf("writing the baseline: exit %d, %s", code, stderr)
	}
	var all []string
	for _, m := range argLine.FindAllStringSubmatch(action, -1) {
		v, ok := example[m[1]]
		if !ok {
			t.Fatalf("no example value for $%s", m[1])
		}
		all = append(all, m[2], v)
	}
	if len(all) != 2*len(example) {
		t.Errorf("the step passes %v, want a flag for each of %v", all, example)
	}
	vars := map[string]string{"out": out, "BWLINT_SNAPSHOT": "testdata/example"}
	// With every input set, against a baseline of the snapshot itself:
	// nothing new, so the job passes.
	args := shellWords(t, lines[0], vars, all)
	code, _, stderr := runCLI(args[1:]...)
	if code != exitOK || stderr != "" {
		t.Errorf("bwlint %s: exit %d, stderr %q", strings.Join(args[1:], " "), code, stderr)
	}
	for _, f := range []string{"bwlint.sarif", "bwlint.md", "bwlint.txt"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the action's %s was not written: %v", f, err)
		}
	}
	// With only the snapshot: the example's findings fail the job, and
	// annotate the files.
	args = shellWords(t, lines[0], vars, nil)
	code, stdout, _ := runCLI(args[1:]...)
	if code != exitFindings || !strings.Contains(stdout, "::error file=testdata/example/hosts/xsp2/certificate-auth.txt,line=2") {
		t.Errorf("bwlint %s: exit %d, stdout:\n%s", strings.Join(args[1:], " "), code, stdout)
	}
}

func TestGitLabTemplate(t *testing.T) {
	tmpl := readRepoFile(t, "docs/ci/bwlint.gitlab-ci.yml")
	vars := keysUnder(tmpl, "variables:", "  ")
	if !slices.Equal(vars, []string{"BWLINT_SNAPSHOT", "BWLINT_VERSION", "BWLINT_ARGS"}) {
		t.Errorf("template variables %v", vars)
	}
	if !strings.Contains(tmpl, `go install "github.com/bwlint/bwlint/cmd/bwlint@${BWLINT_VERSION}"`) {
		t.Errorf("the template does not install bwlint with go install")
	}
	for _, report := range []string{"codequality: gl-code-quality-report.json", "junit: bwlint-junit.xml"} {
		if !strings.Contains(tmpl, report) {
			t.Errorf("the template does not publish %s", report)
		}
	}
	lines := bwlintLines(tmpl)
	if len(lines) != 1 {
		t.Fatalf("the template runs bwlint %d times: %q", len(lines), lines)
	}
	inScratch(t)
	args := shellWords(t, lines[0], map[string]string{"BWLINT_SNAPSHOT": "testdata/example", "BWLINT_ARGS": "--fail-on error --as-of 2026-11-22"}, nil)
	code, _, stderr := runCLI(args[1:]...)
	if code != exitFindings || stderr != "" {
		t.Fatalf("bwlint %s: exit %d, %s", strings.Join(args[1:], " "), code, stderr)
	}
	var issues []map[string]any
	if b, err := os.ReadFile("gl-code-quality-report.json"); err != nil || json.Unmarshal(b, &issues) != nil || len(issues) == 0 {
		t.Errorf("the Code Quality report is no list of issues: %v", err)
	}
	junit, err := os.ReadFile("bwlint-junit.xml")
	if err != nil || !strings.Contains(string(junit), `file="testdata/example/hosts/`) {
		t.Errorf("the JUnit report names no file of the checkout for GitLab: %v", err)
	}
}

func TestPreCommitHook(t *testing.T) {
	hooks := readRepoFile(t, ".pre-commit-hooks.yaml")
	for _, want := range []string{"- id: bwlint\n", "  language: golang\n", "  entry: bwlint lint\n", "  pass_filenames: false\n"} {
		if !strings.Contains(hooks, want) {
			t.Errorf(".pre-commit-hooks.yaml lacks %q", want)
		}
	}
	doc := readRepoFile(t, "docs/ci.md")
	m := regexp.MustCompile(`(?m)^      - id: (\S+)\n        args: \[([^\]]*)\]`).FindStringSubmatch(doc)
	if m == nil || m[1] != "bwlint" {
		t.Fatalf("docs/ci.md shows no use of the bwlint hook: %v", m)
	}
	// pre-commit runs the entry with the args; the example's snapshot is
	// the reader's, testdata/example here.
	inScratch(t)
	args := []string{"lint", "--as-of", "2026-11-22"}
	for _, a := range strings.Split(m[2], ",") {
		a = strings.TrimSpace(a)
		if a == "captures" {
			a = "testdata/example"
		}
		args = append(args, a)
	}
	if code, _, stderr := runCLI(args...); code != exitFindings || stderr != "" {
		t.Errorf("bwlint %s: exit %d, %s", strings.Join(args, " "), code, stderr)
	}
}

// TestCIDocs checks that the examples of docs/ci.md name what exists: the
// action's inputs, the template's file and variables.
func TestCIDocs(t *testing.T) {
	doc := readRepoFile(t, "docs/ci.md")
	inputs := keysUnder(readRepoFile(t, "action.yml"), "inputs:", "  ")
	with := keysUnder(doc, "        with:", "          ")
	if len(with) < 5 {
		t.Fatalf("docs/ci.md's workflow passes %v to the action", with)
	}
	for _, k := range with {
		if !slices.Contains(inputs, k) {
			t.Errorf("docs/ci.md passes %q, which action.yml does not take", k)
		}
	}
	m := regexp.MustCompile(`remote: https://raw\.githubusercontent\.com/bwlint/bwlint/[^/]+/(\S+)`).FindStringSubmatch(doc)
	if m == nil {
		t.Fatal("docs/ci.md includes no template")
	}
	tmpl := readRepoFile(t, m[1])
	for _, v := range keysUnder(doc, "variables:", "  ") {
		if !slices.Contains(keysUnder(tmpl, "variables:", "  "), v) {
			t.Errorf("docs/ci.md sets %s, which %s does not read", v, m[1])
		}
	}
}

// TestOutputWorkflowFailsOnFindings: the workflow of docs/output.md
// fails the job on findings (no continue-on-error keeps it green), after
// the upload, and writes the job summary; its bwlint command runs as it
// is and names files as the annotations and SARIF do.
func TestOutputWorkflowFailsOnFindings(t *testing.T) {
	doc := readRepoFile(t, "docs/output.md")
	_, rest, ok := strings.Cut(doc, "### GitHub: code scanning, annotations and the job summary, failing on findings")
	if !ok {
		t.Fatal("docs/output.md has no GitHub workflow section")
	}
	_, rest, _ = strings.Cut(rest, "```yaml\n")
	workflow, _, _ := strings.Cut(rest, "```\n")
	for _, want := range []string{"set +e", `echo "exit-code=$?" >> "$GITHUB_OUTPUT"`, `cat bwlint.md >> "$GITHUB_STEP_SUMMARY"`,
		"if: always()", "run: exit ${{ steps.bwlint.outputs.exit-code }}"} {
		if !strings.Contains(workflow, want) {
			t.Errorf("the workflow lacks %q:\n%s", want, workflow)
		}
	}
	if strings.Contains(workflow, "continue-on-error") {
		t.Errorf("the workflow keeps going on errors:\n%s", workflow)
	}
	lines := bwlintLines(workflow)
	if len(lines) != 1 {
		t.Fatalf("the workflow runs bwlint %d times: %q", len(lines), lines)
	}
	inScratch(t)
	args := shellWords(t, strings.Replace(lines[0], "snapshots/prod-east", "testdata/example", 1), nil, nil)
	code, annotations, stderr := runCLI(args[1:]...)
	if code != exitFindings || stderr != "" {
		t.Fatalf("bwlint %s: exit %d, %s", strings.Join(args[1:], " "), code, stderr)
	}
	const path = "testdata/example/hosts/xsp2/certificate-auth.txt"
	for _, f := range []string{"bwlint.md", "bwlint.sarif"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), path) {
			t.Errorf("%s does not name %s", f, path)
		}
	}
	if !strings.Contains(annotations, "::error file="+path) {
		t.Errorf("the annotations do not name %s:\n%s", path, annotations)
	}
}
