package inputs

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
)

// load loads a snapshot and fails the test when the root cannot be read.
func load(t *testing.T, root string) *Snapshot {
	t.Helper()
	s, err := Load(root)
	if err != nil {
		t.Fatalf("Load(%s): %v", root, err)
	}
	return s
}

type hostSummary struct {
	Role     Role
	Release  string
	Commands int
	Files    int
}

func hostsOf(s *Snapshot) map[string]hostSummary {
	out := map[string]hostSummary{}
	for _, h := range s.Hosts {
		out[h.Name] = hostSummary{h.Role, h.Release.Text, len(h.Commands), len(h.Files)}
	}
	return out
}

func statusesOf(s *Snapshot) map[string]Status {
	out := map[string]Status{}
	for _, f := range s.Files {
		out[f.Path] = f.Status
	}
	return out
}

func problemsOf(s *Snapshot) []string {
	var out []string
	for _, p := range s.Problems {
		out = append(out, p.Error())
	}
	return out
}

func TestLoadExample(t *testing.T) {
	s := load(t, "../testdata/example")
	want := map[string]hostSummary{
		"as1":  {RoleAS, "24.0_1.944", 11, 8},
		"as2":  {RoleAS, "24.0_1.944", 11, 8},
		"xsp1": {RoleXSP, "24.0_1.944", 13, 11},
		"xsp2": {RoleXSP, "24.0_1.944", 13, 11},
	}
	if diff := cmp.Diff(want, hostsOf(s)); diff != "" {
		t.Errorf("hosts (-want +got):\n%s", diff)
	}
	if len(s.Problems) != 0 {
		t.Errorf("problems: %v", problemsOf(s))
	}
	if len(s.Files) != 43 {
		t.Errorf("%d files, want 43", len(s.Files))
	}
	for _, f := range s.Files {
		if f.Status != Parsed {
			t.Errorf("%s: status %s, want parsed", f.Path, f.Status)
		}
	}
	if len(s.Templates) != 1 || len(s.Clusters) != 1 || len(s.TagSets) != 2 {
		t.Errorf("%d templates, %d clusters, %d tag sets; want one template and one cluster, a tag set and the system default set", len(s.Templates), len(s.Clusters), len(s.TagSets))
	}
	// The value the README's example finding points at, with its position.
	kv, c, ok := s.Host("as2").Attr("interface/messaging", "provisioningUserId")
	if !ok || kv.Value.Text != "w4b-prov-admn" || kv.Span().Filename != "hosts/as2/interface-messaging.txt" ||
		kv.Span().Start.Line != 3 || c.Verb != "get" {
		t.Errorf("as2 provisioningUserId: %+v (command %+v, found %v)", kv, c, ok)
	}
}

func TestLoadUgly(t *testing.T) {
	s := load(t, "../testdata/ugly")
	want := map[string]hostSummary{
		"as1":  {RoleAS, "23.0_1.1075", 16, 6},
		"xsp1": {RoleXSP, "23.0_1.1075", 11, 7},
		"xsp2": {RoleXSP, "23.0_1.1075", 10, 7},
	}
	if diff := cmp.Diff(want, hostsOf(s)); diff != "" {
		t.Errorf("hosts (-want +got):\n%s", diff)
	}
	if len(s.Problems) != 0 {
		t.Errorf("problems: %v", problemsOf(s))
	}
	for _, f := range s.Files {
		if f.Status != Parsed {
			t.Errorf("%s: status %s, want parsed", f.Path, f.Status)
		}
	}
	encodings := map[string]source.Encoding{
		"hosts/as1/client-identity.txt":                     source.UTF16LE,
		"hosts/as1/devicetype-business-communicator-pc.txt": source.UTF8BOM,
		"devicemgmt/tagsets/system-default.tsv":             source.UTF16LE,
		"hosts/as1/container-options.txt":                   source.UTF8,
	}
	for p, enc := range encodings {
		if f := s.File(p); f == nil || f.Encoding != enc {
			t.Errorf("%s: file %+v, want encoding %s", p, f, enc)
		}
	}

	as1, xsp1, xsp2 := s.Host("as1"), s.Host("xsp1"), s.Host("xsp2")
	if kv, _, ok := as1.Attr("Interface/Messaging", "provisioningPassword"); !ok || !kv.Value.Masked() {
		t.Errorf("as1 provisioningPassword: %+v, %v; want masked", kv, ok)
	}
	// Abbreviated navigation ("sys;commu;def;ext;cert;get") is resolved
	// from the prompt that follows it.
	const certAuth = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
	for _, h := range []*Host{xsp1, xsp2} {
		kv, _, ok := h.Attr(certAuth, "allowUserApp")
		if !ok || kv.Value.Text != "false" || kv.Span().Filename != "hosts/"+h.Name+"/certificate-auth.txt" || kv.Span().Start.Line != 2 {
			t.Errorf("%s allowUserApp: %+v, %v", h.Name, kv, ok)
		}
	}
	// ANSI escapes: the value is clean, its range covers the original bytes.
	kv, _, ok := xsp1.Attr("System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService", "url")
	if !ok || kv.Value.Text != "http://127.0.0.1:80/authService" || kv.Value.Range().Start.Line != 2 || kv.Value.Range().Start.Column != 9 {
		t.Errorf("xsp1 url: %+v, %v", kv, ok)
	}
	if tbs := as1.Tables("maintenance/patching"); len(tbs) != 1 || len(tbs[0].Rows) != 3 || tbs[0].Footer.Text != "3 entries found." {
		t.Errorf("as1 patch tables: %+v", tbs)
	}
}

func TestLoadBroken(t *testing.T) {
	s := load(t, "../testdata/broken")
	wantStatus := map[string]Status{
		"devicemgmt/tagsets/bad.tsv":        Partial,
		"hosts/as1/garbage.bin.txt":         Failed,
		"hosts/as1/interface-messaging.txt": Parsed,
		"hosts/as1/notes.md":                Failed,
		"hosts/as1/patching.txt":            Partial,
		"hosts/xsp1/keys.sha256":            Failed,
		"hosts/xsp1/pasted.txt":             Failed,
		"partnerhub/clusters/c1.json":       Partial,
		"partnerhub/templates/bad.json":     Failed,
	}
	if diff := cmp.Diff(wantStatus, statusesOf(s)); diff != "" {
		t.Errorf("file statuses (-want +got):\n%s", diff)
	}
	wantProblems := []string{
		`devicemgmt/tagsets/bad.tsv:1:1: error: header is "Name", "Value", "Overridable": unknown columns "Name", "Value", "Overridable"; missing columns "Tag Name", "Tag Value", "Is Overridable"; want "Tag Name", "Tag Value", "Is Overridable" and optionally "Is Encrypted"`,
		`hosts/as1/garbage.bin.txt:1:4: error: file holds a NUL byte at offset 3: binary data, not a text capture`,
		`hosts/as1/notes.md: error: unknown input: host folders hold .txt transcripts, .sha256 digests and .xml OCI-P captures only (see docs/inputs.md)`,
		`hosts/as1/patching.txt:6:3: error: table row does not fit its header in the output of "listPatch": two values, "installed" and "2024-02-01", under column "State"`,
		`hosts/as1/patching.txt:8:1: warning: table footer says 3 entries but 2 rows were read`,
		`hosts/xsp1/keys.sha256:1:1: error: digest "f80970d8a5e12d52a364793fb77e74c2a5182e24..." has 63 characters; want 64 hex digits`,
		`hosts/xsp1/pasted.txt:1:1: error: no BroadWorks CLI prompt (such as "AS_CLI/Interface/Messaging> get"), bwshowver output or shell command that bwlint reads was found: nothing in this file was understood`,
		`partnerhub/clusters/c1.json:1:1: error: cluster is missing required field "name"`,
		`partnerhub/templates/bad.json:5:3: error: invalid JSON: expected ',' or '}' after object member, found '"'`,
	}
	if diff := cmp.Diff(wantProblems, problemsOf(s)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	// Every file is hashed, unknown ones included: reports list them as
	// evidence.
	for _, f := range s.Files {
		b, err := os.ReadFile(filepath.Join("../testdata/broken", f.Path))
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(b); f.SHA256 != hex.EncodeToString(sum[:]) || f.Size != int64(len(b)) {
			t.Errorf("%s: sha256 %q, size %d; want the digest and length of its %d bytes", f.Path, f.SHA256, f.Size, len(b))
		}
	}
	// Every problem inside a file that has text is positioned.
	for _, p := range s.Problems {
		if f := s.File(p.Range.Filename); f != nil && f.Kind != KindUnknown && p.Range.Start.Line == 0 {
			t.Errorf("problem without a position: %s", p.Error())
		}
	}
	// The bad files do not stop the good ones: as1 is an AS, its Messaging
	// values are readable, and the patch table keeps its two good rows.
	as1 := s.Host("as1")
	if as1 == nil || as1.Role != RoleAS {
		t.Fatalf("as1: %+v", as1)
	}
	if _, _, ok := as1.Attr("Interface/Messaging", "provisioningUrl"); !ok {
		t.Error("as1 Interface/Messaging provisioningUrl not read")
	}
	if tbs := as1.Tables("Maintenance/Patching"); len(tbs) != 1 || len(tbs[0].Rows) != 2 {
		t.Errorf("as1 patch tables: %+v", tbs)
	}
	if xsp1 := s.Host("xsp1"); xsp1 == nil || xsp1.Role != RoleUnknown || len(xsp1.Commands) != 0 {
		t.Errorf("xsp1: %+v; want a host with no evidence of its role", xsp1)
	}
	if !s.HasErrors() {
		t.Error("HasErrors() = false")
	}
}

type fileState struct {
	Size    int64
	Mode    fs.FileMode
	ModTime time.Time
	SHA256  [32]byte
}

// snapshotState records every file below root as it is on disk.
func snapshotState(t *testing.T, root string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[p] = fileState{st.Size(), st.Mode(), st.ModTime(), sha256.Sum256(b)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestLoadNeverWritesInputs(t *testing.T) {
	for _, root := range []string{"../testdata/example", "../testdata/ugly", "../testdata/broken"} {
		before := snapshotState(t, root)
		load(t, root)
		if diff := cmp.Diff(before, snapshotState(t, root)); diff != "" {
			t.Errorf("%s changed on disk (-before +after):\n%s", root, diff)
		}
	}
}

// TestLoadDeterministic loads each snapshot twice at each of two degrees of
// parallelism: files are read concurrently, and nothing of that may show.
func TestLoadDeterministic(t *testing.T) {
	// Compare everything, unexported fields included: the lookup maps
	// must agree as well as the exported lists.
	all := cmp.Options{
		cmp.Exporter(func(reflect.Type) bool { return true }),
		// A file's line table is built when a position is first asked
		// for; two loads agree when their files do.
		cmp.Comparer(func(a, b *source.File) bool {
			return a == b || a != nil && b != nil && a.Name() == b.Name() && a.Text() == b.Text()
		}),
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, root := range []string{"../testdata/example", "../testdata/ugly", "../testdata/broken"} {
		var first *Snapshot
		for _, procs := range []int{1, 4} {
			runtime.GOMAXPROCS(procs)
			for range 2 {
				s := load(t, root)
				if first == nil {
					first = s
					continue
				}
				if diff := cmp.Diff(first, s, all); diff != "" {
					t.Errorf("%s with GOMAXPROCS %d differs from the first load (-first +now):\n%s", root, procs, diff)
				}
			}
		}
	}
}

func TestLoadNotSnapshot(t *testing.T) {
	file := filepath.Join(t.TempDir(), "capture.txt")
	if err := os.WriteFile(file, []byte("AS_CLI> get\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{filepath.Join(t.TempDir(), "missing"), file} {
		s, err := Load(root)
		if !errors.Is(err, ErrNotSnapshot) || s != nil {
			t.Errorf("Load(%s) = %v, %v; want ErrNotSnapshot", root, s, err)
		}
	}
	if os.Geteuid() != 0 { // permissions do not stop root
		dir := filepath.Join(t.TempDir(), "locked")
		if err := os.Mkdir(dir, 0o000); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o700) //nolint:errcheck // best effort so TempDir can clean up
		if _, err := Load(dir); !errors.Is(err, ErrNotSnapshot) {
			t.Errorf("Load(unreadable dir) = %v; want ErrNotSnapshot", err)
		}
	}
}

// TestPolicyFileInSubfolder: only the root's .bwlint.hcl is the policy; one
// in a subfolder is not read, and that is said rather than left silent.
func TestPolicyFileInSubfolder(t *testing.T) {
	root := writeFiles(t, map[string]string{
		".bwlint.hcl":              `lint { fail_on = "none" }`,
		"hosts/xsp1/bwshowver.txt": xspShowVer24,
		"hosts/xsp1/.bwlint.hcl":   `waiver "x" {}`,
	})
	s := load(t, root)
	want := []string{"hosts/xsp1/.bwlint.hcl: warning: policy file not read: bwlint reads .bwlint.hcl only at the snapshot root (or the file --config names); this one changes nothing"}
	if diff := cmp.Diff(want, problemsOf(s)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if s.HasErrors() || len(s.Files) != 1 {
		t.Errorf("HasErrors %v, %d files; want a warning and the one capture", s.HasErrors(), len(s.Files))
	}
}

// TestTotalSizeLimit: a snapshot whose files add up to more than the limit
// is refused before any file is read, with the numbers.
func TestTotalSizeLimit(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"hosts/xsp1/bwshowver.txt": xspShowVer24,
		"hosts/xsp2/bwshowver.txt": xspShowVer24,
	})
	size := int64(2 * len(xspShowVer24))
	if _, err := LoadWith(root, LoadOptions{MaxTotalSize: size}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	s, err := LoadWith(root, LoadOptions{MaxTotalSize: size - 1})
	want := fmt.Sprintf("snapshot too large: its 2 files hold %d bytes, more than the limit of %d (raise it with --max-snapshot-size)", size, size-1)
	if !errors.Is(err, ErrTooLarge) || s != nil || err.Error() != want {
		t.Errorf("over the limit: %v, %v; want %q", s, err, want)
	}
}
