package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseHostileXML: an OCI-P capture with an entity declaration is
// refused, the run exits 2, and nothing is expanded in any output.
func TestParseHostileXML(t *testing.T) {
	root := t.TempDir()
	b, err := os.ReadFile("../../inputs/ocip/testdata/billion-laughs.xml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "ocip"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "ocip", "laughs.xml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"parse", root}, {"parse", "--format", "json", root}, {"lint", root}} {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"bwlint"}, args...), &stdout, &stderr)
		if code != exitInput {
			t.Errorf("bwlint %s: exit %d, want %d; %s", strings.Join(args, " "), code, exitInput, stderr.String())
		}
		if stdout.Len() > 1<<20 || !strings.Contains(stdout.String(), "ocip/laughs.xml") {
			t.Errorf("bwlint %s: %d bytes of output, the file not named", strings.Join(args, " "), stdout.Len())
		}
	}
}

// TestParseJSONChannels: each new kind of file is listed with what it
// gave; a response bwlint has no use for is listed with its fields.
func TestParseJSONChannels(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"bwlint", "parse", "--format", "json", "../../testdata/channels/layout"}, &stdout, &stderr); code != exitInput {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var doc struct {
		Version int `json:"version"`
		Files   []struct{ Path, Kind, Status string }
		OCIP    []struct {
			Path     string
			Commands []struct {
				Name, Kind, Contribution string
				Fields                   []struct{ Key string }
			}
		} `json:"ocip"`
		DeviceTypes []json.RawMessage `json:"device_types"`
		Users       []json.RawMessage `json:"users"`
		IMP         []json.RawMessage `json:"integrated_imp"`
		UserCSVs    []json.RawMessage `json:"user_csvs"`
		WMS         struct {
			Users    []struct{ Encoding string }
			SSO      []json.RawMessage
			Settings *json.RawMessage
		} `json:"wms"`
		PSLogs    []struct{ Exchanges []struct{ Status string } } `json:"pslogs"`
		Conflicts []json.RawMessage                               `json:"conflicts"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 {
		t.Errorf("version %d, want 1", doc.Version)
	}
	kinds := map[string]bool{}
	for _, f := range doc.Files {
		kinds[f.Kind] = true
	}
	for _, k := range []string{"ocip", "users", "wms-users", "wms-sso", "wms-settings", "pslog"} {
		if !kinds[k] {
			t.Errorf("no file of kind %s", k)
		}
	}
	kept := false
	for _, f := range doc.OCIP {
		for _, c := range f.Commands {
			if c.Name == "SystemDomainGetListResponse22" && c.Contribution == "" && len(c.Fields) == 2 {
				kept = true
			}
		}
	}
	if !kept {
		t.Error("the response bwlint has no use for is not listed with its two fields")
	}
	if len(doc.DeviceTypes) == 0 || len(doc.Users) != 3 || len(doc.IMP) != 3 || len(doc.UserCSVs) != 1 ||
		len(doc.WMS.Users) != 1 || doc.WMS.Users[0].Encoding != "UTF-16LE" || len(doc.WMS.SSO) != 1 || doc.WMS.Settings == nil ||
		len(doc.PSLogs) != 1 || len(doc.PSLogs[0].Exchanges) != 3 || doc.Conflicts == nil {
		t.Errorf("channels: %d device types, %d users, %d IM&P, %d user CSVs, WMS %+v, PSLogs %+v, conflicts %v",
			len(doc.DeviceTypes), len(doc.Users), len(doc.IMP), len(doc.UserCSVs), doc.WMS, doc.PSLogs, doc.Conflicts)
	}
}
