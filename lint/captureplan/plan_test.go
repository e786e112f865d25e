package captureplan

import (
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/ocip"
	"github.com/bwlint/bwlint/lint"
)

func check(name string, ev ...lint.Evidence) *lint.Check {
	return &lint.Check{Name: name, Evidence: ev}
}

// lines are a host's steps as typed, with their files.
func lines(steps []Step) []string {
	var out []string
	for _, s := range steps {
		out = append(out, s.Line()+" -> "+s.File)
	}
	return out
}

func TestSequenceOrder(t *testing.T) {
	keys := lint.Shell(inputs.RoleXSP, "sha256sum /var/tmp/k", "hosts/<host>/k.sha256").
		After(lint.Command{Source: lint.FromCLI, Context: "Z/Export", Text: "export"})
	// A CLI capture that needs a command of a context the alphabet puts
	// after its own: the plan visits that context first.
	detail := lint.CLI(inputs.RoleXSP, "A/Detail", "detail x", "hosts/<host>/detail.txt").
		After(lint.Command{Source: lint.FromCLI, Context: "Z/List", Text: "list"})
	checks := []*lint.Check{
		check("b_check", lint.Shell(inputs.RoleXSP, "bwshowver", "hosts/<host>/bwshowver.txt"), keys, detail),
		check("a_check", lint.Shell(inputs.RoleXSP, "bwshowver", "hosts/<host>/bwshowver.txt").AsOptional(),
			lint.CLI(inputs.RoleXSP, "a/detail", "get", "hosts/<host>/detail.txt")),
	}
	p, err := Full(checks, nil, []Host{{Name: "x1", Role: inputs.RoleXSP}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"$ bwshowver -> hosts/x1/bwshowver.txt",
		"XSP_CLI/Z/Export> export -> ",
		"XSP_CLI/Z/List> list -> ",
		"XSP_CLI/A/Detail> detail x -> hosts/x1/detail.txt",
		"XSP_CLI/a/detail> get -> hosts/x1/detail.txt",
		"$ sha256sum /var/tmp/k -> hosts/x1/k.sha256",
	}
	if d := cmp.Diff(want, lines(p.Hosts[0].Steps)); d != "" {
		t.Errorf("order (-want +got):\n%s", d)
	}
	show := p.Hosts[0].Steps[0]
	if d := cmp.Diff([]Need{{Check: "a_check", Optional: true}, {Check: "b_check"}}, show.Needs); d != "" {
		t.Errorf("bwshowver is needed by (-want +got):\n%s", d)
	}
	if show.Optional() {
		t.Error("bwshowver is optional, though b_check needs it")
	}
	if got := p.Hosts[0].Steps[1].Prepares; !slices.Equal(got, []string{"hosts/x1/k.sha256"}) {
		t.Errorf("export prepares %v", got)
	}
	// Each context is visited once, the exit at the end.
	var typed []string
	for _, ph := range phases(p.Hosts[0].Steps) {
		for _, l := range ph.lines {
			typed = append(typed, l.prompt+l.text)
		}
	}
	wantTyped := []string{
		"$ bwshowver",
		"XSP_CLI> cd /Z/Export", "XSP_CLI/Z/Export> export",
		"XSP_CLI/Z/Export> cd /Z/List", "XSP_CLI/Z/List> list",
		"XSP_CLI/Z/List> cd /A/Detail", "XSP_CLI/A/Detail> detail x", "XSP_CLI/A/Detail> get",
		"XSP_CLI/A/Detail> exit",
		"$ sha256sum /var/tmp/k",
	}
	if d := cmp.Diff(wantTyped, typed); d != "" {
		t.Errorf("typed (-want +got):\n%s", d)
	}
}

func TestSequenceRefuses(t *testing.T) {
	host := []Host{{Name: "as1", Role: inputs.RoleAS}}
	for name, tc := range map[string]struct {
		checks []*lint.Check
		want   string
	}{
		"one capture, two files": {
			[]*lint.Check{check("a_x", lint.CLI(inputs.RoleAS, "X", "get", "hosts/<host>/x.txt")), check("b_x", lint.CLI(inputs.RoleAS, "x", "get", "hosts/<host>/y.txt"))},
			"a_x and b_x declare the same capture, AS_CLI/x> get, into different files: hosts/<host>/x.txt and hosts/<host>/y.txt",
		},
		"commands needed first in a loop": {
			[]*lint.Check{check("a_x",
				lint.CLI(inputs.RoleAS, "X", "get", "hosts/<host>/x.txt").After(lint.Command{Source: lint.FromCLI, Context: "Y", Text: "prep"}),
				lint.CLI(inputs.RoleAS, "Y", "get", "hosts/<host>/y.txt").After(lint.Command{Source: lint.FromCLI, Context: "X", Text: "prep"}))},
			"each need the other's context first",
		},
		"a chained command": {
			[]*lint.Check{check("site_x", lint.CLI(inputs.RoleAS, "Interface/Messaging", "get;set x y", "hosts/<host>/x.txt"))},
			`site_x: the CLI command "get;set x y" holds ';'`,
		},
		"a context that types a command": {
			[]*lint.Check{check("site_x", lint.CLI(inputs.RoleAS, "Interface;set enableSynchronization false", "get", "hosts/<host>/x.txt"))},
			`site_x: the CLI context "Interface;set enableSynchronization false" is no path of context names`,
		},
		"a command of two lines": {
			[]*lint.Check{check("site_x", lint.CLI(inputs.RoleAS, "X", "get\nset a b", "hosts/<host>/x.txt"))},
			"holds a control character",
		},
		"a file outside the snapshot": {
			[]*lint.Check{check("site_x", lint.CLI(inputs.RoleAS, "X", "get", "hosts/<host>/../../x.txt"))},
			"is no relative path inside the snapshot",
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Full(tc.checks, nil, host)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	var unsafe *UnsafeError
	if _, err := Full([]*lint.Check{check("site_x", lint.CLI(inputs.RoleAS, "X", "a;b", "hosts/<host>/x.txt"))}, nil, host); !errors.As(err, &unsafe) || unsafe.Check != "site_x" {
		t.Errorf("error %v is no UnsafeError naming the check", err)
	}
}

// TestAnyRole: a site rule for any role is wanted on every host, where
// its context exists; the script does not fail a host without it.
func TestAnyRole(t *testing.T) {
	rule := lint.CLI(inputs.RoleUnknown, "System/NTP", "get", "hosts/<host>/ntp.txt")
	p, err := Full([]*lint.Check{check("site_ntp", rule), check("as_x", lint.CLI(inputs.RoleAS, "Interface/Messaging", "get", "hosts/<host>/m.txt"))}, nil,
		[]Host{{Name: "as1", Role: inputs.RoleAS}, {Name: "ns1", Role: inputs.RoleNS}})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(p.Hosts); got != 2 {
		t.Fatalf("%d hosts planned, want as1 and ns1", got)
	}
	for _, h := range p.Hosts {
		i := slices.IndexFunc(h.Steps, func(s Step) bool { return s.Context == "System/NTP" })
		if i < 0 || !h.Steps[i].IfPresent {
			t.Errorf("%s: no step for the rule wanted where its context exists: %v", h.Name, lines(h.Steps))
		}
	}
	var b strings.Builder
	if err := Expect(&b, p, p.Host("as1")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`cli_cd "Interface/Messaging" 1 [list "m.txt"]`, `cli_cd "System/NTP" 0 [list "ntp.txt"]`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the script has no %s", want)
		}
	}
}

// TestPlaceholder: a command with a part to fill in is for the operator,
// not for the scripts.
func TestPlaceholder(t *testing.T) {
	p, err := Full([]*lint.Check{check("as_x", lint.CLI(inputs.RoleAS, "Maintenance/Patching", "detail <bundle>", "hosts/<host>/bundle.txt"))}, nil,
		[]Host{{Name: "as1", Role: inputs.RoleAS}})
	if err != nil {
		t.Fatal(err)
	}
	var exp, sh strings.Builder
	if err := Expect(&exp, p, p.Host("as1")); err != nil {
		t.Fatal(err)
	}
	if err := Shell(&sh, p, p.Host("as1")); err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]string{"expect": exp.String(), "shell": sh.String()} {
		if strings.Contains(s, "cli_run \"detail") || strings.Contains(s, "'detail <bundle>'") {
			t.Errorf("the %s script types a command with a placeholder", name)
		}
		if !strings.Contains(s, "AS_CLI/Maintenance/Patching> detail <bundle> (fill in <bundle>) -> hosts/as1/bundle.txt") {
			t.Errorf("the %s script does not leave the command to the operator", name)
		}
	}
}

// TestOCIPRequests: the request documents are OCI-P that bwlint's own
// reader reads back, with their elements.
func TestOCIPRequests(t *testing.T) {
	tags := lint.OCIP("SystemDeviceManagementTagGetListRequest", "devicemgmt/tagsets/<name>.xml").With("tagSetName", "TAG_SET & <more>")
	version := lint.OCIP("SystemSoftwareVersionGetRequest", "ocip/software-version.xml")
	p, err := Full([]*lint.Check{check("as_tags", tags, version), check("as_release", version)}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := OCIP(&b, p, Meta{}); err != nil {
		t.Fatal(err)
	}
	f, probs := ocip.Read("requests.xml", []byte(b.String()), ocip.Options{})
	if len(probs) > 0 {
		t.Fatalf("problems reading the requests: %v\n%s", probs, b.String())
	}
	var got []string
	for _, c := range f.Commands {
		got = append(got, c.Type().Text+" "+c.Field("tagSetName").Text)
	}
	want := []string{"SystemDeviceManagementTagGetListRequest TAG_SET & <more>", "SystemSoftwareVersionGetRequest "}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("requests read back (-want +got):\n%s\n%s", d, b.String())
	}
	if !strings.Contains(b.String(), "save the response as ocip/software-version.xml, for as_release, as_tags") {
		t.Errorf("the comment does not say where the response goes:\n%s", b.String())
	}
}

// TestMeetingsServerByHand: Meetings Server files are steps done by hand,
// after the OCI-P requests, each with its file; the scripts list them
// among what is left to do and type none of them.
func TestMeetingsServerByHand(t *testing.T) {
	const what = "the user import file as uploaded"
	users := lint.MeetingsServer(what, "wms/users/<name>.csv").AsOptional()
	checks := []*lint.Check{
		check("wms_users", users),
		check("as_release", lint.Shell(inputs.RoleAS, "bwshowver", "hosts/<host>/bwshowver.txt"), lint.OCIP("SystemSoftwareVersionGetRequest", "ocip/software-version.xml")),
	}
	p, err := Full(checks, nil, []Host{{Name: "as1", Role: inputs.RoleAS}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range p.Deployment {
		got = append(got, fmt.Sprintf("%s %s -> %s manual=%v optional=%v", s.Source, s.Text, s.File, s.Manual(), s.Optional()))
	}
	want := []string{
		"ocip SystemSoftwareVersionGetRequest -> ocip/software-version.xml manual=true optional=false",
		"meetings-server " + what + " -> wms/users/<name>.csv manual=true optional=true",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("deployment steps (-want +got):\n%s", d)
	}
	var text, md strings.Builder
	if err := Text(&text, p, Meta{}); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&md, p, Meta{}); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"text": text.String(), "markdown": md.String()} {
		heading := strings.Index(out, "By hand, from Meetings Server")
		if heading < 0 || heading < strings.Index(out, "SystemSoftwareVersionGetRequest") || !strings.Contains(out[heading:], what) ||
			!strings.Contains(out[heading:], "wms/users/<name>.csv") {
			t.Errorf("the %s plan does not list the Meetings Server file by hand, last, with its file:\n%s", name, out)
		}
	}
	for name, write := range map[string]func(io.Writer, *Plan, *HostPlan) error{"expect": Expect, "shell": Shell} {
		var b strings.Builder
		if err := write(&b, p, p.Host("as1")); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(b.String(), what); n != 1 || !strings.Contains(b.String(), "Meetings Server: "+what+" -> wms/users/<name>.csv") {
			t.Errorf("the %s script names the Meetings Server file %d times, want once among what is left to do by hand:\n%s", name, n, b.String())
		}
	}
}

// hostileStrings are names a script must take as names.
var hostileStrings = []string{
	"as1", "", " ", "a b", `$HOME`, `$(touch x)`, "`touch x`", `[exec touch x]`, `"`, `'`, `\`, `a\`, `{`, `}`, `}{`,
	`;`, `#`, "~root", "-oProxyCommand=x", `%h`, "é", "日本", "\U0001F600", `\u0041`, "\\x41", "$env(HOME)", `a"b'c\d$e[f]g{h}`,
}

// TestQuotingRoundTrip hands every hostile string, quoted, to tclsh and
// sh, which must give it back exactly.
func TestQuotingRoundTrip(t *testing.T) {
	for _, q := range []struct {
		shell, flag string
		script      func(string) string
	}{
		// Tcl 8.6 holds no character beyond U+FFFF: Expect refuses such
		// names (TestExpectRefusesAstral), and tclsh is not given them.
		{"tclsh", "", func(s string) string {
			return "encoding system utf-8\nfconfigure stdout -encoding utf-8 -translation lf\nputs -nonewline " + tclQuote(s) + "\n"
		}},
		{"sh", "-c", func(s string) string { return "printf %s " + shQuote(s) }},
	} {
		bin, err := exec.LookPath(q.shell)
		if err != nil {
			t.Logf("%s not installed: not tried", q.shell)
			continue
		}
		for _, s := range hostileStrings {
			if q.shell == "tclsh" && strings.ContainsFunc(s, astral) {
				continue
			}
			var cmd *exec.Cmd
			if q.flag == "" {
				cmd = exec.Command(bin)
				cmd.Stdin = strings.NewReader(q.script(s))
			} else {
				cmd = exec.Command(bin, q.flag, q.script(s))
			}
			cmd.Dir = t.TempDir()
			out, err := cmd.Output()
			if err != nil {
				t.Errorf("%s on %q: %v", q.shell, s, err)
				continue
			}
			if string(out) != s {
				t.Errorf("%s gives back %q for %q", q.shell, out, s)
			}
		}
	}
}

func TestCommentSafe(t *testing.T) {
	for in, want := range map[string]string{"a\nb": "a?b", `a\`: `a\ `, "a\u2028b": "a?b", "ok": "ok"} {
		if got := commentSafe(in); got != want {
			t.Errorf("commentSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExpectRefusesAstral(t *testing.T) {
	p, err := Full([]*lint.Check{check("as_x", lint.CLI(inputs.RoleAS, "X", "get", "hosts/<host>/x.txt"))}, nil, []Host{{Name: "as\U0001F600", Role: inputs.RoleAS}})
	if err != nil {
		t.Fatal(err)
	}
	var script *ScriptError
	if err := Expect(&strings.Builder{}, p, &p.Hosts[0]); !errors.As(err, &script) {
		t.Errorf("error %v, want a ScriptError", err)
	}
	if err := Shell(&strings.Builder{}, p, &p.Hosts[0]); err != nil {
		t.Errorf("the shell script refuses the name: %v", err)
	}
}
