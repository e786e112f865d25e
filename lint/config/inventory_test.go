package config_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
)

func TestHostOverride(t *testing.T) {
	cfg := parse(t, `
host "as2" {
  release = "23.0"
}
host "xsp2" {
  role = "as"
}
`)
	snap := loadWith(t, exampleSnapshot, cfg.Inventory())
	if diags := cfg.CheckInventory(snap); len(diags) > 0 {
		t.Fatal(render(diags, cfg))
	}
	as2 := snap.Host("as2")
	// The release now comes from the policy file, and says so.
	if diff := cmp.Diff(source.Value{Text: "23.0", Loc: source.LocOf(as2.Release.Range())}, as2.Release); diff != "" {
		t.Error(diff)
	}
	if r := as2.Release.Range(); r.Filename != "test.hcl" || r.Start.Line != 3 || r.Start.Column != 14 || r.End.Column != 18 {
		t.Errorf("release range %v does not point at 23.0 in test.hcl", r)
	}
	if xsp2 := snap.Host("xsp2"); xsp2.Role != inputs.RoleAS || xsp2.RoleEvidence.Loc.Filename() != "test.hcl" {
		t.Errorf("xsp2 role %q from %v, want as from test.hcl", xsp2.Role, xsp2.RoleEvidence.Range())
	}
}

// TestHostOverrideReachesChecks shows a check using the overridden
// release: as2 declared R23 needs the R23 patch, not the R24 one.
func TestHostOverrideReachesChecks(t *testing.T) {
	cfg := parse(t, `host "as2" { release = "23.0" }`)
	res := run(t, cfg)
	fs := findingsOf(res, "as_required_patches")
	if len(fs) != 1 || fs[0].Logical.Key != "Patch Name=AP.as.23.0.1075.ap373197" {
		t.Errorf("findings %+v, want the R23 patch missing on as2", fs)
	}
}

func TestClusterOverride(t *testing.T) {
	cfg := parse(t, `
cluster "bw-cluster-1" {
  xsps = ["xsp1"]
}
cluster "bw-cluster-2" {
  xsps                = ["xsp2"]
  application_servers = ["as3"]
}
`)
	snap := loadWith(t, exampleSnapshot, cfg.Inventory())
	if diags := cfg.CheckInventory(snap); len(diags) > 0 {
		t.Fatal(render(diags, cfg))
	}
	type members struct{ Name, Path, XSPs, AS string }
	got := []members{}
	for _, c := range snap.Clusters {
		got = append(got, members{c.Name.Text, c.Path, texts(c.XSPs), texts(c.ApplicationServers)})
	}
	want := []members{
		// Overridden: the xsps list is replaced, application servers kept.
		{"bw-cluster-1", "partnerhub/clusters/bw-cluster-1.json", "xsp1", "as1 as2"},
		// Added: a cluster the snapshot has no file for.
		{"bw-cluster-2", "test.hcl", "xsp2", "as3"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("clusters (-want +got):\n%s", diff)
	}
	if parsed := loadSnapshot(t, exampleSnapshot).Clusters[0]; len(parsed.XSPs) != 2 {
		t.Error("without the inventory, the cluster is not as its file says")
	}
	if r := snap.Clusters[0].XSPs[0].Range(); r.Filename != "test.hcl" || r.Start.Line != 3 {
		t.Errorf("overridden member range %v is not in test.hcl line 3", r)
	}
}

// TestClusterOverrideReachesChecks: the check sees the members the policy
// gives, including one the snapshot has no captures of.
func TestClusterOverrideReachesChecks(t *testing.T) {
	cfg := parse(t, `cluster "bw-cluster-1" { xsps = ["xsp1", "xsp2", "xsp3"] }`)
	res := run(t, cfg)
	got := describe(res, func(c string) bool { return c == "xsp_authservice_keys_match" })
	want := `evidence gap xsp_authservice_keys_match xsp3: bw-cluster-1 lists XSP "xsp3" but the snapshot has no hosts/xsp3/ folder` + "\n" +
		"  capture into hosts/xsp3/authservice-keys.sha256: XSP_CLI/Applications/authenticationService/KeyManagement> exportKeys | $ sha256sum /var/broadworks/tmp/authService.keys\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func texts(vs []source.Value) string {
	s := ""
	for i, v := range vs {
		if i > 0 {
			s += " "
		}
		s += v.Text
	}
	return s
}
