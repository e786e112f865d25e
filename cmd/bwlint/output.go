package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bounded"
)

// output is a report's destination: stdout, or the file --output (or
// --report) names, written only once the report is complete.
type output struct {
	path   string
	stdout io.Writer
	// reads are what the run reads, which no report may replace.
	reads readFiles
	buf   strings.Builder
}

func (o *output) Writer() io.Writer {
	if o.path == "" || o.path == "-" {
		return o.stdout
	}
	return &o.buf
}

func (o *output) Close() error {
	if o.path == "" || o.path == "-" {
		return nil
	}
	return writeFile(o.path, []byte(o.buf.String()), o.reads, "report")
}

// readFiles are the files a run reads: its snapshots' files, and the
// policy and baseline files.
type readFiles struct {
	snapshots []*inputs.Snapshot
	files     []string
}

// holding returns the file the run reads that is the same file as st
// (the same device and inode: a hard link, or the same name spelt
// another way); "" when there is none.
func (r readFiles) holding(st os.FileInfo) string {
	same := func(name string) bool {
		other, err := os.Stat(name)
		return err == nil && os.SameFile(st, other)
	}
	for _, s := range r.snapshots {
		for _, f := range s.Files {
			if name := filepath.Join(s.Root, filepath.FromSlash(f.Path)); same(name) {
				return name
			}
		}
	}
	for _, name := range r.files {
		if name != "" && same(name) {
			return name
		}
	}
	return ""
}

// writeFile writes a report or a baseline to path: into a temporary file
// beside the file that writing path would write (links followed), which
// is then renamed into place. A reader never sees half a report, a run
// that fails leaves the old file as it was, and a file that is a hard
// link to something else keeps that something else intact, since the
// rename replaces the name, not the bytes. A destination that is a file
// the run reads — a capture through a hard link, say — is refused
// outright (exit 3): bwlint never writes its inputs. what names the file
// in messages.
func writeFile(path string, data []byte, reads readFiles, what string) error {
	dest := writeTarget(path)
	if st, err := os.Stat(dest); err == nil {
		if !st.Mode().IsRegular() {
			return writeDevice(dest, data, what) // /dev/null, /dev/stdout, a pipe a tool reads
		}
		if held := reads.holding(st); held != "" {
			return usageErrorf("cannot write %s: %s is %s, which this run reads (a hard link, or another name of it); write it elsewhere", what, path, held)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		// The error names the temporary file, which the user never asked
		// for; the message names the one they did.
		return usageErrorf("cannot write %s %s: %v", what, path, bounded.WithoutPath(err))
	}
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return usageErrorf("cannot write %s %s: %v", what, path, bounded.WithoutPath(err))
	}
	if err := tmp.Chmod(0o644); err != nil {
		return usageErrorf("cannot write %s %s: %v", what, path, bounded.WithoutPath(err))
	}
	if err := tmp.Close(); err != nil {
		return usageErrorf("cannot write %s %s: %v", what, path, bounded.WithoutPath(err))
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return usageErrorf("cannot write %s %s: %v", what, path, bounded.WithoutPath(err))
	}
	done = true
	return nil
}

// writeDevice writes to a destination that is no regular file, as it is:
// there is nothing to replace.
func writeDevice(name string, data []byte, what string) error {
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return usageErrorf("cannot write %s %s: %v", what, name, bounded.WithoutPath(err))
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return usageErrorf("cannot write %s %s: %v", what, name, bounded.WithoutPath(err))
	}
	if err := f.Close(); err != nil {
		return usageErrorf("cannot write %s %s: %v", what, name, bounded.WithoutPath(err))
	}
	return nil
}
