package report

import (
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// Where a SARIF result points: physical locations in the snapshot's
// files (artifacts, with digests and snippets) and logical locations in
// BroadWorks terms.

// location converts a range. Code scanning rejects a whole upload when
// one result lacks a file (codeql-action "expected artifact location"),
// and the multitool wants a region on every result, so:
//   - a range without a file (evidence that is absent) points at the
//     host's folder, where the missing capture belongs, else at the
//     snapshot directory, line 1;
//   - a range without a line covers the whole file.
//
// Snippets are added only when showSource is set (never for secrets).
func (b *sarifBuilder) location(r hcl.Range, host string, showSource bool) sarifLocation {
	if r.Filename == "" {
		dir := ""
		if b.o.Snapshot != nil && host != "" {
			if h := b.o.Snapshot.Host(host); h != nil {
				dir = h.Dir
			}
		}
		return sarifLocation{PhysicalLocation: &sarifPhysical{
			ArtifactLocation: sarifArtifactLocation{URI: fileURI(b.paths.fromRoot(dir), true)},
			Region:           &sarifRegion{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 1},
		}}
	}
	phys := &sarifPhysical{ArtifactLocation: b.artifact(r.Filename)}
	if r.Start.Line == 0 {
		phys.Region = b.wholeFile(r.Filename)
		return sarifLocation{PhysicalLocation: phys}
	}
	phys.Region = &sarifRegion{StartLine: r.Start.Line, StartColumn: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column}
	if showSource {
		phys.Region.Snippet, phys.ContextRegion = b.snippet(r)
	}
	return sarifLocation{PhysicalLocation: phys}
}

// wholeFile is the region of a whole file: first line to the end of the
// last; line 1 alone when the text is unknown or empty.
func (b *sarifBuilder) wholeFile(path string) *sarifRegion {
	reg := &sarifRegion{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 1}
	if b.o.Snapshot == nil {
		return reg
	}
	f := b.o.Snapshot.File(path)
	if f == nil || len(f.Text) == 0 {
		return reg
	}
	lines := strings.Split(strings.TrimSuffix(f.Text, "\n"), "\n")
	last := strings.TrimSuffix(lines[len(lines)-1], "\r")
	reg.EndLine, reg.EndColumn = len(lines), utf8.RuneCountInString(last)+1
	return reg
}

// snippet returns the text of a one-line range and its whole line, unless
// the line holds a secret value: a snippet is the artifact's text, so a
// masked one would be false evidence, and none is shown instead.
func (b *sarifBuilder) snippet(r hcl.Range) (*sarifText, *sarifRegion) {
	l, ok := b.src.Line(r.Filename, r.Start.Line)
	if !ok || r.End.Line != r.Start.Line || len(l.Secrets) > 0 {
		return nil, nil
	}
	line := l.Text
	runes := []rune(line)
	start, end := r.Start.Column-1, r.End.Column-1
	if start < 0 || end > len(runes) || start >= end {
		return nil, nil
	}
	if start == 0 && end == len(runes) {
		// The region is the whole line: SARIF wants a context region to
		// be a proper superset of the region, or absent.
		return &sarifText{Text: line}, nil
	}
	ctx := &sarifRegion{StartLine: r.Start.Line, StartColumn: 1, EndLine: r.Start.Line, EndColumn: len(runes) + 1, Snippet: &sarifText{Text: line}}
	return &sarifText{Text: string(runes[start:end])}, ctx
}

// artifact returns the location of a snapshot file ("" for the snapshot
// directory itself), adding the file to artifacts[] on first use.
func (b *sarifBuilder) artifact(path string) sarifArtifactLocation {
	uri := fileURI(b.paths.fromRoot(path), path == "")
	if path == "" {
		return sarifArtifactLocation{URI: uri}
	}
	if i, ok := b.artifactIndex[path]; ok {
		return sarifArtifactLocation{URI: uri, Index: ptr(i)}
	}
	a := b.describeArtifact(path)
	a.Location = sarifArtifactLocation{URI: uri}
	if a.Hashes == nil {
		a.Length = -1 // SARIF's "unknown": a length without a digest proves nothing
	}
	i := len(b.artifacts)
	b.artifacts = append(b.artifacts, a)
	b.artifactIndex[path] = i
	return sarifArtifactLocation{URI: uri, Index: ptr(i)}
}

// describeArtifact says what bwlint read at path: a snapshot file, the
// policy or baseline file, or nothing it knows (a finding's file that is
// not evidence of this run). Only a digest of bytes actually read is
// recorded; an empty one would be a claim about no bytes at all.
func (b *sarifBuilder) describeArtifact(path string) sarifArtifact {
	if b.o.Snapshot != nil {
		if f := b.o.Snapshot.File(path); f != nil {
			return snapshotArtifact(f, "")
		}
	}
	if f := b.earlierFile(path); f != nil {
		return snapshotArtifact(f, "before")
	}
	for _, e := range b.o.Evidence {
		if e.Path != path {
			continue
		}
		// SARIF §3.24.6: a configuration file the user named, or one the
		// tool found by itself.
		role := "toolSpecifiedConfiguration"
		if e.Explicit {
			role = "userSpecifiedConfiguration"
		}
		a := sarifArtifact{Roles: []string{role}, Properties: &sarifArtifactProps{Kind: e.Kind}}
		if e.SHA256 != "" {
			a.Length, a.Hashes = e.Size, map[string]string{"sha-256": e.SHA256}
		}
		return a
	}
	return sarifArtifact{}
}

// snapshotArtifact describes a file of a snapshot: its digest, when it
// was captured, and what bwlint read it as; side is "before" for the
// earlier snapshot of a review.
func snapshotArtifact(f *inputs.File, side string) sarifArtifact {
	at, from := captureTime(f)
	a := sarifArtifact{
		Roles:    []string{"analysisTarget"},
		Encoding: sarifEncoding(f.Encoding),
		Properties: &sarifArtifactProps{Kind: string(f.Kind), Status: string(f.Status), Host: f.Host,
			CapturedAt: at, CapturedFrom: from, Snapshot: side},
		LastModifiedTimeUTC: sarifTime(f.ModTime),
	}
	if f.SHA256 != "" {
		a.Length, a.Hashes = f.Size, map[string]string{"sha-256": f.SHA256}
	}
	return a
}

// earlierFile returns the file of a review's earlier snapshot that path,
// relative to the later snapshot's root as every path of the run is,
// names; nil when there is no earlier snapshot or it holds no such file.
func (b *sarifBuilder) earlierFile(path string) *inputs.File {
	if b.o.Earlier == nil {
		return nil
	}
	rel, ok := b.paths.relativeTo(b.o.Earlier.Root, path)
	if !ok {
		return nil
	}
	return b.o.Earlier.File(rel)
}

// sarifEncoding names an input encoding as IANA does; a byte-order mark
// is part of the file, not of the encoding's name.
func sarifEncoding(e source.Encoding) string {
	switch e {
	case source.UTF8, source.UTF8BOM:
		return "utf-8"
	case source.UTF16LE, source.UTF16LENoBOM:
		return "utf-16le"
	case source.UTF16BE, source.UTF16BENoBOM:
		return "utf-16be"
	}
	return ""
}

// logicalLocations places a finding in BroadWorks terms as a chain in
// run.logicalLocations: host (kind "module"), CLI context or Partner Hub
// object ("namespace"), key ("member"). The result references the most
// specific one; parentIndex links lead back to the host.
func (b *sarifBuilder) logicalLocations(l lint.Logical) []sarifLogical {
	parent := -1
	var fqn []string
	add := func(name, kind string) {
		fqn = append(fqn, name)
		parent = b.logicalNode(name, strings.Join(fqn, "/"), kind, parent)
	}
	if l.Host != "" {
		add(l.Host, "module")
	}
	if l.Context != "" {
		add(l.Context, "namespace")
	}
	if l.Key != "" {
		add(l.Key, "member")
	}
	if parent < 0 {
		return nil
	}
	n := b.logical[parent]
	return []sarifLogical{{Name: n.Name, FullyQualifiedName: n.FullyQualifiedName, Kind: n.Kind, Index: ptr(parent)}}
}

func (b *sarifBuilder) logicalNode(name, fqn, kind string, parent int) int {
	id := kind + "\x00" + fqn
	if i, ok := b.logicalIndex[id]; ok {
		return i
	}
	n := sarifLogical{Name: name, FullyQualifiedName: fqn, Kind: kind}
	if parent >= 0 {
		n.ParentIndex = ptr(parent)
	}
	b.logicalIndex[id] = len(b.logical)
	b.logical = append(b.logical, n)
	return len(b.logical) - 1
}
