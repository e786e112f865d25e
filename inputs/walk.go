package inputs

import (
	"cmp"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bwlint/bwlint/inputs/bounded"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// ignoredName reports names that version control and desktops leave in
// directories; they are not evidence and never reported. Everything else
// that does not fit the layout is reported as an unknown input.
func ignoredName(name string, dir bool) bool {
	if dir {
		return name == ".git" || name == ".hg" || name == ".svn"
	}
	switch name {
	case ".gitkeep", ".gitignore", ".gitattributes", ".DS_Store":
		return true
	}
	return false
}

// entry is one file to read: rel is its slash-separated path below the
// snapshot root, as reports name it; name is where its bytes are, the
// target of a link resolved.
type entry struct {
	rel, name string
	size      int64
	modTime   time.Time
}

// walker lists a snapshot's files.
type walker struct {
	root     string // absolute, every link resolved
	opts     LoadOptions
	entries  []entry // sorted by rel
	problems []source.Problem
	total    int64
}

// walk lists every file below the root. A symbolic link is resolved, and
// one that leads outside the snapshot is refused unless the options
// follow links; a link to a directory is never walked, so no file is
// read twice and no cycle is entered.
func (w *walker) walk() error {
	err := filepath.WalkDir(w.root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(w.root, p)
		rel = filepath.ToSlash(rel)
		whole := hcl.Range{Filename: rel}
		if err != nil {
			if p == w.root {
				return err
			}
			w.problems = append(w.problems, source.Errorf(whole, "cannot read: %v", bounded.WithoutPath(err)))
			return nil
		}
		switch {
		case p == w.root:
			return nil
		case ignoredName(d.Name(), d.IsDir()):
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.Name() == policyFileName && !d.IsDir():
			if rel != policyFileName {
				w.problems = append(w.problems, source.Warnf(whole,
					"policy file not read: bwlint reads %s only at the snapshot root (or the file --config names); this one changes nothing", policyFileName))
			}
			return nil
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			w.link(rel, p)
			return nil
		case !d.Type().IsRegular():
			w.problems = append(w.problems, source.Errorf(whole, "not a regular file but a %s; captures are plain files", bounded.Describe(d.Type())))
			return nil
		}
		info, err := d.Info()
		if err != nil {
			w.problems = append(w.problems, source.Errorf(whole, "cannot read: %v", bounded.WithoutPath(err)))
			return nil
		}
		w.add(entry{rel: rel, name: p, size: info.Size(), modTime: info.ModTime()})
		return nil
	})
	slices.SortFunc(w.entries, func(a, b entry) int { return cmp.Compare(a.rel, b.rel) })
	return err
}

// link resolves the symbolic link at p and lists what it leads to, if the
// snapshot may read it.
func (w *walker) link(rel, p string) {
	whole := hcl.Range{Filename: rel}
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		w.problems = append(w.problems, source.Errorf(whole, "cannot read: a symbolic link that leads nowhere: %v", bounded.WithoutPath(err)))
		return
	}
	inside := true
	shown := target
	if r, err := filepath.Rel(w.root, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		inside = false
	} else {
		shown = filepath.ToSlash(r)
	}
	if !inside && !w.opts.FollowLinks {
		w.problems = append(w.problems, source.Errorf(whole,
			"not read: a symbolic link to %s, outside the snapshot; bwlint reads only what the snapshot holds (--follow-links reads what links lead to wherever it is)", shown))
		return
	}
	st, err := os.Stat(target)
	if err != nil {
		w.problems = append(w.problems, source.Errorf(whole, "cannot read: %v", bounded.WithoutPath(err)))
		return
	}
	if st.IsDir() {
		w.problems = append(w.problems, source.Errorf(whole,
			"not read: a symbolic link to the directory %s; bwlint does not walk linked directories: copy or link the files themselves", shown))
		return
	}
	w.add(entry{rel: rel, name: target, size: st.Size(), modTime: st.ModTime()})
}

func (w *walker) add(e entry) {
	w.entries = append(w.entries, e)
	w.total += e.size
}

// policyFileName is the policy file's name (lint/config.FileName, which
// this package cannot import): at the snapshot root it is no input.
const policyFileName = ".bwlint.hcl"
