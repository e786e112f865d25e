package inputs

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bwlint/bwlint/inputs/source"
)

// ErrNotSnapshot is wrapped by Load's error when the root is not a readable
// directory.
var ErrNotSnapshot = errors.New("not a snapshot directory")

// ErrTooLarge is wrapped by Load's error when the snapshot's files add up
// to more than LoadOptions.MaxTotalSize.
var ErrTooLarge = errors.New("snapshot too large")

// MaxFileSize bounds what is read of one file: captures are text of a few
// megabytes at most; anything larger is certainly not a capture.
const MaxFileSize = 256 << 20

// DefaultMaxTotalSize bounds the sum of the sizes of a snapshot's files
// unless LoadOptions says otherwise. A deployment of hundreds of servers
// captures a few hundred megabytes; parsing holds several times a file's
// size in memory, so a snapshot of many gigabytes would exhaust the
// machine rather than fail with a message.
const DefaultMaxTotalSize = 1 << 30

// LoadOptions are the choices LoadWith leaves to its caller. The zero
// value is what Load uses.
type LoadOptions struct {
	// FollowLinks reads files that symbolic links inside the snapshot
	// lead to outside it. Without it such a link is an input problem and
	// what it leads to is never opened: a link to /etc/passwd must not
	// turn into evidence, or into lines quoted in a report.
	FollowLinks bool
	// MaxTotalSize bounds the sum of the sizes of the snapshot's files;
	// 0 means DefaultMaxTotalSize.
	MaxTotalSize int64
	// Inventory replaces what the captures say of hosts and clusters
	// with what the operator states (the policy's host and cluster
	// blocks), so that the snapshot is complete when Load returns.
	Inventory Inventory
}

// Load reads the snapshot directory root with the default options.
func Load(root string) (*Snapshot, error) { return LoadWith(root, LoadOptions{}) }

// LoadWith reads the snapshot directory root. Problems with individual
// files are recorded in Snapshot.Problems and never stop the others; the
// error is non-nil only when root itself cannot be read as a directory
// (ErrNotSnapshot) or its files exceed opts.MaxTotalSize (ErrTooLarge).
func LoadWith(root string, opts LoadOptions) (*Snapshot, error) {
	if opts.MaxTotalSize <= 0 {
		opts.MaxTotalSize = DefaultMaxTotalSize
	}
	st, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotSnapshot, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%w: %s is a file", ErrNotSnapshot, root)
	}
	// A snapshot named through a symbolic link ("captures -> /srv/…") is
	// walked where it leads: the walk does not follow a linked root.
	dir, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotSnapshot, err)
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotSnapshot, err)
	}
	w := walker{root: dir, opts: opts}
	if err := w.walk(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotSnapshot, err)
	}
	if w.total > opts.MaxTotalSize {
		return nil, fmt.Errorf("%w: its %d files hold %d bytes, more than the limit of %d (raise it with --max-snapshot-size)",
			ErrTooLarge, len(w.entries), w.total, opts.MaxTotalSize)
	}
	results := readAll(w.entries, opts.MaxTotalSize)
	s := assemble(root, results, opts.Inventory)
	s.Problems = append(s.Problems, w.problems...)
	source.SortProblems(s.Problems)
	return s, nil
}
