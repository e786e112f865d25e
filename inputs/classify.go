package inputs

import (
	"path"
	"strings"
)

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
