package bwcli

import (
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
)

// TestLookups covers what checks use to find values: contexts and names
// compare case-insensitively, masked values and Y/N booleans read as such.
func TestLookups(t *testing.T) {
	text := "AS_CLI/Interface/Messaging> get\n" +
		"  provisioningPassword = ********\n" +
		"  enableSynchronization = Y\n" +
		"  enableSynchronization = N\n" +
		"AS_CLI/Maintenance/ContainerOptions> get\n" +
		"  Container Name   Option Name  Option Value\n" +
		"=============================================\n" +
		"    provisioning  bw.imp.useProvisioningUrl  true\n"
	tr, probs := Parse("f.txt", text)
	if len(probs) != 0 || len(tr.Commands) != 2 {
		t.Fatalf("got %d commands and problems %v", len(tr.Commands), probs)
	}
	msg, opts := tr.Commands[0], tr.Commands[1]

	for _, ctx := range []string{"Interface/Messaging", "interface/MESSAGING", "/Interface/Messaging/"} {
		if !msg.In(ctx) {
			t.Errorf("In(%q) = false", ctx)
		}
	}
	if msg.In("Interface") || msg.In("Interface/Messaging/Other") {
		t.Error("In matches a different context")
	}
	if !SameContext("Applications/AuthenticationService", "applications/authenticationService") {
		t.Error("SameContext is case-sensitive")
	}

	pw, ok := msg.Attr("PROVISIONINGPASSWORD")
	if !ok || !pw.Value.Masked() {
		t.Errorf("provisioningPassword: %+v, %v; want a masked value", pw, ok)
	}
	// The last of two values wins: a later line is what the server printed last.
	sync, ok := msg.Attr("enableSynchronization")
	if !ok || sync.Span().Start.Line != 4 {
		t.Fatalf("enableSynchronization: %+v, %v", sync, ok)
	}
	if v, ok := source.Bool(sync.Value.Text); !ok || v {
		t.Errorf("Bool(%q) = %v, %v; want false, true", sync.Value.Text, v, ok)
	}
	if _, ok := msg.Attr("missing"); ok {
		t.Error("Attr found a missing key")
	}

	tb := opts.Tables[0]
	got := []int{tb.Column("container name"), tb.Column("Container   Name"), tb.Column("OPTION VALUE"), tb.Column("nope")}
	if diff := cmp.Diff([]int{0, 0, 2, -1}, got); diff != "" {
		t.Errorf("Column (-want +got):\n%s", diff)
	}
	row := tb.Rows[0]
	if row.Cell(2).Text != "true" || row.Cell(-1).Present() || row.Cell(3).Present() {
		t.Errorf("Cell: %q, %v, %v", row.Cell(2).Text, row.Cell(-1).Present(), row.Cell(3).Present())
	}
}
