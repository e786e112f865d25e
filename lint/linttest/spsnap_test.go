package linttest_test

import (
	"context"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/linttest"
	"github.com/google/go-cmp/cmp"
)

// small is a service provider's snapshot small enough for a test: two
// clusters, so every shape of host and file is written.
var small = linttest.SPSnapshot{XSPs: 24, ASes: 8, TagSets: 10, Clusters: 2, Seed: 7}

// sums maps every file under dir to the SHA-256 of its bytes.
func sums(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, s linttest.SPSnapshot) (string, linttest.SPStats) {
	t.Helper()
	dir := t.TempDir()
	st, err := s.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, st
}

func TestSPSnapshotIsDeterministic(t *testing.T) {
	a, sa := write(t, small)
	b, sb := write(t, small)
	if sa != sb {
		t.Errorf("two writes of one seed: %+v and %+v", sa, sb)
	}
	if diff := cmp.Diff(sums(t, a), sums(t, b)); diff != "" {
		t.Errorf("two writes of one seed differ (-first +second):\n%s", diff)
	}
	other := small
	other.Seed++
	c, _ := write(t, other)
	if cmp.Equal(sums(t, a), sums(t, c)) {
		t.Error("another seed wrote the same bytes")
	}
}

// TestSPSnapshotLints holds the generated snapshot to what its benchmarks
// rely on: every file read without a problem, no evidence gap, and the
// findings of the hosts and tag sets it breaks on purpose.
func TestSPSnapshotLints(t *testing.T) {
	dir, st := write(t, small)
	snap, err := inputs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Files) != st.Files {
		t.Errorf("%d files loaded, %d written", len(snap.Files), st.Files)
	}
	encodings := map[string]int{}
	for _, f := range snap.Files {
		encodings[string(f.Encoding)]++
	}
	if encodings["utf-16le"] == 0 || encodings["utf-8"] == 0 {
		t.Errorf("encodings %v: the snapshot should mix UTF-8 and UTF-16 files", encodings)
	}
	for _, p := range snap.Problems {
		t.Errorf("input problem: %s", p)
	}
	// Hosts show some contexts in more than one capture, as operators
	// capture them again; the copies agree, so no input problem says
	// which one was used.
	repeated := 0
	for _, h := range snap.Hosts {
		for _, c := range h.Commands {
			if c.SupersededBy != nil && c.SupersededBy.Loc.Filename() != c.Loc.Filename() {
				repeated++
			}
		}
	}
	if repeated == 0 {
		t.Error("no host shows a context in two captures")
	}
	res := lint.Run(context.Background(), snap, checks.All(), lint.Settings{})
	for _, g := range res.Gaps {
		t.Errorf("evidence gap: %s on %s: %s", g.Check, g.Host, g.Reason)
	}
	var fired []string
	for _, f := range res.Findings {
		if !slices.Contains(fired, f.Check) {
			fired = append(fired, f.Check)
		}
	}
	slices.Sort(fired)
	want := []string{"as_required_patches", "dm_call_settings_webview_tags", "dm_tag_names_valid", "xsp_certificate_auth_flags", "xsp_farm_drift"}
	if diff := cmp.Diff(want, fired); diff != "" {
		t.Errorf("checks with findings (-want +got):\n%s", diff)
	}

	repaired := small
	repaired.Repaired = true
	rdir, _ := write(t, repaired)
	before, after := sums(t, dir), sums(t, rdir)
	changed := 0
	for p, sum := range before {
		if after[p] != sum {
			changed++
		}
	}
	if len(after) != len(before) || changed == 0 || changed > len(before)/10 {
		t.Errorf("repairing changed %d of %d files (%d after): a review's after should differ from its before in a few files", changed, len(before), len(after))
	}
}
