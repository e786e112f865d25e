package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/showver"
	"github.com/bwlint/bwlint/lint"
)

const (
	patchingContext         = "Maintenance/Patching"
	containerOptionsContext = "Maintenance/ContainerOptions"
)

// The evidence as_required_patches reads.
var (
	patchShowVer = lint.Shell(inputs.RoleAS, "bwshowver", "hosts/<host>/bwshowver.txt").
			Reading("the release, which decides the patch required")
	patchList = lint.CLI(inputs.RoleAS, patchingContext, "listPatch", "hosts/<host>/patching.txt").Confirming().
			Reading("the applied patches, a table with Patch Name and State (the output of `detail <bundle>` is read too)")
	patchOptions = lint.CLI(inputs.RoleAS, containerOptionsContext, "get", "hosts/<host>/container-options.txt").
			Reading("the container option that enables the patch")
)

type requiredPatchesOptions struct {
	Patches         map[string][]string `hcl:"patches,optional" doc:"release → patches every AS of that release must have applied; releases not listed are not evaluated, an empty list requires nothing"`
	AppliedStates   []string            `hcl:"applied_states,optional" doc:"patch states (State column) that count as applied, compared case-insensitively"`
	Container       string              `hcl:"container,optional" doc:"container of the option the patch needs"`
	ContainerOption string              `hcl:"container_option,optional" doc:"container option that must be set where a patch is required"`
	OptionValue     string              `hcl:"option_value,optional" doc:"value the container option must have"`
}

// Validate rejects options the check cannot work with: it compares states
// against a non-empty list and needs a container option to look for.
func (o *requiredPatchesOptions) Validate() error {
	for _, rel := range sortedKeys(o.Patches) {
		patches := o.Patches[rel]
		// Hosts are looked up by their release's major form, so a key
		// written another way ("R24") would silently never match.
		if r, ok := showver.ParseRelease(rel); !ok || r.Major != rel {
			return &lint.OptionError{Option: "patches", Msg: fmt.Sprintf("%q is not a release in the form bwlint matches, such as \"24.0\" or \"21.sp1\"", rel)}
		}
		if slices.Contains(patches, "") {
			return &lint.OptionError{Option: "patches", Msg: fmt.Sprintf("release %s lists an empty patch name", rel)}
		}
	}
	switch {
	case len(o.AppliedStates) == 0 || slices.Contains(o.AppliedStates, ""):
		return &lint.OptionError{Option: "applied_states", Msg: "it must list at least one state, none empty, such as \"installed\""}
	case o.Container == "":
		return &lint.OptionError{Option: "container", Msg: "it must name a container, such as \"provisioning\""}
	case o.ContainerOption == "":
		return &lint.OptionError{Option: "container_option", Msg: "it must name an option, such as \"bw.imp.useProvisioningUrl\""}
	case o.OptionValue == "":
		return &lint.OptionError{Option: "option_value", Msg: "it must name the value the option needs, such as \"true\""}
	}
	return nil
}

var asRequiredPatches = &lint.Check{
	Name:  "as_required_patches",
	Title: "AS has the release's flow-through provisioning patch applied",
	Doc: `Each Application Server must have the patch that makes Integrated IM&P send
provisioning requests to the provisioning URL, for its release:

| release | patch |
| --- | --- |
| 22.0 | ` + "`AP.as.22.0.1123.ap373197`" + ` |
| 23.0 | ` + "`AP.as.23.0.1075.ap373197`" + ` |
| 24.0 | ` + "`AP.as.24.0.944.ap384177`" + ` (ap373197 does not exist for R24) |

Release-independent servers (` + "`Rel_2022.11_…`" + ` and later, all R25) take fixes as
new versions and need no patch. On releases that need the patch, the
container option ` + "`provisioning / bw.imp.useProvisioningUrl`" + ` must also be ` + "`true`" + `:
the patch does nothing without it.

The troubleshooting guide ("403 Forbidden" under user provisioning failures)
says a provisioning request aimed at an IP address instead of the
provisioning bridge URL "could indicate that your Application Server is
missing a required patch (ap373197)"; the Solution Guide lists the patch per
release. The release comes from the host's bwshowver capture; applied
patches are the rows of a ` + "`Maintenance/Patching`" + ` table (` + "`listPatch`" + ` or
` + "`detail <bundle>`" + `) whose ` + "`State`" + ` is installed, active or activated. A host whose
release is unknown has an evidence gap; one whose release is not in the table is not evaluated.`,
	Fix: `Apply the patch named in the finding with the usual patching procedure
(NFM or bwPatchTool), then enable it:

` + "```" + `
AS_CLI/Maintenance/ContainerOptions> add provisioning bw.imp.useProvisioningUrl true
AS_CLI/Maintenance/ContainerOptions> get
AS_CLI/Maintenance/Patching> listPatch
` + "```" + `

Restart the AS for the container option to take effect.`,
	Severity: lint.Error,
	Applies: `Every Application Server, and every host a Partner Hub cluster lists as one, whose release
needs a patch: a release the ` + "`patches`" + ` option lists. An AS whose release is unknown (no bwshowver)
has an evidence gap; one whose release the option does not list, or that is release-independent, needs
no patch from this check.`,
	Evidence: []lint.Evidence{patchShowVer, patchList, patchOptions},
	Tags:     []string{"as", "patching", "provisioning"},
	Options: func() any {
		return &requiredPatchesOptions{
			Patches: map[string][]string{
				"22.0": {"AP.as.22.0.1123.ap373197"},
				"23.0": {"AP.as.23.0.1075.ap373197"},
				"24.0": {"AP.as.24.0.944.ap384177"},
			},
			AppliedStates:   []string{"installed", "active", "activated"},
			Container:       "provisioning",
			ContainerOption: "bw.imp.useProvisioningUrl",
			OptionValue:     "true",
		}
	},
	Run: runRequiredPatches,
}

func runRequiredPatches(p *lint.Pass) error {
	opts := lint.OptionsOf[requiredPatchesOptions](p)
	reportUncapturedASes(p, patchShowVer)
	ases := p.HostsWithRole(inputs.RoleAS)
	if len(ases) == 0 {
		p.NotEvaluated("", "no Application Server host in the snapshot")
	}
	for _, h := range ases {
		required, release, ok := requiredFor(p, h, opts)
		if !ok || len(required) == 0 {
			continue
		}
		checkPatches(p, h, release, required, opts)
		checkContainerOption(p, h, release, opts)
	}
	return nil
}

// requiredFor returns the patches a host's release needs. ok is false when
// the host was recorded as not evaluated.
func requiredFor(p *lint.Pass, h *inputs.Host, opts *requiredPatchesOptions) ([]string, string, bool) {
	if !h.Release.Present() {
		p.Gap(h.Name, patchShowVer, "the release of %s is unknown: %s/ holds no bwshowver output", h.Name, h.Dir)
		return nil, "", false
	}
	rel, ok := showver.ParseRelease(h.Release.Text)
	if !ok {
		p.Gap(h.Name, patchShowVer, "release %q of %s (%s) is not a release bwlint can read", h.Release.Text, h.Name, h.Release.Loc.Filename())
		return nil, "", false
	}
	if rel.Independent {
		return nil, rel.Major, true
	}
	required, listed := opts.Patches[rel.Major]
	if !listed {
		p.NotEvaluated(h.Name, "release %s of %s is not in the release → patch table (option patches lists %s)", rel.Major, h.Name, strings.Join(sortedKeys(opts.Patches), ", "))
		return nil, "", false
	}
	return required, rel.Major, true
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func checkPatches(p *lint.Pass, h *inputs.Host, release string, required []string, opts *requiredPatchesOptions) {
	var tables []*bwcli.Table
	var cmds []*bwcli.Command
	for _, c := range h.Read(patchingContext) {
		for _, t := range c.Tables {
			if t.Column("Patch Name") >= 0 {
				tables = append(tables, t)
				cmds = append(cmds, c)
			}
		}
	}
	if len(tables) == 0 {
		p.Gap(h.Name, patchList, "no %s_CLI/%s table with a Patch Name column was captured on %s", lint.ServerOf(h, inputs.RoleAS), patchingContext, h.Name)
		return
	}
	last := tables[len(tables)-1]
	ctx := cliContext(cmds[len(cmds)-1], "AS", patchingContext)
	for _, patch := range required {
		row, t, found := findPatch(tables, patch)
		if !found {
			p.Report(lint.Finding{
				Host:     h.Name,
				Message:  fmt.Sprintf("required patch %s for release %s is not applied on %s (%s lists %d other patches)", patch, release, h.Name, ctx, countRows(tables)),
				Location: last.Columns[last.Column("Patch Name")].Range(),
				Logical:  lint.Logical{Context: ctx, Key: "Patch Name=" + patch},
				Expected: patch + " installed",
				Fix:      patchFix(ctx, patch),
			})
			continue
		}
		stateCol := t.Column("State")
		if stateCol < 0 {
			continue // listed without a state: listPatch lists applied patches only
		}
		state := row.Cell(stateCol)
		if slices.ContainsFunc(opts.AppliedStates, func(s string) bool { return strings.EqualFold(s, state.Text) }) {
			continue
		}
		p.Report(lint.Finding{
			Host:     h.Name,
			Message:  fmt.Sprintf("required patch %s for release %s is %q on %s, not applied (%s)", patch, release, state.Text, h.Name, strings.Join(opts.AppliedStates, ", ")),
			Location: state.Range(),
			Logical:  lint.Logical{Context: ctx, Key: "Patch Name=" + patch},
			Expected: patch + " " + opts.AppliedStates[0],
			Actual:   patch + " " + state.Text,
			Fix:      patchFix(ctx, patch),
		})
	}
}

// patchFix applies a patch by hand, the way the deployment patches, and
// lists the patches to check it.
func patchFix(ctx, patch string) []lint.FixStep {
	return []lint.FixStep{
		{Comment: "apply " + patch + " with the usual patching procedure (NFM or bwPatchTool)"},
		{Context: ctx, Command: "listPatch"},
	}
}

// optionFix adds a container option with the value it needs; the AS reads
// it when it restarts.
func optionFix(ctx string, opts *requiredPatchesOptions) []lint.FixStep {
	return []lint.FixStep{
		{Context: ctx, Command: "add " + opts.Container + " " + opts.ContainerOption + " " + cliArg(opts.OptionValue)},
		{Context: ctx, Command: "get"},
		{Comment: "restart the AS for the container option to take effect"},
	}
}

func findPatch(tables []*bwcli.Table, patch string) (bwcli.Row, *bwcli.Table, bool) {
	for i := len(tables) - 1; i >= 0; i-- {
		t := tables[i]
		col := t.Column("Patch Name")
		for _, r := range t.Rows {
			if strings.EqualFold(strings.TrimLeft(r.Cell(col).Text, "* "), patch) {
				return r, t, true
			}
		}
	}
	return bwcli.Row{}, nil, false
}

func countRows(tables []*bwcli.Table) int {
	seen := map[string]bool{}
	for _, t := range tables {
		col := t.Column("Patch Name")
		for _, r := range t.Rows {
			seen[strings.ToLower(r.Cell(col).Text)] = true
		}
	}
	return len(seen)
}

func checkContainerOption(p *lint.Pass, h *inputs.Host, release string, opts *requiredPatchesOptions) {
	cmds := h.Read(containerOptionsContext)
	if len(cmds) == 0 {
		p.Gap(h.Name, patchOptions, "%s", notCaptured(h, lint.ServerOf(h, inputs.RoleAS), containerOptionsContext))
		return
	}
	ctx := cliContext(cmds[len(cmds)-1], "AS", containerOptionsContext)
	key := opts.Container + "/" + opts.ContainerOption
	val, found := containerOption(cmds, opts.Container, opts.ContainerOption)
	if !found {
		at := cmds[len(cmds)-1].Input.Range()
		if ts := cmds[len(cmds)-1].Tables; len(ts) > 0 {
			at = ts[len(ts)-1].Range()
			at.End = at.Start
		}
		p.Report(lint.Finding{
			Host:     h.Name,
			Message:  fmt.Sprintf("container option %s is not set on %s; release %s needs it %s for the provisioning patch to take effect", key, h.Name, release, opts.OptionValue),
			Location: at,
			Logical:  lint.Logical{Context: ctx, Key: key},
			Expected: key + " = " + opts.OptionValue,
			Fix:      optionFix(ctx, opts),
		})
		return
	}
	if strings.EqualFold(val.Text, opts.OptionValue) {
		return
	}
	p.Report(lint.Finding{
		Host:     h.Name,
		Message:  fmt.Sprintf("container option %s on %s is %q, must be %s for the provisioning patch to take effect", key, h.Name, val.Text, opts.OptionValue),
		Location: val.Range(),
		Logical:  lint.Logical{Context: ctx, Key: key},
		Expected: key + " = " + opts.OptionValue,
		Actual:   key + " = " + val.Text,
		Fix:      optionFix(ctx, opts),
	})
}
