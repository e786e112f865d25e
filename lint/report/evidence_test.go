package report

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
)

// TestManifestIsSha256sum holds the manifest to what an auditor computes
// from the files they were handed: sha256sum run at the snapshot root
// over the listed paths prints the manifest's text, and sha256sum of that
// text prints the manifest digest. Names with a backslash or a newline
// are escaped as GNU sha256sum escapes them.
func TestManifestIsSha256sum(t *testing.T) {
	if _, err := exec.LookPath("sha256sum"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("sha256sum is not installed")
		}
		t.Skip("sha256sum is not installed")
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"hosts/as1/interface-messaging.txt": "AS_CLI/Interface/Messaging> get\n",
		"hosts/as1/odd\\name.txt":           "x\n",
		"hosts/as1/two\nlines.txt":          "y\n",
		"partnerhub/templates/eu.json":      "{}\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, root := range []string{"../../testdata/example", dir} {
		snap, err := inputs.Load(root)
		if err != nil {
			t.Fatal(err)
		}
		pack := NewEvidencePack(snap)
		var paths []string
		for _, f := range pack.Files {
			paths = append(paths, f.Path)
		}
		cmd := exec.Command("sha256sum", append([]string{"--"}, paths...)...)
		cmd.Dir, cmd.Env = root, append(os.Environ(), "LC_ALL=C")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("sha256sum: %v", err)
		}
		if got := Manifest(pack.Files).Text(); got != string(out) {
			t.Errorf("%s: the manifest is not what sha256sum prints:\n%s\nsha256sum:\n%s", root, got, out)
		}
		sum := sha256.Sum256(out)
		if want := hex.EncodeToString(sum[:]); pack.ManifestSHA256 != want {
			t.Errorf("%s: manifest digest %s, sha256sum of the listing %s", root, pack.ManifestSHA256, want)
		}
		if root == dir && !strings.Contains(string(out), `  hosts/as1/two\nlines.txt`) {
			t.Errorf("the odd names were not escaped by sha256sum itself, so the test proves nothing:\n%s", out)
		}
	}
}

// TestEvidencePackTimes: a file's capture time is its recording tool's
// header where there is one, else its modification time, labelled so.
func TestEvidencePackTimes(t *testing.T) {
	for dir, want := range map[string][2]string{
		"script": {"2026-01-02T10:11:12Z", "script"},
		"putty":  {"2026-01-02T10:20:00", "putty"},
		"cut":    {testFileTime.Format("2006-01-02T15:04:05Z"), CapturedFromFileTime},
	} {
		snap, err := inputs.Load(filepath.Join("../../testdata/shapes", dir))
		if err != nil {
			t.Fatal(err)
		}
		pinFileTimes(snap)
		for _, f := range NewEvidencePack(snap).Files {
			if got := [2]string{f.CapturedAt, f.CapturedFrom}; got != want {
				t.Errorf("%s/%s: captured %v, want %v", dir, f.Path, got, want)
			}
		}
	}
}
