package inputs

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bwlint/bwlint/inputs/bounded"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/digest"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/session"
	"github.com/bwlint/bwlint/inputs/showver"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/hashicorp/hcl/v2"
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
	s := assemble(root, results)
	s.applyInventory(opts.Inventory)
	s.Problems = append(s.Problems, w.problems...)
	source.SortProblems(s.Problems)
	return s, nil
}

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
			w.problems = append(w.problems, source.Errorf(whole, "cannot read: %v", unwrapPathError(err)))
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
			w.problems = append(w.problems, source.Errorf(whole, "cannot read: %v", unwrapPathError(err)))
			return nil
		}
		w.add(entry{rel: rel, name: p, size: info.Size()})
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
		w.problems = append(w.problems, source.Errorf(whole, "cannot read: a symbolic link that leads nowhere: %v", unwrapPathError(err)))
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
		w.problems = append(w.problems, source.Errorf(whole, "cannot read: %v", unwrapPathError(err)))
		return
	}
	if st.IsDir() {
		w.problems = append(w.problems, source.Errorf(whole,
			"not read: a symbolic link to the directory %s; bwlint does not walk linked directories: copy or link the files themselves", shown))
		return
	}
	w.add(entry{rel: rel, name: target, size: st.Size()})
}

func (w *walker) add(e entry) {
	w.entries = append(w.entries, e)
	w.total += e.size
}

// policyFileName is the policy file's name (lint/config.FileName, which
// this package cannot import): at the snapshot root it is no input.
const policyFileName = ".bwlint.hcl"

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// parsed is what reading one file produced.
type parsed struct {
	file     *File
	problems []source.Problem
	commands []*bwcli.Command
	showvers []*showver.ShowVer
	digests  []digest.Digest
	template *partnerhub.Template
	cluster  *partnerhub.Cluster
	tagset   *tagset.TagSet
}

// readAll reads and parses files concurrently; the result keeps the order
// of entries so that everything built from it is deterministic. limit
// bounds the bytes read in all, should files grow after they were listed.
func readAll(entries []entry, limit int64) []parsed {
	out := make([]parsed, len(entries))
	workers := min(len(entries), 4*runtime.GOMAXPROCS(0))
	budget := &atomic.Int64{}
	budget.Store(limit)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				out[i] = readOneSafely(entries[i], budget)
			}
		})
	}
	for i := range entries {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// classify decides a file's kind from its place in the layout. host is the
// host folder for files under hosts/.
func classify(rel string) (kind Kind, host string) {
	parts := strings.Split(rel, "/")
	ext := strings.ToLower(path.Ext(rel))
	switch {
	case parts[0] == "hosts" && len(parts) >= 3:
		host = parts[1]
		switch ext {
		case ".txt":
			return KindTranscript, host
		case ".sha256":
			return KindDigest, host
		}
		return KindUnknown, host
	case len(parts) == 3 && parts[0] == "partnerhub" && parts[1] == "templates" && ext == ".json":
		return KindTemplate, ""
	case len(parts) == 3 && parts[0] == "partnerhub" && parts[1] == "clusters" && ext == ".json":
		return KindCluster, ""
	case len(parts) == 3 && parts[0] == "devicemgmt" && parts[1] == "tagsets" && (ext == ".tsv" || ext == ".csv"):
		return KindTagSet, ""
	}
	return KindUnknown, ""
}

// readOneSafely is readOne with a parser's panic turned into an internal
// problem of that file: one file that trips a bug in bwlint must not take
// the others down, nor pass for bad input.
func readOneSafely(e entry, budget *atomic.Int64) (r parsed) {
	rel := e.rel
	defer func() {
		if v := recover(); v != nil {
			kind, host := classify(rel)
			r = parsed{file: &File{Path: rel, Kind: kind, Host: host, Status: Failed}}
			p := source.Errorf(hcl.Range{Filename: rel}, "internal error while reading this file (a bug in bwlint, please report it): %v", v)
			p.Internal = true
			r.problems = []source.Problem{p}
		}
	}()
	return readOne(e, budget)
}

func readOne(e entry, budget *atomic.Int64) (r parsed) {
	// A parser quotes what it could not read; a URL it quotes may carry
	// a password, which no message shows.
	defer func() {
		for i := range r.problems {
			m := r.problems[i].Message
			r.problems[i].Message = source.MaskSpans(m, source.URLSecrets(m))
		}
	}()
	rel := e.rel
	kind, host := classify(rel)
	r = parsed{file: &File{Path: rel, Kind: kind, Host: host, Status: Failed}}
	whole := hcl.Range{Filename: rel}
	if kind == KindUnknown {
		r.problems = append(r.problems, source.Errorf(whole, "unknown input: %s (see docs/inputs.md)", describeExpected(rel)))
		// An unknown file is still part of what was handed over, so its
		// digest is evidence too; it is hashed as it streams and never
		// kept or decoded. One that cannot be read keeps no digest.
		if sum, size, err := hashFile(e.name); err == nil && budget.Add(-size) >= 0 {
			r.file.SHA256, r.file.Size = sum, size
		}
		return r
	}
	raw, err := bounded.ReadFile(e.name, MaxFileSize)
	if err == nil && budget.Add(-int64(len(raw))) < 0 {
		err = errors.New("the snapshot grew past its size limit while it was read")
	}
	if err != nil {
		r.problems = append(r.problems, source.Errorf(whole, "cannot read: %v", err))
		return r
	}
	sum := sha256.Sum256(raw)
	r.file.SHA256 = hex.EncodeToString(sum[:])
	r.file.Size = int64(len(raw))
	text, enc, probs, ok := source.Decode(rel, raw)
	r.file.Encoding = enc
	r.problems = append(r.problems, probs...)
	if !ok {
		return r
	}
	r.file.Text = text
	usable := r.parse(text)
	switch {
	case !usable:
		r.file.Status = Failed
	case slices.ContainsFunc(r.problems, func(p source.Problem) bool { return p.Severity > source.Note }):
		// A note says something of what was read, not that some of it
		// was lost.
		r.file.Status = Partial
	default:
		r.file.Status = Parsed
	}
	return r
}

// parse runs the file's parser and reports whether it yielded evidence.
func (r *parsed) parse(text string) bool {
	f := r.file
	var probs []source.Problem
	switch f.Kind {
	case KindTranscript:
		// A capture is a sequence of shell and CLI sessions; a file that
		// holds only bwshowver output is of that kind.
		c, probs := session.Parse(f.Path, text)
		r.problems = append(r.problems, probs...)
		r.commands, r.showvers, r.digests = c.Commands, c.ShowVers, c.Digests
		f.Lines = &c.Lines
		if len(c.ShowVers) > 0 && len(c.Commands) == 0 && len(c.Digests) == 0 {
			f.Kind = KindShowVer
		}
		return len(c.Commands) > 0 || len(c.ShowVers) > 0 || len(c.Digests) > 0
	case KindDigest:
		var counts source.LineCounts
		r.digests, counts, probs = digest.ParseFile(f.Path, text)
		r.problems = append(r.problems, probs...)
		f.Lines = &counts
		return len(r.digests) > 0
	case KindTemplate:
		r.template, probs = partnerhub.ParseTemplate(f.Path, text)
		r.problems = append(r.problems, probs...)
		return r.template != nil
	case KindCluster:
		r.cluster, probs = partnerhub.ParseCluster(f.Path, text)
		r.problems = append(r.problems, probs...)
		return r.cluster != nil
	case KindTagSet:
		name := strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))
		r.tagset, probs = tagset.Parse(f.Path, name, text)
		r.problems = append(r.problems, probs...)
		return r.tagset != nil
	}
	return false
}

// hashFile returns the hex SHA-256 and the length of a file's bytes,
// reading it in chunks; it refuses what bounded.ReadFile refuses.
func hashFile(name string) (string, int64, error) {
	f, _, err := bounded.Open(name, MaxFileSize)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, MaxFileSize))
	if err != nil {
		return "", 0, unwrapPathError(err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// describeExpected explains, for an unknown file, what would have been
// accepted in its place.
func describeExpected(rel string) string {
	parts := strings.Split(rel, "/")
	switch {
	case parts[0] == "hosts" && len(parts) == 2:
		return "files directly under hosts/ belong in a host folder, hosts/<host>/"
	case parts[0] == "hosts":
		return "host folders hold .txt transcripts and .sha256 digests only"
	case parts[0] == "partnerhub":
		return "partnerhub/ holds templates/*.json and clusters/*.json only"
	case parts[0] == "devicemgmt":
		return "devicemgmt/ holds tagsets/*.tsv and tagsets/*.csv only"
	}
	return "a snapshot holds hosts/, partnerhub/ and devicemgmt/ only"
}

// assemble builds the Snapshot from the files read, in path order.
func assemble(root string, results []parsed) *Snapshot {
	s := &Snapshot{Root: root, files: map[string]*File{}, hosts: map[string]*Host{}}
	for i := range results {
		r := &results[i]
		s.Files = append(s.Files, r.file)
		s.files[r.file.Path] = r.file
		s.Problems = append(s.Problems, r.problems...)
		if r.file.Host != "" {
			h := s.hosts[r.file.Host]
			if h == nil {
				h = &Host{Name: r.file.Host, Dir: "hosts/" + r.file.Host}
				s.hosts[h.Name] = h
				s.Hosts = append(s.Hosts, h)
			}
			h.Files = append(h.Files, r.file.Path)
			h.Commands = append(h.Commands, r.commands...)
			h.showvers = append(h.showvers, r.showvers...)
			h.Digests = append(h.Digests, r.digests...)
		}
		if r.template != nil {
			s.Templates = append(s.Templates, r.template)
		}
		if r.cluster != nil {
			s.Clusters = append(s.Clusters, r.cluster)
		}
		if r.tagset != nil {
			s.TagSets = append(s.TagSets, r.tagset)
		}
	}
	slices.SortFunc(s.Hosts, func(a, b *Host) int { return cmp.Compare(a.Name, b.Name) })
	for _, h := range s.Hosts {
		supersede(h)
		s.Problems = append(s.Problems, settleRelease(h)...)
		s.Problems = append(s.Problems, decideRole(h)...)
	}
	if len(s.Files) == 0 {
		s.Problems = append(s.Problems, source.Errorf(hcl.Range{Filename: "."},
			"the snapshot holds no files: want hosts/<host>/*.txt captures, partnerhub/ and devicemgmt/ files (see docs/inputs.md)"))
	}
	settleStatus(s)
	return s
}

// supersede marks each command that a later command of the host printed
// again (the same context, verb and arguments): the later shows the
// configuration in force, for example after a set in between.
func supersede(h *Host) {
	last := map[string]*bwcli.Command{}
	for i := len(h.Commands) - 1; i >= 0; i-- {
		c := h.Commands[i]
		if !c.Reads() {
			continue
		}
		key := strings.ToLower(strings.Trim(c.Path, "/")) + "\x00" + c.Verb + "\x00" + strings.ToLower(strings.Join(strings.Fields(c.Args), " "))
		if later, ok := last[key]; ok {
			c.SupersededBy = later
			continue
		}
		last[key] = c
	}
}

// releaseSource is one capture that names a host's release.
type releaseSource struct {
	release source.Value
	what    string // the command that printed it
}

// releaseSources returns what a host's captures say of its release, in
// path order: bwshowver's version line, and the Active row of qversions
// (the version the server runs, beside those installed).
func releaseSources(h *Host) []releaseSource {
	var out []releaseSource
	for _, sv := range h.showvers {
		out = append(out, releaseSource{sv.Release, "bwshowver"})
	}
	for _, c := range h.Commands {
		if c.Verb != "qversions" || !c.Reads() || strings.Trim(c.Path, "/") != "" {
			continue
		}
		for _, t := range c.Tables {
			version, status, identity := t.Column("Version"), t.Column("Status"), t.Column("Identity")
			if version < 0 || status < 0 {
				continue
			}
			var active []source.Value
			for _, r := range t.Rows {
				if !strings.EqualFold(r.Cell(status).Text, "Active") {
					continue
				}
				// Other software may be listed too; the row of the
				// server itself names the release.
				if identity >= 0 && RoleOf(r.Cell(identity).Text) != RoleOf(c.Server.Text) {
					continue
				}
				active = append(active, r.Cell(version))
			}
			if len(active) == 1 {
				out = append(out, releaseSource{active[0], "qversions"})
			}
		}
	}
	// Sources are compared in path order, whichever command printed them.
	slices.SortStableFunc(out, func(a, b releaseSource) int {
		return cmp.Compare(a.release.Range.Filename, b.release.Range.Filename)
	})
	return out
}

// settleRelease takes a host's release from its captures: bwshowver and
// qversions, in path order. Captures that name different releases leave
// the release unknown, since either may be stale, and say so; copies that
// agree are harmless.
func settleRelease(h *Host) []source.Problem {
	if len(h.showvers) > 0 {
		h.ShowVer = h.showvers[0]
	}
	sources := releaseSources(h)
	if len(sources) == 0 {
		return nil
	}
	first := sources[0]
	for _, sv := range sources[1:] {
		if sv.release.Text != first.release.Text {
			return []source.Problem{source.Errorf(sv.release.Range,
				"host %q has %s captures that disagree: release %s here, %s at %s:%d; its release is left unknown",
				h.Name, captureNames(first.what, sv.what), sv.release.Text, first.release.Text, first.release.Range.Filename, first.release.Range.Start.Line)}
		}
	}
	h.Release = first.release
	return nil
}

func captureNames(a, b string) string {
	if a == b {
		return a
	}
	return a + " and " + b
}

// settleStatus marks as partial a parsed file that a host-level problem
// (such as a role conflict) points into: its evidence was read but is not
// used as it stands.
func settleStatus(s *Snapshot) {
	for _, p := range s.Problems {
		if f := s.files[p.Range.Filename]; f != nil && f.Status == Parsed && p.Severity > source.Note {
			f.Status = Partial
		}
	}
}

// decideRole sets a host's role from its captures: bwshowver's first line
// and every prompt's server prefix. Evidence that disagrees leaves the role
// unknown and is reported, so no check runs against a host of the wrong
// kind.
func decideRole(h *Host) []source.Problem {
	var evidence []source.Value
	for _, sv := range h.showvers {
		evidence = append(evidence, sv.Server)
	}
	for _, c := range h.Commands {
		if c.Server.Present() {
			evidence = append(evidence, c.Server)
		}
	}
	if len(evidence) == 0 {
		return nil
	}
	first := evidence[0]
	for _, e := range evidence[1:] {
		if RoleOf(e.Text) != RoleOf(first.Text) {
			return []source.Problem{source.Errorf(e.Range,
				"host %q holds captures of two kinds of server, %s (%s:%d) and %s; its role is left unknown",
				h.Name, first.Text, first.Range.Filename, first.Range.Start.Line, e.Text)}
		}
	}
	h.Role, h.RoleEvidence = RoleOf(first.Text), first
	return nil
}
