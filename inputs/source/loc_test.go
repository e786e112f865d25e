package source

import (
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// TestLocAgreesWithIndex asks a File for the position of every offset of
// texts with CRLF, blank lines, multi-byte characters and no final line
// break, in order, backwards and from several goroutines, and requires
// what Index computes eagerly.
func TestLocAgreesWithIndex(t *testing.T) {
	for _, text := range []string{
		"",
		"a",
		"AS_CLI> get\r\n  name = café\r\n\r\nlast",
		"ünïcödé ünïcödé\n\n€ = 1\n",
		strings.Repeat("x€", 500) + "\n" + strings.Repeat("y", 70),
	} {
		ix := NewIndex("f.txt", text)
		var offs []int
		for i := 0; i <= len(text); i++ {
			if i == len(text) || (text[i]&0xC0) != 0x80 {
				offs = append(offs, i)
			}
		}
		check := func(f *File, start, end int) {
			t.Helper()
			got := f.Loc(start, end).Range()
			if want := ix.Range(start, end); got != want {
				t.Errorf("%q [%d,%d): got %v, want %v", text, start, end, got, want)
			}
		}
		f := NewFile("f.txt", text)
		for i, a := range offs {
			check(f, a, offs[min(i+1, len(offs)-1)])
		}
		for i := len(offs) - 1; i >= 0; i-- {
			check(f, offs[i], offs[len(offs)-1])
		}
		f = NewFile("f.txt", text)
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Go(func() {
				for i := w; i < len(offs); i += 4 {
					if got, want := f.Loc(offs[i], offs[i]).Range(), ix.Range(offs[i], offs[i]); got != want {
						t.Errorf("%q %d concurrently: got %v, want %v", text, offs[i], got, want)
					}
				}
			})
		}
		wg.Wait()
	}
}

// TestLocKinds covers the locations that are not offsets: none, the whole
// file, and a range a decoder computed.
func TestLocKinds(t *testing.T) {
	var zero Loc
	if zero.Range() != (hcl.Range{}) || zero.Filename() != "" || (Value{}).Present() {
		t.Errorf("zero Loc: %v %q", zero.Range(), zero.Filename())
	}
	f := NewFile("a/b.txt", "one\ntwo\n")
	if got := f.WholeFile().Range(); got != (hcl.Range{Filename: "a/b.txt"}) {
		t.Errorf("whole file: %v", got)
	}
	r := hcl.Range{Filename: "t.json", Start: hcl.Pos{Line: 3, Column: 4, Byte: 20}, End: hcl.Pos{Line: 3, Column: 9, Byte: 25}}
	fixed := LocOf(r)
	if fixed.Range() != r || fixed.Filename() != "t.json" {
		t.Errorf("LocOf: %v", fixed.Range())
	}
	if a, b := fixed.Bytes(); a != 20 || b != 25 {
		t.Errorf("LocOf bytes: %d %d", a, b)
	}
	if !fixed.Equal(LocOf(r)) || fixed.Equal(f.Loc(0, 3)) {
		t.Error("Equal compares ranges")
	}
	if got := f.Loc(4, 7).Range(); got.Start != (hcl.Pos{Line: 2, Column: 1, Byte: 4}) || got.End != (hcl.Pos{Line: 2, Column: 4, Byte: 7}) {
		t.Errorf("second line: %v", got)
	}
	if got := f.Loc(0, 1).To(f.Loc(4, 7)).Range(); got.Start.Byte != 0 || got.End.Byte != 7 || got.End.Line != 2 {
		t.Errorf("To: %v", got)
	}
	v := f.Value(4, 7)
	if s := v.Slice(1, 3); s.Text != "wo" || s.Range().Start.Column != 2 || s.Range().End.Column != 4 {
		t.Errorf("Slice: %q %v", s.Text, s.Range())
	}
}
