package inputs

import (
	"strings"
	"time"

	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/devicetype"
	"github.com/bwlint/bwlint/inputs/digest"
	"github.com/bwlint/bwlint/inputs/ocip"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/pslog"
	"github.com/bwlint/bwlint/inputs/showver"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/bwlint/bwlint/inputs/users"
)

// Snapshot is everything read from one snapshot directory. It is built once
// by Load and never modified afterwards, so checks may read it concurrently.
type Snapshot struct {
	// Root is the directory as given to Load.
	Root string
	// Hosts are sorted by name.
	Hosts     []*Host
	Templates []*partnerhub.Template
	Clusters  []*partnerhub.Cluster
	// TagSets are the sets of tags of every channel, merged (see
	// docs/inputs.md#scope-and-channels): system tag sets, the system
	// default set (Scope.SystemDefault), and custom tags of a device type
	// or a device at service-provider, group or device level, each with
	// its Scope. Captures of the same set in one AS cluster, from a
	// tag-set file or an OCI-P response, make one set whose tags keep the
	// range they were read from; Path is the first capture's. In the
	// order of each set's first capture, in path order.
	TagSets []*tagset.TagSet
	// DeviceTypes are the SIP device types of every channel — OCI-P lists
	// and details, and the AS CLI's System/DeviceType/SIP "get" table and
	// "detail" output — merged per AS cluster by name, in the order
	// names first appear (clusters in order, captures in path order).
	DeviceTypes []*devicetype.DeviceType
	// DeviceTypeLists are the complete lists of SIP device types
	// captured, each with its AS cluster: the AS CLI's
	// System/DeviceType/SIP "get" tables and OCI-P
	// SystemSIPDeviceTypeGetListResponses, in the order of their ranges. A
	// type that a list of its cluster lacks does not exist there; one
	// that merely has no capture might.
	DeviceTypeLists []DeviceTypeList
	// Users are the subscribers of OCI-P user details and users/*.csv,
	// merged by user id (users.Merge), in the order ids first appear.
	Users []*users.User
	// IMP are the Integrated IM&P settings of the system, resellers,
	// service providers and groups read from OCI-P, in path order.
	IMP []*ocip.IntegratedIMP
	// WMS is the Meetings Server evidence.
	WMS WMS
	// PSLogs are the PSLog excerpts of logs/pslog/, in path order.
	PSLogs []*pslog.Log
	// ASClusters are the snapshot's AS clusters (see ClusterOf).
	ASClusters []ASCluster
	// Conflicts are the items two captures say different things about,
	// sorted by the position of their first side.
	Conflicts []Conflict
	// Captured holds what each file gave as read, before the channels
	// were merged.
	Captured Captured
	// Files lists every file found, sorted by path.
	Files []*File
	// Problems lists every input problem, sorted by position.
	Problems []source.Problem

	files map[string]*File
	hosts map[string]*Host
	// clusterOf maps the hosts partnerhub/clusters/*.json lists as
	// application servers to their cluster's name; defaultCluster is the
	// only cluster's name, or "".
	clusterOf      map[string]string
	defaultCluster string
}

// Kind names what a file was read as.
type Kind string

// The file kinds of input contract v1.
const (
	KindTranscript Kind = "transcript"
	KindShowVer    Kind = "bwshowver"
	KindDigest     Kind = "sha256"
	KindTemplate   Kind = "template"
	KindCluster    Kind = "cluster"
	KindTagSet     Kind = "tagset"
	KindUnknown    Kind = "unknown"
)

// The file kinds added since: OCI-P captures, user exports, Meetings
// Server files and PSLog excerpts.
const (
	KindOCIP        Kind = "ocip"
	KindUsers       Kind = "users"
	KindWMSUsers    Kind = "wms-users"
	KindWMSSSO      Kind = "wms-sso"
	KindWMSSettings Kind = "wms-settings"
	KindPSLog       Kind = "pslog"
)

// Status tells how much of a file could be used as evidence.
type Status string

// File statuses.
const (
	// Parsed files were understood completely.
	Parsed Status = "parsed"
	// Partial files were read with problems; what was understood counts.
	Partial Status = "partial"
	// Failed files yielded no evidence at all.
	Failed Status = "failed"
)

// File is one file of the snapshot.
type File struct {
	// Path is relative to the snapshot root, with forward slashes; it is
	// the Filename of every range into this file.
	Path     string
	Kind     Kind
	Status   Status
	Encoding source.Encoding
	// SHA256 is the hex digest of the file's bytes as stored on disk,
	// unknown files included; "" only when the file could not be read.
	SHA256 string
	// Size is the file's length in bytes; 0 when it could not be read.
	Size int64
	// Text is the decoded content that all ranges index.
	Text string
	// Host is the host folder the file belongs to, if any.
	Host string
	// Lines counts what became of each line of a transcript or digest
	// file; nil for the other kinds and for a file that was not read.
	Lines *source.LineCounts
	// ModTime is the file's modification time as the file system gave
	// it when the snapshot was listed (of the file a link leads to).
	ModTime time.Time
	// Captured is when the capture was taken, as the header of the tool
	// that recorded it says (script(1), PuTTY); its Tool is "" when the
	// file shows no such header.
	Captured CaptureTime
}

// Role is the kind of BroadWorks server a host is.
type Role string

// Roles. XSP and ADP servers share the role RoleXSP: the ADP is the
// release-independent successor of the XSP and hosts the same applications.
const (
	RoleUnknown Role = ""
	RoleAS      Role = "as"
	RoleXSP     Role = "xsp"
	RoleNS      Role = "ns"
	RoleMS      Role = "ms"
	RolePS      Role = "ps"
	RoleDBS     Role = "dbs"
	RoleNFM     Role = "nfm"
)

// RoleOf returns the role of a server prefix such as "AS" or "ADP".
func RoleOf(server string) Role {
	switch s := strings.ToUpper(server); s {
	case "XSP", "ADP":
		return RoleXSP
	default:
		return Role(strings.ToLower(s))
	}
}

// Host is one server of the deployment: a folder under hosts/.
type Host struct {
	Name string
	// Dir is the host's folder relative to the snapshot root.
	Dir string
	// Role is RoleUnknown when no capture shows it, or when captures
	// disagree (which is an input problem).
	Role Role
	// RoleEvidence is the value the role was read from: a prompt's server
	// prefix or the first line of bwshowver output.
	RoleEvidence source.Value
	// Release is the release from bwshowver, from the Active row of
	// qversions ("24.0_1.944") or from an OCI-P software version captured
	// in the host's folder, when captured and not in dispute.
	Release source.Value
	// ShowVer is the first bwshowver output captured, nil when none was;
	// a transcript may hold it beside CLI sessions.
	ShowVer *showver.ShowVer
	// Commands holds every command of every transcript, by file path and
	// then in file order: CLI commands, and shell commands whose output is
	// read as a CLI context's (listPatch.pl, as Maintenance/Patching).
	Commands []*bwcli.Command
	Digests  []digest.Digest
	// Files lists the paths of the host's files.
	Files []string

	showvers     []*showver.ShowVer // every bwshowver capture, in path order
	ocipReleases []ocip.Release     // every OCI-P software version of the host's folder
}

// Read returns the commands that printed a context's configuration (see
// bwcli.Command.Reads), in capture order, whether typed in the CLI or at
// the shell (a patch list). A command printed again later, the same way,
// is superseded by the later one and left out: the later shows the
// configuration in force.
func (h *Host) Read(context string) []*bwcli.Command {
	var out []*bwcli.Command
	for _, c := range h.Commands {
		if c.Reads() && c.SupersededBy == nil && c.In(context) {
			out = append(out, c)
		}
	}
	return out
}

// Captured reports whether the capture shows a context's configuration: a
// command that printed it, not merely a "set" typed there.
func (h *Host) Captured(context string) bool { return len(h.Read(context)) > 0 }

// Attr returns the last captured value of attribute key in a context, with
// the command that printed it, among the commands Read returns. Later
// captures win, so a transcript that shows a "get" after a "set" yields
// the value in force, and an attribute the later "get" no longer shows is
// not found.
func (h *Host) Attr(context, key string) (bwcli.KV, *bwcli.Command, bool) {
	for i := len(h.Commands) - 1; i >= 0; i-- {
		c := h.Commands[i]
		if !c.Reads() || c.SupersededBy != nil || !c.In(context) {
			continue
		}
		if kv, ok := c.Attr(key); ok {
			return kv, c, true
		}
	}
	return bwcli.KV{}, nil, false
}

// Tables returns the tables printed in a context, in capture order.
func (h *Host) Tables(context string) []*bwcli.Table {
	var out []*bwcli.Table
	for _, c := range h.Read(context) {
		out = append(out, c.Tables...)
	}
	return out
}

// Digest returns the digest recorded for a file name, such as
// "authService.keys". The name is compared without any directory part.
func (h *Host) Digest(name string) (digest.Digest, bool) {
	for i := len(h.Digests) - 1; i >= 0; i-- {
		d := h.Digests[i]
		if baseName(d.Name.Text) == name {
			return d, true
		}
	}
	return digest.Digest{}, false
}

// Server is the prompt prefix the host's captures show ("AS", "XSP",
// "ADP"): its first CLI prompt's, else its bwshowver's; "" when no
// capture shows one.
func (h *Host) Server() string {
	for _, c := range h.Commands {
		if c.Server.Text != "" {
			return c.Server.Text // a shell command (listPatch.pl) has none
		}
	}
	if h.ShowVer != nil {
		return h.ShowVer.Server.Text
	}
	return ""
}

// Host returns the host named name, or nil.
func (s *Snapshot) Host(name string) *Host {
	return s.hosts[name]
}

// File returns the file at path, or nil.
func (s *Snapshot) File(path string) *File {
	return s.files[path]
}

// HasErrors reports whether any input problem is an error.
func (s *Snapshot) HasErrors() bool {
	for _, p := range s.Problems {
		if p.Severity == source.Error {
			return true
		}
	}
	return false
}

// HasInternalErrors reports whether reading a file failed because of a
// bug in bwlint rather than in the input (see source.Problem.Internal).
func (s *Snapshot) HasInternalErrors() bool {
	for _, p := range s.Problems {
		if p.Internal {
			return true
		}
	}
	return false
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
