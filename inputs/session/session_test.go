package session

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// dump renders what Parse read: every command with its context, values,
// cells and text, every bwshowver and digest, the line counts and the
// problems, each with its line:column range.
func dump(c *Capture, probs []source.Problem) string {
	var b strings.Builder
	rg := func(r hcl.Range) string {
		return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
	}
	val := func(v source.Value) string { return fmt.Sprintf("%q@%s", v.Text, rg(v.Range())) }
	for _, sv := range c.ShowVers {
		fmt.Fprintf(&b, "bwshowver %s release %s apps %d\n", val(sv.Server), val(sv.Release), len(sv.Applications))
	}
	for _, d := range c.Digests {
		fmt.Fprintf(&b, "digest %s %s\n", d.Short(), val(d.Name))
	}
	for _, cmd := range c.Commands {
		path := cmd.Path
		if !cmd.Known {
			path = "?"
		}
		origin := cmd.Server.Text + "_CLI"
		if cmd.Shell {
			origin = "shell"
		}
		fmt.Fprintf(&b, "%s %s path=%q verb=%q reads=%v\n", origin, val(cmd.Input), path, cmd.Verb, cmd.Reads())
		for _, kv := range cmd.Attrs {
			fmt.Fprintf(&b, "  kv %s = %s\n", val(kv.Key), val(kv.Value))
		}
		for _, t := range cmd.Tables {
			cols := make([]string, len(t.Columns))
			for k, col := range t.Columns {
				cols[k] = col.Text
			}
			fmt.Fprintf(&b, "  table %s\n", strings.Join(cols, " | "))
			for _, row := range t.Rows {
				cells := make([]string, len(row.Cells))
				for k, cell := range row.Cells {
					cells[k] = val(cell)
				}
				fmt.Fprintf(&b, "    row %s\n", strings.Join(cells, " | "))
			}
		}
		for _, v := range cmd.Text {
			fmt.Fprintf(&b, "  text %s\n", val(v))
		}
	}
	fmt.Fprintf(&b, "lines %s\n", c.Lines)
	source.SortProblems(probs)
	for _, p := range probs {
		fmt.Fprintf(&b, "%s %s %s\n", p.Severity, rg(p.Range), p.Message)
	}
	return b.String()
}

// checkCapture checks what every result must satisfy whatever the input:
// the line counts sum to the file's lines, and every value's range lies in
// the text, starts and ends where source.Index says, and holds the value's
// text unless the terminal hid bytes inside it.
func checkCapture(t *testing.T, text string, c *Capture, probs []source.Problem) {
	t.Helper()
	lines := 0
	for sc := source.NewLines(text); ; lines++ {
		if _, ok := sc.Next(); !ok {
			break
		}
	}
	if c.Lines.Total() != lines {
		t.Errorf("line counts %+v sum to %d; the text has %d lines", c.Lines, c.Lines.Total(), lines)
	}
	ix := source.NewIndex("f.txt", text)
	checkRange := func(what string, r hcl.Range) bool {
		t.Helper()
		if r.Filename != "f.txt" || r.Start.Byte < 0 || r.Start.Byte > r.End.Byte || r.End.Byte > len(text) {
			t.Errorf("%s: range %+v outside the text", what, r)
			return false
		}
		if r.Start != ix.Pos(r.Start.Byte) || r.End != ix.Pos(r.End.Byte) {
			t.Errorf("%s: range %+v disagrees with the index (%+v-%+v)", what, r, ix.Pos(r.Start.Byte), ix.Pos(r.End.Byte))
			return false
		}
		return true
	}
	checkValue := func(what string, v source.Value) {
		t.Helper()
		if !v.Present() || !checkRange(what, v.Range()) {
			return
		}
		raw := text[v.Range().Start.Byte:v.Range().End.Byte]
		if !strings.ContainsAny(raw, "\x1b\x08\x7f\x07\r^") && raw != v.Text {
			t.Errorf("%s: text %q but its range holds %q", what, v.Text, raw)
		}
	}
	for _, sv := range c.ShowVers {
		checkValue("bwshowver server", sv.Server)
		checkValue("bwshowver release", sv.Release)
	}
	for _, d := range c.Digests {
		checkValue("digest", d.Hex)
	}
	for i, cmd := range c.Commands {
		w := fmt.Sprintf("command %d", i)
		checkValue(w+" input", cmd.Input)
		checkValue(w+" server", cmd.Server)
		for _, kv := range cmd.Attrs {
			checkValue(w+" key", kv.Key)
			checkValue(w+" value", kv.Value)
		}
		for _, tb := range cmd.Tables {
			for _, col := range tb.Columns {
				checkValue(w+" column", col)
			}
			for _, row := range tb.Rows {
				if len(row.Cells) != len(tb.Columns) {
					t.Errorf("%s: %d cells for %d columns", w, len(row.Cells), len(tb.Columns))
				}
				for _, cell := range row.Cells {
					checkValue(w+" cell", cell)
				}
			}
		}
		for _, v := range cmd.Text {
			checkValue(w+" text", v)
		}
	}
	for _, p := range probs {
		if p.Range.Start.Line != 0 {
			checkRange("problem "+p.Message, p.Range)
		}
	}
}

// showver24 is bwshowver's output on an R24 Application Server.
const showver24 = "AS version Rel_24.0_1.944\n" +
	"\n" +
	"Built  Sat Jun  6 00:26:50 EDT 2020\n" +
	"- BASE revision 909962\n" +
	"- AS revision 909962\n" +
	"\n" +
	"Patching Info:\n" +
	"  Active Patches: 4\n"

func TestParse(t *testing.T) {
	for _, tt := range parseCases {
		t.Run(tt.name, func(t *testing.T) {
			c, probs := Parse("f.txt", tt.in)
			checkCapture(t, tt.in, c, probs)
			if d := cmp.Diff(tt.want, dump(c, probs)); d != "" {
				t.Errorf("Parse (-want +got):\n%s", d)
			}
		})
	}
}

var parseCases = []struct {
	name, in, want string
}{
	{
		name: "bwshowver at the shell, then a CLI session, then bwshowver again after exit",
		in: "bwadmin@as1.example.net$ bwshowver\n" +
			showver24 +
			"bwadmin@as1.example.net$ bwcli\n" +
			"======================================================================\n" +
			"BroadWorks Command Line Interface\n" +
			"  Type HELP for more information\n" +
			"======================================================================\n" +
			"\n" +
			"AS_CLI> cd Interface/Messaging\n" +
			"AS_CLI/Interface/Messaging> g\n" +
			"  enableSynchronization = true\n" +
			"AS_CLI/Interface/Messaging> exit\n" +
			"Please confirm (Yes, Y, No, N): y\n" +
			"This session is now ending...\n" +
			"bwadmin@as1.example.net$ bwshowver\n" +
			"AS version Rel_24.0_1.944\n",
		want: `bwshowver "AS"@2:1-2:3 release "24.0_1.944"@2:16-2:26 apps 0
bwshowver "AS"@23:1-23:3 release "24.0_1.944"@23:16-23:26 apps 0
AS_CLI "cd Interface/Messaging"@16:9-16:31 path="" verb="cd" reads=false
AS_CLI "g"@17:29-17:30 path="Interface/Messaging" verb="get" reads=true
  kv "enableSynchronization"@18:3-18:24 = "true"@18:27-18:31
AS_CLI "exit"@19:29-19:33 path="Interface/Messaging" verb="exit" reads=false
lines 23 lines: 6 commands, 7 values, 5 noise, 5 help
`,
	},
	{
		name: "an expect log: spawn line, debugging trace, abbreviated chained navigation, no shell prompt",
		in: "spawn sudo -u bworks /usr/local/broadworks/bw_base/bin/bwcli\r\n" +
			"expect: does \"\" (spawn_id exp4) match glob pattern \"XSP_CLI>*\"? no\r\n" +
			"XSP_CLI> sys;sec;black;ge\r\n" +
			"send: sending \"sys;sec;black;ge\\r\" to { exp4 }\r\n" +
			"  Address\r\n" +
			"=========\r\n" +
			"  1.2.3.4\r\n" +
			"\r\n" +
			"1 entry found.\r\n" +
			"XSP_CLI/System/Security/BlackList> quit\r\n" +
			"XSP_CLI/System/Security> exit\r\n" +
			"Please confirm (Yes, Y, No, N): y\r\n",
		want: `XSP_CLI "sys;sec;black;ge"@3:10-3:26 path="System/Security/BlackList" verb="get" reads=true
  table Address
    row "1.2.3.4"@7:3-7:10
XSP_CLI "quit"@10:36-10:40 path="System/Security/BlackList" verb="quit" reads=false
XSP_CLI "exit"@11:26-11:30 path="System/Security" verb="exit" reads=false
lines 12 lines: 3 commands, 4 values, 5 noise
`,
	},
	{
		name: "script(1) and PuTTY log lines, a window title, colours and ESC ( B after a value",
		in: "Script started on 2026-01-02 10:11:12+00:00 [TERM=\"xterm\" TTY=\"/dev/pts/1\" COLUMNS=\"120\" LINES=\"40\"]\n" +
			"=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.01.02 10:11:12 =~=~=~=~=~=~=~=~=~=~=~=\n" +
			"\x1b]0;bwadmin@xsp1: ~\x07\x1b[1;32mXSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication>\x1b(B\x1b[m get\n" +
			"  allowUserApp = false\x1b(B\x1b[m\n" +
			"  allowClientApp = \x1b[1mtrue\x1b(B\x1b[m\n" +
			"Script done on 2026-01-02 10:12:00+00:00 [COMMAND_EXIT_CODE=\"0\"]\n",
		want: `XSP_CLI "get"@3:136-3:139 path="System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication" verb="get" reads=true
  kv "allowUserApp"@4:3-4:15 = "false"@4:18-4:23
  kv "allowClientApp"@5:3-5:17 = "true"@5:24-5:28
lines 6 lines: 1 command, 2 values, 3 noise
`,
	},
	{
		name: "a command typed with corrections: backspace, DEL, a caret echo, a carriage return",
		in: "AS_CLI/Interface/Messaging> gte\b\b\bget\n" +
			"  a = 1\n" +
			"AS_CLI/Interface/Messaging> gett\x7f\n" +
			"  b = 2\n" +
			"AS_CLI/Interface/Messaging> gx^Het\n" +
			"  c = 3\n" +
			"AS_CLI/Interface/Messaging> xyz\rAS_CLI/Interface/Messaging> get\n" +
			"  d = 4\n",
		want: `AS_CLI "get"@1:35-1:38 path="Interface/Messaging" verb="get" reads=true
  kv "a"@2:3-2:4 = "1"@2:7-2:8
AS_CLI "get"@3:29-3:32 path="Interface/Messaging" verb="get" reads=true
  kv "b"@4:3-4:4 = "2"@4:7-4:8
AS_CLI "get"@5:29-5:35 path="Interface/Messaging" verb="get" reads=true
  kv "c"@6:3-6:4 = "3"@6:7-6:8
AS_CLI "get"@7:61-7:64 path="Interface/Messaging" verb="get" reads=true
  kv "d"@8:3-8:4 = "4"@8:7-8:8
lines 8 lines: 4 commands, 4 values
`,
	},
	{
		name: "an exit refused stays in the CLI; a shell prompt with a user ends a session without exit",
		in: "AS_CLI> exit\n" +
			"Please confirm (Yes, Y, No, N): n\n" +
			"AS_CLI> qversions\n" +
			"  Identity     Version  Install Date  Status\n" +
			"============================================\n" +
			"        AS  24.0_1.944  Feb 11, 2022  Active\n" +
			"[bwadmin@as1 ~]$ sha256sum /var/broadworks/tmp/authService.keys\n" +
			"fc847471a141144ccf18474f804cea02c94792834b609fed3aa1a36e6fc94150  /var/broadworks/tmp/authService.keys\n",
		want: `digest fc847471a141 "/var/broadworks/tmp/authService.keys"@8:67-8:103
AS_CLI "exit"@1:9-1:13 path="" verb="exit" reads=false
AS_CLI "qversions"@3:9-3:18 path="" verb="qversions" reads=true
  table Identity | Version | Install Date | Status
    row "AS"@6:9-6:11 | "24.0_1.944"@6:13-6:23 | "Feb 11, 2022"@6:25-6:37 | "Active"@6:39-6:45
lines 8 lines: 3 commands, 4 values, 1 noise
`,
	},
	{
		name: "bwshowver output without its command after exit, then a patch list from the shell",
		in: "AS_CLI/Maintenance/Patching> listBundle\n" +
			"Patch Bundle Name\n" +
			"=========================\n" +
			"PB.as.24.0.944.pb20210312172527\n" +
			"1 entry found.\n" +
			"AS_CLI/Maintenance/Patching> exit\n" +
			"Please confirm (Yes, Y, No, N): y\n" +
			showver24 +
			"~$ cd /usr/local/broadworks/patchtool/sbin\n" +
			"~$ ./listPatch.pl\n" +
			"               Patch Name      State\n" +
			"====================================\n" +
			"  AP.as.24.0.944.ap370326  installed\n" +
			"  AP.as.24.0.944.ap384177  installed\n" +
			"listPatch command successfully executed.\n",
		want: `bwshowver "AS"@8:1-8:3 release "24.0_1.944"@8:16-8:26 apps 0
AS_CLI "listBundle"@1:30-1:40 path="Maintenance/Patching" verb="listbundle" reads=true
  table Patch Bundle Name
    row "PB.as.24.0.944.pb20210312172527"@4:1-4:32
AS_CLI "exit"@6:30-6:34 path="Maintenance/Patching" verb="exit" reads=false
shell "./listPatch.pl"@17:4-17:18 path="Maintenance/Patching" verb="listpatch" reads=true
  table Patch Name | State
    row "AP.as.24.0.944.ap370326"@20:3-20:26 | "installed"@20:28-20:37
    row "AP.as.24.0.944.ap384177"@21:3-21:26 | "installed"@21:28-21:37
lines 22 lines: 4 commands, 13 values, 4 noise, 1 help
`,
	},
	{
		name: "help, vtr and section banners are not tables; a title over settings is a title",
		in: "XSP_CLI/Applications/Xsi-Events/GeneralSettings> h set\n" +
			"======================================================================\n" +
			"set\n" +
			"    <attribute>, Multiple Choice = {callControlApplicationName}\n" +
			"XSP_CLI/Applications/Xsi-Events/GeneralSettings> vtr\n" +
			"==========================================\n" +
			"XSP_CLI/Applications/Xsi-Events/GeneralSettings\n" +
			"==========================================\n" +
			"XSP_CLI/Applications/Xsi-Events/GeneralSettings> get\n" +
			"General Settings\n" +
			"================\n" +
			"  callControlApplicationName = com.broadsoft.xsi-events\n" +
			"-----------------\n" +
			"Event Settings\n" +
			"--------------\n" +
			"  eventTimeout = 30\n",
		want: `XSP_CLI "h set"@1:50-1:55 path="Applications/Xsi-Events/GeneralSettings" verb="help" reads=false
XSP_CLI "vtr"@5:50-5:53 path="Applications/Xsi-Events/GeneralSettings" verb="vtr" reads=false
XSP_CLI "get"@9:50-9:53 path="Applications/Xsi-Events/GeneralSettings" verb="get" reads=true
  kv "callControlApplicationName"@12:3-12:29 = "com.broadsoft.xsi-events"@12:32-12:56
  kv "eventTimeout"@16:3-16:15 = "30"@16:18-16:20
lines 16 lines: 3 commands, 2 values, 11 help
`,
	},
	{
		name: "a single-space gutter table, and a row that fits neither reading",
		in: "DBS_CLI/Maintenance/Scheduler> get\n" +
			"Id Name         Minute Hour Day Month Weekday\n" +
			"=============================================\n" +
			"1  tech-support -      4    *   *     *\n" +
			"2  purge\t-\t2  *   *     0\n" +
			"\n" +
			"2 entries found.\n" +
			"DBS_CLI/Maintenance/Scheduler> get\n" +
			"Id Name Minute Hour\n" +
			"===================\n" +
			"1 tech-support - 4\n" +
			"2 nightly backup - 3\n",
		want: `DBS_CLI "get"@1:32-1:35 path="Maintenance/Scheduler" verb="get" reads=true
  table Id | Name | Minute | Hour | Day | Month | Weekday
    row "1"@4:1-4:2 | "tech-support"@4:4-4:16 | "-"@4:17-4:18 | "4"@4:24-4:25 | "*"@4:29-4:30 | "*"@4:33-4:34 | "*"@4:39-4:40
    row "2"@5:1-5:2 | "purge"@5:4-5:9 | "-"@5:10-5:11 | "2"@5:12-5:13 | "*"@5:15-5:16 | "*"@5:19-5:20 | "0"@5:25-5:26
DBS_CLI "get"@8:32-8:35 path="Maintenance/Scheduler" verb="get" reads=true
  table Id Name Minute Hour
    row "1 tech-support - 4"@11:1-11:19
    row "2 nightly backup - 3"@12:1-12:21
lines 12 lines: 2 commands, 9 values, 1 noise
warning 9:1-9:20 table header "Id Name Minute Hour" may name one column or 4 columns set one space apart: 1 of its 2 rows have one word per header word; read as one column
`,
	},
	{
		name: "a capture cut in the middle of a table row",
		in: "AS_CLI/Maintenance/Patching> listPatch\n" +
			"               Patch Name      State\n" +
			"====================================\n" +
			"  AP.as.24.0.944.ap370326  installed\n" +
			"  AP.as.24.0.944.ap38417",
		want: `AS_CLI "listPatch"@1:30-1:39 path="Maintenance/Patching" verb="listpatch" reads=true
  table Patch Name | State
    row "AP.as.24.0.944.ap370326"@4:3-4:26 | "installed"@4:28-4:37
lines 5 lines: 1 command, 3 values, 1 not understood
error 5:3-5:25 the capture ends in the middle of this row of the output of "listPatch": the file ends without a line break and the row is shorter than the rows and header above it; the row is not read
`,
	},
	{
		name: "a table without footer at the end of a file without a line break is complete",
		in: "AS_CLI/System/ClientIdentity> get\n" +
			"               Identity\n" +
			"=======================\n" +
			"  bwcticlient.webex.com",
		want: `AS_CLI "get"@1:31-1:34 path="System/ClientIdentity" verb="get" reads=true
  table Identity
    row "bwcticlient.webex.com"@4:3-4:24
lines 4 lines: 1 command, 3 values
`,
	},
	{
		name: "a session pasted on one line, an ambiguous abbreviation, a command bwlint does not know",
		in: "AS_CLI/System/DeviceType/SIP> detail \"Business Communicator - PC\" deviceAccessProtocol = http deviceAccessFQDN = xsp.example.net\n" +
			"AS_CLI/System/DeviceType/SIP> de\n" +
			"AS_CLI/System/DeviceType/SIP> frobnicate\n" +
			"Frobnicated.\n",
		want: `AS_CLI "detail \"Business Communicator - PC\" deviceAccessProtocol = http deviceAccessFQDN = xsp.example.net"@1:31-1:129 path="?" verb="detail" reads=false
AS_CLI "frobnicate"@3:31-3:41 path="System/DeviceType/SIP" verb="frobnicate" reads=false
  text "Frobnicated."@4:1-4:13
lines 4 lines: 1 command, 1 text, 2 not understood
warning 1:1-1:129 the command line holds what looks like output (the capture seems to have lost its line breaks): "detail "Business Communicator - PC" deviceAccessProtocol = h…"; none of it is read
note 2:31-2:33 "de" is ambiguous in AS_CLI/System/DeviceType/SIP: it could be delete, detail; its output is kept as text
note 3:31-3:41 "frobnicate" is not a command bwlint knows in AS_CLI/System/DeviceType/SIP; its output is kept as text
`,
	},
	{
		name: "a read, a change and a read again",
		in: "AS_CLI/Interface/Messaging> get\n" +
			"  enableSynchronization = false\n" +
			"AS_CLI/Interface/Messaging> set enableSynchronization true\n" +
			"...Done\n" +
			"AS_CLI/Interface/Messaging> get\n" +
			"  enableSynchronization = true\n",
		want: `AS_CLI "get"@1:29-1:32 path="Interface/Messaging" verb="get" reads=true
  kv "enableSynchronization"@2:3-2:24 = "false"@2:27-2:32
AS_CLI "set enableSynchronization true"@3:29-3:59 path="Interface/Messaging" verb="set" reads=false
AS_CLI "get"@5:29-5:32 path="Interface/Messaging" verb="get" reads=true
  kv "enableSynchronization"@6:3-6:24 = "true"@6:27-6:31
lines 6 lines: 3 commands, 2 values, 1 noise
note 3:29-3:59 configuration changed during the capture: "set enableSynchronization true" changes AS_CLI/Interface/Messaging, which line 1 read; only a read after the change shows the configuration in force
`,
	},
	{
		name: "unknown shell command output is text; lines outside any command are notes",
		in: "Some words an operator typed into the file.\n" +
			"bwadmin@as1$ uptime\n" +
			" 10:11:12 up 200 days,  1 user,  load average: 0.00, 0.01, 0.05\n" +
			"AS_CLI/System/ClientIdentity> get\n" +
			"               Identity\n" +
			"=======================\n" +
			"  bwcticlient.webex.com\n",
		want: `shell "uptime"@2:14-2:20 path="?" verb="uptime" reads=false
  text "10:11:12 up 200 days,  1 user,  load average: 0.00, 0.01, 0.05"@3:2-3:64
AS_CLI "get"@4:31-4:34 path="System/ClientIdentity" verb="get" reads=true
  table Identity
    row "bwcticlient.webex.com"@7:3-7:24
lines 7 lines: 2 commands, 3 values, 1 text, 1 not understood
note 1:1-1:44 line outside any command bwlint reads is not understood: "Some words an operator typed into the file."
note 2:14-2:20 output of the shell command "uptime" is not read (bwlint reads bwshowver, bwcli, sha256sum, listPatch.pl, listBundle and patchtool at the shell) and is kept as text: 1 line
`,
	},
	{
		name: "a timestamp between sessions is noise, in a table a cell",
		in: "[2026-01-02 10:11:12]\n" +
			"SecureCRT session log opened\n" +
			"AS_CLI/System/ActivatableFeature> get\n" +
			"          Changed\n" +
			"===================\n" +
			"2026-01-02 10:11:12\n",
		want: `AS_CLI "get"@3:35-3:38 path="System/ActivatableFeature" verb="get" reads=true
  table Changed
    row "2026-01-02 10:11:12"@6:1-6:20
lines 6 lines: 1 command, 3 values, 2 noise
`,
	},
	{
		name: "nothing understood",
		in: "These are notes pasted from an e-mail.\n" +
			"No prompt here.\n",
		want: `lines 2 lines: 2 not understood
error 1:1-1:39 no BroadWorks CLI prompt (such as "AS_CLI/Interface/Messaging> get"), bwshowver output or shell command that bwlint reads was found: nothing in this file was understood
`,
	},
	{
		name: "empty file",
		in:   "",
		want: `lines 0 lines
error 0:0-0:0 no BroadWorks CLI prompt (such as "AS_CLI/Interface/Messaging> get"), bwshowver output or shell command that bwlint reads was found: nothing in this file was understood
`,
	},
}

// TestShellPrompt pins down which lines are shell prompts, and which of
// them are strong enough to end a CLI session.
func TestShellPrompt(t *testing.T) {
	for _, tc := range []struct {
		line         string
		cmd          string
		weak, strong bool
	}{
		{"bwadmin@as1.example.net$ bwshowver", "bwshowver", true, true},
		{"[bwadmin@as1 ~]$ bwcli", "bwcli", true, true},
		{"[root@as1 sbin]# ./listPatch.pl", "./listPatch.pl", true, true},
		{"bwadmin@as1:~/tmp$ sha256sum x", "sha256sum x", true, true},
		{"bwadmin@as1:~> bwcli", "bwcli", true, true},
		{"as1:~ # bwshowver", "bwshowver", true, false},
		{"~$ cd /tmp", "cd /tmp", true, false},
		{"bash-4.2$ bwshowver", "bwshowver", true, false},
		{"$ bwshowver", "bwshowver", true, false},
		{"# bwshowver", "bwshowver", true, false},
		{"bwadmin@as1$", "", true, true},
		{"AS_CLI> get", "", false, false},
		{"  url = http://user@host$x", "", false, false},
		{"Total $ 5", "", false, false},
		{"hostname$ x", "", false, false},
	} {
		cmd, weak := shellPrompt(tc.line, false)
		_, strong := shellPrompt(tc.line, true)
		if weak != tc.weak || strong != tc.strong || (weak && tc.line[cmd[0]:cmd[1]] != tc.cmd) {
			t.Errorf("shellPrompt(%q) = %q weak %v strong %v; want %q %v %v", tc.line, tc.line[cmd[0]:cmd[1]], weak, strong, tc.cmd, tc.weak, tc.strong)
		}
	}
}

// TestKnownNoise checks the lines capture tools add.
func TestKnownNoise(t *testing.T) {
	for _, s := range []string{
		"Script started on 2026-01-02 10:11:12+00:00 [TERM=\"xterm\"]",
		"Script started on Fri Jan  2 10:11:12 2026",
		"Script done on 2026-01-02 10:12:00+00:00 [COMMAND_EXIT_CODE=\"0\"]",
		"=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.01.02 10:11:12 =~=~=~=~=~=~=~=~=~=~=~=",
		"spawn ssh bwadmin@as1",
		"expect: does \"AS_CLI>\" (spawn_id exp6) match glob pattern \"AS_CLI>*\"? yes",
		"send: sending \"get\\r\" to { exp6 }",
	} {
		if !isLogNoise(s) {
			t.Errorf("isLogNoise(%q) = false", s)
		}
	}
	for _, s := range []string{"Script", "spawned", "2026-01-02 is the date", "  url = x"} {
		if isLogNoise(s) || isTimestamp(s) {
			t.Errorf("%q is taken for noise", s)
		}
	}
	for _, s := range []string{"2026-01-02 10:11:12", "[2026/01/02 10:11:12.123]", "2026-01-02T10:11:12Z"} {
		if !isTimestamp(s) {
			t.Errorf("isTimestamp(%q) = false", s)
		}
	}
}

// TestBoundedProblems checks that a pathological file of millions of
// unknown commands keeps a bounded number of problems and no command.
func TestBoundedProblems(t *testing.T) {
	text := strings.Repeat("some stray line\n", 5000) + strings.Repeat("AS_CLI> x\n", 100_000)
	c, probs := Parse("f.txt", text)
	if len(c.Commands) != 0 {
		t.Errorf("%d commands kept; a command bwlint does not know that printed nothing is not kept", len(c.Commands))
	}
	if len(probs) > 3*source.MaxProblems {
		t.Errorf("%d problems; want at most %d", len(probs), 3*source.MaxProblems)
	}
	last := probs[len(probs)-1]
	if !strings.Contains(fmt.Sprint(probs), "more notes in this file are not listed") {
		t.Errorf("no summary of the notes left out; last problem: %s", last.Error())
	}
	if c.Lines.Total() != 105_000 {
		t.Errorf("lines %s; want 105000", c.Lines)
	}
}
