package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/digest"
	"github.com/bwlint/bwlint/lint"
)

// defaultKeysFile is the file exportKeys writes, whose digest is compared.
const defaultKeysFile = "authService.keys"

// keysDigest is the evidence of a host's keys: the digest of the export
// of keysFile, which exportKeys writes to /var/broadworks/tmp.
func keysDigest(keysFile string) lint.Evidence {
	return lint.Shell(inputs.RoleXSP, "sha256sum /var/broadworks/tmp/"+keysFile, "hosts/<host>/authservice-keys.sha256").
		After(lint.Command{Source: lint.FromCLI, Context: "Applications/authenticationService/KeyManagement", Text: "exportKeys"}).
		Reading("the digest of the key export")
}

// The other evidence xsp_authservice_keys_match reads.
var (
	keysShowVer = lint.Shell(inputs.RoleXSP, "bwshowver", "hosts/<host>/bwshowver.txt").
			Reading("whether the host runs the authentication service (its application list), and the role of a host with no XSP_CLI or ADP_CLI capture")
	keysClusters = lint.PartnerHub("copy each BroadWorks cluster into a JSON file (docs/inputs.md)", "partnerhub/clusters/<name>.json").
			Reading("the xsps of each cluster, the hosts that must share one key pair; without cluster files all XSP and ADP hosts form one group").
			AsOptional()
)

type authserviceKeysOptions struct {
	KeysFile string `hcl:"keys_file,optional" doc:"file name whose sha256 digest is compared (the exportKeys output)"`
}

// Validate rejects an empty file name, which no digest line can match.
func (o *authserviceKeysOptions) Validate() error {
	if strings.TrimSpace(o.KeysFile) == "" {
		return &lint.OptionError{Option: "keys_file", Msg: "it must name the exported key file, such as \"authService.keys\""}
	}
	return nil
}

var xspAuthserviceKeysMatch = &lint.Check{
	Name:  "xsp_authservice_keys_match",
	Title: "all XSPs of a cluster hold the same authentication-service keys",
	Doc: `Every XSP and ADP of a cluster must hold the same RSA key pair for the
authentication service, compared through the sha256 digest of the key export
` + "`authService.keys`" + ` recorded in the host's ` + "`*.sha256`" + ` files.

The troubleshooting guide's "Misconfiguration of authentication service"
asks to check that "the RSA keys (that you generate on one XSP) are copied
onto all the XSPs": a token issued by one XSP must be decrypted by any other,
otherwise sign-ins fail at random depending on which XSP a request reaches.

Hosts are grouped by the ` + "`xsps`" + ` list of each Partner Hub cluster file, or, without
cluster files, all XSP and ADP hosts form one group. Each host whose digest
differs from the majority of its group is reported, with the majority hosts
as related locations; when no value holds a majority every host is
reported. A host without a digest is an evidence gap (see below). Equal digests prove
equal exports; the export format is not documented as byte-stable, so a
difference means the keys are not proven identical.`,
	Fix: `Export the keys on one XSP of the majority and import them on each host
named in a finding, then restart the authentication service:

` + "```" + `
XSP_CLI/Applications/authenticationService/KeyManagement> exportKeys
(copy /var/broadworks/tmp/authService.keys to the same path on the other host)
XSP_CLI/Applications/authenticationService/KeyManagement> importKeys /var/broadworks/tmp/authService.keys
` + "```" + `

Record the new digest with sha256sum /var/broadworks/tmp/authService.keys.`,
	Severity: lint.Error,
	Applies: `Every XSP and ADP host that runs the authentication service and belongs to a group: the
` + "`xsps`" + ` of a Partner Hub cluster, or, without cluster files, all XSP and ADP hosts. A host whose
bwshowver lists its applications without the authentication service does not run it; a host
without that list is taken to. A host that no cluster lists, when cluster files exist, has no group
and is not evaluated; one that a cluster lists but the snapshot lacks is an evidence gap.`,
	Evidence:         []lint.Evidence{keysDigest(defaultKeysFile), keysShowVer, keysClusters},
	Tags:             []string{"xsp", "security", "authentication"},
	SecuritySeverity: "7.0",
	Options:          func() any { return &authserviceKeysOptions{KeysFile: defaultKeysFile} },
	Run:              runAuthserviceKeysMatch,
}

// keyManagementContext is where the keys are exported and imported; it
// names the findings' logical location, which must not depend on the name
// an operator gave the digest file.
const keyManagementContext = "Applications/AuthenticationService/KeyManagement"

func runAuthserviceKeysMatch(p *lint.Pass) error {
	opts := lint.OptionsOf[authserviceKeysOptions](p)
	groups, loose := xspGroups(p, keysDigest(opts.KeysFile))
	reportUnknownRoles(p, groups)
	for _, h := range loose {
		p.NotEvaluated(h.Name, "%s", notInCluster(h))
	}
	if len(groups) == 0 {
		p.NotEvaluated("", "no XSP or ADP host in the snapshot")
	}
	for _, g := range groups {
		checkKeyGroup(p, g, opts.KeysFile)
	}
	return nil
}

// reportUnknownRoles records hosts that hold a digest of the keys export
// but were never shown to be XSPs (no XSP_CLI or ADP_CLI capture, no
// bwshowver): they are most likely XSPs whose other captures are missing,
// and leaving them out of every group in silence would hide a mismatch.
func reportUnknownRoles(p *lint.Pass, groups []xspGroup) {
	keysFile := lint.OptionsOf[authserviceKeysOptions](p).KeysFile
	inCluster := map[string]bool{}
	for _, g := range groups {
		for _, h := range g.hosts {
			if g.cluster != "" {
				inCluster[h.Name] = true
			}
		}
	}
	for _, h := range p.Snapshot.Hosts {
		if h.Role != inputs.RoleUnknown || inCluster[h.Name] {
			continue
		}
		if _, ok := h.Digest(keysFile); ok {
			p.Gap(h.Name, keysShowVer, "%s holds a digest of %s but its role is unknown (no XSP_CLI or ADP_CLI capture and no bwshowver output in %s/), so it is in no group of XSPs", h.Name, keysFile, h.Dir)
		}
	}
}

type heldDigest struct {
	host *inputs.Host
	d    digest.Digest
}

func checkKeyGroup(p *lint.Pass, g xspGroup, keysFile string) {
	var held []heldDigest
	for _, h := range g.hosts {
		d, ok := h.Digest(keysFile)
		if !ok {
			if runs, apps := runsAuthService(h, keysFile); !runs {
				p.NotEvaluated(h.Name, "%s", notRunningAuthService(h, apps))
				continue
			}
			p.Gap(h.Name, keysDigest(keysFile), "no sha256 digest of %s in %s/*.sha256", keysFile, h.Dir)
			continue
		}
		held = append(held, heldDigest{h, d})
	}
	if len(held) == 1 && len(g.hosts) > 1 {
		p.NotEvaluated(held[0].host.Name, "%s is the only host of %s with a digest of %s, so there is nothing to compare it with", held[0].host.Name, g.name, keysFile)
	}
	if len(held) < 2 {
		return
	}
	byValue := map[string][]heldDigest{}
	for _, hd := range held {
		k := strings.ToLower(hd.d.Hex.Text)
		byValue[k] = append(byValue[k], hd)
	}
	if len(byValue) == 1 {
		return
	}
	majority, best, tie := "", 0, false
	for k, hs := range byValue {
		switch {
		case len(hs) > best:
			majority, best, tie = k, len(hs), false
		case len(hs) == best:
			tie = true
		}
	}
	for _, hd := range held {
		k := strings.ToLower(hd.d.Hex.Text)
		if !tie && k == majority {
			continue
		}
		var others []heldDigest
		if tie {
			for _, o := range held {
				if strings.ToLower(o.d.Hex.Text) != k {
					others = append(others, o)
				}
			}
		} else {
			others = byValue[majority]
		}
		reportKeyMismatch(p, g, keysFile, hd, others, tie)
	}
}

// verb picks the singular or plural form for a count of hosts.
func verb(n int, singular, pluralForm string) string {
	if n == 1 {
		return singular
	}
	return pluralForm
}

func reportKeyMismatch(p *lint.Pass, g xspGroup, keysFile string, hd heldDigest, others []heldDigest, tie bool) {
	var names []string
	var related []lint.Related
	for _, o := range others {
		names = append(names, o.host.Name)
		related = append(related, lint.Related{Location: o.d.Hex.Range(), Message: fmt.Sprintf("%s holds %s", o.host.Name, o.d.Short())})
	}
	slices.Sort(names)
	msg := fmt.Sprintf("%s digest on %s is %s but %s of %s, the largest group holding one value, %s %s: the authentication-service keys are not proven identical",
		keysFile, hd.host.Name, hd.d.Short(), hostList(names), g.name, verb(len(names), "has", "have"), others[0].d.Short())
	expected := others[0].d.Short()
	if tie {
		msg = fmt.Sprintf("%s digest on %s is %s while %s of %s %s other values and no value is held by more hosts than any other: the authentication-service keys differ within the group",
			keysFile, hd.host.Name, hd.d.Short(), hostList(names), g.name, verb(len(names), "holds", "hold"))
		expected = "the same digest as " + hostList(names)
	}
	key := keysFile
	if g.cluster != "" {
		// A host may serve two clusters and differ in both; each
		// comparison is its own finding with its own identity.
		key += " (cluster " + g.cluster + ")"
	}
	var fix []lint.FixStep
	if !tie {
		fix = keysFix(others[0].host, hd.host, keysFile)
	}
	p.Report(lint.Finding{
		Host:     hd.host.Name,
		Message:  msg,
		Location: hd.d.Hex.Range(),
		Logical:  lint.Logical{Context: cliContext(nil, lint.ServerOf(hd.host, inputs.RoleXSP), keyManagementContext), Key: key},
		Expected: expected,
		Actual:   hd.d.Short(),
		Related:  related,
		Fix:      fix,
	})
}

// keysFix copies the keys of a host of the majority to one that differs:
// export there, copy the file, import here, restart, and record the
// digest again. With no majority (a tie) no host is known to be right,
// and the check's general fix stands.
func keysFix(from, to *inputs.Host, keysFile string) []lint.FixStep {
	path := "/var/broadworks/tmp/" + keysFile
	return []lint.FixStep{
		{Comment: "on " + from.Name + ", which holds the keys of the majority:"},
		{Context: cliContext(nil, lint.ServerOf(from, inputs.RoleXSP), keyManagementContext), Command: "exportKeys"},
		{Comment: "copy " + path + " from " + from.Name + " to the same path on " + to.Name + ", then on " + to.Name + ":"},
		{Context: cliContext(nil, lint.ServerOf(to, inputs.RoleXSP), keyManagementContext), Command: "importKeys " + path},
		{Comment: "restart the authentication service on " + to.Name + " and record the new digest: sha256sum " + path},
	}
}
