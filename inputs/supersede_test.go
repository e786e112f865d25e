package inputs

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Captures of AS_CLI/Interface/Messaging as an operator's terminal keeps
// them: a script(1) typescript (its header and footer end in LF, what the
// session printed in CRLF), a PuTTY log (CRLF throughout) and a paste into
// an editor (LF, no header). sync is the value enableSynchronization shows.
func typescript(started, sync string) string {
	return "Script started on " + started + " [TERM=\"xterm-256color\" TTY=\"/dev/pts/2\" COLUMNS=\"120\" LINES=\"40\"]\n" +
		"bwadmin@as1:~$ bwcli\r\n\r\n" +
		"AS_CLI> cd Interface/Messaging\r\n" +
		"AS_CLI/Interface/Messaging> get\r\n" +
		"  enableSynchronization = " + sync + "\r\n" +
		"  provisioningUserId = bwsync\r\n" +
		"AS_CLI/Interface/Messaging> exit\r\n" +
		"Please confirm (Yes, Y, No, N): y\r\n" +
		"This session is now ending...\r\n" +
		"Script done on " + started + " [COMMAND_EXIT_CODE=\"0\"]\n"
}

func puttyLog(logged, sync string) string {
	return strings.ReplaceAll("=~=~=~=~=~=~=~=~=~=~=~= PuTTY log "+logged+" =~=~=~=~=~=~=~=~=~=~=~=\n"+
		"bwadmin@as1:~> bwcli\n\n"+
		"AS_CLI> cd Interface/Messaging\n"+
		"AS_CLI/Interface/Messaging> get\n"+
		"  enableSynchronization = "+sync+"\n"+
		"  provisioningUserId = bwsync\n"+
		"AS_CLI/Interface/Messaging> exit\n"+
		"Please confirm (Yes, Y, No, N): y\n", "\n", "\r\n")
}

func pasted(sync string) string {
	return "AS_CLI/Interface/Messaging> get\n" +
		"  enableSynchronization = " + sync + "\n" +
		"  provisioningUserId = bwsync\n"
}

// TestLatestCaptureWins: when two files of a host show the same read with
// different output, the one captured later by the files' headers is
// evidence whatever the files are called, path order decides only where
// the headers cannot, and the read left out is a warning that names both
// places and the reason. Copies that agree are no warning.
func TestLatestCaptureWins(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		sync  string // the value used
		want  []string
	}{{
		name: "the current capture is first in path order",
		files: map[string]string{
			"hosts/as1/messaging.txt":  typescript("2026-11-20 09:14:05+00:00", "true"),
			"hosts/as1/zz-2023-05.txt": puttyLog("2023.05.02 10:20:00", "false"),
		},
		sync: "true",
		want: []string{`hosts/as1/zz-2023-05.txt:5:29: warning: "AS_CLI/Interface/Messaging> get" shows other output here than at hosts/as1/messaging.txt:5:29, and that read is used: it was captured later, 2026-11-20T09:14:05Z by its script(1) header, this file's gives 2023-05-02T10:20:00`},
	}, {
		name: "two old-style typescripts, the later one first in path order",
		files: map[string]string{
			"hosts/as1/a-current.txt": typescript("Fri Nov 20 09:14:05 2026", "true"),
			"hosts/as1/b-stale.txt":   typescript("Tue May  2 10:20:00 2023", "false"),
		},
		sync: "true",
		want: []string{`hosts/as1/b-stale.txt:5:29: warning: "AS_CLI/Interface/Messaging> get" shows other output here than at hosts/as1/a-current.txt:5:29, and that read is used: it was captured later, 2026-11-20T09:14:05 by its script(1) header, this file's gives 2023-05-02T10:20:00`},
	}, {
		name: "the later in path order has no header",
		files: map[string]string{
			"hosts/as1/2023-05-messaging.txt": puttyLog("2023.05.02 10:20:00", "false"),
			"hosts/as1/messaging.txt":         pasted("true"),
		},
		sync: "true",
		want: []string{`hosts/as1/2023-05-messaging.txt:5:29: warning: "AS_CLI/Interface/Messaging> get" shows other output here than at hosts/as1/messaging.txt:1:29, and that read is used: it is later in path order, as hosts/as1/messaging.txt shows no capture time (no script(1) or PuTTY header)`},
	}, {
		name: "the earlier in path order has no header",
		files: map[string]string{
			"hosts/as1/messaging.txt":  pasted("true"),
			"hosts/as1/zz-2023-05.txt": puttyLog("2023.05.02 10:20:00", "false"),
		},
		sync: "false",
		want: []string{`hosts/as1/messaging.txt:1:29: warning: "AS_CLI/Interface/Messaging> get" shows other output here than at hosts/as1/zz-2023-05.txt:5:29, and that read is used: it is later in path order, as hosts/as1/messaging.txt shows no capture time (no script(1) or PuTTY header)`},
	}, {
		name: "a header without a time zone too close to one with",
		files: map[string]string{
			"hosts/as1/a.txt": puttyLog("2026.11.20 10:00:00", "false"),
			"hosts/as1/b.txt": typescript("2026-11-20 09:14:05+00:00", "true"),
		},
		sync: "true",
		want: []string{`hosts/as1/a.txt:5:29: warning: "AS_CLI/Interface/Messaging> get" shows other output here than at hosts/as1/b.txt:5:29, and that read is used: it is later in path order, as the capture times of hosts/as1/a.txt (2026-11-20T10:00:00) and hosts/as1/b.txt (2026-11-20T09:14:05Z) cannot be ordered: one header gives no time zone and they are less than 14 hours apart`},
	}, {
		name: "three captures, the latest in the middle",
		files: map[string]string{
			"hosts/as1/a-2025.txt": typescript("2025-12-01 08:00:00+01:00", "false"),
			"hosts/as1/b-2026.txt": typescript("2026-11-20 09:14:05+01:00", "true"),
			"hosts/as1/c-2023.txt": puttyLog("2023.05.02 10:20:00", "true"),
		},
		sync: "true",
		want: []string{`hosts/as1/a-2025.txt:5:29: warning: "AS_CLI/Interface/Messaging> get" shows other output here than at hosts/as1/b-2026.txt:5:29, and that read is used: it was captured later, 2026-11-20T09:14:05+01:00 by its script(1) header, this file's gives 2025-12-01T08:00:00+01:00`},
	}, {
		name: "copies that agree",
		files: map[string]string{
			"hosts/as1/messaging.txt":  typescript("2026-11-20 09:14:05+00:00", "true"),
			"hosts/as1/zz-2023-05.txt": puttyLog("2023.05.02 10:20:00", "true"),
		},
		sync: "true",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			s := load(t, writeFiles(t, tc.files))
			h := s.Host("as1")
			if h == nil {
				t.Fatal("no host as1")
			}
			if kv, _, ok := h.Attr("Interface/Messaging", "enableSynchronization"); !ok || kv.Value.Text != tc.sync {
				t.Errorf("enableSynchronization = %q (%v), want %s", kv.Value.Text, ok, tc.sync)
			}
			if reads := h.Read("Interface/Messaging"); len(reads) != 1 {
				t.Errorf("%d reads used, want one", len(reads))
			}
			var superseded int
			for _, c := range h.Commands {
				if c.SupersededBy != nil {
					superseded++
				}
			}
			if superseded != len(tc.files)-1 {
				t.Errorf("%d reads superseded, want %d", superseded, len(tc.files)-1)
			}
			if d := cmp.Diff(tc.want, problemsOf(s)); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
		})
	}
}
