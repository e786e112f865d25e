package bwcli

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bwlint/bwlint/inputs/source"
)

// feed reads text with r, line by line, and returns its result.
func feed(r *Reader, text string) *Transcript {
	for sc := source.NewLines(text); ; {
		l, ok := sc.Next()
		if !ok {
			break
		}
		r.Line(&l)
	}
	tr, _ := r.Result()
	return tr
}

// TestSharedArenas reads files one after another from the same Arenas, as
// a loader's worker does, and requires of each what a reader of its own
// reads; a reader fed more lines after its Result must neither fail nor
// change what the next reader read.
func TestSharedArenas(t *testing.T) {
	files := []string{
		"AS_CLI/Interface/Messaging> get\n  provisioningUrl = https://a.example.net/p\n  enableSynchronization = true\n",
		"AS_CLI/Maintenance/Patching> get\n   Patch Name   Status\n===================\n  AP.as.1   Active\n  AP.as.2   Active\n2 entries found.\n",
		"XSP_CLI/Applications> get\n  name = one\nXSP_CLI/Applications> cd /\nXSP_CLI> get\n",
	}
	ar := NewArenas()
	var first *Reader
	var shared []*Transcript
	for i, text := range files {
		r := NewReaderIn(ar, "f.txt", text)
		shared = append(shared, feed(r, text))
		if i == 0 {
			first = r
		}
	}
	// The first reader, fed again after its Result, takes arenas of its
	// own: the second and third files' model stays as it was read.
	again := feed(first, "AS_CLI/System> get\n  a = b\n  c = d\n")
	if n := len(again.Commands); n != 2 {
		t.Errorf("first reader after its Result: %d commands, want 2 (the first file's and the new one)", n)
	}
	for i, text := range files {
		own, _ := Parse("f.txt", text)
		if diff := cmp.Diff(dump(own, nil), dump(shared[i], nil)); diff != "" {
			t.Errorf("file %d read from shared arenas differs from a reader of its own (-own +shared):\n%s", i, diff)
		}
	}
}
