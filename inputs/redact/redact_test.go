package redact

import (
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
)

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
	if got := src.Value(source.Value{Text: "set password S3cret"}); got != "set password "+source.Redacted {
		t.Errorf("value without a file: %q (nothing says what it is, so it is read as prose)", got)
	}
	if got := src.Value(source.Value{Text: "password = S3cret"}); got != "password = "+source.Redacted {
		t.Errorf("value without a file: %q", got)
	}
}

func TestOverlapping(t *testing.T) {
	spans := []span{{Start: 0, End: 2}, {Start: 5, End: 8}, {Start: 10, End: 11}}
	for _, tc := range []struct {
		start, end int
		want       []span
	}{
		{0, 1, []span{{Start: 0, End: 2}}},
		{2, 5, nil},
		{2, 6, []span{{Start: 5, End: 8}}},
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

// TestChannelSecrets masks the secrets of the channels' files: an OCI-P
// login's password and a secret element of a response bwlint keeps only
// as read, an encrypted tag, a users CSV password column, a SAML
// signature and password attribute, and PSLog credentials. The canary
// snapshot plants one, matching "Cnry", in each.
func TestChannelSecrets(t *testing.T) {
	snap, err := inputs.Load("../../cmd/bwlint/testdata/canary/after")
	if err != nil {
		t.Fatal(err)
	}
	src := New(snap)
	for _, path := range []string{"devicemgmt/tagsets/webex-tags.xml", "ocip/client.xml", "users/export.csv", "wms/sso/assertion.xml", "logs/pslog/provisioning.log"} {
		if snap.File(path) == nil {
			t.Fatalf("%s is not in the canary snapshot", path)
		}
		whole := snap.File(path).Text
		text := src.Text(path)
		if !strings.Contains(whole, "Cnry") {
			t.Errorf("%s holds no canary", path)
		}
		if strings.Contains(text, "Cnry") {
			t.Errorf("%s shows a secret after redaction:\n%s", path, text)
		}
		if !strings.Contains(text, source.Redacted) {
			t.Errorf("%s: nothing redacted", path)
		}
	}
}
