package inputs

import (
	"runtime"
	"testing"
	"unsafe"
	"weak"
)

// TestLoadKeepsNoEarlierLoadAlive loads a snapshot, drops it and loads
// another: nothing of the second may keep the first's files in memory.
// Readers hand the chunks they carve values from to the next file, and
// chunks shared between two loads would keep every file of the first
// alive through the values carved before.
func TestLoadKeepsNoEarlierLoadAlive(t *testing.T) {
	texts := func() []weak.Pointer[byte] {
		var texts []weak.Pointer[byte]
		for _, f := range load(t, "../testdata/example").Files {
			if f.Kind == KindTranscript && len(f.Text) > 0 {
				texts = append(texts, weak.Make(unsafe.StringData(f.Text)))
			}
		}
		return texts
	}()
	if len(texts) == 0 {
		t.Fatal("the example has no transcripts")
	}
	second := load(t, "../testdata/example")
	runtime.GC()
	runtime.GC()
	alive := 0
	for _, w := range texts {
		if w.Value() != nil {
			alive++
		}
	}
	if alive > 0 {
		t.Errorf("%d of the first load's %d transcripts are still in memory while the second load is", alive, len(texts))
	}
	runtime.KeepAlive(second)
}
