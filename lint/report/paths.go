package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// reportPaths turn the paths of a Result — relative to the snapshot root,
// with "../" for the policy or baseline file when it lies outside the
// snapshot — into clean paths relative to the report root
// (Options.SARIFRoot, else the current directory), which is where code
// scanning, annotations and code-quality reports expect them: the
// repository checkout.
type reportPaths struct {
	// root and snapshot are absolute and clean.
	root, snapshot string
}

func newReportPaths(o Options) (reportPaths, error) {
	base := o.SARIFRoot
	if base == "" {
		wd, err := os.Getwd()
		if err != nil {
			return reportPaths{}, fmt.Errorf("report paths: %w", err)
		}
		base = wd
	}
	root, err := filepath.Abs(base)
	if err != nil {
		return reportPaths{}, fmt.Errorf("report root %s: %w", base, err)
	}
	p := reportPaths{root: root, snapshot: root}
	if o.Snapshot != nil {
		if p.snapshot, err = filepath.Abs(o.Snapshot.Root); err != nil {
			return reportPaths{}, fmt.Errorf("snapshot root %s: %w", o.Snapshot.Root, err)
		}
	}
	return p, nil
}

// fromRoot returns a Result path relative to the report root, with
// forward slashes and without "." or inner ".." segments; "" names the
// snapshot directory itself, "." when it is the root. A file outside the
// root keeps the leading "../" that reaches it (see OutsideRoot); a file
// on another volume, which no relative path reaches, is absolute.
func (p reportPaths) fromRoot(path string) string {
	abs := filepath.FromSlash(path)
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(p.snapshot, abs)
	}
	rel, err := filepath.Rel(p.root, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// relativeTo returns a Result path — relative to the snapshot root —
// relative to another directory (a review's earlier snapshot), with
// forward slashes; ok is false when it lies outside that directory.
func (p reportPaths) relativeTo(dir, path string) (string, bool) {
	abs := filepath.FromSlash(path)
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(p.snapshot, abs)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(absDir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// fromOther returns the path of a file of another snapshot (root, a
// review's earlier one) as a Result path: relative to this snapshot's
// root, with "../" segments to reach the other.
func (p reportPaths) fromOther(root, path string) string {
	abs, err := filepath.Abs(filepath.Join(root, filepath.FromSlash(path)))
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(p.snapshot, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// position is "path:line:col" relative to the report root, the form of
// position for the formats whose paths are.
func (p reportPaths) position(r hcl.Range) string {
	if r.Filename == "" {
		return "(no file)"
	}
	path := p.fromRoot(r.Filename)
	if r.Start.Line == 0 {
		return path
	}
	return fmt.Sprintf("%s:%d:%d", path, r.Start.Line, r.Start.Column)
}

// OutsideRoot reports whether the snapshot lies outside the report root,
// in which case the formats whose paths are relative to the root (SARIF,
// JUnit, GitHub, code quality) name its files with a leading "../", which
// code scanning cannot match to files of the checkout. The paths are
// still correct; the CLI warns that the root is probably not the one meant.
func OutsideRoot(o Options) (bool, error) {
	if o.Snapshot == nil {
		return false, nil
	}
	p, err := newReportPaths(o)
	if err != nil {
		return false, err
	}
	rel := p.fromRoot("")
	return rel == ".." || strings.HasPrefix(rel, "../") || filepath.IsAbs(filepath.FromSlash(rel)), nil
}

// fileURI writes a relative path as a URI reference (RFC 3986):
// directories end in a slash, as reference resolution expects; every
// byte that may not stand for itself in a path is percent-encoded; and a
// first segment holding a colon, which would read as a scheme
// ("prod:east/hosts/…"), is preceded by "./" (RFC 3986 §4.2). An
// absolute path becomes a file: URI.
func fileURI(path string, dir bool) string {
	if dir && !strings.HasSuffix(path, "/") {
		path += "/"
	}
	if strings.HasPrefix(path, "/") {
		return "file://" + escapePath(path)
	}
	if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ":") {
		path = "./" + path
	}
	return escapePath(path)
}

// escapePath percent-encodes a path for a URI: unreserved characters,
// sub-delimiters, ":", "@" and the "/" separator stand for themselves
// (RFC 3986 §3.3 pchar); every other byte, including "%" and each byte of
// a non-ASCII character, is written as %XX.
func escapePath(path string) string {
	const upperHex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		if isPathChar(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
	return b.String()
}

func isPathChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
}
