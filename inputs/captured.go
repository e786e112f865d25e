package inputs

import (
	"strings"
	"time"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// CaptureTime is when a capture was taken, as the tool that recorded the
// terminal wrote it at the head of its log. Only such a header is taken
// as the capture's time: bwshowver prints install dates, and the log lines
// of PSLog or OCI-P say when things happened on the server, not when they
// were captured.
type CaptureTime struct {
	// Tool is the recording tool whose header it is: CaptureScript
	// (script(1), "Script started on …") or CapturePuTTY ("=~=~=~ PuTTY
	// log 2026.01.02 10:20:00 =~=~=~"); "" when the file shows no time.
	Tool string
	// Time is the time the header gives. When the header names no time
	// zone (PuTTY, and script(1) before util-linux 2.35), Zoned is false
	// and Time is the capturing machine's wall clock, held as UTC.
	Time  time.Time
	Zoned bool
	// At is where the header's time stands in the file.
	At hcl.Range
}

// The tools whose headers give a capture's time.
const (
	CaptureScript = "script"
	CapturePuTTY  = "putty"
)

// String is the time as reports write it: RFC 3339, without an offset
// when the header gave none.
func (c CaptureTime) String() string {
	if c.Zoned {
		return c.Time.Format(time.RFC3339)
	}
	return c.Time.Format("2006-01-02T15:04:05")
}

// headerLines is how far into a file a recording tool's header is looked
// for: script(1) and PuTTY write it first, after at most a blank line or
// a byte-order mark that decoding removed.
const headerLines = 3

// capturedAt reads the time of a capture from its first lines; the zero
// CaptureTime when they hold no header bwlint knows.
func capturedAt(path, text string) CaptureTime {
	off := 0
	for range headerLines {
		line, _, _ := strings.Cut(text[off:], "\n")
		t := strings.TrimRight(line, "\r")
		h, ok := scriptHeader(t)
		if !ok {
			h, ok = puttyHeader(t)
		}
		if ok {
			start := off + strings.Index(t, h.text)
			at := source.NewIndex(path, text[:off+len(line)]).Range(start, start+len(h.text))
			return CaptureTime{Tool: h.tool, Time: h.time, Zoned: h.zoned, At: at}
		}
		if off += len(line) + 1; off > len(text) {
			break
		}
	}
	return CaptureTime{}
}

// header is a recognised header: its tool, the time as written and as
// read.
type header struct {
	tool, text string
	time       time.Time
	zoned      bool
}

// scriptHeader reads script(1)'s first line: "Script started on
// 2026-01-02 10:11:12+00:00 [TERM=…]" since util-linux 2.35, "Script
// started on Fri Jan  2 10:11:12 2026" before it and on BSD and macOS.
func scriptHeader(line string) (header, bool) {
	rest, ok := strings.CutPrefix(line, "Script started on ")
	if !ok {
		return header{}, false
	}
	rest, _, _ = strings.Cut(rest, " [")
	rest = strings.TrimSpace(rest)
	for _, f := range []struct {
		layout string
		zoned  bool
	}{{"2006-01-02 15:04:05-07:00", true}, {time.UnixDate, true}, {time.ANSIC, false}} {
		if t, err := time.Parse(f.layout, rest); err == nil {
			return header{tool: CaptureScript, text: rest, time: t, zoned: f.zoned}, true
		}
	}
	return header{}, false
}

// puttyHeader reads PuTTY's log header: "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log
// 2026.01.02 10:20:00 =~=~=~=~=~=~=~=~=~=~=~=", the local time without a
// zone.
func puttyHeader(line string) (header, bool) {
	i := strings.Index(line, " PuTTY log ")
	if !strings.HasPrefix(line, "=~=~=") || i < 0 {
		return header{}, false
	}
	rest := line[i+len(" PuTTY log "):]
	if len(rest) < len("2006.01.02 15:04:05") {
		return header{}, false
	}
	text := rest[:len("2006.01.02 15:04:05")]
	t, err := time.Parse("2006.01.02 15:04:05", text)
	if err != nil {
		return header{}, false
	}
	return header{tool: CapturePuTTY, text: text, time: t}, true
}
