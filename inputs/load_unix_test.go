//go:build unix

package inputs

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSymlinkToFIFO checks that a link to a named pipe is reported instead
// of blocking the run forever on open.
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
	go func() { done <- load(t, root) }()
	select {
	case s := <-done:
		probs := problemsOf(s)
		if len(probs) != 2 || !strings.Contains(probs[0], "hosts/xsp1/notes.log: error: unknown input") ||
			!strings.Contains(probs[1], "hosts/xsp1/pipe.txt: error: cannot read: not a regular file") {
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
