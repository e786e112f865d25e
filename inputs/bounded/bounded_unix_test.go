//go:build unix

package bounded

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFiles: a device never ends and a named pipe blocks on open;
// neither may stall a read, directly or through a link.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	link := filepath.Join(dir, "zero.hcl")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		fifo:        "not a regular file but a named pipe",
		"/dev/zero": "not a regular file but a device",
		link:        "not a regular file but a device",
	} {
		done := make(chan error, 1)
		go func() {
			_, err := ReadFile(name, 1<<20)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || err.Error() != want {
				t.Errorf("ReadFile(%s) error = %v; want %q", name, err, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("ReadFile(%s) blocks", name)
		}
	}
}
