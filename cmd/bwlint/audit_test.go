package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInvocationRecorded reproduces an audit's question — what decided
// this outcome? — from the reports of one run that set everything there
// is to set: the command line as typed, --as-of, --no-waivers,
// --missing-evidence and the policy file with its digest, in JSON, SARIF
// and Markdown alike.
func TestInvocationRecorded(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	t.Setenv("BWLINT_CANARY_TOKEN", "env-canary-4f1d") // no environment value is recorded
	dir := t.TempDir()
	sarif, md := filepath.Join(dir, "run.sarif"), filepath.Join(dir, "run.md")
	policy := "../../testdata/example/.bwlint.hcl"
	args := []string{"bwlint", "lint", "--as-of", "2026-11-22", "--no-waivers", "--missing-evidence", "report", "--config", policy,
		"--format", "json", "--report", "sarif=" + sarif, "--report", "markdown=" + md, "--sarif-profile", "audit", "../../testdata/example"}
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	data, err := os.ReadFile(policy)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])

	var doc struct {
		Policy     struct{ Path, SHA256 string }
		Invocation struct {
			CommandLine     string   `json:"command_line"`
			Arguments       []string `json:"arguments"`
			AsOf            string   `json:"as_of"`
			NoWaivers       bool     `json:"no_waivers"`
			MissingEvidence string   `json:"missing_evidence"`
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	inv := doc.Invocation
	if !cmp.Equal(inv.Arguments, args) || inv.AsOf != "2026-11-22" || !inv.NoWaivers || inv.MissingEvidence != "report" {
		t.Errorf("JSON invocation: %+v", inv)
	}
	if want := strings.Join(args, " "); inv.CommandLine != want {
		t.Errorf("JSON command_line %q, want %q", inv.CommandLine, want)
	}
	if doc.Policy.Path != policy || doc.Policy.SHA256 != digest {
		t.Errorf("JSON policy %+v, want %s with sha256 %s", doc.Policy, policy, digest)
	}

	var log struct {
		Runs []struct {
			Invocations []struct {
				CommandLine string
				Arguments   []string
				Properties  struct {
					AsOf      string
					NoWaivers bool
					Policy    struct{ SHA256 string }
				}
			}
			Properties struct{ MissingEvidence string }
		}
	}
	raw, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatal(err)
	}
	si := log.Runs[0].Invocations[0]
	if si.CommandLine != inv.CommandLine || !cmp.Equal(si.Arguments, args[1:]) || si.Properties.AsOf != "2026-11-22" ||
		!si.Properties.NoWaivers || si.Properties.Policy.SHA256 != digest || log.Runs[0].Properties.MissingEvidence != "report" {
		t.Errorf("SARIF invocation: %+v, run properties %+v", si, log.Runs[0].Properties)
	}

	mdText, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| Command | `" + inv.CommandLine + "` |", "| Waivers applied | none (--no-waivers) |", "sha256 `" + digest + "`",
		"| Missing evidence | `report`: evidence gaps are reported and do not fail the run |"} {
		if !strings.Contains(string(mdText), want) {
			t.Errorf("the Markdown report lacks %q", want)
		}
	}
	for name, out := range map[string][]byte{"json": stdout.Bytes(), "sarif": raw, "markdown": mdText} {
		if bytes.Contains(out, []byte("env-canary-4f1d")) {
			t.Errorf("the %s report records an environment value", name)
		}
	}
}
