//go:build unix

package inputs

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestSymlinkToFIFO checks that a link to a named pipe is reported instead
// of blocking the run forever on open, even when links may lead outside
// the snapshot.
func TestSymlinkToFIFO(t *testing.T) {
	root := writeFiles(t, map[string]string{"hosts/xsp1/bwshowver.txt": xspShowVer24})
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// A capture and an unknown file, which is only hashed: neither may
	// block.
	for _, name := range []string{"pipe.txt", "notes.log"} {
		if err := os.Symlink(fifo, filepath.Join(root, "hosts", "xsp1", name)); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan *Snapshot, 1)
	go func() {
		s, err := LoadWith(root, LoadOptions{FollowLinks: true})
		if err != nil {
			t.Error(err)
		}
		done <- s
	}()
	select {
	case s := <-done:
		probs := problemsOf(s)
		if len(probs) != 2 || !strings.Contains(probs[0], "hosts/xsp1/notes.log: error: unknown input") ||
			!strings.Contains(probs[1], "hosts/xsp1/pipe.txt: error: cannot read: not a regular file but a named pipe") {
			t.Errorf("problems = %v", probs)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocks on a symbolic link to a FIFO")
	}
}

// TestSymlinkedRoot checks that a snapshot named through a symbolic link
// is read like the directory it leads to.
func TestSymlinkedRoot(t *testing.T) {
	root := writeFiles(t, map[string]string{"hosts/xsp1/bwshowver.txt": xspShowVer24})
	link := filepath.Join(t.TempDir(), "captures")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	s := load(t, link)
	if len(s.Files) != 1 || len(s.Problems) != 0 || s.Root != link {
		t.Errorf("through a link: %d files, problems %v, root %q", len(s.Files), problemsOf(s), s.Root)
	}
}

// TestLinksStayInside: a link inside the snapshot that leads out of it is
// refused unless links may be followed, and what it leads to is never
// read, hashed or quoted; links within the snapshot are read as the file
// they lead to; a linked directory is never walked.
func TestLinksStayInside(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"hosts/xsp1/bwshowver.txt":         xspShowVer24,
		"hosts/as1/captures/messaging.txt": "AS_CLI/Interface/Messaging> get\n  provisioningUserId = admin\n",
	})
	outside := t.TempDir()
	passwd := filepath.Join(outside, "passwd")
	if err := os.WriteFile(passwd, []byte("root:x:0:0:SECRET-LINE:/root:/bin/bash\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	capture := filepath.Join(outside, "as2.txt")
	if err := os.WriteFile(capture, []byte("AS_CLI/Interface/Messaging> get\n  provisioningUserId = outsider\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"hosts/as1/p.sha256":   passwd,                   // outside: refused
		"hosts/as1/notes.log":  passwd,                   // outside, unknown kind: not even hashed
		"hosts/as2/linked.txt": capture,                  // outside: refused, no evidence
		"hosts/as1/inside.txt": "captures/messaging.txt", // inside: read
		"hosts/as3":            outside,                  // a directory: never walked
		"hosts/as1/gone.txt":   "missing.txt",            // leads nowhere
	}
	if err := os.MkdirAll(filepath.Join(root, "hosts", "as2"), 0o755); err != nil {
		t.Fatal(err)
	}
	for rel, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
	}

	s := load(t, root)
	want := []string{
		"hosts/as1/gone.txt: error: cannot read: a symbolic link that leads nowhere: no such file or directory",
		"hosts/as1/notes.log: error: not read: a symbolic link to " + passwd + ", outside the snapshot; bwlint reads only what the snapshot holds (--follow-links reads what links lead to wherever it is)",
		"hosts/as1/p.sha256: error: not read: a symbolic link to " + passwd + ", outside the snapshot; bwlint reads only what the snapshot holds (--follow-links reads what links lead to wherever it is)",
		"hosts/as2/linked.txt: error: not read: a symbolic link to " + capture + ", outside the snapshot; bwlint reads only what the snapshot holds (--follow-links reads what links lead to wherever it is)",
		"hosts/as3: error: not read: a symbolic link to " + outside + ", outside the snapshot; bwlint reads only what the snapshot holds (--follow-links reads what links lead to wherever it is)",
	}
	if diff := cmp.Diff(want, problemsOf(s)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	for _, f := range s.Files {
		if strings.Contains(f.Text, "SECRET-LINE") || strings.Contains(f.Text, "outsider") {
			t.Errorf("%s holds the text of a file outside the snapshot", f.Path)
		}
	}
	if got := statusesOf(s); len(got) != 3 || got["hosts/as1/inside.txt"] != Parsed {
		t.Errorf("files read: %v; want the two captures and the link to one of them", got)
	}
	if h := s.Host("as2"); h != nil {
		t.Errorf("host as2 built from a file outside the snapshot: %+v", h)
	}
	if _, _, ok := s.Host("as1").Attr("Interface/Messaging", "provisioningUserId"); !ok {
		t.Error("the link inside the snapshot was not read")
	}

	// With FollowLinks, files outside are read; a directory still is not
	// walked.
	s, err := LoadWith(root, LoadOptions{FollowLinks: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.Host("as2") == nil || s.File("hosts/as1/p.sha256") == nil {
		t.Errorf("FollowLinks: files %v", statusesOf(s))
	}
	for _, p := range problemsOf(s) {
		if strings.Contains(p, "hosts/as3:") && !strings.Contains(p, "bwlint does not walk linked directories") {
			t.Errorf("FollowLinks: %s", p)
		}
	}
}

// TestLinkedRootWithLinksInside: a snapshot reached through a link, whose
// files link to one another, reads as if no link were involved.
func TestLinkedRootWithLinksInside(t *testing.T) {
	root := writeFiles(t, map[string]string{"real/hosts/xsp1/bwshowver.txt": xspShowVer24})
	if err := os.Symlink("../../hosts/xsp1/bwshowver.txt", filepath.Join(root, "real/hosts/xsp1/copy.txt")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "captures")
	if err := os.Symlink(filepath.Join(root, "real"), link); err != nil {
		t.Fatal(err)
	}
	s := load(t, link)
	if len(s.Files) != 2 || len(s.Problems) != 0 {
		t.Errorf("files %v, problems %v", statusesOf(s), problemsOf(s))
	}
}
