package inputs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
)

// TestCapturedAt reads the capture time from the headers recording tools
// write, as their logs come: script(1) old and new, PuTTY with CRLF, and
// nothing from lines that merely look like one.
func TestCapturedAt(t *testing.T) {
	utc := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	for _, tc := range []struct {
		name, text, tool, shown string
		line, col, endCol       int
	}{
		{"script since util-linux 2.35", "Script started on 2026-01-02 10:11:12+01:00 [TERM=\"xterm\" TTY=\"/dev/pts/1\" COLUMNS=\"120\" LINES=\"40\"]\nAS_CLI> ",
			CaptureScript, "2026-01-02T10:11:12+01:00", 1, 19, 44},
		{"script on macOS and older Linux", "Script started on Fri Jan  2 10:11:12 2026\r\n$ bwcli\r\n",
			CaptureScript, "2026-01-02T10:11:12", 1, 19, 43},
		{"script with a zone name", "\nScript started on Fri Jan  2 10:11:12 UTC 2026\n",
			CaptureScript, "2026-01-02T10:11:12Z", 2, 19, 47},
		{"PuTTY", "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.01.02 10:20:00 =~=~=~=~=~=~=~=~=~=~=~=\r\nbwadmin@xsp7$ ",
			CapturePuTTY, "2026-01-02T10:20:00", 1, 35, 54},
		{"script with a date it cannot read", "Script started on jeudi 2 janvier 2026\n", "", "", 0, 0, 0},
		{"a header too far down", "AS_CLI> get\n\n\n\nScript started on 2026-01-02 10:11:12+00:00\n", "", "", 0, 0, 0},
		{"prose that names PuTTY", "the PuTTY log 2026.01.02 10:20:00 is attached\n", "", "", 0, 0, 0},
		{"empty", "", "", "", 0, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := capturedAt("hosts/xsp7/log.txt", tc.text)
			if got.Tool != tc.tool {
				t.Fatalf("tool %q, want %q", got.Tool, tc.tool)
			}
			if tc.tool == "" {
				return
			}
			if got.String() != tc.shown {
				t.Errorf("time %s, want %s", got, tc.shown)
			}
			if got.Zoned && !got.Time.Equal(utc(tc.shown)) {
				t.Errorf("time %v, want %s", got.Time, tc.shown)
			}
			want := hcl.Range{Filename: "hosts/xsp7/log.txt", Start: hcl.Pos{Line: tc.line, Column: tc.col}, End: hcl.Pos{Line: tc.line, Column: tc.endCol}}
			if got.At.Filename != want.Filename || got.At.Start.Line != want.Start.Line || got.At.Start.Column != want.Start.Column || got.At.End.Column != want.End.Column {
				t.Errorf("at %v, want %v", got.At, want)
			}
			// The range slices back to the time as the header wrote it.
			if s := tc.text[got.At.Start.Byte:got.At.End.Byte]; !strings.HasPrefix(s, "20") && !strings.HasPrefix(s, "Fri") || !strings.Contains(s, ":") {
				t.Errorf("range %d-%d holds %q", got.At.Start.Byte, got.At.End.Byte, s)
			}
		})
	}
}

// TestLoadRecordsCaptureTimes loads the capture shapes as an operator's
// tools wrote them: the header's time where there is one, and every
// file's modification time.
func TestLoadRecordsCaptureTimes(t *testing.T) {
	for dir, want := range map[string]string{"script": "2026-01-02T10:11:12Z", "putty": "2026-01-02T10:20:00"} {
		snap, err := Load(filepath.Join("..", "testdata", "shapes", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range snap.Files {
			st, err := os.Stat(filepath.Join(snap.Root, filepath.FromSlash(f.Path)))
			if err != nil {
				t.Fatal(err)
			}
			if !f.ModTime.Equal(st.ModTime()) {
				t.Errorf("%s/%s: ModTime %v, want %v", dir, f.Path, f.ModTime, st.ModTime())
			}
			if f.Captured.String() != want {
				t.Errorf("%s/%s: captured %q, want %s", dir, f.Path, f.Captured, want)
			}
		}
	}
}
