package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/linttest"
	"github.com/google/go-cmp/cmp"

	// Reports name version 0.1.0 in golden files and documented examples.
	_ "github.com/bwlint/bwlint/lint/linttest/pinversion"
)

// cliCase is one in-process run of bwlint: its arguments, the golden file
// holding stdout, and the expected exit code and stderr fragment.
type cliCase struct {
	name   string
	args   []string
	code   int
	stderr string // a fragment stderr must contain; "" means empty
}

var cliCases = []cliCase{
	{name: "lint_example_text", args: []string{"lint", "--as-of", "2026-11-22", "../../testdata/example"}, code: exitFindings},
	{name: "lint_example_json", args: []string{"lint", "--as-of", "2026-11-22", "--format", "json", "../../testdata/example"}, code: exitFindings},
	{name: "lint_example_fail_on_none", args: []string{"lint", "--as-of", "2026-11-22", "--fail-on", "none", "../../testdata/example"}, code: exitOK},
	{name: "lint_ugly_text", args: []string{"lint", "--as-of", "2026-11-22", "../../testdata/ugly"}, code: exitOK},
	{name: "lint_broken_text", args: []string{"lint", "--as-of", "2026-11-22", "../../testdata/broken"}, code: exitInput},
	{name: "lint_provisioning_text", args: []string{"lint", "../../testdata/provisioning"}, code: exitFindings},
	{name: "lint_provisioning_json", args: []string{"lint", "--format", "json", "../../testdata/provisioning"}, code: exitFindings},
	{name: "parse_example_text", args: []string{"parse", "../../testdata/example"}, code: exitOK},
	{name: "parse_example_json", args: []string{"parse", "--format", "json", "../../testdata/example"}, code: exitOK},
	{name: "parse_ugly_text", args: []string{"parse", "../../testdata/ugly"}, code: exitOK},
	{name: "parse_broken_text", args: []string{"parse", "../../testdata/broken"}, code: exitInput},
	// The policy's host and cluster blocks are applied, and the output says so.
	{name: "parse_inventory_text", args: []string{"parse", "--config", "testdata/parse-inventory.hcl", "../../testdata/example"}, code: exitOK},
	{name: "parse_broken_json", args: []string{"parse", "--format", "json", "../../testdata/broken"}, code: exitInput},
	{name: "checks", args: []string{"checks"}, code: exitOK},
	{name: "explain", args: []string{"explain", "xsp_certificate_auth_flags"}, code: exitOK},
	{name: "checks_with_policy", args: []string{"checks", "--config", "../../testdata/example/.bwlint.hcl"}, code: exitOK},
	{name: "explain_site_rule", args: []string{"explain", "--config", "../../testdata/example/.bwlint.hcl", "site_client_cert_auth"}, code: exitOK},
	{name: "explain_site_rule_without_policy", args: []string{"explain", "site_client_cert_auth"}, code: exitUsage, stderr: `unknown check "site_client_cert_auth"`},
	{name: "explain_unknown", args: []string{"explain", "xsp_certificate_auth_flag"}, code: exitUsage, stderr: `unknown check "xsp_certificate_auth_flag"; did you mean "xsp_certificate_auth_flags"?`},
	{name: "explain_code", args: []string{"explain", "200042"}, code: exitOK},
	{name: "explain_http_status", args: []string{"explain", "HTTP 400"}, code: exitOK},
	{name: "explain_imp_error", args: []string{"explain", "[Error 18215]"}, code: exitOK},
	{name: "explain_message", args: []string{"explain", "Failed validating email as userId is already in use"}, code: exitOK},
	{name: "explain_message_words", args: []string{"explain", "user", "is", "locked", "out"}, code: exitOK},
	{name: "explain_unknown_code", args: []string{"explain", "600016"}, code: exitUsage, stderr: `"600016" is no check, no code and no part of a code's message; codes near it: 600015, 600017, 600014`},
	{name: "explain_nothing", args: []string{"explain"}, code: exitUsage, stderr: "explain: missing CHECK, CODE or MESSAGE argument"},
	{name: "checks_json", args: []string{"checks", "--format", "json", "--config", "../../testdata/example/.bwlint.hcl"}, code: exitOK},
	{name: "config_example_text", args: []string{"config", "--as-of", "2026-11-22", "../../testdata/example"}, code: exitOK},
	{name: "config_example_json", args: []string{"config", "--as-of", "2027-02-01", "--format", "json", "../../testdata/example"}, code: exitOK},
	{name: "config_full", args: []string{"config", "--as-of", "2026-11-22", "--config", "testdata/config-full.hcl"}, code: exitOK},
	{name: "config_none", args: []string{"config", "../../testdata/incomplete"}, code: exitOK},
	{name: "explain_prefix", args: []string{"explain", "xsp_auth"}, code: exitUsage, stderr: `unknown check "xsp_auth"; did you mean one of "xsp_authservice_keys_match", "xsp_authservice_url"?`},
	{name: "help_lint", args: []string{"help", "lint"}, code: exitOK},
	{name: "help_unknown", args: []string{"help", "lnt"}, code: exitUsage, stderr: `help: unknown command "lnt"; did you mean "lint"?`},
	{name: "unknown_command", args: []string{"lnt", "../../testdata/example"}, code: exitUsage, stderr: `unknown command "lnt"; did you mean "lint"?`},
	{name: "flag_typo", args: []string{"lint", "../../testdata/example", "--formt", "json"}, code: exitUsage, stderr: `lint: unknown flag "--formt"; did you mean "--format"?`},
	{name: "lint_missing_arg", args: []string{"lint"}, code: exitUsage, stderr: "lint: missing SNAPSHOT argument"},
	{name: "lint_bad_format", args: []string{"lint", "--as-of", "2026-11-22", "--format", "yaml", "../../testdata/example"}, code: exitUsage, stderr: `unknown format "yaml"`},
	{name: "lint_bad_fail_on", args: []string{"lint", "--as-of", "2026-11-22", "--fail-on", "fatal", "../../testdata/example"}, code: exitUsage, stderr: `unknown failure threshold "fatal"`},
	{name: "lint_unknown_flag", args: []string{"lint", "--as-of", "2026-11-22", "--colour", "../../testdata/example"}, code: exitUsage, stderr: `unknown flag "--colour"; did you mean "--color"?`},
	{name: "lint_example_markdown", args: []string{"lint", "--as-of", "2026-11-22", "--format", "markdown", "--sarif-root", "../..", "../../testdata/example"}, code: exitFindings},
	{name: "lint_bad_report", args: []string{"lint", "--as-of", "2026-11-22", "--report", "sarif", "../../testdata/example"}, code: exitUsage, stderr: `--report "sarif": want FORMAT=FILE`},
	{name: "lint_bad_report_format", args: []string{"lint", "--as-of", "2026-11-22", "--report", "xml=out.xml", "../../testdata/example"}, code: exitUsage, stderr: `unknown format "xml"`},
	{name: "lint_bad_sarif_profile", args: []string{"lint", "--as-of", "2026-11-22", "--sarif-profile", "gitlab", "../../testdata/example"}, code: exitUsage, stderr: `unknown profile "gitlab"`},
	{name: "lint_example_no_waivers", args: []string{"lint", "--as-of", "2026-11-22", "--no-waivers", "../../testdata/example"}, code: exitFindings},
	{name: "lint_example_waiver_expired", args: []string{"lint", "--as-of", "2027-02-01", "../../testdata/example"}, code: exitFindings},
	{name: "lint_bad_as_of", args: []string{"lint", "--as-of", "31/01/2027", "../../testdata/example"}, code: exitUsage, stderr: `--as-of "31/01/2027"`},
	{name: "lint_bad_config", args: []string{"lint", "--config", "testdata/bad.hcl", "../../testdata/example"}, code: exitUsage, stderr: "testdata/bad.hcl:3:3: error: Unsupported argument"},
	{name: "lint_no_such_dir", args: []string{"lint", "--as-of", "2026-11-22", "../../testdata/does-not-exist"}, code: exitUsage, stderr: "lint: snapshot ../../testdata/does-not-exist does not exist"},
	{name: "lint_file_not_dir", args: []string{"lint", "--as-of", "2026-11-22", "../../README.md"}, code: exitUsage, stderr: "lint: snapshot ../../README.md is a file; name the snapshot directory"},
	// testdata/incomplete: two XSPs running the authentication service, xsp2
	// without the digest of its keys (an evidence gap) and with
	// allowUserApp = true (a finding). The gap fails the run, in every
	// format, unless it is only reported or the policy scopes the check
	// away from xsp2.
	{name: "lint_gap_text", args: []string{"lint", "--as-of", "2026-11-22", "../../testdata/incomplete"}, code: exitInput},
	{name: "lint_gap_json", args: []string{"lint", "--format", "json", "../../testdata/incomplete"}, code: exitInput},
	{name: "lint_gap_markdown", args: []string{"lint", "--format", "markdown", "--sarif-root", "../..", "../../testdata/incomplete"}, code: exitInput},
	{name: "lint_gap_junit", args: []string{"lint", "--format", "junit", "--sarif-root", "../..", "../../testdata/incomplete"}, code: exitInput},
	{name: "lint_gap_github", args: []string{"lint", "--format", "github", "--sarif-root", "../..", "../../testdata/incomplete"}, code: exitInput},
	{name: "lint_gap_codeclimate", args: []string{"lint", "--format", "codeclimate", "--sarif-root", "../..", "../../testdata/incomplete"}, code: exitInput},
	{name: "lint_gap_reported", args: []string{"lint", "--as-of", "2026-11-22", "--missing-evidence", "report", "../../testdata/incomplete"}, code: exitFindings},
	{name: "lint_gap_reported_fail_on_none", args: []string{"lint", "--missing-evidence", "report", "--fail-on", "none", "../../testdata/incomplete"}, code: exitOK},
	{name: "lint_gap_policy_report", args: []string{"lint", "--as-of", "2026-11-22", "--config", "testdata/gap-report.hcl", "../../testdata/incomplete"}, code: exitFindings},
	{name: "lint_gap_policy_report_flag_fail", args: []string{"lint", "--as-of", "2026-11-22", "--config", "testdata/gap-report.hcl", "--missing-evidence", "fail", "../../testdata/incomplete"}, code: exitInput},
	{name: "lint_gap_not_applicable", args: []string{"lint", "--as-of", "2026-11-22", "--config", "testdata/gap-not-applicable.hcl", "../../testdata/incomplete"}, code: exitFindings},
	{name: "lint_gap_unknown_host", args: []string{"lint", "--config", "testdata/gap-unknown-host.hcl", "../../testdata/incomplete"}, code: exitUsage,
		stderr: "testdata/gap-unknown-host.hcl:1:6: error: Unknown host"},
	{name: "lint_bad_missing_evidence", args: []string{"lint", "--missing-evidence", "ignore", "../../testdata/incomplete"}, code: exitUsage,
		stderr: `lint: --missing-evidence: unknown value "ignore": use fail or report`},
}

func TestCLI(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	t.Setenv("FORCE_COLOR", "") // reports to a buffer are plain unless forced
	pkg := withPinnedFileTimes(t)
	for _, tc := range cliCases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"bwlint"}, tc.args...), &stdout, &stderr)
			if code != tc.code {
				t.Errorf("exit code %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			switch {
			case tc.stderr == "" && stderr.Len() > 0:
				t.Errorf("unexpected stderr: %s", stderr.String())
			case tc.stderr != "" && !strings.Contains(stderr.String(), tc.stderr):
				t.Errorf("stderr %q does not contain %q", stderr.String(), tc.stderr)
			}
			if tc.code != exitUsage {
				linttest.Golden(t, filepath.Join(pkg, "testdata", tc.name+".golden"), stdout.String())
			}
		})
	}
}

func TestVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"bwlint", "--version"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit code %d", code)
	}
	if !strings.Contains(stdout.String(), "bwlint version ") {
		t.Errorf("--version printed %q", stdout.String())
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, cmd := range newApp(nil, nil).Commands {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"bwlint", cmd.Name, "--help"}, &stdout, &stderr); code != exitOK {
			t.Errorf("%s --help: exit code %d, stderr %s", cmd.Name, code, stderr.String())
		}
		if !strings.Contains(stdout.String(), "bwlint "+cmd.Name) {
			t.Errorf("%s --help does not show its usage line:\n%s", cmd.Name, stdout.String())
		}
	}
}

// TestExtraReports checks that --report writes each extra format to its
// file while the main report still goes to stdout.
func TestExtraReports(t *testing.T) {
	dir := t.TempDir()
	sarif, junit := filepath.Join(dir, "out,1.sarif"), filepath.Join(dir, "junit.xml")
	var stdout, stderr bytes.Buffer
	code := run([]string{"bwlint", "lint", "--report", "sarif=" + sarif, "--report", "junit=" + junit, "../../testdata/example"}, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit code %d, stderr %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "Summary: 5 findings") {
		t.Errorf("text report missing from stdout:\n%s", stdout.String())
	}
	for path, want := range map[string]string{sarif: `"ruleId": "xsp_certificate_auth_flags"`, junit: `<testsuite name="as_required_patches"`} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s lacks %s", path, want)
		}
	}
}

// TestOutputFile checks that --output writes the report to a file and
// leaves stdout empty.
func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	var stdout, stderr bytes.Buffer
	code := run([]string{"bwlint", "lint", "--format", "json", "--output", out, "../../testdata/example"}, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit code %d, stderr %s", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout not empty with --output: %s", stdout.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"check": "xsp_certificate_auth_flags"`)) {
		t.Errorf("report file lacks the example's findings:\n%s", b)
	}
}

// TestOutputFileUnwritable: a report, a baseline or a review whose
// folder does not exist (a CI job that forgot to create reports/) is a
// usage error that names the file it could not write.
func TestOutputFileUnwritable(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "reports", "bwlint")
	for _, args := range [][]string{
		{"lint", "--output", missing + ".txt", "../../testdata/example"},
		{"lint", "--report", "sarif=" + missing + ".sarif", "../../testdata/example"},
		{"lint", "--write-baseline", missing + ".json", "../../testdata/example"},
		{"diff", "--output", missing + ".md", "--format", "markdown", "../../testdata/example", "../../testdata/example-after"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"bwlint"}, args...), &stdout, &stderr)
		if code != exitUsage {
			t.Errorf("bwlint %s: exit code %d, want %d", strings.Join(args, " "), code, exitUsage)
		}
		if !strings.Contains(stderr.String(), missing) {
			t.Errorf("bwlint %s: the message does not name the file it could not write:\n%s", strings.Join(args, " "), stderr.String())
		}
	}
}

// TestReportDestinations checks that two reports never share a
// destination: each would overwrite the other, or run together on
// stdout. The run stops before writing anything.
func TestReportDestinations(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.sarif")
	base := filepath.Join(dir, "bwlint-baseline.json")
	const kept = "a file the run must not touch\n"
	if err := os.WriteFile(base, []byte(kept), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"two reports to one file", []string{"--report", "sarif=" + out, "--report", "junit=" + out},
			"--report sarif=" + out + " and --report junit=" + out + " name the same file " + out},
		{"a report and --output to one file, named differently", []string{"--output", out, "--report", "sarif=" + dir + "/./out.sarif"},
			"--output " + out + " and --report sarif=" + dir + "/./out.sarif name the same file"},
		{"a report onto the baseline", []string{"--baseline", base, "--report", "json=" + base},
			"--baseline " + base + " and --report json=" + base + " name the same file"},
		{"a report onto the baseline being written", []string{"--write-baseline", base, "--output", base},
			"--write-baseline " + base + " and --output " + base + " name the same file"},
		{"two reports to stdout", []string{"--report", "github=-"},
			"--format text and --report github=- both write to stdout"},
		{"--output - and a report to stdout", []string{"--output", "-", "--report", "text=-"},
			"--output - and --report text=- both write to stdout"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append(append([]string{"bwlint", "lint"}, tc.args...), "../../testdata/example")
			if code := run(args, &stdout, &stderr); code != exitUsage {
				t.Errorf("exit code %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tc.stderr)
			}
			if stdout.Len() > 0 {
				t.Errorf("a report was written to stdout:\n%s", stdout.String())
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s was written", out)
			}
			if b, err := os.ReadFile(base); err != nil || string(b) != kept {
				t.Errorf("%s was changed: %q, %v", base, b, err)
			}
		})
	}

	// One report on stdout and others in files is the normal case.
	var stdout, stderr bytes.Buffer
	code := run([]string{"bwlint", "lint", "--output", filepath.Join(dir, "report.json"), "--format", "json", "--report", "text=-", "../../testdata/example"}, &stdout, &stderr)
	if code != exitFindings || !strings.Contains(stdout.String(), "Summary: ") {
		t.Errorf("exit code %d, stderr %s; stdout lacks the text report:\n%s", code, stderr.String(), stdout.String())
	}
}

// TestNeverWritesIntoSnapshot checks that no output flag of any command
// can overwrite a capture or leave a file among them, whatever the path's
// spelling, and that nothing is written when the run refuses.
func TestNeverWritesIntoSnapshot(t *testing.T) {
	snap := filepath.Join(t.TempDir(), "snap")
	if err := os.CopyFS(snap, os.DirFS("../../testdata/example")); err != nil {
		t.Fatal(err)
	}
	capture := filepath.Join(snap, "hosts", "as1", "patching.txt")
	before, err := os.ReadFile(capture)
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(snap, "hosts"), link); err != nil {
		t.Fatal(err)
	}
	cases := [][]string{
		{"parse", "--output", capture, snap},
		{"lint", "--output", capture, snap},
		{"lint", "--report", "sarif=" + filepath.Join(snap, "bwlint.sarif"), snap},
		{"lint", "--write-baseline", filepath.Join(link, "as1", "base.json"), snap},
		{"diff", "--output", filepath.Join(snap, "..", "snap", "review.txt"), "../../testdata/example", snap},
		// A link outside the snapshot to a capture inside it, and a link
		// to a file yet to be created inside it.
		{"lint", "--output", outsideLink(t, capture), snap},
		{"lint", "--report", "json=" + outsideLink(t, filepath.Join(snap, "hosts", "new.json")), snap},
	}
	for _, args := range cases {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"bwlint"}, args...), &stdout, &stderr); code != exitUsage {
			t.Errorf("bwlint %s: exit code %d, want %d", strings.Join(args, " "), code, exitUsage)
		}
		if !strings.Contains(stderr.String(), "bwlint never writes into a snapshot") {
			t.Errorf("bwlint %s: stderr %q", strings.Join(args, " "), stderr.String())
		}
	}
	if after, err := os.ReadFile(capture); err != nil || !bytes.Equal(after, before) {
		t.Errorf("%s was changed", capture)
	}
	for _, name := range []string{filepath.Join(snap, "bwlint.sarif"), filepath.Join(snap, "hosts", "as1", "base.json"), filepath.Join(snap, "review.txt"), filepath.Join(snap, "hosts", "new.json")} {
		if _, err := os.Stat(name); !os.IsNotExist(err) {
			t.Errorf("%s was written", name)
		}
	}
}

// TestParseSaysWhichInventory checks that parse's JSON names the policy
// whose host and cluster blocks it applied, and only then.
func TestParseSaysWhichInventory(t *testing.T) {
	parseJSON := func(args ...string) map[string]any {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"bwlint", "parse", "--format", "json"}, args...), &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		var doc map[string]any
		if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	doc := parseJSON("--config", "testdata/parse-inventory.hcl", "../../testdata/example")
	if doc["inventory"] != "testdata/parse-inventory.hcl" || len(doc["clusters"].([]any)) != 2 {
		t.Errorf("inventory %v, %d clusters; want the policy named and its cluster added", doc["inventory"], len(doc["clusters"].([]any)))
	}
	if doc := parseJSON("../../testdata/example"); doc["inventory"] != nil {
		t.Errorf("a policy without host or cluster blocks is named: %v", doc["inventory"])
	}
}

// TestFlagsAfterArguments checks that flags typed after the snapshot work
// like flags typed before it, values included.
func TestFlagsAfterArguments(t *testing.T) {
	run2 := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"bwlint"}, args...), &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}
	wantCode, want, _ := run2("lint", "--format", "json", "--fail-on", "none", "../../testdata/example")
	code, got, stderr := run2("lint", "../../testdata/example", "--format", "json", "--fail-on=none")
	// The reports differ only in the command line they record, as typed.
	typed := []any{"bwlint", "lint", "../../testdata/example", "--format", "json", "--fail-on=none"}
	var wantDoc, gotDoc map[string]any
	if err := json.Unmarshal([]byte(want), &wantDoc); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(got), &gotDoc); err != nil {
		t.Fatal(err)
	}
	if args := gotDoc["invocation"].(map[string]any)["arguments"]; !cmp.Equal(args, typed) {
		t.Errorf("invocation.arguments %v, want the command line as typed %v", args, typed)
	}
	delete(wantDoc, "invocation")
	delete(gotDoc, "invocation")
	if code != wantCode || !cmp.Equal(gotDoc, wantDoc) || wantCode != exitOK {
		t.Errorf("flags after the snapshot: exit %d (want %d), stderr %q, output differs:\n%s", code, wantCode, stderr, cmp.Diff(wantDoc, gotDoc))
	}
	// After "--" everything is an argument, even a name starting with "-".
	if code, _, stderr := run2("parse", "--", "-snapshot"); code != exitUsage || !strings.Contains(stderr, "snapshot -snapshot does not exist") {
		t.Errorf("parse -- -snapshot: exit %d, stderr %q", code, stderr)
	}
	// A usage error is one line on stderr, never the help text on stdout.
	if code, stdout, stderr := run2("parse", "../../testdata/example", "--bogus"); code != exitUsage || stdout != "" || strings.Count(stderr, "\n") != 1 {
		t.Errorf("unknown flag: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// outsideLink returns a symbolic link, in a directory of its own, to
// target, which need not exist.
func outsideLink(t *testing.T, target string) string {
	t.Helper()
	link := filepath.Join(t.TempDir(), "report.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	return link
}

// TestNeverOverwritesThePolicy checks that a report is never written onto
// the policy file the run reads, found through the environment or in the
// working directory as well as named with --config.
func TestNeverOverwritesThePolicy(t *testing.T) {
	dir := t.TempDir()
	policy := filepath.Join(dir, "policy.hcl")
	const kept = "lint {\n  fail_on = \"error\"\n}\n"
	if err := os.WriteFile(policy, []byte(kept), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BWLINT_CONFIG", policy)
	for _, args := range [][]string{
		{"lint", "--output", policy, "../../testdata/example"},
		{"lint", "--write-baseline", policy, "../../testdata/example"},
		{"diff", "--output", policy, "../../testdata/example", "../../testdata/example-after"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"bwlint"}, args...), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "is the policy file this run reads") {
			t.Errorf("bwlint %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr.String())
		}
	}
	if b, err := os.ReadFile(policy); err != nil || string(b) != kept {
		t.Errorf("the policy was changed: %q, %v", b, err)
	}
}

// TestCommandLineMistakes checks the usage errors a typing operator meets.
func TestCommandLineMistakes(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"nosuchcmd"}, exitUsage, "", `unknown command "nosuchcmd"`},
		{[]string{"checks", "extra"}, exitUsage, "", "checks: takes no argument"},
		{[]string{"lint", "../../testdata/example", "--help"}, exitOK, "bwlint lint - run the checks", ""},
		{[]string{"diff", "a", "b", "-h"}, exitOK, "bwlint diff - review a change", ""},
	} {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"bwlint"}, tc.args...), &stdout, &stderr)
		if code != tc.code || !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("bwlint %s: exit %d (want %d), stdout %.80q, stderr %q", strings.Join(tc.args, " "), code, tc.code, stdout.String(), stderr.String())
		}
	}
}
