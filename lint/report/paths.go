package report

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// reportPaths turn snapshot-relative paths into paths relative to the
// report root (Options.SARIFRoot, else the current directory), which is
// where code scanning, annotations and code-quality reports expect them:
// the repository checkout.
type reportPaths struct {
	// prefix is the snapshot root relative to the report root, with
	// forward slashes; "" when the two are the same directory.
	prefix string
}

func newReportPaths(o Options) (reportPaths, error) {
	if o.Snapshot == nil {
		return reportPaths{}, nil
	}
	base := o.SARIFRoot
	if base == "" {
		wd, err := os.Getwd()
		if err != nil {
			return reportPaths{}, fmt.Errorf("report paths: %w", err)
		}
		base = wd
	}
	absBase, err := filepath.Abs(base)
	if err != nil {
		return reportPaths{}, fmt.Errorf("report root %s: %w", base, err)
	}
	absSnap, err := filepath.Abs(o.Snapshot.Root)
	if err != nil {
		return reportPaths{}, fmt.Errorf("snapshot root %s: %w", o.Snapshot.Root, err)
	}
	rel, err := filepath.Rel(absBase, absSnap)
	if err != nil {
		return reportPaths{}, fmt.Errorf("snapshot %s is not reachable from report root %s: %w", absSnap, absBase, err)
	}
	rel = filepath.ToSlash(rel)
	if rel == "." {
		rel = ""
	}
	return reportPaths{prefix: rel}, nil
}

// fromRoot returns a snapshot path relative to the report root; "" names
// the snapshot directory itself, returned as "." when it is the root.
func (p reportPaths) fromRoot(path string) string {
	switch {
	case path == "" && p.prefix == "":
		return "."
	case path == "":
		return p.prefix
	case p.prefix == "":
		return path
	}
	return p.prefix + "/" + path
}

// fileURI writes a relative path as a URI reference; directories end in
// a slash, as RFC 3986 resolution expects.
func fileURI(path string, dir bool) string {
	if dir && !strings.HasSuffix(path, "/") {
		path += "/"
	}
	return (&url.URL{Path: path}).EscapedPath()
}
