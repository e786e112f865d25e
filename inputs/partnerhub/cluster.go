package partnerhub

import (
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// Cluster is a BroadWorks cluster as configured in Partner Hub, read from
// partnerhub/clusters/*.json.
type Cluster struct {
	Path  string
	Range hcl.Range // the whole top-level object

	Name           source.Value
	AuthServiceURL source.Value
	XsiActionsURL  source.Value
	XsiEventsURL   source.Value
	CTIURL         source.Value // optional

	// ApplicationServers and XSPs are host names, optional.
	ApplicationServers []source.Value
	XSPs               []source.Value

	// Fields are all top-level members in file order, known or not.
	Fields []Field
}

// ParseCluster reads a cluster file. Like ParseTemplate it returns nil only
// when text is not JSON or its top level is not an object.
func ParseCluster(path, text string) (*Cluster, []source.Problem) {
	obj, probs := parseObject(path, text, "cluster")
	if obj == nil {
		return nil, probs
	}
	r := &memberReader{what: "cluster", obj: obj}
	c := &Cluster{
		Path:               path,
		Range:              obj.Range,
		Name:               r.requiredString("name"),
		AuthServiceURL:     r.requiredString("authServiceUrl"),
		XsiActionsURL:      r.requiredString("xsiActionsUrl"),
		XsiEventsURL:       r.requiredString("xsiEventsUrl"),
		CTIURL:             r.optionalString("ctiUrl"),
		ApplicationServers: r.stringList("applicationServers", "host", hostKey),
		XSPs:               r.stringList("xsps", "host", hostKey),
		Fields:             fieldsOf(obj),
	}
	probs = append(probs, r.probs...)
	source.SortProblems(probs)
	return c, probs
}

// hostKey is the form in which two host names are the same host: DNS
// ignores case and a trailing dot only marks the name as absolute.
func hostKey(host string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
}

// Field returns the first top-level member named key, known or not.
func (c *Cluster) Field(key string) (Field, bool) {
	return lookupField(c.Fields, key)
}
