package inputs

import (
	"github.com/bwlint/bwlint/inputs/devicetype"
	"github.com/bwlint/bwlint/inputs/ocip"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/bwlint/bwlint/inputs/users"
	"github.com/bwlint/bwlint/inputs/wms"
	"github.com/hashicorp/hcl/v2"
)

// WMS is the Cisco WebEx Meetings Server evidence of a snapshot.
type WMS struct {
	// Users are the user import files of wms/users/, in path order.
	Users []*wms.UserFile
	// SSO are the SAML captures of wms/sso/, in path order.
	SSO []*wms.SAMLMessage
	// Settings is wms/settings.hcl; nil when the snapshot holds none or
	// it could not be read.
	Settings *wms.Settings
}

// ASCluster is a redundant set of Application Servers sharing one
// database: tag sets, device types, the software version, service
// providers, groups and users are its data, not one server's. The
// clusters come from partnerhub/clusters/*.json (applicationServers);
// a snapshot that lists none, or one, has one AS cluster.
type ASCluster struct {
	// Name is the Partner Hub cluster's name; "" for the snapshot's only
	// cluster when no cluster file names it, and for the data of a
	// snapshot of several clusters that lies in no cluster's host folder.
	Name string
	// Hosts are the host folders the cluster file lists, as written.
	Hosts []string
}

// ClusterOf returns the name of the AS cluster the data of the file at
// path belong to: for a file under hosts/<host>/, the cluster whose
// cluster file lists that host; for any other file, and for a host no
// cluster lists, the snapshot's only cluster, or "" when it has several.
func (s *Snapshot) ClusterOf(path string) string {
	if f := s.files[path]; f != nil && f.Host != "" {
		if c, ok := s.clusterOf[f.Host]; ok {
			return c
		}
	}
	return s.defaultCluster
}

// DeviceTypeList is a complete list of SIP device types: where it was
// captured, and the AS cluster it belongs to (ASCluster.Name).
type DeviceTypeList struct {
	Cluster string
	// Range covers the list: the CLI's table, or the OCI-P response.
	Range hcl.Range
}

// Captured is what each file gave as read, before the channels were
// merged: bwlint parse lists it, and the redaction reads the secrets
// from it. Checks read the merged fields of Snapshot.
type Captured struct {
	// TagSetFiles are the tag sets of devicemgmt/tagsets/*.tsv and *.csv.
	TagSetFiles []*tagset.TagSet
	// OCIP are the OCI-P captures, every command kept, in path order.
	OCIP []*ocip.File
	// UserCSVs are the users/*.csv files.
	UserCSVs []*users.CSVFile
	// CLIDeviceTypes are the device types the AS CLI printed
	// (System/DeviceType/SIP "get" rows and "detail" output), in host
	// and capture order.
	CLIDeviceTypes []*devicetype.DeviceType
}

// ConflictKind says what two captures disagree about.
type ConflictKind string

// Kinds of conflict.
const (
	// ConflictTagValue: a tag's value or flags differ.
	ConflictTagValue ConflictKind = "tag value"
	// ConflictDeviceTypePresence: one complete device-type list holds a
	// type the other lacks.
	ConflictDeviceTypePresence ConflictKind = "device type presence"
	// ConflictDeviceTypeAttr: an attribute of a device type differs.
	ConflictDeviceTypeAttr ConflictKind = "device type attribute"
	// ConflictRelease: a host's release differs between captures.
	ConflictRelease ConflictKind = "release"
	// ConflictUserField: a user's field differs between captures.
	ConflictUserField ConflictKind = "user field"
)

// Conflict is one item two captures say different things about. The
// merged model keeps the first side's value (for a release, neither).
type Conflict struct {
	Kind ConflictKind
	// Cluster is the AS cluster (ASCluster.Name); Host the host, for a
	// release.
	Cluster string
	Host    string
	// Item names the item for people: `tag "%SBC_ADDRESS_WXT%" of tag
	// set "Webex"`, `device type "Connect - Mobile"`.
	Item string
	// Key identifies the item whatever file or line it was captured at,
	// for a finding's identity: "tagset/Webex/%SBC_ADDRESS_WXT%".
	Key string
	// Field is the attribute that differs ("Tag Value",
	// "deviceAccessProtocol", "emailAddress"); "" for presence and
	// release.
	Field string
	// A and B are the two sides, A the one the merged model kept.
	A, B ConflictSide
	// Secret marks values that are never shown: an encrypted tag, a
	// secret-named attribute.
	Secret bool
}

// ConflictSide is what one capture says of a conflicting item.
type ConflictSide struct {
	// Channel names the capture for people: "tag-set file", "OCI-P",
	// "AS CLI", "bwshowver", "qversions", "users CSV".
	Channel string
	// Value is the value captured, with its range. For a presence
	// conflict the side that lacks the item has an empty text and the
	// range of its list.
	Value source.Value
	// Absent marks the side that lacks the item (presence conflicts).
	Absent bool
}
