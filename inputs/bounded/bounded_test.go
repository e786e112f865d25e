package bounded

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(small, []byte("0123456789"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(small, 10); err != nil || string(b) != "0123456789" {
		t.Errorf("ReadFile(10 bytes, limit 10) = %q, %v", b, err)
	}
	if _, err := ReadFile(small, 9); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "10 bytes, more than the limit of 9") {
		t.Errorf("ReadFile(10 bytes, limit 9) error = %v", err)
	}
	if _, err := ReadFile(dir, 10); err == nil || err.Error() != "is a directory" {
		t.Errorf("ReadFile(dir) error = %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 10); !errors.Is(err, os.ErrNotExist) || strings.Contains(err.Error(), dir) {
		t.Errorf("ReadFile(missing) error = %v; want ENOENT without the path", err)
	}
}
