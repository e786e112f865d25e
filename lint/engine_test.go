package lint_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// testCheck returns a valid check whose run function is run.
func testCheck(name string, run func(*lint.Pass) error) *lint.Check {
	return &lint.Check{
		Name: name, Title: "test check", Doc: "Doc.", Fix: "Fix it.",
		Severity: lint.Warning, Evidence: []lint.Evidence{lint.CLI(inputs.RoleAS, "Interface/Messaging", "get", "hosts/<host>/messaging.txt")}, Run: run,
	}
}

// reportHosts reports one finding per host name, in the order given.
func reportHosts(hosts ...string) func(*lint.Pass) error {
	return func(p *lint.Pass) error {
		for _, h := range hosts {
			p.Report(lint.Finding{
				Host: h, Message: "finding on " + h,
				Location: hcl.Range{Filename: "hosts/" + h + "/f.txt", Start: hcl.Pos{Line: 1, Column: 1}},
			})
		}
		return nil
	}
}

// TestRunIsolatesFailures checks that a check that panics or returns an
// error is reported as failed, its partial findings discarded, while the
// other checks still report; the exit code then says internal error.
func TestRunIsolatesFailures(t *testing.T) {
	checks := []*lint.Check{
		testCheck("as_errors", func(p *lint.Pass) error {
			_ = reportHosts("as1")(p)
			return errors.New("table has no Patch Name column")
		}),
		testCheck("as_good", reportHosts("as2")),
		testCheck("xsp_panics", func(p *lint.Pass) error {
			_ = reportHosts("xsp1")(p)
			var tables []string
			_ = tables[len(p.Snapshot.Hosts)] // index out of range: a bug in a check
			return nil
		}),
	}
	r := lint.Run(context.Background(), &inputs.Snapshot{}, checks, lint.Settings{})
	var hosts []string
	for _, f := range r.Findings {
		hosts = append(hosts, f.Check+"@"+f.Host)
	}
	if d := cmp.Diff([]string{"as_good@as2"}, hosts); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if len(r.Failures) != 2 || r.Failures[0].Check != "as_errors" || r.Failures[1].Check != "xsp_panics" {
		t.Fatalf("failures = %+v, want as_errors and xsp_panics", r.Failures)
	}
	if !strings.Contains(r.Failures[0].Err, "no Patch Name column") || !strings.HasPrefix(r.Failures[1].Err, "panic: ") {
		t.Errorf("failure messages = %q, %q", r.Failures[0].Err, r.Failures[1].Err)
	}
	if got := judge.New(r, judge.Notes{}).ExitCode(lint.Threshold(lint.Warning), lint.FailOnGaps); got != lint.ExitInternal {
		t.Errorf("exit code %d, want %d", got, lint.ExitInternal)
	}
}

// TestRunIsDeterministic runs many checks reporting in scrambled orders on
// different GOMAXPROCS settings and expects the same sorted result.
func TestRunIsDeterministic(t *testing.T) {
	var checks []*lint.Check
	for i := range 20 {
		hosts := []string{fmt.Sprintf("xsp%d", (i*7)%5), fmt.Sprintf("as%d", (i*3)%4), "as0"}
		c := testCheck(fmt.Sprintf("as_check%02d", i), reportHosts(hosts...))
		c.Run = func(p *lint.Pass) error {
			p.NotEvaluated(hosts[1], "evidence of %s missing", hosts[1])
			return reportHosts(hosts...)(p)
		}
		checks = append(checks, c)
	}
	render := func(r *lint.Result) string {
		var b strings.Builder
		for _, f := range r.Findings {
			fmt.Fprintln(&b, f.Host, f.Location.Filename, f.Check, f.Message)
		}
		for _, n := range r.NotEvaluated {
			fmt.Fprintln(&b, n.Check, n.Host, n.Reason)
		}
		return b.String()
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want string
	for _, procs := range []int{1, 2, 8, 32} {
		runtime.GOMAXPROCS(procs)
		for range 5 {
			got := render(lint.Run(context.Background(), &inputs.Snapshot{}, checks, lint.Settings{}))
			if want == "" {
				want = got
			} else if got != want {
				t.Fatalf("GOMAXPROCS=%d gives another result:\n%s", procs, cmp.Diff(want, got))
			}
		}
	}
	if first, _, _ := strings.Cut(want, "\n"); !strings.HasPrefix(first, "as0 ") {
		t.Errorf("findings are not sorted by host first: %q", first)
	}
}

// TestSettingsOverrideSeverity checks that a configured severity replaces
// the check's default, which decides whether the run fails.
func TestSettingsOverrideSeverity(t *testing.T) {
	c := testCheck("as_noisy", reportHosts("as1"))
	set := lint.Settings{Severity: map[string]lint.Severity{"as_noisy": lint.Note}}
	r := lint.Run(context.Background(), &inputs.Snapshot{}, []*lint.Check{c}, set)
	if len(r.Findings) != 1 || r.Findings[0].Severity != lint.Note {
		t.Fatalf("findings = %+v, want one note", r.Findings)
	}
	if got := judge.New(r, judge.Notes{}).ExitCode(lint.Threshold(lint.Warning), lint.FailOnGaps); got != lint.ExitOK {
		t.Errorf("a note fails --fail-on warning: exit %d", got)
	}
	if got := judge.New(r, judge.Notes{}).ExitCode(lint.Threshold(lint.Note), lint.FailOnGaps); got != lint.ExitFindings {
		t.Errorf("a note does not fail --fail-on note: exit %d", got)
	}
}

// TestCanceledRunFailsEveryCheck checks that a canceled context is not a
// silent pass.
func TestCanceledRunFailsEveryCheck(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := lint.Run(ctx, &inputs.Snapshot{}, []*lint.Check{testCheck("as_a", reportHosts("as1"))}, lint.Settings{})
	if len(r.Failures) != 1 || len(r.Findings) != 0 {
		t.Fatalf("result = %+v, want one failure and no finding", r)
	}
}

// TestReportWithholdsSecrets checks that a finding about a secret key or a
// masked value loses its values before any report sees it.
func TestReportWithholdsSecrets(t *testing.T) {
	c := testCheck("as_secret", func(p *lint.Pass) error {
		p.Report(lint.Finding{Host: "as1", Message: "password differs",
			Logical: lint.Logical{Key: "provisioningPassword"}, Expected: "hunter2", Actual: "hunter3"})
		p.Report(lint.Finding{Host: "as1", Message: "masked", Logical: lint.Logical{Key: "token"}, Actual: "********"})
		return nil
	})
	r := lint.Run(context.Background(), &inputs.Snapshot{}, []*lint.Check{c}, lint.Settings{})
	for _, f := range r.Findings {
		if f.Expected != "" || f.Actual != "" || !f.Secret || f.Diff() != "" {
			t.Errorf("secret finding keeps values: %+v", f)
		}
	}
}
