package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/checks/codes"
	"github.com/bwlint/bwlint/lint/linttest"
)

// explainOut runs bwlint explain with args and returns its output.
func explainOut(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"bwlint", "explain", "--markdown"}, args...), &stdout, &stderr); code != exitOK {
		t.Fatalf("bwlint explain %q: exit %d: %s", args, code, stderr.String())
	}
	return stdout.String()
}

// TestExplainEveryCode asks bwlint explain for every entry of the table,
// by its id and by its code, and for every code of the guide's two tables,
// and checks that the answer is that entry: its meaning, its action and
// each check it names.
func TestExplainEveryCode(t *testing.T) {
	tables := 0
	for _, e := range codes.All() {
		queries := []string{e.ID}
		if e.Code != "" {
			queries = append(queries, e.Code)
		}
		if e.Family == codes.EndUser || e.Family == codes.DirectorySync {
			tables++
		}
		for _, q := range queries {
			out := explainOut(t, q)
			for _, want := range append([]string{"# " + codeLabel(e), e.Meaning, e.Action, "`" + e.ID + "`"}, append(e.Checks, e.ReportedBy...)...) {
				if !strings.Contains(out, want) {
					t.Errorf("bwlint explain %s does not say %q:\n%s", q, want, out)
				}
			}
		}
	}
	// The two tables at the end of the troubleshooting guide: 25 end-user
	// codes and 28 Directory Sync codes (checks/codes compares the codes
	// themselves with the guide).
	if tables != 25+28 {
		t.Errorf("bwlint explains %d codes of the guide's two tables, want 53", tables)
	}
}

// TestExplainFindsMessages pastes the second half of each message of the
// table, as copied from a screen that cut its start: the entry comes
// first when no other message holds the fragment, and among the other
// matches listed when several do.
func TestExplainFindsMessages(t *testing.T) {
	all := codes.All()
	for _, e := range all {
		if len(e.Message) < 30 || strings.Contains(e.Message, "<") {
			continue // a status line, or a message with placeholders
		}
		half := len(e.Message) / 2
		fragment := e.Message[half+strings.IndexByte(e.Message[half:], ' ')+1:]
		shared := 0
		for _, o := range all {
			if strings.Contains(strings.ToLower(o.Message), strings.ToLower(fragment)) {
				shared++
			}
		}
		out := explainOut(t, fragment)
		first, _, _ := strings.Cut(out, "\n")
		switch {
		case shared == 1 && first != "# "+codeLabel(e):
			t.Errorf("bwlint explain %q starts with %q, want %s", fragment, first, codeLabel(e))
		case shared > 1 && first != "# "+codeLabel(e) && !strings.Contains(out, "`bwlint explain "+e.ID+"`"):
			t.Errorf("bwlint explain %q neither explains nor lists %s:\n%s", fragment, e.ID, out)
		}
	}
}

// TestCodesPage compares docs/codes.md with what the table generates;
// -update rewrites it.
func TestCodesPage(t *testing.T) {
	page := codesMarkdown(checks.All())
	for _, e := range codes.All() {
		if !strings.Contains(page, "| "+cell(codeLabel(e))+" |") {
			t.Errorf("docs/codes.md has no row for %s", e.ID)
		}
	}
	linttest.Golden(t, filepath.Join("..", "..", "docs", "codes.md"), page)
}

// TestExplainOneWord: one word that no check's name holds finds the code
// whose message holds it; one that a check's name holds names the check,
// and more words search the messages again.
func TestExplainOneWord(t *testing.T) {
	if out := explainOut(t, "locked"); !strings.HasPrefix(out, "# 200018\n") {
		t.Errorf("explain locked:\n%s", out)
	}
	code, _, stderr := runCLI("explain", "email")
	if code != exitUsage || !strings.Contains(stderr, `did you mean "users_email_valid_unique"?`) {
		t.Errorf("explain email: exit code %d, %s", code, stderr)
	}
	if out := explainOut(t, "email", "already", "associated"); !strings.HasPrefix(out, "# 200042\n") {
		t.Errorf("explain email already associated:\n%s", out)
	}
}
