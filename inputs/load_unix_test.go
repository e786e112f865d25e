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
	if err := os.Symlink(fifo, filepath.Join(root, "hosts", "xsp1", "pipe.txt")); err != nil {
		t.Fatal(err)
	}
	done := make(chan *Snapshot, 1)
	go func() { done <- load(t, root) }()
	select {
	case s := <-done:
		probs := problemsOf(s)
		if len(probs) != 1 || !strings.Contains(probs[0], "hosts/xsp1/pipe.txt: error: cannot read: not a regular file") {
			t.Errorf("problems = %v", probs)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocks on a symbolic link to a FIFO")
	}
}
