package checks

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/bwlint/bwlint/lint"
)

type tagNamesOptions struct {
	MaxLength        int      `hcl:"max_length,optional" doc:"the longest tag name accepted, in characters, the % signs included (OCI-P accepts 64)"`
	ReservedPrefixes []string `hcl:"reserved_prefixes,optional" doc:"prefixes a custom tag name must not start with: BroadWorks keeps them for its own tags"`
}

// Validate rejects a length no tag can meet or BroadWorks would refuse,
// and a prefix that no name could start with.
func (o *tagNamesOptions) Validate() error {
	if o.MaxLength < 3 || o.MaxLength > 64 {
		return &lint.OptionError{Option: "max_length", Msg: fmt.Sprintf("%d is outside 3 to 64: a name needs two %% signs and a character, and BroadWorks refuses names longer than 64", o.MaxLength)}
	}
	for _, p := range o.ReservedPrefixes {
		if !strings.HasPrefix(p, "%") || len(p) < 2 {
			return &lint.OptionError{Option: "reserved_prefixes", Msg: fmt.Sprintf("%q is not the start of a tag name: it must start with %% and name at least one character after it, such as \"%%BW\"", p)}
		}
	}
	return nil
}

var dmTagNamesValid = &lint.Check{
	Name:  "dm_tag_names_valid",
	Title: "custom tag names are well formed",
	Doc: `Every custom tag, in a tag set, in the system default tag set or among the custom tags of a
device type or a device, must have a name BroadWorks accepts for a static tag: it starts and
ends with ` + "`%`" + `, holds no other ` + "`%`" + `, is at most 64 characters long (the signs
included), and does not start with ` + "`%BW`" + `, which BroadWorks keeps for its own dynamic tags.
These are the rules of the OCI-P schema's tag-name type.

The troubleshooting guide asks, under "Misconfiguration of BroadWorks tags", that the tags
the Webex app needs be configured without conflicts or incorrect values. A tag whose name breaks
these rules is never substituted into a device's configuration file: the file keeps the literal
text where the template names the tag, or the tag was imported under a name no template uses
(a missing ` + "`%`" + `, a space typed into the name). One finding per tag names every rule it breaks.

The tags a user's device resolves to (` + "`UserAccessDeviceTagsGetRequest`" + `) are not judged: they
are the result of the definitions, which are.`,
	Fix: `A tag cannot be renamed. Add it under a valid name and delete the misnamed one, as a system
administrator in the BroadWorks web portal (System > Resources > Device Management Tag Sets,
the set, then Add) or over OCI-P:

` + "```xml" + `
<command xsi:type="SystemDeviceManagementTagAddRequest22" xmlns="">
  <tagSetName>TAG_SET</tagSetName>
  <tagName>%VALID_NAME_WXT%</tagName>
  <tagValue>VALUE</tagValue>
</command>
<command xsi:type="SystemDeviceManagementTagDeleteListRequest" xmlns="">
  <tagSetName>TAG_SET</tagSetName>
  <tagName>MISNAMED TAG</tagName>
</command>
` + "```" + `

For the system default tag set write ` + "`<systemDefaultTagSet>true</systemDefaultTagSet>`" + ` instead
of ` + "`<tagSetName>`" + `. Correct the template files of the device types that name the tag, then
rebuild their files (` + "`<command xsi:type=\"SystemCPEConfigRebuildConfigFileRequest\" xmlns=\"\"><deviceType>DEVICE_TYPE</deviceType></command>`" + `).`,
	Severity: lint.Error,
	Applies: `Every AS cluster of the snapshot: its tag sets, the system default set and the custom tags
captured. A cluster whose Application Servers are captured but none of its tag sets is an
evidence gap; without an Application Server and without tag sets the check is not evaluated.`,
	Evidence: []lint.Evidence{tagSetCapture, customTagCapture},
	Tags:     []string{"devicemgmt", "tags"},
	Options: func() any {
		return &tagNamesOptions{MaxLength: 64, ReservedPrefixes: []string{"%BW"}}
	},
	Run: runTagNamesValid,
}

func runTagNamesValid(p *lint.Pass) error {
	opts := lint.OptionsOf[tagNamesOptions](p)
	for _, c := range judgedTagSets(p) {
		for _, ts := range c.sets() {
			if ts.Scope.Kind == tagset.ScopeUserDevice {
				continue
			}
			setName, setKey := ts.Describe()
			for _, t := range ts.Tags {
				broken := tagNameProblems(t.Name.Text, opts)
				if len(broken) == 0 {
					continue
				}
				p.Report(lint.Finding{
					Message:  fmt.Sprintf("tag name %q in %s%s %s", t.Name.Text, setName, ofCluster(c.name), strings.Join(broken, ", ")),
					Location: t.Name.Range(),
					Logical:  lint.Logical{Context: clusterContext(c.name, setKey), Key: t.Name.Text},
					Fix:      renameFix(ts, t, opts),
				})
			}
		}
	}
	return nil
}

// tagNameProblems lists the rules a tag name breaks, as phrases.
func tagNameProblems(name string, opts *tagNamesOptions) []string {
	var out []string
	inner := strings.TrimSuffix(strings.TrimPrefix(name, "%"), "%")
	switch {
	case !strings.HasPrefix(name, "%") && !strings.HasSuffix(name, "%"):
		out = append(out, "neither starts nor ends with %")
	case !strings.HasPrefix(name, "%"):
		out = append(out, "does not start with %")
	case !strings.HasSuffix(name, "%") || len(name) == 1:
		out = append(out, "does not end with %")
	case inner == "":
		out = append(out, "has nothing between its % signs")
	}
	if n := strings.Count(inner, "%"); n > 0 {
		out = append(out, fmt.Sprintf("holds %d %% %s between the first and the last", n, pluralWord(n, "sign", "signs")))
	}
	if n := utf8.RuneCountInString(name); n > opts.MaxLength {
		out = append(out, fmt.Sprintf("is %d characters long, more than %d", n, opts.MaxLength))
	}
	for _, prefix := range opts.ReservedPrefixes {
		if strings.HasPrefix(name, prefix) {
			out = append(out, fmt.Sprintf("starts with %s, which BroadWorks keeps for its own tags", prefix))
			break
		}
	}
	return out
}

// pluralWord picks the word for a count.
func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// renameFix renames a misnamed tag, which BroadWorks does not do in
// place: the tag added under a valid name with its value (named unless it
// is secret), the misnamed one deleted, the templates that name it
// corrected, the files rebuilt. The valid name is the misnamed one with
// its missing % signs added, when that is a valid name, and is not added
// when the set holds it already; otherwise the operator chooses it.
func renameFix(ts *tagset.TagSet, t tagset.Tag, opts *tagNamesOptions) []lint.FixStep {
	value := t.Value.Text
	if t.Secret() || source.IsSecretName(t.Name.Text) {
		value = ""
	}
	const now = "the value it has now"
	var steps []lint.FixStep
	valid := "%" + strings.Trim(t.Name.Text, "%") + "%"
	renamed := valid != t.Name.Text // only the signs were missing
	if other, held := ts.Lookup(valid); renamed && held {
		// The set holds the tag under its valid name as well: only the
		// misnamed one goes.
		name, _ := ts.Describe()
		note := fmt.Sprintf("%s holds %s already", name, valid)
		if value != "" && !other.Secret() && other.Value.Text != value {
			note += fmt.Sprintf(", with %q where the misnamed tag has %q: keep the value the devices need", other.Value.Text, value)
		}
		steps = []lint.FixStep{{Comment: note}}
	} else if renamed && len(tagNameProblems(valid, opts)) == 0 {
		steps = tagFix(ts, valid, value, now, false)
		if len(steps) == 0 {
			return nil
		}
		steps = steps[:1]
	} else {
		name, _ := ts.Describe()
		rules := fmt.Sprintf("starting and ending with %%, no other %%, at most %d characters", opts.MaxLength)
		if len(opts.ReservedPrefixes) > 0 {
			rules += ", not starting with " + strings.Join(opts.ReservedPrefixes, " or ")
		}
		with := now
		if value != "" {
			with = "its value " + strconv.Quote(value)
		}
		steps = []lint.FixStep{{Comment: fmt.Sprintf("add the tag to %s again under a valid name (%s), with %s", name, rules, with)}}
	}
	return append(steps,
		tagDeleteStep(ts, t.Name.Text),
		lint.FixStep{Comment: "correct the template files of the device types that name " + t.Name.Text},
		rebuildStep)
}
