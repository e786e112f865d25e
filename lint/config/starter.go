package config

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/lint"
)

// section is one part of the starter file: prose, and an example that is
// written commented out, so that the starter changes nothing until the
// operator uncomments it. A test uncomments every example and loads it.
type section struct {
	prose   string
	example string
	active  bool // the example is written as live configuration
}

// Starter returns the commented .bwlint.hcl that "bwlint init" writes: the
// lint block with its defaults, a commented block per check listing its
// options with their defaults, and commented examples of host, cluster,
// waiver and rule blocks. Loaded as it is, it runs every check with its
// defaults.
func Starter(builtin []*lint.Check) []byte {
	var b strings.Builder
	b.WriteString(`# bwlint policy file. Reference: docs/config.md ("bwlint explain CHECK" for a check).
#
# bwlint reads --config FILE, else $BWLINT_CONFIG, else .bwlint.hcl in the
# current directory, else .bwlint.hcl at the root of the snapshot.
`)
	for _, s := range starterSections(builtin) {
		b.WriteString("\n")
		b.WriteString(comment(s.prose))
		if s.active {
			b.WriteString(s.example)
		} else {
			b.WriteString(comment(s.example))
		}
	}
	return []byte(b.String())
}

func starterSections(builtin []*lint.Check) []section {
	secs := []section{{
		prose: "How the run ends and which checks run.",
		example: `lint {
  # Lowest severity that fails the run: "error", "warning", "note" or
  # "none". An explicit --fail-on flag takes precedence.
  fail_on = "warning"

  # What an evidence gap does (a check that applies to a host whose
  # capture is missing): "fail" (exit code 2) or "report". An explicit
  # --missing-evidence flag takes precedence.
  missing_evidence = "fail"

  # Whether a --baseline entry whose finding is gone (its evidence still
  # captured) fails the run, since it would accept the finding, unseen,
  # should it return. --fail-on-stale-baseline takes precedence.
  fail_on_stale_baseline = false

  # Whether a review (bwlint diff) accepts a new finding that only a
  # waiver added by the same change waives. --accept-new-waivers takes
  # precedence.
  accept_new_waivers = false

  # Processed in order: "all", a check name or a glob such as "xsp_*"
  # adds checks; the same with a leading "-" removes them.
  checks = ["all"]
}
`,
		active: true,
	}}
	for _, c := range builtin {
		secs = append(secs, section{prose: checkProse(c), example: checkExample(c)})
	}
	secs = append(secs,
		section{
			prose: "What the snapshot cannot tell: a host's role or release (without a\nbwshowver capture), the checks that do not apply to it, a cluster's members\n(without a Partner Hub file).",
			example: `host "as1" {
  role    = "as"   # as, xsp, ns, ms, ps, dbs or nfm
  release = "24.0" # as bwshowver prints it, or just the release
  # Checks that do not apply to the host (names or globs): it is not
  # evaluated, and missing captures are no evidence gap.
  not_applicable = ["as_imp_matches_template"]
}

cluster "bw-cluster-1" {
  xsps                = ["xsp1", "xsp2"]
  application_servers = ["as1", "as2"]
}
`,
		},
		section{
			prose: "An accepted exception. Waived findings are still reported, marked\nwaived, but do not fail the run; after expires the waiver lapses and is\nreported itself (config_waiver_expired).",
			example: `waiver "as2-patch-window" {
  check   = "as_required_patches"
  hosts   = ["as2"]                   # leave out to cover every host
  reason  = "patch in change CHG-1234" # required
  owner   = "voice-ops"
  expires = "2027-01-31"              # required, YYYY-MM-DD
}
`,
		},
		section{
			prose: "A site rule: a check written here instead of in Go.",
			example: `rule "site_client_cert_auth" {
  title    = "client applications must authenticate with certificates"
  severity = "warning"
  role     = "xsp" # as, xsp or any
  context  = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key      = "allowClientApp" # for a table: column and row_key instead
  equals   = "true"           # or one_of, matches, present, same_on_all_hosts
  fix      = "Set allowClientApp to true on each XSP named in a finding."
}
`,
		},
	)
	return secs
}

func checkProse(c *lint.Check) string {
	return fmt.Sprintf("%s: %s.", c.Name, c.Title)
}

// checkExample is a check block that repeats the defaults, so that
// uncommenting it changes nothing until a value is edited.
func checkExample(c *lint.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "check %q {\n  enabled  = true\n  severity = %q\n", c.Name, c.Severity)
	for _, o := range lint.OptionDocs(c) {
		b.WriteString("\n")
		for _, line := range wrap(o.Doc, 72) {
			b.WriteString("  # " + line + "\n")
		}
		fmt.Fprintf(&b, "  %s = %s\n", o.Name, o.Default)
	}
	b.WriteString("}\n")
	return b.String()
}

// comment prefixes every line with "# ", or "#" for an empty one.
func comment(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if line == "" {
			b.WriteString("#\n")
			continue
		}
		b.WriteString("# " + line + "\n")
	}
	return b.String()
}

// wrap breaks text into lines of at most width bytes at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}
