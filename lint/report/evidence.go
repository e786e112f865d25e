package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bwlint/bwlint/inputs"
)

// The evidence pack: every file of the snapshot with its digest and the
// time it was captured, and one digest over all of them that an auditor
// recomputes with sha256sum (docs/output.md, "Evidence pack").

// CapturedFromFileTime says that a file's capture time is its
// modification time, since the file shows none of its own.
const CapturedFromFileTime = "file_time"

// EvidenceEntry is one file of the evidence pack.
type EvidenceEntry struct {
	Path   string `json:"path"`
	Kind   string `json:"kind"`
	Status string `json:"status"`
	Host   string `json:"host"`
	Size   int64  `json:"size"`
	// SHA256 is the digest of the bytes on disk; "" when the file could
	// not be read, which leaves it out of the manifest.
	SHA256 string `json:"sha256"`
	// CapturedAt is when the capture was taken: the time the recording
	// tool's header gives (RFC 3339, without an offset when the header
	// gives no zone), else the file's modification time in UTC.
	CapturedAt string `json:"captured_at"`
	// CapturedFrom says which: "script" or "putty" (the header of
	// script(1) or PuTTY), or "file_time".
	CapturedFrom string `json:"captured_from"`
}

// EvidencePack is the evidence list of one snapshot.
type EvidencePack struct {
	// ManifestSHA256 is the SHA-256 of the manifest: one line per file
	// with a digest, in path order, as sha256sum writes it.
	ManifestSHA256 string          `json:"manifest_sha256"`
	Files          []EvidenceEntry `json:"files"`
}

// NewEvidencePack lists a snapshot's files; an empty pack for no
// snapshot.
func NewEvidencePack(snap *inputs.Snapshot) EvidencePack {
	p := EvidencePack{Files: []EvidenceEntry{}}
	if snap == nil {
		p.ManifestSHA256 = Manifest(nil).Digest()
		return p
	}
	for _, f := range snap.Files {
		e := EvidenceEntry{Path: f.Path, Kind: string(f.Kind), Status: string(f.Status), Host: f.Host, Size: f.Size, SHA256: f.SHA256}
		e.CapturedAt, e.CapturedFrom = captureTime(f)
		p.Files = append(p.Files, e)
	}
	p.ManifestSHA256 = Manifest(p.Files).Digest()
	return p
}

// captureTime is when a file was captured, and what says so.
func captureTime(f *inputs.File) (at, from string) {
	if f.Captured.Tool != "" {
		return f.Captured.String(), f.Captured.Tool
	}
	if f.ModTime.IsZero() {
		return "", CapturedFromFileTime
	}
	return f.ModTime.UTC().Format(time.RFC3339), CapturedFromFileTime
}

// Manifest is the evidence files as sha256sum lists them.
type Manifest []EvidenceEntry

// Text is the manifest: for each file with a digest, in path order (the
// byte order of `LC_ALL=C sort`), its digest, two spaces and its path
// relative to the snapshot root, as `sha256sum PATH…` run at the snapshot
// root prints it — a path holding a backslash, newline or carriage
// return escaped, and its line starting with a backslash, as GNU
// sha256sum does — so that `sha256sum -c` checks the files against it.
func (m Manifest) Text() string {
	var b strings.Builder
	for _, e := range slices.SortedFunc(slices.Values(m), func(a, b EvidenceEntry) int { return strings.Compare(a.Path, b.Path) }) {
		if e.SHA256 == "" {
			continue
		}
		path := e.Path
		if strings.ContainsAny(path, "\\\n\r") {
			b.WriteByte('\\')
			path = strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\r`).Replace(path)
		}
		b.WriteString(e.SHA256 + "  " + path + "\n")
	}
	return b.String()
}

// Digest is the SHA-256 of Text, the manifest digest.
func (m Manifest) Digest() string {
	sum := sha256.Sum256([]byte(m.Text()))
	return hex.EncodeToString(sum[:])
}

// Hashed counts the files in the manifest.
func (m Manifest) Hashed() int {
	n := 0
	for _, e := range m {
		if e.SHA256 != "" {
			n++
		}
	}
	return n
}

// manifest writes the summary table's row on the evidence: how many files
// the manifest holds and its digest.
func (m mdWriter) manifest(snap *inputs.Snapshot) {
	pack := NewEvidencePack(snap)
	files := Manifest(pack.Files)
	row := fmt.Sprintf("%s hashed, manifest sha256 %s", plural(files.Hashed(), "file"), mdCode(pack.ManifestSHA256))
	if n := len(files) - files.Hashed(); n > 0 {
		row += fmt.Sprintf(" (%s could not be read and are not in it)", plural(n, "file"))
	}
	m.p("| Evidence | %s |", row)
}
