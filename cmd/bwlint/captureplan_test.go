package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
)

// capturePlanCases run capture-plan in-process, as TestCLI does.
var capturePlanCases = []cliCase{
	{name: "capture_plan_example_full", args: []string{"capture-plan", "--full", "../../testdata/example"}, code: exitOK},
	{name: "capture_plan_example_json", args: []string{"capture-plan", "--full", "--format", "json", "../../testdata/example"}, code: exitOK},
	{name: "capture_plan_example_markdown", args: []string{"capture-plan", "--full", "--format", "markdown", "../../testdata/example"}, code: exitOK},
	{name: "capture_plan_example_missing", args: []string{"capture-plan", "../../testdata/example"}, code: exitOK},
	{name: "capture_plan_incomplete", args: []string{"capture-plan", "../../testdata/incomplete"}, code: exitOK},
	{name: "capture_plan_broken", args: []string{"capture-plan", "../../testdata/broken"}, code: exitOK},
	{name: "capture_plan_broken_json", args: []string{"capture-plan", "--format", "json", "../../testdata/broken"}, code: exitOK},
	{name: "capture_plan_broken_markdown", args: []string{"capture-plan", "--format", "markdown", "../../testdata/broken"}, code: exitOK},
	// A host the snapshot does not have needs everything of its role.
	{name: "capture_plan_new_host", args: []string{"capture-plan", "--host", "as9=as", "../../testdata/example"}, code: exitOK},
	// Without a snapshot or a policy: the hosts given, an ADP's prompt.
	{name: "capture_plan_hosts", args: []string{"capture-plan", "--host", "as1=as", "--host", "adp1=adp"}, code: exitOK},
	{name: "capture_plan_roles", args: []string{"capture-plan"}, code: exitOK},
	{name: "capture_plan_nothing_on_host", args: []string{"capture-plan", "--host", "xsp1", "../../testdata/example"}, code: exitOK,
		stderr: "capture-plan: xsp1: nothing to capture for the enabled checks"},
	// The policy's host and cluster blocks name the hosts.
	{name: "capture_plan_inventory", args: []string{"capture-plan", "--format", "json", "--config", "testdata/capture-inventory.hcl"}, code: exitOK},
	// A cluster lists as3, which the snapshot lacks: it needs everything.
	{name: "capture_plan_cluster_host", args: []string{"capture-plan", "--config", "testdata/capture-cluster-host.hcl", "../../testdata/example"}, code: exitOK},
	// The policy's selection and not_applicable.
	{name: "capture_plan_scoped", args: []string{"capture-plan", "--full", "--config", "testdata/capture-scoped.hcl", "../../testdata/example"}, code: exitOK},
	{name: "capture_plan_expect_xsp1", args: []string{"capture-plan", "--full", "--format", "expect", "--host", "xsp1", "../../testdata/example"}, code: exitOK},
	{name: "capture_plan_shell_as1", args: []string{"capture-plan", "--full", "--format", "shell", "--host", "as1", "../../testdata/example"}, code: exitOK},
	{name: "capture_plan_ocip_none", args: []string{"capture-plan", "--format", "ocip"}, code: exitOK},
	{name: "capture_plan_bad_format", args: []string{"capture-plan", "--format", "yaml"}, code: exitUsage, stderr: `unknown format "yaml": use text, json, markdown, expect, shell, ocip`},
	{name: "capture_plan_full_without_snapshot", args: []string{"capture-plan", "--full"}, code: exitUsage, stderr: "--full needs a SNAPSHOT"},
	{name: "capture_plan_bad_role", args: []string{"capture-plan", "--host", "as1=sbc"}, code: exitUsage, stderr: `unknown role "sbc": use as, xsp, adp, ns, ms, ps, dbs, nfm`},
	{name: "capture_plan_bad_host", args: []string{"capture-plan", "--host", "../as1=as"}, code: exitUsage, stderr: `a host name holds no '/'`},
	{name: "capture_plan_twice", args: []string{"capture-plan", "--host", "as1=as", "--host", "as1=xsp"}, code: exitUsage, stderr: "--host as1 is given twice"},
	{name: "capture_plan_role_unknown", args: []string{"capture-plan", "--host", "as1"}, code: exitUsage, stderr: "--host as1: no role is known for it; give it as --host as1=ROLE"},
	{name: "capture_plan_scripts_need_dir", args: []string{"capture-plan", "--full", "--format", "expect", "../../testdata/example"}, code: exitUsage,
		stderr: "4 hosts have something to capture (as1, as2, xsp1, xsp2): name one with --host, or give --output DIR"},
	{name: "capture_plan_two_args", args: []string{"capture-plan", "a", "b"}, code: exitUsage, stderr: "takes at most one SNAPSHOT argument, got 2"},
	{name: "capture_plan_no_snapshot", args: []string{"capture-plan", "../../testdata/does-not-exist"}, code: exitUsage, stderr: "snapshot ../../testdata/does-not-exist does not exist"},
}

// TestCLI runs them with the other commands' cases.
func init() { cliCases = append(cliCases, capturePlanCases...) }

// TestCapturePlanCoversEveryCheck holds the plan to the declarations of
// every built-in check: with a host of each role they read, every capture
// each check declares is a step of the right host (or of the deployment)
// with its command, context and file, naming the check; every command to
// type first comes before it; and every step is one a check declares.
func TestCapturePlanCoversEveryCheck(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	args := []string{"capture-plan", "--format", "json"}
	hostOf := map[inputs.Role]string{}
	for _, c := range checks.All() {
		for _, e := range c.Evidence {
			if e.Role != inputs.RoleUnknown && hostOf[e.Role] == "" {
				hostOf[e.Role] = "host-" + string(e.Role)
				args = append(args, "--host", hostOf[e.Role]+"="+string(e.Role))
			}
		}
	}
	var plan planJSON
	if err := json.Unmarshal([]byte(bwlintRun(t, exitOK, args...)), &plan); err != nil {
		t.Fatal(err)
	}
	stepsOf := map[string][]planStepJSON{"": plan.Deployment}
	for _, h := range plan.Hosts {
		stepsOf[h.Name] = h.Steps
	}
	declared := map[string]bool{} // host + line of every declared command
	for _, c := range checks.All() {
		for _, e := range c.Evidence {
			if !e.Source.Captured() {
				continue
			}
			host := ""
			if e.Source == lint.FromCLI || e.Source == lint.FromShell {
				host = hostOf[e.Role]
			}
			file := e.FileFor(host)
			steps := stepsOf[host]
			i := slices.IndexFunc(steps, func(s planStepJSON) bool {
				return string(e.Source) == s.Source && strings.EqualFold(strings.Trim(e.Context, "/"), s.Context) && e.Text == s.Command && s.File == file
			})
			if i < 0 {
				t.Errorf("%s: the plan of %q has no step %q into %s", c.Name, host, e.Line(lint.Server(e.Role)), file)
				continue
			}
			declared[host+"\x00"+steps[i].Line] = true
			if !slices.ContainsFunc(steps[i].Checks, func(n struct {
				Check    string
				Optional bool
			}) bool {
				return n.Check == c.Name && n.Optional == e.Optional
			}) {
				t.Errorf("%s: step %q does not name the check (optional %v): %v", c.Name, steps[i].Line, e.Optional, steps[i].Checks)
			}
			if e.Confirms != steps[i].Confirms {
				t.Errorf("%s: step %q confirms %v, declared %v", c.Name, steps[i].Line, steps[i].Confirms, e.Confirms)
			}
			for _, b := range e.Before {
				j := slices.IndexFunc(steps, func(s planStepJSON) bool {
					return string(b.Source) == s.Source && strings.EqualFold(strings.Trim(b.Context, "/"), s.Context) && b.Text == s.Command
				})
				switch {
				case j < 0:
					t.Errorf("%s: the plan of %q does not type %q before %s", c.Name, host, b.Line(lint.Server(e.Role)), file)
				case j > i:
					t.Errorf("%s: %q comes after %q, which needs it first", c.Name, steps[j].Line, steps[i].Line)
				case !slices.Contains(steps[j].Prepares, file):
					t.Errorf("%s: %q does not say it prepares %s: %v", c.Name, steps[j].Line, file, steps[j].Prepares)
				default:
					declared[host+"\x00"+steps[j].Line] = true
				}
			}
		}
	}
	for host, steps := range stepsOf {
		for _, s := range steps {
			if !declared[host+"\x00"+s.Line] {
				t.Errorf("the plan of %q has %q, which no check declares", host, s.Line)
			}
		}
	}
	if len(declared) == 0 {
		t.Fatal("no declaration was compared")
	}
}

// TestCapturePlanDeterministic makes the same plan whatever the number of
// threads the lint behind it ran on.
func TestCapturePlanDeterministic(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	var outs []string
	for _, procs := range []int{1, 8} {
		prev := runtime.GOMAXPROCS(procs)
		for _, args := range [][]string{
			{"capture-plan", "--format", "json", "../../testdata/broken"},
			{"capture-plan", "--full", "--format", "json", "../../testdata/example"},
		} {
			outs = append(outs, bwlintRun(t, exitOK, args...))
		}
		runtime.GOMAXPROCS(prev)
	}
	if outs[0] != outs[2] || outs[1] != outs[3] {
		t.Error("the plans differ with GOMAXPROCS")
	}
}

// TestCapturePlanCanary writes every format of the plan, and the scripts,
// for the canary snapshots, and finds none of their secrets in any of it.
func TestCapturePlanCanary(t *testing.T) {
	out := t.TempDir()
	var written []string
	for _, snap := range []string{filepath.Join(canaryDir, "before"), filepath.Join(canaryDir, "after")} {
		for _, mode := range [][]string{{"--full"}, {}} {
			for _, f := range capturePlanFormats {
				args := append([]string{"bwlint", "capture-plan", "--format", f}, mode...)
				if f == "expect" || f == "shell" {
					dir := filepath.Join(out, fmt.Sprint(len(written)))
					written = append(written, dir)
					args = append(args, "--output", dir)
				}
				var stdout, stderr bytes.Buffer
				code := run(append(args, snap), &stdout, &stderr)
				if code != exitOK {
					t.Errorf("%s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
				}
				for _, s := range []string{stdout.String(), stderr.String()} {
					if m := canary.FindString(s); m != "" {
						t.Errorf("%s shows %s", strings.Join(args, " "), m)
					}
				}
			}
		}
	}
	scripts := 0
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		scripts++
		if b, _ := os.ReadFile(p); canary.Match(b) {
			t.Errorf("%s shows %s", p, canary.Find(b))
		}
		return nil
	})
	if scripts == 0 {
		t.Error("no script was written")
	}
}

// TestCapturePlanNamesThePolicyLintUsed: a plan names the policy it was
// made for by the same digest the lint report gives it, so a plan and a
// report can be matched to one policy.
func TestCapturePlanNamesThePolicyLintUsed(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	var plan, report struct {
		Policy struct {
			Path   string `json:"path"`
			SHA256 string `json:"sha256"`
		} `json:"policy"`
	}
	if err := json.Unmarshal([]byte(bwlintRun(t, exitOK, "capture-plan", "--format", "json", "../../testdata/example")), &plan); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := runCLI("lint", "--format", "json", "../../testdata/example")
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatal(err)
	}
	if plan.Policy.SHA256 == "" || plan.Policy != report.Policy {
		t.Errorf("the plan names policy %+v, the lint report %+v", plan.Policy, report.Policy)
	}
}
