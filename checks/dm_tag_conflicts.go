package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

type tagConflictOptions struct {
	IgnoreTags []string `hcl:"ignore_tags,optional" doc:"tags a named set may give another value than the system default set on purpose, by exact name"`
}

// Validate rejects a name no tag can have, which would ignore nothing.
func (o *tagConflictOptions) Validate() error {
	for _, t := range o.IgnoreTags {
		if len(t) < 3 || !strings.HasPrefix(t, "%") || !strings.HasSuffix(t, "%") {
			return &lint.OptionError{Option: "ignore_tags", Msg: fmt.Sprintf("%q is not a tag name: it must start and end with %%", t)}
		}
	}
	return nil
}

var dmTagConflicts = &lint.Check{
	Name:  "dm_tag_conflicts",
	Title: "a named tag set and the system default set give a tag one value",
	Doc: `A device whose type uses a named tag set gets the tags of the system default tag set as well:
both sets apply to the same devices. A tag defined in both with different values is a conflict —
one value hides the other, and which one a device gets depends on how its type is set up, not
on anything the tag sets show. The troubleshooting guide, under "Misconfiguration of BroadWorks
tags", asks to make sure the tags the Webex app needs have no conflicts.

Each tag of each named set is compared with the same tag of the system default set of the same
AS cluster (` + "`devicemgmt/tagsets/system-default.tsv`" + `, or the OCI-P response to
` + "`SystemDeviceManagementTagGetListRequest`" + ` with ` + "`systemDefaultTagSet`" + `), exactly, spaces
included. One finding per tag and set, at the named set's value, with the system default set's
as the related location. Values of encrypted tags cannot be compared — each export encrypts
them anew — and the check says so; values of tags named like secrets are compared but not
shown. A tag that a named set overrides on purpose can be left out with the ` + "`ignore_tags`" + `
option.

Custom tags of device types and devices, which override a set's values below the system level
on purpose (that is what they are for), are not compared here.`,
	Fix: `Decide which value the devices should get, and keep the tag in one set only: delete it from the
named set when the system default value is right, or give both sets the same value. As a system
administrator in the BroadWorks web portal (System > Resources > Device Management Tag Sets), or
over OCI-P:

` + "```xml" + `
<command xsi:type="SystemDeviceManagementTagDeleteListRequest" xmlns="">
  <tagSetName>TAG_SET</tagSetName>
  <tagName>%TAG_NAME%</tagName>
</command>
` + "```" + `

or ` + "`SystemDeviceManagementTagModifyRequest`" + ` with ` + "`<tagSetName>`" + ` (or
` + "`<systemDefaultTagSet>true</systemDefaultTagSet>`" + `), ` + "`<tagName>`" + ` and ` + "`<tagValue>`" + `. Then rebuild the
files of the device types that use the set
(` + "`<command xsi:type=\"SystemCPEConfigRebuildConfigFileRequest\" xmlns=\"\"><deviceType>DEVICE_TYPE</deviceType></command>`" + `).
If the override is intended, add the tag to the check's ` + "`ignore_tags`" + `.`,
	Severity: lint.Warning,
	Applies: `Every AS cluster of the snapshot that has named tag sets: each is compared with the cluster's
system default set. A cluster whose Application Servers are captured without any tag set, or
whose named sets are captured without the system default set, is an evidence gap; without an
Application Server and without tag sets the check is not evaluated.`,
	Evidence: []lint.Evidence{tagSetCapture},
	Tags:     []string{"devicemgmt", "tags", "consistency"},
	Options:  func() any { return &tagConflictOptions{IgnoreTags: []string{}} },
	Run:      runTagConflicts,
}

func runTagConflicts(p *lint.Pass) error {
	opts := lint.OptionsOf[tagConflictOptions](p)
	for _, c := range judgedTagSets(p) {
		if len(c.named) == 0 {
			continue
		}
		if c.def == nil {
			var names []string
			for _, ts := range c.named {
				names = append(names, fmt.Sprintf("%q", ts.Name))
			}
			p.Gap("", tagSetCapture, "the system default tag set%s was not captured, so %s %s cannot be compared with it (capture it as devicemgmt/tagsets/system-default.tsv, or with <systemDefaultTagSet>true</systemDefaultTagSet>)",
				ofCluster(c.name), pluralWord(len(names), "tag set", "tag sets"), strings.Join(names, ", "))
			continue
		}
		defName, _ := c.def.Describe()
		for _, ts := range c.named {
			name, key := ts.Describe()
			for _, t := range ts.Tags {
				d, ok := c.def.Lookup(t.Name.Text)
				if !ok || slices.Contains(opts.IgnoreTags, t.Name.Text) {
					continue
				}
				if t.Secret() || d.Secret() {
					p.NotEvaluatedPart("", "%s is encrypted in %s or %s%s, so their values cannot be compared", t.Name.Text, name, defName, ofCluster(c.name))
					continue
				}
				if t.Value.Text == d.Value.Text {
					continue
				}
				f := lint.Finding{
					Location: valueOrRow(t),
					Logical:  lint.Logical{Context: clusterContext(c.name, key), Key: t.Name.Text},
					Related:  []lint.Related{{Location: valueOrRow(d), Message: fmt.Sprintf("%s in %s", t.Name.Text, defName)}},
				}
				// Which value is right is the operator's call: the steps say
				// how to keep either, never a secret's value.
				keepDefault, keepNamed := "the value of "+defName, "the set's own value"
				if source.IsSecretName(t.Name.Text) {
					f.Message = fmt.Sprintf("%s differs between %s and %s%s (values not shown): devices whose type uses %q get both sets, and one value hides the other",
						t.Name.Text, name, defName, ofCluster(c.name), ts.Name)
					f.Secret = true
				} else {
					f.Message = fmt.Sprintf("%s is %q in %s but %q in %s%s: devices whose type uses %q get both sets, and one value hides the other",
						t.Name.Text, t.Value.Text, name, d.Value.Text, defName, ofCluster(c.name), ts.Name)
					f.Expected, f.Actual = d.Value.Text, t.Value.Text
					keepDefault, keepNamed = fmt.Sprintf("%q (the value of %s)", d.Value.Text, defName), fmt.Sprintf("%q", t.Value.Text)
				}
				f.Fix = []lint.FixStep{
					{Comment: fmt.Sprintf("if %s is right for the devices of %s as well:", keepDefault, name)},
					tagDeleteStep(ts, t.Name.Text),
					{Comment: fmt.Sprintf("if %s is meant for the devices of %s alone, add %s to the check's ignore_tags instead", keepNamed, name, t.Name.Text)},
					rebuildStep,
				}
				p.Report(f)
			}
		}
	}
	return nil
}
