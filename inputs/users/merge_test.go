package users

import (
	"fmt"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// val makes a value read from file at line.
func val(file string, line int, text string) source.Value {
	return source.Value{Text: text, Loc: source.LocOf(hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line, Column: 1 + len(text)}})}
}

func where(v source.Value) string {
	if !v.Present() {
		return "-"
	}
	return fmt.Sprintf("%s@%s:%d", v.Text, v.Loc.Filename(), v.Range().Start.Line)
}

func TestMerge(t *testing.T) {
	detail := &User{
		UserID:       val("a.xml", 1, "alice@example.com"),
		FirstName:    val("a.xml", 2, "Alice"),
		EmailAddress: val("a.xml", 3, "alice@example.com"),
		GroupID:      val("a.xml", 4, "G1"),
		Devices:      []Device{{Level: val("a.xml", 5, "Group"), Name: val("a.xml", 5, "alice-pc")}},
		Range:        hcl.Range{Filename: "a.xml", Start: hcl.Pos{Line: 1}},
	}
	services := &User{
		UserID:   val("b.xml", 1, "ALICE@example.com"),
		Services: []source.Value{val("b.xml", 2, "Integrated IMP"), val("b.xml", 3, "Call Waiting")},
		Devices: []Device{
			{Level: val("b.xml", 4, "Group"), Name: val("b.xml", 4, "alice-pc"), Type: val("b.xml", 4, "Business Communicator - PC")},
			{Level: val("b.xml", 5, "Group"), Name: val("b.xml", 5, "alice-mobile"), Shared: true},
		},
	}
	csv := &User{
		UserID:       val("u.csv", 2, "alice@example.com"),
		FirstName:    val("u.csv", 2, "Alice"),
		LastName:     val("u.csv", 2, "Smith"),
		EmailAddress: val("u.csv", 2, "alice@corp.example"),
		Services:     []source.Value{val("u.csv", 2, "integrated imp")},
	}
	bob := &User{UserID: val("u.csv", 3, "bob@example.com")}
	got, conflicts := Merge([]*User{detail, services, bob, csv})
	if len(got) != 2 || got[0].UserID.Text != "alice@example.com" || got[1].UserID.Text != "bob@example.com" {
		t.Fatalf("Merge gave %d users, want alice then bob", len(got))
	}
	a := got[0]
	var summary []string
	summary = append(summary, "first "+where(a.FirstName), "last "+where(a.LastName), "email "+where(a.EmailAddress), "range "+a.Range.Filename)
	for _, s := range a.Services {
		summary = append(summary, "service "+where(s))
	}
	for _, d := range a.Devices {
		summary = append(summary, fmt.Sprintf("device %s type %s shared %v", where(d.Name), where(d.Type), d.Shared))
	}
	want := []string{
		"first Alice@a.xml:2",
		"last Smith@u.csv:2",
		"email alice@example.com@a.xml:3",
		"range a.xml",
		"service Integrated IMP@b.xml:2",
		"service Call Waiting@b.xml:3",
		"device alice-pc@a.xml:5 type Business Communicator - PC@b.xml:4 shared false",
		"device alice-mobile@b.xml:5 type - shared true",
	}
	if diff := cmp.Diff(want, summary); diff != "" {
		t.Errorf("merged alice (-want +got):\n%s", diff)
	}
	var gotConflicts []string
	for _, c := range conflicts {
		gotConflicts = append(gotConflicts, fmt.Sprintf("%s %s: kept %s, other %s", c.UserID, c.Field, where(c.Kept), where(c.Other)))
	}
	wantConflicts := []string{"alice@example.com emailAddress: kept alice@example.com@a.xml:3, other alice@corp.example@u.csv:2"}
	if diff := cmp.Diff(wantConflicts, gotConflicts); diff != "" {
		t.Errorf("conflicts (-want +got):\n%s", diff)
	}
	if len(detail.Devices) != 1 || detail.Devices[0].Type.Present() || len(detail.Services) != 0 {
		t.Error("Merge modified a record passed in")
	}
}

func TestAttachDeviceTypes(t *testing.T) {
	u := &User{
		UserID:            val("a.xml", 1, "alice@example.com"),
		ServiceProviderID: val("a.xml", 2, "SP1"),
		GroupID:           val("a.xml", 3, "G1"),
		Devices: []Device{
			{Level: val("a.xml", 4, "Group"), Name: val("a.xml", 4, "alice-pc")},
			{Level: val("a.xml", 5, "Service Provider"), Name: val("a.xml", 5, "shared-dev")},
			{Level: val("a.xml", 6, "System"), Name: val("a.xml", 6, "sys-dev")},
			{Level: val("a.xml", 7, "Group"), Name: val("a.xml", 7, "known"), Type: val("a.xml", 7, "Kept")},
			{Level: val("a.xml", 8, "Group"), Name: val("a.xml", 8, "elsewhere")},
		},
	}
	devices := []AccessDevice{
		{Level: "Group", ServiceProviderID: val("d.xml", 1, "sp1"), GroupID: val("d.xml", 1, "g1"), Name: val("d.xml", 1, "alice-pc"), Type: val("d.xml", 1, "Business Communicator - PC")},
		{Level: "Service Provider", ServiceProviderID: val("d.xml", 2, "SP1"), Name: val("d.xml", 2, "shared-dev"), Type: val("d.xml", 2, "Polycom VVX 400")},
		{Level: "System", Name: val("d.xml", 3, "sys-dev"), Type: val("d.xml", 3, "Generic SIP Phone")},
		{Level: "Group", ServiceProviderID: val("d.xml", 4, "SP1"), GroupID: val("d.xml", 4, "G1"), Name: val("d.xml", 4, "known"), Type: val("d.xml", 4, "Other")},
		{Level: "Group", ServiceProviderID: val("d.xml", 5, "SP1"), GroupID: val("d.xml", 5, "G2"), Name: val("d.xml", 5, "elsewhere"), Type: val("d.xml", 5, "Wrong Group")},
	}
	AttachDeviceTypes([]*User{u}, devices)
	var got []string
	for _, d := range u.Devices {
		got = append(got, where(d.Type))
	}
	want := []string{"Business Communicator - PC@d.xml:1", "Polycom VVX 400@d.xml:2", "Generic SIP Phone@d.xml:3", "Kept@a.xml:7", "-"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("device types (-want +got):\n%s", diff)
	}
}

func TestHasService(t *testing.T) {
	u := &User{Services: []source.Value{val("u.csv", 1, "integrated  IMP")}}
	if !u.HasService(ServiceIntegratedIMP) || !u.HasService("IntegratedIMP") || u.HasService("Integrated") {
		t.Error("HasService compares names without case and spacing, and whole names only")
	}
}

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"integrated imp":  "integratedimp",
		"Integrated IMP":  "integratedimp",
		" User\tId ":      "userid",
		"userid":          "userid",
		"Ångström  Café":  "ångströmcafé",
		"service_1-a.b@c": "service_1-a.b@c",
	} {
		if got := foldName(in); got != want {
			t.Errorf("foldName(%q) = %q, want %q", in, got, want)
		}
	}
}
