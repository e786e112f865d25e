package bounded

import (
	"bytes"
	"crypto/sha256"
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

// TestReadString holds ReadString to ReadFile: the same bytes, across
// read chunks, with the digest of exactly those bytes, and the same
// refusals.
func TestReadString(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	want := strings.Repeat("AS_CLI/Interface/Messaging> get\r\n  provisioningUrl = https://example.net/\r\n", 5000)
	if err := os.WriteFile(big, []byte(want), 0o600); err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	got, err := ReadString(big, int64(len(want)), h)
	if err != nil || got != want {
		t.Fatalf("ReadString(%d bytes) = %d bytes, %v", len(want), len(got), err)
	}
	if sum := sha256.Sum256([]byte(want)); !bytes.Equal(h.Sum(nil), sum[:]) {
		t.Errorf("digest %x, want %x", h.Sum(nil), sum)
	}
	if s, err := ReadString(big, int64(len(want)), nil); err != nil || s != want {
		t.Errorf("ReadString without a hash = %d bytes, %v", len(s), err)
	}
	if _, err := ReadString(big, int64(len(want))-1, nil); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadString(limit one byte short) error = %v", err)
	}
	if _, err := ReadString(dir, 10, nil); err == nil || err.Error() != "is a directory" {
		t.Errorf("ReadString(dir) error = %v", err)
	}
	if _, err := ReadString(filepath.Join(dir, "missing"), 10, nil); !errors.Is(err, os.ErrNotExist) || strings.Contains(err.Error(), dir) {
		t.Errorf("ReadString(missing) error = %v; want ENOENT without the path", err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if s, err := ReadString(empty, 10, nil); err != nil || s != "" {
		t.Errorf("ReadString(empty) = %q, %v", s, err)
	}
}
