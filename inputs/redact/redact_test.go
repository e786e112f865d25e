package redact

import (
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
)

// TestLineText covers the lines a parser may not have understood: the
// text alone must be enough to hide their secrets.
func TestLineText(t *testing.T) {
	const r = source.Redacted
	for _, tc := range []struct{ in, want string }{
		{"AS_CLI/Interface/Messaging> set provisioningPassword S3cret", "AS_CLI/Interface/Messaging> set provisioningPassword " + r},
		{"AS_CLI/Interface/Messaging>set provisioningPassword S3cret", "AS_CLI/Interface/Messaging>set provisioningPassword " + r},
		{`AS_CLI> sys;sec;set password "S3 cret" userId bob`, `AS_CLI> sys;sec;set password ` + r + ` userId bob`},
		{"AS_CLI/Interface/Messaging> set provisioningUserId bob provisioningPassword S3cret", "AS_CLI/Interface/Messaging> set provisioningUserId bob provisioningPassword " + r},
		{"AS_CLI/X> add community public S3cret", "AS_CLI/X> add community " + r + " S3cret"},
		{"AS_CLI/X> set password=S3cret", "AS_CLI/X> set password=" + r},
		{"\x1b[1;32mAS_CLI/X>\x1b[0m set \x1b[1mpassword\x1b[0m S3cret\x1b[K", "\x1b[1;32mAS_CLI/X>\x1b[0m set \x1b[1mpassword\x1b[0m " + r},
		{"AS_CLI/X> get", "AS_CLI/X> get"},
		{"AS_CLI/X> set provisioningPassword", "AS_CLI/X> set provisioningPassword"},
		{"  provisioningPassword = S3cret", "  provisioningPassword = " + r},
		{`  "provisioningPassword": "S3cret",`, `  "provisioningPassword": ` + r},
		{"  provisioningUrl = https://x.example:8443/p", "  provisioningUrl = https://x.example:8443/p"},
		{"  tokenDurationInHours = 24", "  tokenDurationInHours = 24"},
		{"  provisioningPassword S3cretNoEq", "  provisioningPassword " + r},
		{"  readCommunity public2", "  readCommunity " + r},
		{"  Password  Status", "  Password  " + r}, // generous: a header costs a word, never a secret
		{"  someValue = ********", "  someValue = " + r},
		{"* -> Patch(es) applied from this bundle.", "* -> Patch(es) applied from this bundle."},
		{"Please confirm (Yes, Y, No, N): y", "Please confirm (Yes, Y, No, N): y"},
	} {
		l := Line{Text: tc.in}
		for _, sp := range merge(textSecrets(tc.in)) {
			l.Secrets = append(l.Secrets, [2]int{len([]rune(tc.in[:sp.start])), len([]rune(tc.in[:sp.end]))})
		}
		if got := l.Masked(); got != tc.want {
			t.Errorf("%q\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestSnapshotSecrets reads the secrets the model knows of in the report
// tests' snapshot, where every secret contains "S3cret".
func TestSnapshotSecrets(t *testing.T) {
	snap, err := inputs.Load("../../lint/report/testdata/secrets")
	if err != nil {
		t.Fatal(err)
	}
	src := New(snap)
	var got []string
	for _, f := range snap.Files {
		for n := 1; ; n++ {
			l, ok := src.Line(f.Path, n)
			if !ok {
				break
			}
			if len(l.Secrets) > 0 {
				got = append(got, f.Path+": "+l.Masked())
			}
		}
	}
	want := []string{
		"devicemgmt/tagsets/webex-tags.tsv: %SIP_PASSWORD_WXT%\t(secret, not shown)\ttrue\ttrue",
		"hosts/as1/container-options.txt:     (secret, not shown)  bw.imp.provisioningPassword      (secret, not shown)",
		"hosts/as1/interface-messaging.txt: AS_CLI/Interface/Messaging> set provisioningPassword (secret, not shown)",
		`hosts/as1/interface-messaging.txt: AS_CLI/Interface/Messaging> set provisioningUserId w4b-prov-admn provisioningPassword (secret, not shown)`,
		"hosts/as1/interface-messaging.txt:   provisioningPassword = (secret, not shown)",
		`partnerhub/templates/smb-standard-eu.json:   "provisioningPassword": (secret, not shown)`,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("lines with secrets (-want +got):\n%s", d)
	}

	h := snap.Host("as1")
	var cmds []*bwcli.Command // the set as well as the get
	for _, c := range h.Commands {
		if c.In("Interface/Messaging") {
			cmds = append(cmds, c)
		}
	}
	if got := src.Value(cmds[0].Input); got != "set provisioningPassword "+source.Redacted {
		t.Errorf("typed command shown as %q", got)
	}
	kv, _, _ := h.Attr("Interface/Messaging", "provisioningPassword")
	if got := src.Value(kv.Value); got != source.Redacted {
		t.Errorf("secret attribute shown as %q", got)
	}
	if got := src.Value(cmds[len(cmds)-1].Attrs[0].Value); got == source.Redacted {
		t.Errorf("provisioningUrl hidden: %q", got)
	}
	row := h.Tables("Maintenance/ContainerOptions")[0].Rows[1]
	if got := src.Value(row.Cells[2]); got != source.Redacted {
		t.Errorf("the value of a row that names a secret shown as %q", got)
	}
	if got := src.Value(row.Cells[1]); got != "bw.imp.provisioningPassword" {
		t.Errorf("the secret's name hidden: %q", got)
	}
}

func TestValueNotAligned(t *testing.T) {
	snap, err := inputs.Load("../../lint/report/testdata/secrets")
	if err != nil {
		t.Fatal(err)
	}
	src := New(snap)
	kv, _, _ := snap.Host("as1").Attr("Interface/Messaging", "provisioningPassword")
	kv.Value.Text = "S3cret-as-decoded" // as if the file held escapes
	if got := src.Value(kv.Value); got != source.Redacted {
		t.Errorf("value whose text is not its bytes shown as %q", got)
	}
}

func TestNoSnapshot(t *testing.T) {
	src := New(nil)
	if _, ok := src.Line("hosts/as1/x.txt", 1); ok {
		t.Error("a line without a snapshot")
	}
	if got := src.Value(source.Value{Text: "set password S3cret"}); got != "set password S3cret" {
		t.Errorf("value without a file: %q (only a line with a prompt is read as a command)", got)
	}
	if got := src.Value(source.Value{Text: "password = S3cret"}); got != "password = "+source.Redacted {
		t.Errorf("value without a file: %q", got)
	}
}

func TestOverlapping(t *testing.T) {
	spans := []span{{0, 2}, {5, 8}, {10, 11}}
	for _, tc := range []struct {
		start, end int
		want       []span
	}{
		{0, 1, []span{{0, 2}}},
		{2, 5, nil},
		{2, 6, []span{{5, 8}}},
		{1, 11, spans},
		{11, 20, nil},
		{7, 7, nil},
	} {
		got := overlapping(spans, tc.start, tc.end)
		if len(got) != len(tc.want) || (len(got) > 0 && (got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(tc.want)-1])) {
			t.Errorf("overlapping(%d, %d) = %v, want %v", tc.start, tc.end, got, tc.want)
		}
	}
}
