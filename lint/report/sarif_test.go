package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/golden"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"

	// Reports name version 0.1.0 in golden files and documented examples.
	_ "github.com/bwlint/bwlint/lint/linttest/pinversion"
)

// This file also holds the harness the other format tests share: the
// fixtures built from testdata/example and the golden-file comparison.

// sarifSchemaPath is the OASIS SARIF 2.1.0 schema (testdata/schemas/README.md).
const sarifSchemaPath = "testdata/schemas/sarif-schema-2.1.0.json"

// Fixed run times: reports must be byte-identical apart from these, and
// the tests pin them instead of asserting on the clock.
var (
	testStart = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	testEnd   = testStart.Add(1500 * time.Millisecond)
)

// testFileTime is the modification time the fixtures give every file of
// their snapshot: a checkout's times are those of the checkout.
var testFileTime = time.Date(2026, 2, 27, 16, 45, 0, 0, time.UTC)

// pinFileTimes gives every file of a snapshot the tests load testFileTime.
func pinFileTimes(snap *inputs.Snapshot) {
	for _, f := range snap.Files {
		f.ModTime = testFileTime
	}
}

// fixture is a Result with the options a CLI run would pass.
type fixture struct {
	name string
	res  *judge.Result
	opts Options
}

// exampleFixture lints testdata/example with the fixture checks, with
// report paths relative to the repository root.
func exampleFixture(t *testing.T) fixture {
	t.Helper()
	snap, err := inputs.Load("../../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	pinFileTimes(snap)
	res := lintFixture(t, snap)
	if len(res.Findings) < 3 {
		t.Fatalf("testdata/example has %d findings, the fixtures need 3", len(res.Findings))
	}
	return fixture{name: "example", res: res, opts: Options{
		Snapshot: snap, Threshold: lint.Threshold(lint.Warning), ExitCode: 1,
		Start: testStart, End: testEnd, SARIFRoot: "../..",
	}}
}

// mixedFixture is the example run with every case a report must handle
// added: a waived finding, a secret one, states against a baseline, a
// finding without a file and one about a whole file, a note below the
// threshold, an input problem and a failed check.
func mixedFixture(t *testing.T) fixture {
	t.Helper()
	fx := exampleFixture(t)
	fs := fx.res.Findings
	fs[0].Waiver = &judge.Waiver{Name: "lab-as2", Reason: "as2 is the lab AS; its template is fixed in CHG-1042", Owner: "voice-ops", Expires: "2026-06-30"}
	fs[1].State, fs[1].Baselined = judge.StateUnchanged, true
	fs[2].State = judge.StateChanged
	fs = append(fs,
		judge.Finding{Finding: lint.Finding{
			Check: "as_fixture_template", Severity: lint.Error, Host: "as1", Secret: true,
			Message:  "provisioningPassword on as1 differs from template smb-standard-eu",
			Location: rangeAt("hosts/as1/interface-messaging.txt", 4, 26, 4, 34),
			Logical:  lint.Logical{Host: "as1", Context: "AS_CLI/Interface/Messaging", Key: "provisioningPassword"},
			Expected: "hunter2-expected", Actual: "hunter2-actual", Value: "hunter2-actual",
		}},
		judge.Finding{Finding: lint.Finding{
			Check: "as_fixture_patch", Severity: lint.Warning, Host: "as1",
			Message: "no patch list captured for as1 | run \"listPatch\" in AS_CLI/Maintenance/Patching",
			Logical: lint.Logical{Host: "as1", Context: "AS_CLI/Maintenance/Patching"},
		}},
		judge.Finding{Finding: lint.Finding{
			Check: "xsp_fixture_digest", Severity: lint.Note, Host: "xsp1",
			Message:  "authService.keys digest of xsp1 is recorded without a date, 50% of peers date theirs: see <notes>",
			Location: hcl.Range{Filename: "hosts/xsp1/authservice-keys.sha256"},
			Logical:  lint.Logical{Host: "xsp1", Context: "authService.keys"},
		}},
		judge.Finding{Finding: lint.Finding{
			Check: "xsp_fixture_flag", Severity: lint.Error, Host: "xsp1",
			Message:  "certificate authentication on xsp1: allowUserApp is \"true\", must be false",
			Location: rangeAt("hosts/xsp1/certificate-auth.txt", 2, 18, 2, 23),
			Logical:  lint.Logical{Host: "xsp1", Context: "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication", Key: "allowUserApp"},
		}},
	)
	fs[len(fs)-3].State = judge.StateNew   // no patch list for as1
	fs[len(fs)-1].State = judge.StateFixed // xsp1's flag
	judge.Sort(fs)
	fx.res.Findings = fs
	fx.res.Problems = append(fx.res.Problems,
		source.Problem{Severity: source.Error, Message: "file holds a NUL byte at offset 3: binary data, not a text capture", Range: rangeAt("hosts/as1/garbage.bin.txt", 1, 4, 1, 5)},
		source.Problem{Severity: source.Warning, Message: "table footer says 3 entries but 2 rows were read", Range: hcl.Range{Filename: "hosts/as1/patching.txt"}},
	)
	fx.res.Failures = []lint.Failure{{Check: "xsp_fixture_digest", Err: "panic: runtime error: index out of range [3] with length 3"}}
	// Evidence gaps: one that fails the run, one the baseline knows, one
	// about the whole snapshot.
	keys := lint.Shell(inputs.RoleXSP, "sha256sum /var/broadworks/tmp/authService.keys", "hosts/<host>/authservice-keys.sha256").
		After(lint.Command{Source: lint.FromCLI, Context: "Applications/authenticationService/KeyManagement", Text: "exportKeys"})
	fx.res.Gaps = []judge.Gap{
		{Gap: lint.Gap{Check: "as_fixture_template", Evidence: lint.PartnerHub("copy each customer template into a JSON file (docs/inputs.md)", "partnerhub/templates/<name>.json"),
			Server: "<SERVER>", File: "partnerhub/templates/<name>.json", Reason: "no template in partnerhub/templates/ serves cluster \"bw-cluster-2\" of as3 | see <notes>"}},
		{Gap: lint.Gap{Check: "as_fixture_patch", Host: "as1", Evidence: lint.Shell(inputs.RoleAS, "bwshowver", "hosts/<host>/bwshowver.txt"),
			Server: "AS", File: "hosts/as1/bwshowver.txt", Reason: "the release of as1 is unknown: hosts/as1/ holds no bwshowver output"}, Baselined: true},
		{Gap: lint.Gap{Check: "xsp_fixture_digest", Host: "xsp2", Evidence: keys, Server: "XSP", File: "hosts/xsp2/authservice-keys.sha256",
			Reason: "no sha256 digest of authService.keys in hosts/xsp2/*.sha256"}},
	}
	fx.name, fx.opts.ExitCode = "mixed", 4
	// A policy in the working directory that hides the snapshot's own;
	// the odd characters must reach no CI page raw.
	fx.opts.Policy = Policy{Path: ".bwlint.hcl", Origin: "working_directory",
		Reason:   "found in the working directory, before the snapshot's own testdata/mixed\x1b[2J/.bwlint.hcl, which is not read",
		Shadowed: "testdata/mixed\x1b[2J/.bwlint.hcl"}
	return fx
}

func rangeAt(file string, line, col, endLine, endCol int) hcl.Range {
	return hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: col}, End: hcl.Pos{Line: endLine, Column: endCol}}
}

func fixtures(t *testing.T) []fixture {
	return []fixture{exampleFixture(t), mixedFixture(t)}
}

func render(t *testing.T, rep Reporter, fx fixture) string {
	t.Helper()
	var buf bytes.Buffer
	if err := rep(&buf, fx.res, fx.opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// golden compares got with testdata/<name>, or writes it under -update.
func goldenTestdata(t *testing.T, name, got string) {
	t.Helper()
	golden.File(t, filepath.Join("testdata", name), got)
}

func TestSARIFGolden(t *testing.T) {
	for _, fx := range fixtures(t) {
		for _, profile := range SARIFProfiles {
			t.Run(fx.name+"/"+profile, func(t *testing.T) {
				fx.opts.SARIFProfile = profile
				fx.opts.SARIFCategory = "bwlint/" + fx.name + "/"
				goldenTestdata(t, fx.name+"."+profile+".sarif", render(t, SARIF, fx))
			})
		}
	}
}

func TestSARIFDefaultProfileIsGitHub(t *testing.T) {
	fx := mixedFixture(t)
	fx.opts.SARIFProfile = SARIFProfileGitHub
	want := render(t, SARIF, fx)
	fx.opts.SARIFProfile = ""
	if diff := cmp.Diff(want, render(t, SARIF, fx)); diff != "" {
		t.Errorf("default profile differs from github (-github +default):\n%s", diff)
	}
}

func TestSARIFUnknownProfile(t *testing.T) {
	fx := exampleFixture(t)
	fx.opts.SARIFProfile = "gitlab"
	if err := SARIF(&bytes.Buffer{}, fx.res, fx.opts); err == nil || !strings.Contains(err.Error(), "audit") {
		t.Errorf("SARIF with profile gitlab: error %v, want one naming the valid profiles", err)
	}
}

// sarifDoc is the part of a SARIF log the property tests read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID string `json:"id"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Artifacts []struct {
			Location struct {
				URI string `json:"uri"`
			} `json:"location"`
			Hashes map[string]string `json:"hashes"`
		} `json:"artifacts"`
		Results []struct {
			RuleID              string                `json:"ruleId"`
			RuleIndex           int                   `json:"ruleIndex"`
			Kind                string                `json:"kind"`
			Level               string                `json:"level"`
			Message             struct{ Text string } `json:"message"`
			Suppressions        *[]json.RawMessage    `json:"suppressions"`
			PartialFingerprints map[string]string     `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation *struct {
					ArtifactLocation struct {
						URI   string `json:"uri"`
						Index *int   `json:"index"`
					} `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, s string) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("SARIF has %d runs, want exactly 1 (code scanning rejects several runs of one tool and category)", len(doc.Runs))
	}
	return doc
}

// TestSARIFInvariants checks what code scanning and the SARIF spec require
// of every log, beyond the schema: resolvable indexes, one location with
// a file per result, suppressions all or none, fingerprints present.
func TestSARIFInvariants(t *testing.T) {
	for _, fx := range fixtures(t) {
		for _, profile := range SARIFProfiles {
			t.Run(fx.name+"/"+profile, func(t *testing.T) {
				fx.opts.SARIFProfile = profile
				run := decodeSARIF(t, render(t, SARIF, fx)).Runs[0]
				withSuppressions := 0
				for i, res := range run.Results {
					rules := run.Tool.Driver.Rules
					if res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID {
						t.Errorf("result %d: ruleIndex %d does not resolve to rule %s", i, res.RuleIndex, res.RuleID)
					}
					if len(res.Locations) != 1 || res.Locations[0].PhysicalLocation == nil {
						t.Errorf("result %d has no physical location", i)
					} else if al := res.Locations[0].PhysicalLocation.ArtifactLocation; al.Index != nil && run.Artifacts[*al.Index].Location.URI != al.URI {
						t.Errorf("result %d: artifact index %d is %s, not %s", i, *al.Index, run.Artifacts[*al.Index].Location.URI, al.URI)
					}
					if res.PartialFingerprints[fingerprintKey] == "" {
						t.Errorf("result %d has no %s fingerprint", i, fingerprintKey)
					}
					if res.Suppressions != nil {
						withSuppressions++
					}
				}
				want := 0
				if profile == SARIFProfileAudit {
					want = len(run.Results)
				}
				if withSuppressions != want {
					t.Errorf("%d of %d results carry suppressions, want %d", withSuppressions, len(run.Results), want)
				}
				if n := len(fx.opts.Snapshot.Files); len(run.Artifacts) < n {
					t.Errorf("%d artifacts for %d input files", len(run.Artifacts), n)
				}
				for _, a := range run.Artifacts[:len(fx.opts.Snapshot.Files)] {
					if len(a.Hashes["sha-256"]) != 64 || !strings.HasPrefix(a.Location.URI, "testdata/example/") {
						t.Errorf("artifact %s: sha-256 %q, want a digest and a repository-relative URI", a.Location.URI, a.Hashes["sha-256"])
					}
				}
			})
		}
	}
}

// TestSARIFArtifactsAreEvidence: every file of the snapshot is an
// artifact with the digest and length of its bytes, unknown and
// unreadable-as-text files included, and the policy and baseline files
// the run read are artifacts too; no artifact claims an empty digest.
func TestSARIFArtifactsAreEvidence(t *testing.T) {
	snap, err := inputs.Load("../../testdata/broken")
	if err != nil {
		t.Fatal(err)
	}
	policy, baselineFile := []byte("lint { fail_on = \"error\" }\n"), []byte("{\"version\": 1, \"entries\": []}\n")
	res := lintFixture(t, snap)
	opts := Options{Snapshot: snap, SARIFRoot: "../..", SARIFProfile: SARIFProfileAudit, Evidence: []EvidenceFile{
		NewEvidenceFile("../../.bwlint.hcl", EvidencePolicy, false, policy),
		NewEvidenceFile("../ci/base.json", EvidenceBaseline, true, baselineFile),
	}}
	var buf bytes.Buffer
	if err := SARIF(&buf, res, opts); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Artifacts []struct {
				Location struct {
					URI string `json:"uri"`
				} `json:"location"`
				Length     int64             `json:"length"`
				Hashes     map[string]string `json:"hashes"`
				Roles      []string          `json:"roles"`
				Properties struct {
					Kind string `json:"kind"`
				} `json:"properties"`
			} `json:"artifacts"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{".bwlint.hcl": policy, "testdata/ci/base.json": baselineFile}
	for _, f := range snap.Files {
		b, err := os.ReadFile(filepath.Join(snap.Root, f.Path))
		if err != nil {
			t.Fatal(err)
		}
		want["testdata/broken/"+f.Path] = b
	}
	got := map[string]string{}
	for _, a := range doc.Runs[0].Artifacts {
		uri := a.Location.URI
		if _, ok := a.Hashes["sha-256"]; ok && (len(a.Hashes["sha-256"]) != 64 || a.Length < 0) {
			t.Errorf("artifact %s: sha-256 %q, length %d", uri, a.Hashes["sha-256"], a.Length)
		}
		b, ok := want[uri]
		if !ok {
			continue
		}
		sum := sha256.Sum256(b)
		if a.Hashes["sha-256"] != hex.EncodeToString(sum[:]) || a.Length != int64(len(b)) {
			t.Errorf("artifact %s: sha-256 %q, length %d; want the digest and length of its %d bytes", uri, a.Hashes["sha-256"], a.Length, len(b))
		}
		got[uri] = strings.Join(a.Roles, ",") + " " + a.Properties.Kind
	}
	for _, tc := range []struct{ uri, want string }{
		{".bwlint.hcl", "toolSpecifiedConfiguration policy"},
		{"testdata/ci/base.json", "userSpecifiedConfiguration baseline"},
		{"testdata/broken/hosts/as1/notes.md", "analysisTarget unknown"},
	} {
		if got[tc.uri] != tc.want {
			t.Errorf("artifact %s: roles and kind %q, want %q", tc.uri, got[tc.uri], tc.want)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d of %d files are artifacts with their digest: %v", len(got), len(want), got)
	}
}

// TestSARIFArtifactWithoutDigest: a file that could not be read has an
// unknown length and no hashes, never an empty digest.
func TestSARIFArtifactWithoutDigest(t *testing.T) {
	fx := exampleFixture(t)
	snap := fx.opts.Snapshot
	unreadable := *snap.Files[0]
	unreadable.SHA256, unreadable.Size = "", 0
	*snap.Files[0] = unreadable
	out := render(t, SARIF, fx)
	if strings.Contains(out, `"sha-256": ""`) {
		t.Error("an artifact claims an empty sha-256")
	}
	var doc struct {
		Runs []struct {
			Artifacts []struct {
				Length int64             `json:"length"`
				Hashes map[string]string `json:"hashes"`
			} `json:"artifacts"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if a := doc.Runs[0].Artifacts[0]; a.Length != -1 || a.Hashes != nil {
		t.Errorf("unreadable file: length %d, hashes %v; want -1 and none", a.Length, a.Hashes)
	}
}

// TestSARIFHelpURI: a rule links to its check's page — a site rule to the
// documentation of rule blocks — and a rule made up for a finding of a
// check that did not run links nowhere rather than to a page that may not
// exist.
func TestSARIFHelpURI(t *testing.T) {
	fx := exampleFixture(t)
	site := &lint.Check{Name: "site_client_cert_auth", Title: "t", Doc: "d", Fix: "f.", Severity: lint.Warning, DocPage: "docs/config.md#rule-a-site-check-without-go"}
	fx.res.Checks = append(fx.res.Checks, site)
	fx.res.Findings = append(fx.res.Findings, judge.Finding{Finding: lint.Finding{Check: "no_such_check", Severity: lint.Warning, Message: "m"}})
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(render(t, SARIF, fx)), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range doc.Runs[0].Tool.Driver.Rules {
		got[r.ID] = r.HelpURI
	}
	want := map[string]string{
		"site_client_cert_auth": lint.InformationURI + "/blob/main/docs/config.md#rule-a-site-check-without-go",
		"no_such_check":         "",
	}
	for _, c := range fixtureChecks() {
		want[c.Name] = lint.InformationURI + "/blob/main/docs/checks/" + c.Name + ".md"
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("helpUri by rule (-want +got):\n%s", d)
	}
}

func TestSARIFProfilesDifferOnlyInWaivedAndFixed(t *testing.T) {
	fx := mixedFixture(t)
	count := func(profile string) int {
		fx.opts.SARIFProfile = profile
		n := 0
		for _, res := range decodeSARIF(t, render(t, SARIF, fx)).Runs[0].Results {
			if res.Kind == "" {
				n++ // a finding, not a coverage cell
			}
		}
		return n
	}
	audit, github := count(SARIFProfileAudit), count(SARIFProfileGitHub)
	if audit != len(fx.res.Findings) || github != audit-2 {
		t.Errorf("audit has %d results, github %d, for %d findings (1 waived, 1 fixed)", audit, github, len(fx.res.Findings))
	}
}

// TestSARIFAuditCoverage checks that the audit profile says what was
// checked, not only what was found: a "pass" result for every host a
// check passed on, "notApplicable" where it was not evaluated, level
// "none" on both; the github profile has neither.
func TestSARIFAuditCoverage(t *testing.T) {
	fx := exampleFixture(t)
	cells := coverage(fx.res, fx.opts.Snapshot)
	want := CoverageSummary(cells)
	for _, profile := range SARIFProfiles {
		fx.opts.SARIFProfile = profile
		got := map[string]int{}
		for _, res := range decodeSARIF(t, render(t, SARIF, fx)).Runs[0].Results {
			if res.Kind == "" {
				continue
			}
			got[res.Kind]++
			if res.Level != "none" || res.Suppressions == nil || len(*res.Suppressions) != 0 {
				t.Errorf("%s: %s result %q: level %q, suppressions %v; want level none and no suppression", profile, res.Kind, res.Message.Text, res.Level, res.Suppressions)
			}
		}
		if profile == SARIFProfileGitHub && len(got) > 0 {
			t.Errorf("the github profile has coverage results: %v", got)
		}
		if profile == SARIFProfileAudit && (got["pass"] != want["passed"] || got["notApplicable"] != want["not_evaluated"] || want["passed"] == 0) {
			t.Errorf("audit profile: %d pass and %d notApplicable results, want %d and %d", got["pass"], got["notApplicable"], want["passed"], want["not_evaluated"])
		}
	}
}

// TestSARIFSchema validates every golden case against the OASIS schema.
// CI also runs the SARIF multitool on the example snapshots (.ci/run).
func TestSARIFSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(sarifSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, fx := range fixtures(t) {
		for _, profile := range SARIFProfiles {
			t.Run(fx.name+"/"+profile, func(t *testing.T) {
				fx.opts.SARIFProfile = profile
				doc, err := jsonschema.UnmarshalJSON(strings.NewReader(render(t, SARIF, fx)))
				if err != nil {
					t.Fatal(err)
				}
				if err := schema.Validate(doc); err != nil {
					t.Errorf("SARIF does not match the 2.1.0 schema: %v", err)
				}
			})
		}
	}
}

func TestReportPaths(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ root, snapRoot, path, want string }{
		{"../..", "../../testdata/example", "hosts/as1/a b.txt", "testdata/example/hosts/as1/a b.txt"},
		{"", ".", "hosts/as1/x.txt", "hosts/as1/x.txt"},
		{"", ".", "", "."},
		{wd, "../../testdata/example", "", "../../testdata/example"},
		// The policy at the repository root, relocated against the snapshot.
		{"../..", "../../testdata/example", "../../.bwlint.hcl", ".bwlint.hcl"},
		{"../..", "../../captures", "../.bwlint.hcl", ".bwlint.hcl"},
		// The policy at the snapshot root, which the snapshot does not list.
		{"../..", "../../testdata/example", ".bwlint.hcl", "testdata/example/.bwlint.hcl"},
		// A policy outside the root: leading "../" only, never "//".
		{"../..", "../../testdata/example", filepath.ToSlash(filepath.Join(wd, "../../../x/policy.hcl")), "../x/policy.hcl"},
		{"../..", "../../testdata/example", "../../../x/policy.hcl", "../x/policy.hcl"},
	} {
		p, err := newReportPaths(Options{Snapshot: &inputs.Snapshot{Root: tc.snapRoot}, SARIFRoot: tc.root})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.fromRoot(tc.path); got != tc.want {
			t.Errorf("root %q, snapshot %q: fromRoot(%q) = %q, want %q", tc.root, tc.snapRoot, tc.path, got, tc.want)
		}
	}
}

func TestFileURI(t *testing.T) {
	for _, tc := range []struct {
		path string
		dir  bool
		want string
	}{
		{"testdata/ex ample/h#1.txt", false, "testdata/ex%20ample/h%231.txt"},
		{"testdata/example", true, "testdata/example/"},
		{".", true, "./"},
		// A first segment with a colon would read as a URI scheme.
		{"prod:east/hosts/as1/x.txt", false, "./prod:east/hosts/as1/x.txt"},
		{"sn,a p:x%y/hosts", true, "./sn,a%20p:x%25y/hosts/"},
		{"captures/prod:east/x.txt", false, "captures/prod:east/x.txt"},
		{"../x/policy.hcl", false, "../x/policy.hcl"},
		{"hosts/é?[1].txt", false, "hosts/%C3%A9%3F%5B1%5D.txt"},
		{"/tmp/x/policy.hcl", false, "file:///tmp/x/policy.hcl"},
	} {
		got := fileURI(tc.path, tc.dir)
		if got != tc.want {
			t.Errorf("fileURI(%q, %v) = %q, want %q", tc.path, tc.dir, got, tc.want)
		}
		u, err := url.Parse(got)
		if err != nil || (u.Scheme != "" && u.Scheme != "file") {
			t.Errorf("fileURI(%q) = %q parses as scheme %q (err %v), want a relative reference", tc.path, got, u.Scheme, err)
		}
	}
}

func TestLimitText(t *testing.T) {
	long := strings.Repeat("word ", 300)
	for _, s := range []string{long, "para one.\n\n" + long, strings.Repeat("é", 600)} {
		if got := limitText(s, 1024); len(got) > 1024 || !strings.HasPrefix(s, strings.TrimSuffix(got, "…")) {
			t.Errorf("limitText gave %d bytes, not a prefix of at most 1024", len(got))
		}
	}
}

// TestSARIFWholeLineRegion: a finding whose range is a whole line gets no
// context region, which SARIF wants to be a proper superset of the
// region or absent; a narrower range keeps its line as context.
func TestSARIFWholeLineRegion(t *testing.T) {
	fx := exampleFixture(t)
	const file = "hosts/xsp2/certificate-auth.txt"
	line := "  allowUserApp = true"
	fx.res.Findings = []judge.Finding{
		{Finding: lint.Finding{Check: "xsp_fixture_flag", Severity: lint.Error, Host: "xsp2", Message: "the whole line",
			Location: rangeAt(file, 2, 1, 2, len(line)+1), Logical: lint.Logical{Key: "whole"}}},
		{Finding: lint.Finding{Check: "xsp_fixture_flag", Severity: lint.Error, Host: "xsp2", Message: "its value",
			Location: rangeAt(file, 2, 18, 2, 22), Logical: lint.Logical{Key: "value"}}},
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						Region        *sarifRegion `json:"region"`
						ContextRegion *sarifRegion `json:"contextRegion"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(render(t, SARIF, fx)), &doc); err != nil {
		t.Fatal(err)
	}
	got := doc.Runs[0].Results
	if len(got) != 2 {
		t.Fatalf("%d results, want 2", len(got))
	}
	whole, value := got[0].Locations[0].PhysicalLocation, got[1].Locations[0].PhysicalLocation
	if whole.ContextRegion != nil || whole.Region.Snippet == nil || whole.Region.Snippet.Text != line {
		t.Errorf("whole-line region: context %+v, snippet %+v; want no context and the line as snippet", whole.ContextRegion, whole.Region.Snippet)
	}
	if value.ContextRegion == nil || value.ContextRegion.Snippet.Text != line || value.Region.Snippet.Text != "true" {
		t.Errorf("value region: context %+v, snippet %+v; want the line as context and the value as snippet", value.ContextRegion, value.Region.Snippet)
	}
}
