package checks

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/google/go-cmp/cmp"
)

// channelChecks are the checks that read tag sets and device types, which
// both channels carry.
var channelChecks = []string{"as_webex_device_types", "dm_call_settings_webview_tags", "dm_sbc_address_wxt", "dm_tag_conflicts", "dm_tag_names_valid"}

// channelOutcome is what the channel checks said about a snapshot, without
// the files and positions that differ between channels: each finding's
// check, severity, host, message, identity and values, and each gap and
// not-evaluated reason, sorted.
func channelOutcome(t *testing.T, snap *inputs.Snapshot) []string {
	t.Helper()
	var selected []*lint.Check
	for _, c := range All() {
		if slices.Contains(channelChecks, c.Name) {
			selected = append(selected, c)
		}
	}
	res := lint.Run(context.Background(), snap, selected, lint.Settings{})
	for _, f := range res.Failures {
		t.Fatalf("check %s failed: %s", f.Check, f.Err)
	}
	var out []string
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("finding %s %s host=%q %q in %q key %q expected %q actual %q secret %v related %d",
			f.Check, f.Severity, f.Host, f.Message, f.Logical.Context, f.Logical.Key, f.Expected, f.Actual, f.Secret, len(f.Related)))
	}
	for _, g := range res.Gaps {
		out = append(out, fmt.Sprintf("gap %s host=%q %s", g.Check, g.Host, g.Reason))
	}
	for _, n := range res.NotEvaluated {
		out = append(out, fmt.Sprintf("not evaluated %s host=%q partial=%v %s", n.Check, n.Host, n.Partial, n.Reason))
	}
	slices.Sort(out)
	return out
}

// TestChannelsGiveSameFindings: one deployment whose tag sets and device
// types come as tag-set files and AS CLI captures, and the same data as
// OCI-P responses alone, or half of each, give the same findings, gaps and
// not-evaluated reasons from every check that reads them.
func TestChannelsGiveSameFindings(t *testing.T) {
	const root = "../testdata/channels-equivalence"
	tsv := loadSnapshot(t, filepath.Join(root, "tsv"))
	ocip := loadSnapshot(t, filepath.Join(root, "ocip"))
	// Each snapshot holds one channel only, so that neither check can
	// lean on the other's captures.
	if len(tsv.Captured.OCIP) != 0 || len(tsv.Captured.TagSetFiles) == 0 || len(tsv.Captured.CLIDeviceTypes) == 0 {
		t.Fatalf("tsv/ must hold tag-set files and CLI device types only")
	}
	if len(ocip.Captured.OCIP) == 0 || len(ocip.Captured.TagSetFiles) != 0 || len(ocip.Captured.CLIDeviceTypes) != 0 {
		t.Fatalf("ocip/ must hold OCI-P captures only")
	}
	want := channelOutcome(t, tsv)
	for _, s := range []*inputs.Snapshot{tsv, ocip} {
		if len(s.Problems) != 0 || len(s.Conflicts) != 0 {
			t.Errorf("%s: problems %v, conflicts %v", s.Root, s.Problems, s.Conflicts)
		}
	}
	for name, snap := range map[string]*inputs.Snapshot{"ocip": ocip, "mixed": mixedChannels(t, root)} {
		if diff := cmp.Diff(want, channelOutcome(t, snap)); diff != "" {
			t.Errorf("%s gives other results than tsv (-tsv +%s):\n%s", name, name, diff)
		}
	}
	// The comparison proves something only if every check found
	// something, and no secret reached a message.
	for _, c := range channelChecks {
		if !slices.ContainsFunc(want, func(s string) bool { return strings.HasPrefix(s, "finding "+c+" ") }) {
			t.Errorf("%s reports nothing on the fixture; give it a problem to find", c)
		}
	}
	for _, s := range want {
		if strings.Contains(s, "s3cret") {
			t.Errorf("a secret tag value is shown: %s", s)
		}
	}
	if !slices.ContainsFunc(want, func(s string) bool {
		return strings.Contains(s, "%SIP_PASSWORD_WXT%") && strings.HasSuffix(s, "secret true related 1")
	}) {
		t.Error("the conflict on the secret tag is not reported as secret")
	}
}

// mixedChannels is the deployment with its tag sets from the tag-set files
// and its device types from OCI-P.
func mixedChannels(t *testing.T, root string) *inputs.Snapshot {
	t.Helper()
	dir := t.TempDir()
	for from, to := range map[string]string{
		"tsv/devicemgmt/tagsets/Webex.tsv":          "devicemgmt/tagsets/Webex.tsv",
		"tsv/devicemgmt/tagsets/system-default.tsv": "devicemgmt/tagsets/system-default.tsv",
		"ocip/ocip/devicetypes.xml":                 "ocip/devicetypes.xml",
		"ocip/hosts/as1/bwshowver.txt":              "hosts/as1/bwshowver.txt",
		"ocip/hosts/xsp1/bwshowver.txt":             "hosts/xsp1/bwshowver.txt",
	} {
		b, err := os.ReadFile(filepath.Join(root, from))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(to))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return loadSnapshot(t, dir)
}

func loadSnapshot(t *testing.T, dir string) *inputs.Snapshot {
	t.Helper()
	s, err := inputs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
