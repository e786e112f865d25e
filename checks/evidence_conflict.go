package checks

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// The evidence evidence_conflict compares: OCI-P responses, and what the
// other channels say of the same items.
var (
	conflictTagSets = lint.OCIP("SystemDeviceManagementTagGetListRequest", "devicemgmt/tagsets/<name>.xml").
			Reading("each tag set's tags, compared with the same set's tag-set file (`devicemgmt/tagsets/<name>.tsv`); custom tags likewise").
			AsOptional()
	conflictTypeList = lint.OCIP("SystemSIPDeviceTypeGetListRequest", "ocip/<name>.xml").
				Reading("the device types, compared with the AS CLI's list").
				AsOptional()
	conflictTypeDetail = lint.OCIP("SystemSIPDeviceTypeGetRequest23V13", "ocip/<name>.xml").
				Reading("each device type's attributes, compared with the AS CLI's `detail`").
				AsOptional()
	conflictVersion = lint.OCIP("SystemSoftwareVersionGetRequest", "hosts/<host>/software-version.xml").
			Reading("the AS's release, compared with bwshowver and qversions").
			AsOptional()
	conflictUsers = lint.OCIP("UserGetRequest23V2", "ocip/<name>.xml").
			Reading("each user's fields, compared with the user's row in `users/*.csv`").
			AsOptional()
	conflictCLITypes = lint.CLI(inputs.RoleAS, deviceTypeContext, "get", "hosts/<host>/devicetypes.txt").
				Reading("the device types the AS lists").
				AsOptional()
	conflictCLIDetail = lint.CLI(inputs.RoleAS, deviceTypeContext, `detail "<device type>"`, "hosts/<host>/devicetypes.txt").
				Reading("the attributes of a device type").
				AsOptional()
	conflictShowVer = lint.Shell(inputs.RoleAS, "bwshowver", "hosts/<host>/bwshowver.txt").
			Reading("the AS's release").
			AsOptional()
)

var evidenceConflict = &lint.Check{
	Name:  "evidence_conflict",
	Title: "captures through two channels agree",
	Doc: `bwlint reads tag sets, device types, releases and users through more than one
channel: OCI-P responses beside tag-set files, the AS CLI's ` + "`System/DeviceType/SIP`" + `
output, ` + "`bwshowver`" + ` and ` + "`qversions`" + `, and ` + "`users/*.csv`" + `. The checks read one merged
model and do not care which channel a value came from; when two channels say different
things about the same item of one AS cluster, the model keeps the first capture in path order,
and this check reports the disagreement once, with both locations:

- a tag's value, or its ` + "`Is Overridable`" + ` or ` + "`Is Encrypted`" + ` flag, in a tag set or in custom tags;
- a device type one complete list holds and the other lacks (reseller-level types aside);
- an attribute of a device type (profile, obsolete, device access protocol, URI and context,
  default encoding, remote party info, registration, tag mode and tag set);
- an Application Server's release (the release stays unknown, and an input error says so);
- a user's field.

Two captures rarely disagree unless one is stale: taken before a change, or from another
system. A check that judged the stale one would judge a configuration that is not in force.
The values of encrypted tags cannot be compared (each export encrypts them anew), and values
of secret items and users' personal data are not shown.`,
	Fix: `Capture both channels again, at the same time, from the same AS cluster, and replace the
stale files in the snapshot. If the configuration really differs (an OCI-P capture of another
system, a tag-set file edited by hand), correct the configuration or remove the file that does
not describe this deployment.`,
	Severity: lint.Warning,
	Applies: `The snapshot as a whole: every item captured through OCI-P and through another channel
in the same AS cluster. Without OCI-P captures there is nothing to compare, and the check is
not evaluated.`,
	Evidence: []lint.Evidence{conflictTagSets, conflictTypeList, conflictTypeDetail, conflictVersion, conflictUsers,
		conflictCLITypes, conflictCLIDetail, conflictShowVer},
	Tags: []string{"inputs", "consistency"},
	Run:  runEvidenceConflict,
}

func runEvidenceConflict(p *lint.Pass) error {
	snap := p.Snapshot
	if len(snap.Captured.OCIP) == 0 {
		p.NotEvaluated("", "the snapshot holds no OCI-P capture (hosts/<host>/*.xml, devicemgmt/**/*.xml, ocip/**/*.xml), so no item was captured through two channels")
		return nil
	}
	for _, c := range snap.Conflicts {
		p.Report(conflictFinding(c))
	}
	return nil
}

// conflictFinding reports one conflict: at the capture the model did not
// keep (for a presence conflict, at the type that one list holds), with
// the other capture related.
func conflictFinding(c inputs.Conflict) lint.Finding {
	at, other := c.B, c.A
	if c.B.Absent {
		at, other = c.A, c.B
	}
	f := lint.Finding{
		Host:     c.Host,
		Location: at.Value.Range(),
		Logical:  lint.Logical{Context: conflictContext(c), Key: conflictKey(c)},
		Related:  []lint.Related{{Location: other.Value.Range(), Message: fmt.Sprintf("the %s capture", other.Channel)}},
		Secret:   c.Secret,
	}
	personal := c.Kind == inputs.ConflictUserField
	switch {
	case c.Kind == inputs.ConflictDeviceTypePresence:
		f.Message = fmt.Sprintf("%s is listed by the %s capture (%s) but not by the %s capture (%s)",
			c.Item, at.Channel, where(at.Value.Range()), other.Channel, where(other.Value.Range()))
		f.Value = c.Item
	case c.Secret || personal:
		f.Message = fmt.Sprintf("%s: %s differs between the %s capture (%s) and the %s capture (%s); bwlint uses the %s capture's",
			c.Item, fieldName(c), at.Channel, where(at.Value.Range()), other.Channel, where(other.Value.Range()), c.A.Channel)
		if personal {
			// Personal data: the value is compared by a baseline, never
			// printed.
			f.Value = at.Value.Text
		}
	default:
		f.Message = fmt.Sprintf("%s: %s is %q in the %s capture (%s) but %q in the %s capture (%s)",
			c.Item, fieldName(c), at.Value.Text, at.Channel, where(at.Value.Range()), other.Value.Text, other.Channel, where(other.Value.Range()))
		f.Expected, f.Actual = other.Value.Text, at.Value.Text
	}
	if c.Kind == inputs.ConflictRelease {
		f.Message += "; the host's release is left unknown"
	} else if c.Kind != inputs.ConflictDeviceTypePresence && !c.Secret && !personal {
		f.Message += fmt.Sprintf("; bwlint uses the %s capture's", c.A.Channel)
	}
	return f
}

func fieldName(c inputs.Conflict) string {
	if c.Field == "" {
		return "the release"
	}
	return c.Field
}

func where(r hcl.Range) string {
	if r.Start.Line == 0 {
		return r.Filename
	}
	return fmt.Sprintf("%s:%d", r.Filename, r.Start.Line)
}

// conflictContext names the item whatever file or line it was captured
// at: the AS cluster, then the item's key.
func conflictContext(c inputs.Conflict) string { return clusterContext(c.Cluster, c.Key) }

func conflictKey(c inputs.Conflict) string {
	switch {
	case c.Kind == inputs.ConflictDeviceTypePresence:
		return "presence"
	case c.Field != "":
		return c.Field
	}
	return strings.ReplaceAll(string(c.Kind), " ", "_")
}
