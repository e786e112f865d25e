package inputs

import (
	"path"
	"strings"
)

// classify decides a file's kind from its place in the layout. host is the
// host folder for files under hosts/. An OCI-P capture is then routed by
// the commands it holds, not by its folder (see readOCIP).
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
		case ".xml":
			return KindOCIP, host
		}
		return KindUnknown, host
	case len(parts) == 3 && parts[0] == "partnerhub" && parts[1] == "templates" && ext == ".json":
		return KindTemplate, ""
	case len(parts) == 3 && parts[0] == "partnerhub" && parts[1] == "clusters" && ext == ".json":
		return KindCluster, ""
	case len(parts) == 3 && parts[0] == "devicemgmt" && parts[1] == "tagsets" && (ext == ".tsv" || ext == ".csv"):
		return KindTagSet, ""
	case len(parts) >= 2 && (parts[0] == "devicemgmt" || parts[0] == "ocip") && ext == ".xml":
		return KindOCIP, ""
	case len(parts) == 2 && parts[0] == "users" && ext == ".csv":
		return KindUsers, ""
	case len(parts) == 3 && parts[0] == "wms" && parts[1] == "users":
		return KindWMSUsers, ""
	case len(parts) == 3 && parts[0] == "wms" && parts[1] == "sso":
		return KindWMSSSO, ""
	case rel == "wms/settings.hcl":
		return KindWMSSettings, ""
	case len(parts) == 3 && parts[0] == "logs" && parts[1] == "pslog":
		return KindPSLog, ""
	}
	return KindUnknown, ""
}

// describeExpected explains, for an unknown file, what would have been
// accepted in its place.
func describeExpected(rel string) string {
	parts := strings.Split(rel, "/")
	switch {
	case parts[0] == "hosts" && len(parts) == 2:
		return "files directly under hosts/ belong in a host folder, hosts/<host>/"
	case parts[0] == "hosts":
		return "host folders hold .txt transcripts, .sha256 digests and .xml OCI-P captures only"
	case parts[0] == "partnerhub":
		return "partnerhub/ holds templates/*.json and clusters/*.json only"
	case parts[0] == "devicemgmt":
		return "devicemgmt/ holds tagsets/*.tsv, tagsets/*.csv and .xml OCI-P captures only"
	case parts[0] == "ocip":
		return "ocip/ holds .xml OCI-P captures only"
	case parts[0] == "users":
		return "users/ holds *.csv user exports only, directly in the folder"
	case parts[0] == "wms":
		return "wms/ holds users/* import files, sso/* SAML captures and settings.hcl only"
	case parts[0] == "logs":
		return "logs/ holds pslog/* PSLog excerpts only"
	}
	return "a snapshot holds hosts/, partnerhub/, devicemgmt/, ocip/, users/, wms/ and logs/pslog/ only"
}
