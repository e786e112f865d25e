package devicetype

import (
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

func val(file string, line int, text string) source.Value {
	return source.Value{Text: text, Loc: source.LocOf(hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: 1}})}
}

func TestPortCount(t *testing.T) {
	tests := []struct {
		d                 Detail
		n                 int
		unlimited, usable bool
	}{
		{Detail{UnlimitedPorts: val("f", 1, "true")}, 0, true, true},
		{Detail{Ports: val("f", 1, "Unlimited")}, 0, true, true},
		{Detail{Ports: val("f", 1, " 10 ")}, 10, false, true},
		{Detail{Ports: val("f", 1, "0")}, 0, false, false},
		{Detail{Ports: val("f", 1, "ten")}, 0, false, false},
		{Detail{}, 0, false, false},
	}
	for _, tt := range tests {
		n, unlimited, ok := tt.d.PortCount()
		if n != tt.n || unlimited != tt.unlimited || ok != tt.usable {
			t.Errorf("PortCount(ports %q, unlimited %q) = %d, %v, %v; want %d, %v, %v",
				tt.d.Ports.Text, tt.d.UnlimitedPorts.Text, n, unlimited, ok, tt.n, tt.unlimited, tt.usable)
		}
	}
}

func TestMerge(t *testing.T) {
	detail := &Detail{TagSet: val("pc.xml", 9, "Webex")}
	list := []*DeviceType{
		{Name: val("list.xml", 3, "Business Communicator - PC"), Profile: val("list.xml", 3, "Intelligent Proxy Addressing"), Obsolete: val("list.xml", 3, "false")},
		{Name: val("list.xml", 4, "Connect - Mobile"), Obsolete: val("list.xml", 4, "false")},
		{Name: val("pc.xml", 1, "Business Communicator - PC"), Obsolete: val("pc.xml", 2, "true"), Detail: detail},
		{Name: val("other.xml", 1, "business communicator - pc"), Detail: &Detail{}},
	}
	got := Merge(list)
	if len(got) != 3 {
		t.Fatalf("Merge gave %d types, want 3 (names are compared exactly)", len(got))
	}
	pc := got[0]
	if pc.Detail != detail || pc.Obsolete.Loc.Filename() != "list.xml" || pc.Profile.Text != "Intelligent Proxy Addressing" {
		t.Errorf("merged type: detail %p (want %p), obsolete from %s (want the first capture, list.xml)", pc.Detail, detail, pc.Obsolete.Loc.Filename())
	}
	if list[0].Detail != nil {
		t.Error("Merge modified a type passed in")
	}
	if obsolete, ok := pc.IsObsolete(); !ok || obsolete {
		t.Errorf("IsObsolete = %v, %v; want false, true", obsolete, ok)
	}
}

func TestDetailAttr(t *testing.T) {
	d := &Detail{Attrs: []Attr{{Key: val("f", 1, "deviceAccessContext"), Path: "cpeDeviceOptions/deviceManagementDeviceTypeOptions/deviceAccessContext", Value: val("f", 1, "dms")}}}
	for _, key := range []string{"DeviceAccessContext", "cpeDeviceOptions/deviceManagementDeviceTypeOptions/deviceAccessContext"} {
		if v, ok := d.Attr(key); !ok || v.Text != "dms" {
			t.Errorf("Attr(%q) = %q, %v", key, v.Text, ok)
		}
	}
	if _, ok := d.Attr("deviceAccessURI"); ok {
		t.Error("Attr found an attribute that is not there")
	}
}
