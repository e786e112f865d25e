package bounded

import (
	"bytes"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
)

// ErrTooLarge is wrapped by the errors of files larger than their limit.
var ErrTooLarge = errors.New("too large")

// Open opens name if it is a regular file of at most limit bytes. It
// stats first, following links: opening a named pipe would block until a
// writer came, and reading a device might never end. The error says what
// is wrong without the file name, which the caller adds where it belongs.
func Open(name string, limit int64) (*os.File, fs.FileInfo, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, nil, WithoutPath(err)
	}
	if err := Check(st, limit); err != nil {
		return nil, nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, WithoutPath(err)
	}
	return f, st, nil
}

// Check reports why a file described by st cannot be read with limit: it
// is a directory, not a regular file, or larger than limit bytes.
func Check(st fs.FileInfo, limit int64) error {
	switch {
	case st.IsDir():
		return errors.New("is a directory")
	case !st.Mode().IsRegular():
		return fmt.Errorf("not a regular file but a %s", Describe(st.Mode()))
	case st.Size() > limit:
		return fmt.Errorf("%w: the file is %d bytes, more than the limit of %d", ErrTooLarge, st.Size(), limit)
	}
	return nil
}

// ReadFile returns the bytes of name, a regular file of at most limit
// bytes. A file that grows past limit while it is read is refused too.
func ReadFile(name string, limit int64) ([]byte, error) {
	f, st, err := Open(name, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Sized from Stat, so a large file is read without regrowing.
	var b bytes.Buffer
	b.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, WithoutPath(err)
	}
	if int64(b.Len()) > limit {
		return nil, fmt.Errorf("%w: the file grew past the limit of %d bytes while it was read", ErrTooLarge, limit)
	}
	return b.Bytes(), nil
}

// ReadString is ReadFile returning the bytes as a string, the form parsers
// keep, without copying them from a buffer into a string: a snapshot's
// files are then held once. Every chunk read is also written to h, when it
// is not nil, so that the digest of the bytes needs no second pass.
func ReadString(name string, limit int64, h hash.Hash) (string, error) {
	f, st, err := Open(name, limit)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	b.Grow(int(st.Size()))
	buf := chunks.Get().(*[]byte)
	defer chunks.Put(buf)
	r := io.LimitReader(f, limit+1)
	for {
		n, err := r.Read(*buf)
		b.Write((*buf)[:n])
		if h != nil {
			h.Write((*buf)[:n])
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", WithoutPath(err)
		}
	}
	if int64(b.Len()) > limit {
		return "", fmt.Errorf("%w: the file grew past the limit of %d bytes while it was read", ErrTooLarge, limit)
	}
	return b.String(), nil
}

// chunks are ReadString's read buffers, shared by the files read in
// parallel.
var chunks = sync.Pool{New: func() any {
	b := make([]byte, 64<<10)
	return &b
}}

// Describe names the kind of a file that is not a regular file, in words:
// "named pipe", "device", "socket", "directory", "symbolic link".
func Describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m.IsRegular():
		return "regular file"
	}
	return fmt.Sprintf("special file (%s)", m.Type())
}

// WithoutPath returns what an *fs.PathError says went wrong, without the
// operation and the path, for messages that name the file their own way;
// any other error as it is.
func WithoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
