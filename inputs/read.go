package inputs

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bwlint/bwlint/inputs/bounded"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/digest"
	"github.com/bwlint/bwlint/inputs/ocip"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/pslog"
	"github.com/bwlint/bwlint/inputs/session"
	"github.com/bwlint/bwlint/inputs/showver"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/bwlint/bwlint/inputs/users"
	"github.com/bwlint/bwlint/inputs/wms"
	"github.com/hashicorp/hcl/v2"
)

// parsed is what reading one file produced.
type parsed struct {
	arenas   *bwcli.Arenas // the reading worker's, while the file is read
	file     *File
	problems []source.Problem
	commands []*bwcli.Command
	showvers []*showver.ShowVer
	digests  []digest.Digest
	template *partnerhub.Template
	cluster  *partnerhub.Cluster
	tagset   *tagset.TagSet
	ocip     *ocip.File
	userCSV  *users.CSVFile
	wmsUsers *wms.UserFile
	sso      *wms.SAMLMessage
	settings *wms.Settings
	pslog    *pslog.Log
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
			// Each worker hands its transcripts' arenas from one file to
			// the next (see bwcli.Arenas); they belong to this load only.
			ar := bwcli.NewArenas()
			for i := range next {
				out[i] = readOneSafely(entries[i], budget, &ar)
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

// readOneSafely is readOne with a parser's panic turned into an internal
// problem of that file: one file that trips a bug in bwlint must not take
// the others down, nor pass for bad input.
// A parser that panicked may have left the worker's arenas half used, so
// the worker carries on with new ones.
func readOneSafely(e entry, budget *atomic.Int64, ar **bwcli.Arenas) (r parsed) {
	rel := e.rel
	defer func() {
		if v := recover(); v != nil {
			*ar = bwcli.NewArenas()
			kind, host := classify(rel)
			r = parsed{file: &File{Path: rel, Kind: kind, Host: host, Status: Failed}}
			p := source.Errorf(hcl.Range{Filename: rel}, "internal error while reading this file (a bug in bwlint, please report it): %v", v)
			p.Internal = true
			r.problems = []source.Problem{p}
		}
	}()
	return readOne(e, budget, *ar)
}

func readOne(e entry, budget *atomic.Int64, ar *bwcli.Arenas) (r parsed) {
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
	r = parsed{file: &File{Path: rel, Kind: kind, Host: host, Status: Failed, ModTime: e.modTime}, arenas: ar}
	defer func() { r.arenas = nil }()
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
	var usable bool
	switch kind {
	case KindWMSUsers, KindOCIP:
		// These readers judge the bytes themselves: what Meetings Server
		// refuses an import for is first of all its encoding (a UTF-16
		// file without a byte-order mark is its to judge, not an error),
		// and an OCI-P capture declares its encoding in XML.
		raw, err := bounded.ReadFile(e.name, MaxFileSize)
		if err = r.spend(err, int64(len(raw)), budget); err != nil {
			r.problems = append(r.problems, source.Errorf(whole, "cannot read: %v", err))
			return r
		}
		sum := sha256.Sum256(raw)
		r.file.SHA256 = hex.EncodeToString(sum[:])
		if kind == KindWMSUsers {
			usable = r.parseWMSUsers(raw)
			break
		}
		usable = r.decoded(ocip.Decode(rel, raw))
	default:
		// Hashed as it is read, and held once: the text of a UTF-8 file
		// is the string read.
		h := sha256.New()
		raw, err := bounded.ReadString(e.name, MaxFileSize, h)
		if err = r.spend(err, int64(len(raw)), budget); err != nil {
			r.problems = append(r.problems, source.Errorf(whole, "cannot read: %v", err))
			return r
		}
		r.file.SHA256 = hex.EncodeToString(h.Sum(nil))
		usable = r.decoded(source.DecodeString(rel, raw))
	}
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

// spend records the size of a file read (err nil) and takes it from the
// snapshot's budget; the error is err, or the budget's being exhausted.
func (r *parsed) spend(err error, size int64, budget *atomic.Int64) error {
	if err != nil {
		return err
	}
	if budget.Add(-size) < 0 {
		return errors.New("the snapshot grew past its size limit while it was read")
	}
	r.file.Size = size
	return nil
}

// decoded parses a file's decoded text, and reports whether it yielded
// evidence.
func (r *parsed) decoded(text string, enc source.Encoding, probs []source.Problem, ok bool) bool {
	r.file.Encoding = enc
	r.problems = append(r.problems, probs...)
	if !ok {
		return false
	}
	r.file.Text = text
	r.file.Captured = capturedAt(r.file.Path, text)
	return r.parse(text)
}

// parse runs the file's parser and reports whether it yielded evidence.
func (r *parsed) parse(text string) bool {
	f := r.file
	var probs []source.Problem
	switch f.Kind {
	case KindTranscript:
		// A capture is a sequence of shell and CLI sessions; a file that
		// holds only bwshowver output is of that kind.
		c, probs := session.ParseIn(r.arenas, f.Path, text)
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
		if r.tagset != nil && tagset.IsSystemDefaultName(name) {
			// The system default tag set has no name to file it under.
			r.tagset.Name, r.tagset.Scope.SystemDefault = "", true
		}
		return r.tagset != nil
	case KindOCIP:
		// A lone response that does not name its tag set or device type
		// takes the name from the file: devicemgmt/tagsets/Webex.xml is
		// tag set "Webex".
		name := strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))
		r.ocip, probs = ocip.Parse(f.Path, text, ocip.Options{Name: name})
		r.problems = append(r.problems, probs...)
		return r.ocip != nil
	case KindUsers:
		r.userCSV, probs = users.ReadCSV(f.Path, text)
		r.problems = append(r.problems, probs...)
		return len(r.userCSV.Users) > 0
	case KindWMSSSO:
		r.sso, probs = wms.ParseSSO(f.Path, text)
		r.problems = append(r.problems, probs...)
		return r.sso != nil
	case KindWMSSettings:
		r.settings, probs = wms.ParseSettings(f.Path, text)
		r.problems = append(r.problems, probs...)
		return r.settings != nil
	case KindPSLog:
		r.pslog, probs = pslog.Parse(f.Path, text)
		r.problems = append(r.problems, probs...)
		return r.pslog != nil
	}
	return false
}

// parseWMSUsers reads a Meetings Server user import file from its bytes.
func (r *parsed) parseWMSUsers(raw []byte) bool {
	f := r.file
	uf, probs := wms.ParseUsers(f.Path, raw)
	r.problems = append(r.problems, probs...)
	if uf == nil {
		return false
	}
	r.wmsUsers = uf
	f.Text = uf.Text
	f.Encoding = wmsEncoding(uf.Encoding)
	return true
}

// wmsEncoding names an import file's encoding as File.Encoding names
// every other file's.
func wmsEncoding(e wms.Encoding) source.Encoding {
	switch {
	case e.Name == wms.UTF8 && e.BOM:
		return source.UTF8BOM
	case e.Name == wms.UTF8:
		return source.UTF8
	case e.Name == wms.UTF16LE && e.BOM:
		return source.UTF16LE
	case e.Name == wms.UTF16BE && e.BOM:
		return source.UTF16BE
	case e.Name == wms.UTF16LE:
		return source.UTF16LENoBOM
	case e.Name == wms.UTF16BE:
		return source.UTF16BENoBOM
	case e.Name == wms.Windows1252:
		return "windows-1252"
	}
	return "iso-8859-1"
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
		return "", 0, bounded.WithoutPath(err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
