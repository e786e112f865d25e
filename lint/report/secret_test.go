package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/hashicorp/hcl/v2"
)

// secretsSnapshot holds secrets printed in clear in every way a capture
// can show one, each containing "S3cret": typed at a prompt (set, with
// several arguments, quoted), as an attribute, in a table row that names
// a secret, in a Partner Hub field and in an encrypted tag.
const secretsSnapshot = "testdata/secrets"

// secretFixture lints the secrets snapshot and adds, for every line that
// holds a secret, a finding pointed at that line which does not know it
// is about a secret: a site rule on a neighbouring value, say. Every
// format that shows source text then has the line to show.
func secretFixture(t *testing.T) fixture {
	t.Helper()
	snap, err := inputs.Load(secretsSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Problems) > 0 {
		t.Fatalf("%s has input problems: %v", secretsSnapshot, snap.Problems)
	}
	res := lintFixture(t, snap)
	lines := 0
	for _, f := range snap.Files {
		for i, line := range strings.Split(f.Text, "\n") {
			col := strings.Index(line, "S3cret")
			if col < 0 {
				continue
			}
			lines++
			start := len([]rune(line[:col])) + 1
			res.Findings = append(res.Findings, judge.Finding{Finding: lint.Finding{
				Check: "as_fixture_template", Severity: lint.Warning, Host: f.Host,
				Message:  "a finding on a line that holds a secret",
				Location: hcl.Range{Filename: f.Path, Start: hcl.Pos{Line: i + 1, Column: 1}, End: hcl.Pos{Line: i + 1, Column: start + 6}},
				Logical:  lint.Logical{Host: f.Host, Context: "test", Key: "line " + itoa(i+1)},
			}})
		}
	}
	if lines < 6 {
		t.Fatalf("%s has %d lines with a secret, want at least 6", secretsSnapshot, lines)
	}
	judge.Sort(res.Findings)
	return fixture{name: "secrets", res: res, opts: Options{Snapshot: snap, Threshold: lint.Threshold(lint.Warning), ExitCode: 1, Start: testStart, End: testEnd}}
}

// TestNoFormatLeaksSourceSecrets renders every format, both SARIF
// profiles and both views of "bwlint parse" of the secrets snapshot, and
// looks for the secrets.
func TestNoFormatLeaksSourceSecrets(t *testing.T) {
	fx := secretFixture(t)
	outputs := map[string]string{}
	for _, name := range Names() {
		rep, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		outputs[name] = render(t, rep, fx)
	}
	fx.opts.SARIFProfile = SARIFProfileAudit
	outputs["sarif audit"] = render(t, SARIF, fx)
	for name, parse := range map[string]func(*bytes.Buffer, *inputs.Snapshot) error{
		"parse text": func(b *bytes.Buffer, s *inputs.Snapshot) error { return ParseText(b, s, ParseOptions{}) },
		"parse json": func(b *bytes.Buffer, s *inputs.Snapshot) error { return ParseJSON(b, s, ParseOptions{}) },
	} {
		var buf bytes.Buffer
		if err := parse(&buf, fx.opts.Snapshot); err != nil {
			t.Fatal(err)
		}
		outputs[name] = buf.String()
	}
	for name, out := range outputs {
		if i := strings.Index(out, "S3cret"); i >= 0 {
			line := out[strings.LastIndexByte(out[:i], '\n')+1:]
			line, _, _ = strings.Cut(line, "\n")
			t.Errorf("%s prints a secret: %s", name, line)
		}
	}
	// The text report still shows each line, masked, with its marker.
	if n := strings.Count(outputs["text"], source.Redacted); n < 6 {
		t.Errorf("the text report shows %d masked secrets, want the 6 lines that hold one:\n%s", n, outputs["text"])
	}
	if !strings.Contains(outputs["text"], "1 | AS_CLI/Interface/Messaging> set provisioningPassword "+source.Redacted+"\n") {
		t.Errorf("the text report does not show the typed command masked:\n%s", outputs["text"])
	}
}

// TestSecretsSnapshotHoldsTheSecrets guards the test above: the secrets
// are in the files, so an output without them has hidden them.
func TestSecretsSnapshotHoldsTheSecrets(t *testing.T) {
	n := 0
	err := filepath.WalkDir(secretsSnapshot, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		n += bytes.Count(b, []byte("S3cret"))
		return err
	})
	if err != nil || n < 6 {
		t.Errorf("%s holds %d secrets (%v), want 6", secretsSnapshot, n, err)
	}
}
